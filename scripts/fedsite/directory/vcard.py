"""A vCard 3.0 (RFC 2426) per place, in one language, so a phone can save it as a contact.

Version 3.0 because it is the one every phone's contacts app imports; Apple's X-ABShowAs
makes iPhones file it as an organisation rather than a person."""

from __future__ import annotations

from urllib.parse import urlsplit

from fedsite import paths
from fedsite.model import Place
from fedsite.output.content_lines import fold, text
from fedsite.page_context import PageContext

PRODID = "-//fedsite//directory//EN"


def place_vcard(place: Place, t, url: str, uid_domain: str) -> bytes:
    """`t` is the language's Localizer; `url` the place's entry in the directory."""
    name = text(t(place.name))
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:{PRODID}",
        f"UID:{place.id}@{uid_domain}",
        f"FN:{name}",
        f"N:{name};;;;",
        f"ORG:{name}",
        "X-ABShowAs:COMPANY",
        f"CATEGORIES:{text(t.ui['place_kind_' + place.kind])}",
    ]
    notes = []
    for phone in place.phones:
        value = phone.e164 or phone.display
        lines.append(f"TEL;TYPE=WORK,VOICE:{value}")
        if phone.example:
            notes.append(f"{phone.display} {t.ui['example_number']}")
    # The address is one line of text in our data: it goes in the street component.
    lines.append(f"ADR;TYPE=WORK:;;{text(t(place.address))};;;;")
    if place.hours:
        notes.append(t.labelled(t.ui["hours"], t(place.hours)))
    if place.wechat:
        notes.append(t.labelled(t.ui["wechat"], place.wechat))
    if place.qq:
        notes.append(t.labelled(t.ui["qq"], place.qq))
    if notes:
        lines.append(f"NOTE:{text(chr(10).join(notes))}")
    lines += [f"URL:{url}", "END:VCARD"]
    return b"".join(fold(line) for line in lines)


def vcard_files(places: list[Place], ctx: PageContext) -> dict[str, bytes]:
    """Site path -> vCard of each place, in the language of `ctx`."""
    domain = urlsplit(ctx.site_url).hostname or "localhost"
    return {
        paths.vcard(place): place_vcard(place, ctx.t, ctx.absolute(paths.place(place)), domain)
        for place in places
    }
