"""data/identity.yml: the federation a site is for, written once. Its names, level and area in
every built language, its address, quick-exit target, ICP number, colour and icons; the build
takes page titles, the header and footer, interface strings ({federation}, {area}...), the
manifest, posters, feeds and vCards from it. Checked like every data file, with the rules a
schema cannot state: every built language has every name, the colour can carry white text and
sit on white, the icons exist."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fedsite.editor_yaml.checker import Checker
from fedsite.editor_yaml.schema_check import check_against_schema
from fedsite.editor_yaml.source import load_yaml
from fedsite.identity.colours import contrast
from fedsite.messages.problems import DataError, Problem
from fedsite.resources import SCHEMAS

FILE = "identity.yml"
NAMES = ("name", "short_name", "level", "area", "region", "description")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for text
# Characters that have no place in an address, and end an HTML attribute or a CSS url().
_NOT_IN_URL = re.compile(r"[\s\"'<>\\`\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Icp:
    number: str
    url: str
    example: bool


@dataclass(frozen=True)
class Identity:
    names: Mapping[str, Mapping[str, str]]  # field of NAMES -> language -> text
    address: str  # the site's public address (site_url)
    address_example: bool
    quick_exit_url: str
    icp: Icp | None
    colour: str  # #rrggbb
    logo: str  # site paths of files under docs/
    favicon: str

    def placeholders(self, locale: str) -> dict[str, str]:
        """What {federation}, {federation_short}, {level}, {Level}, {area} and {region} stand
        for in a language's interface strings and pages."""
        names = {field: texts[locale] for field, texts in self.names.items()}
        level = names["level"]
        return {
            "federation": names["name"],
            "federation_short": names["short_name"],
            "level": level,
            "Level": level[:1].upper() + level[1:],
            "area": names["area"],
            "region": names["region"],
        }


def https_url(value: Any) -> str | None:
    """`value` if it is a plain https address with a host, else None."""
    if not isinstance(value, str) or _NOT_IN_URL.search(value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return None
    return value


def load_identity(
    data_dir: Path,
    docs_dir: Path,
    languages: Sequence[str],
    warnings: list[Problem] | None = None,
) -> Identity:
    """data/identity.yml, checked; DataError with every mistake. With `warnings`, a name
    missing in a language other than the default (languages[0]) is the default's, and a
    warning there, as a text of the data is (a language just added); else a mistake."""
    source = load_yaml(data_dir / FILE)
    problems = check_against_schema(source, SCHEMAS, "identity.schema.json")
    if problems:
        raise DataError(problems)
    data = source.data
    checker = Checker(source, languages)
    for field in NAMES:
        for lang in data[field]:
            checker.built(lang, (field, lang))
        for lang in languages:
            if lang in data[field]:
                continue
            if warnings is not None and lang != languages[0] and languages[0] in data[field]:
                checker.warn((field,), "text.no_translation", lang=lang, key=field)
                warnings.append(replace(checker.warnings[-1], missing_translation=lang))
                data[field][lang] = data[field][languages[0]]
            else:
                checker.error((field,), "identity.no_text", lang=lang, key=field)
    urls = [("address",), ("quick_exit",)] + ([("icp", "url")] if "icp" in data else [])
    for path in urls:
        value = data[path[0]] if len(path) == 1 else data["icp"]["url"]
        if https_url(value) is None:
            checker.error(path, "identity.not_https", value=value)
    colour = data["colour"].lower()
    # White text on the header, and links in this colour on white: the same ratio.
    if (ratio := contrast(colour, "#ffffff")) < MIN_CONTRAST:
        checker.error(("colour",), "identity.colour_too_light", ratio=ratio, least=MIN_CONTRAST)
    for field in ("logo", "favicon"):
        if not (docs_dir / data[field]).is_file():
            checker.error((field,), "identity.no_image", path=data[field])
    if checker.problems:
        raise DataError(checker.problems)
    icp = data.get("icp")
    return Identity(
        names={field: {lang: data[field][lang] for lang in languages} for field in NAMES},
        address=data["address"],
        address_example=data.get("address_example", False),
        quick_exit_url=data["quick_exit"],
        icp=Icp(icp["number"], icp["url"], icp.get("example", False)) if icp else None,
        colour=colour,
        logo=data["logo"],
        favicon=data["favicon"],
    )
