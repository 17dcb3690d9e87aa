"""Ingest: every format, and every kind of bad input gets a clear, named rejection."""

from __future__ import annotations

import io
import json
import shlex
from datetime import date, datetime, timezone

import pytest

from storyline.core.options import AnalysisOptions
from storyline.ingest import ingest

BODY = "Mara Quinn stepped out in Lyon on Friday, a source told the paper.\n"

HTML = """<!doctype html><html><head><title>Quinn steps out | Glitter</title>
<meta property="og:site_name" content="Glitter">
<meta property="article:published_time" content="2024-03-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Quinn steps out alone</h1>
<p>Mara Quinn was seen leaving a restaurant in Lyon without her wedding ring on Friday night,
according to several diners who spoke to Glitter about the evening.</p>
<figure><img src="q.jpg"><figcaption>Getty Images</figcaption></figure>
<p>The actress, who has not commented on reports of a split, smiled for photographers and
left in a waiting car shortly before midnight, a witness said.</p></article>
<footer>© 2024 Glitter Media. All rights reserved.</footer></body></html>"""


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_txt_front_matter_sets_metadata_and_keeps_body_unchanged(tmp_path):
    p = write(tmp_path, "a.txt", f"---\nid: lumen-1\noutlet: Daily Lumen\npublished: 2024-01-17\ntitle: T\nurl: https://x.invalid/a\n---\n{BODY}")
    (a,) = ingest([p]).articles
    assert (a.id, a.outlet, a.published, a.title, a.url) == ("lumen-1", "Daily Lumen", date(2024, 1, 17), "T", "https://x.invalid/a")
    assert a.text == BODY and a.format == "txt"


def test_id_derives_from_content_when_not_given(tmp_path):
    a1 = ingest([write(tmp_path, "a.txt", BODY)]).articles[0]
    a2 = ingest([write(tmp_path, "b.txt", BODY)]).articles[0]
    assert a1.id == a2.id and a1.id.startswith("a-")
    assert ingest([write(tmp_path, "c.txt", BODY + "More.")]).articles[0].id != a1.id


def test_html_extracts_text_title_date_site_and_drops_credits(tmp_path):
    (a,) = ingest([write(tmp_path, "q.html", HTML)]).articles
    assert a.outlet == "Glitter" and a.published == date(2024, 3, 2) and a.title.startswith("Quinn steps out")
    assert "Getty Images" not in a.text and "Home" not in a.text and "rights reserved" not in a.text
    assert a.text.startswith("Mara Quinn was seen") and "waiting car" in a.text


def test_manifest_keeps_good_lines_and_names_the_bad_one(tmp_path):
    body = write(tmp_path, "body.txt", BODY)
    lines = [
        json.dumps({"id": "m1", "outlet": "Glitter", "published": "2024-02-01", "text": "First article text here."}),
        "{not json",
        json.dumps({"id": "m3", "outlet": "Glitter", "published": "2024-02-03", "path": body.name}),
        json.dumps({"id": "m4"}),
    ]
    p = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    result = ingest([p])
    assert [a.id for a in result.articles] == ["m1", "m3"]
    assert result.articles[1].text == BODY and result.articles[1].outlet == "Glitter"
    reasons = {r.input: r.reason for r in result.rejected}
    assert f"{p}:2" in reasons and "not JSON" in reasons[f"{p}:2"] and "Fix:" in reasons[f"{p}:2"]
    assert "neither a non-empty 'text' nor a 'path'" in reasons[f"{p}:4"]


