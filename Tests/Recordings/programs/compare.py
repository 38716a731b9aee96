#!/usr/bin/env python3
"""Runs every program of the corpus under gcsh and compares its standard output
with what the real Go printed (go<ver>.stdout, made by record.sh), by the rule
Tests/GCScriptTests/ProgramCorpusTests.swift applies:

- the outputs have the same number of lines, and every line Go printed without
  a leading "~ " is printed by gcsh exactly;
- a "~ " line (memory numbers, times) has the same words (the spaces between
  them do not count), and each number is within 10 % of Go's (or 1 off, when
  both are integers), or lies between the values Go printed in its recorded
  runs (run 1, go<ver>.runN.stdout). A Go duration (10.26869ms, 1m2.5s) counts
  as one number, in seconds;
- the exit status is Go's (go<ver>.status), 0 when there is none.

It writes results.md (every program, every "~ " line: Go's runs against
gcsh's) and replaces the table between the "results" markers of README.md.

    ./compare.py [--gcsh PATH] [NAME...]
"""

import argparse
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GCSH = "/work/main/.build/debug/gcsh"

# A Go duration as time.Duration.String writes it, or a plain number.
DURATION = r"(?:\d+h)?(?:\d+m)?\d+(?:\.\d+)?(?:ns|µs|us|ms|s)(?![A-Za-z])"
NUMBER = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
TOKEN = re.compile(r"(?<![A-Za-z0-9_.])(?:(?P<d>" + DURATION + r")|(?P<n>" + NUMBER + r"))")
UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}


def duration_seconds(text):
    total = 0.0
    for value, unit in re.findall(r"(\d+(?:\.\d+)?)(h|ms|µs|us|ns|m|s)", text):
        total += float(value) * UNITS[unit]
    return total


def shape(line):
    """The line's words with each number replaced by '#', and the numbers:
    (value, is_integer, text)."""
    values = []

    def put(m):
        if m.group("d") is not None:
            values.append((duration_seconds(m.group("d")), False, m.group("d")))
        else:
            t = m.group("n")
            values.append((float(t), re.fullmatch(r"[-+]?\d+", t) is not None, t))
        return "#"

    # The words count, not the spaces between them (a number's width pads its column).
    return " ".join(TOKEN.sub(put, line).split()), values


def close(mine, go):
    """Whether gcsh's number is within tolerance of Go's."""
    (g, gint, _), (c, cint, _) = go, mine
    if abs(c - g) <= 0.10 * abs(g):
        return True
    return gint and cint and abs(c - g) <= 1


def tolerant_match(mine, runs):
    """Whether a "~ " line of gcsh's matches the same line of Go's runs (run 1
    first): same words, every number close to one run's or between the runs'."""
    s, values = shape(mine)
    shapes = [shape(r) for r in runs]
    shapes = [v for (t, v) in shapes if t == shapes[0][0]]
    if s != shape(runs[0])[0]:
        return False
    for k, v in enumerate(values):
        gos = [run[k] for run in shapes]
        lo, hi = min(g[0] for g in gos), max(g[0] for g in gos)
        if not (lo <= v[0] <= hi or any(close(v, g) for g in gos)):
            return False
    return True


def lines(text):
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", errors="replace")


def recorded(name, ver):
    """Go's runs (run 1 first) and exit status, or None when it did not build."""
    d = os.path.join(HERE, name)
    first = os.path.join(d, f"go{ver}.stdout")
    if not os.path.exists(first):
        return None
    runs = [read(first)]
    k = 2
    while os.path.exists(os.path.join(d, f"go{ver}.run{k}.stdout")):
        runs.append(read(os.path.join(d, f"go{ver}.run{k}.stdout")))
        k += 1
    status = 0
    sp = os.path.join(d, f"go{ver}.status")
    if os.path.exists(sp):
        status = int(read(sp).split()[-1])
    return runs, status


