"""Which language a page's content is in, and the URLs of its versions in other languages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin


@dataclass(frozen=True)
class Language:
    locale: str  # as in the file suffix and mkdocs.yml: "zh", "en"
    tag: str  # BCP 47 tag for lang and hreflang attributes: "zh-Hans", "en"
    name: str  # the language's name in itself, for the switcher
    home: str  # site-relative URL of its home page: "", "en/"


@dataclass(frozen=True)
class Alternate:
    tag: str
    url: str  # absolute


def content_locale(localization: str | None, default_locale: str) -> str:
    """The language a source file is written in: its suffix (page.en.md), else the default.

    static-i18n's own `file.locale` names the language being built for a fallback page, which is
    not the language of its text.
    """
    return localization or default_locale


@cache  # pure, and called for every event of every feed and page
def absolute_url(site_url: str, site_relative: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", site_relative)
