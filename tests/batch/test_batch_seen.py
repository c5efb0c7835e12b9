"""The duplicate check's set: exact against a Python set, in fixed memory, through flushes and merges."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from crisisplay.batch import seen as seen_module
from crisisplay.batch.seen import SeenSet

_KEY = st.tuples(st.integers(-40, 40), st.integers(-2, 2))  # few values: collisions on h1 are common


@settings(max_examples=150, deadline=None)
@given(chunks=st.lists(st.lists(_KEY, max_size=25), max_size=30), buffer=st.sampled_from([1, 2, 7, 64]),
       bits=st.sampled_from([1 << 4, 1 << 8, 1 << 16]), fence=st.sampled_from([1, 2, 3, 512]))
def test_agrees_with_a_python_set(chunks: list[list[tuple[int, int]]], buffer: int, bits: int, fence: int) -> None:
    """Tiny buffers and fences: every key goes through runs, merges and block reads (and
    equal first hashes across block boundaries, since h1 takes few values here)."""
    seen_module._FENCE = fence
    seen = SeenSet(bloom_bits=bits, buffer_size=buffer)
    reference: dict[tuple[int, int], int] = {}
    try:
        for number, chunk in enumerate(chunks):
            keys = list(dict.fromkeys(chunk))
            first = np.array([k[0] for k in keys], np.int64)
            second = np.array([k[1] for k in keys], np.int64)
            assert seen.lookup(first, second).tolist() == [reference.get(k, -1) for k in keys]
            new = [i for i, key in enumerate(keys) if key not in reference]
            for i in new:
                reference[keys[i]] = number * 100 + i
            seen.add(first[new], second[new], np.array([number * 100 + i for i in new], np.int64))
        assert seen.size == len(reference)
    finally:
        seen.close()
        seen_module._FENCE = 512


def test_runs_stay_few_and_are_removed(tmp_path: Path) -> None:
    seen = SeenSet(tmp_path / "seen", bloom_bits=1 << 12, buffer_size=16)
    rng = np.random.default_rng(7)
    keys = rng.integers(-(2**62), 2**62, size=(4000, 2), dtype=np.int64)
    for start in range(0, 4000, 100):
        part = keys[start:start + 100]
        seen.add(part[:, 0], part[:, 1], np.arange(start, start + 100, dtype=np.int64))
    runs = list((tmp_path / "seen").glob("*.h1"))
    assert 0 < len(runs) <= 9  # 250 flushes merged down to about log2 of them
    assert seen.lookup(keys[:, 0], keys[:, 1]).tolist() == list(range(4000))
    seen.close()
    assert not (tmp_path / "seen").exists()
