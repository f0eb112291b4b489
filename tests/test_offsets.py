"""Properties over arbitrary Unicode: every span slices to its text; cleaning is idempotent."""

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import copydesk

# Text with the characters scraped pages really mix: line breaks of every kind, odd spaces and
# invisible characters, quotes, combining marks, RTL, emoji, control characters.
SPECIAL = list(
    "\n\r\t \u00a0\u200b\u00ad\ufeff\u2028\u2029\x85\x0b\x0c\u201c\u201d\u2019\"'.,!?-\u2014\u0301\u05d0\U0001f600\x00"
)
WORDS = ["The", "minister", "said", "talks", "would", "resume", "on", "Monday", "Share", "Related", "Articles", "Home"]
texts = st.lists(
    st.one_of(st.text(max_size=8), st.sampled_from(SPECIAL), st.sampled_from(WORDS).map(lambda w: w + " ")),
    max_size=80,
).map("".join)


def squash(s: str) -> str:
    """What cleaning does to a stretch of input: invisible characters out, whitespace runs to one space."""
    s = re.sub("[\u00ad\u200b\u2060-\u2064\ufeff\u180e]", "", s)
    return " ".join("".join(" " if c.isspace() or unicodedata.category(c) == "Cc" else c for c in s).split())


@given(texts, st.booleans())
def test_every_span_slices_to_its_text(text, clean):
    art = copydesk.analyze(text, clean=clean)
    if not clean:
        assert art.text == text
    for span in [*art.paragraphs, *art.sentences]:
        assert 0 <= span.start <= span.end <= len(art.text)
    for m in art.mentions:
        assert art.text[m.start : m.end] == m.text
    for q in art.quotes:
        assert art.text[q.start : q.end] == q.text
    for r in art.removed:
        assert text[r.start : r.end] == r.text


@given(texts)
def test_paragraphs_map_back_to_their_input(text):
    art = copydesk.analyze(text)
    for p in art.paragraphs:
        s, e = art.source_span(p.start, p.end)
        assert squash(text[s:e]) == art.text[p.start : p.end]


@given(texts)
def test_cleaning_a_cleaned_body_changes_nothing(text):
    once = copydesk.analyze(text)
    twice = copydesk.analyze(once.text)
    assert twice.text == once.text
    assert twice.removed == []
