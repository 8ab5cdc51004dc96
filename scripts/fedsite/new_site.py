"""`fedsite new DIR`: a new site that builds at once (`mkdocs build --strict`) and passes
`fedsite check --ci`: neutral starter pages in Chinese and English for every kind of page, one
township with one Women's Home, a few example activities (from next week) and a course, every
made-up value marked as an example, and nothing of any real federation; with the site's own
README (its two commands), .ci/run, workflow, pre-commit configuration and a dependency pinned
to this version of fedsite.

    fedsite new wushan --name 巫山县妇女联合会 --name-en "Wushan County Women's Federation" \\
        --short-name 巫山县妇联 --short-name-en "Wushan Women's Federation" --level 县 \\
        --area 巫山县 --area-en "Wushan County" --region 重庆市 --region-en Chongqing \\
        --area-code 023

What is not given as an option is asked for (when there is someone to ask)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import phonenumbers

from fedsite import __version__
from fedsite.environment.today import ReferenceDateError, reference_date
from fedsite.localization.dates import localized_date
from fedsite.messages.catalogue import message, say
from fedsite.resources import PACKAGE, write_schemas

STARTER = PACKAGE / "starter" / "site"
SCHEMAS_MARK = "SCHEMAS/"  # in the starter's data files' first line
# A level in Chinese, and as English says it ("the county federation").
LEVELS = {
    "区": "district",
    "县": "county",
    "市": "city",
    "旗": "banner",
    "自治县": "autonomous county",
    "自治旗": "autonomous banner",
    "州": "prefecture",
    "盟": "league",
}
# Provincial-level regions and the character their ICP numbers start with (MIIT's register).
ICP_PROVINCES = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "山西": "晋",
    "内蒙古": "蒙", "辽宁": "辽", "吉林": "吉", "黑龙江": "黑", "江苏": "苏", "浙江": "浙",
    "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫", "湖北": "鄂",
    "湖南": "湘", "广东": "粤", "广西": "桂", "海南": "琼", "四川": "川", "贵州": "黔",
    "云南": "滇", "西藏": "藏", "陕西": "陕", "甘肃": "甘", "青海": "青", "宁夏": "宁",
    "新疆": "新",
}  # fmt: skip
# The options that give the identity's names, each asked for (new.ask.<option>) if not given.
QUESTIONS = (
    "name",
    "name_en",
    "short_name",
    "short_name_en",
    "level",
    "area",
    "area_en",
    "region",
    "region_en",
    "area_code",
)
_NOT_PLAIN = re.compile(r"[<>&\"{}\n\r\t]")
DEFAULT_COLOUR = "#1d4e89"  # a deep blue: white text on it at 8.6:1
# Who makes the first commits, where git knows nobody yet (a fresh machine, CI).
AUTHOR = ("-c", "user.name=fedsite new", "-c", "user.email=fedsite-new@localhost")


class NewSiteError(Exception):
    """Something the person making the site can fix: said in both languages."""


def both(key: str, /, separator: str = " / ", **values: object) -> str:
    """A message in Chinese and in English: whoever makes a site may read either, and has set
    no language for messages yet."""
    return separator.join(say(key, language, **values) for language in ("zh", "en"))


def example_phone(area_code: str, last: int) -> str:
    """A made-up landline number with the area code that phonenumbers takes as real in form
    (marked an example in the data)."""
    code = area_code.strip().lstrip("0")
    for digits in (8, 7):
        number = f"0{code}-{last:0{digits}d}"
        try:
            if code.isdigit() and phonenumbers.is_valid_number(phonenumbers.parse(number, "CN")):
                return number
        except phonenumbers.NumberParseException:
            break
    raise NewSiteError(both("new.not_an_area_code", code=area_code))


def answers(args: argparse.Namespace, ask) -> dict[str, str]:
    """Every value, from the options or asked for; NewSiteError for one that cannot be used."""
    values = {}
    for option in QUESTIONS:
        flag, question = f"--{option.replace('_', '-')}", both(f"new.ask.{option}")
        value = getattr(args, option) or (ask(question) if ask else "")
        value = " ".join((value or "").split())
        if not value:
            said = message(f"new.ask.{option}")
            raise NewSiteError(both("new.missing", option=flag, question=said))
        if _NOT_PLAIN.search(value):
            raise NewSiteError(both("new.not_plain", option=flag))
        values[option] = value
    if values["level"] not in LEVELS:
        raise NewSiteError(both("new.level", levels=list(LEVELS)))
    return values


def context(values: dict[str, str], today: dt.date, colour: str) -> dict:
    level_en = LEVELS[values["level"]]
    province = next(
        (mark for name, mark in ICP_PROVINCES.items() if values["region"].startswith(name)), ""
    )
    return {
        "name": {"zh": values["name"], "en": values["name_en"]},
        "short_name": {"zh": values["short_name"], "en": values["short_name_en"]},
        "level": {"zh": values["level"], "en": level_en},
        "level_title": level_en[:1].upper() + level_en[1:],
        "area": {"zh": values["area"], "en": values["area_en"]},
        "region": {"zh": values["region"], "en": values["region_en"]},
        "phone_office": example_phone(values["area_code"], 0),
        "phone_home": example_phone(values["area_code"], 101),
        "icp_province": province,
        "colour": colour,
        "version": __version__,
        "today": today.isoformat(),
        "today_zh": localized_date(today, "zh"),
        "today_en": localized_date(today, "en"),
        "day": lambda days: (today + dt.timedelta(days=days)).isoformat(),
    }


def make_site(target: Path, values: dict[str, str], today: dt.date, colour: str) -> None:
    """Write the new site into `target` (which must be new, or an empty folder)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewSiteError(both("new.not_empty", folder=target))
    env = jinja2.Environment(
        # [[ ]] and [% %]: the starter's pages hold {{ federation }} for the site's own build.
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # YAML and Markdown: values are checked plain text, quoted by `q`
    )
    env.filters["q"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    values_for = context(values, today, colour)
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir() or "__pycache__" in source.parts:
            continue
        relative = Path(
            *(part.replace("dot-", ".", 1) if part.startswith("dot-") else part
              for part in source.relative_to(STARTER).parts)
        )  # fmt: skip
        text: str | bytes
        if source.suffix == ".j2":
            relative = relative.with_suffix("")
            text = env.from_string(source.read_text("utf-8")).render(values_for)
        elif source.suffix in (".png",):
            text = source.read_bytes()
        else:
            text = source.read_text("utf-8")
        if isinstance(text, str) and relative.parts[0] == "data":
            text = text.replace(SCHEMAS_MARK, "../.fedsite/schemas/")
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            destination.write_bytes(text)
        else:
            destination.write_text(text, encoding="utf-8")
        shutil.copymode(source, destination)
    write_schemas(target)


def first_commit(target: Path) -> bool:
    """A git repository with the site in it, and its English pages stamped as translations of
    that commit (`fedsite translations` then knows them current). False without git."""
    from fedsite.translations import stamp

    if shutil.which("git") is None:
        return False
    known = subprocess.run(["git", "config", "user.email"], capture_output=True, text=True)
    author = () if known.stdout.strip() else AUTHOR  # hers, where git knows her

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(target), *author, *args], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-q", "-m", "A new site, made by fedsite new")
    for translation in sorted(target.glob("docs/**/*.en.md")):
        stamp(target, translation.relative_to(target), "zh")
    git("add", "-A")
    git("commit", "-q", "-m", "The English pages are translations of the Chinese ones as made")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fedsite new", description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the new site's folder")
    for option in QUESTIONS:
        parser.add_argument(f"--{option.replace('_', '-')}", help=both(f"new.ask.{option}"))
    parser.add_argument("--colour", default=DEFAULT_COLOUR, help="the main colour, #rrggbb")
    parser.add_argument("--today", help="the day the example activities count from, YYYY-MM-DD")
    parser.add_argument("--no-git", action="store_true", help="make no git repository")
    args = parser.parse_args(argv)
    ask = (lambda question: input(f"{question}: ")) if sys.stdin.isatty() else None
    try:
        values = answers(args, ask)
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", args.colour):
            raise NewSiteError(both("new.colour"))
        today = reference_date({"SITE_TODAY": args.today} if args.today else os.environ)
        make_site(args.folder, values, today, args.colour.lower())
        if not args.no_git:
            first_commit(args.folder)
    except (NewSiteError, ReferenceDateError) as exc:
        print(f"fedsite new: {exc}", file=sys.stderr)
        return 1
    print(both("new.next", folder=args.folder))
    print(
        f"  cd {args.folder}\n"
        "  python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt "
        "&& .venv/bin/fedsite build"
    )
    print(both("new.then", separator=" "))
    return 0
