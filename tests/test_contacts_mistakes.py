"""Every mistake an editor can make in the contacts data (and the quick-exit and sensitive
settings): the build stops with file, line, field, what is wrong and how to fix it; exit code
non-zero; no traceback; no site. The fedsite-check command says the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_failed_cleanly, copy_project, edit, fedsite_check, mkdocs_build

# A valid place appended to data/places.yml; each test breaks one line of it.
PLACE = """\
  - id: test-womens-home
    kind: womens-home
    township: longju
    name: {zh: 测试妇女之家, en: Test Women's Home}
    address: {zh: 测试地址（示例地址）, en: Test address (example address)}
    phones:
      - number: "023-0000 0999"
        example: true
    services: [legal-rights]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def add_place(project: Path, old: str = "", new: str = "") -> int:
    """Append the test place (with `old` replaced by `new`); return its first line."""
    data = project / "data/places.yml"
    text = data.read_text(encoding="utf-8")
    assert old in PLACE
    data.write_text(text + (PLACE.replace(old, new, 1) if old else PLACE), encoding="utf-8")
    return text.count("\n") + 1


def build(project: Path):
    return mkdocs_build(project, project / "site")


def index(project: Path) -> int:
    return (project / "data/places.yml").read_text(encoding="utf-8").count("\n  - id: ") - 1


@pytest.mark.parametrize(
    ("old", "new", "offset", "field", "message", "hint"),
    [
        (
            '    phones:\n      - number: "023-0000 0999"\n        example: true\n',
            "",
            1,
            "places[-1].kind",
            "'test-womens-home' is listed in the directory but has no phone number",
            "add 'phones:'",
        ),
        (
            '"023-0000 0999"',
            '"023-581"',
            6,
            "places[-1].phones[0].number",
            "'023-581' is not a phone number in China",
            "a landline with its area code",
        ),
        (
            '"023-0000 0999"',
            '"call us"',
            6,
            "places[-1].phones[0].number",
            "'call us' is not a phone number in China",
            "11-digit mobile number",
        ),
        (
            "township: longju",
            "township: longjiu",
            2,
            "places[-1].township",
            "no township 'longjiu' in townships.yml",
            "check the spelling, or add it to townships.yml",
        ),
        (
            "services: [legal-rights]",
            "services: [legal-right]",
            8,
            "places[-1].services[0]",
            "no service 'legal-right' in services.yml",
            "check the spelling",
        ),
        (
            "kind: womens-home",
            "kind: womens-house",
            1,
            "places[-1].kind",
            "'womens-house' is not allowed here",
            "use one of: district-federation",
        ),
    ],
)
def test_broken_place(project: Path, old, new, offset, field, message, hint) -> None:
    first = add_place(project, old, new)
    expected_field = field.replace("[-1]", f"[{index(project)}]")
    assert_failed_cleanly(
        build(project),
        f"data/places.yml:{first + offset}:",
        f"[{expected_field}]",
        message,
        hint,
    )


def test_duplicate_place_id(project: Path) -> None:
    first = add_place(project)
    second = add_place(project)
    assert_failed_cleanly(
        build(project),
        f"data/places.yml:{second}:",
        "the place id 'test-womens-home' is used twice",
        f"line {first}",
    )


def test_duplicate_township_id(project: Path) -> None:
    edit(
        project / "data/townships.yml",
        "townships:\n",
        "townships:\n  - id: longju\n    name: {zh: 龙驹镇, en: Longju Town}\n",
    )
    assert_failed_cleanly(
        build(project), "data/townships.yml:", "the township id 'longju' is used twice"
    )


def test_malformed_hotline(project: Path) -> None:
    edit(project / "data/hotlines.yml", 'number: "110"', 'number: "11O"')
    assert_failed_cleanly(
        build(project), "data/hotlines.yml:", "[hotlines[1].number]", "'11O' is not a phone"
    )


def test_unquoted_hotline_number(project: Path) -> None:
    edit(project / "data/hotlines.yml", 'number: "110"', "number: 110")
    assert_failed_cleanly(build(project), "data/hotlines.yml:", "[hotlines[1].number]", "text")


def test_service_page_that_does_not_exist(project: Path) -> None:
    edit(project / "data/services.yml", "services/health.md", "services/helth.md")
    assert_failed_cleanly(
        build(project), "data/services.yml:", "there is no page docs/services/helth.md"
    )


def test_sensitive_must_be_true_or_false(project: Path) -> None:
    edit(project / "docs/safety.md", "sensitive: true", "sensitive: yes please")
    assert_failed_cleanly(build(project), "safety.md", "must be true or false")


def test_quick_exit_needs_a_full_https_address(project: Path) -> None:
    edit(project / "mkdocs.yml", "url: https://www.weather.com.cn/", "url: www.weather.com.cn")
    assert_failed_cleanly(build(project), "extra.quick_exit.url must be the full https address")


def test_check_command_names_the_problem(project: Path) -> None:
    add_place(project, "township: longju", "township: nowhere")
    result = fedsite_check(project)
    assert result.returncode == 1
    assert "no township 'nowhere' in townships.yml" in result.stderr
    assert "Traceback" not in result.stderr
