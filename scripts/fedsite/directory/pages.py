"""The contacts directory, in one language: the district federation and a list of townships and
streets (on the contacts page), and one page per township or street with each place in full:
address, phones, opening hours, online channels, services, activities coming up there, a vCard
and schema.org JSON-LD. HTML comes from the macros in templates/directory.md.j2."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from fedsite import paths
from fedsite.calendar.schedule import Schedule
from fedsite.directory.grouping import Directory
from fedsite.model import Place
from fedsite.output.escaping import markdown_heading
from fedsite.output.templates import macros
from fedsite.page_context import PageContext
from fedsite.posters import poster_links

COMING_UP = 5  # activities listed on a township's page; the rest are a link away
# On a township's page these come first, in this order: the places a resident goes to.
TOWNSHIP_FIRST = ("womens-home", "federation")
AMAP_MARKER = "https://uri.amap.com/marker"


def map_link(place: Place, t) -> str:
    """An Amap (高德地图) marker for the place: a link only, nothing loads from a map provider.
    Amap takes coordinates as longitude,latitude, in its own datum (GCJ-02), which is what
    editors copy from it."""
    if place.location is None:
        return ""
    lat, lon = place.location
    query = urlencode(
        {"position": f"{lon},{lat}", "name": t(place.name), "coordinate": "gaode", "callnative": 1}
    )
    return f"{AMAP_MARKER}?{query}"


class UnknownTownship(LookupError):
    pass


@dataclass
class DirectoryPages:
    schedule: Schedule
    directory: Directory

    def views(self) -> dict[str, Callable[[PageContext, str], list[str]]]:
        return {"directory": self.index, "township": self.township, "townships": self.grid}

    @property
    def _m(self):
        return macros("directory.md.j2")

    def index(self, ctx: PageContext, _argument: str) -> list[str]:
        """The townships and streets first (most people look for theirs), then the district
        federation."""
        blocks = [markdown_heading(2, ctx.t.ui["find_township"], "townships")]
        counts = {tid: len(places) for tid, places in self.directory.by_township.items()}
        blocks.append(str(self._m.township_list(self.directory.townships, counts, ctx.t, ctx.link)))
        for place in self.directory.district_office:
            blocks += self._card(place, ctx)
        return blocks

    def grid(self, ctx: PageContext, _argument: str) -> list[str]:
        """The townships and streets as a compact grid of links (the home page)."""
        townships = self.directory.townships
        return [str(self._m.township_list(townships, {}, ctx.t, ctx.link, grid=True))]

    def township(self, ctx: PageContext, argument: str) -> list[str]:
        """A resident's home on the site: her Women's Home and federation first, each with a
        call button; what's on there next; the services near her; the other places; the way
        back to the list."""
        if argument not in self.directory.by_township:
            raise UnknownTownship(argument)
        t, places = ctx.t, self.directory.by_township[argument]
        first = [p for p in places if p.kind in TOWNSHIP_FIRST]
        others = [p for p in places if p.kind not in TOWNSHIP_FIRST]
        township = self.directory.data.townships[argument]
        blocks = [str(self._m.back(ctx.link, t))]
        # Whom to call first: her Women's Home and federation; where the township has none
        # listed yet, the district federation, saying so.
        if not first:
            note = t.ui["township_not_listed"].format(township=t(township.name))
            blocks.append(str(macros("calendar.md.j2").note(note)))
        for place in sorted(first, key=lambda p: TOWNSHIP_FIRST.index(p.kind)) or (
            self.directory.district_office
        ):
            blocks += self._card(place, ctx)
        coming = [
            o
            for place in places
            for o in self.schedule.upcoming_by_place.get(place.id, [])
            if o.status != "cancelled"
        ]
        coming.sort(key=lambda o: o.sort_key)
        blocks.append(markdown_heading(2, t.ui["activities_here"], "whats-on"))
        if coming:
            calendar = macros("calendar.md.j2")
            blocks.append(str(calendar.agenda(coming[:COMING_UP], t, ctx.link)))
        else:
            blocks.append(str(macros("calendar.md.j2").note(t.ui["no_upcoming_place"])))
        blocks.append(poster_links(ctx, self.schedule.today, township))
        offered = list({s.id: s for p in places for s in p.services}.values())
        if offered:
            blocks.append(markdown_heading(2, t.ui["services_near_you"], "services"))
            blocks.append(str(self._m.services(offered, t, ctx.link)))
        for place in others:
            blocks += self._card(place, ctx)
        blocks.append(str(self._m.back(ctx.link, t)))
        return blocks

    def _card(self, place: Place, ctx: PageContext) -> list[str]:
        used = place.id in self.schedule.venues
        card = self._m.place_card(
            place, ctx.t, ctx.link, used, self.jsonld(place, ctx), map_link(place, ctx.t)
        )
        # A Markdown heading, so the page's table of contents lists the places.
        return [markdown_heading(2, ctx.t(place.name), place.id), str(card)]

    def jsonld(self, place: Place, ctx: PageContext) -> dict:
        t = ctx.t
        federation = place.kind in ("district-federation", "federation")
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice" if federation else "Organization",
            "name": t(place.name),
            "url": ctx.absolute(paths.place(place)),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": t(place.address),
                "addressLocality": t.ui["district"],
                "addressRegion": t.ui["region"],
                "addressCountry": "CN",
            },
        }
        real = [p for p in place.phones if not p.example]
        if real:
            data["telephone"] = real[0].e164 or real[0].display
        if place.hours and federation:
            data["description"] = t(place.hours)
        return data
