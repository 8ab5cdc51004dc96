"""Thin MkDocs glue for the data engine in scripts/fedsite (which never imports MkDocs).

It loads the interface strings and the calendar data (on_config), fills the calendar markers
of stub pages (on_page_markdown), adds each page's language facts (on_page_context) and writes
what static-i18n gets wrong or cannot make: iCalendar feeds, a 404 page per language, sitemaps.

static-i18n builds the site once per language, nesting the other languages' builds inside the
default language's on_post_build. Each event below therefore fires once per language; the 404
pages and sitemaps are written once, at the end, and feeds into each language's own folder.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fedsite.calendar_data import load_site_data
from fedsite.calendar_feeds import write_feeds
from fedsite.calendar_pages import CalendarSettings, CalendarSite
from fedsite.dates import ReferenceDateError, localized_date, page_updated, reference_date
from fedsite.directory_pages import DirectorySite
from fedsite.directory_paths import place_path, vcard_path
from fedsite.errors import DataError
from fedsite.generated_pages import stub_pages, sync_folder
from fedsite.languages import Alternate, Language, absolute_url, content_locale
from fedsite.localize import Localizer
from fedsite.occurrences import double_bookings
from fedsite.sitemap import SitemapEntry, write_sitemap
from fedsite.ui_strings import UiStrings, load_ui_strings
from fedsite.vcard import place_vcard
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory

log = get_plugin_logger("fedsite")


@dataclass
class BuildState:
    languages: list[Language] = field(default_factory=list)
    ui: UiStrings = field(default_factory=dict)
    today: dt.date | None = None
    # Languages whose build is running, innermost last (static-i18n nests them).
    running: list[str] = field(default_factory=list)
    sitemap: dict[str, list[SitemapEntry]] = field(default_factory=dict)
    not_found: dict[str, str] = field(default_factory=dict)
    site_dir: str = ""
    calendar: CalendarSite | None = None
    directory: DirectorySite | None = None

    @property
    def default(self) -> Language:
        return self.languages[0]

    def language(self, locale: str) -> Language:
        return next(lang for lang in self.languages if lang.locale == locale)

    def localizer(self, locale: str) -> Localizer:
        tags = {lang.locale: lang.tag for lang in self.languages}
        return Localizer(locale, self.default.locale, tags, self.ui[locale])


state = BuildState()


def _languages(config: MkDocsConfig) -> list[Language]:
    """The languages static-i18n builds, default first, with their BCP 47 tags."""
    i18n = config.plugins["i18n"].config
    tags = config.extra.get("lang_tags") or {}
    built = [lang for lang in i18n.languages if lang.build]
    built.sort(key=lambda lang: not lang.default)
    return [
        Language(
            locale=lang.locale,
            tag=tags.get(lang.locale, lang.locale),
            name=lang.name,
            home=lang.link.lstrip("/"),
        )
        for lang in built
    ]


def _fail(message: str) -> PluginError:
    # PluginError makes MkDocs print the message and stop, without a traceback.
    return PluginError(message)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.plugins["i18n"].building:  # a nested language build: settings are loaded already
        return config
    state.running = []
    state.site_dir = config.site_dir
    state.languages = _languages(config)
    root = Path(config.config_file_path).parent
    try:
        state.ui = load_ui_strings(
            root / "data" / "ui.yml", [lang.locale for lang in state.languages]
        )
        state.today = reference_date()
        state.calendar = _load_calendar(config, root)
        state.directory = _load_directory(config, state.calendar)
    except DataError as exc:
        raise _fail(exc.report(root)) from None
    except ReferenceDateError as exc:
        raise _fail(str(exc)) from None
    _check_quick_exit(config)
    return config


def _check_quick_exit(config: MkDocsConfig) -> None:
    """The quick exit's destination must be a full https address (it is shown on every page)."""
    url = (config.extra.get("quick_exit") or {}).get("url")
    parts = urlsplit(url) if isinstance(url, str) else None
    if not parts or parts.scheme != "https" or not parts.hostname:
        raise _fail(
            "mkdocs.yml: extra.quick_exit.url must be the full https address of a neutral site "
            "that opens quickly in mainland China, e.g. https://www.weather.com.cn/"
        )


