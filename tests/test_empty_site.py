"""A site with nothing planned yet (no activities, no courses, a township with no places) makes
sense: every township has its page, with whom to call and a plain "nothing here yet"; every
list page says it is empty; no heading stands over an empty list and nothing offers a feed that
holds nothing. Each check's twin is the same page of the site `fedsite new` makes, full."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import mkdocs_build


def emptied(site: Path) -> Path:
    """No activities, no courses, the district office only, and a second township."""
    data = site / "data"
    for name, key in (("activities", "activities"), ("trainings", "trainings")):
        text = (data / f"{name}.yml").read_text("utf-8")
        head = text[: text.index(f"\n{key}:")]
        (data / f"{name}.yml").write_text(f"{head}\n{key}: []\n", "utf-8")
    places = (data / "places.yml").read_text("utf-8")
    second = places.index("\n  - id: ", places.index("\n  - id: ") + 1)
    (data / "places.yml").write_text(places[:second] + "\n", "utf-8")
    townships = (data / "townships.yml").read_text("utf-8")
    townships += "  - id: second-town\n    name:\n      zh: 第二镇\n      en: Second Town\n"
    (data / "townships.yml").write_text(townships, "utf-8")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The full new site and its emptied copy, built."""
    from conftest import NEW_SITE, SITE_TODAY
    from fedsite.new_site import main as new

    found = {}
    for kind in ("full", "empty"):
        folder = tmp_path_factory.mktemp(kind) / "site-source"
        assert new([str(folder), *NEW_SITE, "--today", SITE_TODAY, "--no-git"]) == 0
        if kind == "empty":
            emptied(folder)
        build = mkdocs_build(folder, folder / "site")
        assert build.returncode == 0, build.output
        found[kind] = build.site
    return found


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "lxml")


def article(site: Path, path: str) -> str:
    return " ".join(page(site, path).select_one("article").get_text(" ").split())


def feed_links(site: Path, path: str) -> list[str]:
    return [a["href"] for a in page(site, path).select("article a[href]") if "webcal:" in a["href"]]


def test_a_township_with_no_places_has_a_page_with_whom_to_call(built) -> None:
    text = article(built["empty"], "en/contacts/second-town")
    assert "are not listed here yet" in text
    assert "Example County Women's Federation office" in text  # the district's contacts
    assert "No activities are planned here at the moment." in text
    assert "whom to contact" in page(built["empty"], "en/contacts/second-town").title.get_text()


def test_the_full_sites_township_page_lists_its_own_places(built) -> None:
    text = article(built["full"], "en/contacts/example-town")
    assert "are not listed here yet" not in text
    assert "Women's Home" in text


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("en/activities", "No activities are planned for the coming weeks."),
        ("en/activities/places", "No place has any activities planned yet."),
        ("en/training", ""),
        ("en/activities/past", ""),
    ],
)
def test_every_list_page_says_when_it_is_empty(built, path: str, says: str) -> None:
    text = article(built["empty"], path)
    if says:
        assert says in text, text
    # No heading stands over nothing: each is followed by some text before the next one.
    soup = page(built["empty"], path)
    headings = soup.select("article h2, article h3")
    for heading in headings:
        following = heading.find_next_sibling()
        assert following is not None and following.name not in ("h2", "h3"), heading


def test_no_feed_is_offered_that_holds_nothing(built) -> None:
    for path in ("en/activities", "en/activities/categories", "activities/categories"):
        assert feed_links(built["empty"], path) == [], path


def test_the_full_site_offers_its_feeds(built) -> None:
    assert feed_links(built["full"], "en/activities")
    assert feed_links(built["full"], "en/activities/categories")


def test_the_contacts_list_counts_no_empty_township(built) -> None:
    items = page(built["empty"], "en/contacts").select("ul.fs-townships li")
    assert [" ".join(li.get_text(" ").split()) for li in items] == ["Example Town", "Second Town"]
    assert re.search(r"\(\s*0 places\s*\)", article(built["empty"], "en/contacts")) is None
