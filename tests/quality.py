"""Checks over built pages, each returning problems that name the page and the element, so a
failing test tells an editor exactly what to fix. Used on the real site and on broken copies."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from pages import file_for, html_pages, soup, url_path

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def describe(element) -> str:
    """A short, recognisable rendering of an element: <img src="x.png">."""
    attrs = " ".join(
        f'{k}="{v if isinstance(v, str) else " ".join(v)}"'
        for k, v in element.attrs.items()
        if k in ("id", "src", "href", "alt", "class")
    )
    text = element.get_text(" ", strip=True)[:40]
    return f"<{element.name}{' ' + attrs if attrs else ''}>{text}"


def missing_alt_text(site: Path) -> list[str]:
    """Content images need a text alternative. Markdown's ![](x.png) gives alt="", which axe
    accepts as decorative; an editor marks a truly decorative image with { role=presentation }."""
    problems = []
    for page in html_pages(site):
        for img in soup(page).select("article img"):
            decorative = img.get("role") in ("presentation", "none") or img.get("aria-hidden")
            if not decorative and not img.get("alt", "").strip():
                problems.append(f"{url_path(site, page)}: {describe(img)} has no alt text")
    return problems


def heading_problems(site: Path) -> list[str]:
    """One h1 per page, and no level skipped on the way down (h2 then h4)."""
    problems = []
    for page in html_pages(site):
        headings = soup(page).select("article :is(h1, h2, h3, h4, h5, h6)")
        h1s = [h for h in headings if h.name == "h1"]
        if len(h1s) != 1:
            problems.append(f"{url_path(site, page)}: {len(h1s)} h1 headings, expected one")
        previous = 1
        for heading in headings:
            level = int(heading.name[1])
            if level > previous + 1:
                problems.append(
                    f"{url_path(site, page)}: {describe(heading)} follows an h{previous}: "
                    f"use h{previous + 1}"
                )
            previous = level
    return problems


LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def broken_links(site: Path, site_url: str) -> list[str]:
    """Every link and resource on the site, in every language, leads to a file, and every
    #anchor to an element with that id."""
    site_host = urlsplit(site_url).netloc
    ids: dict[Path, set[str]] = {}
    problems = []
    for page in [*html_pages(site), *site.rglob("404.html")]:
        base = "http://site" + url_path(site, page)
        for name, attr in LINKING.items():
            for element in soup(page).find_all(name):
                href = element.get(attr)
                if not href or href.startswith(("mailto:", "tel:", "javascript:", "data:")):
                    continue
                target = urlsplit(urljoin(base, href))
                if target.netloc not in ("site", site_host):
                    continue  # links to other sites are for people; no fetch happens
                path = unquote(target.path)
                file = file_for(site, path)
                if not file.is_file():
                    problems.append(f"{url_path(site, page)}: {describe(element)} leads nowhere")
                    continue
                if target.fragment and file.suffix == ".html":
                    if file not in ids:
                        ids[file] = {e["id"] for e in soup(file).select("[id]")}
                    if unquote(target.fragment) not in ids[file]:
                        problems.append(
                            f"{url_path(site, page)}: {describe(element)}: no "
                            f"#{unquote(target.fragment)} on {path}"
                        )
    return problems


def axe_violations(page, axe_source: str) -> list[str]:
    """Run axe-core on the page loaded in a Playwright page; one line per failing element."""
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does
    # not govern (an added <script> element would be blocked, as it should be).
    page.evaluate(axe_source + "\n;0")
    # hidden-content only ever asks for a manual review (it reports no violations) and costs a
    # third of axe's time on long pages.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " rules: {'hidden-content': {enabled: false}}})",
        AXE_TAGS,
    )
    return [
        f"{urlsplit(page.url).path}: {violation['id']} ({violation['impact']}): "
        f"{' '.join(map(str, node['target']))}: {node['failureSummary'].splitlines()[-1].strip()}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
