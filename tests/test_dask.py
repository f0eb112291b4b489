"""Dask on a real LocalCluster with two worker processes gives the same tables as pandas."""

import pytest

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import copydesk.dask as cdd  # noqa: E402
import copydesk.pandas as cdp  # noqa: E402

PAGES = [
    f"Site {i}\n\nHeadline number {i} about the talks\n\n"
    f"The minister said on Monday that talks number {i} would resume next week in the capital.\n\n"
    "Related Articles"
    for i in range(40)
]


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("table", ["articles", "entities", "mentions", "quotes"])
def test_dask_equals_pandas(client, table):
    df = pd.DataFrame({"doc": [f"d{i}" for i in range(len(PAGES))], "text": PAGES})
    ddf = dd.from_pandas(df, npartitions=4)
    lazy = cdd.analyze_dask(ddf, text="text", id="doc", table=table)
    assert list(lazy.columns) == list(cdp.TABLES[table])
    got = lazy.compute(scheduler=client).reset_index(drop=True)
    want = getattr(cdp.analyze_frame(df, text="text", id="doc"), table)
    # Dask stores string ids as pyarrow strings; the ids themselves must match, and every other
    # column's dtype exactly.
    got["id"] = got["id"].astype(want["id"].dtype)
    pd.testing.assert_frame_equal(got, want)
    if table == "articles":
        assert len(got) == len(PAGES)
        assert got["title"].tolist()[3] == "Headline number 3 about the talks"


def test_analyze_dask_checks_its_arguments():
    ddf = dd.from_pandas(pd.DataFrame({"text": PAGES[:2]}), npartitions=1)
    with pytest.raises(ValueError, match="table must be"):
        cdd.analyze_dask(ddf, table="people")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no text column 'body'"):
        cdd.analyze_dask(ddf, text="body")