def _load_calendar(config: MkDocsConfig, root: Path) -> CalendarSite:
    """Check the calendar data, report what is not fatal, write the month pages."""
    locales = [lang.locale for lang in state.languages]
    data = load_site_data(
        root / "data",
        locales,
        lambda path: page_updated(path, state.today),
        Path(config.docs_dir),
    )
    options = config.extra.get("calendar") or {}
    known = CalendarSettings.__dataclass_fields__
    if unknown := sorted(set(options) - set(known)):
        raise _fail(
            f"mkdocs.yml: extra.calendar has no setting '{unknown[0]}'. "
            f"Known settings: {', '.join(known)}"
        )
    if bad := [k for k, v in options.items() if not isinstance(v, int) or v < 1]:
        raise _fail(f"mkdocs.yml: extra.calendar.{bad[0]} must be a whole number above 0")
    settings = CalendarSettings(**options)
    calendar = CalendarSite(data, state.today, config.site_url or "/", settings)
    for warning in data.warnings:
        log.info(f"Warning: {warning.format(root)}")
    for first, second in double_bookings(calendar.occurrences):
        log.info(
            f"Warning: '{first.activity.id}' and '{second.activity.id}' are both at "
            f"'{first.activity.venue.id}' at {second.start:%Y-%m-%d %H:%M}: is the place "
            "booked twice?"
        )

    def title(locale: str, month) -> tuple[str, str]:
        t = state.localizer(locale)
        name = t.month(month)
        return (
            t.ui["month_page_title"].format(month=name),
            t.ui["month_page_description"].format(month=name),
        )

    # Out of search: a district's month pages would make the index megabytes.
    pages = stub_pages(
        calendar.months,
        "month",
        lambda month: f"{month:%Y-%m}",
        locales,
        state.default.locale,
        title,
        searchable=False,
    )
    sync_folder(Path(config.docs_dir) / "activities" / "months", pages)
    return calendar


def _load_directory(config: MkDocsConfig, calendar: CalendarSite) -> DirectorySite:
    """The directory over the same data; writes a page per township or street."""
    directory = DirectorySite(calendar)

    def title(locale: str, township) -> tuple[str, str]:
        t = state.localizer(locale)
        name = t(township.name)
        return (
            t.ui["township_page_title"].format(township=name),
            t.ui["township_page_description"].format(township=name),
        )

    locales = [lang.locale for lang in state.languages]
    pages = stub_pages(
        directory.townships,
        "township",
        lambda township: township.id,
        locales,
        state.default.locale,
        title,
        searchable=True,
    )
    sync_folder(Path(config.docs_dir) / "contacts", pages)
    return directory


