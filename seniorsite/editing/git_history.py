"""When each line of a data file last changed in git; None where git cannot say (no checkout, a shallow clone's edge)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from seniorsite.data.git_times import line_change_times
from seniorsite.page.last_changed import shallow_boundary


def data_line_times(project_dir: Path, data_file: str) -> dict[int, datetime] | None:
    """Return each committed line's last change time in a data file; None without git history."""
    times = line_change_times(project_dir / data_file)
    if not times:
        return None
    # A line blamed on a shallow clone's cut-off commit may be older: git cannot tell, so leave it out.
    edge_times = set()
    for commit in shallow_boundary(project_dir):
        shown = subprocess.run(["git", "show", "-s", "--format=%ct", commit], cwd=project_dir, capture_output=True, text=True, check=False)
        if shown.returncode == 0 and shown.stdout.strip():
            edge_times.add(datetime.fromtimestamp(int(shown.stdout.strip()), UTC))
    return {line: time for line, time in times.items() if time not in edge_times}