def run_gcsh(gcsh, name, profile):
    env = {k: v for k, v in os.environ.items() if k not in ("GOGC", "GOMEMLIMIT", "GODEBUG")}
    env["NO_COLOR"] = "1"
    path = os.path.join(HERE, name, "main.go")
    for attempt in range(10):  # the binary may be rebuilt under us
        if os.path.exists(gcsh):
            break
        time.sleep(3)
    p = subprocess.run([gcsh, "--profile", profile, path], capture_output=True, env=env, timeout=600)
    return p.stdout.decode("utf-8", errors="replace"), p.stderr.decode("utf-8", errors="replace"), p.returncode


def first_error(stderr):
    """The first 'error:' message gcsh printed, without its location (or the first line)."""
    for line in stderr.splitlines():
        m = re.search(r"error: (.*)", line)
        if m:
            return m.group(1)
    return stderr.strip().splitlines()[0] if stderr.strip() else ""


STOP = {"and", "per", "of", "in", "at", "is", "for", "with", "to"}
NOUNS = {"bytes", "allocations", "mallocs", "objects", "pages", "collections", "records"}


def label_before(skeleton, index):
    """A word naming the index-th number of a line's skeleton (for the table): the noun after
    it, or the nearest word before it."""
    parts = skeleton.split("#")
    after = re.findall(r"[A-Za-z][A-Za-z0-9_]*", parts[index + 1] if index + 1 < len(parts) else "")
    if after and after[0] in NOUNS:
        return after[0]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9.()\[\]*_]*", "#".join(parts[: index + 1])) if w not in STOP]
    return words[-1] if words else (after[0] if after else "?")


def compare(name, ver, profile, gcsh):
    rec = recorded(name, ver)
    if rec is None:
        return {"verdict": "no recording", "detail": f"Go {ver} did not build it", "tilde": []}
    runs, status = rec
    out, err, rc = run_gcsh(gcsh, name, profile)
    result = {"tilde": [], "stdout": out, "rc": rc}
    if rc == 65:
        result.update(verdict="compile error", detail=first_error(err))
        return result
    go_lines = [lines(r) for r in runs]
    mine = lines(out)
    first_diff = None
    for k, g in enumerate(go_lines[0]):
        m = mine[k] if k < len(mine) else None
        if g.startswith("~ "):
            same_runs = [r[k] for r in go_lines if k < len(r)]
            ok = m is not None and m.startswith("~ ") and tolerant_match(m, same_runs)
            if m is not None:
                result["tilde"].append((k + 1, same_runs, m, ok))
        else:
            ok = m == g
        if not ok and first_diff is None:
            first_diff = (k + 1, g, m)
    if first_diff is None and len(mine) > len(go_lines[0]):
        first_diff = (len(go_lines[0]) + 1, None, mine[len(go_lines[0])])
    if first_diff is None and rc != status:
        line = len(go_lines[0]) + 1
        if rc == 70 or (rc not in (0, status) and err.strip()):
            result.update(verdict="run error", detail=f"line {line}: {first_error(err)}", line=line)
        else:
            result.update(verdict="differs", detail=f"exit status {rc}, Go's {status}", line=line)
        return result
    if first_diff is None:
        result.update(verdict="match", detail="")
        return result
    k, g, m = first_diff
    if m is None and rc != 0 and rc != status:
        result.update(verdict="run error", detail=f"line {k}: {first_error(err)}", line=k)
        return result
    kind = "~ line out of tolerance" if g is not None and g.startswith("~ ") else "exact line differs"
    result.update(verdict="differs", detail=f"line {k} ({kind}): Go `{g}`, gcsh `{m}`", line=k)
    return result


def fidelity(tilde):
    """A compact 'label go→gcsh' list of the numbers that differ on '~ ' lines."""
    items = []
    for _, runs, m, _ in tilde:
        gs, gv = shape(runs[0])
        ms, mv = shape(m)
        if gs != ms:
            items.append("words differ")
            continue
        for i, (g, c) in enumerate(zip(gv, mv)):
            if g[2] != c[2]:
                items.append(f"{label_before(gs, i)} {g[2]}→{c[2]}")
    return items


