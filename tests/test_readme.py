"""The values the README's Python API example shows."""

import copydesk
from copydesk import Removed, Span


def test_readme_example_values(example_text):
    art = copydesk.analyze(example_text)
    assert art.title == "Iran Offers to Mediate Between Kabul and Islamabad to Revive Stalled Peace Talks"
    assert art.site_name == "Trends-US"
    assert len(art.paragraphs) == 8
    assert art.removed[-1] == Removed(text="Back to top button", start=2331, end=2349, reason="back_to_top")
    p = art.paragraphs[0]
    assert p == Span(start=0, end=151)
    assert art.text[p.start : p.end].startswith("Iran’s Foreign Minister Abbas Araghchi expressed readiness")
    assert art.source_span(p.start, p.end) == (93, 244)
    assert example_text[93:244] == art.text[p.start : p.end]
