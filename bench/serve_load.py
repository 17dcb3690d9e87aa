"""The web workspace under load: many readers on a 1,000-article story while an editor adds articles.

A synthetic story (bench/dossier.py's: bench/reconcile_scale.py's articles padded to news
length, reconciled for real) is stored in a new SQLite database; `storyline serve` runs on it in
its own process on 127.0.0.1. Then, for ``--seconds``:

- ``--readers`` concurrent readers (asyncio + httpx, each with an API token) loop over the
  fact list (a random filter: a status, a source kind, an outlet, a person or words; a random
  page) and fact pages (a random fact of the list they saw);
- one editor pastes a new article every ``--add-every`` seconds through the API; each makes a job
  that reads it (the spaCy model given by ``--model``; default the installed English one) and
  reconciles the story again (the first job in full, the next ones incrementally: the server
  process keeps the story's reconcile cache, storyline.reconcile.incremental).

Printed: the latency (p50, p95, max, in ms) of the fact list and of fact pages, first with one
reader and no writer (the baseline, measured in this run), then under load; the errors (any
status but 200 and any exception); and whether every article the editor added is in the story
when its job has ended (nothing lost). Issue 13's targets: p95 < 200 ms, 0 errors, nothing lost.
A benchmark, not a test: it prints, it does not assert.

    python bench/serve_load.py                              # 1,000 articles, 50 readers, 60 s
    python bench/serve_load.py --articles 200 --seconds 20  # a quick look
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

STORY = "bench"


def build(db: Path, articles: int, chars: int) -> tuple[int, int]:
    """Store the synthetic story in ``db``; (articles, facts)."""
    import dossier  # bench/dossier.py: the synthetic story, padded to news length

    from storyline import api
    from storyline.core.records import Coverage

    readings, story = dossier.story(articles, chars)
    with api.open_store(db) as store:
        for r in readings:
            store.put_reading(r, STORY)
        store.replace_story(replace(story, coverage=Coverage.of({r.article.id: r.article.content_hash for r in readings})), STORY)
    return len(readings), len(story.facts)


def token(db: Path) -> str:
    from argon2 import PasswordHasher

    from storyline import api
    from storyline.serve.auth import Auth

    with api.open_store(db) as store:
        auth = Auth(store.desk, PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        account = auth.add_account("bench", "bench password 1", "editor")
        return auth.new_token(account, "bench")


def serve(db: str, port: int, model: str) -> None:
    """The server process: `storyline serve` as the CLI runs it."""
    import uvicorn

    from storyline.cli import KEEP_ALIVE
    from storyline.core.options import load_options
    from storyline.serve import create_app

    uvicorn.run(create_app(db, options=load_options().with_(model=model or None)), host="127.0.0.1", port=port,
                log_level="warning", timeout_keep_alive=KEEP_ALIVE)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stats(ms: list[float]) -> str:
    if not ms:
        return "no requests"
    q = statistics.quantiles(ms, n=20) if len(ms) > 1 else [ms[0]] * 19
    return f"n={len(ms):6d}  p50 {statistics.median(ms):7.1f}  p95 {q[18]:7.1f}  max {max(ms):7.1f}"


async def _wait_ready(client, base: str, seconds: float = 120) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if (await client.get(f"{base}/api/openapi.json")).status_code == 200:
                return
        except Exception:  # noqa: BLE001 - not listening yet
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("the server did not start")


class Reader:
    """One reader's keep-alive HTTP/1.1 connection, written and parsed here: the readers must
    cost the machine far less than the server does, or the run measures its own client (httpx
    spends about 6 ms of CPU a request at 50 connections, more than the server spends answering,
    on a 2-core machine that also runs the server). Answers are JSON with a Content-Length."""

    def __init__(self, base: str, key: str):
        host, port = base.removeprefix("http://").split(":")
        self.host, self.port = host, int(port)
        self.head = f"Host: {host}:{port}\r\nAuthorization: Bearer {key}\r\nAccept: application/json\r\n\r\n"
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, params: dict) -> tuple[int, bytes]:
        target = f"{path}?{urlencode(params)}" if params else path
        for attempt in (1, 2):  # the server may have closed an idle connection: open a new one once
            if self.streams is None:
                self.streams = await asyncio.open_connection(self.host, self.port)
            reader, writer = self.streams
            try:
                writer.write(f"GET {target} HTTP/1.1\r\n{self.head}".encode())
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                fields = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
                length = next((int(v) for k, v in fields.items() if k.lower() == "content-length"), None)
                if length is None:
                    raise ValueError(f"an answer without Content-Length: {head[0]}")
                body = await reader.readexactly(length)
                if any(k.lower() == "connection" and v.lower() == "close" for k, v in fields.items()):
                    self.close()
                return int(head[0].split()[1]), body
            except (asyncio.IncompleteReadError, ConnectionError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def _reader(base: str, key: str, story: str, choices: dict, until: float, seed: int, out: dict) -> None:
    rng = random.Random(seed)
    seen: list[str] = []
    client = Reader(base, key)
    while time.monotonic() < until:
        if seen and rng.random() < 0.5:
            kind, url, params = "fact", f"/api/stories/{story}/facts/{rng.choice(seen)}", {}
        else:
            key_ = rng.choice(["status", "kind", "outlet", "person", "q", None])
            params = {"offset": rng.choice([0, 0, 50, 100])}
            if key_ == "q":
                params["q"] = rng.choice(["said", "left", "paris", "married"])
            elif key_:
                value = rng.choice(choices[key_])
                params[key_] = value[0] if isinstance(value, list) else value
            kind, url = "list", f"/api/stories/{story}/facts"
        started = time.perf_counter()
        try:
            status, body = await client.get(url, params)
            ms = (time.perf_counter() - started) * 1000
            if status != 200 and not (kind == "fact" and status == 404):
                out["errors"].append(f"{status} {url}")
            else:
                out[kind].append(ms)
                if kind == "list":
                    seen = [f["id"] for f in json.loads(body)["items"]] or seen
        except Exception as exc:  # noqa: BLE001 - counted, the run goes on
            out["errors"].append(f"{type(exc).__name__}: {exc}")
    client.close()


async def _editor(client, base: str, story: str, until: float, every: float, out: dict) -> None:
    n = 0
    while time.monotonic() < until:
        n += 1
        text = (f"Dana Whitcombe told reporters in Lisbon on Tuesday that the tour would resume in March, "
                f"bench addition {n} at {time.time():.3f}.")  # fmt: skip
        r = await client.post(f"{base}/api/stories/{story}/pasted", json={"text": text, "outlet": "Bench Wire",
                                                                        "published": "2024-07-10"})  # fmt: skip
        if r.status_code == 202:
            out["jobs"].append(r.json()["id"])
        else:
            out["errors"].append(f"editor {r.status_code}: {r.text[:200]}")
        await asyncio.sleep(max(0.0, min(every, until - time.monotonic())))


async def run(base: str, key: str, args: argparse.Namespace, expected: int) -> None:
    import httpx

    head = {"Authorization": f"Bearer {key}"}
    limits = httpx.Limits(max_connections=args.readers + 4)
    async with httpx.AsyncClient(headers=head, timeout=60, limits=limits) as client:
        await _wait_ready(client, base)
        story = (await client.get(f"{base}/api/stories")).json()["items"][0]["id"]
        t0 = time.perf_counter()
        choices_page = await client.get(f"{base}/api/stories/{story}/facts", params={"limit": 1})
        print(f"first view of the story (built on first use): {(time.perf_counter() - t0):.1f} s, "
              f"{choices_page.json()['total']} facts")
        choices = _choices_from(await client.get(f"{base}/api/stories/{story}/outlets"),
                                await client.get(f"{base}/api/stories/{story}/people", params={"limit": 50}))
        base_out: dict = {"list": [], "fact": [], "errors": []}
        await _reader(base, key, story, choices, time.monotonic() + args.baseline_seconds, 1, base_out)
        print(f"baseline, 1 reader, no writer:   fact list {_stats(base_out['list'])}")
        print(f"                                 fact page {_stats(base_out['fact'])}  errors {len(base_out['errors'])}")

        out: dict = {"list": [], "fact": [], "errors": [], "jobs": []}
        until = time.monotonic() + args.seconds
        tasks = [_reader(base, key, story, choices, until, i + 2, out) for i in range(args.readers)]
        if args.add_every > 0:
            tasks.append(_editor(client, base, story, until, args.add_every, out))
        await asyncio.gather(*tasks)
        who = f"{args.readers} readers" + (" + 1 editor" if args.add_every > 0 else "")
        print(f"{who}, {args.seconds} s: fact list {_stats(out['list'])}")
        print(f"                                 fact page {_stats(out['fact'])}")
        print(f"errors: {len(out['errors'])}" + (f" (first: {out['errors'][:3]})" if out["errors"] else ""))

        states = {}
        for job in out["jobs"]:
            for _ in range(600):
                state = (await client.get(f"{base}/api/jobs/{job}")).json()
                if state["state"] in ("done", "failed", "cancelled"):
                    break
                await asyncio.sleep(0.5)
            states[job] = state["state"]
        count = (await client.get(f"{base}/api/stories/{story}")).json()["counts"]["articles"]
        done = sum(1 for s in states.values() if s == "done")
        lost = expected + done - count
        print(f"editor: {len(out['jobs'])} article(s) added, {done} job(s) done, others {sorted(set(states.values()) - {'done'})}; "
              f"story holds {count} of {expected + done} articles: {'nothing lost' if lost == 0 else f'{lost} LOST'}")


def _choices_from(outlets, people) -> dict:
    return {
        "status": ["contested", "contradicted", "corroborated", "single_source"],
        "kind": ["anonymous", "named_person", "outlet", "other_media", "rumor", "unattributed"],
        "outlet": [o["name"] for o in outlets.json()["items"]] or ["x"],
        "person": [p["id"] for p in people.json()["items"]] or ["x"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=3500, help="pad each article to this many characters (default 3500)")
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--baseline-seconds", type=int, default=10)
    ap.add_argument("--add-every", type=float, default=5.0, help="seconds between the editor's articles (default 5; 0: no editor)")
    ap.add_argument("--model", default="", help="spaCy pipeline for the added articles (default: the installed English one)")
    ap.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), args.model)
        return 0
    with tempfile.TemporaryDirectory(prefix="storyline-serve-load-") as tmp:
        db = Path(tmp) / "story.db"
        t0 = time.perf_counter()
        n, facts = build(db, args.articles, args.chars)
        print(f"story: {n} articles, {facts} facts (built and stored in {time.perf_counter() - t0:.0f} s)", flush=True)
        key = token(db)
        port = _free_port()
        cmd = [sys.executable, __file__, "--serve", str(db), str(port)] + (["--model", args.model] if args.model else [])
        server = subprocess.Popen(cmd, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            asyncio.run(run(f"http://127.0.0.1:{port}", key, args, n))
        finally:
            server.terminate()
            server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
