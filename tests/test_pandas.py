"""pandas tables: columns, dtypes, ids, errors; pd.DataFrame(list_of_articles)."""

import math

import pytest

pd = pytest.importorskip("pandas")

import copydesk  # noqa: E402
import copydesk.pandas as cdp  # noqa: E402

PAGE = (
    "The Daily Example\n\nTalks resume in the capital after a long pause\n\n"
    "The minister said on Monday that the talks would resume next week in the capital.\n\nLeave a Reply"
)


def test_tables_have_stable_columns_and_dtypes():
    df = pd.DataFrame({"doc": ["a", "b"], "body": [PAGE, "Just a short note about the talks."]})
    t = cdp.analyze_frame(df, text="body", id="doc")
    for name, table in t._asdict().items():
        assert list(table.columns) == list(cdp.TABLES[name]), name
        for column, dtype in cdp.TABLES[name].items():
            if column != "id":
                assert str(table[column].dtype) == dtype, (name, column)
    assert t.articles["id"].tolist() == ["a", "b"]
    assert t.articles["title"].tolist()[0] == "Talks resume in the capital after a long pause"
    assert t.articles["n_paragraphs"].tolist() == [1, 1]
    assert t.articles["n_removed"].tolist() == [3, 0]
    assert t.articles["error"].isna().all()


def test_series_uses_its_index_as_id():
    s = pd.Series([PAGE, PAGE], index=[10, 20])
    t = cdp.analyze_frame(s)
    assert t.articles["id"].tolist() == [10, 20]
    assert t.articles["id"].dtype == "int64"


def test_empty_frame_gives_empty_typed_tables():
    t = cdp.analyze_frame(pd.DataFrame({"text": pd.Series([], dtype="string")}))
    assert len(t.articles) == 0
    assert list(t.quotes.columns) == list(cdp.QUOTE_COLUMNS)
    assert str(t.quotes["speaker_entity_id"].dtype) == "Int64"


def test_bad_rows_follow_errors():
    df = pd.DataFrame({"text": [PAGE, None, math.nan, 5]})
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not NoneType"):
        cdp.analyze_frame(df)
    assert cdp.analyze_frame(df, errors="skip").articles["id"].tolist() == [0]
    collected = cdp.analyze_frame(df, errors="collect").articles
    assert collected["id"].tolist() == [0, 1, 2, 3]
    assert collected["error"].tolist()[1:] == [
        "texts[1] must be str, not NoneType",
        "texts[2] must be str, not float",
        "texts[3] must be str, not int",
    ]
    assert collected["n_paragraphs"].tolist() == [1, 0, 0, 0]


def test_clear_errors_for_wrong_columns_and_types():
    with pytest.raises(KeyError, match="no text column 'body'"):
        cdp.analyze_frame(pd.DataFrame({"text": [PAGE]}), text="body")
    with pytest.raises(KeyError, match="no id column 'doc'"):
        cdp.analyze_frame(pd.DataFrame({"text": [PAGE]}), id="doc")
    with pytest.raises(TypeError, match="DataFrame or Series, not list"):
        cdp.analyze_frame([PAGE])


def test_dataframe_from_a_list_of_articles():
    arts = copydesk.analyze_batch([PAGE, PAGE])
    df = pd.DataFrame(arts)
    assert list(df.columns) == [
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
    ]
    assert df["title"].tolist() == ["Talks resume in the capital after a long pause"] * 2
