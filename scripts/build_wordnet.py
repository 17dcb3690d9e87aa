#!/usr/bin/env python3
"""Build storyline's compact WordNet table from the WordNet 3.0 database files.

Reads the plain-text WordNet files itself (``index.noun``, ``index.verb``,
``data.noun``, ``data.verb``, ``noun.exc``, ``verb.exc``; format in wndb(5WN))
and writes ``wordnet.json.gz`` into ``--out``.  Pure standard library.

Only nouns and verbs are kept.  Lemmas are lowercase with WordNet's ``_`` for
spaces ("pass_away").  Synset ids are NLTK-style names ``lemma.pos.NN`` (first
word of the synset plus that word's sense number), e.g. ``marry.v.01``.

The output is deterministic: same input files give a byte-identical file
(sorted keys, no gzip timestamp or file name).

    apt-get install wordnet-base          # Debian: files under /usr/share/wordnet
    python scripts/build_wordnet.py [--dict /usr/share/wordnet] [--out src/storyline/data/wordnet]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
from pathlib import Path

DEFAULT_DICT = "/usr/share/wordnet"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "storyline" / "data" / "wordnet"
OUT_NAME = "wordnet.json.gz"
FORMAT = 1

# Lexicographer file numbers -> names (lexnames(5WN); fixed for WordNet 3.0).
LEXNAMES = (
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
    "noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
    "noun.communication", "noun.event", "noun.feeling", "noun.food", "noun.group",
    "noun.location", "noun.motive", "noun.object", "noun.person",
    "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state",
    "noun.substance", "noun.time", "verb.body", "verb.change", "verb.cognition",
    "verb.communication", "verb.competition", "verb.consumption",
    "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
    "verb.perception", "verb.possession", "verb.social", "verb.stative",
    "verb.weather", "adj.ppl",
)
POS_FILES = {"n": "noun", "v": "verb"}
HYPERNYM_POINTERS = {"@", "@i"}  # hypernym and instance hypernym
DERIVATION_POINTER = "+"


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, most frequent sense first (index.pos order)."""
    lemmas: dict[str, list[str]] = {}
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):  # licence header
                continue
            f = line.split()
            # lemma pos synset_cnt p_cnt [ptr_symbol]*p_cnt sense_cnt tagsense_cnt [synset_offset]*synset_cnt
            lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
            offsets = f[6 + p_cnt:]
            if len(offsets) != synset_cnt:
                raise ValueError(f"{path}: bad line for {lemma!r}")
            lemmas[lemma] = offsets
    return lemmas


def read_data(path: Path, pos: str) -> dict[str, dict]:
    """offset -> {lexfile, words, ptrs:[(symbol, offset, pos, src, tgt)]}."""
    synsets: dict[str, dict] = {}
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            body = line.split(" | ", 1)[0]
            f = body.split()
            offset, lexfile, ss_type = f[0], int(f[1]), f[2]
            if ss_type != pos:
                raise ValueError(f"{path}: synset {offset} has type {ss_type!r}")
            w_cnt = int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(w_cnt)]
            i = 4 + 2 * w_cnt
            p_cnt = int(f[i])
            ptrs = []
            for k in range(p_cnt):
                sym, off, tpos, st = f[i + 1 + 4 * k: i + 5 + 4 * k]
                ptrs.append((sym, off, tpos, int(st[:2], 16), int(st[2:], 16)))
            synsets[offset] = {"lexfile": lexfile, "words": words, "ptrs": ptrs}
    return synsets


def read_exceptions(path: Path) -> dict[str, list[str]]:
    exc: dict[str, list[str]] = {}
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            f = line.split()
            if len(f) >= 2:
                exc[f[0]] = sorted(set(f[1:]))
    return exc


def build(dict_dir: Path) -> dict:
    index = {p: read_index(dict_dir / f"index.{name}") for p, name in POS_FILES.items()}
    data = {p: read_data(dict_dir / f"data.{name}", p) for p, name in POS_FILES.items()}

    # NLTK-style names: first word of the synset + its sense number for that word.
    names: dict[tuple[str, str], str] = {}
    for p, synsets in data.items():
        for off, ss in synsets.items():
            first = ss["words"][0]
            sense = index[p][first].index(off) + 1
            names[(p, off)] = f"{first}.{p}.{sense:02d}"
    if len(set(names.values())) != len(names):
        raise ValueError("synset names are not unique")

    out_synsets: dict[str, list] = {}
    for p, synsets in data.items():
        for off, ss in synsets.items():
            hypers = sorted(
                {names[(tp, o)] for sym, o, tp, _, _ in ss["ptrs"] if sym in HYPERNYM_POINTERS and tp in data}
            )
            derivs = sorted(
                {
                    (s, names[(tp, o)], t)
                    for sym, o, tp, s, t in ss["ptrs"]
                    if sym == DERIVATION_POINTER and tp in data and s and t
                }
            )
            out_synsets[names[(p, off)]] = [ss["lexfile"], ss["words"], hypers, [list(d) for d in derivs]]

    out_lemmas = {
        p: {lemma: [names[(p, o)] for o in offs] for lemma, offs in index[p].items()} for p in POS_FILES
    }
    exceptions = {p: read_exceptions(dict_dir / f"{name}.exc") for p, name in POS_FILES.items()}
    return {
        "format": FORMAT,
        "source": "WordNet 3.0 (Princeton University), Debian package wordnet-base",
        "lexnames": list(LEXNAMES),
        # synset -> [lexfile number, words (1-based in derivations), hypernyms,
        #            derivations [[source word no., target synset, target word no.], ...]]
        "synsets": out_synsets,
        "lemmas": out_lemmas,  # pos -> lemma -> synsets, most frequent sense first
        "exceptions": exceptions,  # pos -> inflected form -> base forms
    }


def write(table: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    buf = io.BytesIO()
    # filename="" and mtime=0 keep the gzip header free of anything that changes between runs.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    path = out_dir / OUT_NAME
    path.write_bytes(buf.getvalue())
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dict", type=Path, default=Path(DEFAULT_DICT), help=f"WordNet dict folder (default {DEFAULT_DICT})")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default src/storyline/data/wordnet)")
    args = ap.parse_args(argv)
    missing = [n for n in ("index.noun", "index.verb", "data.noun", "data.verb", "noun.exc", "verb.exc")
               if not (args.dict / n).is_file()]
    if missing:
        print(f"error: {args.dict} lacks {', '.join(missing)}; install Debian's wordnet-base "
              "(apt-get install wordnet-base) or pass --dict", file=sys.stderr)
        return 2
    table = build(args.dict)
    path = write(table, args.out)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    n_lem = sum(len(v) for v in table["lemmas"].values())
    print(f"wrote {path} ({path.stat().st_size:,} bytes, sha256 {digest}): "
          f"{len(table['synsets']):,} synsets, {n_lem:,} lemmas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
