"""Keep an editor's text from carrying markup or script, and render its Markdown safely."""

from __future__ import annotations

import re
from html import unescape

import markdown
from markupsafe import Markup

# Any tag, comment or processing instruction: `<b>`, `</p>`, `<!--`, `<?`.
HTML_TAG = re.compile(r"<[/!?]?[a-zA-Z]")
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def unsafe_reason(text: str) -> str | None:
    """Say why a text may not be published as it is, or None when it is safe."""
    if HTML_TAG.search(text):
        return "contains HTML (something like <tag>); write plain text or Markdown instead"
    if EVENT_HANDLER.search(text):
        return "contains an event handler (like onclick=); remove it"
    if _SCRIPT_URL.search(text):
        return "contains a javascript:, vbscript: or data: address; use an https:// address"
    return None


def _markdown_without_html() -> markdown.Markdown:
    """Build a Markdown converter that escapes raw HTML instead of passing it through."""
    converter = markdown.Markdown(extensions=["attr_list"], output_format="html")
    # Python-Markdown has no safe mode any more: removing its raw-HTML steps makes it escape tags.
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    return converter


_CONVERTER = _markdown_without_html()


def markdown_to_html(text: str) -> Markup:
    """Render an editor's Markdown to HTML, with any raw HTML shown as text, never run."""
    _CONVERTER.reset()
    return Markup(_CONVERTER.convert(text))


def markdown_to_text(text: str) -> str:
    """Render an editor's Markdown to plain text, one paragraph per line (for calendars and JSON-LD)."""
    html = str(markdown_to_html(text))
    paragraphs = re.split(r"</(?:p|li|h[1-6])>", html)
    plain = (" ".join(unescape(re.sub(r"<[^>]+>", "", part)).split()) for part in paragraphs)
    return "\n".join(part for part in plain if part)
