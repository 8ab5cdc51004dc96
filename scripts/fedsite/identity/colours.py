"""The site's colours, from the one its identity gives: the header and links in it, lighter and
darker shades for hover and the dark scheme, a near-black of it for the help bar; written as the
CSS custom properties Material and the package's stylesheets use (assets/fedsite/identity.css).
Mixing with white or black keeps the hue, and a shade checked here keeps text readable.

Written by hand rather than with a colour library: mixing two sRGB colours and WCAG's contrast
ratio are a few lines each."""

from __future__ import annotations

WHITE, BLACK = "#ffffff", "#000000"
SLATE_BACKGROUND = "#1e2129"  # Material's dark scheme


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def mix(colour: str, other: str, share: float) -> str:
    """`colour` with `share` (0 to 1) of `other` in it."""
    return "#" + "".join(
        f"{round(a + (b - a) * share):02x}" for a, b in zip(_rgb(colour), _rgb(other), strict=True)
    )


def _luminance(colour: str) -> float:
    channels = [c / 255 for c in _rgb(colour)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG 2.1's contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_tint(colour: str, background: str, ratio: float = 7.0) -> str:
    """The least lightened tint of `colour` that reads at `ratio` on a dark `background`."""
    for step in range(101):
        tint = mix(colour, WHITE, step / 100)
        if contrast(tint, background) >= ratio:
            return tint
    return WHITE


def _alpha(colour: str, alpha: float) -> str:
    red, green, blue = _rgb(colour)
    return f"rgba({red}, {green}, {blue}, {alpha})"


def identity_css(primary: str) -> str:
    """The stylesheet of a site whose main colour is `primary` (#rrggbb, readable on white)."""
    dark = mix(primary, BLACK, 0.23)
    link_on_dark = readable_tint(primary, SLATE_BACKGROUND)
    accent_on_dark = readable_tint(primary, SLATE_BACKGROUND, 9.0)
    light_scheme = {
        "--md-primary-fg-color": primary,
        "--md-primary-fg-color--light": mix(primary, WHITE, 0.15),
        "--md-primary-fg-color--dark": dark,
        "--md-primary-bg-color": WHITE,
        "--md-primary-bg-color--light": "rgba(255, 255, 255, 0.85)",
        "--md-accent-fg-color": dark,
        "--md-accent-fg-color--transparent": _alpha(primary, 0.1),
        "--md-typeset-a-color": primary,
        # The help bar above the header: a near-black of the colour, white text at 12:1 or more.
        "--fs-help-bg": mix(primary, BLACK, 0.58),
    }
    dark_scheme = {
        "--md-primary-fg-color": dark,
        "--md-primary-fg-color--light": primary,
        "--md-primary-fg-color--dark": mix(primary, BLACK, 0.45),
        "--md-accent-fg-color": accent_on_dark,
        "--md-accent-fg-color--transparent": _alpha(accent_on_dark, 0.1),
        "--md-typeset-a-color": link_on_dark,
    }

    def block(selector: str, values: dict[str, str]) -> str:
        lines = "".join(f"  {name}: {value};\n" for name, value in values.items())
        return f"{selector} {{\n{lines}}}\n"

    return (
        "/* Written by the build from data/identity.yml's colour. */\n"
        + block(':root,\n[data-md-color-scheme="default"]', light_scheme)
        + block('[data-md-color-scheme="slate"]', dark_scheme)
    )
