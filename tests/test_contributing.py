"""CONTRIBUTING.md's copy-paste templates work: an activity, a training course and a place
pasted into the data files pass the editors' check, and the page template is a valid page."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, copy_project, fedsite_check

GUIDE = ROOT / "CONTRIBUTING.md"


def templates() -> dict[str, str]:
    """Data file -> the YAML template under the heading that names it."""
    text = GUIDE.read_text(encoding="utf-8")
    found = {}
    for file, block in re.findall(r"`data/(\w+)\.yml`）\n+```yaml\n(.*?)```", text, re.S):
        found[file] = block
    return found


def test_the_guides_templates_pass_the_check(tmp_path: Path) -> None:
    found = templates()
    assert set(found) >= {"activities", "trainings", "places"}, sorted(found)
    project = copy_project(tmp_path / "project")
    for file, block in found.items():
        if file == "search":
            continue
        path = project / "data" / f"{file}.yml"
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block, "utf-8")
    page = re.search(r"```markdown\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S)[1]
    page = "\n".join(line.removeprefix("   ") for line in page.splitlines())
    (project / "docs/page-from-the-guide.md").write_text(page, encoding="utf-8")
    result = fedsite_check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Everything passed" in result.stdout, result.stdout
