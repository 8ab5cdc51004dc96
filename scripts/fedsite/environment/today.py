"""The build's reference date ("today"): an input of the build, so that the same inputs give
the same bytes, and tests can pin it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from fedsite.environment.git_history import SITE_TIMEZONE
from fedsite.messages.catalogue import say
from fedsite.messages.problems import editor_language


class ReferenceDateError(ValueError):
    pass


def reference_date(environ: Mapping[str, str] = os.environ) -> dt.date:
    """SITE_TODAY=YYYY-MM-DD, else SOURCE_DATE_EPOCH, else today in China (Asia/Shanghai)."""
    if value := environ.get("SITE_TODAY"):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ReferenceDateError(
                say("today.not_a_date", editor_language(), value=value)
            ) from None
    if value := environ.get("SOURCE_DATE_EPOCH"):
        try:
            return dt.datetime.fromtimestamp(int(value), SITE_TIMEZONE).date()
        except ValueError:
            raise ReferenceDateError(
                say("today.not_seconds", editor_language(), value=value)
            ) from None
    return dt.datetime.now(SITE_TIMEZONE).date()
