"""One search index per language, made from the one Material's search plugin writes for all of
them (static-i18n builds every language into the same index, so an English query could return
Chinese pages). Each language's index holds its own pages only (no fallback copies of another
language's text), with the words people type (data/search.yml) added to the pages they should
find, and the lunr settings of its language.

Material's browser code reads `search/search_index.json` under the site's root; the default
language's index stays there, and search.js points the other languages' pages at their own
(`en/search/search_index.json`)."""

from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from fedsite.model import Synonyms

INDEX = "search/search_index.json"
# lunr's pipeline: words as written, without stop words. Material's worker matches every word
# of a query as a prefix ("train*"), which lunr never stems: so English words are stemmed in the
# query instead (search.js), and the index keeps them whole. Chinese words are made at build
# time by Material's segmentation (jieba).
PIPELINES = {"en": ["trimmer", "stopWordFilter"]}
DEFAULT_PIPELINE = ["stopWordFilter"]
# A language lunr has no support for (Uyghur, Tibetan, Yi...): words as written, split at
# spaces and at its punctuation too (the Arabic script's comma, semicolon and question mark);
# English's stop words would take out nothing of it but cost every query.
PLAIN_PIPELINE: list[str] = []
OTHER_SEPARATORS = "،؛؟"
# The words people type (tags) count as much as a title, where Material's default (1e6) would
# let one shared word ("home" of "home care") outrank a page named in every word of the query.
TAGS_BOOST = 1000.0
# Material's browser code shows an entry's title, text and tags as HTML (innerHTML). Its search
# plugin escapes a page's text and keeps only these tags, bare (material/plugins/search):
# anything else that reads as a tag in an index the build writes is turned into text.
MATERIAL_KEEPS = ("p", "code", "pre", "li", "ol", "ul", "sub", "sup")
_NOT_KEPT = re.compile(rf"<(?!/?(?:{'|'.join(MATERIAL_KEEPS)})>)")


def home_of(location: str, homes: Collection[str]) -> str:
    """The language folder ('' or 'en/') a page's location is in: the longest that fits."""
    return max((home for home in homes if location.startswith(home)), key=len)


def split_index(
    index: Mapping[str, Any],
    languages: Mapping[str, str],
    *,
    fallbacks: Collection[str] = (),
    synonyms: Sequence[Synonyms] = (),
    lunr_languages: Collection[str] = (),
) -> dict[str, dict[str, Any]]:
    """`languages` maps each language's folder ('', 'en/') to its code ('zh', 'en'); returns
    each folder's index. `fallbacks` are the URLs of pages that show another language's text;
    `lunr_languages` those Material has lunr support for (others get a plain tokenizer)."""
    indexes: dict[str, dict[str, Any]] = {}
    for home, lang in languages.items():
        config = copy.deepcopy(dict(index["config"]))
        supported = lang in lunr_languages or lang in PIPELINES
        config["lang"] = [lang if supported else "en"]  # lunr's own tokenizer, then
        config["pipeline"] = PIPELINES.get(lang, DEFAULT_PIPELINE if supported else PLAIN_PIPELINE)
        separator = str(config.get("separator", ""))
        if not supported and separator.endswith("]+"):
            config["separator"] = separator[:-2] + OTHER_SEPARATORS + "]+"
        if "tags" in config.get("fields", {}):
            config["fields"]["tags"] = {"boost": TAGS_BOOST}
        indexes[home] = {"config": config, "docs": []}
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        if page in fallbacks:
            continue
        home = home_of(doc["location"], languages)
        indexes[home]["docs"].append(shown_safely(doc))
    for home, lang in languages.items():
        _add_words(indexes[home]["docs"], home, lang, synonyms)
    return indexes


def shown_safely(doc: Mapping[str, Any]) -> dict[str, Any]:
    """An index entry whose strings, shown as HTML by Material, make no element but the bare
    ones its plugin keeps; tags (which it never writes markup into) are text only."""
    safe = dict(doc)
    for key in ("title", "text"):
        if isinstance(doc.get(key), str):
            safe[key] = _NOT_KEPT.sub("&lt;", doc[key])
    if isinstance(doc.get("tags"), list):
        safe["tags"] = [html.escape(str(tag)) for tag in doc["tags"]]
    return safe


def _add_words(docs: list[dict], home: str, lang: str, synonyms: Sequence[Synonyms]) -> None:
    """Each group's words, as tags of its pages' first section (the page itself), which count
    as much as the page's title (TAGS_BOOST); the site shows no tags in the results
    (public.css)."""
    pages = {doc["location"]: doc for doc in docs}
    for group in synonyms:
        for page in group.pages:
            doc = pages.get(home + page)
            if doc is not None and group.words.get(lang):
                tags = doc.setdefault("tags", [])
                words = (html.escape(word) for word in group.words.get(lang, ()))
                tags += [word for word in words if word not in tags]


def to_json(index: Mapping[str, Any]) -> bytes:
    # UTF-8 rather than \u escapes: Chinese text is half the size before compression.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
