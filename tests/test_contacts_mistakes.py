"""What a mistake in the contacts data does to a real `mkdocs build` and to the fedsite-check
command, for editors: the build stops with file, line, field, what is wrong and how to fix it
(exit code non-zero, no traceback, no site), and it checks that the pages services.yml names
exist. Each mistake itself is checked by the engine alone in test_data_mistakes.py; the
quick-exit setting in test_escaping.py and `sensitive:` in test_front_matter.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build
from entries import PLACE, append_entry, index_at, line_of


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_a_data_mistake_stops_the_build(project: Path) -> None:
    # A page that does not exist: only a build (or fedsite-check) knows where docs/ is.
    services = project / "data/services.yml"
    entry = "page: services/health.md"
    line, index = line_of(services, entry), index_at(services, entry)
    edit(services, "services/health.md", "services/helth.md")
    assert_failed_cleanly(
        mkdocs_build(project, project / "site"),
        f"data/services.yml:{line}:5: [services[{index}].page] "
        "there is no page docs/services/helth.md",
        "How to fix:",
    )


def test_check_command_names_the_problem(project: Path) -> None:
    places = project / "data/places.yml"
    first = append_entry(places, PLACE, "township: longju", "township: nowhere")
    result = fedsite_check(project)
    assert result.returncode == 1
    assert f"data/places.yml:{first + 2}:" in result.stderr, result.stderr
    assert "no township 'nowhere' in townships.yml" in result.stderr
    assert "Traceback" not in result.stderr
