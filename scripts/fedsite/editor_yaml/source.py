"""Load an editor's YAML safely, remembering where every value came from.

PyYAML's safe loader is used for parsing; on top of it we walk the node tree ourselves because
PyYAML drops the line numbers that error messages need (ruamel.yaml keeps them, but would be a
second YAML library for this one feature). The walk is also where the rules for every value in
every file live: no tags, no aliases, no invisible control characters, no huge values.
A file that does not parse at all is explained by syntax_mistakes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fedsite.editor_yaml.field_names import field_zh
from fedsite.editor_yaml.syntax_mistakes import syntax_problem, unreadable_character
from fedsite.messages.catalogue import message
from fedsite.messages.problems import DataError, Problem, shorten

FieldPath = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (ten times faster on a district's data).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# A data file a district needs is a few MB (the benchmark's 7,000 activities are 5 MB).
MAX_FILE_BYTES = 20_000_000
# No value an editor writes is longer (a page of text); a longer one is a paste gone wrong, and
# would slow every page that shows it.
MAX_VALUE_CHARS = 5_000

# Characters nobody types on purpose, which break parsers downstream: C0 controls except tab and
# newline, DEL, C1 controls (U+0085 is a line break to some parsers), the Unicode line and
# paragraph separators, and the bidirectional overrides and isolates that make text display in
# another order than it is stored ("Trojan Source").
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# The tags YAML gives plain values by itself; any other (!!python/..., !!binary, !custom) is
# refused wherever it stands.
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


@dataclass
class YamlSource:
    path: Path
    data: Any
    marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: FieldPath) -> tuple[int, int]:
        """Line and column (1-based) of a value, or of its nearest parent that has one."""
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (0, 0))

    def problem(self, path: FieldPath, key: str, /, **values: Any) -> Problem:
        """A problem at a value, said by the catalogue's `key` with the values it quotes."""
        line, column = self.where(path)
        return Problem(
            self.path, line, column, dotted(path), message(key, **values), field_zh(path, self.data)
        )


def dotted(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_text(path: Path) -> str:
    """A file's text, or DataError for a missing, huge or non-UTF-8 file."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                [
                    Problem.at(
                        path,
                        0,
                        0,
                        "",
                        "file.too_large",
                        size=round(size / 1e6),
                        most=round(MAX_FILE_BYTES / 1e6),
                    )
                ]
            )
        # utf-8-sig: a byte order mark some Windows editors add is not part of the text.
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem.at(path, 0, 0, "", "file.not_found")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem.at(path, 0, 0, "", "file.not_utf8", reason=exc.reason)]) from None


def load_yaml(path: Path) -> YamlSource:
    """Parse one file; raise DataError (never a traceback) for anything an editor can get wrong."""
    return load_yaml_text(read_text(path), path)


def load_yaml_text(text: str, path: Path, first_line: int = 1) -> YamlSource:
    """Parse YAML that starts on line `first_line` of `path` (front matter starts on line 2)."""
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        raise DataError([syntax_problem(exc, text, path, offset)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses before parsing
        raise DataError([unreadable_character(exc, text, path, offset)]) from None
    source = YamlSource(path, None)
    if node is None:
        return source
    problems: list[Problem] = []
    source.data = _construct(node, (), source, problems, set(), offset)
    if problems:
        raise DataError(list(dict.fromkeys(problems)))  # one alias used many times: once
    return source


def _construct(
    node: yaml.Node,
    path: FieldPath,
    source: YamlSource,
    problems: list[Problem],
    seen: set[int],
    offset: int,
) -> Any:
    # A mapping's values keep the position of their key (set by the caller): it is the line
    # an editor looks for.
    source.marks.setdefault(path, (node.start_mark.line + 1 + offset, node.start_mark.column + 1))
    # An alias makes the composer reuse a node object: refusing repeats refuses aliases, which
    # also makes "billion laughs" alias bombs impossible.
    if id(node) in seen:
        problems.append(source.problem(path, "yaml.alias"))
        return None
    seen.add(id(node))
    if node.tag not in PLAIN_TAGS:
        problems.append(source.problem(path, "yaml.tag", tag=shorten(_as_written(node.tag))))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in PLAIN_TAGS:
                problems.append(source.problem(path, "yaml.key_not_text"))
                continue
            key = key_node.value
            child = (*path, key)
            mark = key_node.start_mark
            source.marks[child] = (mark.line + 1 + offset, mark.column + 1)
            if _bad_text(key, child, source, problems):
                continue
            if key in result:
                problems.append(source.problem(child, "yaml.key_twice", key=key))
                continue
            result[key] = _construct(value_node, child, source, problems, seen, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*path, index), source, problems, seen, offset)
            for index, item in enumerate(node.value)
        ]
    if _bad_text(node.value, path, source, problems):
        return None
    # Keep dates and clock times as the text the editor wrote: the data becomes plain JSON
    # types, which JSON Schema checks; dates are parsed later with a message naming the field.
    # (YAML 1.1 would read 10:30 as the number 630 and 2026-02-30 as an error.)
    if node.tag == "tag:yaml.org,2002:timestamp" or (
        node.tag == "tag:yaml.org,2002:int" and ":" in node.value
    ):
        return node.value
    try:
        return _SCALARS.construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        problems.append(source.problem(path, "yaml.unsupported_value", detail=exc.problem))
    except ValueError as exc:  # e.g. a number too large to be one
        problems.append(
            source.problem(path, "yaml.invalid_value", value=shorten(node.value), detail=str(exc))
        )
    return None


def _as_written(tag: str) -> str:
    """A tag as an editor writes it: !!python/name:os.system, not its long form."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _bad_text(value: str, path: FieldPath, source: YamlSource, problems: list[Problem]) -> bool:
    """Invisible control characters and runaway lengths, refused in every value and key."""
    if len(value) > MAX_VALUE_CHARS:
        problems.append(
            source.problem(path, "yaml.text_too_long", count=len(value), most=MAX_VALUE_CHARS)
        )
        return True
    if found := CONTROL.search(value):
        char = found.group()
        problems.append(
            source.problem(
                path,
                "yaml.control_character",
                code=f"U+{ord(char):04X}",
                after=shorten(value[: found.start()][-20:]),
            )
        )
        return True
    return False


_SCALARS = yaml.constructor.SafeConstructor()
