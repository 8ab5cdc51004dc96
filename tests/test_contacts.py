"""The contacts directory, hotline strip and quick exit in the built site: every place in its
township's page with a stable anchor, tel: links that dial, a vCard per place that vobject
reads, JSON-LD, the activities held there, and help on every page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import phonenumbers
import pytest
import vobject
import yaml
from conftest import ROOT
from pages import LANGUAGES, html_pages, soup, url_path

TEL = re.compile(r"^tel:(\+86\d{9,12}|\d{3,5})$")


def data(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text("utf-8"))[name]


def listed_places() -> list[dict]:
    return [p for p in data("places") if p["kind"] != "venue"]


def entry(site: Path, prefix: str, place: dict):
    """The place's card in the directory, where its stable URL says it is."""
    if place["kind"] == "district-federation":
        page = site / prefix / "contacts/index.html"
    else:
        page = site / prefix / "contacts" / place["township"] / "index.html"
    html = soup(page)
    heading = html.find(id=place["id"])
    assert heading is not None, f"no #{place['id']} in {page}"
    return heading.find_next_sibling("div", class_="fs-place")


def test_every_place_has_an_entry_in_both_languages(site: Path) -> None:
    places = listed_places()
    assert len(places) > 20
    for prefix in LANGUAGES.values():
        for place in places:
            card = entry(site, prefix, place)
            assert card["data-place"] == place["id"]
            assert card.select("ul.fs-phones a[href^='tel:']"), place["id"]


def test_townships_are_listed_on_the_contacts_page_and_link_to_their_pages(site: Path) -> None:
    used = {p["township"] for p in listed_places() if p["kind"] != "district-federation"}
    names = {t["id"]: t["name"] for t in data("townships")}
    for tag, prefix in LANGUAGES.items():
        page = soup(site / prefix / "contacts/index.html")
        links = {
            a["href"].strip("/").split("/")[-1]: a.get_text()
            for a in page.select("ul.fs-townships a")
        }
        assert set(links) == used
        lang = "zh" if tag == "zh-Hans" else "en"
        for township, text in links.items():
            assert text == names[township][lang]


def test_every_phone_link_dials_a_real_format(site: Path) -> None:
    count = 0
    for page in html_pages(site):
        for link in soup(page).select("a[href^='tel:']"):
            href = link["href"]
            assert TEL.match(href), f"{page}: {href}"
            if href.startswith("tel:+"):
                assert phonenumbers.is_valid_number(phonenumbers.parse(href[4:])), href
            count += 1
    assert count > 100


