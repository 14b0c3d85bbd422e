"""`reader import-notes`: bookmarks, notes and corrections from a JSON notes export, validated,
without duplicates, fast at scale and safe to run again after an interruption.

API CONTRACT:
    import_notes(library, text, progress=None) -> ImportNotesReport
        progress(done, total): bookmarks written so far, after each store shard
    ImportNotesReport(added, updated, duplicates, kept_newer, missing_articles: list[str], refused: list[str])
    ImportNotesError(ReaderError): the file as a whole cannot be imported (not JSON, not an export,
        from a newer reader, nested too deeply); one line saying what to do.

Validation (reader.services.notes_schema for bookmarks, reader.services.meta_fields for
corrections, the same rules `reader meta` and the TUI use): each bad article, correction or
bookmark is refused with one line naming it (`refused`), and every good one is imported.

Matching, so that exporting and importing again never duplicates:
    * a bookmark keeps its id across export and import (a new id only if that id is taken here);
    * the same id here: the same bookmark. Its note is replaced when it differs and the file's copy
      is not older than ours (`updated`); a note edited here after the export is kept (kept_newer);
    * else the same quote made at the same time (`created`): the same bookmark, imported before ids
      were kept; else the same quote with the same note: a duplicate; else it is added.
Scale: the bookmarks are written with StateStore.put_bookmarks, one write per shard; each shard is
committed on its own, so a run killed half-way keeps what it wrote and a second run adds the rest.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from reader.errors import ReaderError
from reader.library import Library
from reader.models import Bookmark
from reader.services.meta_fields import valid_corrections
from reader.services.notes_schema import FORMAT_ID, VERSION, BookmarkError, check_article_id, check_bookmark


class ImportNotesError(ReaderError):
    """The notes file cannot be imported."""


@dataclass
class ImportNotesReport:
    added: int = 0
    updated: int = 0
    duplicates: int = 0
    #: notes edited here after the file was exported: ours kept
    kept_newer: int = 0
    missing_articles: list[str] = field(default_factory=list)
    #: one line per refused article, correction or bookmark, naming it
    refused: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def load(text: str) -> dict[str, Any]:
    """The notes document, or ImportNotesError with one line."""
    try:
        doc = json.loads(text.removeprefix("\ufeff"))  # a byte-order mark from an editor that saved it
    except RecursionError:
        raise ImportNotesError(
            "The notes file nests brackets too deeply to be a reader export; give a file written by `reader export --format json`."
        ) from None
    except ValueError as exc:
        msg = getattr(exc, "msg", "not valid JSON")
        raise ImportNotesError(f"The notes file is not JSON ({msg}); give a file written by `reader export --format json`.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_ID or not isinstance(doc.get("articles"), list):
        raise ImportNotesError("The file is not a reader notes export; give a file written by `reader export --format json`.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportNotesError(
            f"The notes file's version {version!r:.20} is not a version number; give a file written by `reader export --format json`."
        )
    if version > VERSION:
        raise ImportNotesError("The notes file was written by a newer reader; upgrade reader to import it.")
    return doc


class _Matcher:
    """The bookmarks already here (and those added by this import) of one article."""

    def __init__(self, existing: list[Bookmark]) -> None:
        self.by_id = {b.id: b for b in existing}
        self.by_made = {(b.created, b.quote): b for b in existing}
        self.by_text = {(b.quote, b.note) for b in existing}

    def add(self, bm: Bookmark, *, made: bool = True) -> None:
        """made: also match it by quote and creation time (only bookmarks from before this import:
        two of one file made in the same second on the same quote are two bookmarks)."""
        self.by_id[bm.id] = bm
        if made:
            self.by_made[(bm.created, bm.quote)] = bm
        self.by_text.add((bm.quote, bm.note))


def import_notes(
    library: Library, text: str, progress: Callable[[int, int], Any] | None = None
) -> ImportNotesReport:
    doc = load(text)
    report = ImportNotesReport()
    index = {s.id for s in library.summaries()}
    here = library.state.bookmarks()
    all_ids = {b.id for b in here}
    matchers: dict[str, _Matcher] = {}
    for b in here:
        matchers.setdefault(b.article_id, _Matcher([])).add(b)
    corrections: dict[str, dict[str, Any]] = {}
    writes: dict[str, Bookmark] = {}  # by id: the last word wins within one file
    now = _now()

    for n, art in enumerate(doc["articles"], start=1):
        try:
            aid = check_article_id(art)
        except BookmarkError as exc:
            report.refused.append(f"article {n}: {exc}")
            continue
        name = f"article {aid[:10]}"
        if aid not in index:
            report.missing_articles.append(aid)
            continue
        raw_fix = art.get("corrections")
        if raw_fix is not None:
            good, errors = valid_corrections(raw_fix)
            report.refused += [f"{name}: correction refused: {e}" for e in errors]
            current = library.state.get_meta(aid)
            new = {k: v for k, v in good.items() if k not in current}
            if new:
                corrections[aid] = new
        marks = art.get("bookmarks")
        if marks is None:
            continue
        if not isinstance(marks, list):
            report.refused.append(f"{name}: its bookmarks are not a list; export it again with `reader export --format json`.")
            continue
        match = matchers.setdefault(aid, _Matcher([]))
        for j, raw in enumerate(marks, start=1):
            try:
                bm = check_bookmark(raw, aid, now)
            except BookmarkError as exc:
                report.refused.append(f"{name}, bookmark {j}: {exc}")
                continue
            old = match.by_id.get(bm.id) or match.by_made.get((bm.created, bm.quote))
            if old is not None:
                if old.note == bm.note:
                    report.duplicates += 1
                elif bm.updated >= old.updated:
                    changed = replace(old, note=bm.note, updated=max(now, bm.updated))
                    writes[old.id] = changed
                    match.add(changed, made=False)
                    report.updated += 1
                else:
                    report.kept_newer += 1
                continue
            if (bm.quote, bm.note) in match.by_text:
                report.duplicates += 1
                continue
            if bm.id in all_ids or not bm.id:
                bm = replace(bm, id=uuid.uuid4().hex[:12])
            if not bm.updated:
                bm = replace(bm, updated=bm.created)
            all_ids.add(bm.id)
            match.add(bm, made=False)
            writes[bm.id] = bm
            report.added += 1

    if corrections:
        with library.state.batch():
            for aid, fields in corrections.items():
                library.state.set_meta(aid, fields)
        library.search_corrected(list(corrections))  # the search index follows (title:, author:...)
    if writes:
        library.state.put_bookmarks(list(writes.values()), progress)
    return report
