"""Escaping at each sink, and the checks on mkdocs.yml's settings, by the engine alone (no site
build): text in generated Markdown stays text, values for theme templates are escaped, iCalendar
TEXT holds no line breaks, settings that reach every page are plain, and the
Content-Security-Policy helpers find what a browser would run (what pages may not hold:
tests/test_active_content.py)."""

from __future__ import annotations

import copy

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from fedsite.environment.mkdocs_yml import read_mkdocs_yml
from fedsite.environment.settings import load_settings
from fedsite.identity.data import https_url
from fedsite.messages.problems import DataError
from fedsite.output import csp
from fedsite.output.content_lines import text as ics_text
from fedsite.output.escaping import html_values, markdown_heading, markdown_text
from icalendar import Calendar
from markupsafe import Markup

# What editors might paste, or an attacker might try, in a name or any other text.
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "[x]: javascript:alert(4)",
    "**bold** _em_ `code` ~~del~~",
    "Title {#evil .x onclick=alert(5)}",
    "Title {: onclick=alert(6) }",
    "Heading ##",
    "a | b | c",
    "&lt;script&gt; &amp; &#60;",
    "<!-- fedsite:upcoming -->",
    "\\*not emphasis\\*",
    "1. not a list",
    "> not a quote",
    "line one\n# line two",
    "法律<讲座>（第1期）",
    'Women\'s "Home" & Family',
]
# The extensions mkdocs.yml turns on (its slugify setting aside).
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "toc",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_in_a_markdown_heading_stays_text(payload: str) -> None:
    html = markdown.markdown(markdown_heading(2, payload, "anchor"), extensions=EXTENSIONS)
    doc = BeautifulSoup(html, "lxml")
    heading = doc.find("h2")
    assert heading is not None, html
    assert heading.attrs == {"id": "anchor"}
    assert heading.find() is None, html  # no element inside: no link, no image, no emphasis
    assert heading.get_text() == " ".join(payload.split())
    assert len(doc.body.contents) == 1  # nothing after it


def test_markdown_text_is_one_line() -> None:
    assert "\n" not in markdown_text("a\n\nb\r\n  c")


def test_html_values_escape_every_string_once() -> None:
    value = {"a": "<b>", "b": ["\"'&"], "c": Markup("<i>ok</i>"), "d": 3}
    escaped = html_values(value)
    assert escaped == {"a": "&lt;b&gt;", "b": ["&#34;&#39;&amp;"], "c": "<i>ok</i>", "d": 3}
    assert html_values(escaped) == escaped  # escaping twice changes nothing


def test_ics_text_has_no_line_breaks_a_parser_could_split_on() -> None:
    value = "a\u2028b\x85c\x0bd\re\nf;g,h\\i\tj"
    line = f"SUMMARY:{ics_text(value)}"
    assert line.splitlines() == [line]
    event = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:u\r\n"
        f"DTSTAMP:20261201T000000Z\r\n{line}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    summary = str(Calendar.from_ical(event).walk("VEVENT")[0]["SUMMARY"])
    assert summary == "a b c d e\nf;g,h\\i\tj"


# -- mkdocs.yml -----------------------------------------------------------------------------


CONFIG, LANGUAGES = read_mkdocs_yml(ROOT / "mkdocs.yml")


def line_of(start: str) -> int:
    lines = (ROOT / "mkdocs.yml").read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def settings_problems(config: dict, languages: list | None = None) -> list[str]:
    try:
        load_settings(config, languages or LANGUAGES, ROOT / "mkdocs.yml")
    except DataError as exc:
        return [p.format(ROOT) for p in exc.problems]
    return []


def test_the_sites_settings_pass() -> None:
    assert settings_problems(CONFIG) == []


@pytest.mark.parametrize(
    "url",
    [
        'https://www.weather.com.cn/" onmouseover="alert(1)',
        "javascript:alert(1)",
        "http://www.weather.com.cn/",
        "https://",
        "//www.weather.com.cn/",
        "https://user@www.weather.com.cn/",
        "https://www.weather.com.cn/<script>",
        "https://www.weather.com.cn/ x",
        "https://[::1",
        None,
        42,
    ],
)
def test_a_setting_url_must_be_a_plain_https_address(url) -> None:
    assert https_url(url) is None


def test_a_plain_https_address_is_kept() -> None:
    assert https_url("https://beian.miit.gov.cn/") == "https://beian.miit.gov.cn/"


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        (
            lambda c: c["extra"].update(analytics={"provider": "google"}),
            "[extra.analytics]",
            "extra has no setting 'analytics'",
        ),
        (
            lambda c: c["extra"]["lang_tags"].update(zh='zh" onclick="x'),
            "[extra.lang_tags.zh]",
            "is not a language tag",
        ),
        (
            lambda c: c.update(site_name="万州区妇联<script>alert(1)</script>"),
            f"mkdocs.yml:{line_of('site_name:')}:1: [site_name]",
            "is not plain text",
        ),
        (
            lambda c: c["extra"]["calendar"].update(upcoming_week=8),
            "[extra.calendar.upcoming_week]",
            "extra.calendar has no setting 'upcoming_week'",
        ),
    ],
)
def test_a_settings_mistake_names_its_line(change, where: str, message: str) -> None:
    config = copy.deepcopy(CONFIG)
    change(config)
    found = settings_problems(config)
    assert len(found) == 1, found
    assert where in found[0] and message in found[0], found[0]


def test_a_language_name_in_the_switcher_must_be_plain_text() -> None:
    languages = copy.deepcopy(LANGUAGES)
    languages[1]["name"] = "<b>English</b>"
    found = settings_problems(CONFIG, languages)
    assert len(found) == 1 and "[plugins.i18n.languages.1.name]" in found[0]


# -- Content-Security-Policy helpers --------------------------------------------------------


def test_inline_scripts_are_found_exactly_and_data_blocks_left_out() -> None:
    html = (
        '<script>var a = "<b>";</script><script src="x.js"></script>'
        '<script type="application/ld+json">{"a": 1}</script>'
        '<script type="module">b()</script><script type="application/json">{}</script>'
    )
    assert csp.inline_scripts(html) == ['var a = "<b>";', "b()"]


def test_the_policy_names_each_script_by_its_hash_and_allows_nothing_inline() -> None:
    policy = csp.policy(["a()", "a()", "b()"])
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src.split()[1] == "'self'"
    assert len([h for h in script_src.split() if h.startswith("'sha256-")]) == 2
    assert "unsafe-inline" not in script_src and "unsafe-eval" not in policy
    assert "frame-ancestors" not in policy  # a <meta> policy may not hold it
    assert "frame-ancestors 'none'" in csp.policy([], header=True)
