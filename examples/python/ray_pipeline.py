"""Stance analysis on Ray Data: JSONL or Parquet shards in, Parquet tables and the stance
matrix out.

    python examples/python/ray_pipeline.py SHARDS... --out DIR [--workers 2]

Each input row is one document: ``text`` (required), ``id``, and optionally ``title``,
``outlet``, ``published``, ``url``, ``genre`` (the JSONL fields of ``stancemap analyze``).
The pipeline:

1. reads the shards with ``ray.data.read_json`` / ``read_parquet``;
2. analyses them with ``map_batches`` and :class:`StanceWorker`, an actor class: each
   worker builds its :class:`stancemap.Analyzer` once and reuses it for every batch
   (the analysis runs in Rust without the GIL; ``threads=1`` since Ray gives each
   worker one CPU). A batch of documents becomes a batch of rows, one per document,
   with the document's statements, stances and actors as nested lists;
3. writes ``statements``, ``stances`` and ``actors`` as Parquet under ``--out``;
4. builds the stance matrix with polars: the stances and actors tables are read with
   polars and aggregated by ``stancemap.matrix`` (the same aggregation and actor
   identity across documents as ``stancemap matrix``), and written as ``matrix.parquet``.

On a cluster, call ``ray.init(address="auto")`` (or run under ``ray job submit``) and give
``--out`` a path every node can write (S3, GCS, a shared file system).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

import polars as pl
import pyarrow as pa
import ray

import stancemap

META = ("title", "outlet", "published", "url", "genre")
TABLES = ("statements", "stances", "actors")


class StanceWorker:
    """A Ray actor: one analyzer per worker process, built once."""

    def __init__(self, topics: Sequence[str] = (), registry: Sequence[str] = ()):
        self.analyzer = stancemap.Analyzer(topics=topics, registry=registry, threads=1)

    def __call__(self, batch: pa.Table) -> pa.Table:
        names = batch.column_names
        meta = {f: as_text(batch.column(f)) for f in META if f in names}
        ids = as_text(batch.column("id")) if "id" in names else None
        analysis = self.analyzer.analyze(batch.column("text"), ids, meta or None)
        # One row per document; `report` (the JSON line) is left out to keep rows small.
        return analysis.nested(TABLES).drop_columns(["report"])


def as_text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """A metadata column as strings; a date a reader inferred is written `YYYY-MM-DD`."""
    if pa.types.is_timestamp(column.type):
        column = column.cast(pa.date32())
    return column.cast(pa.string())


# Every field as a string, so that the JSON reader (pyarrow's, for JSON lines) does not
# turn dates into timestamps.
JSON_SCHEMA = pa.schema([(f, pa.string()) for f in ("id", "text", *META)])


def explode(column: str):
    """A batch function: the flat table of one nested column."""

    def run(batch: pa.Table) -> pa.Table:
        return stancemap.explode(batch, column)

    return run


# Reading is light next to the analysis: read tasks reserve no CPU, so that they still run
# when every CPU is held by an analyzer actor (else `workers` = CPUs would wait forever).
READ_CPUS = 0


def read_shards(paths: Sequence[str]) -> "ray.data.Dataset":
    files = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files += sorted(str(f) for f in path.rglob("*") if f.suffix in (".jsonl", ".ndjson", ".json", ".parquet"))
        else:
            files.append(str(path))
    parquet = [f for f in files if f.endswith(".parquet")]
    jsonl = [f for f in files if not f.endswith(".parquet")]
    sets = []
    if jsonl:
        import pyarrow.json as pajson

        sets.append(
            ray.data.read_json(
                jsonl, parse_options=pajson.ParseOptions(explicit_schema=JSON_SCHEMA), num_cpus=READ_CPUS
            )
        )
    if parquet:
        sets.append(ray.data.read_parquet(parquet, num_cpus=READ_CPUS))
    if not sets:
        raise SystemExit(f"no .jsonl or .parquet shards in {list(paths)}")
    ds = sets[0]
    for more in sets[1:]:
        ds = ds.union(more)
    return ds


def run(
    shards: Sequence[str],
    out: str,
    workers: int = 2,
    batch_size: int = 256,
    topics: Sequence[str] = (),
    registry: Sequence[str] = (),
) -> dict:
    """Runs the pipeline (Ray must be initialised); returns timings and counts."""
    t0 = time.perf_counter()
    # Read first: some read stages (listing Parquet files) reserve a CPU, which they would
    # never get once `workers` actors hold every CPU.
    ds = read_shards(shards).materialize()
    analysed = ds.map_batches(
        StanceWorker,
        fn_constructor_kwargs={"topics": list(topics), "registry": list(registry)},
        compute=ray.data.ActorPoolStrategy(size=workers),
        batch_size=batch_size,
        batch_format="pyarrow",
        num_cpus=1,
    ).materialize()
    t_analysed = time.perf_counter()
    out_dir = Path(out)
    for name in TABLES:
        analysed.map_batches(explode(name), batch_format="pyarrow", batch_size=None, num_cpus=0.5).write_parquet(
            str(out_dir / name)
        )
    n_docs = analysed.count()
    # The matrix, with polars: read the stance and actor tables back, aggregate in Rust.
    stances = pl.read_parquet(str(out_dir / "stances" / "*.parquet"))
    actors = pl.read_parquet(str(out_dir / "actors" / "*.parquet"))
    matrix = pl.from_arrow(stancemap.matrix(stances, actors))
    matrix.write_parquet(str(out_dir / "matrix.parquet"))
    t1 = time.perf_counter()
    return {
        "documents": n_docs,
        "workers": workers,
        "analyse_seconds": round(t_analysed - t0, 3),
        "total_seconds": round(t1 - t0, 3),
        "docs_per_second": round(n_docs / max(t_analysed - t0, 1e-9), 1),
        "matrix_rows": matrix.height,
    }


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shards", nargs="+", help="JSONL or Parquet files, or directories of them")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--workers", type=int, default=2, help="analyzer actors (one CPU each)")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--topics", action="append", default=[], help="extra topic pack (TOML)")
    ap.add_argument("--registry", action="append", default=[], help="extra registry file (TOML)")
    ap.add_argument("--address", default=None, help="Ray cluster address (default: a local cluster)")
    args = ap.parse_args(argv)
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=max(args.workers, 1), include_dashboard=False)
    try:
        stats = run(args.shards, args.out, args.workers, args.batch_size, args.topics, args.registry)
    finally:
        ray.shutdown()
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
