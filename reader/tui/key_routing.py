"""Keys typed in one burst reach what the burst opened.

A terminal delivers a paste, `tmux send-keys` or quick typing as a burst of keys. Textual routes each key
to the focused widget as soon as the key arrives, so in "/lopez" or "a" + a note, the keys after `/` or `a`
were routed to the list or the reading pane before `/` focused the search box or `a` opened the note editor:
they ran the main screen's keys instead (`o` bookmarked-only, `l` open...). This App base fixes that in one place:

- a key whose widget lost the focus before the key was handled goes again to what has the focus now, when
  that is a text input (the search box, an editor) or a screen opened since;
- while a screen just opened has not focused its input yet, keys wait (in the order typed) and then go to it;
- a question (a screen with FRESH_KEYS_ONLY) is never answered by keys typed before it was shown;
- after a key (other than text typed into an input) the next keys wait until it has done its work: Textual runs
  a key's binding only once the widget has taken the keys behind it, and an action's messages (the list's
  Opened) come later still, so "abc, backspace, d" gave "abc", "a note, ctrl+s, j" put the j into the closing
  editor and "enter, ctrl+f" found no open article.

Screens that open an input on their own screen focus it with Screen.set_focus (at once), not Widget.focus
(which waits behind the keys already queued).
"""

from __future__ import annotations

import time
from typing import Any

from collections.abc import Callable

from textual import events
from textual.app import App, ScreenStackError
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

#: Seconds a newly opened screen has to focus its input; keys wait for it at most this long.
SETTLE = 0.5
#: A key sent on again more often than this is dropped (focus that keeps moving).
MAX_HOPS = 3
#: Seconds the keys after a key wait at most for it (should its KeyHandled be lost with a widget that closed).
IN_FLIGHT_WAIT = 1.0


class KeyHandled(Message):
    """Posted to a widget behind a key: back at the App, that key has been handled. A second round goes behind
    the messages the key's action posted (an article list's Opened, an input's Submitted)."""

    def __init__(self, token: object, rounds: int) -> None:
        super().__init__()
        self.token = token
        self.rounds = rounds


def focus_now(widget: Widget) -> None:
    """Focus a widget at once (Widget.focus waits behind the keys already queued)."""
    widget.screen.set_focus(widget)


class AfterTypedKeys(Message):
    """Runs a callback once the focused widget has handled the keys already sent to it (after_typed_keys)."""

    def __init__(self, callback: Callable[[], Any], rounds: int = 2) -> None:
        super().__init__()
        self.callback = callback
        #: Trips through the focused widget still to make: the second one goes behind the messages (an Input's
        #: Changed) that the widget posted to itself while it handled the keys.
        self.rounds = rounds


def after_typed_keys(screen: Any, callback: Callable[[], Any]) -> None:
    """Run `callback` after the keys typed before it: for a priority binding (one that must win over the
    focused input's own keys, e.g. enter or ctrl+x in a filter box), which otherwise runs as its key arrives,
    before the filter has the letters typed just before it."""
    target = screen.focused or screen
    target.post_message(AfterTypedKeys(callback))  # behind the keys in its queue; it bubbles up to the App


def _takes_text(widget: Widget | None) -> bool:
    return isinstance(widget, (Input, TextArea))


