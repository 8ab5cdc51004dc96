"""The directory's places as its pages and the posters list them: in the order of the contacts
page (townships as the data lists them, each township's places by kind), grouped by township.
Apart from the rendering, so that the pages and the posters both read it, one way."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from fedsite.model import DIRECTORY_KINDS, Place, SiteData, Township


@dataclass
class Directory:
    data: SiteData

    @cached_property
    def listed(self) -> list[Place]:
        """Places the directory shows, in the order of its pages."""
        order = {kind: n for n, kind in enumerate(DIRECTORY_KINDS)}
        townships = list(self.data.townships)
        places = [p for p in self.data.places.values() if p.in_directory]
        return sorted(places, key=lambda p: (townships.index(p.township.id), order[p.kind]))

    @cached_property
    def by_township(self) -> dict[str, list[Place]]:
        """Township id -> its places (district office aside), for every township in the data's
        order: one with none yet has its page too (whom to call is the district's)."""
        grouped: dict[str, list[Place]] = {tid: [] for tid in self.data.townships}
        for place in self.listed:
            if place.kind != "district-federation":
                grouped.setdefault(place.township.id, []).append(place)
        return grouped

    @property
    def townships(self) -> list[Township]:
        """The townships and streets that get a page of their own."""
        return [self.data.townships[tid] for tid in self.by_township]

    @property
    def district_office(self) -> list[Place]:
        """The district federation's own places."""
        return [p for p in self.listed if p.kind == "district-federation"]
