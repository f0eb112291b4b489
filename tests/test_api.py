"""The public Python API: types, fields, to_dict, clean=False, batches."""

import dataclasses
import json

import pytest

import copydesk
from copydesk import Article, Removed, Span

PAGE = (
    "The Daily Example\n"
    "\n"
    "Talks resume in the capital after a long pause\n"
    "\n"
    "The minister said on Monday that the talks would resume next week in the capital.\n"
    "\n"
    "Officials from both sides have met three times this year without reaching an agreement.\n"
    "\n"
    "Share this:\n"
    "Leave a Reply\n"
)


def test_exports_and_version():
    assert set(copydesk.__all__) >= {"analyze", "analyze_batch", "Article", "Entity", "Mention", "Quote"}
    assert copydesk.__version__.count(".") == 2


def test_analyze_returns_a_frozen_article():
    art = copydesk.analyze(PAGE)
    assert isinstance(art, Article)
    assert art.title == "Talks resume in the capital after a long pause"
    assert art.site_name == "The Daily Example"
    assert art.text == (
        "The minister said on Monday that the talks would resume next week in the capital.\n\n"
        "Officials from both sides have met three times this year without reaching an agreement."
    )
    assert art.paragraphs == [Span(0, 81), Span(83, 170)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        art.text = "x"  # type: ignore[misc]


def test_removed_pieces_point_into_the_input_with_reasons():
    art = copydesk.analyze(PAGE)
    assert [(r.text, r.reason) for r in art.removed] == [
        ("The Daily Example", "site_name"),
        ("Talks resume in the capital after a long pause", "title"),
        ("Share this:", "share"),
        ("Leave a Reply", "comments"),
    ]
    for r in art.removed:
        assert isinstance(r, Removed)
        assert PAGE[r.start : r.end] == r.text


def test_sentences_lie_in_paragraphs():
    art = copydesk.analyze(PAGE)
    assert [art.text[s.start : s.end] for s in art.sentences] == art.text.split("\n\n")


def test_to_dict_is_plain_json():
    d = copydesk.analyze(PAGE).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d) == {
        "text",
        "title",
        "site_name",
        "authors",
        "published",
        "paragraphs",
        "sentences",
        "removed",
        "entities",
        "mentions",
        "quotes",
    }
    assert d["removed"][0] == {"text": "The Daily Example", "start": 0, "end": 17, "reason": "site_name"}


def test_clean_false_uses_the_text_as_given():
    art = copydesk.analyze(PAGE, clean=False)
    assert art.text == PAGE
    assert art.title is None and art.removed == []
    assert art.source_span(4, 9) == (4, 9)
    assert [PAGE[p.start : p.end] for p in art.paragraphs][:2] == [
        "The Daily Example",
        "Talks resume in the capital after a long pause",
    ]


def test_source_span_maps_back_through_normalisation():
    page = (
        "Site\n\nA headline for the story\n\n  The minister\u00a0said  on Monday that talks would resume next week.\r\n"
    )
    art = copydesk.analyze(page)
    assert art.text == "The minister said on Monday that talks would resume next week."
    start = art.text.index("said")
    assert art.source_span(start, start + 4) == (page.index("said"), page.index("said") + 4)
    # A span edge on a normalised space widens to the whole input run it stands for.
    s, e = art.source_span(start - 1, start + 4)
    assert page[s:e] == "\u00a0said"
    s, e = art.source_span(0, len(art.text))
    assert page[s:e] == "The minister\u00a0said  on Monday that talks would resume next week."


def test_empty_input_gives_an_empty_article():
    art = copydesk.analyze("")
    assert (art.text, art.title, art.paragraphs, art.removed, art.entities, art.quotes) == ("", None, [], [], [], [])
    assert art.source_span(0, 0) == (0, 0)


def test_batch_equals_one_by_one_in_order():
    texts = [PAGE, "", "Just one short line.", PAGE.replace("Monday", "Tuesday")] * 3
    assert copydesk.analyze_batch(texts) == [copydesk.analyze(t) for t in texts]
    assert copydesk.analyze_batch(texts, threads=1) == copydesk.analyze_batch(texts, threads=2)
    assert copydesk.analyze_batch(iter(texts), clean=False)[0].text == PAGE
    assert copydesk.analyze_batch([]) == []


def test_articles_pickle_and_compare():
    import pickle

    art = copydesk.analyze(PAGE)
    again = pickle.loads(pickle.dumps(art))
    assert again == art
    assert again.source_span(0, 3) == art.source_span(0, 3)


def test_article_repr_is_short():
    art = copydesk.analyze(PAGE * 200, clean=False)
    r = repr(art)
    assert len(r) < 300
    assert r.startswith("Article(title=None, site_name=None, text='The Daily Example")
    assert f"({len(art.text)} chars)" in r
