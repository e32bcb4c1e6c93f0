"""The live preview (`make serve`): an editor saves a page and the open browser shows the change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PROJECT, copy_project
from tests.live_preview import SERVE_SCRIPT, SHOW_SECONDS, edit_to_screen_seconds, serve_environment


def test_make_serve_leaves_out_the_pdfs_the_word_files_and_the_offline_zip() -> None:
    """The preview skips the slow whole-site work, so a reload stays quick."""
    assert serve_environment() == {"SENIORSITE_PDF": "0", "SENIORSITE_OFFLINE": "0", "SENIORSITE_WORD": "0"}


def test_make_serve_runs_the_quick_watcher() -> None:
    """`make serve` runs the same command the preview is timed with (MkDocs with a 0.1 s watcher)."""
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert f"$(SERVE_ENV) $(BIN)/python {SERVE_SCRIPT.relative_to(PROJECT)} serve --strict" in makefile


@pytest.mark.browser
def test_a_saved_edit_shows_in_the_open_page(browser: object, tmp_path: Path) -> None:
    """Live reload works under the page's security policy: an appended word appears without touching the browser."""
    seconds = edit_to_screen_seconds(copy_project(tmp_path / "project"), serve_environment(), edits=2, browser=browser)
    assert len(seconds) == 2 and max(seconds) < SHOW_SECONDS
