#!/usr/bin/env python3
"""Build the ``nicknames`` table of ``src/storyline/data/nicknames.json`` from a public resource.

The resource is the ``nicknames`` package on PyPI (Carlton Northern and Nick Crews, a hand-curated
CSV of English given names and their nicknames, Apache-2.0): its ``names.csv`` holds rows
``name1,has_nickname,name2``. The reader links a short form to a full name through this table
("Katie Jenkin" / "Kathryn Jenkin", "Bill" / "William"), so it is knowledge, kept as data and
rebuilt here rather than written by hand.

The resource is genealogical: it records what a clerk once wrote for a name ("Robert" -> "Bill",
"William" -> "Bell", "John" -> "Ian", "Louis" -> "Lewis"), and in news a wrong link joins two
people. So only its plain short forms are kept, those that begin with the full name's letter and
are shorter than it, where neither is an English noun or verb (WordNet: "Day" for David is a
word, "Katie" is not; the resource counts "California" among given names) and that the file's own gender lists (``female`` / ``male``, left as they are) do not put on
the other side ("Aaron" -> "Erin"), and that are no given name of their own, a name the
resource gives short forms of ("Emily" -> "Emma", "Ernestine" -> "Ernest", "Joanna" -> "Joan":
two sisters, or a father and his daughter, are not one person). Then the file's ``supplement``, the project's own table from
before this script (the classic forms the filters drop: "William" -> "Bill", "Richard" -> "Dick"),
is merged in. The output is deterministic (sorted names and forms).

    pip download --no-deps nicknames==1.0.1 -d /tmp/nick
    python scripts/build_nicknames.py --source /tmp/nick/nicknames-1.0.1-py3-none-any.whl

``--source`` takes the wheel, the ``names.csv`` itself, or nothing when the package is installed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import zipfile
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "src" / "storyline" / "data" / "nicknames.json"
CSV_IN_WHEEL = "nicknames/names.csv"


def read_rows(source: str | None) -> list[tuple[str, str]]:
    """(name, nickname) pairs of the resource's ``names.csv``, lower-case as it writes them."""
    if source is None:
        from importlib.resources import files

        text = files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    elif source.endswith(".whl"):
        with zipfile.ZipFile(source) as wheel:
            text = wheel.read(CSV_IN_WHEEL).decode("utf-8")
    else:
        text = Path(source).read_text(encoding="utf-8")
    rows = csv.reader(io.StringIO(text))
    header = next(rows)
    if header != ["name1", "relationship", "name2"]:
        raise SystemExit(f"{source or 'nicknames'}: unexpected header {header}; fix: use nicknames 1.0.1's names.csv")
    return [(a.strip(), b.strip()) for a, rel, b in rows if rel == "has_nickname" and a.strip() and b.strip()]


def _title(name: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in name.split("-"))


def is_word(form: str) -> bool:
    from storyline.core import words

    return bool(words.synsets(form.lower(), "n") or words.synsets(form.lower(), "v"))


def plain_short_form(formal: str, short: str, female: set[str], male: set[str], word=is_word,
                     given: frozenset[str] = frozenset()) -> bool:
    """Whether the resource's ``short`` for ``formal`` is kept (see the module docstring);
    ``given`` holds the names the resource gives short forms of."""
    if short[:1] != formal[:1] or len(short) >= len(formal) or short in given:
        return False
    if (formal in female and short in male) or (formal in male and short in female):
        return False
    return not word(short) and not word(formal)


def build(rows: list[tuple[str, str]], table: dict, word=is_word) -> dict[str, list[str]]:
    """The ``nicknames`` map: the resource's plain short forms plus the file's supplement."""
    female, male = set(table["female"]), set(table["male"])
    given = frozenset(_title(formal) for formal, _ in rows)
    out: dict[str, set[str]] = {}
    for formal, short in rows:
        formal, short = _title(formal), _title(short)
        if plain_short_form(formal, short, female, male, word, given):
            out.setdefault(formal, set()).add(short)
    for formal, shorts in table.get("supplement", {}).items():
        out.setdefault(formal, set()).update(shorts)
    return {formal: sorted(out[formal]) for formal in sorted(out)}


def dumps(table: dict) -> str:
    """The file's text: one key per line, and one formal name per line of ``nicknames``, so that
    the diff of a rebuild stays readable."""
    def value(key: str, v) -> str:
        if key != "nicknames":
            return json.dumps(v, ensure_ascii=False)
        rows = (f"    {json.dumps(f, ensure_ascii=False)}: {json.dumps(s, ensure_ascii=False)}" for f, s in v.items())
        return "{\n" + ",\n".join(rows) + "\n  }"
    return "{\n" + ",\n".join(f"  {json.dumps(k)}: {value(k, v)}" for k, v in table.items()) + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", help="the nicknames wheel or its names.csv (default: the installed package)")
    ap.add_argument("--table", type=Path, default=TABLE, help="nicknames.json to rewrite")
    args = ap.parse_args(argv)
    table = json.loads(args.table.read_text(encoding="utf-8"))
    table["nicknames"] = build(read_rows(args.source), table)
    args.table.write_text(dumps(table), encoding="utf-8")
    print(f"{args.table}: {len(table['nicknames'])} names, {sum(map(len, table['nicknames'].values()))} short forms",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
