#!/usr/bin/env python3
"""A grammar-aware generator of GCScript programs, run through a gcsh binary to check the
exit-status contract.

Usage: gen_programs.py GCSH [--count N | --seconds S] [--seed N] [--save DIR] [--verbose]

Each program is built from grammar.md's constructs with a scope model, so that most of them
check and run: declarations of ints, floats, strings, slices, arrays, structs with pointer
fields, pointers; loops (bounded), functions (some recursing without end), the runtime
statements (sleep, gc, free, stats and its views, set, expect, why, roots, heap, explain),
fmt.Printf with Go's verbs, and big, negative and overflowing numbers everywhere a number goes.
A few programs are then mutated (a token dropped, a brace added) to exercise the error paths.
Each runs under a random selection of gcsh's flags, with --check-invariants.

The contract (README.md's exit statuses): the run ends with 0, 1 (a failed expect), 64 (a flag
value gcsh rejects: only when the generator chose an invalid one), 65 (a compile error) or 70
(the simulated program died), within the time limit, never by a signal; a status of 65 or 70
comes with a `file:line:col:` diagnostic (or the runtime's out-of-memory text, or `Killed`);
nothing says "internal error" or "invariant". A program that breaks it is printed (and saved
with --save) as a reproducer. Exit 1 when any did."""
import argparse, os, random, re, resource, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("gcsh")
ap.add_argument("--count", type=int, default=None)
ap.add_argument("--seconds", type=float, default=None)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--save", default=None)
ap.add_argument("--verbose", action="store_true")
ap.add_argument("--emit", default=None,
                help="write --count programs into this directory (each behind a profile byte, "
                     "as libfuzzer.sh's seeds) instead of running them")
ap.add_argument("--program-timeout", type=int, default=5,
                help="gcsh's --timeout per program, seconds (a hang is 4x that plus 20 s)")
args = ap.parse_args()
if args.count is None and args.seconds is None:
    args.count = 100

BIG = ["0", "1", "-1", "7", "255", "4096", "1 << 20", "1 << 30", "1 << 40", "1 << 62", "-(1 << 62)",
       "9223372036854775807", "-9223372036854775808", "1_000_000", "100_000_000", "0x7fff_ffff",
       "1e9", "1e30", "2147483648", "-2147483649"]
SIZES = ["0", "1", "8", "100", "4096", "1 << 16", "1 << 20", "8 << 20", "100 << 20", "1 << 30"]
DURATIONS = ["0", "1ms", "5s", "90s", "2m", "3m30s", "1h", "24h", "100000h", "2562048h",
             "time.Second", "2*time.Minute + 30*time.Second", "time.Duration(-1)",
             "9223372036854775807"]
ELEMS = ["byte", "int", "uint32", "int64", "*int", "float64", "*Node", "string"]
VIEWS = ["", " memstats", " gctrace", " metrics", " os", " all"]
VERBS = ["%d", "%v", "%x", "%5d", "%-4v|", "%f", "%.2f", "%.30f", "%e", "%s", "%q", "%t", "%T", "%p",
         "%08.3f", "%+d", "%c", "%U", "%%"]
