"""Add or remove a language of the site, then say what is left to translate.

    fedsite language add CODE [--root .]      e.g. ug, bo, ii, mn (an ISO 639 code)
    fedsite language remove CODE [--root .]

`add` puts the language under the i18n plugin's `languages:` in mkdocs.yml (its name in itself
from CLDR, its navigation titles to translate, the palette's labels of the other language if
it has them) and, where Material's search has a stemmer for it, under the search plugin's
`lang:`. Until the content is translated, its pages show the default language's text with a
notice, and `fedsite check --ci` fails. `remove` takes it out of those places; its pages
(`page.CODE.md`) and the texts in it stay where they are, ignored, and are counted.

mkdocs.yml is edited with ruamel.yaml, which keeps its comments, order and layout."""

from __future__ import annotations

import argparse
import copy
import importlib.util
import io
import sys
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from fedsite.environment.today import ReferenceDateError, reference_date
from fedsite.localization.languages import is_language, language_name, text_direction
from fedsite.messages.catalogue import say
from fedsite.messages.problems import DataError, Problem, editor_language
from fedsite.output.generated_pages import editors_pages
from fedsite.resources import STRINGS


def _material_templates() -> Path:
    """Material's templates (its language partials, its search's stemmers), found without
    importing it."""
    spec = importlib.util.find_spec("material")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return Path(folders[0]) / "templates" if folders else Path("/nonexistent")


MATERIAL = _material_templates()


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments and layout kept
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)  # mkdocs.yml's layout, as MkDocs writes it
    return yaml


def _plugin(config: Any, name: str) -> Any:
    """The settings of a plugin in `plugins:` (a mapping), or None."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and name in entry:
            return entry[name]
    return None


def _titles(nav: Any) -> list[str]:
    """The navigation's titles written in mkdocs.yml (sections and named pages)."""
    found: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for title, value in item.items():
                found.append(str(title))
                if isinstance(value, list):
                    found += _titles(value)
    return list(dict.fromkeys(found))


def native_name(code: str) -> str:
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return code
    return locale.get_display_name(locale) or code


def _chain(node: Any) -> list[tuple[Any, Any]]:
    """(container, key) from `node` down through each last element, to the deepest."""
    chain = []
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        chain.append((node, key))
        node = node[key]
    return chain


def _slot(container: Any) -> int:
    return 2 if isinstance(container, CommentedMap) else 0  # ruamel's place for "after it"


def _take_trailing(node: Any) -> Any:
    """The comment after the last element of `node` (ruamel keeps it on the deepest element
    before it), removed from there."""
    for container, key in reversed(_chain(node)):
        held = container.ca.items.get(key)
        if held and held[_slot(container)] is not None:
            token, held[_slot(container)] = held[_slot(container)], None
            return token
    return None


def _put_trailing(node: Any, token: Any) -> None:
    if token is not None and (chain := _chain(node)):
        container, key = chain[-1]
        held = container.ca.items.setdefault(key, [None, None, None, None])
        held[_slot(container)] = token


def add_language(config: Any, code: str) -> None:
    """mkdocs.yml's settings (round-trip data) with `code` added as a language, last. What
    followed the last language (a comment before the next plugin) follows the new one."""
    i18n = _plugin(config, "i18n")
    languages = i18n["languages"]
    entry = CommentedMap(locale=code, name=native_name(code), build=True)
    titles = _titles(config.get("nav"))
    if titles:  # to translate; until then they show as the default language's
        entry["nav_translations"] = CommentedMap((title, title) for title in titles)
    other = next((lang for lang in languages if not lang.get("default") and "theme" in lang), None)
    if other is not None:  # the palette's labels, in the other language until translated
        entry["theme"] = copy.deepcopy(other["theme"])
        _take_trailing(entry["theme"])  # a copy of the comment after it, if it was last
    after = _take_trailing(languages)
    languages.append(entry)
    _put_trailing(languages, after)
    search = _plugin(config, "search")
    stemmer = MATERIAL / f"assets/javascripts/lunr/min/lunr.{code}.min.js"
    if isinstance(search, dict) and isinstance(search.get("lang"), list) and stemmer.is_file():
        search["lang"].append(code)


def remove_language(config: Any, code: str) -> None:
    """mkdocs.yml's settings (round-trip data) without the language `code`."""
    languages = _plugin(config, "i18n")["languages"]
    after = _take_trailing(languages)  # what followed the last language follows the new last
    for index in reversed(range(len(languages))):
        if languages[index].get("locale") == code:
            del languages[index]
    _put_trailing(languages, after)
    search = _plugin(config, "search")
    if isinstance(search, dict) and isinstance(search.get("lang"), list) and code in search["lang"]:
        search["lang"].remove(code)
    tags = (config.get("extra") or {}).get("lang_tags")
    if isinstance(tags, dict) and code in tags:
        del tags[code]


