"""Explain a YAML file that does not parse: where the mistake is and what to type instead.

libyaml names the token it stopped at ("did not find expected key"), often a line after the
mistake. The usual causes are recognised here and named (in the catalogue's languages): full-width
punctuation typed with a Chinese input method, a line indented out of step with the line above,
a ':' in the middle of a value, a tab, a quote or bracket never closed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fedsite.messages.catalogue import message
from fedsite.messages.problems import Problem, shorten


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: Path, offset: int) -> Problem:
    """libyaml's message, and what an editor most likely did."""
    problem = exc.problem or exc.context or "unknown problem"
    mark = exc.problem_mark or exc.context_mark
    wide = _full_width(text, mark)
    if wide is not None:  # YAML's messages say nothing of it, and name the line after
        line_index, char = wide
        column = text.split("\n")[line_index].index(char) + 1
        return Problem.at(
            path,
            line_index + 1 + offset,
            column,
            _key_on_line(text.replace(char, ":"), yaml.Mark("", 0, line_index, 0, "", 0)),
            "yaml.full_width",
            char=char,
            name=message(f"yaml.punctuation.{FULL_WIDTH[char]}"),
            ascii_char=FULL_WIDTH_ASCII[char],
        )
    key, values = "yaml.not_valid", dict[str, object](problem=problem)
    misaligned = _misaligned(text, mark) if any(p in problem for p in _INDENT_PROBLEMS) else None
    if misaligned is not None:
        key, values = "yaml.misaligned", {"indent": misaligned[0], "above": misaligned[1]}
    elif "mapping values are not allowed" in problem:
        key = "yaml.colon_in_value"
    elif "tab character" in problem or (mark and _char_at(text, mark) == "\t"):
        key = "yaml.tab"
    elif "quoted scalar" in (exc.context or "") and exc.context_mark:
        # The end of the file is where libyaml noticed; where the quote opened is what to fix.
        mark = exc.context_mark
        key = "yaml.unclosed_quote"
    elif "flow sequence" in (exc.context or ""):
        key = "yaml.unclosed_list"
    elif "flow mapping" in (exc.context or ""):
        key = "yaml.unclosed_group"
    line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (0, 0)
    return Problem.at(path, line, column, _key_on_line(text, mark), key, **values)


# Punctuation a Chinese input method types, where YAML's syntax needs the ASCII one.
FULL_WIDTH = {  # what each is called (yaml.punctuation in the catalogue)
    "：": "colon",
    "，": "comma",
    "“": "quote",
    "”": "quote",
    "［": "bracket",
    "］": "bracket",
    "－": "hyphen",
}
FULL_WIDTH_ASCII = {"：": ":", "，": ",", "“": '"', "”": '"', "［": "[", "］": "]", "－": "-"}
# Where each is syntax, not text: after a key, between list items, around a value.
_SYNTAX = {
    "：": re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*："),
    "，": re.compile(r"^[^#\"']*\[[^\]\"']*，"),
    "“": re.compile(r"^\s*(?:- )?(?:[A-Za-z_][\w-]*:\s*)?“"),
    "”": re.compile(r"^\s*(?:- )?(?:[A-Za-z_][\w-]*:\s*)?“[^”]*”\s*\S"),
    "［": re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:\s*［"),
    "］": re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:\s*\[[^\]]*］"),
    "－": re.compile(r"^\s*－\s"),
}


def _full_width(text: str, mark: yaml.Mark | None) -> tuple[int, str] | None:
    """(line index, character) of full-width punctuation used as YAML syntax, on the line of
    the error or the two before it (libyaml notices a line late)."""
    if mark is None:
        return None
    lines = text.split("\n")
    for index in range(min(mark.line, len(lines) - 1), max(mark.line - 3, -1), -1):
        for char, pattern in _SYNTAX.items():
            if pattern.search(lines[index]):
                return index, char
    return None


# libyaml's words for a line that is not where the structure expects it.
_INDENT_PROBLEMS = (
    "did not find expected key",
    "mapping values are not allowed",
    "did not find expected '-' indicator",
    "expected <block end>",
)


def _misaligned(text: str, mark: yaml.Mark | None) -> tuple[int, int] | None:
    """(indent, the line above's) when the error's line is indented differently from the line
    above, which is not a field opening a deeper level ("title:" with nothing after it)."""
    if mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines) or not lines[mark.line].strip():
        return None
    above = next(
        (
            line
            for line in reversed(lines[: mark.line])
            if line.strip() and not line.lstrip().startswith("#")
        ),
        None,
    )
    if above is None:
        return None
    line = lines[mark.line]
    # Where a line's fields start: after its spaces, and after "- " for a list's item.
    column, above_column = _content_column(line), _content_column(above)
    opens_level = above.rstrip().endswith(":") and column > above_column
    if column == above_column or opens_level:
        return None
    return len(line) - len(line.lstrip(" ")), len(above) - len(above.lstrip(" "))


def _content_column(line: str) -> int:
    return len(line) - len(re.sub(r"^[ ]*(?:- +)*", "", line))


def _key_on_line(text: str, mark: yaml.Mark | None) -> str:
    """The field an editor was writing on the line of a syntax error, if the line names one."""
    lines = text.split("\n")
    if mark is None or mark.line >= len(lines):
        return ""
    found = re.match(r"\s*(?:- )?([A-Za-z_][\w-]*):", lines[mark.line])
    return found[1] if found else ""


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def unreadable_character(
    exc: yaml.reader.ReaderError, text: str, path: Path, offset: int
) -> Problem:
    """A character YAML refuses before it parses anything (a raw control character)."""
    before = text[: exc.position]
    line = before.count("\n") + 1 + offset
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    after = shorten(before.split("\n")[-1][-20:])
    return Problem.at(
        path, line, column, "", "yaml.control_character", code=f"U+{code:04X}", after=after
    )
