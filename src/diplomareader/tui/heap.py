"""Garbage collection kept out of the frames the user is waiting for.

Python's cyclic garbage collector runs whenever enough objects have been allocated, wherever
the program happens to be. In the reader every frame allocates thousands of objects, and each
focus change leaves Textual's discarded style nodes behind, so full collections came in the
middle of opening an article or moving in the list; with 100,000 articles indexed each one
took 70-200 ms (measured with ``gc.callbacks`` in ``diplomareader run``).

``HeapKeeper`` changes when the collector runs, not what it collects:

- ``start`` (once the reader is up) freezes what exists then — modules, the app and its
  screen, the index's tables, all of which live as long as the reader — so that no collection
  walks it again, and stops Python from starting full collections by itself. The young
  generations are still collected as usual: that is cheap, and most garbage dies young;
- ``settle`` freezes again once the reader has loaded the rest of what it keeps;
- ``tick`` (from a timer) runs the full collection when the user has not touched a key or the
  mouse for ``IDLE_AFTER`` seconds and a few young collections went by since the last one, or
  in any case once ``FORCE_AFTER`` did (someone browsing without a pause);
- ``stop`` gives Python its own thresholds back.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_AFTER = 0.4
"""Seconds without input after which a collection cannot delay what the user waits for."""
CHECK_EVERY = 0.25
"""Seconds between two looks at the heap."""
FULL_AFTER = 3
"""Middle-generation collections after which an idle moment is used for a full one. Python's
own threshold is 10; at 100,000 articles the garbage of 10 (about 120,000 objects) took
200-250 ms to collect, that of 3 about a third of it — shorter, should a key come meanwhile."""
FORCE_AFTER = 15
"""Middle-generation collections after which the keeper collects even while the user is busy
(someone browsing without a pause): about as often as Python itself would."""
NEVER = 1_000_000_000
"""A threshold Python's collector never reaches."""


class HeapKeeper:
    """Runs full garbage collections when the user is idle (see the module docstring)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        counts: Callable[[], tuple[int, int, int]] = gc.get_count,
    ) -> None:
        """A keeper that has not started yet (the collector is left as it is).

        ``clock`` tells the time and ``counts`` the collector's counters (``gc.get_count``).
        """
        self._clock = clock
        self._counts = counts
        self.last_input = clock()
        """When the user last pressed a key or used the mouse (``clock`` time)."""
        self._saved: tuple[int, int, int] | None = None
        self.collections = 0
        """Full collections run by ``tick``."""

    @property
    def active(self) -> bool:
        """True between ``start`` and ``stop``."""
        return self._saved is not None

    def start(self) -> None:
        """Freeze what exists now and take the full collections over from Python."""
        if self._saved is not None:
            return
        self._saved = gc.get_threshold()
        gc.freeze()
        young, middle, _ = self._saved
        gc.set_threshold(young, middle, NEVER)
        gc.enable()

    def settle(self) -> None:
        """Freeze again what exists now: called once the reader has loaded what it keeps for
        good after the first frame (the statistics of the related-quote search), which full
        collections would otherwise walk every time."""
        if self._saved is not None:
            gc.freeze()

    def stop(self) -> None:
        """Give Python its thresholds back (what was frozen stays frozen)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    def input(self) -> None:
        """Note that the user did something (a key, the mouse)."""
        self.last_input = self._clock()

    def due(self) -> bool:
        """Whether ``tick`` would collect now."""
        if self._saved is None:
            return False
        pending = self._counts()[2]
        if pending >= FORCE_AFTER:
            return True
        return pending >= FULL_AFTER and self._clock() - self.last_input >= IDLE_AFTER

    def tick(self) -> bool:
        """Run a full collection if it is due; True when it did."""
        if not self.due():
            return False
        gc.collect()
        self.collections += 1
        return True
