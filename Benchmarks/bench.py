#!/usr/bin/env python3
"""Prints the simulator's speed and memory figures (the GoHeap issue's benchmark):
  - the simulator's own peak RSS while simulating the seed scenario (two 400 MB slices, filled);
  - its peak RSS holding 10 million live 16-byte objects (160 MB of objects in Go);
  - wall time and GC count for 10 million 16-byte garbage allocations at GOGC=100, per profile
    (the real runtime: about 0.09 s and 44 GCs in Go 1.27, 0.11 s and 43 GCs in Go 1.19).
Usage: Benchmarks/bench.py [GCSH_BINARY]  (default .build/release/gcsh; build with
`swift build -c release` first). Numbers are printed, never asserted."""
import json, os, resource, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
gcsh = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/gcsh")

def run(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([gcsh] + args, capture_output=True, text=True, cwd=root)
    wall = time.perf_counter() - t0
    # ru_maxrss of children is the largest of any child so far: run each in a fresh process.
    return p, wall

def measure(args):
    # A fresh interpreter per measurement, so ru_maxrss is this child's alone.
    code = ("import resource,subprocess,sys,time\n"
            "t=time.perf_counter(); p=subprocess.run(sys.argv[1:],capture_output=True,text=True)\n"
            "w=time.perf_counter()-t\n"
            "print(w); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(p.stdout)")
    out = subprocess.run([sys.executable, "-c", code, gcsh] + args, capture_output=True, text=True, cwd=root).stdout
    lines = out.split("\n")
    return float(lines[0]), int(lines[1]) / 1024.0, "\n".join(lines[2:])

def last_stats(stdout):
    for line in reversed(stdout.splitlines()):
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("event") == "stats":
            return d
    return {}

print(f"gcsh binary: {gcsh}")
w, rss, _ = measure(["examples/seed.gcs"])
print(f"seed scenario (two 400 MB slices, filled): {w*1000:.1f} ms wall, simulator peak RSS {rss:.1f} MB (goal: under 25 MB)")
w, rss, out = measure(["--format", "jsonl", "Benchmarks/alloc-live.gcs"])
s = last_stats(out)
print(f"10M live 16-byte objects: {w:.2f} s wall, simulator peak RSS {rss:.1f} MB "
      f"(the Go program holds {s.get('HeapAlloc', 0)/1e6:.0f} MB of heap; 160 MB of it the objects)")
for profile in ("go1.27", "go1.19"):
    w, rss, out = measure(["--format", "jsonl", "--profile", profile, "Benchmarks/alloc-garbage.gcs"])
    s = last_stats(out)
    print(f"10M 16-byte garbage allocations, {profile}: {w:.2f} s wall, {s.get('NumGC')} GCs, "
          f"virtual time {s.get('t', 0):.3f} s, simulator peak RSS {rss:.1f} MB")
