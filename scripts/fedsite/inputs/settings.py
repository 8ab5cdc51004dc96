"""The site's settings in mkdocs.yml, checked like data: the quick exit's destination, the ICP
filing number, the calendar's options, and the names every page shows. They reach every page,
so a URL must be a plain https address, and a name is only ever plain text."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import yaml

from fedsite.inputs.errors import DataError, Problem, shorten
from fedsite.model import CalendarSettings, HomeSettings, OfflineSettings

T = TypeVar("T")
# How a mainland ICP filing number is written: province, ICP备, digits, 号, a site number.
ICP_NUMBER = re.compile(r"[\u4e00-\u9fff]ICP备\d{6,12}号(-\d{1,3})?")
# Characters that have no place in an address, and end an HTML attribute or a CSS url().
_NOT_IN_URL = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")
# Material prints these settings into its pages as they are, without escaping (and
# static-i18n needs them as plain strings, so they cannot be escaped for it): they must be
# plain text, which means none of HTML's special characters.
PLAIN_TEXT_SETTINGS = ("site_name", "site_description", "copyright")
# (Material quotes its attributes with ", so an apostrophe is safe.)
_NOT_PLAIN = re.compile(r"[<>&\"\x00-\x1f\x7f-\x9f\u2028\u2029]")
# The `extra:` settings the theme's templates and the plugin read. Material reads others (analytics,
# social links, polyfills, a scope for its storage...): each would need a review of what it
# adds to every page, so an unknown one stops the build.
EXTRA_SETTINGS = (
    "generator",
    "quick_exit",
    "calendar",
    "home",
    "offline",
    "lang_tags",
    "icp",
    "alternate",
)
# A page's path within a language's folder, as MkDocs makes it: '' (home), 'services/'.
PAGE_PATH = re.compile(r"([a-z0-9][a-z0-9-]*/)*")
LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class Icp:
    number: str
    url: str
    example: bool


@dataclass(frozen=True)
class SiteSettings:
    quick_exit_url: str
    icp: Icp | None
    calendar: CalendarSettings
    home: HomeSettings
    offline: OfflineSettings = field(default_factory=OfflineSettings)


def https_url(value: Any) -> str | None:
    """`value` if it is a plain https address with a host, else None."""
    if not isinstance(value, str) or _NOT_IN_URL.search(value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return None
    return value


def load_settings(
    config: Mapping[str, Any], languages: Sequence[Mapping[str, Any]], config_file: Path
) -> SiteSettings:
    """The settings of mkdocs.yml (loaded, with static-i18n's `languages` in their order);
    DataError naming the line of each mistake."""
    where = _Lines(config_file)
    problems: list[Problem] = []

    def report(
        path: tuple[str | int, ...], message: str, hint: str, zh: tuple[str, str] = ("", "")
    ) -> None:
        line, column = where(path)
        field = ".".join(str(p) for p in path)
        problems.append(Problem(config_file, line, column, field, message, hint, *zh))

    _plain_text(config, languages, report)
    _nav_translated(config.get("nav") or [], languages, report)
    extra = config.get("extra") or {}

    def problem(
        path: tuple[str, ...], message: str, hint: str, zh: tuple[str, str] = ("", "")
    ) -> None:
        report(("extra", *path), message, hint, zh)

    for name in extra:
        if name not in EXTRA_SETTINGS:
            problem(
                (str(name),),
                f"extra has no setting '{shorten(name)}'",
                f"the site reads only: {', '.join(EXTRA_SETTINGS[:-1])}",
                (
                    f"extra 里没有「{shorten(name)}」这个设置",
                    f"网站只读这些设置：{', '.join(EXTRA_SETTINGS[:-1])}",
                ),
            )
    for locale, tag in (extra.get("lang_tags") or {}).items():
        if not isinstance(tag, str) or not LANG_TAG.fullmatch(tag):
            problem(
                ("lang_tags", str(locale)),
                f"'{shorten(tag)}' is not a language tag",
                "e.g. zh-Hans",
                (f"「{shorten(tag)}」不是语言标记", "如 zh-Hans"),
            )

    exit_url = https_url((extra.get("quick_exit") or {}).get("url"))
    if exit_url is None:
        problem(
            ("quick_exit", "url"),
            "extra.quick_exit.url must be the full https address of a neutral site",
            "use one that opens quickly in mainland China, e.g. https://www.weather.com.cn/",
            (
                "extra.quick_exit.url 要写一个普通网站的完整 https 网址",
                "用一个在中国大陆打开快的网站，如 https://www.weather.com.cn/",
            ),
        )
    icp = None
    if raw := extra.get("icp"):
        number, url = raw.get("number"), https_url(raw.get("url"))
        if not isinstance(number, str) or not ICP_NUMBER.fullmatch(number):
            problem(
                ("icp", "number"),
                f"'{shorten(number)}' is not an ICP filing number",
                "write it as the register shows it, e.g. 渝ICP备12345678号-1",
                (
                    f"「{shorten(number)}」不是 ICP 备案号",
                    "照备案系统上的写法写，如 渝ICP备12345678号-1",
                ),
            )
        if url is None:
            problem(
                ("icp", "url"),
                "the ICP link must be the full https address of the MIIT register",
                "use https://beian.miit.gov.cn/",
                ("ICP 链接要写工信部备案系统的完整 https 网址", "写 https://beian.miit.gov.cn/"),
            )
        if not isinstance(raw.get("example", False), bool):
            problem(
                ("icp", "example"),
                "must be true or false",
                "true for a made-up number",
                ("要写 true 或 false", "编造的号码写 true"),
            )
        icp = Icp(str(number), url or "", raw.get("example", False) is True)
    calendar = _numbers("calendar", CalendarSettings, extra.get("calendar") or {}, problem)
    home = _numbers("home", HomeSettings, extra.get("home") or {}, problem)
    offline_options = dict(extra.get("offline") or {})
    pages = offline_options.pop("pages", OfflineSettings.pages)
    if not isinstance(pages, list | tuple) or not all(
        isinstance(p, str) and PAGE_PATH.fullmatch(p) for p in pages
    ):
        problem(
            ("offline", "pages"),
            "must be a list of pages by their address in a language's folder",
            "e.g. [\"\", help/, contacts/] ('' is the home page)",
            (
                "要写一个页面列表，每项是页面在语言文件夹里的路径",
                "如 [\"\", help/, contacts/]（'' 是首页）",
            ),
        )
        pages = OfflineSettings.pages
    offline = _numbers("offline", OfflineSettings, offline_options, problem)
    offline = OfflineSettings(
        tuple(pages), offline.timeout_ms, offline.max_pages, offline.max_files
    )
    if problems:
        raise DataError(problems)
    return SiteSettings(exit_url or "", icp, calendar, home, offline)


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
            report(
                path,
                f"'{shorten(value)}' is not plain text: pages show it as it is",
                "leave out < > & \" (write 'and' for &) and keep it on one line",
                (
                    f"「{shorten(value)}」不是纯文字：页面会原样显示",
                    '不要用 < > & "（& 写成“和”），写在一行里',
                ),
            )


def _numbers(section: str, kind: type[T], options: Mapping[str, Any], problem) -> T:
    """A group of whole-number settings, such as extra.calendar."""
    known = [f.name for f in fields(kind)]
    for name, value in options.items():
        if name not in known:
            problem(
                (section, str(name)),
                f"extra.{section} has no setting '{shorten(name)}'",
                f"known settings: {', '.join(known)}",
                (
                    f"extra.{section} 里没有「{shorten(name)}」这个设置",
                    f"可以写：{', '.join(known)}",
                ),
            )
        elif not isinstance(value, int) or isinstance(value, bool) or not 0 < value <= 10_000:
            problem(
                (section, name),
                "must be a whole number above 0",
                "e.g. 8",
                ("要写一个大于 0 的整数", "如 8"),
            )
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
                report(
                    path,
                    f"the menu title '{name}' has no {locale} translation",
                    f"add '{name}: ...' under nav_translations of the "
                    f"{locale} language (plugins: i18n: languages, item {index + 1})",
                    (
                        f"菜单标题「{name}」没有 {locale} 翻译",
                        f"在 {locale} 语言的 nav_translations 下面加一行 {name}: ..."
                        f"（plugins: i18n: languages 的第 {index + 1} 项）",
                    ),
                )


class _Lines:
    """Line and column of a setting in mkdocs.yml, for messages. The file is only composed,
    never constructed, so its !ENV and !!python tags do nothing here."""

    def __init__(self, config_file: Path) -> None:
        try:
            self.root = yaml.compose(config_file.read_text(encoding="utf-8"))
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
