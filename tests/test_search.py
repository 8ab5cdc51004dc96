"""Search in each language: one index per language with the words people in trouble type
(data/search.yml), the helplines first for words of danger, the index loaded only when search
is opened, and input without key events (paste, voice, an input method) searching too.

The engine's part (splitting Material's index) is tested without a build; the rest types into
the real search box of the built site in Chromium, served by nginx."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, fedsite_check
from fedsite.model import Synonyms
from fedsite.search.index import INDEX, split_index

HAN = re.compile(r"[\u4e00-\u9fff]")
DESKTOP = {"width": 1280, "height": 900}

# -- The engine: one index per language -------------------------------------------------------

MATERIAL_INDEX = {
    "config": {"lang": ["zh", "en"], "separator": r"[\s\u200b]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "首页", "text": "欢迎"},
        {"location": "help/", "title": "我要求助", "text": "打电话"},
        {"location": "help/#110", "title": "有危险", "text": "报警"},
        {"location": "about/", "title": "关于", "text": "妇联"},
        {"location": "en/", "title": "Home", "text": "Welcome"},
        {"location": "en/help/", "title": "Get help", "text": "Call"},
        {"location": "en/about/", "title": "关于", "text": "妇联"},  # not translated yet
        {"location": "en/about/#x", "title": "关于", "text": "妇联"},
    ],
}


def test_each_page_lands_in_its_own_languages_index_once() -> None:
    indexes = split_index(
        MATERIAL_INDEX, {"": "zh", "en/": "en"}, fallbacks={"en/about/"}, lunr_languages={"zh"}
    )
    zh = [doc["location"] for doc in indexes[""]["docs"]]
    en = [doc["location"] for doc in indexes["en/"]["docs"]]
    assert zh == ["", "help/", "help/#110", "about/"]
    assert en == ["en/", "en/help/"]  # the fallback copy of a Chinese page is left out
    assert indexes[""]["config"]["lang"] == ["zh"] and indexes["en/"]["config"]["lang"] == ["en"]
    assert MATERIAL_INDEX["config"]["lang"] == ["zh", "en"]  # the input is left as it was


def test_the_words_people_type_are_added_to_their_pages() -> None:
    synonyms = [
        Synonyms(("help/",), {"zh": ("家暴", "被打"), "en": ("domestic violence",)}, help=True),
        Synonyms(("about/", "missing/"), {"zh": ("妇女联合会",)}),
    ]
    indexes = split_index(MATERIAL_INDEX, {"": "zh", "en/": "en"}, synonyms=synonyms)
    tags = {doc["location"]: doc.get("tags") for index in indexes.values() for doc in index["docs"]}
    assert tags["help/"] == ["家暴", "被打"]
    assert tags["help/#110"] is None  # the page, not each of its sections
    assert tags["en/help/"] == ["domestic violence"]
    assert tags["about/"] == ["妇女联合会"]
    assert tags["en/about/"] is None  # words are per language
    assert "tags" not in MATERIAL_INDEX["docs"][1]


def test_a_language_without_lunr_support_gets_a_plain_tokenizer() -> None:
    index = {**MATERIAL_INDEX, "docs": [{"location": "ug/", "title": "باش بەت", "text": "x"}]}
    indexes = split_index(index, {"": "zh", "ug/": "ug"}, lunr_languages={"zh"})
    ug = indexes["ug/"]["config"]
    assert ug["lang"] == ["en"] and ug["pipeline"] == []  # no English stop words
    assert "،" in ug["separator"] and "؟" in ug["separator"]
    assert [doc["location"] for doc in indexes["ug/"]["docs"]] == ["ug/"]
    # Its twin: a language lunr supports keeps its settings.
    zh = indexes[""]["config"]
    assert zh["lang"] == ["zh"] and zh["pipeline"] and "،" not in zh["separator"]


# -- An editor's mistakes in data/search.yml ----------------------------------------------------


def test_a_page_that_does_not_exist_is_named_with_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/search.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("pages: [services/left-behind/]", "pages: [services/left-behnd/]", 1)
    text = text.replace("      en: [divorce,", "      enn: [divorce,", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "left-behnd" in t)
    result = fedsite_check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert f"data/search.yml:{line}:" in output and "synonyms[2].pages[0]" in output, output
    assert "there is no page services/left-behnd/" in output, output
    assert "unknown language 'enn'" in output, output


def test_a_mistake_in_search_words_stops_the_build(tmp_path: Path) -> None:
    from conftest import mkdocs_build

    project = copy_project(tmp_path / "project")
    path = project / "data/search.yml"
    text = path.read_text(encoding="utf-8").replace("- help: true", "- help: yes please", 1)
    path.write_text(text, encoding="utf-8")
    build = mkdocs_build(project, tmp_path / "site")
    assert_failed_cleanly(build, "data/search.yml", "synonyms[0].help")


# -- The built site -----------------------------------------------------------------------------


def index_of(site: Path, home: str) -> dict:
    return json.loads((site / home / INDEX).read_text(encoding="utf-8"))


def test_each_language_has_an_index_of_its_own_pages(site: Path) -> None:
    zh, en = index_of(site, ""), index_of(site, "en/")
    assert zh["docs"] and en["docs"]
    assert not [d["location"] for d in zh["docs"] if d["location"].startswith("en/")]
    assert [d["location"] for d in en["docs"] if not d["location"].startswith("en/")] == []
    english_text = " ".join(d["title"] + d["text"] for d in en["docs"])
    assert len(HAN.findall(english_text)) < len(english_text) / 100  # a few names, no pages
    # The site's own terms stay whole words (jieba's user dictionary).
    words = set(re.split(r"[^\u4e00-\u9fff]+", " ".join(d["text"] for d in zh["docs"])))
    assert {"五个一", "妇女之家", "三峡移民", "家庭暴力"} <= words, words & {"五个"}


QUERIES = {
    "": [
        ("离婚", "services/legal-rights/"),
        ("抚养费", "services/legal-rights/"),
        ("彩礼", "services/legal-rights/"),
        ("留守", "services/left-behind/"),
        ("孩子没人管", "services/left-behind/"),
        ("找工作", "services/vocational-skills/"),
        ("学手艺", "training/"),
        ("妇女之家", "womens-homes/"),
        ("五个一", "campaigns/five-one/"),
        ("三峡移民", "services/three-gorges-relocation/"),
        ("龙都", "contacts/longdu/"),
        ("高笋塘", "contacts/gaosuntang/"),
        ("高笋塘街道妇女之家", "contacts/gaosuntang/"),  # a place, by its name
        ("家庭教育", "services/family-education/"),
        ("健康", "services/health/"),
        ("安全上网", "safety/"),
        ("月嫂", "training/"),
        ("法律政策讲座", "activities/"),  # an activity, by its title
        ("基层妇联干部服务能力提升培训", "training/"),  # a course
    ],
    "en/": [
        ("divorce", "services/legal-rights/"),
        ("child support", "services/legal-rights/"),
        ("bride price", "services/legal-rights/"),
        ("left-behind", "services/left-behind/"),
        ("find work", "services/vocational-skills/"),
        ("trainings", "training/"),  # a plural finds the singular
        ("Women's Home", "womens-homes/"),
        ("Five-One", "campaigns/five-one/"),
        ("relocation", "services/three-gorges-relocation/"),
        ("Longdu", "contacts/longdu/"),
        ("Gaosuntang", "contacts/gaosuntang/"),
        ("Gaosuntang Subdistrict Women's Home", "contacts/gaosuntang/"),  # a place
        ("parenting", "services/family-education/"),
        ("health", "services/health/"),
        ("staying safe online", "safety/"),
        ("Three-Key", "campaigns/three-key/"),
        ("law and policy talk", "activities/"),  # an activity, by its title
        ("service-ability programme", "training/"),  # a course
    ],
}
HELP_WORDS = {
    "": ["家暴", "家庭暴力", "被打", "打人", "威胁"],
    "en/": ["domestic violence", "abuse", "beaten", "threatened"],
}


@pytest.fixture()
def search(browser, server: str):
    """Type into the real search box of a language's home page: (result paths, help shown)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    def run(home: str, query: str, *, paste: bool = False) -> tuple[list[str], bool]:
        if page.url != server + home:
            page.goto(server + home)
        box = page.locator("input.md-search__input")
        box.click()
        ready = page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent)"
            ".translations['search.result.placeholder']"
        )
        box.fill("")
        page.wait_for_function(
            "t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
            arg=ready,
        )
        if paste:  # text with no key events, as a paste, voice input or an IME commit gives
            box.evaluate(
                "(el, text) => { el.value = text;"
                " el.dispatchEvent(new InputEvent('input', {bubbles: true})); }",
                query,
            )
        else:
            box.press_sequentially(query)
        page.wait_for_function(
            "t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
            arg=ready,
        )
        # Typed, each key searches: wait until the list stops changing (a slow machine can
        # still show the results of the first few letters).
        found, previous, same = [], None, 0
        for _ in range(60):
            page.wait_for_timeout(150)
            found = page.eval_on_selector_all(
                ".md-search-result__item > a",
                "links => links.map(a => new URL(a.href).pathname)",
            )
            same = same + 1 if found == previous else 0
            previous = found
            if same >= 3:
                break
        helped = page.eval_on_selector(".fs-search-help", "el => !el.hidden")
        return [path.lstrip("/") for path in found], helped

    run.requests = requests  # type: ignore[attr-defined]
    run.page = page  # type: ignore[attr-defined]
    yield run
    context.close()


