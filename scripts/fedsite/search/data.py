"""data/search.yml: the words people in trouble type, the pages that help them, and phrases the
Chinese segmenter must keep whole. Checked like every data file: a page that does not exist, or
a language the site does not have, is named with its file, line and field."""

from __future__ import annotations

from pathlib import Path

from fedsite.editor_yaml.checker import Checker, items
from fedsite.editor_yaml.source import FieldPath
from fedsite.model import SearchWords, Synonyms


def search_words(checker: Checker, docs_dir: Path | None) -> SearchWords:
    data = checker.source.data
    terms = _by_language(checker, data.get("terms", {}), ("terms",))
    found = []
    for path, item in items(checker, "synonyms"):
        for i, page in enumerate(item["pages"]):
            if docs_dir is not None and not page_exists(docs_dir, page):
                checker.error(
                    (*path, "pages", i),
                    f"there is no page {page} (docs/{page.rstrip('/')}.md or docs/{page}index.md)",
                    "write the page's address without the language, ending in /, "
                    "e.g. services/legal-rights/",
                    (
                        f"没有 {page} 这个页面"
                        f"（docs/{page.rstrip('/')}.md 或 docs/{page}index.md）",
                        "写页面的网址路径，不带语言，以 / 结尾，如 services/legal-rights/",
                    ),
                )
        words = _by_language(checker, item["words"], (*path, "words"))
        for lang in checker.languages:
            if lang not in words:
                checker.warn(
                    (*path, "words"),
                    f"no {lang} words yet: searches in {lang} will not find these pages by them",
                    f"add '{lang}: [...]' under 'words'",
                    (
                        f"还没有 {lang} 的词：用 {lang} 搜索时，这些词找不到这些页面",
                        f"在 words 下面加 {lang}: [...]",
                    ),
                )
        found.append(Synonyms(tuple(item["pages"]), words, item.get("help", False)))
    return SearchWords(tuple(found), terms)


def page_exists(docs_dir: Path, page: str) -> bool:
    """A site path ('services/health/') has a page in the default language's docs."""
    return (docs_dir / f"{page.rstrip('/')}.md").is_file() or (
        docs_dir / page / "index.md"
    ).is_file()


def _by_language(checker: Checker, value: dict, path: FieldPath) -> dict[str, tuple[str, ...]]:
    for lang in value:
        if lang not in checker.languages:
            checker.error(
                (*path, lang),
                f"unknown language '{lang}'",
                f"use one of: {', '.join(checker.languages)}",
                (f"网站没有「{lang}」这种语言", f"用这几种之一：{', '.join(checker.languages)}"),
            )
    return {lang: tuple(words) for lang, words in value.items() if lang in checker.languages}
