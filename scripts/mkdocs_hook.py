"""Thin MkDocs glue for the data engine in scripts/fedsite (which never imports MkDocs).

It loads and checks the site (on_config), fills the markers of pages (on_page_markdown), hands
the theme's templates escaped values and each page's Content-Security-Policy, and writes what
static-i18n gets wrong or cannot make: feeds and vCards, a 404 page per language, sitemaps.

static-i18n builds the site once per language, nesting the other languages' builds inside the
default language's on_post_build, so each event below fires once per language.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fedsite.inputs.errors import DataError, editor_language
from fedsite.inputs.front_matter import FRONT_MATTER
from fedsite.inputs.today import ReferenceDateError, reference_date
from fedsite.offline.service_worker import base_href as offline_base
from fedsite.offline.service_worker import with_base
from fedsite.output import csp
from fedsite.output.escaping import escape_titles, html_values
from fedsite.output.generated_pages import GENERATED_FOLDERS
from fedsite.output.html_blocks import HtmlBlocks
from fedsite.output.mistakes_page import mistakes_page, warnings_banner
from fedsite.output.phone_links import PhoneLinksExtension
from fedsite.output.sitemap import SitemapEntry
from fedsite.site import SERVER_FOLDER, Site, UnknownView
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory

log = get_plugin_logger("fedsite")
GENERATED = tuple(folder + "/" for folder in GENERATED_FOLDERS)


@dataclass
class BuildState:
    site: Site | None = None
    serving: bool = False  # `mkdocs serve`, whose live-reload script is inline
    running: list[str] = field(default_factory=list)  # nested language builds, innermost last
    env: Environment | None = None
    blocks: dict[str, HtmlBlocks] = field(default_factory=dict)  # page -> its engine HTML
    sitemap: list[SitemapEntry] = field(default_factory=list)
    not_found: dict[str, str] = field(default_factory=dict)  # locale -> its 404 page
    sensitive: list[str] = field(default_factory=list)  # pages the phone never stores
    fallbacks: list[str] = field(default_factory=list)  # pages showing another language's text
    # `mkdocs serve` with mistakes in the site's files: shown in the browser, nothing built.
    mistakes: DataError | None = None
    pages: list[str] = field(default_factory=list)  # where the browser may be (site paths)
    warned: list[str] = field(default_factory=list)  # the preview's warnings (broken links)
    scripts: set[str] = field(default_factory=set)  # the theme's inline scripts, on any page
    site_dir: str = ""


state = BuildState()


class _Warnings(logging.Handler):
    """The build's warnings, for the preview to show above its pages."""

    def emit(self, record: logging.LogRecord) -> None:
        state.warned.append(record.getMessage())


_WARNINGS = _Warnings(logging.WARNING)


