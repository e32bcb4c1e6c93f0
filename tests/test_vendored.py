"""Vendored browser libraries: each is the pinned npm release, byte for byte, with its licence beside it."""

from __future__ import annotations

import json

from tests.helpers import PROJECT

VENDOR = PROJECT / "docs" / "assets" / "javascripts" / "vendor"


def test_fflate_is_the_pinned_npm_release() -> None:
    """vendor/fflate.js is fflate's own UMD build of the version package.json pins, and its MIT licence is vendored with it."""
    pinned = json.loads((PROJECT / "package.json").read_text(encoding="utf-8"))["dependencies"]["fflate"]
    locked = json.loads((PROJECT / "package-lock.json").read_text(encoding="utf-8"))["packages"]["node_modules/fflate"]
    installed = PROJECT / "node_modules" / "fflate"
    assert locked["version"] == pinned == json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"]
    assert (VENDOR / "fflate.js").read_bytes() == (installed / "umd" / "index.js").read_bytes()
    assert (VENDOR / "fflate.LICENSE.txt").read_bytes() == (installed / "LICENSE").read_bytes()
