"""Nothing from data, ui.yml, front matter or mkdocs.yml can put script on the site, and every
page carries a Content-Security-Policy that runs only the site's own scripts.

A copy of the project gets markup in every text it has (each data text field, every ui.yml
string, hotline names, a page's front matter, navigation titles in mkdocs.yml) and is built:
its pages must show the markup as text, carry no script the policy does not name, no event
handler and no javascript: link, and keep the quick exit pointing where mkdocs.yml says; in
Chromium no dialog opens and the policy reports nothing. An editor's raw <script> in a page
stops the build, and if it were built anyway, the policy would block it."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
import vobject
import yaml
from bs4 import BeautifulSoup
from conftest import (
    ROOT,
    copy_project,
    edit,
    free_port,
    mkdocs_build,
    serve,
)
from fedsite import resources
from icalendar import Calendar
from pages import html_pages, posters, url_path

EXIT_URL = "https://www.weather.com.cn/"
SENTINEL = "PWN"
# Each carries the sentinel, so the test can see the text was shown (as text) and not dropped.
PAYLOADS = [
    "<script>alert(1)</script>PWN",
    '<img src=x onerror="alert(2)">PWN',
    '"><svg onload=alert(3)>PWN',
    "[PWN](javascript:alert(4))",
    '<a id="fs-quick-exit" href="https://elsewhere.example/">PWN</a>',
    "PWN {#fs-quick-exit onclick=alert(5)}",
    "' onmouseover='alert(6)' PWN",
    "</title><script>alert(7)</script>PWN",
]
# data/identity.yml holds plain text only, one line, no < > & " { }: markup there is refused
# (tests/test_identity.py), never built.
NOT_POISONED = {"identity.yml"}
# ui.yml strings are format patterns: their payloads have no braces.
UI_PAYLOADS = [p for p in PAYLOADS if "{" not in p]


def poison_texts(node, counter: list[int]):
    """Every text in a data file's tree (a {zh:, en:} mapping, or a WeChat/QQ name) with a
    payload appended, in turn."""
    if isinstance(node, dict):
        if node and set(node) <= {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
            counter[0] += 1
            payload = PAYLOADS[counter[0] % len(PAYLOADS)]
            return {lang: f"{text} {payload}" for lang, text in node.items()}
        return {
            key: (
                f"{value}{UI_PAYLOADS[0]}"
                if key in ("wechat", "qq")
                else poison_texts(value, counter)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [poison_texts(item, counter) for item in node]
    return node


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with markup in every text an editor or a reviewer could let through."""
    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project")
    data = project / "data"
    for path in data.glob("*.yml"):
        if path.name in NOT_POISONED:
            continue
        tree = poison_texts(yaml.safe_load(path.read_text("utf-8")), [0])
        path.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")
    # The site changing every string of the package's (data/ui.yml overrides them key by key).
    strings = yaml.safe_load((resources.STRINGS / "ui.yml").read_text("utf-8"))
    poisoned_strings = {
        key: {lang: f"{text} {UI_PAYLOADS[n % len(UI_PAYLOADS)]}" for lang, text in v.items()}
        for n, (key, v) in enumerate(strings.items())
    }
    (data / "ui.yml").write_text(yaml.safe_dump(poisoned_strings, allow_unicode=True), "utf-8")
    for page, title in (("about.md", "关于我们"), ("about.en.md", "About us")):
        edit(
            project / "docs" / page,
            "---\n",
            f"---\ntitle: '{title} </title><script>alert(8)</script> PWN'\n"
            f'description: \'{title} " onmouseover="alert(9)" <b>PWN</b>\'\n',
        )
        text = (project / "docs" / page).read_text("utf-8")
        # The page's own description line goes: the one above replaces it.
        (project / "docs" / page).write_text(
            re.sub(r"\ndescription: [^'\n][^\n]*", "", text, count=1), "utf-8"
        )
    payload = "<img src=x onerror=alert(10)>PWN"
    edit(project / "mkdocs.yml", "  - 关于妇联:", f"  - '关于妇联{payload}':")
    edit(
        project / "mkdocs.yml",
        "            关于妇联: About the federation",
        f"            '关于妇联{payload}': 'About the federation{payload}'",
    )
    return project


@pytest.fixture(scope="module")
def poisoned_site(poisoned: Path) -> Path:
    build = mkdocs_build(poisoned, poisoned / "site", "http://127.0.0.1:8000/")
    assert build.returncode == 0, build.output
    return build.site


def sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def what_would_run(html: str) -> list[str]:
    """Scripts the page's own policy does not name, event handlers and javascript: URLs,
    found by BeautifulSoup (not by the site's own parser)."""
    doc = BeautifulSoup(html, "lxml")
    meta = doc.select_one('head > meta[http-equiv="Content-Security-Policy"]')
    policy = meta["content"] if meta else ""
    script_src = next((d for d in policy.split(";") if d.strip().startswith("script-src")), "")
    allowed = set(re.findall(r"'(sha256-[^']+)'", script_src))
    found = []
    for script in doc.find_all("script"):
        kind = (script.get("type") or "").lower()
        if script.get("src") or kind in ("application/ld+json", "application/json"):
            continue
        if sha256(script.string or "") not in allowed:
            found.append(f"<script>{(script.string or '')[:50]}")
    for element in doc.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name in ("href", "src", "action") and "".join(str(value).split()).lower().startswith(
                "javascript:"
            ):
                found.append(f"<{element.name} {name}={value}>")
    return found


def all_pages(site: Path) -> list[Path]:
    return [*html_pages(site), site / "404.html", site / "en/404.html"]


def test_markup_in_every_text_stays_text(poisoned_site: Path) -> None:
    pages = all_pages(poisoned_site)
    offenders = {
        url_path(poisoned_site, p): bad for p in pages if (bad := what_would_run(p.read_text()))
    }
    assert offenders == {}
    shown = 0
    for page in pages:
        doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
        assert doc.select("img[src=x], svg[onload]") == [], page
        # The quick exit is the one the template wrote, going where mkdocs.yml says.
        exits = doc.select("#fs-quick-exit")
        assert len(exits) == 1 and exits[0]["href"] == EXIT_URL, page
        assert exits[0].find_parent(class_="fs-help") is not None
        for block in doc.select('script[type="application/ld+json"]'):
            json.loads(block.string)
        shown += SENTINEL in doc.body.get_text()
    assert shown == len(pages)  # every page shows some of the markup, as text
    # The printable posters show the activities' titles too, escaped.
    printed = posters(poisoned_site)
    assert printed and all(what_would_run(p.read_text("utf-8")) == [] for p in printed)
    assert any(SENTINEL in BeautifulSoup(p.read_text("utf-8"), "lxml").get_text() for p in printed)


def test_front_matter_and_navigation_titles_are_text(poisoned_site: Path) -> None:
    for path, name in (("about/index.html", "关于我们"), ("en/about/index.html", "About us")):
        doc = BeautifulSoup((poisoned_site / path).read_text("utf-8"), "lxml")
        assert doc.title.string.startswith(f"{name} </title><script>alert(8)</script> PWN")
        description = doc.select_one('meta[name="description"]')["content"]
        assert description == f'{name} " onmouseover="alert(9)" <b>PWN</b>'
        nav = [a.get_text(strip=True) for a in doc.select(".md-nav__link")]
        assert any(t.endswith("<img src=x onerror=alert(10)>PWN") for t in nav), nav


def test_feeds_and_contact_cards_hold_the_text_and_still_parse(poisoned_site: Path) -> None:
    feed = Calendar.from_ical((poisoned_site / "activities/feeds/all.ics").read_bytes())
    summaries = [str(e["SUMMARY"]) for e in feed.walk("VEVENT")]
    assert any("<script>alert(1)</script>PWN" in s for s in summaries)
    cards = list((poisoned_site / "en/contacts/vcard").glob("*.vcf"))
    assert cards
    for card in cards:
        parsed = vobject.readOne(card.read_text("utf-8"))
        assert SENTINEL in parsed.fn.value


