"""`stancemap network` exports read by the tools discourse-network researchers use:
the tables with pyarrow and polars, the GraphML with networkx.

The CLI binary is found through STANCEMAP_BIN (default: target/debug/stancemap, then
target/release/stancemap, under the repository root). Needs: pytest, pyarrow, polars,
networkx.
"""

import os
import subprocess
from pathlib import Path

import networkx as nx
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "articles"


def _binary() -> Path:
    env = os.environ.get("STANCEMAP_BIN")
    if env:
        return Path(env)
    for build in ("debug", "release"):
        candidate = ROOT / "target" / build / "stancemap"
        if candidate.exists():
            return candidate
    return ROOT / "target" / "debug" / "stancemap"


BIN = _binary()


def stancemap(*args: str) -> subprocess.CompletedProcess:
    if not BIN.exists():
        pytest.fail(f"no stancemap binary at {BIN}: build it or set STANCEMAP_BIN")
    done = subprocess.run(
        [str(BIN), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"stancemap {args} failed:\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """Every export of the bundled corpus, written once."""
    d = tmp_path_factory.mktemp("network")
    corpus = str(CORPUS)
    for name, extra in {
        "edges.parquet": [],
        "edges.csv": [],
        "edges_monthly.parquet": ["--window", "month", "--per-topic"],
        "congruence.csv": ["--projection", "congruence"],
        "conflict.csv": ["--projection", "conflict"],
        "net.graphml": [],
        "subtract.graphml": ["--projection", "subtract"],
        "events.parquet": ["--export", "events"],
        "events.csv": ["--export", "events"],
        "affiliations.parquet": ["--export", "affiliations"],
        "affiliations.csv": ["--export", "affiliations"],
        "evidence.parquet": ["--export", "evidence"],
    }.items():
        stancemap("network", corpus, *extra, "--out", str(d / name))
    return d


def test_event_list_schema_in_pyarrow(out: Path):
    table = pq.read_table(out / "events.parquet")
    schema = table.schema
    assert schema.field("time").type == pa.date32()
    for name in ("statement_id", "doc_id", "actor_id", "concept", "agreement", "text"):
        assert pa.types.is_string(schema.field(name).type) or pa.types.is_large_string(
            schema.field(name).type
        ), name
    assert schema.field("start").type == pa.uint64()
    assert schema.field("qualifier").type == pa.int32()
    assert table.num_rows > 0
    agreement = set(table.column("agreement").to_pylist())
    assert agreement <= {"support", "oppose", "conditional"}
    q = dict(zip(table.column("agreement").to_pylist(), table.column("qualifier").to_pylist()))
    assert all(q[a] == {"support": 1, "oppose": -1, "conditional": 0}[a] for a in q)


def test_csv_and_parquet_agree_in_polars(out: Path):
    for stem in ("events", "affiliations"):
        pq_df = pl.read_parquet(out / f"{stem}.parquet")
        csv_df = pl.read_csv(out / f"{stem}.csv", try_parse_dates=True)
        assert pq_df.height == csv_df.height > 0
        assert pq_df.columns == csv_df.columns
        key = "statement_id"
        assert pq_df[key].to_list() == csv_df[key].to_list()
    edges = pl.read_parquet(out / "edges.parquet")
    edges_csv = pl.read_csv(out / "edges.csv")
    assert edges.height == edges_csv.height > 0
    assert edges["subtract"].to_list() == pytest.approx(edges_csv["subtract"].to_list())
    # CSV joins the statement lists with ';'.
    assert [";".join(x) for x in edges["statements"].to_list()] == edges_csv[
        "statements"
    ].to_list()


def test_every_edge_traces_to_events(out: Path):
    edges = pl.read_parquet(out / "edges.parquet")
    events = pl.read_parquet(out / "events.parquet")
    by_id = {}
    for row in events.iter_rows(named=True):
        by_id.setdefault(row["statement_id"], []).append(row)
    assert (edges["congruence"] - edges["conflict"] - edges["subtract"]).abs().max() < 1e-9
    for edge in edges.iter_rows(named=True):
        assert edge["source"] < edge["target"]
        assert edge["n_statements"] == len(edge["statements"]) > 0
        speakers = set()
        for sid in edge["statements"]:
            assert sid in by_id, sid
            speakers |= {e["actor_id"] for e in by_id[sid]}
        assert speakers == {edge["source"], edge["target"]}
    evidence = pl.read_parquet(out / "evidence.parquet")
    assert set(evidence["statement_id"]) <= set(by_id)
    joined = evidence.join(
        events.select("statement_id", "concept", "start", "end").unique(),
        on=["statement_id", "concept"],
        how="left",
        suffix="_event",
    )
    assert (joined["start"] == joined["start_event"]).all()
    assert (joined["end"] == joined["end_event"]).all()


def test_projections(out: Path):
    edges = pl.read_parquet(out / "edges.parquet")
    for p in ("congruence", "conflict"):
        proj = pl.read_csv(out / f"{p}.csv")
        assert proj.height == edges.filter(pl.col(p) != 0).height
        assert (proj["weight"] > 0).all()
        assert proj["weight"].to_list() == pytest.approx(proj[p].to_list())


def test_time_windows(out: Path):
    monthly = pl.read_parquet(out / "edges_monthly.parquet")
    assert monthly.schema["window_start"] == pl.Date
    assert monthly.schema["window_end"] == pl.Date
    for row in monthly.iter_rows(named=True):
        assert row["window_start"].day == 1
        assert row["window_start"] <= row["window_end"]
        assert row["topic"] is not None


def test_affiliations(out: Path):
    aff = pl.read_parquet(out / "affiliations.parquet")
    assert aff.columns[:4] == ["actor_id", "statement_id", "relation", "timestamp"]
    assert set(aff["relation"]) <= {"support", "opposition", "irrelevant"}
    assert aff.schema["timestamp"] == pl.Date
    # A stance-less statement is irrelevant and has no topic.
    no_topic = aff.filter(pl.col("topic").is_null())
    assert (no_topic["relation"] == "irrelevant").all()


def test_graphml_in_networkx(out: Path):
    edges = pl.read_parquet(out / "edges.parquet")
    events = pl.read_parquet(out / "events.parquet")
    known = set(events["statement_id"])
    g = nx.read_graphml(out / "net.graphml")
    assert not g.is_directed()
    assert g.number_of_edges() == edges.height
    assert set(g.nodes) == set(edges["source"]) | set(edges["target"])
    for node, data in g.nodes(data=True):
        assert data["label"]
    for a, b, data in g.edges(data=True):
        assert isinstance(data["weight"], float)
        assert data["weight"] == pytest.approx(data["subtract"])
        assert data["congruence"] - data["conflict"] == pytest.approx(data["subtract"])
        assert isinstance(data["n_statements"], int)
        ids = data["statements"].split(";")
        assert len(ids) == data["n_statements"]
        assert set(ids) <= known
    sub = nx.read_graphml(out / "subtract.graphml")
    assert sub.number_of_edges() == edges.height
    assert sub.graph["projection"] == "subtract"
