"""When a page's content last changed: git's last commit of each file it is made from, else the file's own time."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

# The folders whose files make the pages' content.
CONTENT_FOLDERS = ("docs", "data")
COMMIT_MARK = "\x00"  # git writes it for %x00: a commit line, never a file name


def shallow_boundary(project_dir: Path) -> set[str]:
    """Return the commits where a shallow clone's history is cut off (git would date every older file to them)."""
    git_dir = subprocess.run(["git", "rev-parse", "--git-dir"], cwd=project_dir, capture_output=True, text=True, check=False)
    shallow = (project_dir / git_dir.stdout.strip() / "shallow") if git_dir.returncode == 0 else None
    return set(shallow.read_text(encoding="utf-8").split()) if shallow and shallow.is_file() else set()


def git_change_times(project_dir: Path) -> dict[str, datetime]:
    """Return each content file's last commit time (one git call); empty without git or outside a checkout."""
    try:
        completed = subprocess.run(
            ["git", "log", "--format=%x00%H %ct", "--name-only", "--no-renames", "--relative", "--", *CONTENT_FOLDERS],
            cwd=project_dir, capture_output=True, text=True, timeout=60, check=False,
        )
        boundary = shallow_boundary(project_dir)
    except (OSError, subprocess.SubprocessError):
        return {}
    if completed.returncode != 0:
        return {}
    times: dict[str, datetime] = {}
    moment: datetime | None = None
    for row in completed.stdout.splitlines():
        if row.startswith(COMMIT_MARK):
            commit, _, seconds = row[1:].partition(" ")
            # A file first seen at a shallow clone's cut-off commit may be older: git cannot tell, so leave it out.
            moment = None if commit in boundary else datetime.fromtimestamp(int(seconds), UTC)
        elif row and moment is not None:
            times.setdefault(row, moment)
        elif row:
            times.setdefault(row, datetime.min.replace(tzinfo=UTC))
    return {path: moment for path, moment in times.items() if moment.year > 1}


def last_changed(paths: Iterable[str], git_times: dict[str, datetime], project_dir: Path) -> datetime | None:
    """Return the latest change among a page's files: git's time when it knows the file, else the file's modification time."""
    moments = []
    for path in paths:
        if path in git_times:
            moments.append(git_times[path])
        elif (project_dir / path).is_file():
            moments.append(datetime.fromtimestamp((project_dir / path).stat().st_mtime, UTC))
    return max(moments, default=None)
