from typing import TypedDict, type_check_only

__all__ = [
    "CopydeskError",
    "__version__",
    "_entity_stage_for_benchmarks",
    "_panic_for_tests",
    "analyze",
    "analyze_batch",
]

__version__: str

class CopydeskError(ValueError): ...

@type_check_only
class _SpanDict(TypedDict):
    start: int
    end: int

@type_check_only
class _RemovedDict(TypedDict):
    text: str
    start: int
    end: int
    reason: str

@type_check_only
class _MentionDict(TypedDict):
    text: str
    start: int
    end: int
    label: str
    entity_id: int
    confidence: float

@type_check_only
class _EntityDict(TypedDict):
    id: int
    name: str
    label: str
    mention_count: int
    aliases: list[str]
    role: str | None
    affiliation: str | None

@type_check_only
class _QuoteDict(TypedDict):
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

@type_check_only
class _ArticleDict(TypedDict):
    text: str
    title: str | None
    site_name: str | None
    paragraphs: list[_SpanDict]
    sentences: list[_SpanDict]
    removed: list[_RemovedDict]
    mentions: list[_MentionDict]
    entities: list[_EntityDict]
    quotes: list[_QuoteDict]
    source_map: bytes

def analyze(text: str, *, clean: bool = True) -> _ArticleDict: ...
def analyze_batch(
    texts: list[str], *, clean: bool = True, threads: int | None = None, parallel: bool = True
) -> list[_ArticleDict]: ...
def _panic_for_tests(in_worker: bool = False) -> None: ...
def _entity_stage_for_benchmarks(texts: list[str]) -> int: ...
