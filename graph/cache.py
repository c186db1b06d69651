"""A cache bounded by the bytes it holds, not by its number of entries.

One view of the shipped world weighs about 1.8 MB and one of a 40,000-tie upload 22 MB, so
a count of entries bounds nothing. The app keeps one of these for the shipped data, shared
by every session, and one in each session that has an upload, which goes with the session.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
MB = 1 << 20


def footprint(value: object) -> int:
    """The bytes `value` takes, measured as its pickle: an upper bound of what it holds
    alone, since parts it shares with the world it was made from are counted too."""
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


class SizedCache:
    """The values made most recently used, up to `budget` bytes in all (by `footprint`).

    A value larger than the whole budget is returned but not kept. Values are shared, not
    copied: callers must not change them. Safe to use from several threads at once.
    """

    def __init__(self, budget: int, *, name: str = "") -> None:
        self.budget = budget
        self.name = name
        self.used = 0
        self._entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept under `key`, or `make()`'s, kept if it fits."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key][0]  # type: ignore[return-value]
        value = make()  # outside the lock: other sessions need not wait for this one
        size = footprint(value)
        with self._lock:
            if size <= self.budget and key not in self._entries:
                self._entries[key] = (value, size)
                self.used += size
                while self.used > self.budget:
                    _, (_, freed) = self._entries.popitem(last=False)
                    self.used -= freed
        return value
