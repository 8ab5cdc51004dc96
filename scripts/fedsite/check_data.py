"""Check the site's data, its pages' front matter and its settings, and list what is coming up:
the command for editors and CI.

    fedsite-check [--root .] [--today YYYY-MM-DD] [--weeks 4]

Exit code 0 when everything is valid (warnings are printed), 1 when it is not; every problem
is printed with file:line:column, field, what is wrong and how to fix it."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

import yaml

from fedsite.dates import ReferenceDateError, reference_date
from fedsite.errors import DataError
from fedsite.occurrences import all_occurrences, double_bookings
from fedsite.site_inputs import load_inputs


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and !!python tags; we only need its plain settings."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(mkdocs_yml: Path) -> tuple[dict, list[dict]]:
    """mkdocs.yml's settings, and static-i18n's languages in the order they are written."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return config, plugin["i18n"]["languages"]
    return config, [{"locale": "zh", "default": True}]


def site_languages(languages: list[dict]) -> list[str]:
    """The locales static-i18n builds, default first."""
    built = [lang for lang in languages if lang.get("build", True)]
    built.sort(key=lambda lang: not lang.get("default"))
    return [lang["locale"] for lang in built]


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
    except ReferenceDateError as exc:
        print(exc, file=sys.stderr)
        return 1
    config, i18n_languages = read_config(root / "mkdocs.yml")
    languages = site_languages(i18n_languages)
    theme = config.get("theme") or {}
    inputs = load_inputs(
        config_file=root / "mkdocs.yml",
        config=config,
        i18n_languages=i18n_languages,
        locales=languages,
        docs_dir=root / config.get("docs_dir", "docs"),
        templates=root / theme["custom_dir"] if theme.get("custom_dir") else None,
        today=today,
    )
    problems, data = inputs.problems, inputs.data
    if problems:
        print(DataError(problems).report(root), file=sys.stderr)
        return 1
    occurrences = all_occurrences(data)
    print(
        f"Checked {root / 'data'}: {len(data.townships)} townships and streets, "
        f"{len(data.places)} places, {len(data.hotlines)} hotlines, {len(data.categories)} kinds "
        f"of activity, {len(data.activities)} activities and sessions, "
        f"{len(data.courses)} courses; pages' front matter and mkdocs.yml's settings. No problems."
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
