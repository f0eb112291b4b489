"""Bad input gets a clear exception naming the problem; nothing crashes the interpreter."""

import math
import pickle

import pytest

import copydesk


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(None, "NoneType"), (b"bytes", "bytes"), (42, "int"), (math.nan, "float"), (["a"], "list")],
)
def test_non_str_raises_type_error_naming_the_type(value, type_name):
    with pytest.raises(TypeError, match=rf"text must be str, not {type_name}$"):
        copydesk.analyze(value)


def test_batch_names_the_bad_row():
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not NoneType"):
        copydesk.analyze_batch(["ok", None])
    with pytest.raises(TypeError, match="not a single str"):
        copydesk.analyze_batch("one string")


@pytest.mark.parametrize("threads", [0, -1, 1.5, True])
def test_bad_thread_counts(threads):
    with pytest.raises(ValueError, match="threads must be a positive int"):
        copydesk.analyze_batch(["x"], threads=threads)


def test_lone_surrogates_are_replaced_one_for_one():
    text = "The minister said on Monday \ud800 that talks would resume next week in the capital."
    art = copydesk.analyze(text, clean=False)
    assert art.text == text.replace("\ud800", "\ufffd")
    assert len(art.text) == len(text)


def test_source_span_outside_the_text():
    art = copydesk.analyze("Some short text here.")
    with pytest.raises(ValueError, match=r"span 0\.\.999 is outside the article text \(length 21\)"):
        art.source_span(0, 999)
    with pytest.raises(ValueError, match="outside"):
        art.source_span(5, 2)


def test_copydesk_error_is_a_value_error_and_pickles():
    assert issubclass(copydesk.CopydeskError, ValueError)
    err = pickle.loads(pickle.dumps(copydesk.CopydeskError("boom")))
    assert isinstance(err, copydesk.CopydeskError) and str(err) == "boom"


@pytest.mark.parametrize(
    "text",
    [
        "\x00" * 100,
        "\u201c" * 500,
        "\n" * 1000,
        "\ufffd\ufffe\uffff",
        "a" * 100_000,
        "é\u0301" * 1000,
        "\r\r\n\u2028\u2029\x85",
    ],
)
def test_odd_inputs_do_not_crash(text):
    art = copydesk.analyze(text)
    for p in art.paragraphs:
        assert art.text[p.start : p.end].strip()
