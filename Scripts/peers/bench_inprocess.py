"""Median time per figure with matplotlib, in one warmed-up process.
Prints "name median_ms bytes" lines, like `scobrief-render-bench suite`."""
import argparse
import statistics
import time

import charts

parser = argparse.ArgumentParser()
parser.add_argument("--iterations", type=int, default=15)
parser.add_argument("--warmup", type=int, default=3)
parser.add_argument("names", nargs="*")
args = parser.parse_args()

for name in charts.CASES:
    if args.names and name not in args.names:
        continue
    for _ in range(args.warmup):
        charts.render(name)
    times = []
    size = 0
    for _ in range(args.iterations):
        start = time.perf_counter()
        size = len(charts.render(name))
        times.append((time.perf_counter() - start) * 1000)
    print(name, f"{statistics.median(times):.3f}", size, flush=True)
