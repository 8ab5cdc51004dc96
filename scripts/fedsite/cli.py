"""The `fedsite` command, with subcommands as `mkdocs` and `hugo` have them:

    fedsite new DIR            a new site, that builds at once
    fedsite check              the editors' and CI's check (was fedsite-check)
    fedsite translations       the translations' status, and `stamp` (was fedsite-translations)
    fedsite language add CODE  add a language (remove CODE takes one out), and say what to translate
    fedsite audit [SITE]       the quality walk of a built site (axe, links, requests...)
    fedsite deploy-s3          publish to S3-compatible storage (was fedsite-deploy-s3)
    fedsite icons              the home-screen icons, from the favicon
    fedsite build | serve      mkdocs build / serve, after reading mkdocs.yml safely
    fedsite version

Each subcommand takes its own options (`fedsite check --help`). The old commands still work.
`build` and `serve` check mkdocs.yml as data first (environment/mkdocs_yml.py): MkDocs' own loader
runs a Python tag in it before any plugin can look, this check never does. They run MkDocs in
a process of its own: the engine never imports MkDocs (only the plugin does)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from fedsite import __version__

USAGE = __doc__.split("\n\n")[1]


def _check(argv: list[str]) -> int:
    from fedsite.check_command import main

    return main(argv)


def _translations(argv: list[str]) -> int:
    from fedsite.translations import main

    return main(argv)


def _language(argv: list[str]) -> int:
    from fedsite.language_command import main

    return main(argv)


def _audit(argv: list[str]) -> int:
    try:
        from fedsite.audit.command import main

        return main(argv)
    except ImportError as exc:  # its optional dependencies (Beautiful Soup, Playwright)
        missing = f"fedsite audit: {exc.name} is missing: pip install 'fedsite[audit]'"
        print(missing, file=sys.stderr)
        return 1


def _deploy(argv: list[str]) -> int:
    from fedsite.deploy_s3 import main

    return main(argv)


def _new(argv: list[str]) -> int:
    from fedsite.new_site import main

    return main(argv)


def build_site(
    project: Path,
    site: Path,
    *,
    today: str | None = None,
    site_url: str | None = None,
    strict: bool = True,
    quiet: bool = False,
    capture: bool = False,
    environ: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess:
    """`mkdocs build` of the site at `project` into `site`, in a process of its own: the one
    recipe the tests, benchmarks and tools share. `today` pins the build's day (SITE_TODAY),
    `site_url` its address (SITE_URL); with `capture`, its output is kept (as text); `quiet`
    leaves out MkDocs' messages but errors (its warnings too: not for editors)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(environ or {})}
    if today:
        env["SITE_TODAY"] = today
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    return subprocess.run(
        command + (["--strict"] if strict else []) + (["--quiet"] if quiet else []),
        cwd=project,
        env=env,
        capture_output=capture,
        text=True,
        check=False,
    )


def _mkdocs(command: str) -> Callable[[list[str]], int]:
    def run(argv: list[str]) -> int:
        from fedsite.environment.mkdocs_yml import config_problems
        from fedsite.messages.problems import editor_language

        config = Path(_option(argv, "-f", "--config-file") or "mkdocs.yml")
        problems = config_problems(config) if config.is_file() else []
        if problems:
            language = editor_language()
            for problem in problems:
                print(problem.format(config.parent, language), file=sys.stderr)
            return 1
        # (Material's end-of-life banner is for whoever maintains fedsite, not for editors.)
        environ = {**os.environ, "NO_MKDOCS_2_WARNING": os.environ.get("NO_MKDOCS_2_WARNING", "1")}
        return subprocess.call([sys.executable, "-m", "mkdocs", command, *argv], env=environ)

    return run


def _option(argv: list[str], *names: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg in names and index + 1 < len(argv):
            return argv[index + 1]
        for name in names:
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.split("=", 1)[1]
    return None


def _icons(argv: list[str]) -> int:
    from fedsite.icons import main

    return main(argv)


def _version(argv: list[str]) -> int:
    print(f"fedsite {__version__}")
    return 0


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "new": _new,
    "check": _check,
    "translations": _translations,
    "language": _language,
    "audit": _audit,
    "deploy-s3": _deploy,
    "icons": _icons,
    "build": _mkdocs("build"),
    "serve": _mkdocs("serve"),
    "version": _version,
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "help"):
        print(f"usage: fedsite COMMAND [options]\n\n{USAGE}")
        return 0 if args else 2
    if args[0] in ("-V", "--version"):
        return _version([])
    command = COMMANDS.get(args[0])
    if command is None:
        import difflib

        close = difflib.get_close_matches(args[0], COMMANDS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        print(f"fedsite: no command '{args[0]}'{hint}\n\n{USAGE}", file=sys.stderr)
        return 2
    return command(args[1:])


if __name__ == "__main__":
    sys.exit(main())