def on_startup(*, command: str, dirty: bool) -> None:
    state.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if state.serving:
        # A broken link must not stall the preview (MkDocs' server waits for a build that
        # succeeds, and strict mode fails it); `mkdocs build` and CI stay strict. MkDocs has
        # counted warnings since before this event (in each language's build), so its
        # counter goes.
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_log.handlers if isinstance(h, CountHandler)]:
            mkdocs_log.removeHandler(handler)
        if not config.plugins["i18n"].building:
            state.warned = []
        mkdocs_log.addHandler(_WARNINGS)  # once: a logger keeps a handler only once
    if config.plugins["i18n"].building:  # a nested language build: the site is loaded
        return config
    state.site_dir, state.running, state.sitemap, state.not_found = config.site_dir, [], [], {}
    state.sensitive, state.scripts, state.fallbacks = [], set(), []
    state.mistakes, state.pages = None, []
    config_file = Path(config.config_file_path)
    try:
        state.site = Site.load(
            config_file=config_file,
            config=config,
            i18n_languages=config.plugins["i18n"].config.languages,
            docs_dir=Path(config.docs_dir),
            templates=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
            today=reference_date(),
            site_url=config.site_url or "/",
        )
        state.site.preview = state.serving
        state.site.write_stub_pages(Path(config.docs_dir))
        config.markdown_extensions.append(
            PhoneLinksExtension(short_numbers=state.site.short_numbers)
        )
        _hashed_asset_names(config, state.site.assets)
        _keep_whole(state.site.segmenter_words())
    except DataError as exc:  # PluginError: MkDocs prints the message, with no traceback
        if state.serving:  # the preview shows them in the browser (on_post_build)
            log.error(exc.report(config_file.parent, editor_language()))
            state.mistakes = exc
            config.theme.static_templates.clear()  # 404.html and sitemap.xml need the site
            return config
        raise PluginError(exc.report(config_file.parent, editor_language())) from None
    except ReferenceDateError as exc:
        raise PluginError(str(exc)) from None
    if not state.site.history.available:
        log.info("Not a git repository: every page's 'last updated' date is the build's date.")
    for warning in state.site.warnings:
        log.info(f"Warning: {warning}")
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the page's markers (as Material's own docs do), and escape its front matter for
    the theme's templates."""
    if FRONT_MATTER.match(markdown):  # MkDocs could not read what on_config accepted
        raise PluginError(f"docs/{page.file.src_uri}: the front matter could not be read")
    page.meta = html_values(page.meta)
    if state.serving and page.file.src_uri.startswith(GENERATED):
        page.meta["search"] = {"exclude": True}  # the preview's search leaves them out
    try:
        markdown, state.blocks[page.url] = state.site.render(
            markdown, config.theme["language"], page.url
        )
    except UnknownView as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The engine's HTML blocks back in place of their placeholders, and their ids known to
    MkDocs' check of links to anchors."""
    blocks = state.blocks.pop(page.url)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | blocks.ids()
    return blocks.restore(html)


def _hashed_asset_names(config: MkDocsConfig, names: dict[str, str]) -> None:
    """mkdocs.yml's own stylesheets and scripts by their content-hashed names (the files get
    them in on_files)."""
    config.extra_css = [names.get(path, path) for path in config.extra_css]
    for script in config.extra_javascript:
        if isinstance(script, str):
            config.extra_javascript[config.extra_javascript.index(script)] = names.get(
                script, script
            )
        else:
            script.path = names.get(script.path, script.path)


def _keep_whole(words: list[str]) -> None:
    """Material's search segments Chinese with jieba at build time (when it is installed):
    the site's own names and terms become words of its dictionary, so they are not split."""
    try:
        import jieba
    except ImportError:
        return
    for word in words:
        jieba.add_word(word)


def _lunr_languages() -> list[str]:
    """The languages Material's search has lunr support for (its lunr.<code>.min.js)."""
    import material

    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    return sorted(p.name.split(".")[1] for p in folder.glob("lunr.*.min.js"))


# After static-i18n's on_files (priority -100), which picks each language's files.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Each of the site's own assets under its content-hashed name only. With mistakes in a
    preview, no page is built: each page's address shows the mistakes instead."""
    if state.mistakes:
        state.pages += [file.url for file in files.documentation_pages()]
        return Files([file for file in files if not file.is_documentation_page()])
    for file in list(files):
        if hashed := state.site.assets.get(file.src_uri):
            files.remove(file)
            files.append(File.generated(config, hashed, abs_src_path=file.abs_src_path))
    return files


def on_pre_build(*, config: MkDocsConfig) -> None:
    state.running.append(config.theme["language"])


