"""Everything an editor can change, read and checked in one pass: mkdocs.yml's settings, the
interface strings, the data files and every page's front matter. Each part is checked even when
another has mistakes, so an editor sees them all at once. Used by the build's hook and by the
fedsite-check command alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fedsite.calendar_data import SiteData, load_site_data
from fedsite.dates import page_updated
from fedsite.errors import DataError, Problem
from fedsite.front_matter import check_pages
from fedsite.generated_pages import editors_pages
from fedsite.site_settings import SiteSettings, load_settings
from fedsite.ui_strings import UiStrings, load_ui_strings

T = TypeVar("T")


@dataclass
class SiteInputs:
    settings: SiteSettings | None = None
    ui: UiStrings = field(default_factory=dict)
    data: SiteData | None = None
    problems: list[Problem] = field(default_factory=list)

    def attempt(self, load: Callable[[], T]) -> T | None:
        try:
            return load()
        except DataError as exc:
            self.problems.extend(exc.problems)
            return None


def load_inputs(
    *,
    config_file: Path,
    config: Mapping[str, Any],
    i18n_languages: Sequence[Mapping[str, Any]],
    locales: Sequence[str],
    docs_dir: Path,
    templates: Path | None,
    today: dt.date,
) -> SiteInputs:
    """`config` is the settings in `config_file` (mkdocs.yml), `i18n_languages` static-i18n's
    languages in the order written there, `locales` the languages built, default first."""
    inputs = SiteInputs()
    data_dir = config_file.parent / "data"
    inputs.settings = inputs.attempt(lambda: load_settings(config, i18n_languages, config_file))
    inputs.ui = inputs.attempt(lambda: load_ui_strings(data_dir / "ui.yml", locales)) or {}
    inputs.data = inputs.attempt(
        lambda: load_site_data(data_dir, locales, lambda path: page_updated(path, today), docs_dir)
    )
    inputs.problems += check_pages(editors_pages(docs_dir), data_dir / "schemas", templates)
    return inputs
