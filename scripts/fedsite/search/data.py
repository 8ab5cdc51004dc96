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
                    "search.no_page",
                    page=page,
                    file=f"docs/{page.rstrip('/')}.md",
                    index=f"docs/{page}index.md",
                )
        words = _by_language(checker, item["words"], (*path, "words"))
        for lang in checker.languages:
            if lang not in words:
                checker.warn((*path, "words"), "search.no_words", lang=lang)
        found.append(Synonyms(tuple(item["pages"]), words, item.get("help", False)))
    return SearchWords(tuple(found), terms)


def page_exists(docs_dir: Path, page: str) -> bool:
    """A site path ('services/health/') has a page in the default language's docs."""
    return (docs_dir / f"{page.rstrip('/')}.md").is_file() or (
        docs_dir / page / "index.md"
    ).is_file()


def _by_language(checker: Checker, value: dict, path: FieldPath) -> dict[str, tuple[str, ...]]:
    return {
        lang: tuple(words) for lang, words in value.items() if checker.built(lang, (*path, lang))
    }
