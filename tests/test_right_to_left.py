"""The package's stylesheets lay out in logical directions only (inline start and end, never
left and right), so that a language written right to left (Uyghur) mirrors every page; and
the month links' arrows point the way the line runs."""

from __future__ import annotations

import re
from pathlib import Path

from fedsite.localization.localize import Localizer
from fedsite.resources import ASSETS

# A physical direction in a declaration: margin-left, border-right-color, left:, float: right,
# text-align: left, a background or transform written with one.
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)"
    r"(?:-\w+)*\s*:|(?:left|right)\s*:|(?:float|clear|text-align)\s*:\s*(?:left|right)\b)",
    re.I,
)


def physical_directions(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # comments may say left and right
    return [m[0] for m in PHYSICAL.finditer(css)]


def test_the_package_stylesheets_use_logical_directions_only() -> None:
    found = {
        sheet.name: physical_directions(sheet.read_text("utf-8"))
        for sheet in sorted(Path(ASSETS).glob("*.css"))
    }
    assert found and all(not directions for directions in found.values()), found


def test_a_physical_direction_is_found() -> None:
    planted = ".a { border-left: 1px solid; } .b { padding-right: 0 } .c { text-align: right; }"
    planted += " .d::after { right: 0 } .e { float: left }"
    found = physical_directions(planted)
    assert len(found) == 5, found
    assert physical_directions(".a { margin-inline-start: 0; text-align: start }") == []


def test_the_month_arrows_follow_the_line() -> None:
    for lang, back in (("zh", "←"), ("en", "←"), ("ug", "→")):
        assert Localizer(lang, "zh", {}, {}).arrows[0] == back
