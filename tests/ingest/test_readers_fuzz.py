"""Fuzzing every reader through ``api.analyze``: for any input, the batch completes, the good
articles of the same batch are stored, each rejection names the input and a reason, and nothing
escapes as a traceback or is passed off as an "internal error".

Each example is a batch ``[good-1.txt, <fuzzed input>, good-2.txt]`` analysed into one SQLite
store with the stub pipeline (the storyline components on blank English: no model), so what a
reader lets through is also read and stored. Inputs: bytes and front matter for ``.txt``; HTML
built from random tags, attributes and text; JSONL manifests whose lines are random JSON values
(any type in any field, paths to files inside, outside and missing, the manifest itself); RSS and
Atom feeds with random entries, dates, markup and entities; and random bytes on stdin.
Derandomized: every run tries the same examples.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from helpers.fakes import stub_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import api

pytestmark = pytest.mark.fuzz

EXAMPLES = {"txt": 120, "html": 120, "jsonl": 200, "feed": 120, "stdin": 100}  # per run, derandomized
SETTINGS = {"derandomize": True, "deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
GOOD = {
    "good-1.txt": "---\nid: good-one-7f3a\noutlet: Glitter\npublished: 2024-02-02\n---\nMara Quinn left Lyon on Friday, a source said.\n",
    "good-2.txt": "---\nid: good-two-9c1e\n---\nTheo Vale, 41, denied the report on Saturday.\n",
}
GOOD_IDS = {"good-one-7f3a", "good-two-9c1e"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A folder with the good inputs, files a manifest may name, and one store for every example."""
    root = tmp_path_factory.mktemp("fuzz")
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "body.txt").write_text("Mara Quinn was seen in Lyon.\n", "utf-8")
    (folder / "sub" / "page.html").write_text("<html><body><p>" + "Quinn left Lyon on Friday night. " * 4 + "</p></body></html>", "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)))
    (root / "outside.txt").write_text("Outside the folder.\n", "utf-8")
    (folder / "one.jsonl").write_text(json.dumps({"id": "inner", "text": "Inner article."}) + "\n", "utf-8")
    nlp = _stub_nlp(root)
    store = api.open_store(root / "fuzz.db")
    yield folder, nlp, store
    store.close()


def _stub_nlp(root: Path):
    from storyline.read.pipeline import load_pipeline

    return load_pipeline(str(stub_pipeline(root / "stub")))


def _run(world, name: str, data: bytes | None = None, *, stdin: bytes | None = None) -> None:
    folder, nlp, store = world
    good = [str(folder / n) for n in GOOD]
    if stdin is None:
        fuzzed = folder / name
        fuzzed.write_bytes(data or b"")
        inputs, named = [good[0], str(fuzzed), good[1]], str(fuzzed)
    else:
        inputs, named = [good[0], "-", good[1]], "-"
    summary = api.analyze(inputs, store, stdin=io.BytesIO(stdin) if stdin is not None else None, nlp=nlp)
    assert GOOD_IDS <= set(store.article_hashes()), summary.rejected
    for r in summary.rejected:
        assert r.input and r.reason.strip() and r.error, r
        assert r.input.startswith(named) or r.input in good, r  # names the input (a manifest line: `m.jsonl:3`)
        assert "internal error" not in r.reason, r.reason  # a reader bug would be one
        assert "Traceback" not in r.reason
    for n in summary.notices:
        assert n.input and n.message.strip()
    story = store.story()
    assert story.coverage == store.coverage()  # the batch completed: the story covers what is stored


# -- strategies --------------------------------------------------------------------------

# Pieces drawn often: control characters, a lone surrogate, a BOM, bidi override, console markup,
# emoji codes, entities (a NUL and a surrogate as character references), markup and front matter.
HOSTILE = ["\x00", "\ud800", "\x07", "\x1b", "\x0b", "\ufeff", "\u202e", "[/]", ":smile:", "&amp;", "&#0;", "&#xD800;", "<", ">", "\r",
           "\n", "---"]  # fmt: skip
TEXT = st.lists(st.characters(exclude_categories=("Cs",)) | st.sampled_from([h for h in HOSTILE if h != "\ud800"]), max_size=25).map("".join)
ANY_TEXT = st.lists(st.characters() | st.sampled_from(HOSTILE), max_size=25).map("".join)  # lone surrogates too (JSON carries them)
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | ANY_TEXT
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3), max_leaves=6)
FIELDS = ["id", "outlet", "published", "date", "title", "url", "text", "path"]
PATHS = st.sampled_from(["body.txt", "sub/page.html", "empty.txt", "binary.txt", "missing.txt", "sub", "", ".", "m.jsonl",
                         "one.jsonl", "../outside.txt", "/etc/hostname", "sub/../body.txt", "good-1.txt", "\x00.txt"])  # fmt: skip
DATES = st.sampled_from(["2024-01-17", "2024-02-30", "17 Jan 2024", "Wed, 17 Jan 2024 08:00:00 GMT", "yesterday", "", "0000-00-00",
                         "9999-12-31T25:61:00Z", "[/]"]) | TEXT  # fmt: skip
TEXTS = st.sampled_from(["Mara Quinn, 42, left Lyon on Friday, a source said.", " ", "BOOM", "x" * 300]) | ANY_TEXT


