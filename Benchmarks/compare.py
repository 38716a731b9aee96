#!/usr/bin/env python3
"""Times each benchmark workload under gcsh, as a real Go program and under CPython, and prints
a Markdown table: mean ± σ of each, the ratios gcsh/Go and gcsh/CPython, gcsh's peak RSS beside
the simulated heap, whether the three twins printed the same result, and the load average.

Usage: Benchmarks/compare.py [--gcsh BIN] [--go GO] [--python PY] [--only NAME ...] [--runs N]
                             [--warmup N] [--timeout S] [--baseline-gcsh BIN]
  --gcsh defaults to .build/release/gcsh (build it with `swift build -c release`); --go to the
  `go` on PATH (without one the Go column is empty); --python to `python3`. --baseline-gcsh adds
  a second gcsh binary (e.g. today's, built from the commit in Benchmarks/README.md) to every
  hyperfine invocation, so the two are timed on the same load and their ratio is printed.

Method. The Go twins are built once into a temporary directory (go.mod `go 1.19`,
GOTOOLCHAIN=local, GOFLAGS=-mod=mod). Each command first runs once on its own, with a time-out:
that run gives its output (to compare the twins), its peak RSS (GNU time's %M) and, for
gcsh, the simulated program's final MemStats (gcsh -i --format jsonl, then `stats` on stdin).
A command that fails or times out is reported with what happened and left out of the timing.
The others of a workload are then timed in one `hyperfine -N -w W -r N` invocation. GOGC,
GOMEMLIMIT and GODEBUG are removed from the environment; a workload run at several GOGC values
sets it with `env GOGC=...` for gcsh and Go alike. Wall times on a shared 2-core machine are
noisy: the load average is printed with every workload. Numbers are printed, never asserted."""
import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from typing import Optional

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WL = os.path.join(HERE, "workloads")
MiB = 1024 * 1024


@dataclass
class Workload:
    """One program in three twins. Paths are relative to the repository root."""
    name: str
    gcs: str
    go: str
    py: Optional[str]
    # GOGC values to run gcsh and Go at (None: the environment's default, 100).
    gogc: tuple = (None,)
    # Allocates many small objects (the "within 3x of Go" target applies).
    allocates: bool = False
    # Holds no pointers (the "simulator memory <= 10 % of the simulated heap" target applies).
    pointer_free: bool = False
    # What the twins print: "output" (the same lines), or "NumGC" (gcsh's simulated NumGC,
    # read from its stats, against the number the Go twin prints; Python prints nothing).
    result: str = "output"
    note: str = ""


def twins(name, **kw):
    return Workload(name, f"Benchmarks/workloads/{name}.gcs", f"Benchmarks/workloads/{name}.go",
                    f"Benchmarks/workloads/{name}.py", **kw)


WORKLOADS = [
    twins("alloc-store-append", gogc=("100", "50", "off"), allocates=True),
    twins("linked-list", allocates=True),
    twins("fill-indexed", pointer_free=True),
    twins("store-indexed", pointer_free=True),
    twins("bytes-scan", pointer_free=True),
    twins("fib"),
    Workload("seed", "examples/seed.go", "examples/seed.go", "Benchmarks/workloads/seed.py",
             pointer_free=True,
             note="the Go program sleeps 20 s of real time (gcsh's sleeps are virtual); "
                  "seed.py has no sleeps"),
    Workload("alloc-garbage", "Benchmarks/alloc-garbage.gcs", "Benchmarks/alloc-garbage.go",
             "Benchmarks/workloads/alloc-garbage.py", allocates=True, result="NumGC",
             note="target: no slower than 1.1x today's gcsh"),
]


@dataclass
class Command:
    """One timed command of a workload."""
    label: str      # column: "gcsh", "Go", "CPython", "before"
    variant: str    # "GOGC=50", or "" for the only variant
    argv: list
    gcsh: bool = False
    # From the single probe run:
    status: str = ""            # "" when it ran to the end, else what happened
    output: str = ""
    maxrss: int = 0             # bytes
    stats: Optional[dict] = None  # gcsh: the simulated program's final MemStats
    # From hyperfine:
    mean: Optional[float] = None
    sd: Optional[float] = None


def clean_env():
    env = dict(os.environ)
    for k in ("GOGC", "GOMEMLIMIT", "GODEBUG"):
        env.pop(k, None)
    return env


def kill_children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            for child in f.read().split():
                os.kill(int(child), signal.SIGKILL)
    except OSError:
        pass


