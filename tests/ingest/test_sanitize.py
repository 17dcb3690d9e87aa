"""Text sanitation at the door: lone surrogates and control characters in any input become a
notice, never a crash, and never reach the read stage or the store."""

from __future__ import annotations

import io
import json

import pytest

from storyline.ingest import ingest

GOOD = "Mara Quinn stepped out in Lyon on Friday, a source told the paper."


def manifest(*objs: dict | str) -> io.BytesIO:
    lines = [o if isinstance(o, str) else json.dumps(o) for o in objs]
    return io.BytesIO(("\n".join(lines) + "\n").encode("ascii"))


def test_lone_surrogate_in_manifest_text_is_replaced_and_noted():
    # The JSON escape \ud800 decodes to a lone surrogate, which UTF-8 cannot encode.
    result = ingest(["-"], stdin=manifest('{"id":"s","text":"x \\ud800 y"}', {"id": "t", "text": GOOD}))
    assert [a.id for a in result.articles] == ["s", "t"] and not result.rejected
    assert result.articles[0].text == "x \ufffd y"
    (notice,) = [n for n in result.notices if "U+FFFD" in n.message]
    assert notice.input == "-:1" and "1 lone surrogate" in notice.message and "text" in notice.message


def test_surrogates_in_metadata_are_replaced_and_the_fields_named():
    line = '{"id":"s\\udc80","outlet":"Glit\\ud800ter","title":"T \\udfff","url":"https://x.invalid/\\ud801","text":"ok text"}'
    (a,) = ingest(["-"], stdin=manifest(line)).articles
    assert (a.id, a.outlet, a.title, a.url) == ("s\ufffd", "Glit\ufffdter", "T \ufffd", "https://x.invalid/\ufffd")
    notes = [n.message for n in ingest(["-"], stdin=manifest(line)).notices if "U+FFFD" in n.message]
    assert len(notes) == 1 and all(f in notes[0] for f in ("id", "outlet", "title", "url"))


def test_a_valid_surrogate_pair_becomes_the_character_it_encodes():
    from storyline.ingest.sanitize import sanitize_text

    assert sanitize_text("smile \ud83d\ude00!") == ("smile \U0001f600!", {})


def test_nul_after_the_binary_sniff_window_of_a_txt_file_is_removed(tmp_path):
    body = ("A long paragraph of ordinary text. " * 300) + "Quinn\x00 left.\n"
    assert len(body) > 8192
    p = tmp_path / "late-nul.txt"
    p.write_bytes(body.encode())
    result = ingest([p])
    (a,) = result.articles
    assert "\x00" not in a.text and a.text.endswith("Quinn left.\n")
    (notice,) = [n for n in result.notices if "NUL" in n.message]
    assert notice.input == str(p) and "removed 1 control character" in notice.message


def test_nul_and_other_controls_in_manifest_text_are_removed_tab_newline_kept():
    result = ingest(["-"], stdin=manifest({"id": "n", "text": "a\u0000b\tc\nd\r\ne\u0007f\u001bg"}))
    (a,) = result.articles
    assert a.text == "ab\tc\nd\r\nefg"
    (notice,) = [n for n in result.notices if "control" in n.message]
    assert "3 control characters" in notice.message and "NUL" in notice.message and "U+0007" in notice.message


def test_vertical_tab_and_form_feed_become_line_breaks():
    from storyline.ingest.sanitize import sanitize_text

    assert sanitize_text("end.\x0cNext page\x0bline") == ("end.\nNext page\nline", {"U+000C": 1, "U+000B": 1})


def test_clean_articles_get_no_notice():
    result = ingest(["-"], stdin=manifest({"id": "c", "published": "2024-01-02", "text": GOOD + "\tTabbed.\r\n"}))
    assert result.articles[0].text == GOOD + "\tTabbed.\r\n" and result.notices == []


def test_nul_in_a_feed_entry_and_its_channel_title_is_removed(tmp_path):
    p = tmp_path / "f.rss"
    p.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Glit\x00ter</title><item><title>a</title>'
        b"<description>Mara \x00Quinn left Lyon.</description></item></channel></rss>"
    )
    result = ingest([p])
    (a,) = result.articles
    assert a.text == "Mara Quinn left Lyon." and a.outlet == "Glitter"


def test_utf16_text_is_read_not_refused_as_binary_and_its_lone_surrogate_replaced(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(("Mara Quinn \ud800 left Lyon on Friday.").encode("utf-16", "surrogatepass"))
    result = ingest([p])
    assert not result.rejected
    (a,) = result.articles
    assert a.text == "Mara Quinn \ufffd left Lyon on Friday."


def test_truncated_utf16_is_a_clear_encoding_error(tmp_path):
    p = tmp_path / "cut.txt"
    p.write_bytes("Mara Quinn left.".encode("utf-16")[:-1])
    (rej,) = ingest([p]).rejected
    assert rej.error == "EncodingError" and "UTF-16" in rej.reason


@pytest.mark.parametrize("text", ["\x00\x00\x00", "\ud800", " \x07 "], ids=["nul-only", "surrogate-only", "bell-only"])
def test_an_article_that_is_only_bad_characters_is_rejected_not_stored_empty(text):
    result = ingest(["-"], stdin=manifest({"id": "x", "text": text}, {"id": "y", "text": GOOD}))
    assert [a.id for a in result.articles] == (["x", "y"] if text == "\ud800" else ["y"])
    if text != "\ud800":
        (rej,) = result.rejected
        assert rej.input == "-:1" and rej.error == "NoArticleText"