def pages_without(docs_dir: Path, code: str) -> tuple[list[Path], list[Path]]:
    """The default language's pages with no `page.CODE.md` beside them, and those in CODE."""
    pages = editors_pages(docs_dir)
    default = [p for p in pages if len(p.name.split(".")) == 2]
    translated = [p for p in pages if p.name.endswith(f".{code}.md")]
    names = {p.with_name(p.name.replace(f".{code}.md", ".md")) for p in translated}
    return [p for p in default if p not in names], translated


def untranslated_strings(root: Path, code: str) -> int:
    """The package's interface strings with no `code` text in the package or the site."""
    yaml = YAML(typ="safe")
    package = yaml.load((STRINGS / "ui.yml").read_text(encoding="utf-8")) or {}
    site_file = root / "data/ui.yml"
    site = (yaml.load(site_file.read_text(encoding="utf-8")) or {}) if site_file.is_file() else {}
    given = {key for key, texts in site.items() if isinstance(texts, dict) and code in texts}
    return sum(1 for key, texts in package.items() if code not in texts and key not in given)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite language", description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["add", "remove"])
    parser.add_argument("code", help="the language's ISO 639 code: ug, bo, ii, mn, en...")
    parser.add_argument("--root", type=Path, default=Path("."))
    args = parser.parse_args(argv)
    language, code, root = editor_language(), args.code, args.root
    config_file = root / "mkdocs.yml"
    yaml = _yaml()
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        reason = " ".join(str(exc).split())[:200]
        problem = Problem.at(config_file, 0, 0, "", "config.unreadable", reason=reason)
        print(problem.format(root, language), file=sys.stderr)
        return 1
    i18n = _plugin(config, "i18n") if isinstance(config, dict) else None
    if not isinstance(i18n, dict) or not isinstance(i18n.get("languages"), list):
        print(say("language.no_i18n", language), file=sys.stderr)
        return 1
    locales = [lang.get("locale") for lang in i18n["languages"]]
    default = next((lang["locale"] for lang in i18n["languages"] if lang.get("default")), None)
    if args.action == "add":
        if not is_language(code) or "_" in code:
            print(say("language.not_a_language", language, code=code), file=sys.stderr)
            return 1
        if code in locales:
            print(say("language.already", language, code=code), file=sys.stderr)
            return 1
        add_language(config, code)
    else:
        if code not in locales:
            print(say("language.not_there", language, code=code, codes=locales), file=sys.stderr)
            return 1
        if code == default:
            print(say("language.default", language, code=code), file=sys.stderr)
            return 1
        remove_language(config, code)
    out = io.StringIO()
    yaml.dump(config, out)
    config_file.write_text(out.getvalue(), encoding="utf-8")
    names = {lang: language_name(code, lang) for lang in ("zh", "en")}
    docs_dir = root / str(config.get("docs_dir") or "docs")
    missing, translated = pages_without(docs_dir, code)
    if args.action == "remove":
        print(say("language.removed", language, code=code, name=names))
        if translated:
            print(say("language.pages_left", language, count=len(translated), code=code))
        return 0
    print(say("language.added", language, code=code, name=names))
    print(say("language.to_translate", language))
    print("  " + say("language.pages", language, count=len(missing), code=code))
    print("  " + say("language.strings", language, count=untranslated_strings(root, code)))
    data = _data_texts(root, code)
    if data is None:
        print("  " + say("language.data_unchecked", language))
    else:
        print("  " + say("language.data", language, count=data))
    if "nav_translations" in i18n["languages"][-1]:
        count = len(i18n["languages"][-1]["nav_translations"])
        print("  " + say("language.nav", language, count=count))
    if not (MATERIAL / f"partials/languages/{code}.html").is_file():
        print(say("language.theme_labels", language, code=code))
    if text_direction(code) == "rtl":
        print(say("language.right_to_left", language, name=names))
    return 0


def _data_texts(root: Path, code: str) -> int | None:
    """The data's texts (and the identity's names) with no text in `code` yet; None when the
    site does not load (fedsite check says why)."""
    from fedsite.site import Site  # loads the whole site: only when asked

    try:
        site = Site.from_folder(root, reference_date())
    except (DataError, ReferenceDateError):
        return None
    return sum(
        1
        for warning in site.data.warnings
        if warning.missing_translation == code and warning.said.key == "text.no_translation"
    )
