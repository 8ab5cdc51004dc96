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

from fedsite.inputs.errors import DataError, editor_language
from fedsite.inputs.mkdocs_yml import read_mkdocs_yml
from fedsite.inputs.today import ReferenceDateError, reference_date
from fedsite.site import Site


def load(root: Path, today: dt.date) -> Site:
    """The site at `root`, as its build would load it."""
    config_file = root / "mkdocs.yml"
    config, i18n_languages = read_mkdocs_yml(config_file)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    return Site.load(
        config_file=config_file,
        config=config,
        i18n_languages=i18n_languages,
        docs_dir=root / config.get("docs_dir", "docs"),
        templates=root / custom_dir if custom_dir else None,
        today=today,
        site_url=config.get("site_url") or "/",
    )


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
        site = load(root, today)
    except ReferenceDateError as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataError as exc:
        print(exc.report(root, editor_language()), file=sys.stderr)
        return 1
    data = site.data
    print(
        f"Checked {root / 'data'}: {len(data.townships)} townships and streets, "
        f"{len(data.places)} places, {len(data.hotlines)} hotlines, {len(data.categories)} kinds "
        f"of activity, {len(data.activities)} activities and sessions, "
        f"{len(data.courses)} courses; pages' front matter and mkdocs.yml's settings. No problems."
    )
    if site.warnings:
        print(f"{len(site.warnings)} warning{'s' if len(site.warnings) != 1 else ''}:")
        for warning in site.warnings:
            print(f"  {warning}")
    horizon = today + dt.timedelta(weeks=args.weeks)
    coming = [o for o in site.schedule.occurrences if today <= o.first_day < horizon]
    print(f"\nComing up from {today} to {horizon} ({len(coming)}):")
    default = site.default.locale
    for occ in coming:
        time = f"{occ.start:%H:%M}-{occ.end:%H:%M}" if occ.start else "all day    "
        status = "" if occ.status == "scheduled" else f" [{occ.status}]"
        title = occ.activity.title.pick(default, default)[0]
        print(f"  {occ.first_day:%a %Y-%m-%d} {time}  {title} @ {occ.activity.venue.id}{status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
