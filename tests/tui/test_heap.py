"""The heap keeper: full garbage collections only when the user is idle, or long overdue."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from diplomareader.tui.heap import FORCE_AFTER, FULL_AFTER, IDLE_AFTER, NEVER, HeapKeeper


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        """Start at 100 s."""
        self.now = 100.0

    def __call__(self) -> float:
        """The current time."""
        return self.now


@pytest.fixture
def collector() -> Iterator[None]:
    """Put the collector back as it was (thresholds, enabled, nothing frozen)."""
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        if enabled:
            gc.enable()


def test_start_freezes_and_stops_automatic_full_collections(collector: None) -> None:
    """After start: what existed is frozen, young collections go on, full ones do not."""
    before = gc.get_threshold()
    gc.disable()  # as ``diplomareader run`` starts the app
    keeper = HeapKeeper()
    keeper.start()
    assert keeper.active
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (before[0], before[1], NEVER)
    keeper.stop()
    assert not keeper.active
    assert gc.get_threshold() == before


def test_collects_when_idle_and_due_not_while_busy(collector: None) -> None:
    """A full collection waits for a quiet moment, unless it is long overdue."""
    clock = Clock()
    counters = [(0, 0, 0)]
    keeper = HeapKeeper(clock, lambda: counters[0])
    assert not keeper.due()  # not started: Python's collector is in charge
    keeper.start()
    keeper.input()
    counters[0] = (0, 0, FULL_AFTER)
    assert not keeper.due()  # the user just pressed a key
    clock.now += IDLE_AFTER / 2
    assert not keeper.due()
    clock.now += IDLE_AFTER
    assert keeper.due()
    counters[0] = (0, 0, FULL_AFTER - 1)
    assert not keeper.due()  # idle, but nothing worth collecting
    keeper.input()
    counters[0] = (0, 0, FORCE_AFTER)
    assert keeper.due()  # busy, but overdue
    keeper.stop()


def test_tick_runs_a_real_collection(collector: None) -> None:
    """``tick`` collects cyclic garbage when due and counts it."""
    clock = Clock()
    keeper = HeapKeeper(clock, lambda: (0, 0, FULL_AFTER))
    keeper.start()
    gc.disable()  # no young collection may free the cycle before ``tick``
    clock.now += IDLE_AFTER + 1

    class Node:
        """An object in a reference cycle."""

        def __init__(self) -> None:
            self.me = self

    probe = Node()
    alive = weakref.ref(probe)
    del probe
    assert alive() is not None  # a cycle: only the collector frees it
    assert keeper.tick()
    assert keeper.collections == 1
    assert alive() is None
    keeper.stop()
