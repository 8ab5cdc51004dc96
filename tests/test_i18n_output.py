"""The built site, both languages: pages, lang attributes, switcher, hreflang, sitemaps, 404."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pages import (
    HAN,
    LANGUAGES,
    counterpart,
    file_for,
    html_pages,
    language_of,
    resolve,
    soup,
    url_path,
)

ROOT = Path(__file__).resolve().parent.parent
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def source_pages() -> list[str]:
    """URL paths of the Chinese source pages, from docs/ (page.md -> /page/)."""
    paths = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        if len(md.suffixes) > 1:  # page.en.md: a translation
            continue
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        rel = rel.removesuffix("index").rstrip("/")
        paths.append("/" + (rel + "/" if rel else ""))
    return paths


def test_site_has_the_required_sections(site: Path) -> None:
    paths = {url_path(site, p) for p in html_pages(site)}
    for required in [
        "/",
        "/about/",
        "/services/",
        "/campaigns/",
        "/training/",
        "/womens-homes/",
        "/contacts/",
        "/news/",
    ]:
        for tag in LANGUAGES:
            assert counterpart(required, tag) in paths


@pytest.mark.parametrize("tag", list(LANGUAGES))
def test_every_source_page_is_built_in_every_language(site: Path, tag: str) -> None:
    for path in source_pages():
        assert file_for(site, counterpart(path, tag)).is_file(), counterpart(path, tag)


def test_every_page_has_a_translation_source() -> None:
    missing = [
        str(md.relative_to(ROOT))
        for md in (ROOT / "docs").rglob("*.md")
        if len(md.suffixes) == 1 and not md.with_suffix(".en.md").exists()
    ]
    assert missing == []


def test_html_lang_is_the_page_language(site: Path) -> None:
    for page in html_pages(site):
        assert soup(page).html["lang"] == language_of(site, page), page


def test_language_switcher_leads_to_the_same_page(site: Path) -> None:
    """The switch names every other language in words, in that language."""
    for page in html_pages(site):
        links = soup(page).select(".fs-language a.fs-language__link")
        own = language_of(site, page)
        assert {a["hreflang"] for a in links} == set(LANGUAGES) - {own}, page
        for link in links:
            assert link.get_text(strip=True), page  # words, not an icon
            target = resolve(site, page, link["href"])
            assert target == counterpart(url_path(site, page), link["hreflang"]), (page, target)
            assert file_for(site, target).is_file()
            assert link["lang"] == link["hreflang"]  # the language's name is marked up in it


def test_hreflang_alternates_are_absolute_and_complete(site: Path, site_url: str) -> None:
    """Search engines find each page's language versions in the sitemaps (an equivalent of
    <link rel=alternate> that Google documents); the head carries none, because Material's
    JavaScript requests a "sitemap.xml" beside every such link."""
    entries = read_sitemap(site / "sitemap.xml")
    for page in html_pages(site):
        assert soup(page).select('head link[rel="alternate"][hreflang]') == [], page
        path = url_path(site, page)
        expected = {tag: site_url.rstrip("/") + counterpart(path, tag) for tag in LANGUAGES}
        expected["x-default"] = expected["zh-Hans"]
        own = site_url.rstrip("/") + path
        assert entries[own] == expected, page
        canonical = soup(page).select_one('link[rel="canonical"]')["href"]
        assert canonical == expected[language_of(site, page)]


def read_sitemap(path: Path) -> dict[str, dict[str, str]]:
    root = ET.parse(path).getroot()
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in root.iter(f"{SITEMAP}url")
    }


def test_sitemap_lists_both_languages_with_alternates(site: Path, site_url: str) -> None:
    entries = read_sitemap(site / "sitemap.xml")
    pages = {site_url.rstrip("/") + url_path(site, p) for p in html_pages(site)}
    assert set(entries) == pages
    for loc, alternates in entries.items():
        assert set(alternates) == {*LANGUAGES, "x-default"}, loc
        assert loc in alternates.values()
        assert alternates["x-default"] == alternates["zh-Hans"]


def test_each_language_folder_has_its_own_sitemap(site: Path, site_url: str) -> None:
    for tag, prefix in LANGUAGES.items():
        if not prefix:
            continue
        entries = read_sitemap(site / prefix / "sitemap.xml")
        assert entries, f"/{prefix}sitemap.xml is empty"
        assert all(urlsplit(loc).path.startswith("/" + prefix) for loc in entries)
        assert len(entries) == sum(language_of(site, p) == tag for p in html_pages(site))


def test_404_page_in_each_language(site: Path) -> None:
    for tag, prefix in LANGUAGES.items():
        page = soup(site / prefix / "404.html")
        assert page.html["lang"] == tag
        title = page.select_one("article h1").get_text()
        assert bool(HAN.search(title)) == (tag == "zh-Hans"), title
        # Its links work from any folder (servers serve it for any missing URL).
        home = page.select_one("article a")["href"]
        assert home.startswith("/")
    # The root page is what most servers send for every missing URL: it speaks every language.
    root = soup(site / "404.html")
    assert {s["lang"] for s in root.select("article [lang]")} >= {"en"}


def theme_text(page) -> str:
    """Text of the parts the theme writes (header, navigation, footer, search), without the
    bits marked as another language (the switcher's language names, the ICP number)."""
    parts = page.select("header, nav, footer, .md-search")
    for part in parts:
        for other in part.select("[lang]"):
            other.decompose()
    attrs = [
        el.get(attr, "")
        for part in parts
        for el in part.select("[aria-label], [placeholder], [title]")
        for attr in ("aria-label", "placeholder", "title")
    ]
    return " ".join([*(p.get_text(" ") for p in parts), *attrs])


def test_theme_strings_are_in_the_page_language(site: Path) -> None:
    for page in html_pages(site):
        tree = soup(page)
        text = theme_text(tree.__copy__())
        placeholder = tree.select_one("input.md-search__input")["placeholder"]
        if language_of(site, page) == "en":
            assert not HAN.search(text), (page, HAN.findall(text)[:20])
            assert placeholder == "Search"
        else:
            assert placeholder == "搜索"
            assert "Search" not in text and "Skip to content" not in text, page


def test_footer_shows_icp_number_copyright_and_update_date(site: Path) -> None:
    for page in html_pages(site):
        footer = soup(page).select_one("footer .md-copyright")
        icp = footer.select_one('a[href^="https://beian.miit.gov.cn"]')
        assert icp and "ICP备" in icp.get_text(), page
        assert "©" in footer.get_text()
        assert footer.select_one("time[datetime]"), page


def test_chinese_headings_have_readable_ids(site: Path) -> None:
    headings = [
        h
        for page in html_pages(site)
        if language_of(site, page) == "zh-Hans"
        for h in soup(page).select("article h2[id], article h3[id]")
        if HAN.search(h.get_text())
    ]
    assert headings
    for heading in headings:  # 法律咨询 -> id="法律咨询" (or an explicit id), never "_1"
        assert re.search(r"[a-z\u3400-\u9fff]", heading.get("id", "")), heading


def test_hotline_is_in_view_on_both_home_pages(site: Path) -> None:
    """The first links of every home page call 12338 and 110: the help bar, in the header."""
    for prefix in LANGUAGES.values():
        header = soup(site / prefix / "index.html").select_one("header")
        first_links = [a["href"] for a in header.select("a")][:3]
        assert first_links[:2] == ["tel:12338", "tel:110"], prefix
