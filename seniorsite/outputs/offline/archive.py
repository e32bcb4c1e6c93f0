"""Write a folder as a zip that is the same, byte for byte, whenever the folder and the moment are."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644  # a regular file, readable by all
UNIX = 3


def zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """Return the moment as a zip entry's time (which has no zone and starts in 1980)."""
    return max(EARLIEST_ZIP_TIME, moment.timetuple()[:6])


def write_zip(folder: Path, target: Path, top: str, moment: datetime) -> int:
    """Zip every file of a folder below one top folder, sorted, dated at moment; return the file count."""
    files = sorted((path for path in folder.rglob("*") if path.is_file()), key=lambda path: path.relative_to(folder).as_posix())
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=zip_time(moment))
            entry.create_system = UNIX
            entry.external_attr = FILE_MODE << 16
            archive.writestr(entry, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return len(files)
