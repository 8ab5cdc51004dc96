"""A web app manifest per language (manifest.webmanifest in its folder), so that she can add
the site to her phone's home screen, and it opens in her language."""

from __future__ import annotations

import json
import posixpath

FILE_NAME = "manifest.webmanifest"
ICONS = (
    ("assets/icons/icon-192.png", "192x192", "any"),
    ("assets/icons/icon-512.png", "512x512", "any"),
    ("assets/icons/maskable-512.png", "512x512", "maskable"),
)


def manifest(
    *, home: str, lang_tag: str, name: str, short_name: str, description: str, colour: str
) -> bytes:
    """The manifest of the language whose folder is `home` ('' or 'en/'); its addresses are
    relative to it, so it works at any site path."""
    folder = home.rstrip("/") or "."
    data = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang_tag,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": colour,  # the header's (data/identity.yml)
        "background_color": "#ffffff",
        "icons": [
            {
                "src": posixpath.relpath(src, folder),
                "sizes": sizes,
                "type": "image/png",
                "purpose": purpose,
            }
            for src, sizes, purpose in ICONS
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