def probe(cmd, timeout, env, tmp):
    """Runs cmd once; records its output, peak RSS and how it ended."""
    argv = cmd.argv
    if cmd.gcsh:  # the same program, then `stats` typed at the REPL after it ends
        argv = argv[:-1] + ["-i", "--format", "jsonl", argv[-1]]
    # GNU time measures the peak RSS: a child forked from this Python process would start with
    # Python's own high-water mark (Linux carries it across exec), /usr/bin/time's is ~2 MiB.
    rssfile = os.path.join(tmp, "maxrss")
    argv = ["/usr/bin/time", "-f", "%M", "-o", rssfile] + argv
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT,
                             cwd=ROOT, env=env)
        # When the time-out passes, kills the command, not time, so that time still reports.
        timer = threading.Timer(timeout, kill_children, (p.pid,))
        timer.daemon = True
        timer.start()
        try:
            p.stdin.write(b"stats\n" if cmd.gcsh else b"")
            p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            p.wait()
        except BaseException:  # SIGTERM or Ctrl-C: the command goes too
            timer.cancel()
            kill_children(p.pid)
            p.kill()
            raise
        timed_out = not timer.is_alive()
        timer.cancel()
        out.seek(0)
        text = out.read().decode(errors="replace")
    try:
        with open(rssfile) as f:
            cmd.maxrss = int(f.read().split()[-1]) * 1024
    except (OSError, ValueError, IndexError):
        cmd.maxrss = 0
    text = "\n".join(l for l in text.splitlines()
                     if not l.startswith(("Command exited with", "Command terminated by")))
    if timed_out:
        cmd.status = f"did not finish in {timeout:g} s (killed)"
    elif p.returncode != 0:
        last = [l for l in text.splitlines() if l.strip()][-3:]
        cmd.status = f"exit {p.returncode}: " + " / ".join(last)[:200]
    cmd.output = text
    if cmd.gcsh:
        prints, stats = [], None
        for m in re.finditer(r"\{.*\}", text):
            try:
                e = json.loads(m.group(0))
            except ValueError:
                continue
            if e.get("event") == "print":
                prints.append(e.get("text", ""))
            elif e.get("event") == "stats":
                stats = e
            elif e.get("event") == "error" and not cmd.status:
                cmd.status = f"{e.get('kind')} error: {e.get('message')}"
        cmd.output = "\n".join(prints)
        cmd.stats = stats


def result_of(cmd, workload):
    """What the command printed, reduced to what the twins can share."""
    if cmd.status:
        return None
    if workload.result == "NumGC":
        if cmd.gcsh:
            return str(cmd.stats.get("NumGC")) if cmd.stats else None
        return cmd.output.strip() or None
    return "\n".join(l.rstrip() for l in cmd.output.strip().splitlines())


def build_go(workloads, go, tmp):
    """Builds each Go twin once; returns {path: binary}."""
    env = dict(clean_env(), GOTOOLCHAIN="local", GOFLAGS="-mod=mod",
               GOCACHE=os.path.join(tmp, "cache"))
    bins = {}
    for w in workloads:
        if w.go in bins:
            continue
        d = os.path.join(tmp, w.name)
        os.makedirs(d)
        shutil.copy(os.path.join(ROOT, w.go), os.path.join(d, "main.go"))
        with open(os.path.join(d, "go.mod"), "w") as f:
            f.write("module bench\n\ngo 1.19\n")
        exe = os.path.join(tmp, w.name + ".bin")
        print(f"building {w.go}", file=sys.stderr)
        subprocess.run([go, "build", "-o", exe, "."], cwd=d, env=env, check=True)
        bins[w.go] = exe
    version = subprocess.run([go, "version"], capture_output=True, text=True, env=env).stdout
    return bins, version.strip()


def commands(w, args, gobins):
    cmds = []
    for gogc in w.gogc:
        prefix = ["env", f"GOGC={gogc}"] if gogc else []
        variant = f"GOGC={gogc}" if len(w.gogc) > 1 else ""
        cmds.append(Command("gcsh", variant, prefix + [args.gcsh, w.gcs], gcsh=True))
        if args.baseline_gcsh:
            cmds.append(Command("before", variant, prefix + [args.baseline_gcsh, w.gcs], gcsh=True))
        if gobins:
            cmds.append(Command("Go", variant, prefix + [gobins[w.go]]))
    if w.py and args.python:  # CPython has no GOGC: one run, shown on every variant's row
        cmds.append(Command("CPython", "", [args.python, w.py]))
    return cmds


