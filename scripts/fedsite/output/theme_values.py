"""The values the site's own theme templates show (the hotline bar, the footer, search's
settings), escaped: MkDocs' theme templates do not escape, and all of it comes from editors."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from fedsite.output.escaping import html_values
from fedsite.search.index import INDEX as SEARCH_INDEX

if TYPE_CHECKING:
    from fedsite.site import Site


def theme_values(site: Site, locale: str) -> dict[str, Any]:
    """What the site's own templates show, escaped: MkDocs' theme templates do not
    escape, and all of it comes from editors."""
    t = site.localizer(locale)
    icp = site.identity.icp
    return html_values(
        {
            "ui": site.ui[locale],
            "ui_all": site.ui,
            "hotlines": [
                {
                    "display": h.phone.display,
                    "uri": h.phone.uri,
                    "name": t(h.name),
                    "short": t(h.short) if h.short else "",
                    "example": h.phone.example,
                }
                for h in site.data.hotlines
            ],
            "quick_exit_url": site.identity.quick_exit_url,
            "theme_colour": site.identity.colour,
            "site_search": {
                "index": site.language(locale).home + SEARCH_INDEX,
                # What puts the helplines first in search (search.js), lower-case.
                "help_words": sorted(
                    {
                        word.lower()
                        for group in site.data.search.synonyms
                        if group.help
                        for word in group.words.get(locale, ())
                    }
                ),
            },
            "icp": asdict(icp) if icp else None,
        }
    )
