"""Open fresh embedded indexes at the same moment as other processes, for the open-race test.

    python -m tests.open_race ROOT ROUNDS

It prints `ready` once imported; then, for each round r, it waits for ROOT/go-r, opens ROOT/index-r
with the shipped code (client, collections, the check `rag stats --check` runs) and prints `ok r`
or `error r <message>`. The imports happen once, before the first round, so the processes really
do open together.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rag.errors import RagError
from rag.settings import StoreSettings
from rag.store.chroma import ArticleStore
from rag.store.consistency import verify


def main() -> int:
    root, rounds = Path(sys.argv[1]), int(sys.argv[2])
    print("ready", flush=True)
    for r in range(rounds):
        while not (root / f"go-{r}").exists():
            time.sleep(0.001)
        try:
            store = ArticleStore(StoreSettings(path=root / f"index-{r}"), "test-model")
            verify(store)
            print("ok", r, flush=True)
        except RagError as e:
            print("error", r, str(e).replace("\n", " "), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
