"""A Content-Security-Policy for each page, delivered in a <meta> tag, allowing only this site."""

from __future__ import annotations

import base64
import hashlib
import re

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
# A page holding a private form (the conversation form) may send it nowhere, not even to this site.
PRIVATE_FORM = "data-private-form"

# Everything from this site only; data: images are the theme's inline SVG icons in its CSS.
BASE_POLICY = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_scripts(html: str) -> list[str]:
    """Return the text of every inline script in a page that the browser would run."""
    scripts = []
    for match in SCRIPT.finditer(html):
        attributes = match.group("attributes")
        kind = TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.I) or (kind and kind.group(1).lower() not in EXECUTABLE_TYPES):
            continue
        scripts.append(match.group("body"))
    return scripts


def inline_script_hashes(html: str) -> list[str]:
    """Return the CSP hash source of every inline script the browser would run."""
    digests = (hashlib.sha256(script.encode("utf-8")).digest() for script in inline_scripts(html))
    return sorted({f"'sha256-{base64.b64encode(digest).decode('ascii')}'" for digest in digests})


# `mkdocs serve` adds its live-reload script to each page as it sends it, with numbers that change per
# request, so no hash can allow it: the preview (never the build) allows inline scripts instead.
LIVE_RELOAD_SCRIPTS = "script-src 'self' 'unsafe-inline'"


def policy_for(html: str, live_reload: bool = False) -> str:
    """Return the policy for one page: this site only, plus the page's own inline scripts by hash (any inline script under serve)."""
    script_src = LIVE_RELOAD_SCRIPTS if live_reload else " ".join(["script-src 'self'", *inline_script_hashes(html)])
    policy = [*BASE_POLICY, script_src]
    if PRIVATE_FORM in html:
        policy = ["form-action 'none'" if rule.startswith("form-action") else rule for rule in policy]
    return "; ".join(policy)


def add_security_policy(html: str, live_reload: bool = False) -> str:
    """Insert the page's Content-Security-Policy right after its charset, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, live_reload)}">'
    match = CHARSET.search(html)
    if not match:
        raise ValueError("the page has no <meta charset> to place the security policy after")
    return html[: match.end()] + tag + html[match.end():]
