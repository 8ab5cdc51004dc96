"""A field of a data file in a Chinese editor's words: ("activities", 71, "venue") becomes
第 72 项活动「每月法律政策讲座」的「地点」(venue): the item by its number counted from one
and its title, the field by its Chinese name with the key she typed. The names are the
schemas' (each property's `title_zh`); a language code under a text is named by Babel."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from babel import Locale

from fedsite.resources import SCHEMAS


@cache
def names_zh() -> dict[str, str]:
    """Field -> its Chinese name, from every property of the package's schemas (a list's name
    is the name of one of its items: activities, 活动)."""
    names: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and "title_zh" in prop:
                    names.setdefault(key, prop["title_zh"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        walk(json.loads(schema.read_text(encoding="utf-8")))
    return names


def _name(key: str) -> str | None:
    if key in names_zh():
        return names_zh()[key]
    language = Locale.parse("zh").languages.get(key) if key.isalpha() and key.islower() else None
    return language if language and len(key) <= 3 else None


def field_zh(path: tuple[str | int, ...], data: Any) -> str:
    parts: list[str] = []
    node = data
    index = 0
    while index < len(path):
        key = path[index]
        following = path[index + 1] if index + 1 < len(path) else None
        if isinstance(key, str) and isinstance(following, int):
            item = _get(_get(node, key), following)
            title = _title(item)
            noun = _name(key) or key
            parts.append(f"第 {following + 1} 项{noun}" + (f"「{title}」" if title else ""))
            node, index = item, index + 2
            continue
        if isinstance(key, int):
            parts.append(f"第 {key + 1} 项")
        else:
            name = _name(key)
            parts.append(f"「{name}」({key})" if name else f"「{key}」")
        node, index = _get(node, key), index + 1
    return "的".join(parts)


def _get(node: Any, key: str | int) -> Any:
    if isinstance(node, dict) and isinstance(key, str):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _title(item: Any) -> str:
    """An item's Chinese title or name (else any language's, else its id), short."""
    if not isinstance(item, dict):
        return ""
    for key in ("title", "name"):
        value = item.get(key)
        if isinstance(value, dict):
            text = value.get("zh") or next((v for v in value.values() if isinstance(v, str)), "")
            if isinstance(text, str) and text:
                return text if len(text) <= 30 else text[:29] + "…"
    return str(item["id"]) if isinstance(item.get("id"), str) else ""
