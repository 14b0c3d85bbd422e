"""The HTTP client and `reader add URL`: every failure kind is one clear line; limits hold."""

from __future__ import annotations

import gzip
import json

import pytest
from typer.testing import CliRunner

from local_site import LocalSite, StallingServer, article_page, free_port_refusing
from reader.cli import app
from reader.library import Library
from reader.sources import http
from reader.sources.http import FetchError, fetch_one


@pytest.fixture
def site():
    with LocalSite() as s:
        yield s


def kind_of(url: str, **kw) -> FetchError:
    with pytest.raises(FetchError) as info:
        fetch_one(url, **kw)
    err = info.value
    assert "\n" not in str(err) and "Traceback" not in str(err)
    return err


def test_http_errors_are_one_line_each(site):
    site.route("/gone", "<p>no</p>", status=404)
    site.route("/boom", "<p>no</p>", status=500)
    assert kind_of(site.url("/gone")).status == 404
    assert "404" in str(kind_of(site.url("/gone")))
    err = kind_of(site.url("/boom"))
    assert err.kind == "http" and "500" in str(err) and "try again later" in str(err)


def test_refused_connection():
    err = kind_of(free_port_refusing())
    assert err.kind == "refused" and "refused the connection" in str(err)


def test_dns_failure():
    err = kind_of("http://no-such-host.invalid/page")  # .invalid never resolves (RFC 2606)
    assert err.kind == "dns" and "DNS" in str(err)


def test_tls_error_talking_https_to_a_plain_server(site):
    site.route("/p", article_page("x"))
    err = kind_of(site.url("/p").replace("http://", "https://"))
    assert err.kind == "tls" and "TLS" in str(err)


def test_only_http_and_https():
    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "data:text/html,hi"):
        assert kind_of(url).kind == "url"


def test_redirect_loop_is_too_many_redirects(site):
    site.redirect("/a", "/b", 302)
    site.redirect("/b", "/a", 302)
    err = kind_of(site.url("/a"))
    assert err.kind == "redirects" and "too many redirects" in str(err)


def test_permanent_redirect_is_reported_as_moved(site):
    site.route("/new", article_page("New home"))
    site.redirect("/old", "/new", 301)
    got = fetch_one(site.url("/old"))
    assert got.moved_to == site.url("/new") and got.url == site.url("/new")
    site.redirect("/temp", "/new", 302)
    assert fetch_one(site.url("/temp")).moved_to is None


def test_gzip_response_is_decompressed(site):
    page = article_page("Compressed page")
    site.route("/z", page, gzip=True)
    got = fetch_one(site.url("/z"))
    assert got.body == page.encode("utf-8")
    assert "gzip" in site.requests[-1][1].get("Accept-Encoding", "")


def test_fifty_megabyte_body_is_refused_while_streaming(site):
    big = b"<html><body>" + b"x" * (50 * 1024 * 1024) + b"</body></html>"

    def chunked(h):  # no Content-Length: the limit must hold while reading
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        try:
            for i in range(0, len(big), 1 << 20):
                part = big[i : i + (1 << 20)]
                h.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            h.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    site.route("/big", handler=chunked)
    site.route("/big-declared", big)
    for path in ("/big", "/big-declared"):
        err = kind_of(site.url(path))
        assert err.kind == "size" and "10 MB" in str(err)


def test_gzip_bomb_is_refused_by_the_decoded_size(site):
    site.route("/bomb", b"<html>" + b" " * (40 * 1024 * 1024), gzip=True)
    assert kind_of(site.url("/bomb")).kind == "size"


def test_stalling_server_times_out(monkeypatch):
    monkeypatch.setattr(http, "READ_TIMEOUT", 0.5)
    server = StallingServer()
    try:
        err = kind_of(server.url)
        assert err.kind == "timeout" and "timed out" in str(err)
        err = kind_of(server.url, deadline=0.3)  # the overall deadline also holds
        assert err.kind == "timeout"
    finally:
        server.close()


def test_pdf_and_images_are_refused_with_a_clear_line(site):
    site.route("/paper.pdf", b"%PDF-1.4", content_type="application/pdf")
    site.route("/pic", b"\x89PNG", content_type="image/png")
    assert "PDF" in str(kind_of(site.url("/paper.pdf")))
    assert kind_of(site.url("/pic")).kind == "type"
    site.route("/feed.xml", b"<rss/>", content_type="application/rss+xml")
    assert "reader feed add" in str(kind_of(site.url("/feed.xml")))


# -- reader add URL --------------------------------------------------------------------------------

@pytest.fixture
def run(tmp_path):
    lib = tmp_path / "lib"

    def invoke(*args):
        return CliRunner().invoke(app, ["--library", str(lib), *map(str, args)], catch_exceptions=False)

    invoke.lib = lib
    return invoke


