"""What `mkdocs serve` keeps from one rebuild to the next: the HTML of an event card, the
iCalendar text of an activity. After an editor changes one entry in a district's data, only
that entry's pieces are made again (the rest is most of a rebuild's time).

A piece's key is a fingerprint of its inputs' content (the model's frozen dataclasses, the
page's language and address), so a change anywhere in an entry, its place or its kind, or in
the interface strings, makes a new key. (A 64-bit hash: two different inputs share one with a
chance of about one in 10^9 at a district's size, acceptable in a preview, which is why the
build never uses the memo.) Pieces not used in a build are dropped after the next one, so the
memo never holds more than two builds' worth."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from typing import TypeVar

T = TypeVar("T")


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def fingerprint(value: object) -> int:
    """A hash of a value's content, dataclasses and mappings included; a dataclass's is worked
    out once (an activity's place is shared by all its dates, and each date is on several
    pages)."""
    if is_dataclass(value):
        found = value.__dict__.get("_fingerprint")
        if found is None:
            kind: type = type(value)
            parts = (fingerprint(getattr(value, name)) for name in _field_names(kind))
            found = hash((type(value).__name__, *parts))
            object.__setattr__(value, "_fingerprint", found)  # frozen dataclasses too
        return found
    if isinstance(value, Mapping):
        return hash(frozenset((key, fingerprint(item)) for key, item in value.items()))
    if isinstance(value, (tuple, list)):
        return hash(tuple(fingerprint(item) for item in value))
    if isinstance(value, (set, frozenset)):
        return hash(frozenset(fingerprint(item) for item in value))
    return hash(value)


class RebuildMemo:
    def __init__(self) -> None:
        self._now: dict[Hashable, object] = {}
        self._before: dict[Hashable, object] = {}

    def new_build(self) -> None:
        """Start a build: what the last build used is kept for it; older pieces go."""
        self._before, self._now = self._now, {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if key in self._now:
            return self._now[key]  # type: ignore[return-value]
        value = self._before.pop(key) if key in self._before else make()
        self._now[key] = value
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._now)


# One for the process: the hook's Site is made anew for each rebuild.
PREVIEW_MEMO = RebuildMemo()