@st.composite
def manifest_lines(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["fields", "fields", "fields", "value", "garbage"]))
        if kind == "fields":
            obj = {}
            for key in draw(st.lists(st.sampled_from(FIELDS), max_size=6, unique=True)):
                pick = {"path": PATHS, "text": TEXTS, "published": DATES, "date": DATES}.get(key, TEXT)
                obj[key] = draw(pick | JSON_VALUES)
            lines.append(json.dumps(obj).encode("ascii"))
        elif kind == "value":
            lines.append(json.dumps(draw(JSON_VALUES)).encode("ascii"))
        else:
            lines.append(draw(st.binary(max_size=60)).replace(b"\n", b" "))
    return b"\n".join(lines) + draw(st.sampled_from([b"\n", b"", b"\r\n", b"\n\n"]))


TAGS = ["html", "head", "body", "article", "p", "div", "span", "h1", "title", "meta", "script", "style", "nav", "footer", "br",
        "img", "figure", "figcaption", "a", "table", "td", "template", "svg", "math", "iframe", "noscript", "![CDATA[", "!--"]  # fmt: skip


@st.composite
def html_docs(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 3 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(f'{draw(st.sampled_from(["class", "content", "property", "name", "charset", "href", "lang"]))}="{draw(TEXT)}"'
                             for _ in range(draw(st.integers(0, 2))))  # fmt: skip
            close = draw(st.sampled_from([f"</{tag}>", "", "</p>", "/>"]))
            parts.append(f"<{tag} {attrs}>{draw(html_docs(depth + 1))}{close}")
        else:
            parts.append(draw(st.sampled_from(["Mara Quinn left Lyon on Friday night, a source told the paper. " * 3, "&nbsp;", "&#x0;"]) | TEXT))
    prefix = draw(st.sampled_from(["", "<!doctype html>", "<?xml version='1.0'?>", "\ufeff"]))
    return prefix + "".join(parts)


BODIES = st.sampled_from(["<p>Mara Quinn left Lyon on Friday.</p>", "<![CDATA[<p>Quinn <br> left.</p>]]>", "", "&lt;p&gt;x"]) | TEXT.map(
    lambda t: t.replace("&", "&amp;").replace("<", "&lt;")
)


@st.composite
def feeds(draw) -> str:
    atom = draw(st.booleans())
    entries = []
    for _ in range(draw(st.integers(0, 3))):
        fields = {
            "title": draw(TEXT),
            "link": draw(st.sampled_from(["https://x.invalid/a", "", "javascript:alert(1)"]) | TEXT),
            "date": draw(DATES),
            "body": draw(BODIES),
            "id": draw(TEXT),
        }
        if atom:
            entries.append(f"<entry><title>{fields['title']}</title><link href=\"{fields['link']}\"/><id>{fields['id']}</id>"
                           f"<updated>{fields['date']}</updated><content type=\"html\">{fields['body']}</content></entry>")  # fmt: skip
        else:
            entries.append(f"<item><title>{fields['title']}</title><link>{fields['link']}</link><guid>{fields['id']}</guid>"
                           f"<pubDate>{fields['date']}</pubDate><description>{fields['body']}</description></item>")  # fmt: skip
    title = draw(TEXT)
    if atom:
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{"".join(entries)}</feed>'
    else:
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{"".join(entries)}</channel></rss>'
    cut = draw(st.integers(0, len(doc)))
    return doc if draw(st.integers(0, 4)) else doc[:cut]  # sometimes truncated


@st.composite
def front_matter_texts(draw) -> bytes:
    keys = ["id", "outlet", "published", "date", "title", "url", "author", "", "ID", "published "]
    lines = [f"{draw(st.sampled_from(keys))}{draw(st.sampled_from([':', ': ', '=', '']))}{draw(TEXT)}" for _ in range(draw(st.integers(0, 4)))]
    body = draw(TEXTS)
    text = "---\n" + "\n".join(lines) + draw(st.sampled_from(["\n---\n", "\n--\n", "\n"])) + body
    return text.encode("utf-8" if draw(st.integers(0, 5)) else "utf-16", "surrogatepass")


# -- the properties ------------------------------------------------------------------------


@settings(max_examples=EXAMPLES["txt"], **SETTINGS)
@given(data=st.one_of(st.binary(max_size=300), front_matter_texts()))
def test_any_txt_file(world, data):
    _run(world, "fuzzed.txt", data)


@settings(max_examples=EXAMPLES["html"], **SETTINGS)
@given(doc=html_docs(), encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]))
def test_any_html_file(world, doc, encoding):
    _run(world, "fuzzed.html", doc.encode(encoding, "replace"))


@settings(max_examples=EXAMPLES["jsonl"], **SETTINGS)
@given(data=manifest_lines())
def test_any_jsonl_manifest(world, data):
    _run(world, "m.jsonl", data)


@settings(max_examples=EXAMPLES["feed"], **SETTINGS)
@given(doc=feeds(), suffix=st.sampled_from([".xml", ".rss", ".atom"]))
def test_any_feed(world, doc, suffix):
    _run(world, f"fuzzed{suffix}", doc.encode("utf-8", "surrogatepass"))


@settings(max_examples=EXAMPLES["stdin"], **SETTINGS)
@given(data=st.one_of(st.binary(max_size=300), manifest_lines(), html_docs().map(str.encode), feeds().map(lambda d: d.encode("utf-8", "replace"))))
def test_any_bytes_on_stdin(world, data):
    _run(world, "-", stdin=data)
