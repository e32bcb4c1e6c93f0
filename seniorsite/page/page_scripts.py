"""A page's scripts as written: only its own tools' scripts and styles, its colour scheme before its first paint, the theme's script on demand."""

from __future__ import annotations

import re
from collections.abc import Callable

from seniorsite.page.security_policy import PRIVATE_FORM

# Each private form (seniorsite/page/security_policy.py) has its own script and styles: the conversation form by its id,
# the senior-policy builder by its data attribute.
CONVERSATION_FORM_TAG = re.compile(rf'<form\b(?=[^>]*\s{PRIVATE_FORM}\b)[^>]*\sid="sv-conversation"')
POLICY_FORM_TAG = re.compile(rf"<form\b(?=[^>]*\s{PRIVATE_FORM}\b)[^>]*\sdata-policy-form\b")
# Each tool's script (from extra_javascript in mkdocs.yml) and the markup its start() looks for.
TOOL_SCRIPTS = {
    "catalogue.js": re.compile(r'class="(?:[^"]*\s)?sv-catalogue[\s"]'),
    "copy.js": re.compile(r'class="(?:[^"]*\s)?sv-copy[\s"]'),
    "conversation-form.js": CONVERSATION_FORM_TAG,
    "policy-form.js": POLICY_FORM_TAG,
    "details-opener.js": re.compile(r"<div\b[^>]*\sdata-details-opener\b"),
    "poster.js": re.compile(r'class="(?:[^"]*\s)?sv-poster[\s"]'),
}
# Each tool's stylesheet (from extra_css in mkdocs.yml) and the markup its rules style.
TOOL_STYLESHEETS = {
    "events.css": re.compile(r'class="(?:[^"]*\s)?sv-(?:event|next-event)[\s"]'),
    "catalogue.css": re.compile(r'class="(?:[^"]*\s)?sv-(?:catalogue|cards|card|facts|filter)[\s"]'),
    "conversation-form.css": CONVERSATION_FORM_TAG,
    "policy-form.css": POLICY_FORM_TAG,
    "texts.css": re.compile(r'class="(?:[^"]*\s)?(?:copy-text|sv-fill|sv-details-opener)[\s"]'),
    "poster.css": re.compile(r'class="(?:[^"]*\s)?sv-poster[\s"]'),
    "handouts.css": re.compile(r'class="(?:[^"]*\s)?sv-handouts[\s"]'),
}
SCRIPT_TAG = re.compile(r'<script src="[^"]*assets/javascripts/(?P<name>[\w-]+\.js)"></script>\s*')
STYLESHEET_TAG = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/(?P<name>[\w-]+\.css)">\s*')


def without_unused_tool_assets(html: str) -> str:
    """Remove the script and stylesheet tags of every tool whose markup the page does not hold."""
    def keeper(markers: dict[str, re.Pattern[str]]) -> Callable[[re.Match[str]], str]:
        """Return a replacement that keeps a tag unless it is a tool's and the tool is not on the page."""
        def keep_if_used(match: re.Match[str]) -> str:
            """Keep the tag, or drop it when its tool's markup is not on the page."""
            marker = markers.get(match.group("name"))
            return match.group(0) if marker is None or marker.search(html) else ""
        return keep_if_used

    return STYLESHEET_TAG.sub(keeper(TOOL_STYLESHEETS), SCRIPT_TAG.sub(keeper(TOOL_SCRIPTS), html))

# The theme's script tag as the theme writes it, and the tag of docs/assets/javascripts/theme-on-demand.js that stands
# in its place: the loader names the bundle, and loads it at the reader's first act.
THEME_LOADER = "assets/javascripts/theme-on-demand.js"
THEME_BUNDLE_TAG = re.compile(r'<script src="(?P<root>[^"]*)(?P<bundle>assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
THEME_LOADER_TAG = re.compile(rf'<script src="(?P<root>[^"]*){re.escape(THEME_LOADER)}" data-theme-bundle="[^"]*"></script>')


def with_theme_on_demand(html: str) -> str:
    """Replace the theme's script tag with the loader that loads it at the reader's first act."""
    return THEME_BUNDLE_TAG.sub(
        lambda match: f'<script src="{match["root"]}{THEME_LOADER}" data-theme-bundle="{match["root"]}{match["bundle"]}"></script>',
        html, count=1)


# A table from Markdown, and the frame the theme's script puts round it (so a wide table scrolls in its frame).
# Written into the page, so the table sits in its frame before the script loads and nothing moves when it does.
TABLE_TAG = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
TABLE_FRAME = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>{body}</table></div></div>'


def with_table_frames(html: str) -> str:
    """Put every table without a class in the frame the theme's script would put it in."""
    return TABLE_TAG.sub(lambda match: TABLE_FRAME.format(body=match["body"]), html)


# The system's light or dark setting, followed from before the first paint (the theme's own toggle would store the
# choice in localStorage, which this site never uses). Inline, first in the body, because an external script at the
# end of the body runs after a first paint in the light scheme, and the theme's colour transitions then fade every
# link from light to dark. Its hash is in the page's Content-Security-Policy (security_policy.py).
SCHEME_SCRIPT = (  # "slate" and "default" are the theme's names for the dark and light schemes, as in site.css
    '(function(){var d=window.matchMedia&&matchMedia("(prefers-color-scheme: dark)");'
    'function f(){document.body.setAttribute("data-md-color-scheme",d&&d.matches?"slate":"default")}'
    'f();d&&d.addEventListener&&d.addEventListener("change",f)})()'
)
BODY_TAG = re.compile(r"<body\b[^>]*>")


def with_scheme_before_first_paint(html: str) -> str:
    """Put the script that follows the system's light or dark setting first in the body."""
    return BODY_TAG.sub(lambda match: f"{match[0]}<script>{SCHEME_SCRIPT}</script>", html, count=1)


def with_page_scripts(html: str) -> str:
    """Return a written page with only its tools' scripts and styles, its scheme before its first paint, the theme's script on demand and its tables framed."""
    return with_scheme_before_first_paint(with_table_frames(with_theme_on_demand(without_unused_tool_assets(html))))
