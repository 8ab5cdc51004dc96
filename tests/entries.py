"""Valid entries that the data-mistake tests append to a copy of data/, each test breaking one
line of them: the same entries for the engine's checks and for the builds."""

from __future__ import annotations

from pathlib import Path

# An activity for data/activities.yml.
ACTIVITY = """\
  - id: test-talk
    title: {zh: 测试讲座, en: Test talk}
    category: law-talk
    venue: federation-office
    date: 2027-01-20
    start: "09:00"
    end: "10:00"
"""

# A place for data/places.yml, listed in the directory.
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


def append_entry(path: Path, entry: str, old: str = "", new: str = "", extra: str = "") -> int:
    """Append `entry` to a data file, with `old` (which must be in it) replaced by `new` and
    `extra` lines after it; return the line the entry starts on."""
    assert old in entry, f"{old!r} not in the entry"
    text = path.read_text(encoding="utf-8")
    changed = entry.replace(old, new, 1) if old else entry
    path.write_text(text + changed + extra, encoding="utf-8")
    return text.count("\n") + 1


def last_index(path: Path) -> int:
    """The index of a data file's last entry, as a problem's field names it: activities[70]."""
    return path.read_text(encoding="utf-8").count("\n  - id: ") - 1


def index_at(path: Path, text: str) -> int:
    """The index of the entry of a data file that `text` (which must be in it) is part of."""
    content = path.read_text(encoding="utf-8")
    assert text in content, f"{text!r} not in {path}"
    return content[: content.index(text) + len(text)].count("\n  - id: ") - 1


def line_of(path: Path, text: str) -> int:
    """The line of a data file that `text` (which must be in it) starts on."""
    content = path.read_text(encoding="utf-8")
    assert text in content, f"{text!r} not in {path}"
    return content[: content.index(text)].count("\n") + 1
