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
from fedsite.messages.catalogue import Message, catalogue, message
from fedsite.messages.problems import Problem, shorten


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
    # The schema's rule for the value, where it says one (in Chinese: description_zh).
    described = {"en": schema.get("description", "")}
    described["zh"] = schema.get("description_zh", "") or described["en"]
    rule = described if described["en"] else None
    instance: Any = error.instance
    value = shorten(instance)
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))
        close = difflib.get_close_matches(extra[0], allowed, n=1) if extra else []
        return source.problem(
            (*path, extra[0]) if extra else path,
            "schema.unknown_field" if close else "schema.unknown_field_unlike",
            name=extra[0] if extra else "?",
            close=close[0] if close else "",
            allowed=allowed,
        )
    if kind == "required":
        return source.problem(path, "schema.missing", field=error.message.split("'")[1])
    if kind == "enum":
        choices: Any = error.validator_value
        options = [str(option) for option in choices]
        close = difflib.get_close_matches(str(instance), options, n=1)
        return source.problem(
            path,
            "schema.not_allowed_close" if close else "schema.not_allowed",
            value=value,
            close=close[0] if close else "",
            options=options,
        )
    if kind == "const":
        write = message("schema.write", value=str(error.validator_value))
        return source.problem(path, "schema.not_this", value=value, rule=rule or write)
    if kind == "type":
        wanted: Any = error.validator_value
        kind_of = [_type_name(name) for name in (wanted if isinstance(wanted, list) else [wanted])]
        return source.problem(
            path, "schema.wrong_type", type=kind_of, rule=rule or message("schema.see_schema")
        )
    if kind == "pattern":
        form = message("schema.match", pattern=str(error.validator_value))
        return source.problem(path, "schema.wrong_form", value=value, rule=rule or form)
    if kind == "propertyNames":
        return source.problem(path, "schema.not_a_language", value=value)
    if kind == "maxLength":
        count, most = len(instance), error.validator_value
        shorter = rule or message("schema.shorten")
        return source.problem(path, "schema.too_long", count=count, most=most, rule=shorter)
    if kind == "uniqueItems":
        return source.problem(path, "schema.twice")
    if kind in ("minItems", "minProperties", "minLength"):
        return source.problem(path, "schema.empty", rule=rule or message("schema.fill_in"))
    if kind == "maxItems":
        count, most = len(instance), error.validator_value
        return source.problem(path, "schema.too_many", count=count, most=most)
    # minimum, maximum and whatever else: jsonschema's own words, with the schema's rule.
    detail = error.message if kind in ("minimum", "maximum") else shorten(error.message, 200)
    return source.problem(path, "schema.other", detail=detail, rule=rule or "")


def _type_name(name: str) -> Message | str:
    return message(f"schema.type.{name}") if f"schema.type.{name}" in catalogue() else name
