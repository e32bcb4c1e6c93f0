"""Leave a tool's script out of every page that does not hold the tool, so a first view loads only what it runs."""

from __future__ import annotations

import re

from seniorsite.security_policy import PRIVATE_FORM

# Each tool's script (from extra_javascript in mkdocs.yml) and the markup its start() looks for.
TOOL_SCRIPTS = {
    "catalogue.js": re.compile(r'class="(?:[^"]*\s)?sv-catalogue[\s"]'),
    "copy.js": re.compile(r'class="(?:[^"]*\s)?sv-copy[\s"]'),
    "conversation-form.js": re.compile(rf"<form\b[^>]*\s{PRIVATE_FORM}\b"),
}
SCRIPT_TAG = re.compile(r'<script src="[^"]*assets/javascripts/(?P<name>[\w-]+\.js)"></script>\s*')


def without_unused_tool_scripts(html: str) -> str:
    """Remove the script tag of every tool whose markup the page does not hold."""
    def keep_if_used(match: re.Match[str]) -> str:
        """Keep a script tag unless it is a tool's and the tool is not on the page."""
        marker = TOOL_SCRIPTS.get(match.group("name"))
        return match.group(0) if marker is None or marker.search(html) else ""

    return SCRIPT_TAG.sub(keep_if_used, html)
