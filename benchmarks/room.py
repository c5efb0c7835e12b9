"""How fast the crisis room serves a run page when the run has a long history.

Starts a real ``crisisplay serve`` on a free loopback port over a fresh database with two
runs of the bundled Russian IT-outage playbook: a fresh one, and one with ``--events``
history events (done / reopen / assign / block / sent, as a long crisis would produce).
Signs in through an invitation, loads each page once (the first view renders the next
message and loads the Russian morphology for lint: that is cached), then times, in the
same run:

* ``/healthz``: the server's own floor (HTTP, no database);
* the fresh run's page and the long run's page (session check, state, clock, items,
  next message, audit log, HTML);
* the long run's page right after a change (the room folds only the new event in).

Target: the long run's page in at most 100 ms median. Usage:
``python benchmarks/room.py [--events 10000] [--repeat 30]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "room"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from checklist import fill_history as append_events  # noqa: E402  (benchmarks/checklist.py)
from room_helpers import csrf_of, running_room, sign_in  # noqa: E402

from crisisplay.checklist import api  # noqa: E402
from crisisplay.checklist.store import Store  # noqa: E402


def fill_history(db: Path, run_id: str, count: int) -> int:
    """The run's history grown to ``count`` events ending about a minute ago; returns the count."""
    with Store.open(db) as store:
        keys = list(api.load(store, run_id)[0].items)
        start = datetime.now(timezone.utc) - timedelta(seconds=count + 60)
        append_events(store, run_id, keys, count, start)
        return api.load(store, run_id)[0].events


def timed(call: Callable[[], httpx.Response], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = call()
        samples.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.status_code
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, running_room(Path(tmp), t0="-3h") as server:
        with Store.open(server.db) as store:
            long = api.start_run(store, "bundled:it-outage.ru", t0="-3h", name="long", actor="bench")
        events = fill_history(server.db, long.id, args.events)
        client = sign_in(server.url, server.first_invitation)
        fresh_url, long_url = f"/runs/{server.run_id}", f"/runs/{long.id}"
        for url in (fresh_url, long_url):
            client.get(url)  # first view: render + lint of the next message, cached from here on
        floor = timed(lambda: client.get("/healthz"), args.repeat)
        fresh = timed(lambda: client.get(fresh_url), args.repeat)
        long_page = timed(lambda: client.get(long_url), args.repeat)
        token = csrf_of(client.get(long_url).text)
        counter = iter(range(10**9))

        def change_then_view() -> httpx.Response:
            client.post(f"{long_url}/facts", data={"csrf": token, "fact:bench_counter": str(next(counter))})
            start = time.perf_counter()
            page = client.get(long_url)
            change_then_view.last = (time.perf_counter() - start) * 1000  # type: ignore[attr-defined]
            return page

        after_change = []
        for _ in range(max(5, args.repeat // 3)):
            change_then_view()
            after_change.append(change_then_view.last)  # type: ignore[attr-defined]
    print(f"crisis room, median of {args.repeat} requests over HTTP on 127.0.0.1 (bundled it-outage.ru, 21 items)")
    print(f"{'page':<34} {'ms':>7}")
    print(f"{'/healthz (server floor)':<34} {floor:>7.1f}")
    print(f"{'run page, fresh run (1 event)':<34} {fresh:>7.1f}")
    print(f"{f'run page, {events:,} events':<34} {long_page:>7.1f}")
    print(f"{'same, right after a change':<34} {statistics.median(after_change):>7.1f}")
    verdict = "within" if long_page <= 100 else "OVER"
    print(f"target: long run's page <= 100 ms median: {verdict} ({long_page:.1f} ms)")


if __name__ == "__main__":
    main()
