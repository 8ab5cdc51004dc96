"""mkdocs.yml holds settings, nothing that runs: a YAML tag only where the site needs one
(!ENV for site_url, reading SITE_URL; the Python names of two Markdown extensions' settings),
no alias, no INHERIT, no hook, no folder outside the project. Each is named with
its line, by the engine alone; the editors' check says so without running the tag (it reads the
file safely); a build stops on it, and leaves no site (and no secret in its output)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build
from fedsite.environment.mkdocs_yml import config_problems

SENTINEL = "RAN-FROM-A-TAG"


def problems_with(tmp_path: Path, old: str, new: str) -> list[str]:
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8").replace(old, new, 1), "utf-8")
    assert old in (ROOT / "mkdocs.yml").read_text("utf-8")
    return [problem.format(tmp_path) for problem in config_problems(config)]


def test_the_sites_own_settings_are_data() -> None:
    assert config_problems(ROOT / "mkdocs.yml") == []


STRICT = "strict: true"
MISTAKES = [
    (STRICT, f'{STRICT}\ncopyright: !ENV [AWS_SECRET_ACCESS_KEY, "x"]', "[copyright]", "!ENV puts"),
    (STRICT, f"{STRICT}\nx: !!python/object/apply:os.system [id]", "[x]", "run code"),
    (STRICT, f"{STRICT}\nx: !!python/name:os.system", "[x]", "!!python/name:os.system"),
    (STRICT, f"{STRICT}\nx: !relative $config_dir", "[x]", "the tag !relative"),
    (STRICT, f"{STRICT}\nbinary: !!binary aGk=", "[binary]", "the tag !!binary"),
    (
        STRICT,
        f"{STRICT}\nsite_url: !ENV [AWS_SECRET_ACCESS_KEY, SITE_URL, x]",
        "[site_url]",
        "may read only SITE_URL, not AWS_SECRET_ACCESS_KEY",
    ),
    (
        "emoji_generator: !!python/name:material.extensions.emoji.to_svg",
        "emoji_generator: !!python/name:os.system",
        "].pymdownx.emoji.emoji_generator]",
        "!!python/name:os.system",
    ),
    (STRICT, f"{STRICT}\nINHERIT: base.yml", "[INHERIT]", "another file"),
    (STRICT, f"{STRICT}\nhooks:\n  - docs/x.py", "[hooks]", "Python code"),
    ("docs_dir: docs", "docs_dir: ../..", "[docs_dir]", "not a folder inside the project"),
    ("docs_dir: docs", "docs_dir: docs\nsite_dir: /home", "[site_dir]", "inside the project"),
    ("  custom_dir: overrides", "  custom_dir: /etc", "[theme.custom_dir]", "inside the project"),
    (STRICT, "x: &a [1, 2]\ny: *a\n" + STRICT, "[y]", "an alias"),
]


@pytest.mark.parametrize(("old", "new", "field", "says"), MISTAKES)
def test_what_is_not_a_setting_is_named_with_its_line(tmp_path, old, new, field, says) -> None:
    found = problems_with(tmp_path, old, new)
    assert len(found) == 1, found
    line = (ROOT / "mkdocs.yml").read_text("utf-8").split(old)[0].count("\n") + 1
    changed = new.split("\n").index(next(part for part in new.split("\n") if part not in old))
    assert found[0].startswith(f"mkdocs.yml:{line + changed}:"), found
    assert field in found[0] and says in found[0], found


def test_the_editors_check_names_a_tag_without_running_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(
        project / "mkdocs.yml",
        STRICT,
        f'{STRICT}\nx: !!python/object/apply:builtins.print ["{SENTINEL}"]',
    )
    for language, says in (
        ("en", "makes MkDocs run code"),
        ("zh", "会让 MkDocs 在读文件时运行代码"),
    ):
        result = fedsite_check(project, language)
        output = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in output, output
        assert "mkdocs.yml:" in output and says in output, output
        assert SENTINEL not in output, output  # read, never constructed


def test_a_build_stops_on_an_environment_variable_in_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    edit(project / "mkdocs.yml", STRICT, f"{STRICT}\ncopyright: !ENV [AWS_SECRET_ACCESS_KEY, x]")
    build = mkdocs_build(project, tmp_path / "site", AWS_SECRET_ACCESS_KEY="SECRET-1234")
    assert_failed_cleanly(build, "mkdocs.yml:", "[copyright]", "puts an environment variable")
    assert "SECRET-1234" not in build.output
