import threading

from graph.cache import SizedCache, footprint


def test_a_sized_cache_keeps_values_up_to_its_budget_in_bytes_dropping_the_least_recently_used():
    each = footprint("x" * 1000)
    cache = SizedCache(3 * each)
    made = []

    def make(name):
        made.append(name)
        return name[0] * 1000

    for name in ("a", "b", "c"):
        cache.get(name, lambda name=name: make(name))
    cache.get("a", lambda: make("a"))  # a hit: "a" is now the most recently used
    cache.get("d", lambda: make("d"))  # over budget: "b" goes
    assert made == ["a", "b", "c", "d"]
    assert "b" not in cache and all(k in cache for k in "acd")
    assert cache.used == 3 * each <= cache.budget


def test_a_value_larger_than_the_whole_budget_is_returned_but_not_kept():
    cache = SizedCache(1000)
    cache.get("small", lambda: "s")
    big = cache.get("big", lambda: "b" * 5000)
    assert big == "b" * 5000
    assert "big" not in cache and "small" in cache


def test_a_sized_cache_is_safe_from_several_threads():
    cache = SizedCache(50 * footprint("x" * 100))

    def work(offset):
        for i in range(300):
            key = (offset + i) % 80
            assert cache.get(key, lambda key=key: str(key) * 100) == str(key) * 100

    threads = [threading.Thread(target=work, args=(n * 7,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert cache.used <= cache.budget
    assert cache.used == sum(footprint(str(k) * 100) for k in range(80) if k in cache)
