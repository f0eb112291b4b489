"""The command line: `copydesk analyze FILE` and its JSON output."""

import json
import subprocess
import sys

from conftest import EXAMPLE

from copydesk.cli import main


def test_analyze_pretty_prints_the_example(capsys):
    assert main(["analyze", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "title:     Iran Offers to Mediate Between Kabul and Islamabad to Revive Stalled Peace Talks" in out
    assert "site name: Trends-US" in out
    assert "8 paragraphs" in out
    assert "[comments] Leave a Reply" in out


def test_analyze_json_round_trips(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Just one short note about the talks.", encoding="utf-8")
    assert main(["analyze", "--json", str(f)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["source"] == str(f)
    assert record["text"] == "Just one short note about the talks."


def test_missing_file_is_a_clear_error(capsys, tmp_path):
    assert main(["analyze", str(tmp_path / "nope.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_python_dash_m_runs_the_cli():
    done = subprocess.run(
        [sys.executable, "-m", "copydesk", "analyze", "--json", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["title"].startswith("Iran Offers")
