"""mkdocs.yml as data: its plain settings, for the tools that run without MkDocs (fedsite-check,
the benchmark; the build itself gets them from MkDocs), and the rule that it holds nothing but
settings. MkDocs reads the file with PyYAML's full loader, which constructs Python objects and
runs functions named by `!!python/...` tags, and fills `!ENV` tags from the environment (a
deploy's credentials, say, into every page's footer). So a tag is allowed only where the site
needs it (`config_problems`), and what would run code from the repository (a hook: the
fedsite plugin is the site's code), INHERIT of another file, or a folder outside the project,
is refused too.

fedsite-check reads the file with a safe loader only, so it can say all this before anything is
built; the build says it too, but MkDocs has constructed the file's tags before any plugin or
hook is loaded: check a change to mkdocs.yml you did not write with fedsite-check first (CI
does)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from fedsite.editor_yaml.source import PLAIN_TAGS, FieldPath, dotted
from fedsite.messages.problems import DataError, Problem, shorten

PYTHON = "tag:yaml.org,2002:python/"
# Where a tag may stand (any list item is "*"), and which.
ALLOWED_TAGS: dict[FieldPath, str] = {
    ("site_url",): "!ENV",  # the public address, set per build (SITE_URL)
    ("markdown_extensions", "*", "pymdownx.emoji", "emoji_index"): (
        PYTHON + "name:material.extensions.emoji.twemoji"
    ),
    ("markdown_extensions", "*", "pymdownx.emoji", "emoji_generator"): (
        PYTHON + "name:material.extensions.emoji.to_svg"
    ),
    ("markdown_extensions", "*", "toc", "slugify"): (
        PYTHON + "object/apply:pymdownx.slugs.slugify"
    ),
}
ENV_NAMES = {"SITE_URL"}  # what !ENV may read: never a credential
FOLDERS: tuple[FieldPath, ...] = (("docs_dir",), ("site_dir",), ("theme", "custom_dir"))


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _Loader(_FAST):  # type: ignore[misc,valid-type]
    """Reads !ENV as MkDocs does (the first variable set, else the last item as a default);
    !!python tags (a Markdown extension's function) become None: they are not settings."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    for name in names[:-1] if len(names) > 1 else names:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The settings, and static-i18n's languages as written; DataError if there are none."""
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(
            [Problem.at(path, 0, 0, "", "config.unreadable", reason=str(exc))]
        ) from None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return config, plugin["i18n"].get("languages") or []
    raise DataError([Problem.at(path, 0, 0, "plugins", "config.no_i18n")])


def config_problems(path: Path) -> list[Problem]:
    """What mkdocs.yml holds that is not plain settings: a tag where the site needs none, an
    alias, INHERIT, a hook, a folder outside the project."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=_FAST)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        reason = shorten(exc, 200)
        return [Problem.at(path, 0, 0, "", "config.unreadable", reason=reason)]
    problems: list[Problem] = []
    seen: set[int] = set()

    def report(node: yaml.Node, field: FieldPath, key: str, /, **values: Any) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        problems.append(Problem.at(path, line, column, dotted(field), key, **values))

    def walk(node: yaml.Node, field: FieldPath) -> None:
        if id(node) in seen:
            report(node, field, "config.alias")
            return
        seen.add(id(node))
        wanted = next((tag for where, tag in ALLOWED_TAGS.items() if _fits(field, where)), None)
        if node.tag not in PLAIN_TAGS and node.tag != wanted:
            tag = shorten(node.tag.replace("tag:yaml.org,2002:", "!!"), 80)
            report(node, field, "config.env_tag" if tag == "!ENV" else "config.code_tag", tag=tag)
            return
        if node.tag == "!ENV" and _env_names(node) - ENV_NAMES:
            names = shorten(", ".join(sorted(_env_names(node) - ENV_NAMES)))
            report(node, field, "config.env_names", allowed=sorted(ENV_NAMES), names=names)
            return
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else "?"
                if key.tag not in PLAIN_TAGS:
                    walk(key, (*field, name))
                    continue
                walk(value, (*field, name))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*field, index))

    if root is not None:
        walk(root, ())
        _code_and_folders(root, report)
    return problems


def _env_names(node: yaml.Node) -> set[str]:
    """The variables an !ENV tag reads (all its items but the last, a default, when a list)."""
    if isinstance(node, yaml.ScalarNode):
        return {node.value}
    items = [item.value for item in node.value if isinstance(item, yaml.ScalarNode)]
    return set(items[:-1] if len(items) > 1 else items)


def _fits(field: FieldPath, where: FieldPath) -> bool:
    return len(field) == len(where) and all(
        (w == "*" and isinstance(f, int)) or w == f for f, w in zip(field, where, strict=True)
    )


def _code_and_folders(root: yaml.Node, report: Callable[..., None]) -> None:
    """INHERIT, hooks, and folders outside the project, each `report`ed."""
    if not isinstance(root, yaml.MappingNode):
        return
    top = {key.value: (key, value) for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    if "INHERIT" in top:
        report(top["INHERIT"][0], ("INHERIT",), "config.inherit")
    if "hooks" in top:
        report(top["hooks"][0], ("hooks",), "config.hooks")
    for field in FOLDERS:
        node: yaml.Node | None = root
        for key in field:
            pairs = node.value if isinstance(node, yaml.MappingNode) else []
            node = next((v for k, v in pairs if getattr(k, "value", None) == key), None)
            if node is None:
                break
        if isinstance(node, yaml.ScalarNode) and not _inside(node.value):
            report(node, field, "config.folder_outside", value=shorten(node.value))


def _inside(value: str, folder: str = "") -> bool:
    """A relative path that stays inside the project (and inside `folder`, if given)."""
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if not parts or value.startswith(("/", "~")) or ".." in parts or ":" in value:
        return False
    return not folder or (parts[0] == folder and len(parts) > 1)
