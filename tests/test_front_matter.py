"""A page's front matter is read as strictly as the data (engine only, no build): a YAML mistake,
an unknown field or a description that is not one sentence gives file:line:column, field and a
fix. Every page of the site passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from fedsite import resources
from fedsite.messages.problems import DataError
from fedsite.output.generated_pages import editors_pages
from fedsite.pages.front_matter import check_pages, read_front_matter

SCHEMAS = resources.SCHEMAS
TEMPLATES = ROOT / "overrides"
BODY = "\n# 标题\n\n正文。\n"


def problems(tmp_path: Path, front: str, body: str = BODY) -> list[str]:
    page = tmp_path / "page.md"
    page.write_text(front + body, encoding="utf-8")
    try:
        read_front_matter(page, SCHEMAS, TEMPLATES)
    except DataError as exc:
        return [p.format(tmp_path) for p in exc.problems]
    return []


def test_every_page_of_the_site_passes() -> None:
    pages = editors_pages(ROOT / "docs")
    assert len(pages) > 40
    assert [p.format(ROOT) for p in check_pages(pages, SCHEMAS, TEMPLATES)] == []


@pytest.mark.parametrize(
    ("front", "where", "message", "hint"),
    [
        (
            "---\ndescription: Legal rights: what we do for you.\n---\n",
            "page.md:2:26: [description]",
            "not valid YAML",
            "put the whole text in quotes",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式。\n\tsensitive: true\n---\n",
            "page.md:3:1:",
            "a tab character",
            "indent with spaces",
        ),
        (
            '---\ndescription: "万州区妇联的联系方式。\nsensitive: true\n---\n',
            "page.md:2:14: [description]",
            "a quote is not closed",
            "end the text with the same quote mark",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\n",
            "page.md:1:1:",
            "no closing '---' line",
            "add a line with three hyphens",
        ),
        ("# 标题\n", "page.md:1:1:", "the page has no front matter", "start the page with"),
        (
            "---\ntitle: 联系我们\n---\n",
            "page.md:2:1:",
            "'description' is missing",
            "add a line 'description: ...'",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\ndescriptoin: x\n---\n",
            "page.md:3:1: [descriptoin]",
            "unknown field 'descriptoin'",
            "the fields allowed here are: date, description, hide, search, sensitive",
        ),
        (
            "---\ndescription: >\n  万州区妇联的联系方式\n  和公共热线。\n---\n",
            "page.md:2:1: [description]",
            "not in the expected form",
            "One sentence on one line",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式。还有公共热线。\n---\n",
            "page.md:2:1: [description]",
            "more than one sentence",
            "keep one sentence",
        ),
        (
            "---\ndescription: How to reach us. And the hotlines.\n---\n",
            "page.md:2:1: [description]",
            "more than one sentence",
            "keep one sentence",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\nsensitive: yes please\n---\n",
            "page.md:3:1: [sensitive]",
            "must be true or false",
            "never kept for offline reading",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\ntemplate: ../../etc/passwd\n---\n",
            "page.md:3:1: [template]",
            "not in the expected form",
            "A page layout of the theme or of the site's overrides/",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\ntemplate: hom.html\n---\n",
            "page.md:3:1: [template]",
            "there is no page layout 'hom.html'",
            "use one of: 404.html, home.html, main.html",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式和公共热线。\nhide: [menu]\n---\n",
            "page.md:3:8: [hide[0]]",
            "'menu' is not allowed here",
            "use one of: navigation, toc, footer",
        ),
        (
            "---\ndescription: 万州区妇联的联系方式。\ntitle: !!python/name:os.system\n---\n",
            "page.md:3:1: [title]",
            "is not supported",
            "remove the !tag",
        ),
    ],
)
def test_a_front_matter_mistake_says_where_and_how_to_fix(
    tmp_path: Path, front: str, where: str, message: str, hint: str
) -> None:
    found = problems(tmp_path, front)
    assert len(found) == 1, found
    assert found[0].startswith(where), found[0]
    assert message in found[0], found[0]
    assert hint in found[0].split("How to fix:")[1], found[0]


def test_fields_the_site_uses_are_accepted(tmp_path: Path) -> None:
    front = (
        "---\ndescription: 万州区妇联的联系方式和公共热线。\ntitle: 联系我们\n"
        "template: main.html\nhide: [navigation, toc]\nsensitive: false\n"
        "search: {exclude: true}\ntranslated_from: 0a1b2c3\n---\n"
    )
    assert problems(tmp_path, front) == []


def test_a_byte_order_mark_is_not_a_mistake(tmp_path: Path) -> None:
    assert (
        problems(tmp_path, "\ufeff---\ndescription: 万州区妇联的联系方式和公共热线。\n---\n") == []
    )


def test_every_page_is_checked_and_every_mistake_reported(tmp_path: Path) -> None:
    for name, front in {
        "a.md": "---\ndescription: A: b\n---\n",
        "b.md": "# no front matter\n",
        "c.md": "---\ndescription: 万州区妇联的联系方式和公共热线。\n---\n",
    }.items():
        (tmp_path / name).write_text(front + BODY, encoding="utf-8")
    found = check_pages(tmp_path.glob("*.md"), SCHEMAS, TEMPLATES)
    assert [p.file.name for p in found] == ["a.md", "b.md"]


def test_a_pages_language_versions_agree_on_being_never_stored(tmp_path: Path) -> None:
    sensitive = "---\ndescription: 怎样安全上网，不让别人知道您来过。\nsensitive: true\n---\n"
    plain = "---\ndescription: How to stay safe online.\n---\n"
    for name, front in {
        "safety.md": sensitive,
        "safety.en.md": plain,  # the line left out: it would be stored on phones
        "help.md": plain,
        "help.en.md": sensitive,
        "about.md": plain,
        "about.en.md": plain,
        "news.md": sensitive,  # no translation: the English site shows it, never stored
    }.items():
        (tmp_path / name).write_text(front + BODY, encoding="utf-8")
    found = check_pages(tmp_path.glob("*.md"), SCHEMAS, TEMPLATES, ["zh", "en"])
    assert [(p.file.name, p.line, p.field) for p in found] == [
        ("help.md", 1, "sensitive"),
        ("safety.en.md", 1, "sensitive"),
    ]
    assert "safety.md says 'sensitive: true'" in found[1].message
    assert "sensitive: true" in found[1].in_language("zh")[2]
