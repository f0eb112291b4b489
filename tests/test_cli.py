"""The command line: every input and output format, pretty printing, and clear errors."""

import csv
import json
import subprocess
import sys

import pytest
from conftest import EXAMPLE

from copydesk.cli import main

NOTE = "The minister said on Monday that the talks would resume next week in the capital."


def test_analyze_pretty_prints_the_example(capsys):
    assert main(["analyze", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "title:     Iran Offers to Mediate Between Kabul and Islamabad to Revive Stalled Peace Talks" in out
    assert "site name: Trends-US" in out
    assert "8 paragraphs" in out
    assert "[comments] Leave a Reply" in out


def test_txt_files_to_jsonl(capsys, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(NOTE, encoding="utf-8")
    b.write_text("Another short note about the talks.", encoding="utf-8")
    assert main(["analyze", str(a), str(b)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["text"]) for r in records] == [(str(a), NOTE), (str(b), "Another short note about the talks.")]


def test_a_folder_of_txt_files(tmp_path):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(NOTE, encoding="utf-8")
    (tmp_path / "ignored.md").write_text("# not an article", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(tmp_path), "-o", str(out)]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [str(tmp_path / "x.txt"), str(tmp_path / "y.txt")]


def test_jsonl_with_columns_to_csv_table(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"url": f"u{i}", "body": NOTE}) for i in range(3)) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "articles.csv"
    assert main(["analyze", str(src), "--text-column", "body", "--id-column", "url", "-o", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == ["u0", "u1", "u2"]
    assert rows[0]["text"] == NOTE
    assert rows[0]["n_paragraphs"] == "1"


def test_csv_to_parquet(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": [1, 2], "text": [NOTE, NOTE]}).to_csv(src, index=False)
    out = tmp_path / "quotes.parquet"
    assert main(["analyze", str(src), "--id-column", "id", "-o", str(out), "--table", "quotes"]) == 0
    table = pd.read_parquet(out)
    assert list(table.columns)[:3] == ["id", "text", "kind"]
    articles = tmp_path / "articles.parquet"
    assert main(["analyze", str(src), "--id-column", "id", "-o", str(articles)]) == 0
    assert pd.read_parquet(articles)["id"].tolist() == ["1", "2"]  # CSV fields are text


def test_rows_that_are_not_text_are_reported(capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": NOTE}) + "\n" + json.dumps({"text": None}) + "\n", encoding="utf-8")
    assert main(["analyze", str(src)]) == 1
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert lines[1] == {"id": f"{src}:2", "error": "texts[1] must be str, not NoneType"}
    assert "row 1" in captured.err


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (None, [], "no such file"),
        ('{"body": "x"}\n', [], "no 'text' field (fields: body); use --text-column"),
        ("not json\n", [], "in.jsonl:1: not valid JSON"),
        ('{"text": "x"}\n', ["--id-column", "url"], "no 'url' field"),
        ('{"text": null}\n', ["--errors", "raise"], "texts[0] must be str, not NoneType"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(capsys, tmp_path, content, args, message):
    src = tmp_path / "in.jsonl"
    if content is not None:
        src.write_text(content, encoding="utf-8")
    assert main(["analyze", str(src), *args]) == 2
    assert message in capsys.readouterr().err


def test_python_dash_m_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "analyze", "--to", "jsonl", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["title"].startswith("Iran Offers")
