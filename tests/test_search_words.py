"""Search results carry no markup of an editor's: a word in data/search.yml may hold none of
< > & " (the check names its file, line and field), every string the build writes into an index
makes no element when Material shows it as HTML, and the policy applies no <style> a result might
hold. In Chromium, with markup in a page's title and headings, and with a tag that would hide the
quick exit put into the built index itself: the results show it as text, nothing is injected,
and the exit stays on screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project, edit, fedsite_check, free_port, mkdocs_build, require
from fedsite.model import Synonyms
from fedsite.search.index import INDEX, split_index
from nginx import NGINX, nginx

HIDE_EXIT = "x<style>.fs-exit{display:none}</style>x"
FAKE_HELPLINE = "x<a href=//evil.example>拨打12338</a>x"


def elements_made(html: str) -> list[str]:
    """The elements a string makes when shown as HTML, other than the bare ones Material's own
    search plugin keeps."""
    doc = BeautifulSoup(f"<div>{html}</div>", "html.parser")
    kept = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
    return [el.name for el in doc.div.find_all(True) if el.name not in kept or el.attrs]


def test_elements_made_finds_markup() -> None:
    assert elements_made(HIDE_EXIT) == ["style"]
    assert elements_made(FAKE_HELPLINE) == ["a"]
    assert elements_made("<p>text</p> <code>x</code>") == []


def test_every_string_of_an_index_is_shown_as_text() -> None:
    material = {
        "config": {"lang": ["zh"], "separator": " ", "pipeline": []},
        "docs": [
            {"location": "", "title": HIDE_EXIT, "text": f"<p>ok</p>{FAKE_HELPLINE}"},
            {"location": "help/", "title": "求助", "text": "<p>x</p>", "tags": [HIDE_EXIT]},
        ],
    }
    synonyms = [Synonyms(("help/",), {"zh": (FAKE_HELPLINE, "家暴")})]
    index = split_index(material, {"": "zh"}, synonyms=synonyms)[""]
    strings = [
        value
        for doc in index["docs"]
        for value in (doc["title"], doc["text"], *doc.get("tags", []))
    ]
    assert [s for s in strings if elements_made(s)] == []
    help_page = index["docs"][1]
    assert "家暴" in help_page["tags"] and help_page["text"] == "<p>x</p>"  # the rest as it was
    assert BeautifulSoup(help_page["tags"][0], "html.parser").text == HIDE_EXIT  # shown as typed


@pytest.mark.parametrize("word", [HIDE_EXIT, FAKE_HELPLINE, "法律 & 政策", 'say "help"'])
@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_search_word_with_markup_is_refused(tmp_path: Path, word: str, language: str) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "data/search.yml"
    edit(path, "zh: [离婚, 抚养费,", f"zh: [离婚, '{word}', 抚养费,")
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if word in text)
    result = fedsite_check(project, language)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    assert f"data/search.yml:{line}:" in output, output
    if language == "en":
        assert "synonyms[1].words.zh[1]" in output and "none of < > &" in output, output
    else:
        assert "(words)" in output and "这几个符号" in output, output


# -- In Chromium ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def poisoned_search(tmp_path_factory: pytest.TempPathFactory):
    """A site with markup in a page's title and headings (which reach the index), and a tag
    that would hide the quick exit put into the built Chinese index, as if a word had got
    through: served by nginx."""
    require(NGINX, "apt-get install nginx-core")
    project = copy_project(tmp_path_factory.mktemp("search") / "project")
    page = project / "docs/services/health.md"
    edit(page, "---\n", f"---\ntitle: '健康 {HIDE_EXIT}'\n")
    edit(page, "\n## ", f"\n## 体检 {FAKE_HELPLINE}\n\n文字。\n\n## ")
    port = free_port()
    build = mkdocs_build(project, project / "site", f"http://127.0.0.1:{port}/")
    assert build.returncode == 0, build.output
    index_file = build.site / INDEX
    index = json.loads(index_file.read_text("utf-8"))
    index["docs"][0]["tags"] = [*index["docs"][0].get("tags", []), "毒词", HIDE_EXIT]
    index_file.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    with nginx(build.site, port) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("query", ["体检", "健康", "毒词"])
@pytest.mark.parametrize("width", [360, 1280])
def test_results_inject_nothing_and_the_exit_stays(browser, poisoned_search, query, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.goto(poisoned_search)
    if width < 1000:
        page.click(".md-header__button[for='__search']")
    else:
        page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(query)
    page.wait_for_selector(".md-search-result__item")
    results = page.locator(".md-search-result__list")
    if query == "毒词":  # the tag put into the index makes an element: its style is not applied
        assert results.locator("style").count() == 1
        assert any("style-src" in v for v in violations), violations
    else:  # the page's title and heading, through the build: shown as text
        assert results.locator("style, a[href*='evil']").count() == 0
        assert violations == []  # nor does anything of the theme's need an inline style
        assert "<style>" in results.inner_text() or "evil.example" not in results.inner_html()
    assert page.locator("#fs-quick-exit").is_visible()  # search still open
    page.keyboard.press("Escape")
    assert page.locator("#fs-quick-exit").is_visible()
    context.close()
