"""No crash reaches Python; output is the same across runs and thread counts."""

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import copydesk
from copydesk import _core

PANIC_PROGRAM = """
import copydesk._core as core
for in_worker in (False, True):
    try:
        core._panic_for_tests(in_worker=in_worker)
    except BaseException as err:
        print(type(err).__name__, isinstance(err, Exception), str(err))
print("interpreter alive")
"""


def test_a_panic_becomes_a_panic_exception_not_a_dead_interpreter():
    # In a child process, so a regression that aborts cannot take the test run down with it.
    done = subprocess.run([sys.executable, "-c", PANIC_PROGRAM], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # PanicException is a BaseException: `except Exception` in user code does not swallow a bug.
    assert lines[0] == "PanicException False deliberate panic"
    assert lines[1] == "PanicException False deliberate panic in a worker"
    assert lines[2] == "interpreter alive"


def test_the_panic_hook_is_private():
    assert "_panic_for_tests" not in copydesk.__all__
    assert callable(_core._panic_for_tests)


pieces = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["\n", "\n\n", "“", "”", '"', "said", "The minister said on Monday that talks resume. ", "Home\n"]),
)
documents = st.lists(pieces, max_size=40).map("".join)


@settings(max_examples=60)
@given(st.lists(documents, min_size=1, max_size=12))
def test_identical_across_runs_and_thread_counts(texts):
    one = copydesk.analyze_batch(texts, threads=1)
    assert copydesk.analyze_batch(texts, threads=2) == one
    assert copydesk.analyze_batch(texts) == one
    assert [copydesk.analyze(t) for t in texts] == one
