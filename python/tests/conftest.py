"""Shared fixtures of the Python package's tests (run by `.ci/python`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def cli_binary() -> Path:
    """The `stancemap` binary the package is compared with (env STANCEMAP_BIN)."""
    return Path(os.environ.get("STANCEMAP_BIN", REPO / "target" / "debug" / "stancemap"))


@pytest.fixture(scope="session")
def stancemap_bin() -> Path:
    b = cli_binary()
    if not b.exists():
        pytest.skip(f"no stancemap binary at {b} (build it, or set STANCEMAP_BIN)")
    return b


def cli_jsonl(binary: Path, *args: str) -> list:
    """Runs `stancemap analyze ARGS --format jsonl` and parses its lines."""
    out = subprocess.run(
        [str(binary), "analyze", *args, "--format", "jsonl"],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def statement_rows(reports) -> list:
    """The CLI's statements, flattened as the `statements` table is: one row per
    statement and topic stance (one row with no topic for a statement without one)."""
    rows = []
    for r in reports:
        for i, s in enumerate(r["statements"]):
            for st in s["stances"] or [None]:
                rows.append(
                    (
                        str(r["doc_id"]),
                        i,
                        s["actor"],
                        st and st["topic"],
                        st and st["stance"],
                        None if st is None else round(st["score"], 3),
                        s["start"],
                        s["end"],
                        s["text"],
                        s["quote"],
                        s.get("cue"),
                    )
                )
    return sorted(rows, key=repr)


def table_statement_rows(table) -> list:
    """The same rows from a `statements` table (pyarrow), without a Python loop over
    columns' values other than the final tuple building."""
    d = table.to_pydict()
    cols = ["doc_id", "statement", "actor_id", "topic", "stance", "score", "start", "end", "text", "quote", "cue"]
    rows = zip(*(d[c] for c in cols))
    return sorted(
        ((a, b, c, t, s, None if sc is None else round(sc, 3), st, e, x, q, cu) for a, b, c, t, s, sc, st, e, x, q, cu in rows),
        key=repr,
    )


# The document generator is the example's (examples/python/generate_shards.py).
sys.path.insert(0, str(REPO / "examples" / "python"))
from generate_shards import generated_documents  # noqa: E402
