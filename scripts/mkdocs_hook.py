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
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fedsite import csp
from fedsite.calendar_data import SiteData
from fedsite.calendar_feeds import write_feeds
from fedsite.calendar_pages import CalendarSite
from fedsite.dates import ReferenceDateError, localized_date, page_updated, reference_date
from fedsite.directory_pages import DirectorySite
from fedsite.directory_paths import place_path, vcard_path
from fedsite.errors import DataError
from fedsite.escaping import html_values
from fedsite.front_matter import FRONT_MATTER
from fedsite.generated_pages import GENERATED_FOLDERS, stub_pages, sync_folder
from fedsite.languages import Alternate, Language, absolute_url, content_locale
from fedsite.localize import Localizer
from fedsite.occurrences import double_bookings
from fedsite.site_inputs import load_inputs
from fedsite.site_settings import SiteSettings
from fedsite.sitemap import SitemapEntry, write_sitemap
from fedsite.ui_strings import UiStrings
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
    settings: SiteSettings | None = None
    serving: bool = False  # `mkdocs serve`, whose live-reload script is inline
    env: Environment | None = None
    # Page URL -> the inline scripts its templates wrote (the only ones its policy allows).
    inline_scripts: dict[str, list[str]] = field(default_factory=dict)

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


def on_startup(*, command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.plugins["i18n"].building:  # a nested language build: settings are loaded already
        return config
    state.running = []
    state.site_dir = config.site_dir
    state.languages = _languages(config)
    root = Path(config.config_file_path).parent
    try:
        state.today = reference_date()
    except ReferenceDateError as exc:
        raise _fail(str(exc)) from None
    inputs = load_inputs(
        config_file=Path(config.config_file_path),
        config=config,
        i18n_languages=config.plugins["i18n"].config.languages,
        locales=_locales(),
        docs_dir=Path(config.docs_dir),
        templates=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
        today=state.today,
    )
    if inputs.problems:
        raise _fail(DataError(inputs.problems).report(root))
    state.settings, state.ui = inputs.settings, inputs.ui
    state.calendar = _load_calendar(config, root, inputs.data, inputs.settings)
    state.directory = _load_directory(config, state.calendar)
    return config


def _locales() -> list[str]:
    return [lang.locale for lang in state.languages]


def _load_calendar(
    config: MkDocsConfig, root: Path, data: SiteData, settings: SiteSettings
) -> CalendarSite:
    """Report what is not fatal in the calendar data, and write the month pages."""
    calendar = CalendarSite(data, state.today, config.site_url or "/", settings.calendar)
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
        _locales(),
        state.default.locale,
        title,
        searchable=False,
    )
    sync_folder(Path(config.docs_dir) / GENERATED_FOLDERS[0], pages)
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

    pages = stub_pages(
        directory.townships,
        "township",
        lambda township: township.id,
        _locales(),
        state.default.locale,
        title,
        searchable=True,
    )
    sync_folder(Path(config.docs_dir) / GENERATED_FOLDERS[1], pages)
    return directory


DIRECTORY_VIEWS = ("directory", "township")
MARKER = re.compile(r"<!-- fedsite:(?P<view>[a-z]+)(?: (?P<arg>[\w-]+))? -->")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the calendar and directory markers of stub pages (Material's own docs do the same),
    and hand the templates the front matter escaped."""
    if FRONT_MATTER.match(markdown):  # MkDocs could not read what on_config accepted
        raise _fail(f"docs/{page.file.src_uri}: the front matter could not be read")
    page.meta = html_values(page.meta)
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


# After static-i18n's on_nav (priority -100), which translates the section titles.
@event_priority(-200)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Titles from mkdocs.yml's nav and nav_translations, escaped for Material's templates."""

    def walk(items) -> None:
        for item in items:
            if isinstance(vars(item).get("title"), str):  # a title given in mkdocs.yml
                item.title = html_values(item.title)
            walk(getattr(item, "children", None) or [])

    walk(nav.items)
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """What our templates show, all of it escaped (MkDocs' theme templates do not escape)."""
    current = state.language(config.theme["language"])
    state.env = env
    t = state.localizer(current.locale)
    hotlines = state.calendar.data.hotlines if state.calendar else ()
    settings = state.settings
    env.globals.update(
        html_values(
            {
                "ui": state.ui[current.locale],
                "ui_all": state.ui,
                "hotlines": [
                    {
                        "display": h.phone.display,
                        "uri": h.phone.uri,
                        "name": t(h.name),
                        "example": h.phone.example,
                    }
                    for h in hotlines
                ],
                "quick_exit_url": settings.quick_exit_url if settings else "",
                "icp": asdict(settings.icp) if settings and settings.icp else None,
            }
        )
    )
    env.globals["site_languages"] = state.languages
    env.globals["current_language"] = current
    return env


# After static-i18n's on_page_context (priority 50), which sets the page's alternates.
@event_priority(0)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    _content_security_policy(context, page.url)
    # The language switcher's names come from mkdocs.yml.
    if "alternate" in config.extra:
        config.extra["alternate"] = html_values(config.extra["alternate"])
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


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name == "404.html":  # a page of its own, with no Page object
        _content_security_policy(context, template_name)
    return context


# Material's partials that write inline scripts, which every page's policy must allow.
INLINE_SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
)


def _content_security_policy(context: dict[str, Any], key: str) -> None:
    """The page's policy, from the inline scripts its templates write: Material's partials,
    rendered with the page's own context (one of them holds its relative base URL)."""
    if state.serving:
        context["content_security_policy"] = csp.preview_policy()
        return
    features = context["config"].theme.get("features") or []
    scripts = [
        script
        for name in INLINE_SCRIPT_PARTIALS
        for script in csp.inline_scripts(
            state.env.get_template(name).render({**context, "features": features})
        )
    ]
    state.inline_scripts[key] = scripts
    context["content_security_policy"] = csp.policy(scripts)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Name what the policy will block on a page (an editor's <script> or onclick in Markdown):
    a warning, which strict mode turns into a stopped build."""
    if not state.serving:
        for item in csp.blocked(output, state.inline_scripts.get(page.url, [])):
            log.warning(
                f"docs/{page.file.src_uri}: the site's Content-Security-Policy blocks {item}. "
                "Pages may not run scripts of their own: put a script in "
                "docs/assets/javascripts/ and list it under extra_javascript in mkdocs.yml."
            )
    return output


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
