"""Thin MkDocs glue for the data engine in scripts/fedsite (which never imports MkDocs): each
event hands what MkDocs knows to the build's run (fedsite.build_run) and gives back its answer.
static-i18n builds the site once per language, so each event fires once per language."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fedsite.build_run import BuildRun, DataError, UnknownView, renamed_assets
from fedsite.inputs.errors import editor_language
from fedsite.inputs.front_matter import FRONT_MATTER
from fedsite.inputs.today import ReferenceDateError
from fedsite.output.escaping import escape_titles, html_values
from fedsite.output.phone_links import PhoneLinksExtension
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory

log = get_plugin_logger("fedsite")
run = BuildRun()


def on_startup(*, command: str, dirty: bool) -> None:
    run.serving = command == "serve"


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """The preview holds pages to the built site's policy: its live-reload script, which it
    adds to every page it sends, is allowed by a nonce (the page's policy names it)."""
    inject = server._inject_js_into_html  # MkDocs 1.6; without it the reload script is refused

    def with_nonce(content: bytes, epoch: int) -> bytes:
        at = content.rfind(b"</body>")
        return run.served(inject(content, epoch), at if at >= 0 else len(content))

    server._inject_js_into_html = with_nonce
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if run.serving:
        # A broken link must not stall the preview (MkDocs' server waits for a build that
        # succeeds, and strict mode fails it); `mkdocs build` and CI stay strict. Each
        # language's build counts warnings from before this event, so the counter goes.
        mkdocs_log = logging.getLogger("mkdocs")
        for handler in [h for h in mkdocs_log.handlers if isinstance(h, CountHandler)]:
            mkdocs_log.removeHandler(handler)
        mkdocs_log.addHandler(run.warnings_kept)  # once: a logger keeps a handler only once
    i18n = config.plugins["i18n"]
    if i18n.building:  # a nested language build: the site is loaded
        return config
    run.start(config.site_dir)
    root = Path(config.config_file_path).parent
    try:
        notes = run.load(
            config_file=Path(config.config_file_path),
            config=config,
            i18n_languages=i18n.config.languages,
            docs_dir=Path(config.docs_dir),
            templates=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
            site_url=config.site_url or "/",
        )
    except DataError as exc:  # PluginError: MkDocs prints the message, with no traceback
        if not run.serving:
            raise PluginError(exc.report(root, editor_language())) from None
        log.error(exc.report(root, editor_language()))  # and the browser shows them
        config.theme.static_templates.clear()  # 404.html and sitemap.xml need the site
        return config
    except ReferenceDateError as exc:
        raise PluginError(str(exc)) from None
    config.markdown_extensions.append(PhoneLinksExtension(short_numbers=run.site.short_numbers))
    renamed_assets(run.site.assets, config.extra_css, config.extra_javascript)
    for note in notes:
        log.info(note)
    return config


# After static-i18n's on_files (priority -100), which picks each language's files.
@event_priority(-200)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """The site's own assets under content-hashed names. With mistakes in a preview, no page is
    built: each page's address shows the mistakes instead."""
    if run.mistakes:
        run.pages += [file.url for file in files.documentation_pages()]
        return Files([file for file in files if not file.is_documentation_page()])
    for file in list(files):
        if hashed := run.site.assets.get(file.src_uri):
            files.remove(file)
            files.append(File.generated(config, hashed, abs_src_path=file.abs_src_path))
    return files


def on_pre_build(*, config: MkDocsConfig) -> None:
    run.running.append(config.theme["language"])


# After static-i18n's on_nav (priority -100), which translates the section titles.
@event_priority(-200)
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    escape_titles(nav.items)  # mkdocs.yml's titles, which Material's templates print raw
    return nav


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if not run.mistakes:
        env.globals.update(run.template_values(config.theme["language"]))
        run.env = env
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if FRONT_MATTER.match(markdown):  # MkDocs could not read what on_config accepted
        raise PluginError(f"docs/{page.file.src_uri}: the front matter could not be read")
    page.meta = run.page_meta(page.meta, page.file.src_uri)
    try:
        return run.render(markdown, locale=config.theme["language"], url=page.url)
    except UnknownView as exc:
        raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, ids = run.restore(html, url=page.url, source=Path(page.file.abs_src_path))
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids  # for MkDocs' link check
    return html


# After static-i18n's on_page_context (priority 50), which sets the page's alternates.
@event_priority(0)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    _policy(context)
    if "alternate" in config.extra:  # the language switcher's names come from mkdocs.yml
        config.extra["alternate"] = html_values(config.extra["alternate"])
    # static-i18n: a file's `localization` is the language of its text (None: the default).
    default = run.site.default.locale
    page.canonical_url, context["page_language"], note = run.page_language(
        source=Path(page.file.abs_src_path),
        url=page.url,
        canonical=page.canonical_url,
        building=config.theme["language"],
        written_in=getattr(page.file, "localization", None) or default,
        translations={
            locale: alt.url
            for locale, alt in getattr(page.file, "alternates", {}).items()
            if (getattr(alt, "localization", None) or default) == locale
        },
        sensitive=page.meta.get("sensitive") is True,
    )
    if note:
        log.info(f"'{page.file.src_uri}' {note}")
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html" and not run.mistakes:  # a page with no Page object
        _policy(context)
    return context


def _policy(context: dict[str, Any]) -> None:
    page = {**context, "features": context["config"].theme.get("features") or []}
    render = lambda name: run.env.get_template(name).render(page)  # noqa: E731
    context["content_security_policy"] = run.content_security_policy(render)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return run.finish_page(output, url=page.url, site_url=config.site_url or "/")


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":  # static-i18n writes one 404.html, in the last language
        run.not_found[config.theme["language"]] = output_content
    return output_content


# After static-i18n's on_post_build (priority -100), which runs the other languages' builds.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    run.running.pop()
    if not run.running:
        root = Path(config.config_file_path).parent
        try:
            run.finish(Path(config.site_dir), root)
        except DataError as exc:  # pages that hold what no page may: no site
            raise PluginError(exc.report(root, editor_language())) from None


def on_build_error(*, error: Exception) -> None:
    run.remove_output(clean_directory)  # never a half-built site
