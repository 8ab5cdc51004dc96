"""Check the site's data and list what is coming up: the command for editors and CI.

    fedsite-check [--data data] [--today YYYY-MM-DD] [--weeks 4]

Exit code 0 when the data is valid (warnings are printed), 1 when it is not; every problem
is printed with file:line:column, field, what is wrong and how to fix it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import yaml

from fedsite.calendar_data import load_site_data
from fedsite.dates import ReferenceDateError, page_updated, reference_date
from fedsite.errors import DataError
from fedsite.occurrences import all_occurrences, double_bookings
from fedsite.ui_strings import load_ui_strings


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; we only need its plain settings."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_languages(mkdocs_yml: Path) -> list[str]:
    """The locales static-i18n builds, default first, read from mkdocs.yml."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            langs.sort(key=lambda lang: not lang.get("default"))
            return [lang["locale"] for lang in langs]
    return ["zh"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite-check", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path("."), help="the site's folder")
    parser.add_argument(
        "--today", help="reference date YYYY-MM-DD (default: SITE_TODAY, or today in Asia/Shanghai)"
    )
    parser.add_argument("--weeks", type=int, default=4, help="how far ahead to list")
    args = parser.parse_args(argv)
    root: Path = args.root
    try:
        today = reference_date({"SITE_TODAY": args.today} if args.today else os.environ)
        languages = site_languages(root / "mkdocs.yml")
        load_ui_strings(root / "data" / "ui.yml", languages)
        data = load_site_data(
            root / "data", languages, lambda path: page_updated(path, today), root / "docs"
        )
    except DataError as exc:
        print(exc.report(root), file=sys.stderr)
        return 1
    except ReferenceDateError as exc:
        print(exc, file=sys.stderr)
        return 1
    occurrences = all_occurrences(data)
    print(
        f"Checked {root / 'data'}: {len(data.townships)} townships and streets, "
        f"{len(data.places)} places, {len(data.hotlines)} hotlines, {len(data.categories)} kinds "
        f"of activity, {len(data.activities)} activities and sessions, "
        f"{len(data.courses)} courses. No problems."
    )
    warnings = [w.format(root) for w in data.warnings] + [
        f"'{a.activity.id}' and '{b.activity.id}' are both at '{a.activity.venue.id}' at "
        f"{b.start:%Y-%m-%d %H:%M}: is the place booked twice?"
        for a, b in double_bookings(occurrences)
    ]
    if warnings:
        print(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}:")
        for warning in warnings:
            print(f"  {warning}")
    horizon = today + dt.timedelta(weeks=args.weeks)
    coming = [o for o in occurrences if today <= o.first_day < horizon]
    print(f"\nComing up from {today} to {horizon} ({len(coming)}):")
    for occ in coming:
        time = f"{occ.start:%H:%M}-{occ.end:%H:%M}" if occ.start else "all day    "
        status = "" if occ.status == "scheduled" else f" [{occ.status}]"
        title = occ.activity.title.pick(languages[0], languages[0])[0]
        print(f"  {occ.first_day:%a %Y-%m-%d} {time}  {title} @ {occ.activity.venue.id}{status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
