"""Explain a YAML file that does not parse: where the mistake is and what to type instead.

libyaml names the token it stopped at ("did not find expected key"), often a line after the
mistake. The usual causes are recognised here and named in Chinese and English: full-width
punctuation typed with a Chinese input method, a line indented out of step with the line above,
a ':' in the middle of a value, a tab, a quote or bracket never closed.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from fedsite.messages.problems import Problem, shorten


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, path: Path, offset: int) -> Problem:
    """libyaml's message, and what an editor most likely did."""
    problem = exc.problem or exc.context or "unknown problem"
    mark = exc.problem_mark or exc.context_mark
    hint = "check indentation (two spaces, not tabs) and put text with ':' or '#' in quotes"
    problem_zh = f"YAML 格式不对（{problem}）"
    hint_zh = "检查缩进（用两个空格，不用 Tab 键）；文字里有「:」或「#」的，整段加上英文引号"
    wide = _full_width(text, mark)
    if wide is not None:  # YAML's messages say nothing of it, and name the line after
        line_index, char = wide
        name = FULL_WIDTH[char]
        line = line_index + 1 + offset
        lines = text.split("\n")
        column = lines[line_index].index(char) + 1
        ascii_char = FULL_WIDTH_ASCII[char]
        return Problem(
            path,
            line,
            column,
            _key_on_line(text.replace(char, ":"), yaml.Mark("", 0, line_index, 0, "", 0)),
            f"not valid YAML: a full-width {name} '{char}' (typed with Chinese punctuation) "
            f"where YAML needs '{ascii_char}'",
            f"switch the input method to English punctuation and type "
            f"'{ascii_char}' (a colon is followed by a space: 'venue: ...'); "
            "full-width punctuation is fine inside the text itself",
            f"这里用了中文标点「{char}」，YAML 要用英文标点「{ascii_char}」",
            f"把输入法切换到英文标点，打「{ascii_char}」（冒号后面空一格，如 venue: ...）；"
            "文字内容里可以照常用中文标点",
        )
    misaligned = _misaligned(text, mark) if any(p in problem for p in _INDENT_PROBLEMS) else None
    if misaligned is not None:
        indent, above = misaligned
        problem = f"this line is indented {indent} spaces, the line above {above}"
        hint = (
            "line it up with the other fields of the same item "
            "(two more spaces for each level, no tabs)"
        )
        problem_zh = f"这一行缩进了 {indent} 个空格，上一行是 {above} 个，没有对齐"
        hint_zh = "和同一项的其他字段对齐（每深一级多缩进两个空格，不用 Tab 键）"
    elif "mapping values are not allowed" in problem:
        hint = (
            "a ':' in the middle of a value: put the whole text in quotes, "
            'e.g. description: "...: ..."; if it starts a new field, check its indentation'
        )
        problem_zh = "一个值的中间有英文冒号「:」"
        hint_zh = (
            '把整段文字加上英文引号，如 description: "……: ……"；'
            "如果这一行是新的字段，检查它的缩进和上一行是否对齐"
        )
    elif "tab character" in problem or (mark and _char_at(text, mark) == "\t"):
        problem = "a tab character"
        hint = "indent with spaces, not tabs"
        problem_zh, hint_zh = "这里有一个 Tab 字符", "缩进用空格，不用 Tab 键"
    elif "quoted scalar" in (exc.context or "") and exc.context_mark:
        # The end of the file is where libyaml noticed; where the quote opened is what to fix.
        mark = exc.context_mark
        problem = "a quote is not closed"
        hint = "end the text with the same quote mark (\" or ') it starts with"
        problem_zh = "引号没有结束"
        hint_zh = "文字开头用了什么引号（\" 或 '），结尾也要用同样的英文引号"
    elif "flow sequence" in (exc.context or ""):
        hint = "a list written in [ ] must end with ]"
        hint_zh = "写在 [ ] 里的列表要以英文的 ] 结束"
    elif "flow mapping" in (exc.context or ""):
        hint = "a group written in { } must end with }, with a ':' after each key"
        hint_zh = "写在 { } 里的一组字段要以 } 结束，每个字段名后面有英文冒号「:」"
    line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (0, 0)
    field = _key_on_line(text, mark)
    return Problem(
        path, line, column, field, f"not valid YAML: {problem}", hint, problem_zh, hint_zh
    )


# Punctuation a Chinese input method types, where YAML's syntax needs the ASCII one.
FULL_WIDTH = {
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
    return Problem(
        path,
        line,
        column,
        "",
        f"an invisible control character (U+{code:04X}) after '{after}'",
        "delete it and retype the text around it (it often comes with text copied from "
        "another program)",
        f"「{after}」后面有一个看不见的控制字符（U+{code:04X}）",
        "删掉它，把附近的文字重新打一遍（从别的程序复制的文字常带着它）",
    )
