"""How the HTML dossier scales: size and speed in Chromium for synthetic stories of 100 and 1,000 articles.

The stories are bench/reconcile_scale.py's (a cast of 40, 300 events, 10–30 claims an article,
mixed sources, wrong dates, denials, ages), reconciled for real, with each article padded to a
realistic length (``--chars``, default 3,500 characters: a news article of ~600 words) by
paragraphs of generated prose that hold no claim, so the embedded texts compress like text does.

Printed per size: articles, claims, facts; render time in Python; dossier size (MB = 10^6 bytes);
and in Chromium (headless, the system's /usr/bin/chromium through playwright): first contentful
paint, time until the facts are rendered from the data block ("ready"), time to apply a source-kind
+ outlet filter and paint it, and time to open an article at a claim's sentence.

Issue targets: 100 articles ≤ 1.5 MB and first paint < 1 s; 1,000 articles < 10 MB and opens
and filters in under 2 s. A benchmark, not a test: it prints, it does not assert.

    python bench/dossier.py                    # 100 and 1000 articles
    python bench/dossier.py --sizes 100 --keep out/bench   # keep the HTML files
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reconcile_scale  # noqa: E402  (the synthetic story generator beside this file)

from storyline.core.ids import content_hash  # noqa: E402
from storyline.core.options import ReconcileOptions  # noqa: E402
from storyline.core.records import ArticleReading  # noqa: E402
from storyline.present.report import render_report  # noqa: E402
from storyline.reconcile import reconcile  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
_WORDS = (
    "the a of and to in that for on with as at by from his her their it was is were has had have been said says "
    "after before during while since when where who which would could may might also only still just more most "
    "people friends family house city night week month year years time day career film music show company "
    "statement interview photo photos event dinner party hotel restaurant street studio set premiere trip visit "
    "spokesperson representative insider source sources report reports rumor rumors couple pair marriage divorce "
    "custody children kids fans crowd press cameras comment comments message post posts caption account video "
    "appeared arrived left returned declined refused confirmed denied suggested described noted added explained "
    "quiet private public recent early late long short new old busy happy tense calm careful close distant "
    "several many few two three four weeks months later earlier again together apart alone nearby downtown abroad"
).split()


def _prose(rng: random.Random, chars: int) -> str:
    """Paragraphs of generated sentences, about ``chars`` long, that name no one and state nothing."""
    paras, n = [], 0
    while n < chars:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
            sentences.append(" ".join(words).capitalize() + ".")
        para = " ".join(sentences)
        paras.append(para)
        n += len(para) + 2
    return "\n\n".join(paras)


def story(n: int, chars: int, events: int = 300, seed: int = 11):
    """``n`` synthetic readings padded to ``chars`` characters each, and their reconciled story."""
    rng = random.Random(seed)
    readings = []
    for r in reconcile_scale.corpus(n, n_events=events):
        text = r.article.text
        if len(text) < chars:
            text = text + "\n\n" + _prose(rng, chars - len(text))
        art = replace(r.article, text=text, content_hash=content_hash(text), title=f"Report {r.article.id}: the story so far")
        readings.append(ArticleReading(art, r.entities, r.mentions, r.ages, r.timexes, r.claims))
    return readings, reconcile(readings, ReconcileOptions())


_FILTER_JS = """async () => {
  const pick = [...document.querySelectorAll('#f-outlet option')].find(o => o.value !== '');
  const t0 = performance.now();
  document.querySelector('[data-kind="anonymous"]').click();
  const sel = document.getElementById('f-outlet');
  sel.value = pick.value;
  sel.dispatchEvent(new Event('change'));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [performance.now() - t0, document.getElementById('fact-count').textContent];
}"""
_READ_JS = """async () => {
  const link = document.querySelector('#fact-list .fact [data-toggle]');
  link.click();
  const read = document.querySelector('#fact-list .fact a.read');
  const t0 = performance.now();
  read.click();
  await new Promise(r => { const check = () => document.getElementById('reader-target') ? r() : setTimeout(check, 1); check(); });
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}"""


def measure(path: Path, runs: int) -> dict:
    """Median timings of ``runs`` fresh page loads in headless Chromium."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 950})
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(path.as_uri())
            page.wait_for_selector("html[data-ready]", timeout=60_000)
            fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || -1")
            ready = page.evaluate("(performance.getEntriesByName('storyline-ready')[0] || {}).startTime || -1")
            filt, count = page.evaluate(_FILTER_JS)
            read = page.evaluate(_READ_JS)
            rows.append({"fcp": fcp, "ready": ready, "filter": filt, "read": read, "count": count, "errors": errors})
            page.close()
        browser.close()
    med = lambda k: sorted(r[k] for r in rows)[len(rows) // 2]  # noqa: E731
    return {"fcp": med("fcp"), "ready": med("ready"), "filter": med("filter"), "read": med("read"),
            "count": rows[-1]["count"], "errors": sum(len(r["errors"]) for r in rows)}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--chars", type=int, default=3500, help="pad each article to this many characters (default 3500)")
    ap.add_argument("--events", type=int, default=300, help="events the story draws claims from (default 300; more events, more facts)")
    ap.add_argument("--runs", type=int, default=3, help="page loads per size; medians are printed (default 3)")
    ap.add_argument("--keep", type=Path, help="write the dossiers into this folder")
    ap.add_argument("--no-browser", action="store_true", help="sizes only")
    args = ap.parse_args(argv)
    out = args.keep or Path(tempfile.mkdtemp(prefix="storyline-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>8} {'claims':>7} {'facts':>6} {'render s':>8} {'MB':>6} {'text MB':>7} "
          f"{'FCP ms':>7} {'ready ms':>8} {'filter ms':>9} {'open ms':>7}  after filter")  # fmt: skip
    for n in args.sizes:
        readings, st = story(n, args.chars, args.events)
        t0 = time.perf_counter()
        html = render_report(readings, st, footer="bench")
        render_s = time.perf_counter() - t0
        path = out / f"dossier-{n}.html"
        path.write_text(html, "utf-8")
        size = path.stat().st_size / 1e6
        text = sum(len(r.article.text.encode("utf-8")) for r in readings) / 1e6
        claims = sum(len(r.claims) for r in readings)
        line = f"{n:>8} {claims:>7} {len(st.facts):>6} {render_s:>8.2f} {size:>6.2f} {text:>7.2f}"
        if not args.no_browser:
            m = measure(path, args.runs)
            line += f" {m['fcp']:>7.0f} {m['ready']:>8.0f} {m['filter']:>9.1f} {m['read']:>7.1f}  {m['count']}"
            if m["errors"]:
                line += f"  ({m['errors']} page errors!)"
        print(line, flush=True)
    print(f"dossiers in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
