"""Printable posters for village notice boards: one A4 page per township or street, and one for
the district, for this month and the next, in the site's default language. Each lists the
month's activities still to come, whom to call, the helplines, and a QR code to the township's
page (many residents never open a website, but everyone passes the notice board). HTML with
print CSS (the package's poster.css), from the macro in templates/poster.html.j2; the QR code is
segno's SVG, drawn inline so that the page needs nothing else."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import segno
from markupsafe import Markup

from fedsite import paths
from fedsite.calendar.schedule import Schedule, month_start
from fedsite.directory.grouping import Directory
from fedsite.model import Occurrence, Township
from fedsite.output.csp import poster_policy
from fedsite.output.templates import macros
from fedsite.page_context import PageContext
from fedsite.resources import POSTER_STYLESHEET

ROWS = 10  # activities that fit on the page with everything else; the rest are a scan away
CSS = POSTER_STYLESHEET


def poster_months(today: dt.date) -> list[dt.date]:
    """This month (what is left of it) and the next, which is what an editor prints at the
    end of a month."""
    this = month_start(today)
    return [this, month_start(this + dt.timedelta(days=31))]


@lru_cache(maxsize=2048)  # the same few hundred addresses in every build of a preview
def qr_svg(url: str) -> Markup:
    """The QR code as inline SVG. Only the URL goes into it, as modules; segno writes no text."""
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=4, border=2, omitsize=True, svgclass="poster__qr-code"))


def poster_links(ctx: PageContext, today: dt.date, township: Township | None = None) -> str:
    """The links to a township's (or the district's) posters, from a page in any language."""
    items = [
        (ctx.t.month(month), ctx.link_default(paths.poster(month, township)))
        for month in poster_months(today)
    ]
    return str(macros("calendar.md.j2").poster_links(items, ctx.t))


@dataclass
class Posters:
    schedule: Schedule
    directory: Directory
    assets: Mapping[str, str] = field(default_factory=dict)  # their content-hashed names
    icon: str = ""  # the site's favicon (data/identity.yml), a site path

    def _listed(self, month: dt.date, where: Callable[[Occurrence], bool]) -> list[Occurrence]:
        """What a reader of the poster can still go to: the month's activities from the
        build's today on, neither cancelled nor postponed."""
        return sorted(
            (
                o
                for o in self.schedule.by_month.get(month, [])
                if o.last_day >= self.schedule.today
                and o.status in ("scheduled", "moved")
                and where(o)
            ),
            key=lambda o: o.sort_key,
        )

    def files(self, ctx: PageContext) -> dict[str, bytes]:
        """Site path -> HTML of every poster, in the language of `ctx` (the default's)."""
        files = {}
        for month in poster_months(self.schedule.today):
            files[paths.poster(month)] = self._poster(ctx, month, None)
            for township in self.directory.townships:
                files[paths.poster(month, township)] = self._poster(ctx, month, township)
        return files

    def _poster(self, ctx: PageContext, month: dt.date, township: Township | None) -> bytes:
        t = ctx.t
        path = paths.poster(month, township)
        if township is None:
            place = t.ui["district"]
            contacts = self.directory.district_office
            page = paths.ACTIVITIES
        else:
            place = t(township.name)
            contacts = [
                p
                for p in self.directory.by_township[township.id]
                if p.kind in ("womens-home", "federation")
            ] or self.directory.district_office  # a township with none yet: the district's
            page = paths.township(township)
        if township is None:
            listed, district_wide = self._listed(month, lambda o: True), []
        else:
            listed = self._listed(month, lambda o: o.activity.venue.township.id == township.id)
            # What the district federation holds itself is open to everyone: it fills the
            # page of a township that has little on.
            district_wide = self._listed(
                month,
                lambda o: (
                    o.activity.venue.kind == "district-federation"
                    and o.activity.venue.township.id != township.id
                ),
            )[: max(ROWS - len(listed), 0)]
        url = ctx.absolute(page)
        html = macros("poster.html.j2").poster(
            title=t.ui["poster_title"].format(place=place, month=t.month(month)),
            lang=t.tags[t.lang],
            csp=poster_policy(),
            css=posixpath.relpath(self.assets.get(CSS, CSS), posixpath.dirname(path)),
            icon=posixpath.relpath(self.icon, posixpath.dirname(path)) if self.icon else "",
            rows=listed[:ROWS],
            more=len(listed) - ROWS,
            district_wide=district_wide,
            contacts=contacts,
            hotlines=self.schedule.data.hotlines,
            qr=qr_svg(url),
            url=url,
            district=township is None,
            today=self.schedule.today,
            t=t,
        )
        return str(html).encode("utf-8")
