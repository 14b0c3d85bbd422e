"""What the TUI says after an import: the counts, and for each refused file the reason the CLI gives."""

from __future__ import annotations

from pathlib import Path

from reader.library import ImportReport

#: Refused files listed by name and reason; the rest are counted.
LISTED = 3


def import_summary(path: str, report: ImportReport) -> tuple[str, str]:
    """(message, severity) for a notification."""
    imported, duplicates, refused = (report.count(s) for s in ("imported", "duplicate", "refused"))
    if not report.results:
        return f"Nothing to import in {path}: no .txt, .md or .html files there.", "warning"
    links = report.count("skipped")  # symbolic links leaving the folder, not followed
    skipped = f" {links} link{'s' * (links != 1)} leaving the folder not followed." if links else ""
    lines = [f"Imported {imported}, {duplicates} already there, {refused} refused.{skipped}"]
    bad = [r for r in report.results if r.status == "refused"]
    for r in bad[:LISTED]:
        lines.append(f"{Path(r.path).name}: {r.reason}")
    if len(bad) > LISTED:
        lines.append(f"\u2026 and {len(bad) - LISTED} more; `reader add {path}` lists them all.")
    return "\n".join(lines), "warning" if bad or links or not imported and not duplicates else "information"
