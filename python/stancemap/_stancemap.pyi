"""Type stubs of the native module (Rust, PyO3). Use the `stancemap` package instead."""

from os import PathLike
from typing import Any, Optional, Sequence, Union

__version__: str

class StancemapError(Exception):
    """An error of stancemap, naming where it happened."""

    kind: str
    """io, invalid_utf8, binary, json, data, config, stage, output or no_input."""
    doc: Optional[str]
    """The document id, when a document failed."""
    index: Optional[int]
    """The position of that document in the input."""
    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    byte: Optional[int]

class NativeAnalyzer:
    def __init__(
        self,
        topics: Sequence[Union[str, PathLike[str]]] = ...,
        registry: Sequence[Union[str, PathLike[str]]] = ...,
        boilerplate: Optional[Union[str, PathLike[str]]] = None,
        only_topics: bool = False,
        threads: Optional[int] = None,
    ) -> None: ...
    def config(self) -> tuple[list[str], list[str], Optional[str], bool, Optional[int]]: ...
    def topics(self) -> list[str]: ...
    def analyze(
        self, texts: Sequence[str], ids: Optional[Sequence[Any]] = None, meta: Any = None
    ) -> dict[str, bytes]:
        """Arrow IPC stream bytes per table: documents, statements, stances, actors, cues."""
    def matrix(
        self,
        texts: Sequence[str],
        ids: Optional[Sequence[Any]] = None,
        meta: Any = None,
        by: str = "actor",
        topics: Optional[list[str]] = None,
    ) -> bytes:
        """The stance matrix as Arrow IPC stream bytes."""

def matrix_from_tables(
    stances: bytes, actors: Optional[bytes] = None, by: str = "actor", topics: Optional[list[str]] = None
) -> bytes:
    """The stance matrix (Arrow IPC stream bytes) of stances/actors tables given as Parquet bytes."""
