"""HTML views of an article: entities and quotes highlighted in the text, and a table of people.

>>> import copydesk
>>> html = copydesk.render(copydesk.analyze("A short note."), style="both")
>>> html.startswith('<div class="copydesk-article"')
True

The HTML is self-contained: inline styles only, no JavaScript, fonts or other assets. Colours are
translucent and text colour is inherited, so it reads in light and dark notebook themes. All
article text is HTML-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from copydesk.models import Article

Style = Literal["entities", "quotes", "both"]

# Translucent backgrounds, after displaCy's palette.
LABEL_COLOURS = {
    "PERSON": "rgba(170, 156, 252, 0.45)",
    "ORG": "rgba(122, 236, 236, 0.45)",
    "GPE": "rgba(254, 202, 116, 0.5)",
    "LOC": "rgba(255, 149, 97, 0.45)",
    "NORP": "rgba(200, 135, 251, 0.4)",
    "MISC": "rgba(170, 170, 170, 0.4)",
}
QUOTE_STYLE = "background: rgba(255, 214, 0, 0.18); border-bottom: 2px solid rgba(214, 160, 0, 0.9); color: inherit;"
CUE_STYLE = "text-decoration: underline dotted; text-underline-offset: 0.2em;"
MARK_STYLE = "padding: 0.05em 0.2em; border-radius: 0.3em; color: inherit; line-height: 1.9;"
TAG_STYLE = (
    "font-size: 0.68em; font-weight: 600; letter-spacing: 0.02em; margin-left: 0.35em; opacity: 0.75; "
    "vertical-align: middle; text-transform: none;"
)
CELL = "padding: 0.2em 0.8em; text-align: left; border-bottom: 1px solid rgba(128, 128, 128, 0.3);"


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    layer: int  # outer spans have lower layers: quote 0, cue 1, mention 2
    open_tag: str
    close_tag: str
    end_tag: str = ""  # emitted once, after the span's last piece


def _mention_spans(article: Article) -> list[_Span]:
    spans = []
    for m in article.mentions:
        colour = LABEL_COLOURS.get(m.label, LABEL_COLOURS["MISC"])
        open_tag = (
            f'<mark class="cd-entity" data-label="{escape(m.label)}" data-entity-id="{m.entity_id}" '
            f'title="{escape(m.label)}" style="background: {colour}; {MARK_STYLE}">'
        )
        tag = f'<span class="cd-tag" style="{TAG_STYLE}">{escape(m.label)}</span>'
        spans.append(_Span(m.start, m.end, 2, open_tag, "</mark>", end_tag=tag))
    return spans


def _quote_spans(article: Article) -> list[_Span]:
    spans = []
    for q in article.quotes:
        speaker = q.speaker or q.speaker_text or "unknown speaker"
        label = f"{speaker} ({q.cue})" if q.cue else speaker
        open_tag = (
            f'<mark class="cd-quote" data-kind="{escape(q.kind)}" data-speaker="{escape(q.speaker or "")}" '
            f'title="{escape(q.kind)} quote: {escape(label)}" style="{QUOTE_STYLE} {MARK_STYLE}">'
        )
        tag = f'<span class="cd-tag cd-speaker" style="{TAG_STYLE}">— {escape(label)}</span>'
        spans.append(_Span(q.start, q.end, 0, open_tag, "</mark>", end_tag=tag))
        if q.cue_start is not None and q.cue_end is not None:
            spans.append(_Span(q.cue_start, q.cue_end, 1, f'<span class="cd-cue" style="{CUE_STYLE}">', "</span>"))
    return spans


def _highlight(text: str, start: int, end: int, spans: list[_Span]) -> str:
    """``text[start:end]`` with the spans that touch it as properly nested tags.

    Spans that cross (or cross the edges of the stretch) are split, so every tag closes inside
    the element it opened in.
    """
    inside = [s for s in spans if s.start < end and s.end > start and s.end > s.start]
    cuts = sorted({start, end, *(max(start, s.start) for s in inside), *(min(end, s.end) for s in inside)})
    out: list[str] = []
    stack: list[_Span] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: (s.layer, s.start, -s.end))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        for s in reversed(stack[keep:]):
            if s.end <= a:
                out.append(s.end_tag)  # inside the mark, as displaCy shows labels
            out.append(s.close_tag)
        stack = stack[:keep]
        for s in active[keep:]:
            out.append(s.open_tag)
            stack.append(s)
        out.append(escape(text[a:b]))
    for s in reversed(stack):
        if s.end <= end:
            out.append(s.end_tag)
        out.append(s.close_tag)
    return "".join(out)


def _people_table(article: Article) -> str:
    people = [e for e in article.entities if e.label == "PERSON"]
    if not people:
        return ""
    quotes_by: dict[int, int] = {}
    for q in article.quotes:
        if q.speaker_entity_id is not None:
            quotes_by[q.speaker_entity_id] = quotes_by.get(q.speaker_entity_id, 0) + 1
    head = "".join(f'<th style="{CELL}">{h}</th>' for h in ("person", "role", "affiliation", "mentions", "quotes"))
    rows = []
    for e in sorted(people, key=lambda e: (-quotes_by.get(e.id, 0), -e.mention_count, e.name)):
        cells = (e.name, e.role or "", e.affiliation or "", str(e.mention_count), str(quotes_by.get(e.id, 0)))
        rows.append("<tr>" + "".join(f'<td style="{CELL}">{escape(c)}</td>' for c in cells) + "</tr>")
    return (
        '<table class="cd-people" style="border-collapse: collapse; margin-top: 1em; font-size: 0.9em;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def render(article: Article, style: Style = "both") -> str:
    """The article as self-contained HTML: title and site name, the text with entities and/or
    quotes highlighted (each quote tagged with its speaker and cue), and a table of people."""
    if style not in ("entities", "quotes", "both"):
        raise ValueError(f"style must be 'entities', 'quotes' or 'both', got {style!r}")
    spans: list[_Span] = []
    if style in ("entities", "both"):
        spans += _mention_spans(article)
    if style in ("quotes", "both"):
        spans += _quote_spans(article)
    parts = ['<div class="copydesk-article" style="font-family: system-ui, sans-serif; max-width: 52em;">']
    if article.title or article.site_name:
        parts.append('<div class="cd-header" style="margin-bottom: 0.8em;">')
        if article.title:
            parts.append(
                f'<div class="cd-title" style="font-size: 1.3em; font-weight: 700;">{escape(article.title)}</div>'
            )
        if article.site_name:
            parts.append(f'<div class="cd-site" style="opacity: 0.7;">{escape(article.site_name)}</div>')
        parts.append("</div>")
    for p in article.paragraphs:
        parts.append(f'<p style="line-height: 1.9;">{_highlight(article.text, p.start, p.end, spans)}</p>')
    if style in ("entities", "both"):
        parts.append(_people_table(article))
    parts.append("</div>")
    return "".join(parts)