def top_three(found: list[str]) -> list[str]:
    return list(dict.fromkeys(found))[:3]


@pytest.mark.browser
@pytest.mark.parametrize("home", QUERIES)
def test_what_people_search_for_is_in_the_top_three(search, home: str) -> None:
    missed = []
    for query, expected in QUERIES[home]:
        found, _ = search(home, query, paste=True)  # one search, of the whole query
        assert all(path.startswith(home) for path in found), (query, found)  # her language
        if home + expected not in top_three(found):
            missed.append(f"{query!r}: {top_three(found)}, not {home + expected}")
    assert not missed, "\n".join(missed)


@pytest.mark.browser
@pytest.mark.parametrize("home", HELP_WORDS)
def test_words_of_danger_put_the_helplines_first(search, home: str) -> None:
    for word in HELP_WORDS[home]:
        found, helped = search(home, word)
        assert helped, word
        assert home + "help/" in top_three(found), (word, found)
        first = search.page.locator(".md-search-result a").first
        assert first.get_attribute("href").startswith("tel:"), word  # a number to call, first
    found, helped = search(home, "12338")
    assert not helped and found  # the number finds pages, it is not a word of danger


@pytest.mark.browser
def test_each_language_finds_only_its_own_pages(search) -> None:
    # A Chinese word on an English page, and an English word on a Chinese page.
    found, _ = search("en/", "妇联")
    assert all(path.startswith("en/") for path in found), found
    found, _ = search("", "Wanzhou")
    assert not [path for path in found if path.startswith("en/")], found


@pytest.mark.browser
@pytest.mark.parametrize("home", QUERIES)
def test_pasted_text_and_voice_input_search_too(search, home: str) -> None:
    query, expected = QUERIES[home][0]
    found, _ = search(home, query, paste=True)
    assert home + expected in top_three(found), found


@pytest.mark.browser
def test_the_index_loads_only_when_search_is_opened(search, server: str) -> None:
    page = search.page
    for home in ("", "en/"):
        search.requests.clear()
        page.goto(server + home)
        page.wait_for_load_state("networkidle")
        loaded = [url for url in search.requests if "search" in url and not url.endswith(".js")]
        workers = [url for url in search.requests if "/workers/" in url]
        assert loaded == [] and workers == [], (home, loaded + workers)
        # Material's shortcut opens search; then the worker starts, once the index is read
        # (waited for: on a busy machine that can come after the network is idle, and its
        # request would count for the next page).
        with page.expect_request(lambda request: "/workers/search" in request.url):
            page.keyboard.press("s")
        page.wait_for_function("document.getElementById('__search').checked")
        page.wait_for_load_state("networkidle")
        loaded = [url for url in search.requests if url.endswith("search_index.json")]
        assert loaded == [f"{server}{home}{INDEX}"], loaded
