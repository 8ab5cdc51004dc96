"""The quality checks catch what an editor can get wrong, and name the page and the element:
an image without alt text, a skipped heading level, a dead link MkDocs cannot see (raw HTML)."""

from __future__ import annotations

import pytest
from conftest import copy_project, free_port, mkdocs_build, serve
from quality import axe_violations, broken_links, heading_problems, missing_alt_text

MISTAKES = """

## 照片

![](../assets/logo.svg)

#### 跳级的标题

<img src="../../assets/favicon.svg">

<a href="../no-such-page/">不存在的页面</a>
"""


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    with (project / "docs/services/health.md").open("a", encoding="utf-8") as page:
        page.write(MISTAKES)
    port = free_port()
    build = mkdocs_build(project, project / "site", f"http://127.0.0.1:{port}/")
    assert build.returncode == 0, build.output  # MkDocs itself sees none of these
    return build.site, port


def test_image_without_alt_text_is_named(broken_site) -> None:
    site, _ = broken_site
    assert missing_alt_text(site) == [
        '/services/health/: <img alt="" src="../../assets/logo.svg"> has no alt text',
        '/services/health/: <img src="../../assets/favicon.svg"> has no alt text',
    ]


def test_skipped_heading_level_is_named(broken_site) -> None:
    site, _ = broken_site
    assert heading_problems(site) == [
        '/services/health/: <h4 id="跳级的标题">跳级的标题 follows an h2: use h3'
    ]


def test_dead_link_is_named(broken_site) -> None:
    site, port = broken_site
    assert broken_links(site, f"http://127.0.0.1:{port}/") == [
        '/services/health/: <a href="../no-such-page/">不存在的页面 leads nowhere'
    ]


@pytest.mark.browser
def test_axe_names_the_image_without_alt(broken_site, browser, axe_source: str) -> None:
    site, port = broken_site
    with serve(site, port) as url:
        page = browser.new_page()
        page.goto(url + "services/health/")
        violations = axe_violations(page, axe_source)
        page.close()
    assert any(
        v.startswith("/services/health/: image-alt") and "favicon.svg" in v for v in violations
    ), violations
