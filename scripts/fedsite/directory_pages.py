"""The contacts directory, in one language: the district federation and a list of townships and
streets (on the contacts page), and one page per township or street with each place in full:
address, phones, opening hours, online channels, services, activities coming up there, a vCard
and schema.org JSON-LD. HTML comes from the macros in templates/directory.md.j2."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from fedsite.calendar_pages import CalendarSite, relative_link
from fedsite.contacts_data import DIRECTORY_KINDS, Place, Township
from fedsite.directory_paths import place_path, township_path, vcard_path
from fedsite.escaping import markdown_heading
from fedsite.languages import absolute_url
from fedsite.localize import Localizer
from fedsite.templates import macros

COMING_UP = 3  # activities listed on a place's entry; the rest are a link away


def page_path(docs_path: str) -> str:
    """The URL path MkDocs gives a Markdown file: services/health.md -> services/health/."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@dataclass
class DirectorySite:
    calendar: CalendarSite

    @property
    def data(self):
        return self.calendar.data

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

    @cached_property
    def venues(self) -> set[str]:
        """Ids of the places any activity is held at."""
        return {a.venue.id for a in self.data.activities}

    @property
    def townships(self) -> list[Township]:
        return [self.data.townships[tid] for tid in self.by_township]

    @property
    def _macros(self):
        return macros("directory.md.j2")

    def render(self, view: str, argument: str, t: Localizer, page_url: str, home: str) -> str:
        """The Markdown for the marker `<!-- fedsite:view argument -->`."""

        def link(target: str) -> str:
            return relative_link(page_url, home + target)

        if view == "directory":
            blocks = self._index(t, link, home)
        elif view == "township" and argument in self.by_township:
            blocks = self._township(self.by_township[argument], t, link, home)
        else:
            raise ValueError(f"unknown directory view '{view} {argument}'")
        return "\n\n".join(b.strip("\n") for b in blocks if b.strip()) + "\n"

    def _index(self, t, link, home) -> list[str]:
        blocks = []
        for place in self.listed:
            if place.kind == "district-federation":
                blocks += self._card(place, t, link, home)
        blocks.append(markdown_heading(2, t.ui["find_township"], "townships"))
        counts = {tid: len(places) for tid, places in self.by_township.items()}
        blocks.append(
            str(self._macros.township_list(self.townships, counts, t, link, township_path))
        )
        return blocks

    def _township(self, places: list[Place], t, link, home) -> list[str]:
        blocks = []
        for place in places:
            blocks += self._card(place, t, link, home)
        return blocks

    def _card(self, place: Place, t, link: Callable[[str], str], home: str) -> list[str]:
        coming = self.calendar.upcoming_by_place.get(place.id, [])
        used = place.id in self.venues
        card = self._macros.place_card(
            place,
            t,
            link,
            coming[:COMING_UP],
            used,
            self.calendar.event_page,
            page_path,
            vcard_path(place),
            self.jsonld(place, t, home),
        )
        # A Markdown heading, so the page's table of contents lists the places.
        return [markdown_heading(2, t(place.name), place.id), str(card)]

    def jsonld(self, place: Place, t: Localizer, home: str) -> dict:
        federation = place.kind in ("district-federation", "federation")
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOffice" if federation else "Organization",
            "name": t(place.name),
            "url": absolute_url(self.calendar.site_url, home + place_path(place)),
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
