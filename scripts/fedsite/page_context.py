"""What a view needs to know about the page it fills: the language, and where the page is."""

from __future__ import annotations

from dataclasses import dataclass

from fedsite import paths
from fedsite.localization.localize import Localizer


@dataclass(frozen=True)
class PageContext:
    t: Localizer  # the page's language
    page_url: str  # where the page is: 'en/activities/'
    home: str  # its language's folder: '' or 'en/'
    site_url: str  # the public address of the site

    def link(self, site_path: str) -> str:
        """A relative link to a path within this language ('activities/months/2026-12/')."""
        return paths.relative(self.page_url, self.home + site_path)

    def link_default(self, site_path: str) -> str:
        """A relative link to a path of the default language's site (the posters)."""
        return paths.relative(self.page_url, site_path)

    def absolute(self, site_path: str) -> str:
        return paths.absolute(self.site_url, self.home + site_path)
