"""The site's languages, and which language versions a page has: the language its content is
written in, its translations, and what search engines are told about them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError

from fedsite import paths
from fedsite.localization.dates import localized_date


def is_language(code: str) -> bool:
    """Is `code` a language (an ISO 639 code CLDR names, such as ug, bo, ii, mn), with a
    script or region or not (zh-Hant, zh_Hant)? A key under a text that is not one is a
    mistake (a typo, a field name); one that is, a language the site may not build."""
    base = code.replace("_", "-").split("-")[0]
    return base.islower() and base in _language_names()


@cache
def _language_names() -> Mapping[str, str]:
    return Locale("en").languages


def language_name(code: str, in_language: str) -> str:
    """A language's name as Babel gives it in another language (ug in zh: 维吾尔语)."""
    try:
        names = Locale.parse(in_language).languages
    except (ValueError, UnknownLocaleError):
        return code
    return names.get(code.replace("-", "_"), names.get(code.split("-")[0], code))


def text_direction(code: str) -> str:
    """ "rtl" for a language written right to left (CLDR: ug, ar, fa, he...), else "ltr"."""
    try:
        order = Locale.parse(code.replace("-", "_")).character_order
    except (ValueError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


@dataclass(frozen=True)
class Language:
    locale: str  # as in the file suffix and mkdocs.yml: "zh", "en"
    tag: str  # BCP 47 tag for lang and hreflang attributes: "zh-Hans", "en"
    name: str  # the language's name in itself, for the switcher
    home: str  # site-relative URL of its home page: "", "en/"

    @property
    def direction(self) -> str:
        """ "rtl" or "ltr", from CLDR."""
        return text_direction(self.locale)


@dataclass(frozen=True)
class Alternate:
    tag: str
    url: str  # absolute


def site_languages(
    i18n_languages: Sequence[Mapping[str, Any]], lang_tags: Mapping[str, str]
) -> list[Language]:
    """The languages static-i18n builds (its `languages:` in mkdocs.yml), default first, with
    their BCP 47 tags from `extra.lang_tags`. The default language is at the site's root,
    every other in a folder named after its locale (static-i18n's default)."""
    built = [lang for lang in i18n_languages if lang.get("build", True)]
    built.sort(key=lambda lang: not lang.get("default"))
    return [
        Language(
            locale=lang["locale"],
            tag=lang_tags.get(lang["locale"], lang["locale"]),
            name=lang.get("name") or lang["locale"],
            home="" if lang.get("default") else f"{lang['locale']}/",
        )
        for lang in built
    ]


@dataclass(frozen=True)
class PageVersions:
    """What a page in one language build is, among its language versions."""

    written_in: Language  # the language its text is in
    untranslated: bool  # the text is not in the language being built (a fallback copy)
    alternates: tuple[Alternate, ...]  # real translations, then x-default
    canonical: str | None  # where search engines should look instead, for a fallback copy
    updated: dt.date

    def for_templates(self, locale: str) -> dict[str, Any]:
        """What the page's templates show: the notice for a fallback copy, the last update."""
        return {
            "written_in": self.written_in,
            "untranslated": self.untranslated,
            "updated": self.updated.isoformat(),
            "updated_text": localized_date(self.updated, locale),
        }

    def sitemap_entry(self, own_url: str) -> tuple[str, dt.date, tuple[Alternate, ...]] | None:
        """(URL, last update, alternates) for the sitemap; none for a fallback copy."""
        if self.untranslated:
            return None
        return (self.canonical or own_url, self.updated, self.alternates)


def page_versions(
    *,
    languages: Sequence[Language],
    building: str,
    written_in: str,
    translations: Mapping[str, str],
    site_url: str,
    updated: dt.date,
) -> PageVersions:
    """`translations` maps each language the page is really written in (not a fallback copy)
    to its URL path; `written_in` is the language of the text shown in the `building` build."""
    by_locale = {lang.locale: lang for lang in languages}
    alternates = [
        Alternate(lang.tag, paths.absolute(site_url, translations[lang.locale]))
        for lang in languages
        if lang.locale in translations
    ]
    original = next((a for a in alternates if a.tag == by_locale[written_in].tag), None)
    default = next((a for a in alternates if a.tag == languages[0].tag), None)
    if default:
        alternates.append(Alternate("x-default", default.url))
    untranslated = written_in != building
    return PageVersions(
        written_in=by_locale[written_in],
        untranslated=untranslated,
        alternates=tuple(alternates),
        canonical=original.url if untranslated and original else None,
        updated=updated,
    )
