"""Check an editor's YAML against its JSON Schema (the package's schemas/), as problems an
editor can act on: file:line:column, field, what is wrong, how to fix it. The schemas are the
one description of each file's shape; editors' editors read them too, for completion."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from fedsite.editor_yaml.source import YamlSource
from fedsite.messages.problems import Problem, shorten

TYPE_NAMES = {
    "string": "text",
    "object": "a group of fields",
    "array": "a list (lines starting with '- ')",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}
TYPE_NAMES_ZH = {
    "string": "文字",
    "object": "一组字段",
    "array": "一个列表（每行以“- ”开头）",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
}


@cache
def ecma_regex(pattern: str) -> re.Pattern:
    r"""A JSON Schema pattern (an ECMA-262 regular expression) for Python's re module.

    In ECMA-262, and in jsonschema-rs, `$` matches only at the very end of the text; in Python
    it also matches before a final newline, so "abc\n" would pass ^[a-z]+$ in one validator and
    not the other (and reach file names, UIDs and RRULEs). Each `$` outside a character class
    becomes `\Z`, so both validators give every rule one meaning."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == "$" and not in_class:
            char = r"\Z"
        out.append(char)
    return re.compile("".join(out))


def _pattern(validator, pattern: str, instance, schema) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


# Draft 2020-12 with ECMA-262 patterns (see ecma_regex).
EcmaValidator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@cache
def _schemas(schema_dir: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in schema_dir.glob("*.json")}


@cache
def validator(schema_dir: Path, name: str) -> Draft202012Validator:
    schemas = _schemas(schema_dir)
    registry = Registry().with_resources(
        (file, Resource.from_contents(schema)) for file, schema in schemas.items()
    )
    return EcmaValidator(schemas[name], registry=registry)


@cache
def quick_validator(schema_dir: Path, name: str):
    schemas = _schemas(schema_dir)
    registry = jsonschema_rs.Registry(list(schemas.items()))
    return jsonschema_rs.validator_for(schemas[name], registry=registry)


def forget_schemas() -> None:
    """For `mkdocs serve`, whose next rebuild must see a schema that changed since."""
    for cached in (_schemas, validator, quick_validator):
        cached.cache_clear()


def check_against_schema(source: YamlSource, schema_dir: Path, name: str) -> list[Problem]:
    # Two validators: jsonschema-rs (compiled, ~100x faster) says whether the file is valid,
    # which it nearly always is; only then does jsonschema, whose errors carry what the hints
    # below need, walk the file again. At district scale this is seconds per build.
    if quick_validator(schema_dir.resolve(), name).is_valid(source.data):
        return []
    full = validator(schema_dir.resolve(), name)
    errors = sorted(full.iter_errors(source.data), key=lambda e: list(map(str, e.path)))
    return [_problem(source, error) for error in errors]


def _problem(source: YamlSource, error: ValidationError) -> Problem:
    # For "oneOf" and friends, the most specific sub-error says more than the summary.
    if error.context:
        error = min(error.context, key=lambda e: (-len(e.path), len(e.message)))
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    described = schema.get("description", "")
    # The schemas' rules in Chinese where they have them (description_zh), else in English.
    described_zh = schema.get("description_zh", "") or described
    instance: Any = error.instance
    value = shorten(instance)
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        close = difflib.get_close_matches(extra[0], allowed, n=1) if extra else []
        guess = f"did you mean '{close[0]}'? " if close else "check the spelling; "
        guess_zh = f"是不是「{close[0]}」？" if close else "请检查拼写。"
        name = extra[0] if extra else "?"
        return source.problem(
            (*path, extra[0]) if extra else path,
            f"unknown field '{name}'",
            f"{guess}the fields allowed here are: {', '.join(allowed)}",
            (f"不认识的字段「{name}」", f"{guess_zh}这里能写的字段有：{', '.join(allowed)}"),
        )
    if kind == "required":
        field = error.message.split("'")[1]
        return source.problem(
            path,
            f"'{field}' is missing",
            f"add a line '{field}: ...'",
            (f"缺少「{field}」", f"加一行 {field}: ..."),
        )
    if kind == "enum":
        choices: Any = error.validator_value
        options = [str(option) for option in choices]
        close = difflib.get_close_matches(str(instance), options, n=1)
        guess = f"did you mean '{close[0]}'? " if close else ""
        guess_zh = f"是不是「{close[0]}」？" if close else ""
        return source.problem(
            path,
            f"'{instance}' is not allowed here",
            f"{guess}use one of: {', '.join(options)}",
            (f"这里不能写「{value}」", f"{guess_zh}可以写：{', '.join(options)}"),
        )
    if kind == "const":
        return source.problem(
            path,
            f"'{value}' is not allowed here",
            described or f"write {error.validator_value}",
            (f"这里不能写「{value}」", described_zh or f"写 {error.validator_value}"),
        )
    if kind == "type":
        key = str(error.validator_value)
        return source.problem(
            path,
            f"must be {TYPE_NAMES.get(key, key)}",
            described or "see the schema",
            (f"这里应该写{TYPE_NAMES_ZH.get(key, key)}", described_zh or "对照文件开头的说明"),
        )
    if kind == "pattern":
        return source.problem(
            path,
            f"'{value}' is not in the expected form",
            described or f"match {error.validator_value}",
            (f"「{value}」的写法不对", described_zh or f"要符合 {error.validator_value}"),
        )
    if kind == "propertyNames":
        return source.problem(
            path,
            f"'{value}' is not a language code",
            "use a language code such as zh or en",
            (f"「{value}」不是语言代码", "写语言代码，如 zh 或 en"),
        )
    if kind == "maxLength":
        count, most = len(instance), error.validator_value
        return source.problem(
            path,
            f"too long ({count:,} characters; at most {most:,})",
            described or "shorten it",
            (f"太长了（{count} 个字，最多 {most} 个）", described_zh or "删短一些"),
        )
    if kind == "uniqueItems":
        return source.problem(
            path,
            "a value is listed twice",
            "keep only one of them",
            ("同一个值写了两次", "只留一个"),
        )
    if kind in ("minItems", "minProperties", "minLength"):
        return source.problem(
            path,
            "must not be empty",
            described or "fill it in",
            ("不能是空的", described_zh or "填上内容"),
        )
    if kind == "maxItems":
        count, most = len(instance), error.validator_value
        return source.problem(
            path,
            f"too many entries ({count:,}; at most {most:,}): more than the site is made for",
            "check that nothing was pasted in twice, and remove what is no longer needed",
            (
                f"条目太多了（{count} 项，最多 {most} 项），超出了网站的设计",
                "检查是不是重复粘贴了，删掉不再需要的条目",
            ),
        )
    if kind in ("minimum", "maximum"):
        return source.problem(path, error.message, described)
    return source.problem(path, shorten(error.message, 200), described)
