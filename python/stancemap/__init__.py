"""stancemap: who takes which position on a policy question, how firmly, and on what evidence.

The analysis runs in Rust (the same pipeline as the ``stancemap`` command line) with the
GIL released; results come back as Arrow tables, readable by pyarrow and
``polars.from_arrow`` without any per-row Python code::

    import stancemap, polars as pl

    analyzer = stancemap.Analyzer()                       # build once, reuse, pickle
    result = analyzer.analyze(["Finnish Defence Minister Anna Virtanen said NATO "
                               "should shoot down drones that violate allied airspace."])
    statements = pl.from_arrow(result.statements)         # byte and character offsets
    matrix = pl.from_arrow(stancemap.matrix(result.stances, result.actors))

Tables (one row per ...):

- ``documents``: document (id, metadata, counts, warnings, ``report``: the JSON line of
  ``stancemap analyze``);
- ``statements``: statement and topic stance (a statement without a stance has one row
  with null ``topic``), with ``start``/``end`` (bytes of the UTF-8 text) and
  ``char_start``/``char_end`` (Python string indices);
- ``stances``: actor, topic and document (the document-level stance);
- ``actors``: actor mention (an actor without a mention, the author's voice, has one row
  with null offsets);
- ``cues``: hedge or booster cue.

``actor_id`` is the actor's id within its document, exactly as in the JSON output;
:func:`matrix` makes the identity across documents (a person named more briefly in one
article joins the fuller name of another; the author's voice becomes one actor per
outlet), as ``stancemap matrix`` does.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

import pyarrow as pa
import pyarrow.ipc
import pyarrow.parquet as pq

from ._stancemap import NativeAnalyzer, StancemapError, __version__, matrix_from_tables

if TYPE_CHECKING:  # pragma: no cover
    import polars

__all__ = ["Analyzer", "Analysis", "StancemapError", "explode", "matrix", "TABLES", "__version__"]

#: The tables of an :class:`Analysis`, in order.
TABLES = ("documents", "statements", "stances", "actors", "cues")

PathLike = Union[str, "os.PathLike[str]"]


def _table(data: bytes) -> pa.Table:
    """An Arrow IPC stream (built in Rust) as a table; the buffers are not copied."""
    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def _as_list(values: Any) -> Any:
    """A list (or the sequence itself) from a list, tuple, pyarrow array, polars or pandas
    series or numpy array; conversions are the libraries' own, not Python loops."""
    if values is None or isinstance(values, (list, tuple)):
        return values
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values.to_pylist()
    for method in ("to_list", "tolist", "to_pylist"):
        f = getattr(values, method, None)
        if callable(f):
            return f()
    return list(values)


def _as_meta(meta: Any) -> Any:
    """Metadata as columns (field -> values) or as one mapping per document."""
    if meta is None:
        return None
    if isinstance(meta, (pa.Table, pa.RecordBatch)):
        return meta.to_pydict()
    if hasattr(meta, "to_arrow") and hasattr(meta, "columns"):  # polars DataFrame
        return meta.to_arrow().to_pydict()
    if hasattr(meta, "to_dict") and hasattr(meta, "columns"):  # pandas DataFrame
        return meta.to_dict("list")
    if isinstance(meta, Mapping):
        return {str(k): _as_list(v) for k, v in meta.items()}
    return _as_list(meta)


def _to_arrow(table: Any) -> pa.Table:
    if isinstance(table, pa.Table):
        return table
    if isinstance(table, pa.RecordBatch):
        return pa.Table.from_batches([table])
    if hasattr(table, "to_arrow"):  # polars
        return table.to_arrow()
    return pa.table(table)


def _parquet(table: Any) -> bytes:
    sink = io.BytesIO()
    pq.write_table(_to_arrow(table), sink, compression="none")
    return sink.getvalue()


@dataclass(frozen=True)
class Analysis:
    """The result of :meth:`Analyzer.analyze`: five Arrow tables (see the module docs)."""

    documents: pa.Table
    statements: pa.Table
    stances: pa.Table
    actors: pa.Table
    cues: pa.Table

    def to_polars(self) -> "dict[str, polars.DataFrame]":
        """The tables as polars DataFrames (needs polars)."""
        import polars as pl

        return {name: pl.from_arrow(getattr(self, name)) for name in TABLES}  # type: ignore[misc]

    def __iter__(self):  # unpacking: documents, statements, stances, actors, cues = ...
        return iter(getattr(self, name) for name in TABLES)

    def nested(self, tables: Sequence[str] = ("statements", "stances", "actors", "cues")) -> pa.Table:
        """One row per document: the ``documents`` table plus, for each of ``tables``, a
        ``list<struct>`` column holding that document's rows (without ``doc``).

        This is the shape for engines that map one batch of documents to one batch of
        rows (Ray Data's ``map_batches``); :func:`explode` turns a column back into a
        flat table. Built with Arrow offsets, without a Python loop over rows.
        """
        import numpy as np

        n = self.documents.num_rows
        out = self.documents
        for name in tables:
            t = getattr(self, name)
            doc = t.column("doc").to_numpy()
            offsets = np.searchsorted(doc, np.arange(n + 1), side="left").astype(np.int32)
            rows = t.drop_columns(["doc"]).to_struct_array().combine_chunks()
            out = out.append_column(name, pa.ListArray.from_arrays(pa.array(offsets), rows))
        return out


