"""The article list's state is one immutable ListQuery, run the same way by the TUI and `reader list`."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from reader.library import Summary
from reader.services.list_query import SORTS, EntityFilter, ListQuery
from reader.tui.listing import Listing


def rows() -> list[Summary]:
    return [
        Summary("a1", "Iran talks resume", ["Ana Ruiz"], "Al Jazeera", "2023-06-20", "2024-01-01T00:00:01", 100),
        Summary("b2", "Harbour cranes", ["Tom Bell"], "The Guardian", "2021-01-02", "2024-01-01T00:00:03", 50),
        Summary("c3", "Night trains", [], "Reuters", None, "2024-01-01T00:00:02", 70, section="Iran"),
    ]


def test_a_query_is_immutable_and_changes_make_new_values():
    q = ListQuery()
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.text = "x"  # type: ignore[misc]
    assert q.changed(text="iran") == ListQuery(text="iran") and q == ListQuery()
    assert [q.next_sort().sort, q.next_sort().next_sort().sort, q.next_sort().next_sort().next_sort().sort] == [
        "date", "title", "added"]
    with pytest.raises(ValueError):
        ListQuery(sort="rating")


@pytest.mark.parametrize(
    "text,sort,unread,marked,entity",
    list(itertools.product(["", "iran", "night reuters"], SORTS, [False, True], [False, True], [None, {"a1", "c3"}])),
)
def test_the_tui_listing_and_the_cli_show_the_same_rows(text, sort, unread, marked, entity):
    ent = EntityFilter("Iran", frozenset(entity)) if entity else None
    q = ListQuery(text, sort, unread, marked, ent)
    read, bookmarked = frozenset({"a1"}), frozenset({"a1", "b2"})
    listing = Listing()
    listing.load(rows())
    assert [s.id for s in listing.run(q, read, bookmarked)] == [s.id for s in q.apply(rows(), read, bookmarked)]


def test_flags_describe_the_query():
    q = ListQuery(sort="date", unread_only=True, bookmarked_only=True, entity=EntityFilter("[b]X[/b]", frozenset()))
    assert q.flags() == ["by date", "unread", "\u2605", "\u2316 [b]X[/b]"]


def test_a_query_round_trips_without_its_entity_and_tolerates_junk():
    q = ListQuery("iran", "date", True, False, EntityFilter("X", frozenset({"a1"})))
    assert ListQuery.from_dict(q.to_dict()) == q.changed(entity=None)
    assert ListQuery.from_dict({"sort": "rating", "text": 3, "unread_only": "yes"}) == ListQuery()
    assert ListQuery.from_dict(None) == ListQuery()
