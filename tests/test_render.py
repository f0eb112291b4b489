"""HTML rendering: highlights nest properly, everything is escaped, reprs stay short; and a real
headless Chromium shows the marks."""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import copydesk
from copydesk import Article, Entity, Mention, Quote, Span

TEXT = "Jane Roe said: “We will not sign this deal.”\n\nThe talks, Roe added, were “a waste of time.”"
#       0    5    10   15   20   25   30   35   40


def quote(start, end, speaker="Jane Roe", cue="said", cue_start=9, cue_end=13, entity=0):
    return Quote(
        text=TEXT[start:end],
        start=start,
        end=end,
        kind="direct",
        speaker=speaker,
        speaker_text="Jane Roe",
        speaker_start=0,
        speaker_end=8,
        speaker_entity_id=entity,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        confidence=0.9,
        rule="test",
    )


def article(text=TEXT, mentions=(), quotes=(), entities=(), title="Talks <stall>", site="Example & Co"):
    paragraphs = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return Article(
        text=text,
        title=title,
        site_name=site,
        authors=[],
        published=None,
        paragraphs=paragraphs,
        sentences=[],
        removed=[],
        entities=list(entities),
        mentions=list(mentions),
        quotes=list(quotes),
    )


ROE = Entity(0, "Jane Roe", "PERSON", 2, ["Roe"], "negotiator", "Example Union")
MENTIONS = [Mention("Jane Roe", 0, 8, "PERSON", 0, 0.99), Mention("Roe", 57, 60, "PERSON", 0, 0.9)]


class NestingChecker(HTMLParser):
    """Fails on a closing tag that does not match the innermost open one."""

    VOID = {"br", "img", "meta", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.marks = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()


def check_nesting(html):
    checker = NestingChecker()
    checker.feed(html)
    assert checker.stack == []
    return checker.marks


def text_of(html):
    return re.sub(r"<[^>]+>", "", html)


def test_entities_and_quotes_are_highlighted_and_nested():
    q = quote(15, 43)
    html = copydesk.render(article(mentions=MENTIONS, quotes=[q], entities=[ROE]))
    marks = check_nesting(html)
    assert [m["class"] for m in marks] == ["cd-entity", "cd-quote", "cd-entity"]
    assert marks[0]["data-label"] == "PERSON" and marks[1]["data-speaker"] == "Jane Roe"
    assert "— Jane Roe (said)</span>" in html
    assert '<span class="cd-cue"' in html


def test_a_name_inside_a_quote_nests_inside_its_mark():
    text = "She said “Jane Roe is right” today."
    q = Quote("Jane Roe is right", 10, 27, "direct", None, None, None, None, None, None, None, None, 0.5, "t")
    m = Mention("Jane Roe", 10, 18, "PERSON", 0, 0.9)
    html = copydesk.render(article(text=text, mentions=[m], quotes=[q]))
    check_nesting(html)
    assert re.search(
        r'<mark class="cd-quote"[^>]*><mark class="cd-entity"[^>]*>Jane Roe<span[^>]*>PERSON</span></mark>', html
    )
    assert "— unknown speaker</span>" in html


def test_crossing_spans_are_split_into_nested_pieces():
    text = "alpha beta gamma delta"
    m = Mention("beta gamma", 6, 16, "ORG", 0, 0.9)
    q = Quote("gamma delta", 11, 22, "direct", "X", None, None, None, None, None, None, None, 0.5, "t")
    html = copydesk.render(article(text=text, mentions=[m], quotes=[q]))
    marks = check_nesting(html)
    assert [m["class"] for m in marks] == ["cd-entity", "cd-quote", "cd-entity"]
    assert text_of(html).count("ORG") == 1  # the label tag appears once, after the last piece
    assert "alpha beta gamma delta" in text_of(html).replace("ORG", "").replace("— X", "")


def test_a_quote_across_paragraphs_is_tagged_once():
    text = "“First part of it\n\nand the rest of it,” she said."
    q = Quote(text[1:37], 1, 37, "direct", "Jane Roe", None, None, None, None, "said", 43, 47, 0.9, "t")
    html = copydesk.render(article(text=text, quotes=[q]))
    marks = check_nesting(html)
    assert [m["class"] for m in marks] == ["cd-quote", "cd-quote"]
    assert html.count("— Jane Roe (said)") == 1
    assert html.index("— Jane Roe (said)") > html.index("and the rest")


def test_hostile_text_is_escaped():
    text = "<script>alert(1)</script> & </mark> \"quoted\" 'single' <b>bold</b>"
    m = Mention("&", 26, 27, "ORG", 0, 0.5)
    html = copydesk.render(article(text=text, mentions=[m], title="<img src=x onerror=alert(1)>", site="a&b"))
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/mark&gt;" in html and "&quot;quoted&quot;" in html and "&#x27;single&#x27;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "a&amp;b" in html
    check_nesting(html)


def test_styles_choose_what_is_shown():
    art = article(mentions=MENTIONS, quotes=[quote(15, 43)], entities=[ROE])
    ents = copydesk.render(art, style="entities")
    quotes = copydesk.render(art, style="quotes")
    assert "cd-entity" in ents and "cd-quote" not in ents and "cd-people" in ents
    assert "cd-quote" in quotes and "cd-entity" not in quotes and "cd-people" not in quotes
    assert art._repr_html_() == copydesk.render(art, "both")
    with pytest.raises(ValueError, match="style must be 'entities', 'quotes' or 'both', got 'people'"):
        copydesk.render(art, style="people")  # type: ignore[arg-type]


def test_people_table():
    html = copydesk.render(article(mentions=MENTIONS, quotes=[quote(15, 43)], entities=[ROE]))
    row = re.search(r'<table class="cd-people".*?</table>', html).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells == ["Jane Roe", "negotiator", "Example Union", "2", "1"]


def test_self_contained():
    html = copydesk.render(copydesk.analyze(TEXT))
    assert not re.search(r"<(script|link|iframe|img)\b", html)
    assert "@import" not in html and "url(" not in html


def test_reprs_are_short():
    long_text = "word " * 5000
    q = Quote(long_text, 0, len(long_text), "direct", "X", None, None, None, None, None, None, None, 0.5, "t")
    assert len(repr(q)) < 300
    assert len(repr(article(text=long_text))) < 300
    assert len(repr(copydesk.Removed(long_text, 0, len(long_text), "boilerplate"))) < 200


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no headless Chromium here")
def test_headless_chromium_shows_the_highlights(tmp_path):
    assert CHROMIUM, "CI installs Debian's chromium package"
    hostile = "\n\nA reader wrote <script>document.title='pwned'</script> & left."
    art = article(text=TEXT + hostile, mentions=MENTIONS, quotes=[quote(15, 43)], entities=[ROE])
    page = tmp_path / "article.html"
    page.write_text(
        f"<!doctype html><meta charset=utf-8><title>copydesk</title>{copydesk.render(art)}", encoding="utf-8"
    )
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    marks = check_nesting(dom.split("<body>", 1)[1].rsplit("</body>", 1)[0])
    assert [m["class"] for m in marks] == ["cd-entity", "cd-quote", "cd-entity"]
    assert "<title>copydesk</title>" in dom  # the script in the article text did not run
    assert "&lt;script&gt;" in dom
    shot = tmp_path / "article.png"
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=900,600", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
