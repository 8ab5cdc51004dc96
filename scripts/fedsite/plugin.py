"""The MkDocs plugin (`plugins: - fedsite`), the package's one seam to MkDocs: each event hands
what MkDocs knows to the build's run (fedsite.build_run, which never imports MkDocs) and gives
back its answer. It adds the package's theme templates beneath the site's own `custom_dir`
(which still wins, block by block) and above Material's, and the package's stylesheets and
scripts to every page. static-i18n builds the site once per language, so each event fires once
per language; list this plugin after `i18n` and `search`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment, TemplateNotFound
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory
from mkdocs.utils.templates import TemplateContext

from fedsite import resources
from fedsite.build_run import BuildRun, DataError, UnknownView, renamed_assets
from fedsite.environment.today import ReferenceDateError
from fedsite.messages.problems import editor_language
from fedsite.output.escaping import escape_titles, html_values
from fedsite.output.phone_links import PhoneLinksExtension
from fedsite.pages.front_matter import FRONT_MATTER
from fedsite.site import Site

log = get_plugin_logger("fedsite")


def _has(env: Environment, name: str) -> bool:
    """Does the theme (with the site's and the package's overrides) have this template?"""
    try:
        env.get_template(name)
    except TemplateNotFound:
        return False
    return True


def _deferred(path: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.defer = True
    return script


class FedsiteConfig(Config):
    """The plugin has no options of its own yet: a site's settings are in mkdocs.yml's `extra`
    and its data/ folder."""


def _identity(config: MkDocsConfig, site: Site, languages: list[Any]) -> None:
    """data/identity.yml in MkDocs' and static-i18n's settings, which Material's templates read
    (checked plain text: they print it as it is). Before static-i18n's on_config, which takes
    each language's from its own settings."""
    names, default = site.identity.names, site.default.locale
    if not site.preview:  # the preview's address is its own
        config.site_url = site.site_url
    config.site_name = names["name"][default]
    config.site_description = names["description"][default]
    config.copyright = f"© {names['name'][default]}"
    config.theme["logo"] = site.identity.logo
    config.theme["favicon"] = site.identity.favicon
    for language in languages:
        if language.locale != default:
            language.site_name = names["name"][language.locale]
            language.site_description = names["description"][language.locale]
            language.copyright = f"© {names['name'][language.locale]}"


