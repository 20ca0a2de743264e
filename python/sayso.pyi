"""Who said what in news text: entities, speakers and quotes.

``sayso.annotate(text)`` returns the annotation as a dict, the same JSON that
``sayso annotate`` prints; ``sayso.Annotator().annotate_many(texts)``
annotates many texts on every core.

The dict types below (``Annotation``, ``Entity``, ``Speaker``, ``Quote``,
``Label``, ``Span``) exist for type checkers only: import them under
``if typing.TYPE_CHECKING:``.
"""

from typing import Iterable, List, Literal, Optional, TypedDict, final

__all__ = ["annotate", "parse", "Annotator", "EngineError", "JSON_VERSION", "__version__"]

__version__: str
JSON_VERSION: int
"""Version of the annotation JSON contract (``version`` in every result)."""

Label = Literal["PERSON", "ORG", "LOC", "MISC", "TITLE", "DATE", "TIME", "MONEY", "PERCENT"]
Span = List[int]
"""``[start, end]``: indices into the text, as for ``text[start:end]``."""

class Entity(TypedDict, total=False):
    span: Span
    label: Label
    text: str
    ref: int
    """The index in ``speakers`` of the speaker this mention belongs to (absent when none)."""

class Speaker(TypedDict):
    id: int
    name: str
    label: Label
    mentions: List[Span]

class Quote(TypedDict, total=False):
    content: Span
    cue: Optional[Span]
    source: Optional[Span]
    speaker: Optional[int]
    """The index in ``speakers``, or ``None`` when the source was not resolved."""
    kind: Literal["direct", "indirect", "mixed"]
    act: Literal["said", "wrote", "thought"]
    """Speech, writing (posts, statements, reports), or thought (belief, intention, knowledge, perception, feeling)."""
    content_fragments: List[Span]
    """The pieces of a split content (absent when the content is in one piece)."""

class Annotation(TypedDict, total=False):
    version: int
    title: Optional[str]
    text: str
    """Only with ``include_text=True``."""
    entities: List[Entity]
    speakers: List[Speaker]
    """Most attributions first."""
    quotes: List[Quote]

class EngineError(RuntimeError):
    """The engine failed on a text or could not load its models (a bug: please report it)."""

def annotate(text: str, *, include_text: bool = False) -> Annotation:
    """Annotate ``text`` with an annotator shared by the whole process.

    Raises ``TypeError`` for anything but a ``str`` (decode ``bytes`` first)
    and ``ValueError`` for a ``str`` holding lone surrogates.
    """

def parse(text: str) -> str:
    """Parse ``text`` into dependency trees, returned as CoNLL-U.

    The same text that ``sayso parse`` prints for plain text: a block per
    sentence, each word with its UPOS and Penn tags, its head and relation.
    Raises ``TypeError`` for anything but a ``str``.
    """

@final
class Annotator:
    """Loads the models once and annotates any number of texts.

    Pickles as "load the models again", so it can be sent to Dask or Spark workers.
    With ``unreviewed=True`` it keeps every reported attribution found, also
    those the built-in reviewer finds seldom right (``sayso annotate --unreviewed``).
    """

    def __init__(self, unreviewed: bool = False) -> None: ...
    def annotate(self, text: str, *, include_text: bool = False) -> Annotation:
        """Annotate one text; the dict is the JSON that ``sayso annotate`` prints."""
    def annotate_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        *,
        include_text: bool = False,
    ) -> List[Annotation]:
        """Annotate many texts on ``threads`` cores (all by default), results in input order.

        The interpreter lock is released while the engine runs. ``texts`` is
        read into memory first: for a stream, call this on chunks.
        """
