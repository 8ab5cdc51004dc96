"""Dates in a site language, with Babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def localized_date(day: dt.date, locale: str) -> str:
    """'2026年11月28日' / 'November 28, 2026'."""
    return format_date(day, "long", locale=babel_locale(locale))


def babel_locale(locale: str) -> str:
    """The Babel locale for a site language: "zh" is Mainland usage; "en" follows US
    conventions (weeks start on Sunday, "Saturday, December 5, 2026"), as the site's readers
    abroad most often expect."""
    return {"zh": "zh_Hans_CN", "en": "en_US"}.get(locale, locale.replace("-", "_"))
