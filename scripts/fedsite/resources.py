"""The package's own files, which every site uses: the theme templates (beneath a site's
overrides/), the stylesheets and scripts every page loads, the data files' JSON Schemas and the
service worker; and where a site serves the assets (assets/fedsite/, beside its own)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
THEME = PACKAGE / "theme"
ASSETS = PACKAGE / "assets"
SCHEMAS = PACKAGE / "schemas"
STRINGS = PACKAGE / "strings"  # the interface strings' defaults, in Chinese and English

ASSET_FOLDER = "assets/fedsite"  # the package's assets in a built site
# Every page's stylesheets, before the site's own extra_css (which can override them), and its
# scripts, deferred, after Material's bundle (main.html loads three more in <head>).
# (identity.css is the site's colours, which the build writes from data/identity.yml.)
IDENTITY_CSS = f"{ASSET_FOLDER}/identity.css"
STYLESHEETS = (
    *(f"{ASSET_FOLDER}/{name}" for name in ("base.css", "public.css")),
    IDENTITY_CSS,
)
SCRIPTS = tuple(f"{ASSET_FOLDER}/{name}" for name in ("keyboard.js", "wechat.js", "offline.js"))
POSTER_STYLESHEET = f"{ASSET_FOLDER}/poster.css"


SCHEMA_COPY = ".fedsite/schemas"  # in a site made by `fedsite new`: its data files name it


def write_schemas(site: Path) -> None:
    """A copy of the package's schemas in a site's .fedsite/schemas/ (git-ignored): the data
    files' first line names them, for editors such as VS Code to complete fields."""
    folder = site / SCHEMA_COPY
    folder.mkdir(parents=True, exist_ok=True)
    for schema in SCHEMAS.glob("*.json"):
        (folder / schema.name).write_bytes(schema.read_bytes())


def package_assets() -> dict[str, Path]:
    """Site path of each of the package's assets -> its file."""
    return {
        f"{ASSET_FOLDER}/{path.name}": path
        for path in sorted(ASSETS.iterdir())
        if path.is_file() and path.suffix in (".css", ".js")
    }
