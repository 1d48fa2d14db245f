"""Page render times of the web UI on a large synthetic store (goal: each under 300 ms).

Builds the store of ``query_latency.py`` (100k articles, 1M events, 10k actors by default),
then requests every page through the ASGI app in process (Starlette's test client: no
network, the server's own work) and prints the median and the slowest of repeated runs.

    python bench/web_latency.py [--articles 100000] [--events 1000000] [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from dateline.web.app import create_app
from query_latency import build


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        build(path, args.articles, args.events, args.actors)
        client = TestClient(create_app(path))
        someone = args.actors // 3
        pages = ["/", "/?q=ceasefire+talks", f"/?q=Number{someone}", f"/article/{args.articles // 2}", "/actors",
                 f"/actor/{someone}", "/events?since=2025-03-01&until=2025-03-01", "/events?source=USAGOV&root=19",
                 "/network", "/map", "/events?format=json&since=2025-03-01&until=2025-03-07"]  # fmt: skip
        for url in pages:
            seconds = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get(url)
                seconds.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
            median, worst = statistics.median(seconds) * 1000, max(seconds) * 1000
            verdict = "ok" if median < 300 else "OVER 300 ms"
            size = len(response.content)
            print(f"{url:<55} median {median:7.1f} ms  max {worst:7.1f} ms  {size:>8} bytes  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
