"""Checks over built pages, each returning problems that name the page and the element, so a
failing test tells an editor exactly what to fix: the package's own (`fedsite audit`), used
here on the real site and on broken copies."""

from __future__ import annotations

from fedsite.audit.browser_walk import axe_violations
from fedsite.audit.static_checks import (
    broken_links,
    heading_problems,
    missing_alt_text,
)

__all__ = [
    "axe_violations",
    "broken_links",
    "heading_problems",
    "missing_alt_text",
]
