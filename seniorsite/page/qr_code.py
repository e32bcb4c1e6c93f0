"""QR codes of the toolkit's address, made at build time with segno: an inline SVG for the page and its print, a PNG for documents."""

from __future__ import annotations

import io

import segno
from markupsafe import escape

ERROR_CORRECTION = "m"  # a code still reads with about 15 % of it soiled or torn off
QUIET_ZONE = 4  # the light border round the code, in modules, as the QR standard asks
PNG_SCALE = 10  # pixels per module: the toolkit's address (41 modules with its border) makes a 410 px square
SEGNO_DARK = "#000"  # the colour segno is asked to draw in, replaced in the SVG by the text's colour
TEXT_COLOUR = "currentColor"


def _code(url: str) -> segno.QRCode:
    """Return the QR code (never a Micro QR, which phones do not all read) of an address."""
    return segno.make(url, error=ERROR_CORRECTION, micro=False)


def qr_svg(url: str, label: str) -> str:
    """Return the address's QR code as inline SVG: scalable (a viewBox, no size), named by label, dark modules in the text's colour."""
    svg = _code(url).svg_inline(
        border=QUIET_ZONE, dark=SEGNO_DARK, omitsize=True, svgclass="sv-qr", lineclass=None, title=label,
    )
    svg = svg.replace(f'stroke="{SEGNO_DARK}"', f'stroke="{TEXT_COLOUR}"')
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def qr_png(url: str) -> bytes:
    """Return the address's QR code as a PNG, black on white with its quiet zone, for a document to embed."""
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=PNG_SCALE, border=QUIET_ZONE)
    return buffer.getvalue()
