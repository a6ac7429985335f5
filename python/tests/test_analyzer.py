"""The Python package: tables, offsets, equality with the CLI, pickling, the GIL, errors."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import threading
import time
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

import stancemap
from conftest import REPO, cli_jsonl, generated_documents, statement_rows, table_statement_rows

TEXT = (
    "Finnish Defence Minister Henrik Aalto said NATO should shoot down drones that "
    "violate allied airspace. \u201cWe must not seize the frozen Russian assets,\u201d "
    "Foreign Minister Maja Kova\u010d told reporters in Gda\u0144sk."
)


@pytest.fixture(scope="module")
def analyzer() -> stancemap.Analyzer:
    return stancemap.Analyzer()


def test_tables_have_byte_and_character_offsets(analyzer):
    result = analyzer.analyze([TEXT, "Nothing to see here."], ids=["a", "b"])
    assert [t.num_rows > 0 for t in (result.documents, result.statements, result.stances)] == [True] * 3
    assert result.documents.column("doc_id").to_pylist() == ["a", "b"]
    data = TEXT.encode()
    st = result.statements.to_pydict()
    for text, s, e, cs, ce in zip(st["text"], st["start"], st["end"], st["char_start"], st["char_end"]):
        assert data[s:e].decode() == text
        assert TEXT[cs:ce] == text
    # The non-ASCII name: character and byte offsets differ after the first č.
    actors = pl.from_arrow(result.actors).filter(pl.col("actor").str.contains("Kova"))
    row = actors.row(0, named=True)
    assert TEXT[row["char_start"] : row["char_end"]] == row["text"]
    assert data[row["start"] : row["end"]].decode() == row["text"]
    cues = result.cues.to_pydict()
    for s, e, cs, ce, cue in zip(cues["start"], cues["end"], cues["char_start"], cues["char_end"], cues["cue"]):
        assert TEXT[cs:ce] == data[s:e].decode()
    # polars reads every table as is.
    for name, frame in result.to_polars().items():
        assert isinstance(frame, pl.DataFrame), name
    stances = pl.from_arrow(result.stances)
    assert set(stances["topic"]) >= {"shoot_down"}


def test_same_reports_as_the_cli_on_the_bundled_corpus(analyzer, stancemap_bin):
    articles = sorted((REPO / "corpus" / "articles").glob("*.txt"))
    manifest = {m["id"]: m for m in json.loads((REPO / "corpus" / "manifest.json").read_text())}
    ids = [p.stem for p in articles]
    texts = [p.read_text(encoding="utf-8") for p in articles]
    meta = [manifest.get(i) for i in ids]
    result = analyzer.analyze(texts, ids=ids, meta=meta)
    cli = cli_jsonl(stancemap_bin, "corpus/articles")
    assert table_statement_rows(result.statements) == statement_rows(cli)
    # The whole report, field by field (the CLI adds the input path).
    ours = {r["doc_id"]: r for r in map(json.loads, result.documents.column("report").to_pylist())}
    for r in cli:
        r.pop("path", None)
        mine = dict(ours[r["doc_id"]])
        mine.pop("path", None)
        assert mine == r, r["doc_id"]
    # The matrix equals the CLI's, from the texts and from the tables.
    out = subprocess.run(
        [str(stancemap_bin), "matrix", "corpus/articles", "--format", "csv"],
        check=True, capture_output=True, cwd=REPO,
    ).stdout
    expected = pl.read_csv(out, infer_schema_length=0)
    for got in (analyzer.matrix(texts, ids=ids, meta=meta), stancemap.matrix(result.stances, result.actors)):
        got = pl.from_arrow(got).select(pl.all().cast(pl.String))
        assert got.columns == expected.columns
        assert got.fill_null("").equals(expected.fill_null(""))


def test_pickles_as_its_configuration_and_gives_the_same_result_in_another_process(analyzer, tmp_path):
    docs = generated_documents(40, seed=3)
    texts = [d["text"] for d in docs]
    here = analyzer.analyze(texts)
    blob = pickle.dumps(analyzer)
    assert len(blob) < 2000  # the configuration, not the compiled automata
    script = (
        "import pickle, sys, pyarrow.parquet as pq\n"
        "analyzer = pickle.loads(open(sys.argv[1], 'rb').read())\n"
        "texts = pickle.loads(open(sys.argv[2], 'rb').read())\n"
        "pq.write_table(analyzer.analyze(texts).statements, sys.argv[3])\n"
    )
    (tmp_path / "a.pkl").write_bytes(blob)
    (tmp_path / "t.pkl").write_bytes(pickle.dumps(texts))
    subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "a.pkl"), str(tmp_path / "t.pkl"), str(tmp_path / "s.parquet")],
        check=True,
    )
    import pyarrow.parquet as pq

    there = pq.read_table(tmp_path / "s.parquet")
    assert there.equals(here.statements)


def test_custom_topic_file_survives_pickling(tmp_path):
    src = REPO / "corpus" / "dev" / "topics" / "topics" / "conscription.toml"
    a = stancemap.Analyzer(topics=[src])
    assert "conscription" in a.topics
    b = pickle.loads(pickle.dumps(a))
    assert b.topics == a.topics


def test_releases_the_gil_while_it_works(analyzer):
    texts = [d["text"] for d in generated_documents(3000, seed=5)]
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    started = time.perf_counter()
    analyzer.analyze(texts)
    elapsed = time.perf_counter() - started
    stop.set()
    t.join()
    # With the GIL held the counter could not move while Rust works.
    assert elapsed < 0.05 or ticks >= 5, (ticks, elapsed)


def test_metadata_as_rows_columns_or_frames_is_the_same(analyzer):
    docs = generated_documents(30, seed=11)
    texts = [d["text"] for d in docs]
    ids = [d["id"] for d in docs]
    rows = [{k: d.get(k) for k in ("outlet", "published", "genre")} for d in docs]
    columns = {k: [r[k] for r in rows] for k in ("outlet", "published", "genre")}
    a = analyzer.analyze(texts, ids, rows)
    b = analyzer.analyze(pa.array(texts), pl.Series(ids), columns)
    c = analyzer.analyze(texts, ids, pl.DataFrame(columns))
    assert a.stances.equals(b.stances) and a.stances.equals(c.stances)
    assert a.documents.column("outlet").to_pylist() == columns["outlet"]


def test_nested_rows_explode_back_to_the_flat_tables(analyzer):
    result = analyzer.analyze([d["text"] for d in generated_documents(25, seed=2)])
    nested = result.nested()
    assert nested.num_rows == 25
    for name in ("statements", "stances", "actors", "cues"):
        flat = stancemap.explode(nested, name)
        assert flat.equals(getattr(result, name).drop_columns(["doc"])), name


def test_errors_name_the_document_and_the_place(analyzer, tmp_path):
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        analyzer.analyze(["fine", 3])
    with pytest.raises(ValueError, match="ids has 1 values for 2 texts"):
        analyzer.analyze(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match=r"texts\[0\]"):
        analyzer.analyze(["\ud800 lone surrogate"])
    bad = tmp_path / "broken.toml"
    bad.write_text('id = "broken"\nlabel = \n')
    with pytest.raises(stancemap.StancemapError) as e:
        stancemap.Analyzer(topics=[bad])
    assert e.value.path is not None and "broken.toml" in e.value.path
    assert e.value.line == 2
    assert "broken.toml" in str(e.value)
    with pytest.raises(stancemap.StancemapError, match="unknown grouping"):
        analyzer.matrix(["x"], by="planet")


def test_empty_input_gives_empty_tables(analyzer):
    result = analyzer.analyze([])
    assert all(t.num_rows == 0 for t in result)
    assert "char_start" in result.statements.column_names
