#!/usr/bin/env python3
"""Drives the gcsh REPL through a pseudo-terminal, one scenario per run.

Usage: repl_pty.py GCSH_BINARY WORKDIR SCENARIO. Exit 0 when every step passed; on failure
prints what it expected and what the terminal showed. Each scenario is a function below whose
name is the SCENARIO argument (REPLTests.swift runs them all)."""
import os, pty, re, select, sys, time

binary, workdir, scenario = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
hist = os.path.join(workdir, "history")
inputrc = os.path.join(workdir, "inputrc")
with open(inputrc, "w") as f:
    f.write("set enable-bracketed-paste off\n")

PROMPT = r"gcsh \d+\.\d{3}s> "
MORE = r"\.\.\.> "


def fail(message):
    print(message)
    sys.exit(1)


class Terminal:
    """One gcsh process on a pty."""

    def __init__(self, *args, history=hist):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            env = dict(os.environ, GCSH_HISTORY=history, INPUTRC=inputrc, TERM="xterm")
            for k in ("GOGC", "GOMEMLIMIT", "GODEBUG"):
                env.pop(k, None)
            try:
                os.chdir(workdir)
                os.execve(binary, [binary] + list(args), env)
            finally:
                os._exit(127)
        self.buf = ""

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return True
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return False
        if not data:
            return False
        self.buf += data.decode("utf-8", "replace")
        return True

    def expect(self, pattern, timeout=15):
        """Waits for `pattern`; returns the text before it and consumes through it."""
        deadline = time.time() + timeout
        rx = re.compile(pattern)
        while time.time() < deadline:
            m = rx.search(self.buf)
            if m:
                before = self.buf[:m.start()]
                self.buf = self.buf[m.end():]
                return before
            if not self.pump(0.1):
                break
        os.kill(self.pid, 9)
        fail("TIMEOUT waiting for %r\n--- terminal so far ---\n%s" % (pattern, self.buf))

    def send(self, s):
        os.write(self.fd, s.encode())

    def line(self, s, until=PROMPT):
        """Types a line and returns what the terminal showed up to the next prompt."""
        self.send(s + "\r")
        return self.expect(until)

    def quit(self, what="Ctrl-D on an empty main prompt"):
        """Ctrl-D on an empty main prompt: the session must end with status 0."""
        self.send("\x04")
        _, status = os.waitpid(self.pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            fail("%s must exit with status 0 (status word %d)" % (what, status))


def must(cond, what, shown):
    if not cond:
        fail("%s\n--- terminal showed ---\n%s" % (what, shown))


def basics():
    t = Terminal()
    t.expect(r"Simulated go1\.27 on linux, 16\.0 GiB of RAM")
    t.expect(r"Type :help")
    t.expect(PROMPT)
    # A memory learner's first lines: runtime.MemStats filled by ReadMemStats, Printf's widths,
    # and Go's println (stderr, which the terminal shows too).
    t.line("var m runtime.MemStats")
    t.line("runtime.ReadMemStats(&m)")
    t.send('fmt.Printf("%5d|%-4v|\\n", m.NumGC, m.EnableGC)\r')
    t.expect(r"\r\n    0\|true\|\r\n")
    t.expect(PROMPT)
    t.send("println(1.5, m.Lookups)\r")
    t.expect(r"\r\n1\.5 0\r\n")
    t.expect(PROMPT)
    # Editing: type "x := 4", move left, insert "2": the line is "x := 24".
    t.line("x := 4\x1b[D2")
    t.send("print x\r")
    t.expect(r"\r\n24\r\n")
    t.expect(PROMPT)
    # History: up-arrow recalls "print x".
    t.send("\x1b[A\r")
    t.expect(r"24\r\n")
    t.expect(PROMPT)
    # Continuation: an open block continues at ...>
    t.line("for i := 0; i < 2; i++ {", MORE)
    t.line("print i", MORE)
    t.send("}\r")
    t.expect(r"0\r\n1\r\n")
    t.expect(PROMPT)
    # Errors keep the session.
    t.send("print nope\r")
    t.expect(r"undefined: nope")
    t.expect(PROMPT)
    # A type error runs nothing of its entry and declares nothing: the print before it is not
    # shown, and the name declared in the same entry does not exist afterwards.
    shown = t.line("fresh := 5; print 99; var s string = 5")
    must("<repl>:1:38: error: cannot use 5 (untyped int constant) as string value in variable declaration" in shown
         and "\r\n99\r\n" not in shown, "a type error must stop its whole entry", shown)
    t.send("print fresh\r")
    t.expect(r"undefined: fresh")
    t.expect(PROMPT)
    # Ctrl-C interrupts a runaway loop; the heap and variables survive.
    t.line("big := make([]byte, 64<<20)")
    t.send("for { }\r")
    # Ctrl-C until the loop reports the interrupt (the first may land before the loop starts);
    # wait between tries so that no stray Ctrl-C reaches the next prompt.
    for attempt in range(8):
        time.sleep(0.5)
        t.send("\x03")
        deadline = time.time() + 3
        while time.time() < deadline and "interrupted" not in t.buf:
            t.pump(0.1)
        if "interrupted" in t.buf:
            break
    t.expect(r"interrupted")
    t.expect(PROMPT)
    time.sleep(0.3)
    t.send("print x, len(big)\r")
    t.expect(r"24 67108864")
    t.expect(PROMPT)
    # Ctrl-D on an empty main prompt exits.
    t.quit()


def cancel():
    """Ctrl-C or Ctrl-D at `...>` drops the pending entry and returns to the main prompt."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("for i := 0; i < 3; i++ {", MORE)
    t.line("print i", MORE)
    t.send("\x03")
    t.expect(PROMPT)
    # The block is gone: these two lines are entries of their own, not the block's rest.
    shown = t.line('print "new"')
    must("new" in shown, "the line after Ctrl-C runs by itself", shown)
    shown = t.line("}")
    must("found '}'" in shown and "0\r\n" not in shown, "the cancelled block must not run", shown)
    # Ctrl-D at ...> cancels the entry, and the session goes on.
    t.line("for {", MORE)
    t.line("x := 1", MORE)
    t.send("\x04")
    t.expect(PROMPT)
    shown = t.line('print "still here"')
    must("still here" in shown, "Ctrl-D at ...> must not end the session", shown)
    # Ctrl-C with text on the main prompt drops the line.
    t.send('print "dropped"')
    time.sleep(0.2)
    t.send("\x03")
    t.expect(PROMPT)
    shown = t.line('print "kept"')
    must("dropped" not in shown and "kept" in shown, "Ctrl-C drops the typed line", shown)
    t.quit()


def block_error():
    """A syntax error inside a block ends the whole entry, once, when the block closes."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("for i := 0; i < 3; i++ {", MORE)
    t.line("x := )", MORE)
    t.line("print i", MORE)
    shown = t.line("}")
    must(shown.count("error:") == 1 and "<repl>:2:6: error: expected expression, found ')'" in shown,
         "one error for the whole block", shown)
    must("undefined: i" not in shown, "the block's rest must not run at top level", shown)
    # A raw string continues over lines.
    t.line("s := `one", MORE)
    t.line("two`")
    shown = t.line("len(s)")
    must("\r\n7\r\n" in shown, "a raw string spans lines", shown)


def echo():
    """An expression entry shows its value, calls included."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("x := []int{1, 2, 3}")
    t.line("func f() int { return 42 }")
    for entry, value in [("len(x)", "3"), ("f()", "42"), ("fmt.Sprint(1)", "1"), ("min(3, 4)", "3"),
                         ("x", r"\[1 2 3\]"), ("x[1] * 10", "20")]:
        shown = t.line(entry)
        must(re.search(r"\r\n" + value + r"\r\n", shown), "%s must echo %s" % (entry, value), shown)
    # One rule for an echo and for print: an overflowing constant is an error in both.
    a = t.line("1 << 70")
    b = t.line("print 1 << 70")
    must("cannot use 1 << 70 (untyped int constant 1180591620717411303424) as int value" in a
         and "(overflows)" in a and "(overflows)" in b, "1 << 70 overflows in an echo as in print", a + b)


def closures():
    """A closure made in one entry keeps its captures in later ones (its code stays in the
    session's table), through a GC; a func value echoes as its code pointer, as fmt prints it."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("func counter() func() int {", MORE)
    t.line("\tn := 0", MORE)
    t.line("\treturn func() int { n++; return n }", MORE)
    t.line("}")
    t.line("c := counter()")
    t.line("c()")
    t.line("gc")
    shown = t.line("c()")
    must(re.search(r"\r\n2\r\n", shown), "the counter's state survives entries and a GC", shown)
    shown = t.line("c")
    must(re.search(r"\r\n0x[0-9a-f]+\r\n", shown), "a func echoes as its code pointer", shown)
    shown = t.line("c == nil")
    must(re.search(r"\r\nfalse\r\n", shown), "a func compares with nil", shown)
    shown = t.line("k := 3")
    shown = t.line("add := func(x int) int { return x + k }")
    t.line("k = 10")
    shown = t.line("add(1)")
    must(re.search(r"\r\n11\r\n", shown), "a literal sees a global as it is now", shown)


def goroutines():
    """Goroutines started in one entry wait between entries (no virtual time passes) and run
    when a later entry blocks or sleeps; a deadlock is the simulated program's fatal error,
    after which the REPL says so and :reset gives a fresh process that works."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("ch := make(chan string)")
    t.line('go func() { ch <- "from a goroutine" }()')
    shown = t.line("runtime.NumGoroutine()")
    must(re.search(r"\r\n2\r\n", shown), "the goroutine waits between entries", shown)
    shown = t.line("<-ch")
    must(re.search(r"\r\nfrom a goroutine\r\n", shown), "a receive runs the goroutine and echoes its value", shown)
    shown = t.line("runtime.NumGoroutine()")
    must(re.search(r"\r\n1\r\n", shown), "the goroutine has ended", shown)
    shown = t.line("<-ch")
    must("all goroutines are asleep - deadlock!" in shown, "a receive nobody answers is a deadlock", shown)
    shown = t.line(":reset")
    shown = t.line("runtime.NumGoroutine()")
    must(re.search(r"\r\n1\r\n", shown), "a reset process has main only", shown)


def history():
    """A multi-line entry is one history item across sessions; the file is written whole."""
    t = Terminal()
    t.expect(PROMPT)
    t.line("for i := 0; i < 2; i++ {", MORE)
    t.line('\tprint "round", i', MORE)
    t.line("}")
    t.line('fmt.Printf("%d\\n", 7)')
    t.quit()
    text = open(hist).read()
    must(text.startswith("#gcsh history 2\n"), "the history file's header", text)
    must('for i := 0; i < 2; i++ {\\n\tprint "round", i\\n}\n' in text, "one line per entry", text)
    must('fmt.Printf("%d\\\\n", 7)\n' in text, "a backslash is escaped", text)
    must(not any(n.startswith("history.tmp") for n in os.listdir(workdir)), "no temporary left", text)
    must(os.stat(hist).st_mode & 0o777 == 0o600, "the history is readable by its owner only", oct(os.stat(hist).st_mode))
    def recall_block(ups, what):
        # A new session runs the entry `ups` up-arrows back: the block, whole.
        t = Terminal()
        t.expect(PROMPT)
        t.send("\x1b[A" * ups + "\r")
        shown = t.expect(PROMPT)
        must("round 0\r\nround 1\r\n" in shown, what, shown)
        t.quit()
    recall_block(2, "the recalled block runs as one entry")
    # The newest entry recalled and run again as it was is not stored a second time (bash's
    # ignoredups): Up would otherwise show the same block twice in a row.
    recall_block(1, "the newest entry, recalled, runs")
    entries = open(hist).read().split("\n")[1:-1]
    must(all(a != b for a, b in zip(entries, entries[1:])), "no entry twice in a row", entries)
    must(len(entries) == 3, "block, Printf, block", entries)
    # A history file with binary data, or one that cannot be read, is a warning.
    with open(hist, "wb") as f:
        f.write(b"x := 1\x00\xff\xfe")
    t = Terminal()
    shown = t.expect(PROMPT)
    must("gcsh: ignoring the history file" in shown and "binary data" in shown, "a warning", shown)
    shown = t.line("print 5")
    must("5" in shown, "the session works", shown)
    t.quit()
    must(open(hist, "rb").read() == b"x := 1\x00\xff\xfe", "an unusable file is left as it is", "")
    t = Terminal(history=workdir)
    shown = t.expect(PROMPT)
    must("gcsh: ignoring the history file" in shown, "a directory is a warning", shown)
    t.quit("a session with an unusable history file")


def completion():
    """Tab completes by context; a Tab at the start of a line inserts itself."""
    open(os.path.join(workdir, "lesson-one.gcs"), "w").write('print "loaded"\n')
    t = Terminal()
    t.expect(PROMPT)
    t.send(":pro\tgo1.1\t\r")
    shown = t.expect(PROMPT)
    must("fresh process: go1.19" in shown, ":pro<TAB> go1.1<TAB> is :profile go1.19", shown)
    t.send(":lo\tless\t\r")
    shown = t.expect(PROMPT)
    must("loaded" in shown, ":load completes file names", shown)
    # In a directory too: `/` breaks words (Go's division), yet the path is completed whole.
    os.makedirs(os.path.join(workdir, "chapters"), exist_ok=True)
    open(os.path.join(workdir, "chapters", "two.gcs"), "w").write('print "second"\n')
    t.send(":load chap\tt\t\r")
    shown = t.expect(PROMPT)
    must("second" in shown, ":load completes a directory, then a file in it", shown)
    # :repo<TAB> is :report (a timeout fails the scenario).
    t.send(":repo\t")
    t.expect(":report ")
    t.send("\x15\r")
    t.expect(PROMPT)
    t.send("stats mem\t\r")
    shown = t.expect(PROMPT)
    must("MemStats" in shown or "HeapAlloc" in shown, "stats mem<TAB> is stats memstats", shown)
    t.line("myvariable := 7")
    t.send("print 1,myv\t\r")
    shown = t.expect(PROMPT)
    must(re.search(r"\r\n1 7\r\n", shown), "a name after a comma completes", shown)
    # fmt.Printl<TAB> completes to `fmt.Println(` with no space after the parenthesis.
    t.send('fmt.Printl\t"x")\r')
    shown = t.expect(PROMPT)
    must('fmt.Println("x")' in shown and "\r\nx\r\n" in shown, "no space after (", shown)
    # Pasting Go with tab indentation (no bracketed paste): the tabs are indentation.
    t.send("func double(n int) int {\r\treturn 2 * n\r}\r")
    t.expect(PROMPT)
    shown = t.line("double(21)")
    must("\r\n42\r\n" in shown, "a pasted function with tabs is defined", shown)


def death():
    """After the simulated process dies, it is said once; nothing runs until :reset."""
    t = Terminal("--ram", "1GiB")
    t.expect(PROMPT)
    t.line("x := make([]byte, 600<<20)")
    t.line("for i := range x { x[i] = 0 }")
    t.line("y := make([]byte, 600<<20)")
    shown = t.line("for i := range y { y[i] = 0 }")
    must("Killed" in shown and shown.count("the simulated process has ended") == 1 and ":reset" in shown,
         "the kill is reported once, with :reset", shown)
    shown = t.line('print "after"')
    must("after" not in shown.replace('print "after"', "") and "error" not in shown
         and "the simulated process has ended (Killed, exit status 137); :reset starts a fresh one" in shown,
         "a later entry does not run and is not another error", shown)
    shown = t.line(":reset")
    must("fresh process" in shown, ":reset", shown)
    shown = t.line('print "alive"')
    must("alive" in shown.replace('print "alive"', ""), "a fresh process runs", shown)
    # A Go stack overflow ends the process the same way (on the default 16 GiB machine: the
    # stack's 1 GB limit comes before the kernel's kill).
    t.quit()
    t = Terminal()
    t.expect(PROMPT)
    t.line("func down(n int) int { var pad [100]int; pad[0] = n; return down(n+1) + pad[0] }")
    shown = t.line("down(0)")
    must("fatal error: stack overflow" in shown and "the simulated process has ended" in shown,
         "a stack overflow ends the process", shown)
    shown = t.line("print 1")
    must("the simulated process has ended (exit status 2)" in shown, "nothing runs after it", shown)


def load_settings():
    """:load runs a script without leaving its settings on; the banner names the OS."""
    open(os.path.join(workdir, "narrated.gcs"), "w").write(
        "explain\nx := make([]byte, 1<<20)\nfunc g() float64 { return 2.5 }\ng()\n")
    t = Terminal("--os", "darwin")
    t.expect(r"Simulated go1\.27 on darwin")
    t.expect(PROMPT)
    shown = t.line(":load narrated.gcs")
    must("  # " in shown and "2.5" not in shown, "the script narrates, and echoes nothing", shown)
    shown = t.line("y := make([]byte, 1<<20)")
    must("#" not in shown, "explain is off again after :load", shown)
    shown = t.line("len(x)")
    must("1048576" in shown, "the script's variables stay", shown)


def trace():
    """A GC an entry started prints its trace line and narration with that entry."""
    t = Terminal("--gctrace")
    t.expect(PROMPT)
    t.line("explain")
    shown = t.line("x := make([]byte, 100<<20)")
    must(re.search(r"gc 1 @", shown) and "GC 1 ran because an allocation" in shown,
         "the cycle the allocation started ends with its entry", shown)
    shown = t.line("gc")
    must("gc 1 @" not in shown and "gc 2 @" in shown, "the next entry shows only its own GC", shown)


globals()[scenario]()
print("ok")
