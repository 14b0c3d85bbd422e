"""The main screen's entity corrections (issue 14): rename (r), type (t), hide (x), merge (M) and
undo (z) from the entity panel, adding a missed entity from the reading pane's selection (+), and
the whole library's entities screen (E). Each opens a small dialog with a scope choice (this
article or the whole library); the Library records the correction, and the article is reopened so
the panel, the highlights and the `f` filter show it at once."""

from __future__ import annotations

from typing import Any

from reader.errors import ReaderError
from reader.models import Entity
from reader.tui.screens.entity_dialogs import EntityDialog, EntityEdit
from reader.tui.textkit import one_line


def ref(entity: Any) -> str:
    """How the library names an entity unambiguously: "Name (type)"."""
    return f"{entity.name} ({entity.type})"


def merge_candidates(entity: Any, here: list[Entity], library: list[Any]) -> list[tuple[str, str]]:
    """(label, ref) of every entity one may merge into `entity`: this article's first, then the library's."""
    out, seen = [], {(entity.name, entity.type)}
    for e in here:
        if (e.name, e.type) not in seen:
            seen.add((e.name, e.type))
            out.append((f"{one_line(e.name)} ({e.type}) \u00b7 in this article", ref(e)))
    for g in library:
        if (g.name, g.type) not in seen:
            seen.add((g.name, g.type))
            out.append((f"{one_line(g.name)} ({g.type}) \u00b7 {len(g.articles)} art.", ref(g)))
    return out


class EntityActions:
    """Mixed into MainScreen (which supplies library, document, pane, entity_panel, app, notify)."""

    library: Any
    document: Any
    pane: Any
    entity_panel: Any

    # -- from the entity panel -------------------------------------------------------------------
    def on_entity_panel_correction_requested(self, event: Any) -> None:
        event.stop()
        if event.op == "undo":
            self.action_undo_entity()
            return
        ent = event.entity
        if ent is None or self.document is None:
            self.notify("Highlight an entity in the entity panel first.", severity="warning")
            return
        self.correct(event.op, ent, article_id=self.document.article.id)

    def correct(self, op: str, ent: Any, *, article_id: str | None, scope_choice: bool = True,
                done: Any = None) -> None:
        """Open the dialog for one correction of `ent`; the library call happens when it is applied."""
        candidates = None
        if op == "merge":
            here = self.document.article.entities if self.document is not None and article_id else []
            candidates = merge_candidates(ent, here, self.app.guard(self.library.library_entities) or [])

        def apply(edit: EntityEdit) -> str | None:
            scope = article_id if edit.article_only else None
            value = edit.value if op in ("rename", "merge") else edit.type
            try:
                c = self.library.correct_entity(op, ref(ent), value, article=scope)
            except (ReaderError, OSError) as exc:
                return str(exc)
            keep = {"rename": (edit.value, ent.type), "type": (ent.name, edit.type or ent.type),
                    "merge": (ent.name, ent.type)}.get(op)
            (done or self.entity_corrected)(c, keep)
            return None

        self.app.push_screen(EntityDialog(op, ent.name, text=ent.name, kind=ent.type, candidates=candidates,
                                          scope_choice=scope_choice, apply=apply))

    def entity_corrected(self, correction: dict | None, keep: tuple[str, str] | None = None,
                         verb: str = "") -> None:
        """Show the open article again with the corrections applied, and say what changed."""
        if self.document is not None:
            had_focus, index = self.entity_panel.has_focus, self.entity_panel.highlighted
            self.open_article(self.document.article.id, position=self.pane.cursor)
            if keep is not None:
                self.entity_panel.highlight_named(*keep)
            elif index is not None:  # stay where the hidden one was
                self.entity_panel.highlight_near(index)
            if had_focus:
                self.entity_panel.focus()
        if correction is not None:
            text = self.library.describe_correction(correction)
            self.notify(f"{verb}{text[0].upper() if not verb else text[0]}{text[1:]}."
                        + ("" if verb else " z in the entity panel undoes it."), timeout=5)

    def action_undo_entity(self) -> None:
        c = self.app.guard(self.library.undo_entity_correction)
        if c is None:
            self.notify("No entity correction to undo.", timeout=3)
            return
        self.entity_corrected(c, verb="Undone: ")

    # -- from the reading pane: an entity the extractor missed ----------------------------------------
    def action_add_entity(self) -> None:
        passage = self._passage_or_hint()
        if passage is None:
            return
        article = self.document.article

        def apply(edit: EntityEdit) -> str | None:
            try:
                c = self.library.add_entity(article.id, edit.value, edit.type or "person",
                                            library_wide=not edit.article_only)
            except (ReaderError, OSError) as exc:
                return str(exc)
            self.entity_corrected(c, (c["name"], c["type"]))
            return None

        self.app.push_screen(EntityDialog("add", text=passage.text, kind="person", article_only=True, apply=apply))

    # -- the whole library ------------------------------------------------------------------------
    def action_entities(self) -> None:
        from reader.tui.screens.entities import EntitiesScreen

        def done(entity: Any) -> None:
            if self.document is not None:
                self.entity_corrected(None)
            if entity is None:
                return
            self.filter_by_articles(one_line(entity.name), set(entity.articles), (entity.name, *entity.aliases))

        self.app.push_screen(EntitiesScreen(self.library), done)

    def filter_by_articles(self, name: str, ids: set[str], aliases: tuple[str, ...] = ()) -> None:
        from reader.services.list_query import EntityFilter
        from reader.wording import counted

        # the aliases find the articles again when the next run restores the filter
        self.list_query = self.list_query.changed(entity=EntityFilter(name, frozenset(ids), tuple(sorted(set(aliases)))))
        self.article_list.focus()
        self.notify(f"{counted(len(ids), 'article', 'mentions')} {name}; {self.app.key_for('clear-entity-filter', 'F')} clears.",
                    timeout=3)
