"""The Jinja macros the engine renders its HTML with (templates/*.j2), one environment for all."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from fedsite import paths

FOLDER = Path(__file__).parent.parent / "templates"


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FOLDER),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["paths"] = paths  # every site path the macros link to
    return env


def macros(name: str) -> Any:
    """The macros of one template file, e.g. macros("calendar.md.j2").event_card(...)."""
    return _environment().get_template(name).module