class FedsitePlugin(BasePlugin[FedsiteConfig]):
    def __init__(self) -> None:
        self.run = BuildRun()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.run.serving = command == "serve"

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> Any:
        """The preview holds pages to the built site's policy: its live-reload script, which it
        adds to every page it sends, is allowed by a nonce (the page's policy names it)."""
        inject = server._inject_js_into_html  # MkDocs 1.6; without it the script is refused
        run = self.run

        def with_nonce(content: bytes, epoch: int) -> bytes:
            at = content.rfind(b"</body>")
            return run.served(inject(content, epoch), at if at >= 0 else len(content))

        server._inject_js_into_html = with_nonce  # type: ignore[method-assign]
        # A change to the data, or to the package itself (an editable install), rebuilds.
        for folder in (Path(config.config_file_path).parent / "data", resources.PACKAGE):
            if folder.is_dir():
                server.watch(str(folder))
        return server

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        run = self.run
        if run.serving:
            # A broken link must not stall the preview (MkDocs' server waits for a build that
            # succeeds, and strict mode fails it); `mkdocs build` and CI stay strict. Each
            # language's build counts warnings from before this event, so the counter goes.
            mkdocs_log = logging.getLogger("mkdocs")
            for handler in [h for h in mkdocs_log.handlers if isinstance(h, CountHandler)]:
                mkdocs_log.removeHandler(handler)
            mkdocs_log.addHandler(run.warnings_kept)  # once: a logger keeps a handler once
        i18n = config.plugins["i18n"]
        if getattr(i18n, "building", False):  # a nested language build: the site is loaded
            return config
        run.start(config.site_dir)
        # The package's templates: beneath the site's custom_dir, above Material's.
        theme_dirs = config.theme.dirs
        if str(resources.THEME) not in theme_dirs:
            theme_dirs.insert(1 if config.theme.custom_dir else 0, str(resources.THEME))
        config.extra_css[:0] = resources.STYLESHEETS
        config.extra_javascript[:0] = [_deferred(path) for path in resources.SCRIPTS]
        root = Path(config.config_file_path).parent
        try:
            notes = run.load(
                config_file=Path(config.config_file_path),
                config=config,
                i18n_languages=i18n.config.languages,
                docs_dir=Path(config.docs_dir),
                templates=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
                site_url=config.site_url if run.serving else None,  # the preview's own
            )
        except DataError as exc:  # PluginError: MkDocs prints the message, with no traceback
            if not run.serving:
                raise PluginError(exc.report(root, editor_language())) from None
            log.error(exc.report(root, editor_language()))  # and the browser shows them
            config.theme.static_templates.clear()  # 404.html and sitemap.xml need the site
            return config
        except ReferenceDateError as exc:
            raise PluginError(str(exc)) from None
        _identity(config, run.site, i18n.config.languages)
        config.markdown_extensions.append(PhoneLinksExtension(short_numbers=run.site.short_numbers))
        renamed_assets(run.site.assets, config.extra_css, config.extra_javascript)
        for note in notes:
            log.info(note)
        return config

    # After static-i18n's on_files (priority -100), which picks each language's files.
    @event_priority(-200)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """The site's and the package's assets under content-hashed names (a site's own file
        at a package asset's path is used instead of it). With mistakes in a preview, no page
        is built: each page's address shows the mistakes instead."""
        run = self.run
        if run.mistakes:
            run.pages += [file.url for file in files.documentation_pages()]
            return Files([file for file in files if not file.is_documentation_page()])
        for file in list(files):
            if (hashed := run.site.assets.get(file.src_uri)) and file.abs_src_path:
                files.remove(file)
                files.append(File.generated(config, hashed, abs_src_path=file.abs_src_path))
        sites_own = {file.src_uri for file in files}
        for path, source in resources.package_assets().items():
            if path not in sites_own and (hashed := run.site.assets.get(path)):
                files.append(File.generated(config, hashed, abs_src_path=str(source)))
        colours = run.site.identity_stylesheet()
        files.append(
            File.generated(config, run.site.assets[resources.IDENTITY_CSS], content=colours)
        )
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.run.running.append(config.theme["language"])

    # After static-i18n's on_nav (priority -100), which translates the section titles.
    @event_priority(-200)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        escape_titles(nav.items)  # mkdocs.yml's titles, which Material's templates print raw
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if not self.run.mistakes:
            locale = config.theme["language"]
            env.globals.update(self.run.template_values(locale))
            env.globals.update(self.run.theme_language(locale, lambda name: _has(env, name)))
            self.run.env = env
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        if FRONT_MATTER.match(markdown):  # MkDocs could not read what on_config accepted
            raise PluginError(f"docs/{page.file.src_uri}: the front matter could not be read")
        page.meta = self.run.page_meta(dict(page.meta), page.file.src_uri, config.theme["language"])
        try:
            return self.run.render(markdown, locale=config.theme["language"], url=page.url)
        except UnknownView as exc:
            raise PluginError(f"docs/{page.file.src_uri}: {exc}") from None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = Path(page.file.abs_src_path or "")
        html, ids = self.run.restore(html, url=page.url, source=source)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids  # for the link check
        return html

    # After static-i18n's on_page_context (priority 50), which sets the page's alternates.
    @event_priority(0)
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self._policy(context)
        if "alternate" in config.extra:  # the language switcher's names come from mkdocs.yml
            config.extra["alternate"] = html_values(config.extra["alternate"])
        # static-i18n: a file's `localization` is the language of its text (None: the default).
        default = self.run.site.default.locale
        ours = cast(dict[str, Any], context)  # what the package's templates read, besides
        page.canonical_url, ours["page_language"], note = self.run.page_language(
            source=Path(page.file.abs_src_path or ""),
            url=page.url,
            canonical=page.canonical_url or "",
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

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        if template_name == "404.html" and not self.run.mistakes:  # a page with no Page object
            self._policy(context)
        return context

    def _policy(self, context: TemplateContext) -> None:
        page = {**context, "features": context["config"].theme.get("features") or []}
        env = self.run.env
        # Material's script partials read the config, the features and the page's base_url
        # only: pages of one language at one depth render them alike.
        alike = (context["config"].theme["language"], context.get("base_url"))
        cast(dict[str, Any], context)["content_security_policy"] = self.run.content_security_policy(
            lambda name: env.get_template(name).render(page), alike
        )

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.run.finish_page(
            output,
            url=page.url,
            site_url=config.site_url or "/",
            source=Path(page.file.abs_src_path or page.file.src_uri),
        )

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name == "404.html":  # static-i18n writes one 404.html, in the last language
            self.run.not_found[config.theme["language"]] = output_content
        return output_content

    # After static-i18n's on_post_build (priority -100), which runs the other languages' builds.
    @event_priority(-200)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.run.running.pop()
        if not self.run.running:
            root = Path(config.config_file_path).parent
            try:
                self.run.finish(Path(config.site_dir), root)
            except DataError as exc:  # pages that hold what no page may: no site
                raise PluginError(exc.report(root, editor_language())) from None

    def on_build_error(self, *, error: Exception) -> None:
        self.run.remove_output(clean_directory)  # never a half-built site
