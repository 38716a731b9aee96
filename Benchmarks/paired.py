#!/usr/bin/env python3
"""Times two commands alternately (A B, then B A, ...), so that both see the same load, and
prints each one's median and minimum wall time, its median CPU time (user + system) and the
median of the paired ratios A/B with their interquartile range.

Usage: Benchmarks/paired.py 'COMMAND A' 'COMMAND B' [PAIRS]     (PAIRS: 30)
  e.g. Benchmarks/paired.py '/tmp/bench-after/.build/release/gcsh Benchmarks/alloc-garbage.gcs' \
                            '/tmp/gcsh-before/.build/release/gcsh Benchmarks/alloc-garbage.gcs' 40
Runs from the repository root, with GOGC, GOMEMLIMIT and GODEBUG removed from the environment
(as compare.py); two warm-up runs of each first; output discarded. hyperfine runs all of one
command and then all of the other, so a change of load between the two blocks shows up as a
difference between the commands; alternating spreads it over both."""
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    a, b = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) == 4 else 30
    env = {k: v for k, v in os.environ.items() if k not in ("GOGC", "GOMEMLIMIT", "GODEBUG")}

    def run(cmd):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(shlex.split(cmd), stdout=subprocess.DEVNULL, env=env, check=True, cwd=ROOT)
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)

    for cmd in (a, b, a, b):
        run(cmd)
    res = {a: [], b: []}
    for i in range(n):
        for cmd in ((a, b) if i % 2 == 0 else (b, a)):
            res[cmd].append(run(cmd))

    def summary(k):
        wa, wb = [x[k] for x in res[a]], [x[k] for x in res[b]]
        r = sorted(x / y for x, y in zip(wa, wb))
        return wa, wb, statistics.median(r), r[len(r) // 4], r[(3 * len(r)) // 4]

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print(f"{n} pairs, alternating; load average after: {load}\nA: {a}\nB: {b}")
    wa, wb, m, lo, hi = summary(0)
    print(f"wall: median A {statistics.median(wa) * 1e3:.1f} ms, B {statistics.median(wb) * 1e3:.1f} ms; "
          f"min A {min(wa) * 1e3:.1f}, B {min(wb) * 1e3:.1f}; A/B median {m:.3f} (IQR {lo:.3f}-{hi:.3f})")
    ca, cb, m, lo, hi = summary(1)
    print(f"CPU:  median A {statistics.median(ca) * 1e3:.1f} ms, B {statistics.median(cb) * 1e3:.1f} ms; "
          f"A/B median {m:.3f} (IQR {lo:.3f}-{hi:.3f})")


if __name__ == "__main__":
    main()