def hyperfine(cmds, args, tmp, name):
    live = [c for c in cmds if not c.status]
    if not live:
        return
    export = os.path.join(tmp, name + ".json")
    argv = ["hyperfine", "-N", "-w", str(args.warmup), "-r", str(args.runs), "--style", "basic",
            "--export-json", export]
    for c in live:
        argv += ["-n", f"{c.label} {c.variant}".strip(), " ".join(shlex.quote(a) for a in c.argv)]
    # Its own process group, so that an interrupted run takes the timed command with it.
    proc = subprocess.Popen(argv, cwd=ROOT, env=clean_env(), stdout=sys.stderr,
                            start_new_session=True)
    try:
        proc.wait()
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    try:
        with open(export) as f:
            results = json.load(f)["results"]
    except (OSError, ValueError, KeyError):
        return
    for c, r in zip(live, results):
        c.mean, c.sd = r["mean"], r.get("stddev") or 0.0


def fmt_time(c):
    if c is None:
        return "–"
    if c.status:
        return c.status
    if c.mean is None:
        return "not timed"
    if c.mean < 1:
        return f"{c.mean * 1e3:.1f} ± {c.sd * 1e3:.1f} ms"
    return f"{c.mean:.2f} ± {c.sd:.2f} s"


def ratio(a, b):
    if a is None or b is None or a.mean is None or b.mean is None or b.mean == 0:
        return "–"
    r = a.mean / b.mean
    return f"{r:.2f}x" if r >= 0.1 else f"{r:.2g}x"


def ratio_pm(a, b):
    """a/b with its ± as hyperfine's summary gives it (the two relative σ combined)."""
    if a is None or b is None or a.mean is None or b.mean is None or not b.mean or not a.mean:
        return "–"
    r = a.mean / b.mean
    pm = r * ((a.sd / a.mean) ** 2 + (b.sd / b.mean) ** 2) ** 0.5
    return f"{r:.2f} ± {pm:.2f}x"


def mib(n):
    return f"{n / MiB:.1f} MiB"


def verdict(w, cmds):
    """Whether the twins printed the same result, in words."""
    got = {f"{c.label} {c.variant}".strip(): result_of(c, w) for c in cmds}
    shown = {k: v for k, v in got.items() if v is not None}
    if w.result == "NumGC":
        return "NumGC (simulated vs real): " + ", ".join(
            f"{k} {v}" for k, v in shown.items()) + "; CPython prints none"
    if len(set(shown.values())) <= 1 and shown:
        first = next(iter(shown.values())).replace("\n", " / ")
        missing = [k for k, v in got.items() if v is None]
        return f"same: {first}" + (f" (no result from {', '.join(missing)})" if missing else "")
    return "DIFFERENT: " + "; ".join(f"{k}: {v!r}" for k, v in got.items())


def describe(gcsh, python, goversion):
    """The line that says what was measured: date, CPUs, commit, toolchains."""
    git = ["git", "-C", os.path.dirname(gcsh)]
    head = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True).stdout
    dirty = subprocess.run(git + ["status", "--porcelain", "--", "Sources"],
                           capture_output=True, text=True).stdout
    commit = (head.strip() + (" with uncommitted changes to Sources" if dirty.strip() else "")
              if head.strip() else "unknown (not in a git checkout)")
    py = subprocess.run([python, "-V"], capture_output=True, text=True).stdout.strip() \
        if python else "no python"
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{now}, {os.cpu_count()} CPUs, gcsh {gcsh} at commit {commit}, "
            f"{goversion}, {py}")


def load():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--gcsh", default=os.path.join(ROOT, ".build/release/gcsh"))
    p.add_argument("--baseline-gcsh", help="a second gcsh binary, timed beside the first")
    p.add_argument("--go", default=shutil.which("go"))
    p.add_argument("--python", default=shutil.which("python3"))
    p.add_argument("--only", nargs="+", choices=[w.name for w in WORKLOADS], metavar="NAME")
    p.add_argument("--runs", type=int, default=10)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--timeout", type=float, default=300,
                   help="seconds a command's first run may take before it is killed (300)")
    args = p.parse_args()
    args.gcsh = os.path.abspath(args.gcsh)
    if args.baseline_gcsh:
        args.baseline_gcsh = os.path.abspath(args.baseline_gcsh)
    workloads = [w for w in WORKLOADS if not args.only or w.name in args.only]
    # On SIGTERM, unwind: the running command is killed and the temporary directory goes.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    with tempfile.TemporaryDirectory(prefix="gcsh-bench-") as tmp:
        gobins, goversion = build_go(workloads, args.go, tmp) if args.go else ({}, "no go command")
        env = clean_env()
        rows = []
        for w in workloads:
            cmds = commands(w, args, gobins)
            before = load()
            for c in cmds:
                print(f"{w.name}: first run of {c.label} {c.variant}".rstrip(), file=sys.stderr)
                probe(c, args.timeout, env, tmp)
            hyperfine(cmds, args, tmp, w.name)
            rows.append((w, cmds, before, load()))
    report(rows, args, goversion)