FLAGS = [
    ["--profile", "go1.27"], ["--profile", "go1.19"], ["--profile", "go1.0"],
    ["--gogc", "50"], ["--gogc", "off"], ["--gogc", "2147483647"], ["--gogc=-1"],
    ["--memlimit", "64MiB"], ["--memlimit", "1MiB"], ["--memlimit", "off"], ["--memlimit", "0"],
    ["--ram", "1GiB"], ["--ram", "256MiB"], ["--container", "512MiB"], ["--container", "16MiB"],
    ["--os", "darwin"], ["--os", "windows"], ["--os", "plan9"], ["--godebug", "madvdontneed=0"],
    ["--gctrace"], ["--explain"], ["-m"], ["--bytecode"], ["--format", "jsonl"],
]
# Flag values gcsh must reject with a usage error (64).
BAD_FLAGS = [["--gogc", "2147483648"], ["--memlimit", "99999999999TiB"], ["--ram", "0"],
             ["--profile", "go0.9"], ["--os", "beos"], ["--format", "xml"]]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.n = 0
        self.ints, self.floats, self.strs = [], [], []
        self.slices = []  # (name, elem)
        self.small = set()  # slices short enough for a loop that stores into every element
        self.ptrs = []  # names of *Node
        self.funcs = []  # (name, takes int) returning int
        self.depth = 0

    def fresh(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    def pick(self, xs):
        return self.r.choice(xs)

    def int_expr(self, d=0):
        r = self.r.random()
        if d > 2 or r < 0.3:
            # Mostly variables once there are some: constant expressions of big numbers
            # overflow at compile time (worth a share, not most programs).
            if self.ints and self.r.random() < 0.7:
                return self.pick(self.ints)
            return self.pick(BIG if self.r.random() < 0.2 else BIG[:8])
        if r < 0.45 and self.slices:
            return "len(%s)" % self.pick(self.slices)[0]
        if r < 0.5 and self.funcs:
            name, _ = self.pick(self.funcs)
            return "%s(%s)" % (name, self.int_expr(d + 1))
        op = self.pick(["+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^"])
        if op in ("<<", ">>"):
            return "(%s %s %s)" % (self.int_expr(d + 1), op, self.pick(["1", "3", "63", "64", "70", "uint(%s)" % self.int_expr(d + 1)] + self.ints[:2]))
        return "(%s %s %s)" % (self.int_expr(d + 1), op, self.int_expr(d + 1))

    def float_expr(self):
        return self.pick(["1.5", "1e300", "-0.0", "2.5", "float64(%s)" % self.int_expr(1)] + self.floats)

    def value_of(self, elem):
        if elem == "*int":
            return "new(int)"
        if elem == "*Node":
            return self.pick(["nil", "new(Node)", "&Node{v: %s}" % self.int_expr(1)] + self.ptrs)
        if elem == "float64":
            return self.float_expr()
        if elem == "string":
            return self.pick(['"ab"', '"x"', '""'] + self.strs)
        if elem == "byte":
            return self.pick(["0", "1", "255", "byte(%s)" % self.int_expr(1)])
        if elem == "uint32":
            return self.pick(["0", "7", "uint32(%s)" % self.int_expr(1)])
        return self.int_expr(1)

    def block(self, k):
        """k statements in a nested block: what they declare is not visible after it."""
        saved = [list(xs) for xs in (self.ints, self.floats, self.strs, self.slices, self.ptrs, self.funcs)]
        self.depth += 1
        out = [self.statement() for _ in range(k)]
        self.depth -= 1
        self.ints, self.floats, self.strs, self.slices, self.ptrs, self.funcs = saved
        return out

    def indent(self, lines):
        return ["\t" + l for l in "\n".join(lines).split("\n")]

    def statement(self):
        r = self.r.random()
        kinds = [
            (0.10, self.decl_int), (0.04, self.decl_float), (0.03, self.decl_string),
            (0.12, self.decl_slice), (0.06, self.decl_ptr), (0.06, self.assign),
            (0.08, self.loop), (0.03, self.if_stmt), (0.10, self.runtime_stmt),
            (0.08, self.print_stmt), (0.06, self.printf), (0.05, self.slice_ops),
            (0.04, self.ptr_ops), (0.03, self.call_stmt), (0.02, self.array_decl),
            (0.02, self.map_decl), (0.03, self.expect), (0.03, self.conversion),
            (0.05, self.closure), (0.05, self.goroutines), (0.04, self.range_func),
        ]
        total = sum(w for w, _ in kinds)
        x = r * total
        for w, f in kinds:
            x -= w
            if x <= 0:
                return f()
        return self.decl_int()

    def decl_int(self):
        value = self.int_expr()
        name = self.fresh("n")
        s = self.pick(["%s := %s", "var %s int = %s", "var %s = %s", "%s := int64(%s)"]) % (name, value)
        if "int64" not in s:
            self.ints.append(name)
        else:
            s += "\n_ = %s" % name
        return s

    def decl_float(self):
        value = self.float_expr()
        name = self.fresh("f")
        self.floats.append(name)
        return "%s := %s" % (name, value)

    def decl_string(self):
        name = self.fresh("s")
        self.strs.append(name)
        return self.pick(['%s := "ab"', '%s := fmt.Sprint(1, 2.5)',
                          '%s := "héllo"[1:]']) % name

    def decl_slice(self):
        size = self.pick(SIZES + [self.int_expr(1)] + (["-1"] if self.r.random() < 0.2 else []))
        name = self.fresh("xs")
        elem = self.pick(ELEMS)
        self.slices.append((name, elem))
        if size in SIZES[:5]:
            self.small.add(name)
        if self.r.random() < 0.15:
            # A var group: its variables outlive it (the statements after it read them).
            n = self.fresh("n")
            self.ints.append(n)
            return "var (\n\t%s = make([]%s, %s)\n\t%s = len(%s)\n)" % (name, elem, size, n, name)
        form = self.pick(["%s := make([]%s, %s)", "%s := make([]%s, 0, %s)", "var %s = make([]%s, %s)"])
        return form % (name, elem, size)

    def decl_ptr(self):
        value = self.pick(["new(Node)", "&Node{v: 1}", "&Node{next: new(Node)}"] + self.ptrs)
        name = self.fresh("p")
        self.ptrs.append(name)
        return "%s := %s" % (name, value)

    def assign(self):
        if self.slices and self.r.random() < 0.5:
            name, elem = self.pick(self.slices)
            return "%s = %s" % (name, self.pick(["nil", "make([]%s, %s)" % (elem, self.pick(SIZES)), "%s[:0]" % name]))
        if self.ints:
            return "%s %s %s" % (self.pick(self.ints), self.pick(["=", "+=", "-=", "*=", "<<=", "/="]), self.int_expr(1))
        return self.decl_int()

    def loop(self):
        if self.depth > 2:
            return "gc"
        k = self.r.randint(1, 3)
        form = self.r.random()
        if form < 0.3 and self.slices:
            # A store of zero into every element is a memclr whatever the length; any other
            # value is a loop, kept to short slices so that a program runs in well under a second.
            name, elem = self.pick(self.slices)
            i = self.fresh("i")
            value = self.value_of(elem) if name in self.small else {"*int": "nil", "*Node": "nil", "string": '""'}.get(elem, "0")
            return "for %s := range %s {\n\t%s[%s] = %s\n}" % (i, name, name, i, value)
        i = self.fresh("i")
        bound = self.pick(["3", "10", "100", "1000"])
        head = self.pick(["for %s := 0; %s < %s; %s++ {" % (i, i, bound, i), "for %s := range %s {" % (i, bound)])
        self.ints.append(i)
        body = self.block(k)
        self.ints.remove(i)
        return "\n".join([head] + self.indent(body + ["_ = %s" % i]) + ["}"])

    def if_stmt(self):
        if self.depth > 2:
            return "free"
        cond = "%s %s %s" % (self.int_expr(1), self.pick(["<", "==", ">=", "!="]), self.int_expr(1))
        return "\n".join(["if %s {" % cond] + self.indent(self.block(1)) + ["} else {"] + self.indent(self.block(1)) + ["}"])

    def runtime_stmt(self):
        return self.pick([
            "gc", "free", "runtime.GC()", "debug.FreeOSMemory()", "sleep " + self.pick(DURATIONS),
            "time.Sleep(%s)" % self.pick(DURATIONS), "stats" + self.pick(VIEWS), 'stats "checkpoint"',
            "set GOGC=%s" % self.pick(["50", "off", "100", "9223372036854775807", "-5"]),
            "set GOMEMLIMIT=%s" % self.pick(["64MiB", "off", "1", "99999999999TiB"]),
            "debug.SetGCPercent(%s)" % self.int_expr(1), "debug.SetMemoryLimit(%s)" % self.int_expr(1),
            "why", "why HeapSys", "roots", "heap", "explain", "explain off",
        ])

    def print_stmt(self):
        args = [self.int_expr(1) for _ in range(self.r.randint(0, 2))]
        if self.slices and self.r.random() < 0.3:
            args.append("len(%s)" % self.pick(self.slices)[0])
        return self.pick(["print %s", "fmt.Println(%s)", "println(%s)"]) % ", ".join(args)

    def printf(self):
        verb = self.pick(VERBS)
        arg = self.pick([self.int_expr(1), self.float_expr(), '"s"', "true", "nil"] + self.strs)
        return 'fmt.Printf("%s\\n", %s)' % (verb, arg)

    def slice_ops(self):
        if not self.slices:
            return self.decl_slice()
        name, elem = self.pick(self.slices)
        return self.pick([
            "%s = append(%s, %s)" % (name, name, self.value_of(elem)),
            "%s = %s[%s:]" % (name, name, self.pick(["0", "1", "len(%s)" % name])),
            "%s[%s] = %s" % (name, self.pick(["0", "len(%s)-1" % name, self.int_expr(1)]), self.value_of(elem)),
            "copy(%s, %s)" % (name, name),
            "print len(%s), cap(%s)" % (name, name),
        ])

    def ptr_ops(self):
        if not self.ptrs:
            return self.decl_ptr()
        p = self.pick(self.ptrs)
        return self.pick(["%s.next = %s" % (p, self.pick(self.ptrs + ["nil"])), "%s.v = %s" % (p, self.int_expr(1)),
                          "print %s.v" % p, "%s = %s.next" % (p, p), "%s.next.v = 1" % p])

    def call_stmt(self):
        if not self.funcs:
            return "gc"
        name, _ = self.pick(self.funcs)
        return "_ = %s(%s)" % (name, self.pick(["3", "10", "-1", "100000"]))

    def array_decl(self):
        return self.pick(["a%d := [4]int{1, 2, 3}" % self.n, "a%d := [1 << 20]byte{}" % self.n,
                          "a%d := [4]int{%s: 1}" % (self.n, self.pick(["-1", "3", "4", "9223372036854775807"])),
                          "a%d := [2]*Node{}" % self.n])

    def map_decl(self):
        m = self.fresh("m")
        return "%s := map[int]int{}\nfor k := range 100 {\n\t%s[k] = k\n}\ndelete(%s, 1)\nprint len(%s)" % (m, m, m, m)

    def expect(self):
        return "expect %s %s %s" % (self.pick(["HeapAlloc", "RSS", "NumGC", "HeapSys", "HeapReleased"]),
                                    self.pick(["<", ">", "<=", "=="]), self.pick(["1MiB", "0", "1e30", "20MiB", "3"]))

    def conversion(self):
        return self.pick(["print int(%s)" % self.pick(["1e300", "2.0", "-0.0"] + self.floats), "print uint8(%s)" % self.int_expr(1),
                          "print float64(%s) / 3" % self.int_expr(1), "print string(rune(65))"])

    def closure(self):
        """A func value: a literal capturing ints or a slice (by value, or by reference when it
        reassigns them), a declared function's value, a nil one, or closures made in a loop."""
        name = self.fresh("fn")
        r = self.r.random()
        if r < 0.3:
            capt = self.pick(self.ints) if self.ints else "1"
            s = "%s := func(x int) int { return x + %s }" % (name, capt)
        elif r < 0.5 and self.ints:
            c = self.pick(self.ints)
            s = "%s := func(x int) int {\n\t%s += x\n\treturn %s\n}" % (name, c, c)
        elif r < 0.6 and self.slices:
            sl = self.pick(self.slices)[0]
            s = "%s := func(x int) int { return len(%s) + x }" % (name, sl)
        elif r < 0.7 and self.funcs:
            s = "%s := %s" % (name, self.pick(self.funcs)[0])
        elif r < 0.8:
            s = "var %s func(int) int" % name  # nil: a call panics
        elif r < 0.9:
            fs = self.fresh("fs")
            self.ints.append(fs + "n")
            return ("var %s []func() int\nfor i := 0; i < %s; i++ {\n\tb := make([]byte, %s)\n"
                    "\t%s = append(%s, func() int { return len(b) + i })\n}\n%sn := 0\n"
                    "for _, f := range %s {\n\t%sn += f()\n}") % (
                fs, self.pick(["3", "100", "1000"]), self.pick(SIZES), fs, fs, fs, fs, fs)
        else:
            s = "%s := func(x int) int {\n\tif x <= 0 {\n\t\treturn 0\n\t}\n\treturn x - 1\n}" % name
        self.funcs.append((name, True))
        return s + "\nprint %s == nil" % name

    def range_func(self):
        """Range over a function (Go 1.23 iterators, rewritten as the compiler does): an
        iterator of its own (well behaved, ignoring yield's false, keeping yield, nil), or the
        library's (maps.Keys, slices.All, strings.SplitSeq), with break, continue, labelled
        jumps out of nested bodies, allocation in the body, and a goroutine started in it."""
        it = self.fresh("it")
        n = self.pick(["0", "1", "3", "100", "10000"])
        size = self.pick(SIZES)
        kind = self.r.random()
        if kind < 0.45:
            decl = "%s := func(yield func(int) bool) {\n\tfor i := 0; i < %s; i++ {\n\t\tif !yield(i) {\n\t\t\treturn\n\t\t}\n\t}\n}" % (it, n)
        elif kind < 0.55:
            decl = "%s := func(yield func(int) bool) {\n\tyield(1)\n\tyield(2)\n}" % it  # misbehaves
        elif kind < 0.62:
            decl = "var %sk func(int) bool\n%s := func(yield func(int) bool) {\n\t%sk = yield\n\tyield(%s)\n}" % (it, it, it, n)
        elif kind < 0.67:
            decl = "var %s func(func(int) bool)" % it  # nil: the call panics
        elif kind < 0.8:
            m = it + "m"
            decl = ("%s := map[int]int{}\nfor k := range %s {\n\t%s[k] = k\n}\n%s := maps.Keys(%s)"
                    % (m, n, m, it, m))
        elif kind < 0.9:
            sl = self.pick(self.slices)[0] if self.slices else "[]int{1, 2, 3}"
            decl = "%s := func(yield func(int) bool) {\n\tfor i := range slices.All(%s) {\n\t\tif !yield(i) {\n\t\t\treturn\n\t\t}\n\t}\n}" % (it, sl)
        else:
            decl = ("%s := func(yield func(int) bool) {\n\tfor w := range strings.SplitSeq(%s, \",\") {\n"
                    "\t\tif !yield(len(w)) {\n\t\t\treturn\n\t\t}\n\t}\n}") % (it, self.pick(['"a,b,,c"', '""', '",,,"']))
        acc = it + "n"
        self.ints.append(acc)
        body = self.pick([
            "%s += x" % acc,
            "if x > %s {\n\tbreak\n}\n%s++" % (self.pick(["0", "2", "50"]), acc),
            "if x%%2 == 0 {\n\tcontinue\n}\nb := make([]byte, %s)\n%s += len(b)" % (size, acc),
            "for y := range %s {\n\tif y > x {\n\t\tcontinue %sL\n\t}\n\tif y > 5 {\n\t\tbreak %sL\n\t}\n\t%s += y\n}" % (it, it, it, acc),
            "go func() {\n\t_ = make([]byte, %s)\n}()\n%s += x" % (size, acc),
        ])
        label = "%sL:\n" % it if it + "L" in body else ""
        loop = "%sfor x := range %s {\n%s\n}" % (label, it, "\n".join(self.indent([body])))
        return "%s\n%s := 0\n%s\nprint %s" % (decl, acc, loop, acc)

    def goroutines(self):
        """Goroutines and channels: a WaitGroup fan-out into a buffered channel, a producer
        closing an unbuffered one, select with a default or a timer, goroutines left blocked
        holding buffers, a mutex counter, finalizers, and Go's panics and deadlocks."""
        n = self.pick(["1", "3", "100", "1000"])
        size = self.pick(SIZES)
        c = self.fresh("ch")
        r = self.r.random()
        if r < 0.2:
            return ("var %sw sync.WaitGroup\n%s := make(chan int, %s)\nfor i := 0; i < %s; i++ {\n"
                    "\t%sw.Add(1)\n\tgo func(k int) {\n\t\tdefer %sw.Done()\n\t\tb := make([]byte, %s)\n"
                    "\t\t%s <- k + len(b)\n\t}(i)\n}\n%sw.Wait()\nclose(%s)\n%st := 0\n"
                    "for v := range %s {\n\t%st += v\n}\nprint %st") % (
                c, c, self.pick([n, "0", "1"]), n, c, c, size, c, c, c, c, c, c, c)
        if r < 0.35:
            return ("%s := make(chan []byte)\ngo func() {\n\tfor i := 0; i < %s; i++ {\n"
                    "\t\t%s <- make([]byte, %s)\n\t}\n\tclose(%s)\n}()\n%sn := 0\n"
                    "for b := range %s {\n\t%sn += len(b)\n}\nprint %sn") % (c, n, c, size, c, c, c, c, c)
        if r < 0.5:
            return ("%s := make(chan int, 1)\nselect {\ncase v := <-%s:\n\tprint v\ncase <-time.After(%s):\n"
                    "\tprint \"timeout\"\n%s}") % (c, c, self.pick(["time.Millisecond", "0", "time.Hour"]),
                                                self.pick(["", "default:\n\tprint \"none\"\n"]))
        if r < 0.65:
            return ("%s := make(chan int)\nfor i := 0; i < %s; i++ {\n\tgo func() {\n\t\tb := make([]byte, %s)\n"
                    "\t\t<-%s\n\t\tb[0] = 1\n\t}()\n}\ntime.Sleep(time.Millisecond)\nruntime.GC()\n"
                    "print runtime.NumGoroutine()%s") % (c, n, size, c, self.pick(["", "\nclose(%s)" % c]))
        if r < 0.75:
            return ("var {c}mu sync.Mutex\nvar {c}wg sync.WaitGroup\n{c}n := 0\nfor i := 0; i < {n}; i++ {{\n"
                    "\t{c}wg.Add(1)\n\tgo func() {{\n\t\tdefer {c}wg.Done()\n\t\t{c}mu.Lock()\n\t\t{c}n++\n"
                    "\t\t{c}mu.Unlock()\n\t}}()\n}}\n{c}wg.Wait()\nprint {c}n").format(c=c, n=n)
        if r < 0.85:
            return ("%s := &Node{v: 1}\nruntime.SetFinalizer(%s, func(p *Node) { print \"finalized\", p.v })\n"
                    "%s = nil\nruntime.GC()\ntime.Sleep(time.Millisecond)\nruntime.GC()") % (c, c, c)
        return self.pick([
            "%s := make(chan int)\n<-%s" % (c, c),                                 # deadlock
            "%s := make(chan int, 1)\nclose(%s)\nclose(%s)" % (c, c, c),          # panic
            "%s := make(chan int)\nclose(%s)\n%s <- 1" % (c, c, c),              # panic
            "var %s func()\ngo %s()" % (c, c),                                      # fatal
            "var %s sync.WaitGroup\n%s.Done()" % (c, c),                           # panic
            "go func() {\n\tfor {\n\t}\n}()\ntime.Sleep(%s)" % self.pick(["time.Millisecond", "time.Second"]),
        ])

    def function(self):
        name = self.fresh("f")
        recursive = self.r.random() < 0.2
        body = ["\tvar pad [%s]int" % self.pick(["1", "100", "10000"]), "\tpad[0] = n"]
        if recursive:
            body.append("\treturn %s(n+1) + pad[0]" % name)  # never ends: stack overflow
        else:
            body.append("\tif n <= 0 {\n\t\treturn pad[0]\n\t}\n\treturn %s(n-1) + 1" % name)
        self.funcs.append((name, True))
        return "func %s(n int) int {\n%s\n}" % (name, "\n".join(body))

    def program(self):
        lines = ["type Node struct { next *Node; v int; pad [%s]byte }" % self.pick(["0", "8", "100"])]
        if self.r.random() < 0.05:
            lines.append(self.pick(["type T [1]T", "type T struct { n int; t T }",
                                    "type A struct { b B }\ntype B struct { a A }"]))
        for _ in range(self.r.randint(0, 2)):
            lines.append(self.function())
        for _ in range(self.r.randint(3, 14)):
            lines.append(self.statement())
        for name in self.ints + self.floats + self.strs + [s for s, _ in self.slices] + self.ptrs + [f for f, _ in self.funcs if f.startswith("fn")]:
            lines.append("_ = %s" % name)
        return "\n".join(lines) + "\n"


def mutate(rng, text):
    """A token dropped, duplicated or a brace added: error paths."""
    tokens = re.split(r"(\s+)", text)
    k = rng.randrange(len(tokens))
    choice = rng.random()
    if choice < 0.4:
        tokens[k] = ""
    elif choice < 0.7:
        tokens.insert(k, rng.choice(["{", "}", "(", ")", "[", ":=", "`", "/*", "\x00", "9" * 30, "'"]))
    else:
        tokens.insert(k, tokens[k])
    return "".join(tokens)


statuses = {}  # exit status -> programs
DIAG = re.compile(r"\S+:\d+:\d+: (error|fatal error|panic)|\{\"event\":\"error\",.*\"line\":\d+,\"col\":\d+")


def limit_memory():
    # Host memory: gcsh must stay far below this whatever the program (issue 12).
    resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))


