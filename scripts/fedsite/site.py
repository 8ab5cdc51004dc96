"""The one entry point to a site: `Site.load(...)` reads and checks everything an editor can
change (mkdocs.yml's settings, the interface strings, the data files, every page's front
matter) and raises DataError with every mistake at once. A loaded Site then gives what a build
needs: its warnings, the generated stub pages, the Markdown for each page's markers, each
language's files (feeds and vCards), and each page's language versions (site_files.py writes
what a build adds at its end; output/theme_values.py, what the theme's templates show). The
MkDocs plugin (through build_run.py), the fedsite-check command and the benchmark all use it."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from fedsite.calendar.feeds import calendar_files
from fedsite.calendar.occurrences import double_bookings
from fedsite.calendar.pages import CalendarPages, markdown_blocks
from fedsite.calendar.schedule import Schedule
from fedsite.directory.grouping import Directory
from fedsite.directory.pages import DirectoryPages, UnknownTownship
from fedsite.directory.vcard import vcard_files
from fedsite.environment.git_history import History, HistoryError, history_problem
from fedsite.environment.mkdocs_yml import config_problems, read_mkdocs_yml
from fedsite.environment.settings import SiteSettings, load_settings
from fedsite.environment.source_files import source_problems
from fedsite.identity.colours import identity_css
from fedsite.identity.data import Identity, load_identity
from fedsite.localization.languages import Language, PageVersions, page_versions, site_languages
from fedsite.localization.localize import Localizer
from fedsite.localization.ui_strings import IDENTITY, UiStrings, load_ui_strings
from fedsite.messages.catalogue import say
from fedsite.messages.problems import DataError, Problem, editor_language
from fedsite.model import Category, NewsItem, Place, SiteData, Township
from fedsite.news.data import load_news
from fedsite.news.pages import NewsPages
from fedsite.output.asset_names import hashed_name, hashed_names
from fedsite.output.escaping import markdown_text
from fedsite.output.generated_pages import GENERATED_FOLDERS, editors_pages, stub, sync_folder
from fedsite.output.html_blocks import HtmlBlocks
from fedsite.output.rebuild_memo import PREVIEW_MEMO
from fedsite.page_context import PageContext
from fedsite.pages.front_matter import check_pages
from fedsite.pages.markers import MARKER, fill_placeholders, marker_problems
from fedsite.posters import Posters
from fedsite.resources import IDENTITY_CSS, SCHEMAS, package_assets
from fedsite.site_data import load_site_data

T = TypeVar("T")
HAN = re.compile(r"[\u4e00-\u9fff]")
MAX_BOOKING_WARNINGS = 20  # places and times booked twice, listed one by one
NAMED_IN_A_CLASH = 3  # activities named in each


class UnknownView(LookupError):
    """A marker in a page that names no view (an editor's typo)."""


@dataclass
class Site:
    config_file: Path  # mkdocs.yml; data/ is beside it
    languages: list[Language]  # default first
    identity: Identity
    settings: SiteSettings
    ui: UiStrings
    data: SiteData
    today: dt.date
    site_url: str
    history: History
    news: list[NewsItem] = field(default_factory=list)  # newest first
    # site paths of docs/assets' and the package's assets -> their content-hashed names
    # ('assets/fedsite/public.css' -> 'assets/fedsite/public.1a2b3c4d.css')
    assets: dict[str, str] = field(default_factory=dict)
    # For `mkdocs serve`: leave out what an editor does not see on a page (structured data,
    # each event's and place's download file), which is most of a district's build time.
    preview: bool = False
    _localizers: dict[str, Localizer] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls,
        *,
        config_file: Path,
        config: Mapping[str, Any],
        i18n_languages: Sequence[Mapping[str, Any]],
        docs_dir: Path,
        templates: Path | None,
        today: dt.date,
        site_url: str | None = None,
        preview: bool = False,
    ) -> Site:
        """`config` is the settings in `config_file`, `i18n_languages` static-i18n's languages
        as written there. Each part is checked even when another has mistakes. `site_url`: the
        address to build for, if not data/identity.yml's (or SITE_URL's): the preview's.
        `preview`: for `mkdocs serve`, which rebuilds on every change."""
        extra = config.get("extra") or {}
        languages = site_languages(i18n_languages, extra.get("lang_tags") or {})
        locales = [lang.locale for lang in languages]
        data_dir = config_file.parent / "data"
        # Files first (nothing is read through a symbolic link), and mkdocs.yml as data.
        others = [config_file, data_dir] + ([templates] if templates else [])
        problems = source_problems(docs_dir, others) + config_problems(config_file)
        if problems:
            raise DataError(problems)
        try:
            history = History.read(config_file.parent, today)
        except HistoryError as exc:  # the dates would be wrong: an editor's message, no site
            raise DataError([history_problem(config_file.parent, exc)]) from None

        def attempt(load: Callable[[], T]) -> T | None:
            try:
                return load()
            except DataError as exc:
                problems.extend(exc.problems)
                return None

        settings = attempt(lambda: load_settings(config, i18n_languages, config_file))
        untranslated: list[Problem] = []  # names and strings a language shows in the default's
        identity = attempt(lambda: load_identity(data_dir, docs_dir, locales, untranslated))
        placeholders = {lang: identity.placeholders(lang) for lang in locales} if identity else {}
        ui = attempt(
            lambda: load_ui_strings(
                locales, data_dir / "ui.yml", placeholders, warnings=untranslated
            )
        )
        data = attempt(lambda: load_site_data(data_dir, locales, history.updated, docs_dir, today))
        problems += check_pages(editors_pages(docs_dir), SCHEMAS, templates, locales)
        news = attempt(lambda: load_news(docs_dir, locales)) if not problems else []
        if problems:
            raise DataError(problems)
        # (Each part loaded, or a problem was raised above.)
        assert identity and settings and ui is not None and data and news is not None
        data = replace(data, warnings=(*untranslated, *data.warnings))
        assets = hashed_names(docs_dir, package_assets())
        assets[IDENTITY_CSS] = hashed_name(IDENTITY_CSS, identity_css(identity.colour).encode())
        if preview:
            PREVIEW_MEMO.new_build()
        site_url = site_url or os.environ.get("SITE_URL") or identity.address
        site = cls(
            config_file,
            languages,
            identity,
            settings,
            ui,
            data,
            today,
            site_url,
            history,
            news,
            assets,
            preview,
        )
        townships = site.data.townships.keys()
        problems = marker_problems(editors_pages(docs_dir), site.views(), townships, IDENTITY)
        if problems:
            raise DataError(problems)
        return site

    @classmethod
    def from_folder(cls, root: Path, today: dt.date) -> Site:
        """The site at `root` (its mkdocs.yml), as its build would load it, without MkDocs:
        for the editors' check, the benchmarks and the tools."""
        config_file = root / "mkdocs.yml"
        config, i18n_languages = read_mkdocs_yml(config_file)
        custom_dir = (config.get("theme") or {}).get("custom_dir")
        return cls.load(
            config_file=config_file,
            config=config,
            i18n_languages=i18n_languages,
            docs_dir=root / config.get("docs_dir", "docs"),
            templates=root / custom_dir if custom_dir else None,
            today=today,
        )

    def identity_stylesheet(self) -> str:
        """assets/fedsite/identity.css: the site's colours, from data/identity.yml."""
        return identity_css(self.identity.colour)

    # Languages -----------------------------------------------------------------------------

    @property
    def default(self) -> Language:
        return self.languages[0]

    def language(self, locale: str) -> Language:
        return next(lang for lang in self.languages if lang.locale == locale)

    def localizer(self, locale: str) -> Localizer:
        if locale not in self._localizers:
            tags = {lang.locale: lang.tag for lang in self.languages}
            self._localizers[locale] = Localizer(
                locale, self.default.locale, tags, self.ui[locale], self.short_numbers
            )
        return self._localizers[locale]

    @cached_property
    def short_numbers(self) -> frozenset[str]:
        """The hotlines' short public numbers (12338, 110), which texts link wherever they are
        written (a pattern finds the longer numbers)."""
        return frozenset(h.phone.display for h in self.data.hotlines if h.phone.e164 is None)

    def context(self, locale: str, page_url: str) -> PageContext:
        home = self.language(locale).home
        return PageContext(self.localizer(locale), page_url, home, self.site_url)

    # What the data gives ---------------------------------------------------------------------

    @cached_property
    def schedule(self) -> Schedule:
        return Schedule(self.data, self.today)

    @cached_property
    def calendar(self) -> CalendarPages:
        memo = PREVIEW_MEMO if self.preview else None
        return CalendarPages(self.schedule, self.settings.calendar, not self.preview, memo)

    @cached_property
    def directory(self) -> Directory:
        return Directory(self.data)

    @cached_property
    def directory_pages(self) -> DirectoryPages:
        return DirectoryPages(self.schedule, self.directory)

    @cached_property
    def posters(self) -> Posters:
        return Posters(self.schedule, self.directory, self.assets, self.identity.favicon)

    @cached_property
    def warnings(self) -> list[str]:
        """What an editor should look at, though the site builds: missing translations, a
        place booked twice at once."""
        root, language = self.config_file.parent, editor_language()
        return [w.format(root, language) for w in self.data.warnings] + self.booking_warnings

    @cached_property
    def booking_warnings(self) -> list[str]:
        """Activities at one place at once: is it booked twice? One warning per place and
        time, naming a few of them; at most MAX_BOOKING_WARNINGS, then how many more."""
        language = editor_language()
        clashes = double_bookings(self.schedule.occurrences)
        warnings = []
        for group in clashes[:MAX_BOOKING_WARNINGS]:
            ids = list(dict.fromkeys(occ.activity.id for occ in group))
            key = "two" if len(ids) == 2 else "several" if len(ids) <= NAMED_IN_A_CLASH else "many"
            said = say(
                f"booking.{key}",
                language,
                named=ids[:NAMED_IN_A_CLASH],
                count=len(ids),
                more=len(ids) - NAMED_IN_A_CLASH,
                venue=group[0].activity.venue.id,
                start=group[0].start,
            )
            warnings.append(said)
        if (left := len(clashes) - MAX_BOOKING_WARNINGS) > 0:
            warnings.append(say("booking.not_listed", language, count=left))
        return warnings

    def stub_pages(self) -> dict[str, dict[str, str]]:
        """Folder under docs/ -> {file name: text} of the generated pages, in every language:
        a page per month of activities (out of search: a district's would make the index
        megabytes) and one per township or street in the directory."""
        months, townships = GENERATED_FOLDERS
        pages: dict[str, dict[str, str]] = {months: {}, townships: {}}
        for lang in self.languages:
            t = self.localizer(lang.locale)
            suffix = ".md" if lang is self.default else f".{lang.locale}.md"
            for month in self.schedule.months:
                name = t.month(month)
                pages[months][f"{month:%Y-%m}{suffix}"] = stub(
                    t.ui["month_page_title"].format(month=name),
                    t.ui["month_page_description"].format(month=name),
                    f"month {month:%Y-%m}",
                    searchable=False,
                )
            for township in self.directory.townships:
                name = t(township.name)
                # The title promises Women's Homes only where the page lists one.
                kinds = {p.kind for p in self.directory.by_township[township.id]}
                key = "township_page" if "womens-home" in kinds else "township_page_plain"
                if not kinds & {"womens-home", "federation"}:  # the district's contacts only
                    key = "township_page_empty"
                pages[townships][f"{township.id}{suffix}"] = stub(
                    t.ui[f"{key}_title"].format(township=name),
                    t.ui[f"{key}_description"].format(township=name),
                    f"township {township.id}",
                    searchable=True,
                )
        return pages

    def write_stub_pages(self, docs_dir: Path) -> int:
        """Write the generated pages under `docs_dir`; return how many files changed."""
        return sum(
            sync_folder(docs_dir / folder, pages) for folder, pages in self.stub_pages().items()
        )

    def render(self, markdown: str, locale: str, page_url: str) -> tuple[str, HtmlBlocks]:
        """The page's Markdown with each `<!-- fedsite:view argument -->` marker filled: its
        headings in Markdown, and its HTML blocks as placeholders, kept in the HtmlBlocks
        returned with it, to restore in the HTML Markdown makes."""
        views = self.views()
        ctx = self.context(locale, page_url)
        kept = HtmlBlocks()

        def fill(marker: re.Match) -> str:
            view, argument = marker["view"], marker["arg"] or ""
            if view not in views or (view == "month" and not re.fullmatch(r"\d{4}-\d\d", argument)):
                raise UnknownView(f"there is no view '{marker[0]}'; known: {', '.join(views)}")
            try:
                return markdown_blocks(views[view](ctx, argument), kept)
            except UnknownTownship:
                raise UnknownView(f"there is no township '{argument}'") from None

        names = {k: markdown_text(v) for k, v in self.identity.placeholders(locale).items()}
        return MARKER.sub(fill, fill_placeholders(markdown, names)), kept

    def views(self) -> dict[str, Callable[[PageContext, str], Any]]:
        """What a page's `<!-- fedsite:view argument -->` marker may name."""
        return {
            **self.calendar.views(),
            **self.directory_pages.views(),
            **NewsPages(self.news, self.today, self.settings.home).views(),
        }

    def files(self, locale: str) -> dict[str, bytes]:
        """Site path (within the language's folder) -> bytes: feeds, event files, vCards, and
        in the default language the printable posters (in a preview, the feeds and posters)."""
        ctx = self.context(locale, "")
        posters = self.posters.files(ctx) if locale == self.default.locale else {}
        if self.preview:
            feeds = calendar_files(self.schedule, ctx, events=False, memo=PREVIEW_MEMO)
            return {**feeds, **posters}
        return {
            **calendar_files(self.schedule, ctx),
            **vcard_files(self.directory.listed, ctx),
            **posters,
        }

    def segmenter_words(self) -> list[str]:
        """Phrases the Chinese segmenter must keep whole, so search finds them as typed:
        data/search.yml's terms and the names of townships, places and kinds of activity."""
        names: list[Township | Place | Category] = [
            *self.data.townships.values(),
            *self.data.places.values(),
            *self.data.categories.values(),
        ]
        words = {word for terms in self.data.search.terms.values() for word in terms}
        words |= {value for item in names for value in item.name.values.values()}
        words |= {
            w for group in self.data.search.synonyms for ws in group.words.values() for w in ws
        }
        return sorted(word for word in words if HAN.search(word) and " " not in word)

    def page_versions(
        self, path: Path, *, building: str, written_in: str, translations: Mapping[str, str]
    ) -> PageVersions:
        """A page's language versions (see localization.languages.page_versions)."""
        return page_versions(
            languages=self.languages,
            building=building,
            written_in=written_in,
            translations=translations,
            site_url=self.site_url,
            updated=self.history.updated(path),
        )