def test_every_place_has_a_vcard_that_parses(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for place in listed_places():
            card = entry(site, prefix, place)
            link = card.select_one("a[href$='.vcf']")
            assert link is not None and link.has_attr("download")
            path = site / prefix / "contacts/vcard" / f"{place['id']}.vcf"
            assert link["href"].endswith(f"vcard/{place['id']}.vcf")
            raw = path.read_bytes()
            assert b"\n" not in raw.replace(b"\r\n", b""), path
            assert all(len(line) <= 75 for line in raw.split(b"\r\n")), path
            vcard = vobject.readOne(raw.decode("utf-8"))
            assert vcard.fn.value == card.find_previous_sibling(id=place["id"]).get_text()
            dialled = {t.value for t in vcard.contents["tel"]}
            on_page = {a["href"][4:] for a in card.select("ul.fs-phones a[href^='tel:']")}
            assert dialled == on_page
            assert vcard.adr.value.street
            assert vcard.url.value.endswith(f"#{place['id']}")


def test_every_place_has_organization_json_ld(site: Path) -> None:
    for prefix in LANGUAGES.values():
        for place in listed_places():
            card = entry(site, prefix, place)
            data = json.loads(card.select_one("script[type='application/ld+json']").string)
            expected = (
                "GovernmentOffice"
                if place["kind"] in ("district-federation", "federation")
                else "Organization"
            )
            assert data["@type"] == expected
            assert data["address"]["@type"] == "PostalAddress"
            assert data["url"].endswith(f"#{place['id']}")
            # Made-up numbers are not published as structured data.
            if all(p.get("example") for p in place["phones"]):
                assert "telephone" not in data


def test_a_place_links_the_activities_held_there(site: Path) -> None:
    """A place where activities are held links to them all; its township's page lists what
    is on next there, each linking to the activity in full."""
    venues = {a["venue"] for a in data("activities")}
    checked = 0
    for prefix in LANGUAGES.values():
        for place in listed_places():
            card = entry(site, prefix, place)
            more = card.select_one("a[href*='activities/places/#']")
            if place["id"] not in venues:
                assert more is None
                continue
            assert more["href"].endswith(f"#{place['id']}")
        for page in sorted((site / prefix / "contacts").glob("*/index.html")):
            for link in soup(page).select("#whats-on ~ ul.fs-agenda a"):
                target, anchor = urljoin(url_path(site, page), link["href"]).split("#")
                assert soup(site / target.lstrip("/") / "index.html").find(id=anchor), link
                checked += 1
    assert checked > 10


def test_activities_by_place_link_back_to_the_directory(site: Path) -> None:
    directory = {p["id"] for p in listed_places()}
    for prefix in LANGUAGES.values():
        page = soup(site / prefix / "activities/places/index.html")
        linked = {
            a["href"].split("#")[1]
            for a in page.select("article a[href*='contacts/']")
            if "#" in a["href"]
        }
        shown = {h["id"] for h in page.select("article h3[id]")}  # under their township
        assert shown & directory
        assert shown & directory <= linked


def test_every_activity_venue_is_a_known_place() -> None:
    places = {p["id"] for p in data("places")}
    for name in ("activities", "trainings"):
        for item in data(name):
            for session in item.get("sessions", [item]):
                if "venue" in session:
                    assert session["venue"] in places, session


@pytest.mark.parametrize("tag", LANGUAGES)
def test_every_page_has_the_hotlines_and_the_quick_exit(site: Path, tag: str) -> None:
    prefix = LANGUAGES[tag]
    pages = [p for p in html_pages(site) if (p.relative_to(site).parts[0] == "en") == bool(prefix)]
    assert len(pages) > 20
    hotlines = data("hotlines")
    for page in [*pages, site / prefix / "404.html"]:
        html = soup(page)
        bar = html.select_one("header .fs-help")
        assert bar is not None, page
        dialled = [a["href"] for a in bar.select("a.fs-hotline")]
        assert dialled == ["tel:12338", "tel:110"], page  # the two with a short name
        assert [h["number"] for h in hotlines if "short" in h] == ["12338", "110"]
        exit_link = bar.select_one("#fs-quick-exit")
        assert exit_link["href"].startswith("https://"), page
        for key in ("data-leaving", "data-two-more", "data-one-more"):
            said = exit_link[key]
            assert bool(re.search(r"[\u4e00-\u9fff]", said)) == (tag == "zh-Hans"), (page, said)
        safety = urljoin(url_path(site, page), html.select_one("footer .fs-footer-line a")["href"])
        assert safety == f"/{prefix}safety/", page
        # Before the theme's own scripts, so it works while they load (or if they fail).
        scripts = [s.get("src", "") for s in html.select("script[src]")]
        quick_exit = [i for i, s in enumerate(scripts) if re.search(r"quick-exit\.\w{8}\.js$", s)]
        assert quick_exit, page
        bundle = next((i for i, s in enumerate(scripts) if "bundle." in s), len(scripts))
        assert quick_exit[0] < bundle


def test_sensitive_pages_are_marked_for_the_offline_cache(site: Path) -> None:
    marked = set()
    for page in html_pages(site):
        if soup(page).select_one("meta[name='fedsite-offline'][content='never']"):
            marked.add(page.relative_to(site).as_posix())
    assert "safety/index.html" in marked and "en/safety/index.html" in marked
    assert "index.html" not in marked and "contacts/index.html" not in marked
