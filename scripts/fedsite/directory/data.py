"""The directory's data: townships and streets, services, hotlines, and the one list of places
(offices, service centres, Women's Homes, and venues used by activities), with their phones.

Phone numbers are checked and formatted with phonenumbers (libphonenumber's rules for China):
a landline with its area code, a mobile number, or a short public number such as 12338."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import shortnumberinfo

from fedsite.editor_yaml.checker import DEFAULT_TIMEZONE, Checker, check_unique, items
from fedsite.editor_yaml.source import FieldPath
from fedsite.model import Hotline, Phone, Place, Service, Township

REGION = "CN"


def phone(checker: Checker, value: str, path: FieldPath, example: bool) -> Phone | None:
    """A phone number as an editor writes it, checked; None (and a problem) if it is not one."""
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is not None and shortnumberinfo.is_valid_short_number(number):
        digits = str(number.national_number)
        return Phone(digits, f"tel:{digits}", None, None, example)
    if number is not None and phonenumbers.is_valid_number(number):
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        return Phone(national, f"tel:{e164}", e164, None, example)
    checker.error(
        path,
        f"'{value}' is not a phone number in China",
        'write a landline with its area code ("023-5812 3456"), an 11-digit mobile number, '
        'or a short public number such as "12338", in quotes',
        (
            f"「{value}」不是中国的电话号码",
            '座机带区号（"023-5812 3456"），或 11 位手机号，或公共短号如 "12338"，都加英文引号',
        ),
    )
    return None


def townships(checker: Checker) -> dict[str, Township]:
    check_unique(checker, "townships", "township")
    return {
        item["id"]: Township(item["id"], checker.required_text(item, path, "name"))
        for path, item in items(checker, "townships")
    }


def services(checker: Checker, docs_dir: Path | None) -> dict[str, Service]:
    check_unique(checker, "services", "service")
    found = {}
    for path, item in items(checker, "services"):
        if docs_dir is not None and not (docs_dir / item["page"]).is_file():
            checker.error(
                (*path, "page"),
                f"there is no page docs/{item['page']}",
                "write the path of the service's Chinese page under docs/, "
                "e.g. services/legal-rights.md",
                (
                    f"没有 docs/{item['page']} 这个页面",
                    "写这项服务的中文页面在 docs/ 下的路径，如 services/legal-rights.md",
                ),
            )
        found[item["id"]] = Service(
            item["id"], checker.required_text(item, path, "name"), item["page"]
        )
    return found


def hotlines(checker: Checker) -> tuple[Hotline, ...]:
    found = []
    for path, item in items(checker, "hotlines"):
        number = phone(checker, item["number"], (*path, "number"), item.get("example", False))
        if number is not None:
            short = checker.text(item, path, "short")
            found.append(Hotline(number, checker.required_text(item, path, "name"), short))
    in_bar = [path for path, item in items(checker, "hotlines") if "short" in item]
    if len(in_bar) > 2:
        checker.error(
            (*in_bar[2], "short"),
            "only two numbers fit in the bar at the top of a phone's screen",
            "remove 'short:' from all but the two most important numbers",
            ("手机屏幕顶部的横条只放得下两个号码", "只给最重要的两个号码写 short:，其他的删掉"),
        )
    return tuple(found)


def places(
    checker: Checker, township_table: dict[str, Township], service_table: dict[str, Service]
) -> dict[str, Place]:
    check_unique(checker, "places", "place")
    found = {}
    for path, item in items(checker, "places"):
        zone = checker.timezone(item.get("timezone"), (*path, "timezone"))
        township = checker.reference(
            township_table, item["township"], (*path, "township"), "township", "townships.yml"
        )
        offered = tuple(
            checker.reference(service_table, sid, (*path, "services", i), "service", "services.yml")
            for i, sid in enumerate(item.get("services", []))
        )
        phones = []
        for i, entry in enumerate(item.get("phones", [])):
            ppath = (*path, "phones", i)
            number = phone(
                checker, entry["number"], (*ppath, "number"), entry.get("example", False)
            )
            if number is not None:
                label = checker.text(entry, ppath, "label")
                phones.append(Phone(number.display, number.uri, number.e164, label, number.example))
        if item["kind"] != "venue" and "phones" not in item:
            checker.error(
                (*path, "kind"),
                f"'{item['id']}' is listed in the directory but has no phone number",
                "add 'phones:' with at least one '- number: \"023-...\"' "
                "(mark a made-up one with 'example: true'), "
                "or write 'kind: venue' for a place only used for activities",
                (
                    f"「{item['id']}」列在通讯录里，但没有电话号码",
                    '加 phones:，至少一行 - number: "023-..."（编造的号码加 example: true）；'
                    "只用来办活动的地点写 kind: venue",
                ),
            )
        found[item["id"]] = Place(
            id=item["id"],
            kind=item["kind"],
            township=township,
            name=checker.required_text(item, path, "name"),
            address=checker.required_text(item, path, "address"),
            timezone=zone or ZoneInfo(DEFAULT_TIMEZONE),
            accessibility=checker.text(item, path, "accessibility"),
            phones=tuple(phones),
            hours=checker.text(item, path, "hours"),
            wechat=item.get("wechat"),
            qq=item.get("qq"),
            services=tuple(s for s in offered if s is not None),
            location=(item["location"]["lat"], item["location"]["lon"])
            if "location" in item
            else None,
        )
    return found
