"""`reader feed ...` and `reader refresh` end to end against a local site."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from local_site import FEEDS, LocalSite, StallingServer, article_page
from reader.cli import app
from reader.library import Library
from reader.services import refresh as refresh_mod
from reader.sources import http


@pytest.fixture
def site():
    with LocalSite() as s:
        yield s


@pytest.fixture
def run(tmp_path):
    lib = tmp_path / "lib"

    def invoke(*args):
        return CliRunner().invoke(app, ["--library", str(lib), *map(str, args)], catch_exceptions=False)

    invoke.lib = lib
    return invoke


def gazette(site, etag=None):
    site.feed("/feed.xml", "rss20.xml").etag = etag
    site.route("/story/cranes.html", article_page("Council delays the crane vote"))
    site.route("/story/ferry.html", article_page("Ferry timetable changes for the summer", author="Ada Okafor"))


def articles(run):
    return json.loads(run("list", "--json").stdout)


def test_summaries_feed_gets_full_text_tags_and_metadata(run, site):
    gazette(site, etag='"v1"')
    r = run("feed", "add", site.url("/feed.xml"), "--tag", "Harbour")
    assert r.exit_code == 0 and "Harbour Gazette" in r.stdout
    r = run("refresh")
    assert r.exit_code == 0, r.stdout
    assert "2 new" in r.stdout and "\x1b" not in r.stdout  # piped: no progress bar
    rows = {a["title"]: a for a in articles(run)}
    cranes = rows["Council delays the crane vote"]
    assert cranes["words"] > 200  # the page's full text, not the one-line summary
    assert cranes["url"] == site.url("/story/cranes.html")  # utm_* dropped
    assert cranes["tags"] == ["local politics", "ports", "harbour"]
    lib = Library.open(run.lib)
    a = lib.get(cranes["id"])
    assert a.date == "2024-06-04" and a.feed and a.accessed
    assert lib.original(a.id) and "paragraph 9" in lib.original(a.id)
    # second refresh: one conditional request answered 304, no page fetched again
    pages_before = site.hits["/story/cranes.html"]
    assert pages_before == 1
    r = run("refresh", "--json")
    (row,) = json.loads(r.stdout)
    assert row["status"] == "not-modified" and row["new"] == 0
    assert site.requests[-1][1].get("If-None-Match") == '"v1"'
    assert site.hits["/story/cranes.html"] == pages_before
    # feed list shows counts
    (f,) = json.loads(run("feed", "list", "--json").stdout)
    assert f["articles"] == 2 and f["last_error"] is None and f["tags"] == ["harbour"]


def test_never_mode_keeps_the_feeds_text_and_fetches_no_page(run, site):
    gazette(site)
    run("feed", "add", site.url("/feed.xml"), "--full-text", "never")
    assert run("refresh").exit_code == 0
    assert site.hits["/story/cranes.html"] == 0
    assert {a["words"] < 30 for a in articles(run)} == {True}


def test_a_link_is_fetched_once_even_when_two_feeds_carry_it(run, site):
    gazette(site)
    site.feed("/feed2.xml", "rss20.xml")
    run("feed", "add", site.url("/feed.xml"))
    run("feed", "add", site.url("/feed2.xml"))
    assert run("refresh").exit_code == 0
    assert site.hits["/story/cranes.html"] == 1 and site.hits["/story/ferry.html"] == 1
    assert len(articles(run)) == 2


def test_failed_extraction_keeps_the_feeds_text(run, site):
    gazette(site)
    site.route("/story/cranes.html", b"", status=500)
    run("feed", "add", site.url("/feed.xml"))
    r = run("refresh")
    assert r.exit_code == 0 and "kept the feed's text" in r.stdout
    titles = {a["title"] for a in articles(run)}
    assert "Council delays the crane vote" in titles


def test_every_feed_format_refreshes(run, site):
    full = "".join(f"&lt;p&gt;Paragraph {i} " + "word " * 40 + "&lt;/p&gt;" for i in range(5))
    site.feed("/rss091.xml", "rss091.xml")
    site.feed("/rdf.xml", "rss10.rdf")
    site.feed("/atom.xml", "atom.xml", "application/atom+xml", full=full)
    site.feed("/feed.json", "feed.json", "application/feed+json")
    for path, title in [("/old/market.html", "Market square"), ("/rdf/glacier.html", "Glacier survey"),
                        ("/np/bridge.html", "Bridge reopens")]:
        site.route(path, article_page(title))
    for path in ("/rss091.xml", "/rdf.xml", "/atom.xml", "/feed.json"):
        assert run("feed", "add", site.url(path)).exit_code == 0
    r = run("refresh")
    assert r.exit_code == 0, r.stdout
    rows = articles(run)
    assert len(rows) == 4
    assert site.hits["/atom/talks.html"] == 0  # the Atom entry has its full text


def test_failures_one_line_each_others_go_on_exit_1(run, site, monkeypatch):
    monkeypatch.setattr(http, "READ_TIMEOUT", 0.5)
    gazette(site)
    site.route("/notfeed", "just some text {", content_type="text/plain")
    site.route("/500", "x", status=500)
    site.redirect("/loop1", "/loop2", 302)
    site.redirect("/loop2", "/loop1", 302)
    stall = StallingServer()
    try:
        lib = Library.open(run.lib)
        from reader.library_manage import Feed, feed_id

        for url in (site.url("/feed.xml"), site.url("/notfeed"), site.url("/500"), site.url("/loop1"), stall.url,
                    site.url("/gone")):
            lib.save_feed(Feed(id=feed_id(url), url=url, added=url))
        lib.close()
        r = run("refresh")
    finally:
        stall.close()
    assert r.exit_code == 1
    failed = [ln for ln in r.stdout.splitlines() if ln.startswith("failed")]
    assert len(failed) == 5, r.stdout
    joined = "\n".join(failed)
    for words in ("not an RSS", "500", "too many redirects", "timed out", "404"):
        assert words in joined
    assert "2 new" in r.stdout
    rows = json.loads(run("feed", "list", "--json").stdout)
    assert sum(1 for f in rows if f["last_error"]) == 5


def test_back_off_after_repeated_failures(run, site):
    site.route("/500", "x", status=500)
    lib = Library.open(run.lib)
    from reader.library_manage import Feed

    lib.save_feed(Feed(id="f500", url=site.url("/500"), title="Flaky"))
    lib.close()
    assert run("refresh").exit_code == 1
    assert run("refresh").exit_code == 1  # second failure: backing off from now on
    hits = site.hits["/500"]
    r = run("refresh")
    assert "waiting" in r.stdout and site.hits["/500"] == hits and r.exit_code == 0
    r = run("refresh", "f500")  # named: tried now
    assert site.hits["/500"] == hits + 1 and r.exit_code == 1


def test_permanent_redirect_updates_the_stored_url(run, site):
    gazette(site)
    site.redirect("/old-feed", "/feed.xml", 301)
    lib = Library.open(run.lib)
    from reader.library_manage import Feed

    lib.save_feed(Feed(id="moved", url=site.url("/old-feed")))
    lib.close()
    assert run("refresh").exit_code == 0
    (f,) = json.loads(run("feed", "list", "--json").stdout)
    assert f["url"] == site.url("/feed.xml")


def test_changed_item_updates_its_article_in_place(run, site):
    full = "".join(f"&lt;p&gt;Paragraph {i} " + "word " * 40 + "&lt;/p&gt;" for i in range(5))
    site.feed("/atom.xml", "atom.xml", "application/atom+xml", full=full)
    run("feed", "add", site.url("/atom.xml"))
    run("refresh")
    (row,) = articles(run)
    lib = Library.open(run.lib)
    a = lib.get(row["id"])
    bm = lib.state.add_bookmark(a.id, 3, a.paragraphs[3])
    lib.close()
    site.feed("/atom.xml", "atom.xml", "application/atom+xml", full="&lt;p&gt;A new first paragraph.&lt;/p&gt;" + full)
    r = run("refresh")
    assert "1 updated" in r.stdout, r.stdout
    (row2,) = articles(run)
    assert row2["id"] == row["id"]
    lib = Library.open(run.lib)
    b = lib.get(a.id)
    assert b.paragraphs[0] == "A new first paragraph."
    from reader.services.anchor import locate

    (kept,) = lib.state.bookmarks(a.id)
    assert kept.id == bm.id and locate(kept, b.paragraphs)[0] == 4  # re-anchored by its text


def test_concurrency_is_bounded_per_host(tmp_path, site):
    site.delay = 0.05
    lib = Library.open(tmp_path / "lib")
    from reader.library_manage import Feed

    for i in range(12):
        site.feed(f"/f{i}.xml", "rss20.xml")
        lib.save_feed(Feed(id=f"f{i}", url=site.url(f"/f{i}.xml"), full_text="never"))
    report = refresh_mod.refresh(lib, per_host=2)
    assert not report.failed and len(report.results) == 12
    assert site.max_concurrent == 2


def test_feed_add_discovers_from_a_page_and_refuses_junk(run, site):
    gazette(site)
    site.route("/home", article_page("Home", extra='<link rel="alternate" type="application/rss+xml" href="/feed.xml">'))
    site.route("/plain", article_page("No feeds here"))
    r = run("feed", "add", site.url("/home"))
    assert r.exit_code == 0 and site.url("/feed.xml") in r.stdout
    r = run("feed", "add", site.url("/home"))
    assert r.exit_code == 1 and "already subscribed" in r.stderr
    r = run("feed", "add", site.url("/plain"))
    assert r.exit_code == 1 and "names no feed" in r.stderr and "\n" not in r.stderr.strip()
    r = run("feed", "add", "javascript:alert(1)")
    assert r.exit_code == 1 and "not an http" in r.stderr


def test_hostile_feed_items_are_stored_clean(run, site):
    body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "[bold]Evil[/bold] \\u001b[2J",'
            '"items": [{"id": "1", "url": "javascript:alert(1)", "title": "\\u001b]52;c;aGk=\\u0007[link=file:///etc/passwd]x[/link]",'
            '"tags": ["\\u001b[31mred"], "content_text": "Body \\u001b[31mtext\\u001b[0m here."}]}')
    site.route("/evil.json", body, content_type="application/feed+json")
    run("feed", "add", site.url("/evil.json"))
    r = run("refresh")
    assert r.exit_code == 0 and "\x1b" not in r.stdout
    (row,) = articles(run)
    assert row["title"] == "[link=file:///etc/passwd]x[/link]" and row["url"] is None
    assert row["tags"] == ["red"] and row["publisher"] == "[bold]Evil[/bold]"
    assert "\x1b" not in run("feed", "list").stdout


def test_opml_import_export_round_trip(run, tmp_path):
    r = run("feed", "import", FEEDS / "miniflux.opml")
    assert r.exit_code == 0 and "2 feeds added" in r.stdout
    r = run("feed", "import", FEEDS / "newsboat.opml")
    assert "2 feeds added" in r.stdout
    out = tmp_path / "subs.opml"
    assert run("feed", "export", "-o", out).exit_code == 0
    run2_lib = tmp_path / "lib2"
    r = CliRunner().invoke(app, ["--library", str(run2_lib), "feed", "import", str(out)])
    assert "4 feeds added" in r.stdout
    a = {(f["url"], tuple(f["tags"])) for f in json.loads(run("feed", "list", "--json").stdout)}
    b = {(f["url"], tuple(f["tags"])) for f in json.loads(
        CliRunner().invoke(app, ["--library", str(run2_lib), "feed", "list", "--json"]).stdout)}
    assert a == b and ("https://example.com/c.rss", ("world news",)) in a
    r = run("feed", "rm", "Example A")
    assert r.exit_code == 0 and len(json.loads(run("feed", "list", "--json").stdout)) == 3


def test_refresh_without_feeds_says_what_to_do(run):
    r = run("refresh")
    assert r.exit_code == 1 and "reader feed add" in r.stderr


def test_last_modified_conditional_get(run, site):
    stamp = "Tue, 04 Jun 2024 08:00:00 GMT"
    body = (FEEDS / "rss20.xml").read_text("utf-8").replace("{base}", site.base).encode()

    def feed(h):
        if h.headers.get("If-Modified-Since") == stamp:
            h.send_response(304)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Last-Modified", stamp)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    site.route("/lm.xml", handler=feed)
    site.route("/story/cranes.html", article_page("Council delays the crane vote"))
    site.route("/story/ferry.html", article_page("Ferry timetable changes for the summer"))
    run("feed", "add", site.url("/lm.xml"))
    assert "2 new" in run("refresh").stdout
    r = run("refresh")
    assert r.exit_code == 0 and "1 feeds unchanged" in r.stdout
    assert site.requests[-1][1].get("If-Modified-Since") == stamp


def test_worker_processes_from_a_threaded_app_are_spawned_and_work(tmp_path, site):
    """The TUI refreshes from a worker thread: its worker processes must be spawned, not forked."""
    import threading

    gazette(site)
    lib = Library.open(tmp_path / "lib")
    from reader.library_manage import Feed

    lib.save_feed(Feed(id="g", url=site.url("/feed.xml")))
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("report", refresh_mod.refresh(lib, processes=2)))
    t.start()
    t.join(120)
    (r,) = out["report"].results
    assert (r.status, r.new, r.full_text) == ("ok", 2, 2)
