"""An editor's edit not committed yet: the translation status (and so `make serve` and the build) still works."""

from __future__ import annotations

import subprocess
from pathlib import Path

from seniorsite.editing.translation_status import translation_status
from tests.helpers import copy_project


def test_an_uncommitted_line_in_a_data_text_leaves_it_undated(tmp_path: Path) -> None:
    """One changed line of a committed multi-line answer: that text is undated, its twin keeps its date, nothing fails."""
    project = copy_project(tmp_path / "project")
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Both languages"], cwd=project, check=True)
    faq = project / "data" / "faq.yml"
    lines = faq.read_text(encoding="utf-8").splitlines(keepends=True)
    block = next(i for i, line in enumerate(lines) if line.strip() == "da: |" and lines[i + 2].strip())  # an answer of two lines or more
    lines[block + 2] = lines[block + 2].rstrip("\n") + " Rettet.\n"
    faq.write_text("".join(lines), encoding="utf-8")
    status = translation_status(project)  # used to stop with "can't compare offset-naive and offset-aware datetimes"
    twin = next(twin for twin in status.twins if twin.kind == "data" and twin.lines.get("da") == block + 1)
    assert twin.changed["da"] is None and twin.changed["en"] is not None
    assert twin not in status.waiting  # undated: not claimed to be older or newer
