"""The result types: frozen dataclasses. The Rust core builds them directly (src/python/objects.rs),
setting each field as ``object.__setattr__`` does; keep the two in step when a field changes."""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


def _short(text: str | None, limit: int = 60) -> str:
    """A repr of ``text`` cut to about ``limit`` characters."""
    if text is None or len(text) <= limit:
        return repr(text)
    return repr(text[: limit - 3] + "...") + f" ({len(text)} chars)"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text[start:end]``."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True, repr=False)
class Removed:
    """A piece of the input left out of the body: ``input[start:end] == text``, and why."""

    text: str
    start: int
    end: int
    reason: str

    def __repr__(self) -> str:
        return f"Removed(text={_short(self.text)}, start={self.start}, end={self.end}, reason={self.reason!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int
    label: str
    entity_id: int
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "entity_id": self.entity_id,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity: its canonical (fullest) name, other forms used, role and affiliation."""

    id: int
    name: str
    label: str
    mention_count: int
    aliases: list[str]
    role: str | None
    affiliation: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "mention_count": self.mention_count,
            "aliases": list(self.aliases),
            "role": self.role,
            "affiliation": self.affiliation,
        }


@dataclass(frozen=True, slots=True, repr=False)
class Quote:
    """A direct quote or reported statement, with its speaker and cue (offsets into ``Article.text``)."""

    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_entity_id: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    confidence: float
    rule: str

    def __repr__(self) -> str:
        return (
            f"Quote(text={_short(self.text)}, start={self.start}, end={self.end}, kind={self.kind!r}, "
            f"speaker={_short(self.speaker, 40)}, cue={self.cue!r}, confidence={self.confidence:.2f}, rule={self.rule!r})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Failed:
    """A row of a batch that could not be analysed (``analyze_batch(..., errors="collect")``)."""

    index: int
    error: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "error": self.error, "message": self.message}


def _pieces(packed: bytes) -> Sequence[int]:
    """The packed source map as a flat sequence: per piece out_start, out_end, in_start, in_end, copied."""
    values = array("q")
    values.frombytes(packed)
    if sys.byteorder == "big":
        values.byteswap()
    return values


class _HasSourceMap:
    # The map back to the input lives in a slot outside the dataclass fields, so that
    # dataclasses.asdict, pd.DataFrame(articles) and == see only the analysis.
    __slots__ = ("_source_map",)


@dataclass(frozen=True, slots=True, repr=False)
class Article(_HasSourceMap):
    """Everything copydesk finds in one article.

    All offsets (paragraphs, sentences, mentions, quotes) index into ``text``, the cleaned body;
    ``removed`` offsets index into the input. ``source_span`` maps a span of ``text`` back to the input.
    """

    text: str
    title: str | None
    site_name: str | None
    authors: list[str]
    published: str | None
    paragraphs: list[Span]
    sentences: list[Span]
    removed: list[Removed]
    entities: list[Entity]
    mentions: list[Mention]
    quotes: list[Quote]

    def __getstate__(self) -> tuple[tuple[Any, ...], bytes | None]:
        fields = tuple(getattr(self, name) for name in self.__dataclass_fields__)
        return (fields, getattr(self, "_source_map", None))

    def __setstate__(self, state: tuple[tuple[Any, ...], bytes | None]) -> None:
        fields, source_map = state
        for name, value in zip(self.__dataclass_fields__, fields, strict=True):
            object.__setattr__(self, name, value)
        if source_map is not None:
            object.__setattr__(self, "_source_map", source_map)

    def __repr__(self) -> str:
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return (
            f"Article(title={self.title!r}, site_name={self.site_name!r}, text={text!r} ({len(self.text)} chars), "
            f"paragraphs={len(self.paragraphs)}, entities={len(self.entities)}, quotes={len(self.quotes)}, "
            f"removed={len(self.removed)})"
        )

    def _repr_html_(self) -> str:
        from copydesk.render import render

        return render(self, "both")

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain, JSON-serialisable dicts and lists."""
        return {
            "text": self.text,
            "title": self.title,
            "site_name": self.site_name,
            "authors": list(self.authors),
            "published": self.published,
            "paragraphs": [s.to_dict() for s in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "removed": [x.to_dict() for x in self.removed],
            "entities": [e.to_dict() for e in self.entities],
            "mentions": [m.to_dict() for m in self.mentions],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map ``text[start:end]`` back to the input it came from: returns ``(in_start, in_end)``.

        Offsets inside copied text map exactly; an edge inside normalised whitespace or a paragraph
        break widens to the whole stretch of input it stands for.

        >>> art = copydesk.analyze("Example News\\n\\nA headline here\\n\\nThe minister said on Monday that talks would resume soon.")
        >>> art.text[4:12]
        'minister'
        >>> art.source_span(4, 12)
        (37, 45)
        """
        if not (isinstance(start, int) and isinstance(end, int)):
            raise TypeError("source_span() takes two int offsets")
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} is outside the article text (length {len(self.text)})")
        packed: bytes | None = getattr(self, "_source_map", None)
        if packed is None:
            raise ValueError("this Article has no map back to its input (it was not made by copydesk.analyze)")
        pieces = _pieces(packed)
        n = len(pieces) // 5
        if n == 0:
            return (0, 0)

        def piece_at(offset: int) -> int:
            """Index of the last piece starting at or before ``offset``."""
            lo, hi = 0, n
            while lo < hi:
                mid = (lo + hi) // 2
                if pieces[5 * mid] <= offset:
                    lo = mid + 1
                else:
                    hi = mid
            return max(0, lo - 1) * 5

        def map_start(offset: int) -> int:
            if offset == len(self.text):
                return pieces[5 * n - 2]
            k = piece_at(offset)
            return pieces[k + 2] + (offset - pieces[k]) if pieces[k + 4] else pieces[k + 2]

        s = map_start(start)
        if end == start:
            return (s, s)
        k = piece_at(end - 1)
        e = pieces[k + 2] + (end - pieces[k]) if pieces[k + 4] else pieces[k + 3]
        return (s, max(s, e))
