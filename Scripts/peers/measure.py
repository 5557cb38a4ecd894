"""Whole-process time and peak memory of commands, RUNS timed runs after WARMUP untimed ones.

A measured item is a command, or a pipeline of commands run one after another (separated by a
lone `+++`). Several items are separated by a lone `///` and measured alternately, run by run
(A, B, A, B, ...), so that a change in the machine's load during the measurement falls on all of
them alike rather than on whichever ran last: on a shared machine that matters more than the
number of runs.

Prints one line per item, in the order given: "MEDIAN_MS PEAK_MB CPU_MS": the median wall time
of a run (a pipeline's commands summed), the largest resident set of any of its processes, and
the median CPU time (user + system) of a run, all from wait4, so a child's children count. On a
machine shared with other work, CPU time is the steadier figure.
Usage: measure.py RUNS WARMUP -- command args... [+++ command args...] [/// command args...]"""
import os
import statistics
import sys
import time

runs, warmup = int(sys.argv[1]), int(sys.argv[2])
words = sys.argv[sys.argv.index("--") + 1:]
items, commands, current = [], [], []
for word in words + ["///"]:
    if word in ("+++", "///"):
        commands.append(current)
        current = []
        if word == "///":
            items.append(commands)
            commands = []
    else:
        current.append(word)


def run_once(commands):
    start = time.perf_counter()
    peak_kb = 0
    cpu = 0.0
    for command in commands:
        pid = os.fork()
        if pid == 0:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            try:
                os.execvp(command[0], command)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"measure.py: {' '.join(command)} failed with status {os.waitstatus_to_exitcode(status)}")
        peak_kb = max(peak_kb, usage.ru_maxrss)
        cpu += usage.ru_utime + usage.ru_stime
    return (time.perf_counter() - start) * 1000, peak_kb, cpu * 1000


for _ in range(warmup):
    for item in items:
        run_once(item)
results = [[] for _ in items]
for _ in range(runs):
    for index, item in enumerate(items):
        results[index].append(run_once(item))
for result in results:
    print(f"{statistics.median(r[0] for r in result):.1f} {max(r[1] for r in result) / 1024:.0f} "
          f"{statistics.median(r[2] for r in result):.1f}")
