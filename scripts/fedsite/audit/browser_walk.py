"""The walk through a served site in headless Chromium (Playwright): axe-core's WCAG 2.1 A/AA
and best-practice rules, errors in the console, files that fail to load, requests to another
host (stopped, and named), text under 16 px and sideways scrolling on a phone, and the first
Tab stop of the home page. Every page on a phone in the light palette, where most residents
are; one page of each kind on a desktop and in the dark palette (they change the layout and
the colours, not what a page holds)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from fedsite.messages.catalogue import say

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCREENS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}
# On a phone: body text at least 16 px, tables that fit, and nothing wider than the screen.
MEASURE = """() => {
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  const name = el => el.tagName.toLowerCase() + ': ' + el.textContent.trim().slice(0, 30);
  const text = [...document.querySelectorAll('article :is(p, li, td, th, dd)')];
  return {
    small: text.filter(el => size(el) < 16).map(el => name(el) + ' (' + size(el) + 'px)'),
    wideTables: [...document.querySelectorAll('article table')]
      .filter(t => t.scrollWidth > t.clientWidth + 1
        || t.getBoundingClientRect().right > innerWidth)
      .map(name),
    sideways: document.documentElement.scrollWidth > innerWidth,
  };
}"""
FOCUS = """() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return {
    skip: el.tagName === 'A' && (el.getAttribute('href') || '').startsWith('#'),
    visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.left < innerWidth,
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
  };
}"""


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


def kinds(paths: Iterable[str]) -> list[str]:
    """One page of each kind: the first page in each folder at each depth (/services/*,
    /en/services/*, /contacts/*...), and the home pages."""
    chosen: dict[tuple[str, ...], str] = {}
    for path in paths:
        parts = [p for p in path.split("/") if p]
        chosen.setdefault((*parts[:-1], "*") if parts else (), path)
    return list(chosen.values())


@dataclass
class Walk:
    """One screen and palette through some pages of the site at `server`."""

    browser: object
    server: str
    axe_source: str
    language: str = "en"
    problems: list[str] = field(default_factory=list)

    def pages(self, paths: list[str], screen: str, scheme: str) -> None:
        context = self.browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)  # type: ignore[attr-defined]
        host = urlsplit(self.server).netloc
        said, language = self.problems, self.language

        def other_host(route) -> None:
            url = route.request.url
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != host:
                said.append(say("audit.requested", language, page=page.url, url=url))
                route.abort()
            else:
                route.continue_()

        page = context.new_page()
        page.route("**/*", other_host)

        def console(message) -> None:
            if message.type == "error":
                said.append(say("audit.console", language, page=page.url, text=message.text))

        def error(exc) -> None:
            said.append(say("audit.console", language, page=page.url, text=str(exc)))

        def response(answer) -> None:
            if answer.status >= 400:
                status = str(answer.status)
                said.append(say("audit.failed", language, url=answer.url, status=status))

        page.on("console", console)
        page.on("pageerror", error)
        page.on("response", response)
        for path in paths:
            page.goto(self.server + path.lstrip("/"))
            said += axe_violations(page, self.axe_source)
            if screen == "phone" and scheme == "light":
                measured = page.evaluate(MEASURE)
                for text in measured["small"]:
                    said.append(say("audit.small_text", language, page=path, text=text))
                for table in measured["wideTables"]:
                    said.append(say("audit.wide_table", language, page=path, table=table))
                if measured["sideways"]:
                    said.append(say("audit.sideways", language, page=path))
        context.close()

    def keyboard(self, path: str = "/") -> None:
        """The first Tab stop is a visible skip link, with a focus outline."""
        context = self.browser.new_context(viewport=SCREENS["phone"])  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(self.server + path.lstrip("/"))
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if not (focus["skip"] and focus["visible"] and focus["outline"]):
            self.problems.append(say("audit.skip_link", self.language, page=path))
        context.close()
