"""A site changes the package's layout block by block from its own overrides/, and the layout
keeps the site's policy: an announcement bar (one of the theme's scripts) is allowed by its
hash, while an inline script a site's template writes stops the build, with what to do."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import assert_failed_cleanly, copy_project, mkdocs_build
from fedsite.output import csp

ANNOUNCE = """\
{% extends "fedsite-main.html" %}
{% block announce %}<p class="site-announcement">春节期间暂停服务（示例）</p>{% endblock %}
"""


def test_a_site_changes_one_block_and_keeps_the_rest(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "overrides/main.html").write_text(ANNOUNCE, "utf-8")
    build = mkdocs_build(project, project / "site")
    assert build.returncode == 0, build.output
    for page in ("index.html", "en/contacts/index.html"):
        html = (build.site / page).read_text("utf-8")
        doc = BeautifulSoup(html, "lxml")
        assert doc.select_one(".site-announcement"), page  # the site's block
        assert doc.select_one("#fs-quick-exit"), page  # the package's, still there
        policy = doc.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        allowed = next(d for d in policy.split("; ") if d.startswith("script-src")).split()
        scripts = csp.inline_scripts(html)
        assert scripts and all(csp.script_hash(s) in allowed for s in scripts), page


def test_an_inline_script_in_a_sites_template_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "overrides/partials").mkdir()
    (project / "overrides/partials/copyright.html").write_text(
        '<div class="md-copyright"><script>window.counter = 1</script></div>', "utf-8"
    )
    build = mkdocs_build(project, project / "site")
    assert_failed_cleanly(
        build, "an inline script its policy does not name (window.counter = 1)", "overrides/"
    )
