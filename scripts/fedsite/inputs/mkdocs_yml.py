"""mkdocs.yml's plain settings, for the tools that run without MkDocs (fedsite-check, the
benchmark). The build itself gets them from MkDocs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from fedsite.inputs.errors import DataError, Problem


class _Loader(yaml.SafeLoader):
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
            [Problem(path, 0, 0, "", f"cannot read it: {exc}", "", f"读不了这个文件：{exc}")]
        ) from None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return config, plugin["i18n"].get("languages") or []
    raise DataError(
        [
            Problem(
                path,
                0,
                0,
                "plugins",
                "the i18n plugin (mkdocs-static-i18n) is not configured",
                "add it under plugins: with its languages",
                "没有设置多语言插件 i18n（mkdocs-static-i18n）",
                "在 plugins: 下面加上它和它的各种语言",
            )
        ]
    )
