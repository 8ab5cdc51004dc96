"""Where everything is on the site: every site path the engine and its templates link to or
write, within one language's folder ('activities/months/2026-12/', which the English site has
under 'en/'), and the links between them. The one place to change an address."""

from __future__ import annotations

import datetime as dt
import posixpath
from functools import cache
from urllib.parse import urljoin

from fedsite.model import Category, Occurrence, Place, Township

# Folders under docs/ that hold generated pages (git-ignored), and the stub page of each.
MONTHS = "activities/months"
TOWNSHIPS = "contacts"
ACTIVITIES = "activities/"
TRAINING = "training/"


def month(first_day: dt.date) -> str:
    return f"{MONTHS}/{first_day:%Y-%m}/"


def township(township: Township) -> str:
    return f"{TOWNSHIPS}/{township.id}/"


def place(place: Place) -> str:
    """A place's entry in the directory: the district federation is on the contacts page
    itself, every other place on its township's page."""
    if place.kind == "district-federation":
        return f"contacts/#{place.id}"
    return f"{township(place.township)}#{place.id}"


def vcard(place: Place) -> str:
    return f"contacts/vcard/{place.id}.vcf"


def category(category: Category) -> str:
    return f"activities/categories/#{category.id}"


def place_activities(place: Place) -> str:
    return f"activities/places/#{place.id}"


def feed(category_id: str = "all") -> str:
    return f"activities/feeds/{category_id}.ics"


def event_file(event_id: str) -> str:
    """The "add to calendar" file of an activity, or of a whole training course."""
    return f"activities/ics/{event_id}.ics"


def event(occurrence: Occurrence) -> str:
    """Where an occurrence is in full: on its month's page, or on the training page."""
    if occurrence.activity.course_id:
        return f"{TRAINING}#{occurrence.anchor}"
    return f"{month(occurrence.first_day.replace(day=1))}#{occurrence.anchor}"


def course(course_id: str) -> str:
    """A training course on the training page (where its sessions are, too)."""
    return f"{TRAINING}#{course_id}"


def poster(first_day: dt.date, township: Township | None = None) -> str:
    """The printable poster of a month's activities in a township, or in the whole district.
    Posters are in the default language only, at the root of the site."""
    folder = f"activities/posters/{first_day:%Y-%m}/"
    return folder + (f"{township.id}.html" if township else "index.html")


def page(docs_path: str) -> str:
    """The path MkDocs gives a Markdown file: services/health.md -> services/health/."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@cache  # pure, and called for every link of every card
def relative(page_url: str, target: str) -> str:
    """A link from the page at `page_url` ('en/activities/') to a site path
    ('en/activities/months/2026-12/#x'), relative, as MkDocs writes its own links."""
    path, _, fragment = target.partition("#")
    page_dir = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath(path or page_dir, page_dir.rstrip("/") or ".")
    if rel == ".":
        rel = "./" if path else ""
    elif path.endswith("/"):
        rel += "/"
    return rel + (f"#{fragment}" if fragment else "")


@cache  # pure, and called for every event of every feed and page
def absolute(site_url: str, site_path: str) -> str:
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", site_path)
