"""A site's identity is written once, in data/identity.yml, and everything takes it from there:
each mistake in it is named with its line (by the engine alone); mkdocs.yml saying any of it
again is a mistake that says where it went; and a site built with another identity shows that
one everywhere (titles, header, footer, interface strings, pages' placeholders, manifest,
colours, feeds, posters) with no word of the reference site's."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build
from fedsite.identity.colours import contrast, identity_css, mix
from fedsite.identity.data import load_identity
from fedsite.messages.problems import DataError

LANGUAGES = ["zh", "en"]


def identity_problems(tmp_path: Path, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    data.mkdir()
    text = (ROOT / "data/identity.yml").read_text("utf-8")
    assert old in text, old
    (data / "identity.yml").write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(DataError) as caught:
        load_identity(data, ROOT / "docs", LANGUAGES)
    return [problem.format(tmp_path) for problem in caught.value.problems]


def test_the_reference_sites_identity_loads() -> None:
    identity = load_identity(ROOT / "data", ROOT / "docs", LANGUAGES)
    assert identity.placeholders("en")["Level"][0].isupper()


MISTAKES = [
    ("  en: Wanzhou District Women's Federation\n", "", "[name]", "no en text"),
    ("  zh: 万州区妇联\n", "  zh: 万州区妇联\n  enn: Fédération\n", "[short_name.enn]", "unknown"),
    ("  zh: 万州区妇女联合会\n", "  zh: 万州区<b>妇联</b>\n", "[name.zh]", "expected form"),
    ("  zh: 万州区妇女联合会\n", "  zh: 万州区{妇联}\n", "[name.zh]", "expected form"),
    ("address: https://wanzhou-women.example/", "address: http://x.example/", "[address]", ""),
    (
        "quick_exit: https://www.weather.com.cn/",
        "quick_exit: javascript:alert(1)",
        "[quick_exit]",
        "",
    ),
    (
        "quick_exit: https://www.weather.com.cn/",
        "quick_exit: https://u@x.cn/",
        "[quick_exit]",
        "host",
    ),
    ("  number: 渝ICP备00000000号-1", "  number: <b>渝ICP备</b>", "[icp.number]", "expected form"),
    ('colour: "#8e1846"', 'colour: "#ff99cc"', "[colour]", "hard to read"),
    ('colour: "#8e1846"', "colour: rose", "[colour]", "expected form"),
    ("logo: assets/logo.svg", "logo: assets/nowhere.svg", "[logo]", "no file docs/assets/nowhere"),
    ("favicon: assets/favicon.svg", "favicon: ../../etc/passwd", "[favicon]", "expected form"),
    ("logo: assets/logo.svg", "logo: assets/logo.svg\nmotto: x", "[motto]", "unknown field"),
]


@pytest.mark.parametrize(("old", "new", "field", "says"), MISTAKES)
def test_a_mistake_in_the_identity_is_named(tmp_path, old, new, field, says) -> None:
    found = identity_problems(tmp_path, old, new)
    assert len(found) == 1, found
    assert found[0].startswith("data/identity.yml:") and field in found[0], found
    assert says in found[0], found


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("strict: true", "strict: true\nsite_url: https://x.example/", "[site_url]"),
        ("strict: true", "strict: true\ncopyright: © 妇联", "[copyright]"),
        ("  language: zh", "  language: zh\n  logo: assets/logo.svg", "[theme.logo]"),
        (
            "  generator: false",
            "  generator: false\n  quick_exit:\n    url: x",
            "[extra.quick_exit]",
        ),
        (
            "          name: English\n",
            "          name: English\n          site_name: Wanzhou\n",
            "[plugins.i18n.languages.1.site_name]",
        ),
    ],
)
def test_mkdocs_yml_saying_the_identity_again_is_named(tmp_path, old, new, field) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "mkdocs.yml", old, new)
    for language, says in (
        ("en", "comes from data/identity.yml"),
        ("zh", "现在写在 data/identity.yml"),
    ):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "mkdocs.yml:" in output and field in output and says in output, output


def test_the_colours_made_from_one_are_readable() -> None:
    for colour in ("#8e1846", "#1d4e89", "#00703c", "#4c2c92", "#595959"):
        css = identity_css(colour)
        values = dict(re.findall(r"(--[\w-]+): (#[0-9a-f]{6});", css.split("slate")[0]))
        assert contrast(values["--fs-help-bg"], "#ffffff") >= 7, colour
        dark = dict(re.findall(r"(--[\w-]+): (#[0-9a-f]{6});", css.split("slate")[1]))
        assert contrast(dark["--md-typeset-a-color"], "#1e2129") >= 4.5, colour
    assert mix("#000000", "#ffffff", 0.5) == "#808080"


# -- Another federation's identity, built ---------------------------------------------------------

WUSHAN = """\
name:
  zh: 巫山县妇女联合会
  en: Wushan County Women's Federation
