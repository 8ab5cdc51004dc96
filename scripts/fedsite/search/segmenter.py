"""What the search index needs from the packages Material's search uses: jieba, which segments
Chinese at build time (when it is installed), and lunr's language support."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from pathlib import Path


def lunr_languages() -> list[str]:
    """The languages Material's search has lunr support for (its lunr.<code>.min.js); found
    without importing Material."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(spec.submodule_search_locations[0]) / "templates/assets/javascripts/lunr/min"
    return sorted(p.name.split(".")[1] for p in folder.glob("lunr.*.min.js"))


def keep_whole(words: Iterable[str]) -> None:
    """The site's own names and terms become words of jieba's dictionary, so they are not
    split."""
    try:
        import jieba
    except ImportError:
        return
    for word in words:
        jieba.add_word(word)
