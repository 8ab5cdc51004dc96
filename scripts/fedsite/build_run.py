"""One run of `mkdocs build`, or one rebuild of `mkdocs serve`, over every language: what it
gathers from page to page (each page's engine HTML, the sitemap, the pages the phone never
stores, the theme's inline scripts) and what it writes at the end. The MkDocs plugin drives it
and passes it what MkDocs knows, as plain values: this module never imports MkDocs.

static-i18n builds the languages one inside another (the others inside the default
language's last step), so the run keeps a stack of the languages being built."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Callable, Hashable, Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from markupsafe import escape

from fedsite import paths
from fedsite.editor_yaml.schema_check import forget_schemas
from fedsite.environment.today import reference_date
from fedsite.localization.languages import text_direction
from fedsite.localization.ui_strings import THEME_LABEL
from fedsite.messages.problems import DataError, Problem, editor_language
from fedsite.offline.service_worker import base_href, with_base
from fedsite.output import csp
from fedsite.output.escaping import html_values
from fedsite.output.files_ahead import FilesAhead
from fedsite.output.generated_pages import GENERATED_FOLDERS
from fedsite.output.html_blocks import HtmlBlocks
from fedsite.output.mistakes_page import mistakes_page, warnings_banner
from fedsite.output.sitemap import SitemapEntry
from fedsite.output.theme_values import theme_values
from fedsite.pages.active_content import page_problems
from fedsite.pages.markers import fill_placeholders
from fedsite.search.segmenter import keep_whole, lunr_languages
from fedsite.site import Site, UnknownView
from fedsite.site_files import SERVER_FOLDER, write_outputs, write_search_indexes
from fedsite.translations import translation_outdated

__all__ = ["BuildRun", "DataError", "UnknownView"]

FALLBACK_PARTIAL = "partials/languages/fedsite-fallback.html"


GENERATED = tuple(folder + "/" for folder in GENERATED_FOLDERS)


class _Kept(logging.Handler):
    def __init__(self, kept: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.kept = kept

    def emit(self, record: logging.LogRecord) -> None:
        self.kept.append(record.getMessage())


@dataclass
class BuildRun:
    serving: bool = False  # `mkdocs serve`: mistakes shown in the browser, no service worker
    loaded: Site | None = None  # the site, once `load` has read it (`site`)
    site_dir: str = ""
    running: list[str] = field(default_factory=list)  # the languages being built, innermost last
    blocks: dict[str, HtmlBlocks] = field(default_factory=dict)  # page -> its engine HTML
    sitemap: list[SitemapEntry] = field(default_factory=list)
    not_found: dict[str, str] = field(default_factory=dict)  # locale -> its 404 page
    sensitive: list[str] = field(default_factory=list)  # pages the phone never stores
    fallbacks: list[str] = field(default_factory=list)  # pages showing another language's text
    active: list[Problem] = field(default_factory=list)  # what pages hold that they may not
    scripts: set[str] = field(default_factory=set)  # the theme's inline scripts, on any page
    page_scripts: set[str] = field(default_factory=set)  # those the page being built may run
    mistakes: DataError | None = None  # a preview with mistakes in the site's files
    pages: list[str] = field(default_factory=list)  # where the browser may be, then
    warned: list[str] = field(default_factory=list)  # the preview's warnings (broken links)
    env: Any = None  # the theme's Jinja environment, for the policy's inline scripts
    partials_of: Any = None  # the environment whose templates `partials` lists
    partials: list[str] = field(default_factory=list)
    rendered: dict[Hashable, list[str]] = field(default_factory=dict)  # alike pages' scripts
    ahead: FilesAhead | None = None  # the feeds, vCards and posters, made while pages build

    @property
    def site(self) -> Site:
        if self.loaded is None:
            raise RuntimeError("the site is not loaded: BuildRun.load comes first")
        return self.loaded

    def __post_init__(self) -> None:
        # The build's warnings, for the preview to show above its pages.
        self.warnings_kept = _Kept(self.warned)
        self.nonce = csp.preview_nonce()  # the preview's live-reload script's, once

    def served(self, html: bytes, at: int) -> bytes:
        """A page as the preview server sends it, its live-reload script (added at `at`)
        allowed by the preview's policy."""
        return csp.with_nonce(html, at, self.nonce)

    def start(self, site_dir: str) -> None:
        """A new run, in the same process as the last (`mkdocs serve` rebuilds): what the last
        one gathered goes; the warnings' list stays the one the logger's handler fills."""
        for spec in fields(self):
            if spec.name not in ("serving", "warned"):
                empty = spec.default if spec.default_factory is MISSING else spec.default_factory()
                setattr(self, spec.name, empty)
        self.warned.clear()
        self.site_dir = site_dir

    def load(self, *, docs_dir: Path, **settings: Any) -> list[str]:
        """Load and check the site (Site.load's arguments; today is the build's reference
        date), write its generated pages and teach search its words. Returns what to tell the
        editor; raises DataError with the mistakes."""
        if self.serving:
            forget_schemas()
        try:
            self.loaded = Site.load(
                docs_dir=docs_dir, today=reference_date(), preview=self.serving, **settings
            )
        except DataError as exc:
            if self.serving:  # shown in the browser instead of the pages (finish)
                self.mistakes = exc
            raise
        self.site.write_stub_pages(docs_dir)
        site = self.site
        # Before the segmenter loads its dictionary, which the other process does not need.
        self.ahead = FilesAhead(
            lambda: {lang.locale: site.files(lang.locale) for lang in site.languages},
            parallel=not self.serving,
        )
        keep_whole(self.site.segmenter_words())
        notes = [f"Warning: {warning}" for warning in self.site.warnings]
        if not self.site.history.available:
            notes.insert(
                0, "Not a git repository: every page's 'last updated' is the build's date."
            )
        return notes

    def theme_language(self, locale: str, has_template: Callable[[str], bool]) -> dict[str, Any]:
        """The language partial the theme's templates import: Material's for `locale`, or the
        package's fallback for a language Material has none for (with its direction from
        CLDR, the site's labels where given, else English ones)."""
        own = f"partials/languages/{locale}.html"
        if has_template(own):
            return {"fedsite_language_partial": own}
        strings = self.site.ui.get(locale, {})
        tag = self.site.language(locale).tag

        def label(key: str) -> str:
            if key == "language":
                return tag
            if key == "direction":
                return text_direction(locale)
            return str(escape(strings.get(THEME_LABEL + key, "")))  # printed raw by the theme

        return {"fedsite_language_partial": FALLBACK_PARTIAL, "fedsite_theme_label": label}

    def template_values(self, locale: str) -> dict[str, Any]:
        """What the site's own templates show, escaped, in the language being built."""
        return {
            **theme_values(self.site, locale),
            "site_languages": self.site.languages,
            "current_language": self.site.language(locale),
            "asset": lambda path: self.site.assets.get(path, path),
        }

    def page_meta(self, meta: dict[str, Any], source: str, locale: str) -> dict[str, Any]:
        """A page's front matter with its {{ placeholders }} filled in `locale`, escaped: the
        theme's templates print it raw. The preview's search leaves out the generated pages."""
        names = self.site.identity.placeholders(locale)
        meta = {
            key: fill_placeholders(value, names) if isinstance(value, str) else value
            for key, value in meta.items()
        }
        meta = html_values(meta)
        if self.serving and source.startswith(GENERATED):
            meta["search"] = {"exclude": True}
        return meta

    def render(self, markdown: str, *, locale: str, url: str) -> str:
        """A page's Markdown with its markers filled (raises UnknownView); its HTML blocks are
        kept until `restore`."""
        markdown, self.blocks[url] = self.site.render(markdown, locale, url)
        return markdown

    def restore(self, html: str, *, url: str, source: Path) -> tuple[str, set[str]]:
        """The page's HTML with the engine's blocks back in, and the ids they hold. What the
        editor's part holds that a page may not (its Markdown file is `source`) is kept, for
        the build to stop on at its end and the preview to name."""
        self.active += [p for p in page_problems(html, source) if p not in self.active]
        blocks = self.blocks.pop(url)
        return blocks.restore(html), blocks.ids()

    def page_language(
        self,
        *,
        source: Path,
        url: str,
        canonical: str,
        building: str,
        written_in: str,
        translations: Mapping[str, str],
        sensitive: bool,
    ) -> tuple[str, dict[str, Any], str]:
        """A page's canonical address, its language versions for the templates (with a link to
        the original as `outdated_from` when the page is a translation made before its
        original last changed), and a note when it shows another language's text for want of
        a translation."""
        versions = self.site.page_versions(
            source, building=building, written_in=written_in, translations=translations
        )
        canonical = versions.canonical or canonical
        if sensitive:
            self.sensitive.append(url)
        if entry := versions.sitemap_entry(canonical):
            self.sitemap.append(SitemapEntry(*entry))
        values = versions.for_templates(building)
        default = self.site.default.locale
        if written_in == building != default and self.site.history.available:
            # A translation whose original has changed since: the page says so, with a link.
            root = self.site.config_file.parent.resolve()
            if translation_outdated(root, source.resolve().relative_to(root), building):
                original = translations.get(default)
                values["outdated_from"] = paths.relative(url, original) if original else ""
        note = ""
        if versions.untranslated:
            self.fallbacks.append(url)
            name = self.site.language(building).name
            note = f"has no {name} translation yet: it shows the original."
        return canonical, values, note

    def content_security_policy(self, render: Callable[[str], str], alike: Hashable) -> str:
        """The page's policy; `render(template)` renders one of the theme's partials with the
        page's context (its inline scripts are allowed by their hashes). Pages whose partials
        render alike share `alike` (their language and depth): theirs are rendered once. The
        preview's is the same, with the nonce of its live-reload script."""
        if self.partials_of is not self.env:  # once per language: each has its environment
            self.partials_of, self.partials = self.env, csp.script_partials(self.env)
            self.rendered.clear()
        if alike not in self.rendered:
            self.rendered[alike] = csp.theme_scripts(render, self.partials)
        scripts = self.rendered[alike]
        self.scripts.update(scripts)
        self.page_scripts = set(scripts)
        return csp.policy(scripts, nonce=self.nonce if self.serving else "")

    def finish_page(self, html: str, *, url: str, site_url: str, source: Path) -> str:
        """The written page: the offline page gets a <base> (the worker shows it at any
        address); a preview with warnings, or with pages that hold what the build stops on,
        gets them above it. An inline script the page's policy does not name (a template of
        the site's overrides/ writes one) stops the build: the browser would not run it."""
        for script in csp.inline_scripts(html):
            if script not in self.page_scripts:
                self.active.append(unnamed_script(source, script))
        homes = [lang.home for lang in self.site.languages]
        if base := base_href(url, site_url, homes):
            html = with_base(html, base)
        root, language = self.site.config_file.parent, editor_language()
        warnings = [*self.warned, *(problem.format(root, language) for problem in self.active)]
        if self.serving and warnings:
            banner = warnings_banner(list(dict.fromkeys(warnings)))
            html = re.sub(r"(<body[^>]*>)", lambda m: m[1] + banner, html, count=1)
        return html

    def finish(self, site_dir: Path, root: Path) -> None:
        """After the last language: the preview's page of mistakes at every page's address (the
        server adds its reload script: fixed, it turns into the site); or the search indexes,
        feeds, vCards, 404 pages, sitemaps, manifests and the service worker."""
        if self.active and not self.serving:  # never a site with a page that runs its own code
            self.close()
            raise DataError(self.active)
        if self.mistakes:
            html = mistakes_page(self.mistakes.problems, root)
            for url in ["", *self.pages, "404.html"]:
                target = site_dir / (url if url.endswith(".html") else url + "index.html")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(html, encoding="utf-8")
            return
        write_search_indexes(
            self.site, site_dir, fallbacks=self.fallbacks, lunr_languages=lunr_languages()
        )
        files = self.ahead.result() if self.ahead else None
        write_outputs(
            self.site,
            site_dir,
            files,
            self.sitemap,
            self.not_found,
            never_stored=self.sensitive,
            server_policy=csp.nginx_header(self.scripts),
        )

    def close(self) -> None:
        """Stop making what is no longer wanted (a build that failed)."""
        if self.ahead:
            self.ahead.close()

    def remove_output(self, clean: Callable[[str], None]) -> None:
        """Never leave a half-built site: `clean` empties the output folder as MkDocs does at
        the start of a build (keeping hidden files), and our hidden folder goes too."""
        self.close()
        if self.site_dir:
            clean(self.site_dir)
            shutil.rmtree(Path(self.site_dir) / SERVER_FOLDER, ignore_errors=True)


def unnamed_script(source: Path, script: str) -> Problem:
    text = " ".join(script.split())[:60]
    return Problem.at(source, 0, 0, "", "build.unnamed_script", script=text)


def renamed_assets(names: Mapping[str, str], extra_css: list, extra_javascript: list) -> None:
    """mkdocs.yml's own stylesheets and scripts by their content-hashed names, in place (a
    script is a path, or an object with a `.path`)."""
    extra_css[:] = [names.get(path, path) for path in extra_css]
    for index, script in enumerate(extra_javascript):
        if isinstance(script, str):
            extra_javascript[index] = names.get(script, script)
        else:
            script.path = names.get(script.path, script.path)
