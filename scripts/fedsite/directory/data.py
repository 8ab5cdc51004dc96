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
    checker.error(path, "directory.not_a_phone", value=value)
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
            checker.error((*path, "page"), "directory.no_service_page", page=item["page"])
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
        checker.error((*in_bar[2], "short"), "directory.too_many_in_bar")
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
            checker.error((*path, "kind"), "directory.no_phone", id=item["id"])
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
