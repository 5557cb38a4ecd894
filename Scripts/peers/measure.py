"""Whole-process time and peak memory of a command, or of a pipeline of commands run one after
another (separated by a lone `+++`): RUNS timed runs after WARMUP untimed ones.
Prints "MEDIAN_MS PEAK_MB CPU_MS": the median wall time of a run (the pipeline's commands
summed), the largest resident set of any of its processes, and the median CPU time (user +
system) of a run, all from wait4, so a child's children count. On a machine shared with other
work, CPU time is the steadier figure.
Usage: measure.py RUNS WARMUP -- command args... [+++ command args...]"""
import os
import statistics
import sys
import time

runs, warmup = int(sys.argv[1]), int(sys.argv[2])
words = sys.argv[sys.argv.index("--") + 1:]
commands, current = [], []
for word in words:
    if word == "+++":
        commands.append(current)
        current = []
    else:
        current.append(word)
commands.append(current)


def run_once():
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
    run_once()
results = [run_once() for _ in range(runs)]
print(f"{statistics.median(r[0] for r in results):.1f} {max(r[1] for r in results) / 1024:.0f} "
      f"{statistics.median(r[2] for r in results):.1f}")
