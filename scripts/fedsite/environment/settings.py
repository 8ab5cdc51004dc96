"""The site's settings in mkdocs.yml, checked like data: the calendar's, home page's and offline
options, language tags and the menu's translations. What the federation is (its names, address,
quick-exit target, ICP number, colour, icons) is data/identity.yml's, written once: mkdocs.yml
giving any of it is a mistake that names where it now goes."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

import yaml

from fedsite.environment.mkdocs_yml import read_mkdocs_yml
from fedsite.messages.problems import DataError, Problem, shorten
from fedsite.model import CalendarSettings, HomeSettings, OfflineSettings
from fedsite.offline.service_worker import missing_pages

T = TypeVar("T")
# Material prints these settings into its pages as they are, without escaping (and
# static-i18n needs them as plain strings, so they cannot be escaped for it): they must be
# plain text, which means none of HTML's special characters. (MkDocs asks for a site_name; the
# plugin puts data/identity.yml's name in its place.)
PLAIN_TEXT_SETTINGS = ("site_name",)
# (Material quotes its attributes with ", so an apostrophe is safe.)
_NOT_PLAIN = re.compile(r"[<>&\"\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The `extra:` settings the theme's templates and the plugin read. Material reads others
# (analytics, social links, polyfills, a scope for its storage...): each would need a review of
# what it adds to every page, so an unknown one stops the build.
EXTRA_SETTINGS = ("generator", "calendar", "home", "offline", "lang_tags", "alternate")
# What data/identity.yml holds now, wherever mkdocs.yml might still say it: its field there.
IDENTITY_SETTINGS: dict[tuple[str, ...], str] = {
    ("site_url",): "address",
    ("site_description",): "description",
    ("copyright",): "name",
    ("theme", "logo"): "logo",
    ("theme", "favicon"): "favicon",
    ("extra", "quick_exit"): "quick_exit",
    ("extra", "icp"): "icp",
}
LANGUAGE_IDENTITY = {"site_name": "name", "site_description": "description", "copyright": "name"}
# A page's path within a language's folder, as MkDocs makes it: '' (home), 'services/'.
PAGE_PATH = re.compile(r"([a-z0-9][a-z0-9-]*/)*")
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class SiteSettings:
    calendar: CalendarSettings
    home: HomeSettings
    offline: OfflineSettings = field(default_factory=OfflineSettings)


def load_settings(
    config: Mapping[str, Any], languages: Sequence[Mapping[str, Any]], config_file: Path
) -> SiteSettings:
    """The settings of mkdocs.yml (loaded, with static-i18n's `languages` in their order);
    DataError naming the line of each mistake."""
    where = _Lines(config_file)
    problems: list[Problem] = []

    def report(path: tuple[str | int, ...], key: str, /, **values: Any) -> None:
        line, column = where(path)
        field = ".".join(str(p) for p in path)
        problems.append(Problem.at(config_file, line, column, field, key, **values))

    _plain_text(config, languages, report)
    _identity_elsewhere(*read_mkdocs_yml(config_file), report)  # as written, not as MkDocs has it
    _nav_translated(config.get("nav") or [], languages, report)
    extra = config.get("extra") or {}

    def problem(path: tuple[str, ...], key: str, /, **values: Any) -> None:
        report(("extra", *path), key, **values)

    for name in extra:
        if name not in EXTRA_SETTINGS:
            problem((str(name),), "config.no_extra", name=shorten(name), known=EXTRA_SETTINGS[:-1])
    for locale, tag in (extra.get("lang_tags") or {}).items():
        if not isinstance(tag, str) or not LANG_TAG.fullmatch(tag):
            problem(("lang_tags", str(locale)), "config.not_a_language_tag", tag=shorten(tag))

    calendar = _numbers("calendar", CalendarSettings, extra.get("calendar") or {}, problem)
    home = _numbers("home", HomeSettings, extra.get("home") or {}, problem)
    offline_options = dict(extra.get("offline") or {})
    pages = offline_options.pop("pages", OfflineSettings.pages)
    if not isinstance(pages, list | tuple) or not all(
        isinstance(p, str) and PAGE_PATH.fullmatch(p) for p in pages
    ):
        problem(("offline", "pages"), "config.offline_pages")
        pages = OfflineSettings.pages
    offline = _numbers("offline", OfflineSettings, offline_options, problem)
    offline = OfflineSettings(
        tuple(pages), offline.timeout_ms, offline.max_pages, offline.max_files
    )
    for page in missing_pages(config_file.parent / config.get("docs_dir", "docs"), offline):
        problem(("offline", "pages"), "config.no_offline_page", page=page)
    if problems:
        raise DataError(problems)
    return SiteSettings(calendar, home, offline)


def _plain_text(config: Mapping[str, Any], languages: Sequence[Mapping[str, Any]], report) -> None:
    """Names and descriptions every page shows, in mkdocs.yml and in each language's part."""
    places: list[tuple[tuple[str | int, ...], Any]] = [
        ((key,), config.get(key)) for key in PLAIN_TEXT_SETTINGS
    ]
    for index, lang in enumerate(languages):
        where = ("plugins", "i18n", "languages", index)
        places.append(((*where, "name"), lang.get("name")))
        places += [((*where, key), lang.get(key)) for key in PLAIN_TEXT_SETTINGS]
    for path, value in places:
        if value is not None and (not isinstance(value, str) or _NOT_PLAIN.search(value)):
            report(path, "config.not_plain_text", value=shorten(value))


def _identity_elsewhere(
    config: Mapping[str, Any], languages: Sequence[Mapping[str, Any]], report
) -> None:
    """What data/identity.yml says, said again in mkdocs.yml (written once: one of them would
    be forgotten when the other changes)."""
    places: list[tuple[tuple[str | int, ...], str]] = []
    for setting_path, name in IDENTITY_SETTINGS.items():
        node: Any = config
        for key in setting_path:
            node = node.get(key) if isinstance(node, Mapping) else None
        if node is not None:
            places.append((setting_path, name))
    for index, lang in enumerate(languages):
        where = ("plugins", "i18n", "languages", index)
        places += [
            ((*where, key), name)
            for key, name in LANGUAGE_IDENTITY.items()
            if lang.get(key) is not None
        ]
    for path, name in places:
        setting = ".".join(str(p) for p in path)
        report(path, "config.identity_elsewhere", setting=setting, name=name)


def _numbers(section: str, kind: type[T], options: Mapping[str, Any], problem) -> T:
    """A group of whole-number settings, such as extra.calendar (`kind`, a dataclass)."""
    known = [f.name for f in fields(kind)]  # type: ignore[arg-type]
    for name, value in options.items():
        if name not in known:
            problem(
                (section, str(name)),
                "config.no_setting",
                section=section,
                name=shorten(name),
                known=known,
            )
        elif not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 10_000:
            problem((section, name), "config.not_a_count")
    return kind(**{k: v for k, v in options.items() if k in known})


def _nav_translated(
    nav: Sequence[Any], languages: Sequence[Mapping[str, Any]], report: Callable[..., None]
) -> None:
    """Every title written in nav: (a section, or a page's own title) has a translation in
    each other built language's nav_translations; else that language's menu shows it as is."""
    titled: list[tuple[tuple[str | int, ...], str]] = []

    def walk(items: Sequence[Any], path: tuple[str | int, ...]) -> None:
        for i, item in enumerate(items):
            if isinstance(item, Mapping):
                for title, value in item.items():
                    titled.append(((*path, i, title), str(title)))
                    if isinstance(value, list):
                        walk(value, (*path, i, title))

    walk(nav, ("nav",))
    default = next((lang for lang in languages if lang.get("default")), None)
    for index, lang in enumerate(languages):
        if lang is default or not lang.get("build", True):
            continue
        names = lang.get("nav_translations") or {}
        for path, title in titled:
            if title not in names:
                locale, name = lang.get("locale"), shorten(title)
                report(path, "config.menu_untranslated", name=name, locale=locale, item=index + 1)


class _Lines:
    """Line and column of a setting in mkdocs.yml, for messages. The file is only composed,
    never constructed, so its !ENV and !!python tags do nothing here."""

    def __init__(self, config_file: Path) -> None:
        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: much faster
            self.root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=loader)
        except (OSError, yaml.YAMLError):
            self.root = None

    def __call__(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        node, found = self.root, (0, 0)
        for key in path:
            if isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if key >= len(node.value):
                    break
                node = node.value[key]
                found = (node.start_mark.line + 1, node.start_mark.column + 1)
                continue
            if isinstance(node, yaml.SequenceNode):  # plugins: a list of {name: settings}
                node = next((item for item in node.value if self._get(item, key)), None)
            match = self._get(node, key)
            if match is None:
                break
            found = (match[0].start_mark.line + 1, match[0].start_mark.column + 1)
            node = match[1]
        return found

    @staticmethod
    def _get(node: yaml.Node | None, key: str | int):
        if not isinstance(node, yaml.MappingNode):
            return None
        return next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
