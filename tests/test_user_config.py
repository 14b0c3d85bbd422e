"""The user's own settings (issue 10): a TOML file in the config folder, READER_* variables over it,
`reader config` to read and write it, settings of older libraries adopted."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reader.cli import app
from reader.library import Library
from reader.services import preferences
from reader.services.user_config import UserConfig, config_path, tomllib  # tomli before 3.11

HOSTILE = "\x1b]52;c;aGk=\x07[bold red]x[/]"


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args: str, ok: bool = True):
        res = runner.invoke(app, ["--library", str(tmp_path / "lib"), *args])
        if ok:
            assert res.exit_code == 0, res.output
        return res

    return invoke


def test_config_reads_and_writes_the_file_keeping_comments(run, user_config_dir):
    assert config_path() == user_config_dir / "config.toml"
    assert "(default)" in run("config").stdout
    user_config_dir.mkdir()
    (user_config_dir / "config.toml").write_text("# my settings\ntheme = \"nord\"  # dark\n\n[keys]\nbookmark = \"x\"\n")
    run("config", "citation-style", "Chicago")
    run("config", "entities", "spacy")
    text = (user_config_dir / "config.toml").read_text()
    assert "# my settings" in text and "# dark" in text
    data = tomllib.loads(text)
    assert data == {"theme": "nord", "citation-style": "chicago", "entities": "spacy", "keys": {"bookmark": "x"}}
    assert run("config", "citation-style").stdout.strip() == "chicago"
    shown = run("config").stdout
    assert "nord" in shown and "(config file)" in shown
    run("config", "theme", "--unset")
    assert "theme" not in tomllib.loads((user_config_dir / "config.toml").read_text())


def test_environment_variables_win_over_the_file(run, monkeypatch):
    run("config", "citation-style", "mla")
    monkeypatch.setenv("READER_CITATION_STYLE", "ieee")
    assert run("config", "citation-style").stdout.strip() == "ieee"
    assert "(READER_CITATION_STYLE)" in run("config").stdout
    assert preferences.citation_style() == "ieee"


def test_default_library_and_entities_come_from_the_config(tmp_path, monkeypatch):
    monkeypatch.delenv("READER_LIBRARY", raising=False)
    runner = CliRunner()
    lib = tmp_path / "from-config"
    assert runner.invoke(app, ["config", "library", str(lib)]).exit_code == 0
    res = runner.invoke(app, ["list"])
    assert res.exit_code == 0 and "0 articles." in res.stdout  # a folder the user named is not seeded
    assert (lib / "articles").is_dir()  # the config's library was opened


def test_bad_values_and_a_broken_file_are_one_clear_line_and_nothing_is_lost(run, user_config_dir):
    res = run("config", "entities", "bogus", ok=False)
    assert res.exit_code == 1 and res.stderr.strip() == "reader: Unknown entity extractor 'bogus'; choose one of rules, spacy."
    res = run("config", "theme", HOSTILE, ok=False)
    assert res.exit_code == 1 and "\x1b" not in res.output
    res = run("config", "keys", "no-such-binding", "x", ok=False)
    assert res.exit_code == 2 and "reader config keys" in res.stderr
    user_config_dir.mkdir(exist_ok=True)
    broken = 'theme = "nord\n'
    (user_config_dir / "config.toml").write_text(broken)
    res = run("config", "theme", "gruvbox", ok=False)
    assert res.exit_code == 1 and "not valid TOML" in res.stderr and "Traceback" not in res.output
    assert (user_config_dir / "config.toml").read_text() == broken  # never overwritten
    res = run("list")  # everything else still works, with a warning
    assert "not valid TOML" in res.stderr


def test_keys_lists_and_remaps_every_binding(run):
    listing = run("config", "keys").stdout
    for binding_id in ("bookmark", "quote", "reading.select-sentence", "list.down", "note.save", "quit"):
        assert f"\n{binding_id} " in "\n" + listing
    run("config", "keys", "bookmark", "x")
    assert UserConfig.load().keymap() == {"bookmark": "x"}
    assert "(default b)" in run("config", "keys").stdout
    run("config", "keys", "bookmark", "--unset")
    assert UserConfig.load().keymap() == {}


def test_settings_kept_in_an_older_library_are_adopted_once(tmp_path, run):
    lib = Library.open(tmp_path / "lib")
    lib.set_setting("theme", "nord")  # what an older reader stored per library
    lib.set_setting("citation_style", "harvard")
    lib.close()
    assert run("config", "citation-style").stdout.strip() == "apa"  # `config` alone does not open a library
    run("list")
    assert run("config", "citation-style").stdout.strip() == "harvard"
    assert run("config", "theme").stdout.strip() == "nord"
    run("config", "citation-style", "mla")
    run("list")  # not adopted again over the user's later choice
    assert run("config", "citation-style").stdout.strip() == "mla"


def test_every_binding_has_a_unique_id_in_its_place():
    from reader.tui.keys import all_bindings

    seen: dict[str, tuple[str, str]] = {}
    for place, b in all_bindings():
        assert b.id, f"{place}: {b.key} -> {b.action} has no id"
        if b.id in seen:  # one id may serve two places only for the same action (help, dialog cancel)
            assert seen[b.id][1] == b.action.removeprefix("app."), b.id
        seen[b.id] = (place, b.action.removeprefix("app."))


def test_hostile_values_in_the_file_never_reach_the_terminal(run, user_config_dir):
    user_config_dir.mkdir(exist_ok=True)
    (user_config_dir / "config.toml").write_text(
        'theme = "\\u001b[2Jnord"\ncitation-style = "[bold red]x[/]"\n[keys]\nbookmark = "\\u001b]52;c;aGk=\\u0007"\n',
        "utf-8")
    shown = run("config").stdout
    assert "\x1b" not in shown and "\x07" not in shown
    assert "(default)" in shown  # unusable values are skipped, as if unset
    keys = run("config", "keys").stdout
    assert "\x1b" not in keys and "\x07" not in keys
    assert preferences.theme() is None and preferences.citation_style() == "apa"
