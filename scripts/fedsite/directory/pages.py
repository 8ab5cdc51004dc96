"""The contacts directory, in one language: the district federation and a list of townships and
streets (on the contacts page), and one page per township or street with each place in full:
address, phones, opening hours, online channels, services, activities coming up there, a vCard
and schema.org JSON-LD. HTML comes from the macros in templates/directory.md.j2."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from fedsite import paths
from fedsite.calendar.schedule import Schedule
from fedsite.model import DIRECTORY_KINDS, Place, Township
from fedsite.output.escaping import markdown_heading
from fedsite.output.templates import macros
from fedsite.page_context import PageContext

COMING_UP = 3  # activities listed on a place's entry; the rest are a link away


class UnknownTownship(LookupError):
    pass


@dataclass
class DirectoryPages:
    schedule: Schedule

    @property
    def data(self):
        return self.schedule.data

    def views(self) -> dict[str, Callable[[PageContext, str], list[str]]]:
        return {"directory": self.index, "township": self.township, "townships": self.grid}

    @cached_property
    def listed(self) -> list[Place]:
        """Places the directory shows, in the order of its pages."""
        order = {kind: n for n, kind in enumerate(DIRECTORY_KINDS)}
        townships = list(self.data.townships)
        places = [p for p in self.data.places.values() if p.in_directory]
        return sorted(places, key=lambda p: (townships.index(p.township.id), order[p.kind]))

    @cached_property
    def by_township(self) -> dict[str, list[Place]]:
        """Township id -> its places, for townships that have any (district office aside)."""
        grouped: dict[str, list[Place]] = {}
        for place in self.listed:
            if place.kind != "district-federation":
                grouped.setdefault(place.township.id, []).append(place)
        return grouped

    @property
    def townships(self) -> list[Township]:
        """The townships and streets that get a page of their own."""
        return [self.data.townships[tid] for tid in self.by_township]

    @property
    def _m(self):
        return macros("directory.md.j2")

    def index(self, ctx: PageContext, _argument: str) -> list[str]:
        blocks = []
        for place in self.listed:
            if place.kind == "district-federation":
                blocks += self._card(place, ctx)
        blocks.append(markdown_heading(2, ctx.t.ui["find_township"], "townships"))
        counts = {tid: len(places) for tid, places in self.by_township.items()}
        blocks.append(str(self._m.township_list(self.townships, counts, ctx.t, ctx.link)))
        return blocks

    def grid(self, ctx: PageContext, _argument: str) -> list[str]:
        """The townships and streets as a compact grid of links (the home page)."""
        return [str(self._m.township_list(self.townships, {}, ctx.t, ctx.link, grid=True))]

    def township(self, ctx: PageContext, argument: str) -> list[str]:
        if argument not in self.by_township:
            raise UnknownTownship(argument)
        return [block for place in self.by_township[argument] for block in self._card(place, ctx)]

    def _card(self, place: Place, ctx: PageContext) -> list[str]:
        coming = self.schedule.upcoming_by_place.get(place.id, [])
        used = place.id in self.schedule.venues
        card = self._m.place_card(
            place, ctx.t, ctx.link, coming[:COMING_UP], used, self.jsonld(place, ctx)
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
