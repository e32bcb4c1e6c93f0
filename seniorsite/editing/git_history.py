"""When pages and data lines last changed in git; None where git cannot say (no checkout, a shallow clone's edge)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from seniorsite.git_times import line_change_times


def _git(project_dir: Path, *arguments: str) -> str | None:
    """Run one git command in the project; None when git is missing or the folder is not a checkout."""
    try:
        completed = subprocess.run(["git", *arguments], cwd=project_dir, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return completed.stdout if completed.returncode == 0 else None


def _shallow_edge(project_dir: Path) -> set[str]:
    """Return the commits where a shallow clone's history is cut off: files seen first there have no known date."""
    listing = _git(project_dir, "rev-parse", "--git-path", "shallow")
    shallow_file = project_dir / listing.strip() if listing else None
    return set(shallow_file.read_text(encoding="utf-8").split()) if shallow_file and shallow_file.is_file() else set()


def file_change_times(project_dir: Path, folder: str) -> dict[str, datetime]:
    """Return, for every file under folder (as 'docs/x.md'), the time of the last commit that touched it."""
    log = _git(project_dir, "log", "--format=%x00%H %ct", "--name-only", "--no-renames", "--", folder)
    if log is None:
        return {}
    edge = _shallow_edge(project_dir)
    times: dict[str, datetime] = {}
    seen: set[str] = set()
    for record in log.split("\x00")[1:]:
        header, *names = record.strip().splitlines()
        commit, stamp = header.split(" ")
        for name in filter(None, names):
            # A file last seen at a shallow clone's edge may have changed long before: its date is unknown.
            if name not in seen and commit not in edge:
                times[name] = datetime.fromtimestamp(int(stamp), UTC)
            seen.add(name)
    return times


def data_line_times(project_dir: Path, data_file: str) -> dict[int, datetime] | None:
    """Return each committed line's last change time in a data file; None without git history."""
    times = line_change_times(project_dir / data_file)
    if not times:
        return None
    edge_times = {datetime.fromtimestamp(int(stamp), UTC) for stamp in
                  (_git(project_dir, "show", "-s", "--format=%ct", commit) or "" for commit in _shallow_edge(project_dir)) if stamp.strip()}
    return {line: time for line, time in times.items() if time not in edge_times}