def report(rows, args, goversion):
    """Prints the table, the outputs and loads, and the targets as numbers."""
    print("\n" + describe(args.gcsh, args.python, goversion))
    print(f"hyperfine -N -w {args.warmup} -r {args.runs}; "
          f"the first run's time-out {args.timeout:g} s\n")
    base = " | before | gcsh/before" if args.baseline_gcsh else ""
    print(f"| workload | gcsh | Go | CPython | gcsh/Go | gcsh/CPython{base} | gcsh peak RSS "
          "| simulated HeapSys | RSS/HeapSys |")
    print("|---|---|---|---|---:|---:|" + ("---|---:|" if base else "") + "---:|---:|---:|")
    for w, cmds, _, _ in rows:
        py = next((c for c in cmds if c.label == "CPython"), None)
        for variant in dict.fromkeys(c.variant for c in cmds if c.label != "CPython"):
            g = next((c for c in cmds if c.label == "gcsh" and c.variant == variant), None)
            go = next((c for c in cmds if c.label == "Go" and c.variant == variant), None)
            b = next((c for c in cmds if c.label == "before" and c.variant == variant), None)
            heap = g.stats.get("HeapSys") if g.stats else None
            cells = [f"{w.name} {variant}".strip(), fmt_time(g), fmt_time(go), fmt_time(py),
                     ratio(g, go), ratio(g, py)]
            if base:
                cells += [fmt_time(b), ratio_pm(g, b)]
            killed = " at the kill" if g.status.startswith("did not finish") else ""
            cells += [mib(g.maxrss) + killed, mib(heap) if heap else "–",
                      f"{100 * g.maxrss / heap:.0f} %" if heap else "–"]
            print("| " + " | ".join(cells) + " |")

    print("\nOutputs, peak RSS of every command and load:")
    for w, cmds, before, after in rows:
        print(f"- {w.name}: {verdict(w, cmds)}" + (f" ({w.note})" if w.note else ""))
        print("  peak RSS: " + ", ".join(f"{c.label} {c.variant}".strip() + f" {mib(c.maxrss)}"
                                         for c in cmds))
        print(f"  load before: {before}\n  load after:  {after}")

    print("\nTargets (numbers only):")
    for w, cmds, _, _ in rows:
        for g in (c for c in cmds if c.label == "gcsh"):
            go = next((c for c in cmds if c.label == "Go" and c.variant == g.variant), None)
            py = next((c for c in cmds if c.label == "CPython"), None)
            name = f"{w.name} {g.variant}".strip()
            if w.allocates:
                print(f"- {name}: gcsh/Go {ratio(g, go)} (target: at most 3x)")
            print(f"- {name}: gcsh/CPython {ratio(g, py)} (target: below 1x)")
            if w.pointer_free and g.stats:
                print(f"- {name}: gcsh peak RSS {mib(g.maxrss)} is "
                      f"{100 * g.maxrss / g.stats['HeapSys']:.0f} % of the simulated HeapSys "
                      f"{mib(g.stats['HeapSys'])} (target: at most 10 %)")
            if w.name == "seed":
                fast = g.mean is not None and g.mean < 0.020
                small = g.maxrss < 25 * MiB
                print(f"- seed: gcsh {fmt_time(g)} (under 20 ms: {'yes' if fast else 'no'}), "
                      f"peak RSS {mib(g.maxrss)} (under 25 MiB: {'yes' if small else 'no'})")
            b = next((c for c in cmds if c.label == "before" and c.variant == g.variant), None)
            if w.name == "alloc-garbage" and b:
                print(f"- alloc-garbage: gcsh/before {ratio_pm(g, b)} (target: at most 1.1x)")


if __name__ == "__main__":
    main()
