"""Where the directory puts things, within a language's folder (shared by the directory, the
calendar's places page and the vCard writer)."""

from __future__ import annotations

from fedsite.contacts_data import Place, Township


def township_path(township: Township) -> str:
    return f"contacts/{township.id}/"


def place_path(place: Place) -> str:
    """Site path (within a language) of a place's entry in the directory: the district
    federation is on the contacts page itself, every other place on its township's page."""
    if place.kind == "district-federation":
        return f"contacts/#{place.id}"
    return f"{township_path(place.township)}#{place.id}"


def vcard_path(place: Place) -> str:
    return f"contacts/vcard/{place.id}.vcf"
