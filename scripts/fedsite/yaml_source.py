"""Load an editor's YAML file safely, remembering where every value came from.

PyYAML's safe loader is used for parsing; on top of it we walk the node tree ourselves because
PyYAML drops the line numbers that error messages need (ruamel.yaml keeps them, but would be a
second YAML library for this one feature).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from fedsite.errors import DataError, Problem

FieldPath = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (ten times faster on a district's data).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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

    def problem(self, path: FieldPath, message: str, hint: str = "") -> Problem:
        line, column = self.where(path)
        return Problem(self.path, line, column, dotted(path), message, hint)


def dotted(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_yaml(path: Path) -> YamlSource:
    """Parse one file; raise DataError (never a traceback) for anything an editor can get wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(
            [Problem(path, 0, 0, "", "file not found", "create it or fix the path")]
        ) from None
    except UnicodeDecodeError as exc:
        raise DataError(
            [Problem(path, 0, 0, "", f"not UTF-8 text ({exc.reason})", "save the file as UTF-8")]
        ) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message = f"not valid YAML: {exc.problem or exc.context}"
        hint = "check indentation (spaces, not tabs) and that text with ':' or '#' is quoted"
        raise DataError([Problem(path, line, column, "", message, hint)]) from None
    source = YamlSource(path, None)
    if node is None:
        return source
    problems: list[Problem] = []
    source.data = _construct(node, (), source, problems, set())
    if problems:
        raise DataError(problems)
    return source


def _construct(
    node: yaml.Node,
    path: FieldPath,
    source: YamlSource,
    problems: list[Problem],
    seen: set[int],
) -> Any:
    # A mapping's values keep the position of their key (set by the caller): it is the line
    # an editor looks for.
    source.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    # An alias makes the composer reuse a node object: refusing repeats refuses aliases, which
    # also makes "billion laughs" alias bombs impossible.
    if id(node) in seen:
        problems.append(
            source.problem(
                path,
                "anchors and aliases (&name, *name) are not supported",
                "write the value out in full",
            )
        )
        return None
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                problems.append(source.problem(path, "a key must be plain text"))
                continue
            child = (*path, key)
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in result:
                source.marks[child] = key_mark
                problems.append(
                    source.problem(child, f"'{key}' is given twice", "keep only one of them")
                )
                continue
            source.marks[child] = key_mark
            result[key] = _construct(value_node, child, source, problems, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*path, index), source, problems, seen)
            for index, item in enumerate(node.value)
        ]
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
        problems.append(
            source.problem(
                path, f"unsupported value: {exc.problem}", "remove the !tag or quote the value"
            )
        )
    except ValueError as exc:  # e.g. a date that does not exist, 2026-02-30
        problems.append(
            source.problem(
                path, f"'{node.value}' is not a valid value ({exc})", "check the date or number"
            )
        )
    return None


_SCALARS = yaml.constructor.SafeConstructor()
