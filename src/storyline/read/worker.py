"""A reading worker process: ``python -m storyline.read.worker`` (started by storyline.read.parallel).

Protocol, pickle over stdin and stdout: the first object in is ``(PipelineSpec, batch_size)``;
then each object in is a list of Articles, answered by one list of ``ArticleReading`` or
exception, in the same order. End of input ends the process.
"""

from __future__ import annotations

import os
import pickle
import sys

from storyline.core.heap import long_lived
from storyline.read.parallel import Result


def sendable(result: Result) -> Result:
    """An exception that cannot be pickled would lose the whole batch: send its type name and
    message instead (the rejection shows both)."""
    if not isinstance(result, Exception):
        return result
    try:
        pickle.dumps(result)
        return result
    except Exception:  # noqa: BLE001 - any pickling failure
        return RuntimeError(f"{type(result).__name__}: {result}")


def main() -> None:
    # The results own fd 1; anything a library prints goes to stderr instead of corrupting them.
    results = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inbox = sys.stdin.buffer
    from storyline.read.reader import read_articles

    pipeline, batch_size = pickle.load(inbox)
    try:
        nlp = pipeline.load()
    except Exception:  # noqa: BLE001 - the parent loads it too and reports the error, with its fix
        sys.exit(3)
    with long_lived():  # the pipeline, loaded once, is out of the collector's passes
        while True:
            try:
                batch = pickle.load(inbox)
            except EOFError:
                return
            out = [sendable(r) for _, r in read_articles(nlp, batch, batch_size)]
            pickle.dump(out, results, protocol=pickle.HIGHEST_PROTOCOL)
            results.flush()


if __name__ == "__main__":
    main()