def _rebuild(config: tuple) -> "Analyzer":
    topics, registry, boilerplate, only_topics, threads = config
    return Analyzer(topics, registry, boilerplate, only_topics=only_topics, threads=threads)


class Analyzer:
    """The stancemap pipeline, built once (lexicons, automata and topic packs are compiled
    here) and then run on any number of texts.

    :param topics: extra topic pack files (TOML), added to the bundled packs.
    :param registry: extra registry files (TOML) of actors, titles and countries.
    :param boilerplate: a boilerplate rules file (TOML) replacing the bundled rules.
    :param only_topics: use only the topic files given, not the bundled packs.
    :param threads: worker threads for :meth:`analyze` (default: all cores). On Ray or
        Spark, where each worker owns one CPU, pass ``threads=1``.
    :raises StancemapError: a data file that cannot be read or parsed (``path``,
        ``line`` and ``column`` say where).

    An analyzer pickles as its configuration (the absolute paths of its files) and is
    rebuilt when unpickled, so it can be shipped to worker processes.
    """

    def __init__(
        self,
        topics: Iterable[PathLike] = (),
        registry: Iterable[PathLike] = (),
        boilerplate: Optional[PathLike] = None,
        *,
        only_topics: bool = False,
        threads: Optional[int] = None,
    ) -> None:
        if isinstance(topics, (str, os.PathLike)):
            topics = [topics]
        if isinstance(registry, (str, os.PathLike)):
            registry = [registry]
        self._config = (
            [os.path.abspath(os.fspath(p)) for p in topics],
            [os.path.abspath(os.fspath(p)) for p in registry],
            None if boilerplate is None else os.path.abspath(os.fspath(boilerplate)),
            bool(only_topics),
            None if threads is None else int(threads),
        )
        t, r, b, o, n = self._config
        self._native = NativeAnalyzer(t, r, b, o, n)

    def __reduce__(self):
        return (_rebuild, (self._config,))

    def __repr__(self) -> str:
        return f"stancemap.Analyzer(topics={self.topics!r})"

    @property
    def topics(self) -> "list[str]":
        """The ids of the topics in use."""
        return self._native.topics()

    def analyze(
        self,
        texts: Sequence[str],
        ids: Optional[Sequence[Any]] = None,
        meta: Any = None,
    ) -> Analysis:
        """Analyses texts, in parallel, without holding the GIL.

        :param texts: the documents' texts (a list, or a pyarrow/polars/pandas column).
        :param ids: document ids (default: ``"0"``, ``"1"``, ...); numbers are turned
            into strings.
        :param meta: per document ``title``, ``outlet``, ``published`` (``YYYY-MM-DD``),
            ``url``, ``genre``: either columns (a dict of sequences, a pyarrow table, a
            polars or pandas DataFrame) or a sequence of dicts (or None). ``genre``
            ``opinion``/``analysis`` gives the author a voice, as in JSONL input.
        :returns: an :class:`Analysis` (five Arrow tables).
        :raises StancemapError: a document failed (``doc`` and ``index`` name it).
        :raises TypeError, ValueError: a text that is not a string, or lengths that
            differ (the message names the position).
        """
        out = self._native.analyze(_as_list(texts), _as_list(ids), _as_meta(meta))
        return Analysis(**{name: _table(out[name]) for name in TABLES})

    def matrix(
        self,
        texts: Sequence[str],
        ids: Optional[Sequence[Any]] = None,
        meta: Any = None,
        *,
        by: str = "actor",
        topics: Optional[Sequence[str]] = None,
    ) -> pa.Table:
        """The stance matrix of some texts (what ``stancemap matrix`` prints): one row per
        actor (``by="country"``: per country; ``by="doc"``: actor x document for one
        topic), per topic its aggregated score, label and statement count.
        """
        data = self._native.matrix(
            _as_list(texts), _as_list(ids), _as_meta(meta), by, None if topics is None else list(topics)
        )
        return _table(data)


def explode(nested: Any, column: str) -> pa.Table:
    """The flat table of one ``list<struct>`` column of :meth:`Analysis.nested` (also after
    the nested rows went through Parquet or a distributed engine)."""
    import pyarrow.compute as pc

    rows = pc.list_flatten(_to_arrow(nested).column(column))
    if isinstance(rows, pa.ChunkedArray):
        rows = rows.combine_chunks()
    return pa.Table.from_batches([pa.RecordBatch.from_struct_array(rows)])


def matrix(
    stances: Any,
    actors: Any = None,
    *,
    by: str = "actor",
    topics: Optional[Sequence[str]] = None,
) -> pa.Table:
    """The stance matrix of a ``stances`` table (from :meth:`Analyzer.analyze`, possibly
    concatenated over many batches or workers, or read back from Parquet).

    Pass the matching ``actors`` table too: the identity of a person across documents is
    decided over every actor, as ``stancemap matrix`` does; without it, only actors with
    a stance are looked at. ``stances`` and ``actors`` may be pyarrow tables, polars or
    pandas DataFrames.
    """
    data = matrix_from_tables(
        _parquet(stances),
        None if actors is None else _parquet(actors),
        by,
        None if topics is None else list(topics),
    )
    return _table(data)