class KeyRoutingApp(App[None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._key_seq = 0  # keys numbered as they arrive, so held keys keep the order they were typed in
        self._held_keys: list[events.Key] = []
        self._settle_until = 0.0
        self._pushed_at_seq: dict[int, int] = {}  # id(screen) -> the last key that arrived before it was shown
        self._release_timer: Timer | None = None
        self._in_flight: object | None = None  # the non-text key an input is handling (its KeyHandled token)
        self._in_flight_until = 0.0

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        self._settle_until = time.monotonic() + SETTLE
        result = super().push_screen(*args, **kwargs)
        self._pushed_at_seq[id(self.screen)] = self._key_seq
        return result

    def pop_screen(self) -> Any:
        result = super().pop_screen()
        if self._in_flight is not None:  # its KeyHandled may have gone with the screen: send one behind the screen now shown
            self._in_flight_until = time.monotonic() + IN_FLIGHT_WAIT
            self._current_target().post_message(KeyHandled(self._in_flight, 2))
        return result

    def _current_target(self) -> Widget:
        return self.focused or self.screen

    def on_after_typed_keys(self, message: AfterTypedKeys) -> None:
        if message.rounds > 1:
            target = self.focused or self.screen
            target.post_message(AfterTypedKeys(message.callback, message.rounds - 1))
        else:
            message.callback()

    # -- arriving keys ----------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and not hasattr(event, "_reader_seq"):
            self._key_seq += 1
            event._reader_seq = self._key_seq  # type: ignore[attr-defined]
            if self._holding():
                self._hold(event)
                return
            if self._too_early(event):
                return
            target = self.focused or self.screen
            event._reader_routed_to = target  # type: ignore[attr-defined]
            await super().on_event(event)
            self._mark_in_flight(event, target)
            return
        await super().on_event(event)

    def _mark_in_flight(self, event: events.Key, target: Widget) -> None:
        """The next keys wait for this one (KeyHandled comes back behind it), except text typed into an input."""
        if _takes_text(target) and event.is_printable:
            return
        token = object()
        self._in_flight, self._in_flight_until = token, time.monotonic() + IN_FLIGHT_WAIT
        target.post_message(KeyHandled(token, 2))

    async def on_key_handled(self, message: KeyHandled) -> None:
        if message.token is not self._in_flight or not self.screen_stack:
            return
        if message.rounds > 1:
            self._in_flight_until = time.monotonic() + IN_FLIGHT_WAIT
            (self.focused or self.screen).post_message(KeyHandled(message.token, message.rounds - 1))
            return
        self._in_flight = None
        if self._held_keys:
            await self._release_held()

    async def _on_key(self, event: events.Key) -> None:
        """A key back at the App (no widget used it): if the focus moved on since it was routed, send it on."""
        routed = getattr(event, "_reader_routed_to", None)
        try:
            if routed is None or not self._went_astray(routed):
                return  # App._on_key runs the bindings as usual
        except ScreenStackError:  # the app is closing
            return
        event.prevent_default()
        hops = getattr(event, "_reader_hops", 0) + 1
        if hops > MAX_HOPS:
            return
        again = events.Key(event.key, event.character)
        again._reader_seq = event._reader_seq  # type: ignore[attr-defined]
        again._reader_hops = hops  # type: ignore[attr-defined]
        await self._route(again)

    def _went_astray(self, routed: Widget) -> bool:
        now = self.focused or self.screen
        if routed is now:
            return False
        try:
            same_screen = routed.screen is self.screen
        except Exception:  # a widget already removed
            same_screen = False
        return not same_screen or _takes_text(self.focused)

    async def _route(self, event: events.Key) -> None:
        """Route a key as the App does with a fresh one (priority bindings first, then the focused widget)."""
        if self._holding():
            self._hold(event)
            return
        if self._too_early(event):
            return
        target = self.focused or self.screen
        event._reader_routed_to = target  # type: ignore[attr-defined]
        if not await self._check_bindings(event.key, priority=True):
            target._forward_event(event)
            self._mark_in_flight(event, target)

    def _too_early(self, event: events.Key) -> bool:
        """A question is answered only by keys typed after it was shown."""
        if not getattr(self.screen, "FRESH_KEYS_ONLY", False):
            return False
        return getattr(event, "_reader_seq", 0) <= self._pushed_at_seq.get(id(self.screen), 0)

    # -- keys waiting for a new screen's input -------------------------------------------------------
    def _waiting(self) -> bool:
        """Keys wait: a non-text key is still at work in an input, or a new screen has not focused its input."""
        now = time.monotonic()
        if self._in_flight is not None:
            if now < self._in_flight_until:
                return True
            self._in_flight = None
        return self.focused is None and now < self._settle_until

    def _holding(self) -> bool:
        return bool(self._held_keys) or self._waiting()

    def _hold(self, event: events.Key) -> None:
        self._held_keys.append(event)
        if self._release_timer is None:
            self._release_timer = self.set_interval(0.01, self._release_held)

    async def _release_held(self) -> None:
        try:
            if self._waiting():
                return
        except ScreenStackError:  # the app is closing: nothing to send the keys to
            return
        if self._release_timer is not None:
            self._release_timer.stop()
            self._release_timer = None
        keys = sorted(self._held_keys, key=lambda k: getattr(k, "_reader_seq", 0))
        self._held_keys = []
        for i, key in enumerate(keys):
            if self._waiting():  # the key just routed is at work in an input: the rest wait again, in order
                self._held_keys = keys[i:] + self._held_keys
                if self._release_timer is None:
                    self._release_timer = self.set_interval(0.01, self._release_held)
                return
            await self._route(key)