short_name:
  zh: 巫山县妇联
  en: Wushan Women's Federation
level:
  zh: 县
  en: county
area:
  zh: 巫山县
  en: Wushan County
region:
  zh: 重庆市
  en: Chongqing
description:
  zh: 巫山县妇联的网站（示例）。
  en: The Wushan County Women's Federation's site (an example).
address: https://wushan-women.example/
address_example: true
quick_exit: https://www.weather.com.cn/
colour: "#1d4e89"
logo: assets/logo.svg
favicon: assets/favicon.svg
"""


@pytest.fixture(scope="module")
def wushan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference site with another identity, and a page that names it by placeholders."""
    project = copy_project(tmp_path_factory.mktemp("wushan") / "project")
    (project / "data/identity.yml").write_text(WUSHAN, "utf-8")
    edit(
        project / "docs/about.md",
        "\n## ",
        "\n欢迎来到{{ federation }}（{{ federation_short }}，{{level}}级），在{{ area }}。\n\n## ",
    )
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    return build.site


def test_another_identity_shows_everywhere(wushan: Path) -> None:
    home = (wushan / "index.html").read_text("utf-8")
    assert "<title>巫山县妇女联合会</title>" in home
    assert 'class="fs-name--short">巫山县妇联<' in home
    assert "© 巫山县妇女联合会" in home
    assert 'rel="canonical" href="https://wushan-women.example/"' in home
    assert 'name="theme-color" content="#1d4e89"' in home
    english = (wushan / "en/contacts/index.html").read_text("utf-8")
    assert "Wushan County Women&#39;s Federation" in english or "Wushan County Women's" in english
    assert "County federation" in english  # {Level} federation, a place's kind
    manifest = json.loads((wushan / "en/manifest.webmanifest").read_text("utf-8"))
    assert manifest["name"] == "Wushan County Women's Federation"
    assert manifest["theme_color"] == "#1d4e89"
    (stylesheet,) = (wushan / "assets/fedsite").glob("identity.*.css")
    assert "--md-primary-fg-color: #1d4e89;" in stylesheet.read_text("utf-8")
    feed = (wushan / "activities/feeds/all.ics").read_text("utf-8")
    assert "巫山县妇联活动" in feed
    about = (wushan / "about/index.html").read_text("utf-8")
    assert "欢迎来到巫山县妇女联合会（巫山县妇联，县级），在巫山县。" in about


def test_nothing_of_the_reference_identity_is_left(wushan: Path) -> None:
    """Only the reference site's own pages and data name Wanzhou; nothing the package or the
    identity makes does (the theme, the strings, manifests, feeds' names, colours)."""
    made = [
        *wushan.glob("*.webmanifest"),
        *wushan.glob("en/*.webmanifest"),
        *(wushan / "assets/fedsite").glob("*"),
    ]
    left = [path for path in made if re.search("万州|Wanzhou|8e1846", path.read_text("utf-8"))]
    assert left == [], left
    for page in ("404.html", "en/404.html"):  # its text (the menu holds the site's pages)
        text = (wushan / page).read_text("utf-8")
        content = text[text.index('class="md-content"') : text.index("</article>")]
        assert not re.search("万州|Wanzhou", content), content
    # A page the engine makes (a township's): what its head, help bar and header carry.
    for page in ("contacts/longju/index.html", "en/contacts/longju/index.html"):
        text = (wushan / page).read_text("utf-8")
        head = text[: text.index("</header>")]
        assert not re.search("万州|Wanzhou|8e1846", head), head


def test_a_placeholder_a_page_cannot_have_is_named(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(project / "docs/about.md", tmp_path / "about.md")
    edit(project / "docs/about.md", "\n## ", "\n这是{{ federaton }}的网站。\n\n## ")
    line = next(
        n
        for n, text in enumerate((project / "docs/about.md").read_text("utf-8").split("\n"), 1)
        if "federaton" in text
    )
    for language, says in (("en", "is not a name the site fills in"), ("zh", "不是网站能填的名称")):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert f"docs/about.md:{line}:" in output and says in output, output
        assert "federation_short" in output  # what it could be
    build = mkdocs_build(project, tmp_path / "site")
    assert_failed_cleanly(build, f"docs/about.md:{line}:", "{{ federaton }}")