def test_feed_entries_become_articles(tmp_path):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>The Morning Ledger</title>
    <item><guid>ledger-7</guid><title>Split confirmed</title><link>https://ledger.invalid/7</link>
    <pubDate>Wed, 17 Jan 2024 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Court papers filed on Monday confirm the split.&lt;/p&gt;&lt;p&gt;Getty Images&lt;/p&gt;</description></item>
    <item><guid>ledger-8</guid><title>Empty</title><description></description></item>
    </channel></rss>"""
    result = ingest([write(tmp_path, "feed.xml", rss)])
    (a,) = result.articles
    assert (a.id, a.outlet, a.published, a.url) == (
        "ledger-7", "The Morning Ledger", datetime(2024, 1, 17, 8, tzinfo=timezone.utc), "https://ledger.invalid/7"
    )
    assert a.text == "Court papers filed on Monday confirm the split."
    assert result.rejected and "#entry-2" in result.rejected[0].input


def test_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "b.txt", "Second story text.")
    write(tmp_path / "sub", "a.txt", "Nested story text.")
    write(tmp_path, "notes.pdf", b"%PDF-1.4")
    write(tmp_path, ".hidden.txt", "hidden")
    texts = [a.text for a in ingest([tmp_path]).articles]
    assert texts == ["Second story text.", "Nested story text."]


def test_stdin_is_sniffed():
    stdin = io.BytesIO(f"---\noutlet: Glitter\npublished: 2024-01-02\n---\n{BODY}".encode())
    (a,) = ingest(["-"], stdin=stdin).articles
    assert a.outlet == "Glitter" and a.origin == "-" and a.format == "stdin"


def test_overrides_apply_to_every_article(tmp_path):
    p = write(tmp_path, "a.txt", f"---\noutlet: Glitter\npublished: 2024-01-17\n---\n{BODY}")
    (a,) = ingest([p], AnalysisOptions(outlet="Daily Lumen", published="2024-02-02")).articles
    assert (a.outlet, a.published) == ("Daily Lumen", date(2024, 2, 2))


@pytest.mark.parametrize(
    "name,data,error,words",
    [
        ("empty.txt", b"   \n", "EmptyInput", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "BinaryInput", "binary"),
        ("latin1.txt", "Mara Quinn’s café".encode("cp1252"), "EncodingError", "UTF-8"),
        ("nohtml.html", b"<html><body><nav>Home</nav></body></html>", "NoArticleText", "no article text"),
        ("bad.xml", b"<rss><channel><item>", "InputError", "malformed"),
        ("missing.txt", None, "UnsupportedInput", "no such file"),
    ],
)
def test_bad_inputs_are_rejected_with_name_reason_and_fix(tmp_path, name, data, error, words):
    good = write(tmp_path, "good.txt", BODY)
    bad = write(tmp_path, name, data) if data is not None else tmp_path / name
    result = ingest([bad, good])
    assert [a.text for a in result.articles] == [BODY], "the good input must survive the bad one"
    (rej,) = result.rejected
    assert rej.error == error and words in rej.reason and str(bad) in rej.reason and "Fix:" in rej.reason


def test_huge_file_is_refused_before_reading_with_configurable_limit(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # 50 MB of text, written quickly in chunks
        chunk = (BODY * 1000).encode()
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    (rej,) = ingest([big]).rejected
    assert rej.error == "InputTooLarge" and "20 MB limit" in rej.reason and "--max-file-mb" in rej.reason
    result = ingest([big], AnalysisOptions(max_file_mb=60, max_article_chars=10))
    assert result.rejected[0].error == "InputTooLarge" and "characters" in result.rejected[0].reason


def test_unparseable_date_keeps_the_article_and_says_so(tmp_path):
    p = write(tmp_path, "a.txt", f"---\npublished: the other day\n---\n{BODY}")
    result = ingest([p])
    assert result.articles[0].published is None and not result.rejected
    assert "not a date" in result.notices[0].message and "--published" in result.notices[0].message


def test_missing_date_is_a_notice():
    result = ingest(["-"], stdin=io.BytesIO(BODY.encode()))
    assert result.articles[0].published is None and "no publication date" in result.notices[0].message


def test_bad_front_matter_key_is_named(tmp_path):
    (rej,) = ingest([write(tmp_path, "a.txt", f"---\nauthor: me\n---\n{BODY}")]).rejected
    assert "front matter line 2" in rej.reason


# -- the format table (storyline.ingest.formats) ------------------------------------------

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>The Morning Ledger</title>
<item><guid>ledger-7</guid><title>Split confirmed</title><description>Court papers filed on Monday confirm the split.</description></item>
</channel></rss>"""