@pytest.mark.browser
def test_no_dialog_and_no_policy_violation_in_chromium(browser, poisoned_site: Path) -> None:
    port = free_port()
    # Built for port 8000 (absolute URLs only affect sitemaps and hreflang); served anywhere.
    with serve(poisoned_site, port) as server:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        context.route(EXIT_URL + "**", lambda r: r.fulfill(body="<p>Neutral site</p>"))
        page = context.new_page()
        seen: list[str] = []
        page.on("dialog", lambda d: (seen.append(f"dialog {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: seen.append(f"error {e}"))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error('CSP ' + e.violatedDirective + ' ' + e.sample))"
        )
        page.on("console", lambda m: m.type == "error" and seen.append(m.text))
        paths = [
            "",
            "about/",
            "en/about/",
            "activities/",
            "activities/months/2026-12/",
            "en/activities/categories/",
            "training/",
            "contacts/",
            "en/contacts/longju/",
            "404.html",
        ]
        for path in paths:
            page.goto(server + path)
            page.mouse.move(180, 300)
            page.mouse.move(100, 500)
            exit_href = page.evaluate("document.getElementById('fs-quick-exit').href")
            assert exit_href == EXIT_URL, path
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(EXIT_URL + "**")
        context.close()
    assert seen == []


# -- The policy on the real site ------------------------------------------------------------


def test_every_page_carries_a_strict_policy_before_any_script(site: Path) -> None:
    for page in all_pages(site):
        doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
        head = [e for e in doc.head.children if e.name]
        assert head[0].name == "meta" and head[0].get("charset"), page
        policy = head[1].get("content", "") if head[1].get("http-equiv") else ""
        assert policy, f"{page}: the policy must come right after the charset"
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert "'unsafe-inline'" not in directives["script-src"], page
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert what_would_run(page.read_text("utf-8")) == [], page
    for page in posters(site):  # a stylesheet of the site's, and nothing else
        doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
        head = [e for e in doc.head.children if e.name]
        assert head[0].get("charset") and head[1].get("http-equiv") == "Content-Security-Policy"
        directives = dict(d.strip().split(" ", 1) for d in head[1]["content"].split(";"))
        assert directives["default-src"] == directives["script-src"] == "'none'", page
        assert doc.select("script") == [], page


@pytest.mark.browser
def test_a_script_that_reached_a_page_is_blocked_by_the_policy(browser, site, tmp_path) -> None:
    """The build stops on an editor's script (tests/test_active_content.py); had an inline one
    reached a built page anyway, the policy would not run it. (A script file of the site's it
    would run: that only the build's check prevents.)"""
    built = tmp_path / "site"
    shutil.copytree(site, built)
    page_file = built / "about/index.html"
    html = page_file.read_text("utf-8").replace(
        "</article>",
        "<script>window.pwned = 1</script>"
        '<img src="../assets/logo.svg" alt="" onload="window.pwned = 2"></article>',
    )
    page_file.write_text(html, "utf-8")
    with serve(built, free_port()) as server:
        page = browser.new_page()
        blocked: list[str] = []
        page.expose_function("reportViolation", lambda directive: blocked.append(directive))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', "
            "e => window.reportViolation(e.violatedDirective))"
        )
        page.goto(server + "about/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None
        assert page.evaluate("typeof __md_get") == "function"  # the theme's own scripts ran
        page.close()
    assert len(blocked) == 2 and all(d.startswith("script-src") for d in blocked), blocked


@pytest.mark.browser
def test_what_the_site_stores_is_what_the_safety_page_says(browser, server: str, site) -> None:
    """Browse, search, pick a palette and larger text: what is left on the device is the
    palette (localStorage), until the browser is closed the text size (sessionStorage), and the
    offline copies of the pages she read (the service worker's caches), never the safety page
    nor what she searched for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for path in ("", "en/services/", "contacts/"):
        page.goto(server + path)
    page.locator("label[for='__palette_1']").first.click()
    page.keyboard.press("s")
    # A query typed before the search worker has loaded its index is dropped: wait for it.
    ready = page.evaluate(
        "JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    page.wait_for_function(
        "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
        arg=ready,
    )
    page.locator("input.md-search__input").press_sequentially("12338")
    page.wait_for_selector(".md-search-result__item")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    # What she searched for stays out of the address, and so out of the browser's history.
    assert "?" not in page.url and "12338" not in page.url, page.url
    page.goto(server + "safety/")
    page.get_by_role("button", name="大字").click()  # kept for the visit only
    stored = page.evaluate(
        """async () => ({
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
          cookies: document.cookie,
          caches: await caches.keys(),
          stored: (await Promise.all((await caches.keys()).map(async name =>
            (await (await caches.open(name)).keys()).map(r => r.url)))).flat(),
          workers: (await navigator.serviceWorker.getRegistrations()).length,
        })"""
    )
    context.close()
    assert [key.rsplit(".", 1)[-1] for key in stored["local"]] == ["__palette"], stored
    assert stored["session"] == ["fs-display"] and stored["cookies"] == "", stored
    assert stored["workers"] == 1 and all(n.startswith("fedsite-") for n in stored["caches"])
    assert {server, server + "en/services/", server + "contacts/"} <= set(stored["stored"])
    kept = [url for url in stored["stored"] if "safety" in url or "12338" in url or "?" in url]
    assert kept == [] and all(url.startswith(server) for url in stored["stored"]), kept
    worker = json.loads((site / "sw.js").read_text("utf-8").split("\n")[0][15:-1])
    for path in ("safety/index.html", "en/safety/index.html"):
        text = BeautifulSoup((site / path).read_text("utf-8"), "lxml").article.get_text()
        assert "localStorage" in text and "sessionStorage" in text, path
        assert "Cookie" in text or "cookies" in text, path
        # What the worker keeps: "最多 60 页", "(up to 60)".
        assert re.search(rf"最多 {worker['max_pages']} 页|up to {worker['max_pages']}\)", text)


def test_the_site_is_built_from_these_inputs() -> None:
    # The poisoned copy must cover every data file there is, and every interface string.
    assert {p.name for p in (ROOT / "data").glob("*.yml")} >= {"hotlines.yml", *NOT_POISONED}
    assert (resources.STRINGS / "ui.yml").is_file()
