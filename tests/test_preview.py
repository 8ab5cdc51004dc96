"""The editors' preview and their common mistakes: `mkdocs serve` shows a mistake in the browser
(in Chinese, with the file and line), turns back into the site once the file is fixed, shows a
broken link's warning above the page, and holds pages to the built site's policy (a page's own
script does not run, and is named above it; only the preview's reload script runs); the
messages, in Chinese and in English, name what a Chinese input method typed and a line out of
line, suggest the id or field meant, state the time rule as it is, and a menu title without a
translation is an error."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SITE_TODAY, copy_project, edit, fedsite_check, free_port
from fedsite.editor_yaml.source import load_yaml_text
from fedsite.messages.problems import DataError


def check_output(project: Path, language: str = "en") -> str:
    result = fedsite_check(project, language)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    return output


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


# -- Messages, in Chinese (the default) and in English ------------------------------------------

# An editor's mistake in a copy of the project: (file, text, mistake), then what the check says
# in each language (the line is the mistake's own).
MISTAKES = {
    "full-width colon": (
        ("data/activities.yml", "    venue: federation-office", "    venue：federation-office"),
        {
            "en": ["a full-width colon '：'", "switch the input method to English punctuation"],
            "zh": ["这里用了中文标点「：」，YAML 要用英文标点「:」", "把输入法切换到英文标点"],
        },
    ),
    "wrong indentation": (
        ("data/activities.yml", "    organiser: wzfl", "     organiser: wzfl"),
        {
            "en": ["this line is indented 5 spaces, the line above 4", "line it up"],
            "zh": ["这一行缩进了 5 个空格，上一行是 4 个，没有对齐", "和同一项的其他字段对齐"],
        },
    ),
    "misspelled id": (
        ("data/activities.yml", "    venue: federation-office", "    venue: fedration-office"),
        {
            "en": [
                "[activities[0].venue] no place 'fedration-office' in places.yml",
                "did you mean 'federation-office'? Or add",
            ],
            "zh": [
                "[第 1 项活动「每月法律政策讲座」的「地点」(venue)]",
                "places.yml 里没有「fedration-office」",
                "怎么改：是不是「federation-office」？",
            ],
        },
    ),
    "misspelled field": (
        ("data/activities.yml", "    organiser: wzfl", "    organizer: wzfl"),
        {
            "en": ["unknown field 'organizer'", "did you mean 'organiser'?"],
            "zh": ["不认识的字段「organizer」", "是不是「organiser」？"],
        },
    ),
    "time without a leading zero": (
        ("data/activities.yml", 'start: "14:30"', 'start: "9:30"'),
        {
            "en": [
                "'9:30' is not in the expected form",
                "two digits for the hour",
                "09:30, not 9:30",
            ],
            "zh": ["「9:30」的写法不对", "小时和分钟都写两位数字：写 09:30，不写 9:30"],
        },
    ),
    "menu title without a translation": (
        ("mkdocs.yml", "  - 联系我们:\n", "  - 联系方式:\n"),
        {
            "en": [
                "the menu title '联系方式' has no en translation",
                "add '联系方式: ...' under nav_translations",
            ],
            "zh": ["菜单标题「联系方式」没有 en 翻译", "nav_translations 下面加一行 联系方式: ..."],
        },
    ),
}


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("mistake", MISTAKES)
def test_each_common_mistake_is_explained(tmp_path: Path, mistake: str, language: str) -> None:
    (name, old, new), expected = MISTAKES[mistake]
    project = copy_project(tmp_path / "project")
    edit(project / name, old, new)
    output = check_output(project, language)
    line = line_of(project / name, new.strip().split("\n")[0])
    assert f"{name}:{line}:" in output, output
    for text in expected[language]:
        assert text in output, output
    if language == "zh":
        assert "网站的文件有 1 处问题" in output and "怎么改：" in output, output


def test_a_full_width_colon_is_named_on_its_own_line() -> None:
    text = "activities:\n  - id: a\n    venue：federation-office\n    date: 2026-12-05\n"
    with pytest.raises(DataError) as caught:
        load_yaml_text(text, Path("data/activities.yml"))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (3, 10, "venue")


# -- The preview in the browser ---------------------------------------------------------------


@contextlib.contextmanager
def mkdocs_serve(project: Path, port: int) -> Iterator[str]:
    env = {**os.environ, "SITE_TODAY": SITE_TODAY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FEDSITE_LANG", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped: {process.stderr.read()}")
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url, timeout=5).close()
                break
            time.sleep(0.5)
        else:
            raise AssertionError("mkdocs serve did not answer")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.browser
def test_the_preview_shows_a_mistake_and_recovers_when_it_is_fixed(browser, tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    activities = project / "data/activities.yml"
    good = activities.read_text("utf-8")
    edit(activities, "    venue: federation-office", "    venue: fedration-office")
    line = line_of(activities, "fedration-office")
    with mkdocs_serve(project, free_port()) as url:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(url + "activities/", timeout=60_000)
        heading = page.locator("h1").inner_text()
        assert heading.startswith("预览暂停"), heading  # in Chinese, by default
        text = page.locator("main").inner_text()
        assert f"data/activities.yml:{line}" in text and "fedration-office" in text, text
        assert "places.yml 里没有「fedration-office」" in text, text  # her language, her words
        assert "第 1 项活动「每月法律政策讲座」的「地点」(venue)" in text, text
        assert "怎么改：是不是「federation-office」？" in text, text
        marked = page.locator(".here").first.inner_text()
        assert str(line) in marked and "fedration-office" in marked, marked

        activities.write_text(good, encoding="utf-8")  # fixed: the page reloads by itself
        page.wait_for_function(
            "() => document.querySelector('h1')"
            " && !document.querySelector('h1').textContent.startsWith('预览暂停')",
            timeout=120_000,
        )
        assert page.url == url + "activities/"
        assert page.locator("h1").first.inner_text() == "近期活动"

        # A broken link: the preview goes on (a real build stops), and says so on the page.
        with (project / "docs/activities/index.md").open("a", encoding="utf-8") as markdown:
            markdown.write("\n[旧页面](nowhere.md)\n")
        warning = page.locator(".fs-preview-warnings")
        warning.wait_for(timeout=120_000)
        text = warning.inner_text()
        assert "预览提醒：1 条警告" in text and "'nowhere.md'" in text, text
        assert page.locator("h1").first.inner_text() == "近期活动"

        # A script in a page: the preview keeps the built site's rule (it does not run) and
        # names it; its own reload script still runs (the page reloaded to show this).
        with (project / "docs/activities/index.md").open("a", encoding="utf-8") as markdown:
            markdown.write("\n<script>window.pwned = 1</script>\n")
        page.wait_for_function(
            "() => (document.querySelector('.fs-preview-warnings') || {}).textContent"
            " && document.querySelector('.fs-preview-warnings').textContent.includes('<script>')",
            timeout=120_000,
        )
        text = page.locator(".fs-preview-warnings").inner_text()
        assert "docs/activities/index.md:" in text and "页面里有 <script>" in text, text
        assert page.evaluate("window.pwned") is None
        page.close()
