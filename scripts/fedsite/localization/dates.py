"""Dates in a site language, with Babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date


def localized_date(day: dt.date, locale: str) -> str:
    """'2026年11月28日' / '28 November 2026'."""
    return format_date(day, "long", locale=babel_locale(locale))


def babel_locale(locale: str) -> str:
    """The Babel locale for a site language: "zh" is Mainland usage; "en" is British usage,
    as GOV.UK writes dates ("Tuesday 1 December 2026") and as in China weeks start on Monday."""
    return {"zh": "zh_Hans_CN", "en": "en_GB"}.get(locale, locale.replace("-", "_"))
