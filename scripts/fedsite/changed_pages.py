"""Which pages of the built site a change touches, so that a pull request's reviewers get
screenshots of exactly those (scripts/screenshots.py --changed BASE).

A page's Markdown touches that page in its language. A data file touches the pages that show
the entries that changed: the site is loaded as it was at BASE and as it is now, and entries are
compared by content (an activity -> its month's page, the activities page and the home page; a
place -> its township's page; a course -> the training page). The theme, the stylesheets,
interface strings and settings touch every page: the key pages stand for them."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from fedsite import paths
from fedsite.messages.problems import DataError
from fedsite.output.generated_pages import GENERATED_FOLDERS
from fedsite.output.rebuild_memo import fingerprint
from fedsite.site import Site

# The pages a resident uses most: what a change to the whole site is judged by.
KEY_PAGES = ("", "help/", "services/", "activities/", "contacts/")
# (And, in the reference site's repository, the package's theme and assets.)
EVERY_PAGE = (
    "overrides/",
    "docs/assets/",
    "mkdocs.yml",
    "data/ui.yml",
    "scripts/fedsite/theme/",
    "scripts/fedsite/assets/",
)


def changed_files(root: Path, base: str) -> list[str]:
    """The files changed since `base` (a commit or branch), committed or not."""
    result = subprocess.run(
        ["git", "-C", str(root), "diff", "-z", "--name-only", base, "--"],
        capture_output=True,
        text=True,
        check=True,
    )
    # -z: names exactly as they are, with spaces or in Chinese.
    return sorted(set(result.stdout.split("\0")) - {""})


def site_at(root: Path, base: str, load) -> Site | None:
    """The site as it was at `base` (`load(root, ...)`), or None when it did not load."""
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", base],
        capture_output=True,
        check=True,
    ).stdout
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        try:
            return load(Path(tmp))
        except DataError:
            return None


def touched_pages(files: Iterable[str], before: Site | None, now: Site) -> list[str]:
    """Site paths (with their language's folder) of the pages `files` touch, key pages first
    when the change touches every page."""
    homes = {lang.locale: lang.home for lang in now.languages}
    default = now.default.locale
    found: list[str] = []
    data_changed = False
    for name in files:
        if name.startswith(EVERY_PAGE):
            found += [home + page for home in homes.values() for page in KEY_PAGES]
        elif name.startswith("docs/") and name.endswith(".md"):
            source = name.removeprefix("docs/")
            if source.startswith(tuple(f"{folder}/" for folder in GENERATED_FOLDERS)):
                continue
            stem, _, rest = source.rpartition("/")[2].partition(".")
            locale = rest.removesuffix("md").rstrip(".") or default
            folder = source.rpartition("/")[0]
            original = f"{folder}/{stem}.md" if folder else f"{stem}.md"
            if locale in homes:
                found.append(homes[locale] + paths.page(original))
        elif name.startswith("data/") and name.endswith(".yml"):
            data_changed = True
    if data_changed:
        found += [home + page for home in homes.values() for page in data_pages(before, now)]
    return list(dict.fromkeys(found))


def data_pages(before: Site | None, now: Site) -> list[str]:
    """The pages (within a language's folder) that show data entries that changed."""
    pages: list[str] = []
    old, new = (_entries(before) if before else {}), _entries(now)
    for key, (entry, where) in new.items():
        if key not in old or old[key][0] != entry:
            pages += where
    for key, (_entry, where) in old.items():
        if key not in new:  # gone: where it was, but a month page it alone made is gone too
            pages += [page for page in where if not page.startswith(paths.MONTHS)]
    return list(dict.fromkeys(pages))


def _entries(site: Site) -> Mapping[tuple[str, str], tuple[int, list[str]]]:
    """(kind, id) -> (the entry's content fingerprint, the pages that show it)."""
    months: dict[str, set[dt.date]] = {}
    for occ in site.schedule.occurrences:
        months.setdefault(occ.activity.id, set()).add(occ.first_day.replace(day=1))
    this_month = site.today.replace(day=1)
    found: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for activity in site.data.activities:
        # A series is on many month pages: the next three stand for it (or the last ones).
        dates = sorted(months.get(activity.id, ()))
        coming = [m for m in dates if m >= this_month] or dates[-3:]
        where = [*(paths.month(m) for m in coming[:3]), paths.ACTIVITIES, ""]
        if activity.course_id:
            where = [paths.TRAINING, paths.ACTIVITIES]
        found[("activity", activity.id)] = (fingerprint(activity), where)
    for course in site.data.courses:
        found[("course", course.id)] = (fingerprint(course), [paths.TRAINING])
    for place in site.data.places.values():
        where = [paths.page("contacts.md")]
        if place.kind != "district-federation" and place.in_directory:
            where.insert(0, paths.township(place.township))
        found[("place", place.id)] = (fingerprint(place), where)
    for hotline in site.data.hotlines:
        found[("hotline", hotline.phone.display)] = (fingerprint(hotline), ["", "help/"])
    for category in site.data.categories.values():
        found[("category", category.id)] = (fingerprint(category), ["activities/categories/"])
    return found