def md_escape(s):
    return s.replace("|", "\\|")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gcsh", default=GCSH)
    ap.add_argument("--swift", action="store_true", help="print corpusGaps entries for ProgramCorpusTests.swift")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    names = a.names or sorted(d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "main.go")))
    results = {}
    for n in names:
        r127 = compare(n, "1.27.3", "go1.27", a.gcsh)
        r119 = compare(n, "1.19.8", "go1.19", a.gcsh)
        results[n] = (r127, r119)
        print(f"{n:28s} {r127['verdict']:14s} {r119['verdict']:14s} {r127['detail'][:110]}")

    if a.swift:
        for n in names:
            r = results[n][0]
            if r["verdict"] == "compile error":
                print(f'  "{n}": .compileError("{r["detail"]}"),')
            elif r["verdict"] != "match":
                why = r.get("why", r["detail"]).replace('"', "'")
                print(f'  "{n}": .differs(line: {r.get("line", 0)}, why: "{why}"),')
    if a.names:
        return
    # results.md: every "~ " line.
    with open(os.path.join(HERE, "results.md"), "w") as f:
        f.write("# gcsh against Go, program by program\n\n")
        f.write("Made by `compare.py`. For each program: the verdict under gcsh's go1.27 profile\n")
        f.write("against Go 1.27.3, then each `~ ` line: Go's runs (run 1 first) and gcsh's line,\n")
        f.write("marked ✓ when within tolerance. The go1.19 profile against Go 1.19.8 follows.\n")
        for n in names:
            for r, ver in zip(results[n], ("1.27.3", "1.19.8")):
                f.write(f"\n## {n} (Go {ver})\n\n{r['verdict']}{': ' + r['detail'] if r['detail'] else ''}\n")
                for k, runs, m, ok in r["tilde"]:
                    f.write(f"\n- line {k} {'✓' if ok else '✗'}\n")
                    for j, g in enumerate(runs):
                        f.write(f"  - go run {j + 1}: `{g}`\n")
                    f.write(f"  - gcsh:     `{m}`\n")
    # README table.
    rows = ["| program | gcsh go1.27 vs Go 1.27.3 (exact lines) | `~` lines: Go 1.27.3 run 1 → gcsh | go1.19 vs Go 1.19.8 |",
            "|---|---|---|---|"]
    for n in names:
        r127, r119 = results[n]
        v = r127["verdict"]
        cell = "**match**" if v == "match" else f"{v}: {r127['detail']}"
        fid = fidelity(r127["tilde"])
        tl = len(r127["tilde"])
        if tl == 0:
            ftext = "—"
        elif not fid:
            ftext = f"{tl} line(s), all numbers equal"
        else:
            bad = sum(1 for t in r127["tilde"] if not t[3])
            head = f"{tl - bad}/{tl} within tolerance; " if tl else ""
            ftext = head + ", ".join(fid[:6]) + (f", +{len(fid) - 6} more" if len(fid) > 6 else "")
        v19 = r119["verdict"]
        c19 = "match" if v19 == "match" else (v19 + (f" ({r119['detail']})" if v19 in ("compile error", "no recording", "run error") else f" (line {r119.get('line', '?')})"))
        rows.append(f"| {n} | {md_escape(cell)} | {md_escape(ftext)} | {md_escape(c19)} |")
    counts = {}
    for n in names:
        counts[results[n][0]["verdict"]] = counts.get(results[n][0]["verdict"], 0) + 1
    summary = ", ".join(f"{v} {c}" for v, c in sorted(counts.items()))
    table = f"{len(names)} programs: {summary}.\n\n" + "\n".join(rows) + "\n"
    readme = os.path.join(HERE, "README.md")
    if os.path.exists(readme):
        text = open(readme).read()
        start, end = "<!-- results -->\n", "<!-- /results -->"
        if start in text and end in text:
            i, j = text.index(start) + len(start), text.index(end)
            text = text[:i] + table + text[j:]
            open(readme, "w").write(text)
    print(summary)


if __name__ == "__main__":
    main()
