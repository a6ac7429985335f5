"""The Ray Data example on a local two-CPU cluster: the statements it writes equal the
CLI's for the same documents."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import REPO, cli_jsonl, generated_documents, statement_rows, table_statement_rows

ray = pytest.importorskip("ray")


def load_pipeline():
    path = REPO / "examples" / "python" / "ray_pipeline.py"
    spec = importlib.util.spec_from_file_location("ray_pipeline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["ray_pipeline"] = module
    spec.loader.exec_module(module)
    # Workers cannot import the example by name: ship its classes by value.
    ray.cloudpickle.register_pickle_by_value(module)
    return module


def write_jsonl(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")


def test_ray_pipeline_gives_the_statements_of_the_cli(tmp_path, stancemap_bin):
    n = int(os.environ.get("STANCEMAP_RAY_DOCS", "3000"))
    docs = generated_documents(n, seed=42)
    third = n // 3
    shards, cli_in, out = tmp_path / "shards", tmp_path / "cli", tmp_path / "out"
    shards.mkdir()
    cli_in.mkdir()
    # Two JSONL shards and one Parquet shard; the CLI reads the same documents as JSONL.
    write_jsonl(shards / "part-0.jsonl", docs[:third])
    write_jsonl(shards / "part-1.jsonl", docs[third : 2 * third])
    fields = ("id", "text", "title", "outlet", "published", "url", "genre")
    rest = docs[2 * third :]
    pq.write_table(
        pa.table({f: pa.array([d.get(f) for d in rest], pa.string()) for f in fields}), shards / "part-2.parquet"
    )
    write_jsonl(cli_in / "all.jsonl", docs)

    pipeline = load_pipeline()
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=300 * 1024**2, log_to_driver=False)
    try:
        stats = pipeline.run([str(shards)], str(out), workers=2, batch_size=250)
    finally:
        ray.shutdown()
    print("ray pipeline:", stats)
    assert stats["documents"] == n

    statements = pq.read_table(out / "statements")
    cli = cli_jsonl(stancemap_bin, str(cli_in / "all.jsonl"))
    expected = statement_rows(cli)
    assert len(expected) > n  # the generated documents do say something
    assert table_statement_rows(statements) == expected

    # The matrix built from the Parquet tables equals `stancemap matrix` on the same input.
    csv = subprocess.run(
        [str(stancemap_bin), "matrix", str(cli_in / "all.jsonl"), "--format", "csv"],
        check=True, capture_output=True, cwd=REPO,
    ).stdout
    want = pl.read_csv(csv, infer_schema_length=0).fill_null("")
    got = pl.read_parquet(out / "matrix.parquet").select(pl.all().cast(pl.String)).fill_null("")
    assert got.columns == want.columns
    assert got.equals(want)