# After static-i18n's on_nav (priority -100), which translates the section titles.
@event_priority(-200)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Titles from mkdocs.yml's nav and nav_translations, escaped for Material's templates."""
    escape_titles(nav.items)
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if state.mistakes:
        return env
    locale = config.theme["language"]
    state.env = env
    env.globals.update(state.site.template_values(locale))
    env.globals["site_languages"] = state.site.languages
    env.globals["current_language"] = state.site.language(locale)
    env.globals["asset"] = lambda path: state.site.assets.get(path, path)
    return env


# After static-i18n's on_page_context (priority 50), which sets the page's alternates.
@event_priority(0)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    _content_security_policy(context)
    if "alternate" in config.extra:  # the language switcher's names come from mkdocs.yml
        config.extra["alternate"] = html_values(config.extra["alternate"])
    site, building = state.site, config.theme["language"]
    # static-i18n: a file's `localization` is the language of its text (None: the default);
    # its alternates include fallback copies of the default language's text.
    written_in = getattr(page.file, "localization", None) or site.default.locale
    translations = {
        locale: alt.url
        for locale, alt in getattr(page.file, "alternates", {}).items()
        if (getattr(alt, "localization", None) or site.default.locale) == locale
    }
    versions = site.page_versions(
        Path(page.file.abs_src_path),
        building=building,
        written_in=written_in,
        translations=translations,
    )
    if versions.untranslated:
        name = site.language(building).name
        log.info(f"'{page.file.src_uri}' has no {name} translation yet: it shows the original.")
        state.fallbacks.append(page.url)
    page.canonical_url = versions.canonical or page.canonical_url
    if page.meta.get("sensitive") is True:
        state.sensitive.append(page.url)
    context["page_language"] = versions.for_templates(building)
    if entry := versions.sitemap_entry(page.canonical_url):
        state.sitemap.append(SitemapEntry(*entry))
    return context


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    if template_name == "404.html" and not state.mistakes:  # a page with no Page object
        _content_security_policy(context)
    return context


def _content_security_policy(context: dict[str, Any]) -> None:
    features = context["config"].theme.get("features") or []
    page = {**context, "features": features}
    if state.serving:
        context["content_security_policy"] = csp.preview_policy()
        return
    scripts = csp.theme_scripts(lambda name: state.env.get_template(name).render(page))
    state.scripts.update(scripts)
    context["content_security_policy"] = csp.policy(scripts)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Name what the policy will block in a page's content (an editor's <script> or onclick in
    Markdown): a warning, which strict mode turns into a stopped build. (The rest of the page
    is the theme's, with values escaped by construction.) The offline page gets a <base>, as
    the service worker shows it at any address."""
    homes = [lang.home for lang in state.site.languages]
    if base := offline_base(page.url, config.site_url or "/", homes):
        output = with_base(output, base)
    if state.serving and state.warned:
        banner = warnings_banner(list(dict.fromkeys(state.warned)))
        output = re.sub(r"(<body[^>]*>)", lambda m: m[1] + banner, output, count=1)
    if not state.serving:
        for item in csp.blocked(page.content):
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
    state.running.pop()
    if not state.running and state.mistakes:
        _show_mistakes(Path(config.site_dir), Path(config.config_file_path).parent)
    elif not state.running:  # static-i18n writes one 404.html, in the language built last
        state.site.write_search_indexes(
            Path(config.site_dir), fallbacks=state.fallbacks, lunr_languages=_lunr_languages()
        )
        state.site.write_outputs(
            Path(config.site_dir),
            state.sitemap,
            state.not_found,
            never_stored=state.sensitive,
            server_policy=csp.nginx_header(state.scripts),
        )


def _show_mistakes(site_dir: Path, root: Path) -> None:
    """The preview's page of mistakes at every page's address (the server adds its reload
    script to these: fixed, the page turns into the site)."""
    html = mistakes_page(state.mistakes.problems, root)
    for url in ["", *state.pages, "404.html"]:
        target = site_dir / (url if url.endswith(".html") else url + "index.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def on_build_error(*, error: Exception) -> None:
    """Never leave a half-built site: a failed build (bad data, or a broken link in strict
    mode) empties the output folder, as MkDocs itself does at the start of every build (which
    keeps hidden files: so our own hidden folder for the server goes too)."""
    if state.site_dir:
        clean_directory(state.site_dir)
        shutil.rmtree(Path(state.site_dir) / SERVER_FOLDER, ignore_errors=True)