def test_add_url_imports_the_page_with_url_access_date_and_original(run, site):
    site.route("/story.html?x=1", article_page("Harbour cranes stay"))
    site.route("/story.html", article_page("Harbour cranes stay"))
    r = run("add", site.url("/story.html?utm_source=newsletter&fbclid=abc"))
    assert r.exit_code == 0, r.stdout
    assert "1 imported" in r.stdout
    lib = Library.open(run.lib)
    (s,) = lib.summaries()
    a = lib.get(s.id)
    assert a.title == "Harbour cranes stay"
    assert a.url == site.url("/story.html")  # tracking parameters dropped
    assert a.accessed and a.accessed[:4].isdigit()
    assert "paragraph 3" in lib.original(a.id)
    assert (run.lib / "originals" / f"{a.id}.html.gz").exists()
    # the same page again: skipped; the page changed: updated in place, bookmark kept
    r = run("add", site.url("/story.html"))
    assert "1 skipped" in r.stdout
    para = a.paragraphs[2]
    bm = lib.state.add_bookmark(a.id, 2, para[:40])
    site.route("/story.html", article_page("Harbour cranes stay", extra="", paragraphs=12).replace(
        "paragraph 0:", "paragraph 0 (corrected):"))
    r = run("add", site.url("/story.html"))
    assert "1 updated" in r.stdout, r.stdout
    lib = Library.open(run.lib)
    assert len(lib) == 1
    b = lib.get(a.id)
    assert "corrected" in b.paragraphs[0] and len(b.paragraphs) > len(a.paragraphs)
    assert [x.id for x in lib.state.bookmarks(a.id)] == [bm.id]


def test_add_url_failures_are_one_line_and_exit_1(run, site):
    site.route("/paper.pdf", b"%PDF-1.4", content_type="application/pdf")
    site.route("/ok.html", article_page("A good page"))
    r = run("add", site.url("/missing"), site.url("/paper.pdf"), site.url("/ok.html"), free_port_refusing())
    assert r.exit_code == 1
    refused = [ln for ln in r.stdout.splitlines() if ln.startswith("refused")]
    assert len(refused) == 3
    assert "1 imported" in r.stdout and "3 refused" in r.stdout


def test_false_charset_declarations(run, site):
    utf8_page = article_page("Café society returns").encode("utf-8")
    site.route("/a.html", utf8_page, content_type="text/html; charset=iso-8859-1")  # says Latin-1, is UTF-8
    latin = article_page("Déjà vu at the harbour").encode("cp1252")
    site.route("/b.html", latin, content_type="text/html; charset=utf-8")  # says UTF-8, is cp1252
    r = run("add", site.url("/a.html"), site.url("/b.html"))
    assert r.exit_code == 0, r.stdout
    titles = {s.title for s in Library.open(run.lib).summaries()}
    assert titles == {"Café society returns", "Déjà vu at the harbour"}


def test_hostile_page_title_is_stored_clean_and_printed_literally(run, site):
    title = "Evil \x1b]52;c;aGk=\x07[bold red]x[/] [link=file:///etc/passwd]y[/link]\x1b[2J"
    site.route("/evil.html", article_page(title.replace("<", "")))
    r = run("add", site.url("/evil.html"))
    assert r.exit_code == 0, r.stdout
    r = run("list", "--json")
    (row,) = json.loads(r.stdout)
    assert "\x1b" not in row["title"] and "\x07" not in row["title"]
    assert "[bold red]x[/]" in row["title"] and "[link=file:///etc/passwd]y[/link]" in row["title"]
    assert "\x1b" not in run("list").stdout


def test_gzip_page_through_add(run, site):
    site.route("/z.html", article_page("Zipped page"), gzip=True)
    r = run("add", site.url("/z.html"))
    assert r.exit_code == 0 and "Zipped page" in r.stdout
    assert gzip  # the module is used by LocalSite for the body


def test_reindex_reextracts_a_fetched_page_offline_and_citations_use_the_access_date(run, site):
    site.route("/r.html", article_page("Offline re-extraction"))
    run("add", site.url("/r.html"))
    lib = Library.open(run.lib)
    (s,) = lib.summaries()
    path = run.lib / "articles" / f"{s.id}.json"
    data = json.loads(path.read_text("utf-8"))
    data["paragraphs"], data["kinds"], data["accessed"] = ["damaged"], ["text"], "2024-02-03T10:00:00+00:00"
    path.write_text(json.dumps(data), "utf-8")
    site.routes.clear()  # the site is gone: only the kept original can help
    r = run("reindex", "--entities")
    assert r.exit_code == 0
    a = Library.open(run.lib).get(s.id)
    assert len(a.paragraphs) == 10 and a.url == site.url("/r.html")
    r = run("cite", s.id[:8], "--style", "csl-json")
    item = json.loads(r.stdout)
    item = item[0] if isinstance(item, list) else item
    assert item["accessed"]["date-parts"][0][:3] == [2024, 2, 3]
    assert item["URL"] == site.url("/r.html")
