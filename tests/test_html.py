"""HTML input: extraction of the article, metadata, the map back into the HTML, and odd pages."""

import html as html_lib
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import copydesk
from copydesk.cli import main

PARAGRAPHS = [
    "The harbour council voted on Tuesday to close the old ferry terminal after forty years of service.",
    "Council member Ada Okafor said the decision followed a long review of repair costs and passenger numbers.",
    "A new terminal on the north quay is due to open next spring, according to the port authority.",
]

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Council closes ferry terminal | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Council closes ferry terminal | Harbour Gazette">
<meta name="author" content="Lena Marsh">
<meta property="article:published_time" content="2025-04-08T09:30:00Z">
<script>var ads = "<p>not text</p>";</script>
<style>p {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Council closes ferry terminal</h1>
<p class="byline">By Lena Marsh</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1].replace("Ada Okafor", "<a href='/people/okafor'>Ada Okafor</a>")}</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>{PARAGRAPHS[2]}</p>
</article>
<aside class="related"><h3>Related</h3><p><a href="/a">Harbour fees rise again as the council looks for new income</a></p></aside>
<div id="comments"><h3>12 comments</h3><p>I have taken that ferry every week since I was a child and will miss it a great deal.</p></div>
<footer><p>© 2025 Harbour Gazette. All rights reserved.</p></footer>
</body></html>
"""


def test_the_article_is_extracted_with_its_metadata():
    art = copydesk.analyze(PAGE)
    assert art.text == "\n\n".join(PARAGRAPHS)
    assert art.title == "Council closes ferry terminal"
    assert art.site_name == "Harbour Gazette"
    assert art.authors == ["Lena Marsh"]
    assert art.published == "2025-04-08T09:30:00Z"
    assert "not text" not in art.text and "color" not in art.text
    assert [e.name for e in art.entities if e.label == "PERSON"] == ["Ada Okafor"]


def test_paragraphs_map_back_into_the_html():
    art = copydesk.analyze(PAGE)
    for p, expected in zip(art.paragraphs, PARAGRAPHS, strict=True):
        start, end = art.source_span(p.start, p.end)
        source = PAGE[start:end]
        assert re.sub(r"<[^>]+>", "", source) == expected
    # A word inside a link maps to the word itself, not to the tag around it.
    i = art.text.index("Okafor")
    start, end = art.source_span(i, i + len("Okafor"))
    assert PAGE[start:end] == "Okafor"


def test_character_references_map_to_their_source():
    page = "<html><body><p>Caf&eacute; owners &amp; bakers met on Monday&#8212;and agreed to keep prices fixed this year.</p></body></html>"
    art = copydesk.analyze(page)
    assert art.text == "Café owners & bakers met on Monday—and agreed to keep prices fixed this year."
    i = art.text.index("&")
    assert page.__getitem__(slice(*art.source_span(i, i + 1))) == "&amp;"
    i = art.text.index("—")
    assert page.__getitem__(slice(*art.source_span(i, i + 1))) == "&#8212;"


def test_format_auto_detects_html_and_text_stays_text():
    assert copydesk.analyze(PAGE).text == copydesk.analyze(PAGE, format="html").text
    as_text = copydesk.analyze(PAGE, format="text")
    assert "<p>" in as_text.text or "<article>" in as_text.text
    note = "The harbour council met on Tuesday. <b> marks bold text in HTML, the clerk explained to the visitors."
    assert copydesk.analyze(note).text == note
    # clean=False means "as given": no detection.
    assert copydesk.analyze(PAGE, clean=False).text == PAGE


def test_bad_format_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="format must be 'auto', 'text' or 'html', got 'pdf'"):
        copydesk.analyze(PAGE, format="pdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="clean=False applies to text only"):
        copydesk.analyze(PAGE, format="html", clean=False)
    with pytest.raises(ValueError, match="format must be"):
        copydesk.analyze_batch([PAGE], format="xml")  # type: ignore[arg-type]


def test_batch_decides_the_format_per_document():
    note = "The minister said on Monday that the talks would resume next week in the capital."
    arts = copydesk.analyze_batch([PAGE, note, PAGE], threads=2)
    assert [a.text for a in arts] == ["\n\n".join(PARAGRAPHS), note, "\n\n".join(PARAGRAPHS)]
    assert arts[0].authors == ["Lena Marsh"] and arts[1].authors == []


def test_json_ld_metadata_wins():
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Ferry terminal to close",
        "datePublished": "2025-04-08",
        "author": [{"@type": "Person", "name": "Lena Marsh"}, {"@type": "Person", "name": "Tom Reyes"}],
        "publisher": {"@type": "Organization", "name": "The Gazette"},
    }
    page = PAGE.replace("</head>", f'<script type="application/ld+json">{json.dumps(data)}</script></head>')
    art = copydesk.analyze(page)
    assert (art.title, art.site_name, art.authors, art.published) == (
        "Ferry terminal to close",
        "The Gazette",
        ["Lena Marsh", "Tom Reyes"],
        "2025-04-08",
    )


def test_removed_pieces_index_the_html():
    art = copydesk.analyze(PAGE)
    assert art.removed
    for r in art.removed:
        assert PAGE[r.start : r.end] == r.text
    reasons = {r.reason for r in art.removed}
    assert "navigation" in reasons and "comments" in reasons


def test_odd_pages_finish_and_keep_their_text():
    deep = "<div>" * 100_000 + "<p>The deepest paragraph of the page says the council met on Tuesday evening.</p>"
    assert "council met" in copydesk.analyze(deep, format="html").text
    assert copydesk.analyze("<html></html>").text == ""
    assert copydesk.analyze("<!doctype html>" + "<" * 10_000).text is not None
    unclosed = "<html><body><p>One paragraph that is never closed and goes on about the council vote for a while"
    assert copydesk.analyze(unclosed).text.startswith("One paragraph")


def test_the_cli_reads_html_files(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["analyze", str(page)]) == 0
    out = capsys.readouterr().out
    assert "title:     Council closes ferry terminal" in out
    assert "authors:   Lena Marsh" in out
    assert "published: 2025-04-08T09:30:00Z" in out
    (tmp_path / "note.txt").write_text("A short note about the council vote on Tuesday.", encoding="utf-8")
    assert main(["analyze", str(tmp_path), "--to", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["authors"] for r in records] == [[], ["Lena Marsh"]]  # note.txt, page.html


TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<a href='x'>",
        "</a>",
        "<br>",
        "<li>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "&amp;",
        "&#169;",
        "&eacute",
        "\n",
        " ",
        "<h1>",
        "</h1>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<nav>",
        "</nav>",
    ]
)
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(st.one_of(TAGS, WORDS), max_size=60))
def test_any_html_gives_consistent_spans(parts):
    page = "<html><body>" + "".join(parts)
    art = copydesk.analyze(page, format="html")
    text = art.text
    for p in art.paragraphs:
        assert 0 <= p.start < p.end <= len(text)
        start, end = art.source_span(p.start, p.end)
        assert 0 <= start <= end <= len(page)
    for m in art.mentions:
        assert text[m.start : m.end] == m.text
    for r in art.removed:
        assert page[r.start : r.end] == r.text
    # No markup from the page is ever taken for text, except what the page escaped.
    assert "<script>" not in text or "&lt;" in page or "<script>" in html_lib.unescape("".join(parts))