def test_every_suffix_names_one_format_and_the_last_row_takes_anything():
    from storyline.ingest.formats import FORMATS

    suffixes = [s for fmt in FORMATS for s in fmt.suffixes]
    assert len(suffixes) == len(set(suffixes)) and all(s.startswith(".") and s == s.lower() for s in suffixes)
    assert FORMATS[-1].sniff("anything at all") and not FORMATS[-1].many


@pytest.mark.parametrize(
    "data,fmt",
    [(json.dumps({"id": "j1", "text": BODY}), "jsonl"), (RSS, "feed"), (HTML, "html"), (BODY, "stdin"),
     ("<p>Not a page, just text with a tag.</p>", "stdin")],
)  # fmt: skip
def test_stdin_content_picks_the_reader(data, fmt):
    (a,) = ingest(["-"], stdin=io.BytesIO(data.encode())).articles
    assert a.format == fmt and a.origin.startswith("-")


def test_odd_suffix_is_sniffed_and_must_hold_one_article(tmp_path):
    (a,) = ingest([write(tmp_path, "page.php", HTML)]).articles
    assert a.format == "html" and a.text.startswith("Mara Quinn was seen")
    two = "\n".join(json.dumps({"id": f"j{i}", "text": BODY}) for i in range(2))
    (rej,) = ingest([write(tmp_path, "batch.json", two)]).rejected
    assert "a single article was expected" in rej.reason and "inputs of their own" in rej.reason


def test_manifest_path_entries_are_relative_to_their_manifest(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "body.txt", BODY)
    # A one-line manifest read where one article is expected (through another manifest's path).
    write(tmp_path / "sub", "one.json", json.dumps({"id": "inner", "path": "body.txt"}))
    outer = write(tmp_path, "outer.jsonl", json.dumps({"outlet": "Glitter", "path": "sub/one.json"}))
    result = ingest([outer])
    assert not result.rejected, result.rejected
    (a,) = result.articles
    assert (a.id, a.outlet, a.text) == ("inner", "Glitter", BODY)


def test_duplicate_ids_keep_the_first_in_input_order(tmp_path):
    p = write(tmp_path, "dup.jsonl", "\n".join(json.dumps({"id": "same", "text": t}) for t in ("One.", "Two.")))
    result = ingest([p, write(tmp_path, "empty.txt", "")])
    assert [a.text for a in result.articles] == ["One."]
    assert [r.error for r in result.rejected] == ["DuplicateId", "EmptyInput"]
    assert result.rejected[0].input == f"{p}:2" and "the first one was kept" in result.rejected[0].reason


@pytest.mark.parametrize("url", ["https://example.org/news/a?id=1&x=2", "http://example.org/", "ftp://example.org/a.txt"])
def test_a_url_is_rejected_with_how_to_fetch_it(tmp_path, url):
    result = ingest([url, write(tmp_path, "good.txt", BODY)])
    assert [a.text for a in result.articles] == [BODY]
    (rej,) = result.rejected
    assert rej.input == url and rej.error == "UnsupportedInput"
    assert ("'" in shlex.quote(url)) == ("&" in url)  # quoted for the shell when it needs it
    assert "does not fetch URLs" in rej.reason and "no such file" not in rej.reason
    assert f"Fix: download the page first, then analyze the file: curl -L {shlex.quote(url)} -o page.html && storyline analyze page.html" in rej.reason


def test_an_existing_path_that_looks_like_a_url_is_read_as_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "http:" / "example.org").mkdir(parents=True)
    write(tmp_path / "http:" / "example.org", "a.txt", BODY)
    result = ingest(["http://example.org/a.txt"])
    assert not result.rejected and [a.text for a in result.articles] == [BODY]
