"""analyze_batch: order, errors= modes, progress, interrupts between chunks, fork safety."""

import _thread
import math
import multiprocessing
import os
import sys
import threading

import pytest

import copydesk
from copydesk import Failed, api

NOTE = "The minister said on Monday that the talks would resume next week in the capital."
BAD_ROWS = [None, math.nan, b"bytes", 7]


def test_errors_raise_names_the_first_bad_row():
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not float"):
        copydesk.analyze_batch([NOTE, NOTE, math.nan])


def test_errors_skip_leaves_none_in_place():
    out = copydesk.analyze_batch([NOTE, *BAD_ROWS, NOTE], errors="skip")
    assert out[1:5] == [None] * 4
    assert out[0] == out[5] == copydesk.analyze(NOTE)


def test_errors_collect_says_which_rows_failed_and_why():
    out = copydesk.analyze_batch([*BAD_ROWS, NOTE], errors="collect")
    assert out[:4] == [
        Failed(0, "TypeError", "texts[0] must be str, not NoneType"),
        Failed(1, "TypeError", "texts[1] must be str, not float"),
        Failed(2, "TypeError", "texts[2] must be str, not bytes"),
        Failed(3, "TypeError", "texts[3] must be str, not int"),
    ]
    assert out[4] == copydesk.analyze(NOTE)


def test_unknown_errors_mode():
    with pytest.raises(ValueError, match="errors must be 'raise', 'skip' or 'collect', got 'ignore'"):
        copydesk.analyze_batch([NOTE], errors="ignore")  # type: ignore[call-overload]


def test_order_is_kept_across_chunks(monkeypatch):
    monkeypatch.setattr(api, "_CHUNK", 3)
    texts = [f"Note number {i} says the talks resume." for i in range(20)]
    assert [a.text for a in copydesk.analyze_batch(texts, threads=2)] == texts


def test_progress_without_tqdm_still_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)  # makes `import tqdm.auto` fail
    assert len(copydesk.analyze_batch([NOTE] * 3, progress=True)) == 3


def test_an_interrupt_lands_between_chunks(monkeypatch):
    monkeypatch.setattr(api, "_CHUNK", 1)
    calls = []
    real = api._core.analyze_batch

    def slow_chunk(chunk, **kw):
        calls.append(len(chunk))
        if len(calls) == 2:
            _thread.interrupt_main()  # as Ctrl-C would, while the core is busy with a chunk
        return real(chunk, **kw)

    monkeypatch.setattr(api._core, "analyze_batch", slow_chunk)
    with pytest.raises(KeyboardInterrupt):
        copydesk.analyze_batch([NOTE] * 50)
    assert 2 <= len(calls) < 50  # stopped after the chunk in flight, not at the end


def _child_batch(queue):
    queue.put([a.text for a in copydesk.analyze_batch([NOTE, NOTE], threads=2)])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_child_forked_after_a_batch_does_not_hang():
    copydesk.analyze_batch([NOTE] * 8)  # start the worker pools in this process
    copydesk.analyze_batch([NOTE] * 8, threads=2)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child_batch, args=(queue,))
    child.start()
    child.join(timeout=60)
    if child.is_alive():
        child.kill()
        pytest.fail("the forked child hung in analyze_batch")
    assert child.exitcode == 0
    assert queue.get(timeout=5) == [NOTE, NOTE]


def test_batches_run_while_other_threads_hold_on():
    # The GIL is released during analysis, so a Python thread keeps running alongside.
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        copydesk.analyze_batch([NOTE * 50] * 100, threads=1)
    finally:
        stop.set()
        t.join()
    assert ticks


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was(enabled):
    # The core pauses the collector while it builds result objects; it must come back as it was.
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        copydesk.analyze(NOTE)
        assert gc.isenabled() is enabled
        copydesk.analyze_batch([NOTE] * 600, threads=2)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