DIRECTORY_VIEWS = ("directory", "township")
MARKER = re.compile(r"<!-- fedsite:(?P<view>[a-z]+)(?: (?P<arg>[\w-]+))? -->")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the calendar and directory markers of stub pages (Material's own docs do the same)."""
    if "<!-- fedsite:" not in markdown or state.calendar is None:
        return markdown
    lang = state.language(config.theme["language"])
    t = state.localizer(lang.locale)

    def fill(match: re.Match) -> str:
        view = match["view"]
        engine = state.directory if view in DIRECTORY_VIEWS else state.calendar
        try:
            return engine.render(view, match["arg"] or "", t, page.url, lang.home)
        except ValueError as exc:
            raise _fail(f"{page.file.src_uri}: {exc}") from None

    return MARKER.sub(fill, markdown)


def on_pre_build(*, config: MkDocsConfig) -> None:
    if not state.running:
        state.sitemap = {}
        state.not_found = {}
    state.running.append(config.theme["language"])
    state.site_dir = config.site_dir


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    current = state.language(config.theme["language"])
    env.globals["ui"] = state.ui[current.locale]
    env.globals["ui_all"] = state.ui
    env.globals["site_languages"] = state.languages
    env.globals["current_language"] = current
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    env.globals["language_sitemaps"] = [f"{root}{lang.home}sitemap.xml" for lang in state.languages]
    t = state.localizer(current.locale)
    hotlines = state.calendar.data.hotlines if state.calendar else ()
    env.globals["hotlines"] = [
        {
            "display": h.phone.display,
            "uri": h.phone.uri,
            "name": t(h.name),
            "example": h.phone.example,
        }
        for h in hotlines
    ]
    return env


# After static-i18n's on_page_context (priority 50), which sets the page's alternates.
@event_priority(0)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    sensitive = page.meta.get("sensitive", False)
    if not isinstance(sensitive, bool):
        raise _fail(
            f"{page.file.src_uri}: 'sensitive: {sensitive}' in the front matter must be true or "
            "false (true keeps the page out of offline caching)"
        )
    building = state.language(config.theme["language"])
    written_in = state.language(
        content_locale(getattr(page.file, "localization", None), state.default.locale)
    )
    alternates = []
    for lang in state.languages:
        alt_file = getattr(page.file, "alternates", {}).get(lang.locale)
        if alt_file is None:
            continue
        alt_written_in = content_locale(
            getattr(alt_file, "localization", None), state.default.locale
        )
        if alt_written_in == lang.locale:  # a real translation, not a fallback copy
            alternates.append(Alternate(lang.tag, absolute_url(config.site_url, alt_file.url)))
    original = next((a for a in alternates if a.tag == written_in.tag), None)
    x_default = next((a for a in alternates if a.tag == state.default.tag), None)
    if x_default:
        alternates.append(Alternate("x-default", x_default.url))
    untranslated = written_in != building
    if untranslated:
        log.info(
            f"'{page.file.src_uri}' has no {building.name} translation yet: the {building.name} "
            f"site shows the {written_in.name} original with a notice."
        )
        if original:
            page.canonical_url = original.url
    updated = page_updated(Path(page.file.abs_src_path), state.today)
    context["page_language"] = {
        "written_in": written_in,
        "untranslated": untranslated,
        "alternates": alternates,
        "updated": updated.isoformat(),
        "updated_text": localized_date(updated, building.locale),
    }
    if not untranslated:
        state.sitemap.setdefault(building.locale, []).append(
            SitemapEntry(
                page.canonical_url or absolute_url(config.site_url, page.url),
                updated,
                tuple(alternates),
            )
        )
    return context


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        state.not_found[config.theme["language"]] = output_content
    return output_content


# After static-i18n's on_post_build (priority -100), which runs the other languages' builds.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    lang = state.language(state.running.pop())
    site = Path(config.site_dir)
    if state.calendar is not None:
        # Into the language's own folder: static-i18n leaves config.site_dir at the root.
        write_feeds(state.calendar, site / lang.home, state.localizer(lang.locale), lang.home)
    if state.directory is not None:
        _write_vcards(state.directory, site / lang.home, lang, config.site_url or "/")
    if state.running:
        return
    # static-i18n writes one 404.html, in the language built last: write one per language.
    for lang in state.languages:
        page = state.not_found.get(lang.locale)
        if page is not None:
            target = site / lang.home / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
    # The root sitemap lists every language; each language folder gets its own (Material's
    # JavaScript fetches /en/sitemap.xml, and a sitemap may only list URLs under its folder).
    write_sitemap(site, [e for entries in state.sitemap.values() for e in entries])
    for lang in state.languages[1:]:
        write_sitemap(site / lang.home, state.sitemap.get(lang.locale, []))


def _write_vcards(directory: DirectorySite, folder: Path, lang: Language, site_url: str) -> None:
    t = state.localizer(lang.locale)
    domain = urlsplit(site_url).hostname or "localhost"
    for place in directory.listed:
        url = absolute_url(site_url, lang.home + place_path(place))
        target = folder / vcard_path(place)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(place_vcard(place, t, url, domain))


def on_build_error(*, error: Exception) -> None:
    """Never leave a half-built site: a failed build (bad data, or a broken link in strict
    mode) empties the output folder, as MkDocs itself does at the start of every build."""
    if state.site_dir:
        clean_directory(state.site_dir)
