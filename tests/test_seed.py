"""The seed article, cleaned: the `clean:` checks of ../shared/tools/eval_seed.py, as tests."""

import json

import copydesk


def test_seed_article_is_cleaned(shared_dir):
    seed = shared_dir / "data" / "seed"
    text = (seed / "trends-us-iran-mediation.txt").read_text(encoding="utf-8")
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))["clean"]
    art = copydesk.analyze(text)
    assert art.title == expected["title"]
    assert art.site_name == expected["site_name"]
    paragraphs = [art.text[p.start : p.end] for p in art.paragraphs]
    assert len(paragraphs) == expected["body_paragraphs"]
    assert paragraphs[0].startswith(expected["body_first_paragraph_starts"])
    assert paragraphs[-1].startswith(expected["body_last_paragraph_starts"])
    removed = {r.text: r.reason for r in art.removed}
    assert set(expected["removed_lines"]) <= set(removed)
    assert removed["Leave a Reply"] == "comments"
    assert removed["Back to top button"] == "back_to_top"


def test_shipped_example_is_the_seed(shared_dir, example_text):
    seed = shared_dir / "data" / "seed" / "trends-us-iran-mediation.txt"
    assert example_text == seed.read_text(encoding="utf-8")
