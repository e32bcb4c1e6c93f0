"""Let search run from file://: the iframe-worker shim stands in for the Web Worker Chromium refuses there."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from seniorsite.page.page_scripts import THEME_LOADER_TAG

SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.S)
POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src [^"]*?)(")')
# The inline script the shim writes into its iframe, with its placeholders: ${<function>} and ${<worker url>}.
IFRAME_SCRIPT = re.compile(r"<script>(postMessage=\$\{(?P<post>\w+)\};importScripts=\$\{(?P<imports>\w+)\};.*?)<\\/script>")


def _function_source(script: str, name: str) -> str:
    """Return the source text of the named function in a script (what the browser's toString gives)."""
    start = script.index(f"function {name}(")
    depth = 0
    for at in range(script.index("{", start), len(script)):
        depth += {"{": 1, "}": -1}.get(script[at], 0)
        if depth == 0:
            return script[start:at + 1]
    raise ValueError(f"function {name} in the shim never ends")


def iframe_script(shim: str, worker_url: str) -> str:
    """Return the inline script the shim writes into its iframe for a worker at worker_url."""
    match = IFRAME_SCRIPT.search(shim)
    if not match:
        raise ValueError("the vendored iframe-worker shim no longer writes the expected iframe script")
    body = match.group(1)
    for name in (match.group("post"), match.group("imports")):
        body = body.replace(f"${{{name}}}", _function_source(shim, name))
    return re.sub(r"\$\{\w+\}", lambda _: worker_url, body)


def add_worker_shim(html: str, shim: str) -> str:
    """Load the shim before the theme's bundle (before its loader) and let the page's policy run the shim's iframe script."""
    loader = THEME_LOADER_TAG.search(html)
    config = CONFIG.search(html)
    if not loader or not config:
        return html  # not a theme page: it runs no search
    tag = f'<script src="{loader.group("root")}{SHIM}"></script>'
    html = html[:loader.start()] + tag + html[loader.start():]
    digest = hashlib.sha256(iframe_script(shim, json.loads(config.group("json"))["search"]).encode("utf-8")).digest()
    # By the spec the shim's iframe inherits this policy (Chromium runs it anyway): allow its one inline script by hash.
    return POLICY.sub(lambda m: f"{m.group(1)} 'sha256-{base64.b64encode(digest).decode('ascii')}'{m.group(2)}", html, count=1)