def check(binary, program, flags, bad_flag, workdir):
    path = os.path.join(workdir, "p.gcs")
    with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(program)
    limit = args.program_timeout
    cmd = [binary, "--check-invariants", "--timeout", "%ds" % limit] + flags + [path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=4 * limit + 20, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        return "hung (%d s)" % (4 * limit + 20), cmd
    err = p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8", "replace")
    rc = p.returncode
    statuses[rc] = statuses.get(rc, 0) + 1
    if rc < 0 or rc > 128:
        return "killed by signal %d" % (-rc if rc < 0 else rc - 128), cmd
    if "internal error" in err + out or "invariant" in err + out:
        return "internal error: " + (err + out).strip()[-300:], cmd
    if bad_flag:
        return (None if rc == 64 else "exit %d for an invalid flag value, want 64" % rc), cmd
    if rc == 70 and "stopped by --timeout" in err:
        return "slow", cmd
    if rc not in (0, 1, 65, 70):
        return "exit %d, want 0, 1, 65 or 70" % rc, cmd
    text = err + out
    if rc in (65, 70) and not DIAG.search(text) and "out of memory" not in text and "Killed" not in text:
        return "exit %d without a file:line:col diagnostic: %r" % (rc, err.strip()[:200]), cmd
    return None, cmd


def emit(directory):
    rng = random.Random(args.seed)
    os.makedirs(directory, exist_ok=True)
    for k in range(args.count):
        with open(os.path.join(directory, "gen-%d-%d" % (args.seed, k)), "wb") as f:
            f.write(bytes([k % 3]) + Gen(rng).program().encode("utf-8", "surrogateescape"))


def main():
    if args.emit:
        return emit(args.emit)
    rng = random.Random(args.seed)
    workdir = tempfile.mkdtemp(prefix="gcsh-gen-")
    start = time.time()
    ran = failures = slow = 0
    while True:
        if args.count is not None and ran >= args.count:
            break
        if args.seconds is not None and time.time() - start >= args.seconds:
            break
        program = Gen(rng).program()
        if rng.random() < 0.15:
            program = mutate(rng, program)
        flags = []
        for _ in range(rng.randint(0, 3)):
            flags += rng.choice(FLAGS)
        bad_flag = rng.random() < 0.03
        if bad_flag:
            flags += rng.choice(BAD_FLAGS)
        # GOMEMLIMIT does not exist in go1.0: gcsh rejects the pair (the last of each flag wins).
        values = dict((flags[k], flags[k + 1]) for k in range(len(flags) - 1) if flags[k].startswith("--"))
        if values.get("--profile") == "go1.0" and values.get("--memlimit", "off") != "off":
            bad_flag = True
        problem, cmd = check(args.gcsh, program, flags, bad_flag, workdir)
        ran += 1
        if problem == "slow":
            slow += 1
            if args.verbose:
                print("slow (stopped by --timeout):\n" + program)
        elif problem:
            failures += 1
            print("FAIL %s\n  flags: %s\n--- program ---\n%s---" % (problem, " ".join(flags), program))
            if args.save:
                os.makedirs(args.save, exist_ok=True)
                with open(os.path.join(args.save, "repro-%d-%d.gcs" % (args.seed, ran)), "w") as f:
                    f.write("//gcsh: %s\n%s" % (" ".join(flags), program))
        elif args.verbose:
            print("ok %d" % ran)
    print("gen_programs: %d programs (seed %d) in %.1f s, %d broke the contract, %d stopped by --timeout"
          % (ran, args.seed, time.time() - start, failures, slow))
    print("  exit statuses: " + ", ".join("%d: %d" % kv for kv in sorted(statuses.items())))
    sys.exit(1 if failures else 0)


main()
