"""Content-hashed names for the site's own stylesheets and scripts (docs/assets) and the
package's (served from assets/fedsite/), as
Material gives its own (main.57a0d79d.min.css): a changed file gets a new name, so every asset
can be cached for a year and a deploy never mixes an old page with a new stylesheet. MkDocs has
no such option; mkdocs-minify-plugin's `cache_safe` renames only the files listed in
extra_css and extra_javascript, not the scripts the theme's templates load in <head> or the
posters' stylesheet, so the few lines here do it for all of them. Images keep their names:
editors link them from pages."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from pathlib import Path

FOLDER = "assets"
HASHED = (".css", ".js")


def hashed_names(docs_dir: Path, package: Mapping[str, Path] = {}) -> dict[str, str]:
    """Site path of each asset under docs/assets, and of each of the `package`'s (site path ->
    file), -> its hashed site path ('assets/extra.css' -> 'assets/extra.1a2b3c4d.css'). A
    site's own file at a package asset's path is the one used."""
    files = dict(package)
    for path in sorted((docs_dir / FOLDER).rglob("*")):
        if path.is_file() and path.suffix in HASHED:
            files[path.relative_to(docs_dir).as_posix()] = path
    return {
        site_path: hashed_name(site_path, path.read_bytes()) for site_path, path in files.items()
    }


def hashed_name(site_path: str, content: bytes) -> str:
    """'assets/extra.css' with `content` -> 'assets/extra.1a2b3c4d.css'."""
    digest = hashlib.sha256(content).hexdigest()[:8]
    stem, suffix = posixpath.splitext(site_path)
    return f"{stem}.{digest}{suffix}"
