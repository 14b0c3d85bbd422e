"""The command palette provider: every action of the current screen and its panels,
plus one entry per citation style."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from reader.services import cite
from reader.tui.keys import bindings_of, effective_keys, key_label


class ReaderCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, object]]:
        from reader.tui.screens.main import MainScreen
        from reader.tui.widgets.article_list import ArticleList
        from reader.tui.widgets.entity_panel import EntityPanel
        from reader.tui.widgets.reading_pane import ReadingPane

        screen = self.screen
        nodes: list[DOMNode] = [screen]
        if isinstance(screen, MainScreen):
            nodes += [*screen.query(ArticleList), *screen.query(ReadingPane), *screen.query(EntityPanel)]
            for style in cite.STYLES:
                yield f"Citation style: {style}", f"Cite in {style} from now on", partial(screen.set_style, style)
        nodes.append(self.app)
        for node in nodes:
            for binding in bindings_of(type(node)):
                if binding.description:
                    run = partial(self.app.run_action, binding.action, node)
                    keys = effective_keys(binding, getattr(self.app, "user_keymap", None))
                    yield binding.description, f"key: {key_label(keys)}", run

    async def discover(self) -> Hits:
        for title, help_text, run in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=help_text)
