#!/usr/bin/env python3
"""Drives the gcsh REPL through a pseudo-terminal: editing, history, completion, continuation,
Ctrl-C, Ctrl-D. Usage: repl_pty.py GCSH_BINARY WORKDIR. Exit 0 when every step passed; on
failure prints what it expected and what the terminal showed."""
import os, pty, re, select, sys, time

binary, workdir = sys.argv[1], sys.argv[2]
hist = os.path.join(workdir, "history")
inputrc = os.path.join(workdir, "inputrc")
with open(inputrc, "w") as f:
    f.write("set enable-bracketed-paste off\n")

pid, fd = pty.fork()
if pid == 0:
    env = dict(os.environ, GCSH_HISTORY=hist, INPUTRC=inputrc, TERM="xterm")
    for k in ("GOGC", "GOMEMLIMIT", "GODEBUG"):
        env.pop(k, None)
    os.execve(binary, [binary], env)

buf = ""
def read_until(pattern, timeout=15):
    global buf
    deadline = time.time() + timeout
    rx = re.compile(pattern)
    while time.time() < deadline:
        m = rx.search(buf)
        if m:
            buf = buf[m.end():]
            return m
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            buf += data.decode("utf-8", "replace")
    print("TIMEOUT waiting for %r\n--- terminal so far ---\n%s" % (pattern, buf))
    os.kill(pid, 9)
    sys.exit(1)

def send(s):
    os.write(fd, s.encode())

PROMPT = r"gcsh \d+\.\d{3}s> "
read_until(r"Simulated go1\.27 on linux, 16\.0 GiB of RAM")
read_until(r"Type :help")
read_until(PROMPT)
# A memory learner's first lines: runtime.MemStats filled by ReadMemStats, Printf's widths, and
# Go's println (stderr, which the terminal shows too).
send("var m runtime.MemStats\r")
read_until(PROMPT)
send("runtime.ReadMemStats(&m)\r")
read_until(PROMPT)
send('fmt.Printf("%5d|%-4v|\\n", m.NumGC, m.EnableGC)\r')
read_until(r"\r\n    0\|true\|\r\n")
read_until(PROMPT)
send("println(1.5, m.Lookups)\r")
read_until(r"\r\n1\.5 0\r\n")
read_until(PROMPT)
# Editing: type "x := 4", move left, insert "2": the line is "x := 24".
send("x := 4\x1b[D2\r")
read_until(PROMPT)
send("print x\r")
read_until(r"\r\n24\r\n")
read_until(PROMPT)
# History: up-arrow recalls "print x".
send("\x1b[A\r")
read_until(r"24\r\n")
read_until(PROMPT)
# Completion of a live variable name.
send("myvariable := 7\r")
read_until(PROMPT)
send("print myv\t\r")
read_until(r"\r\n7\r\n")
read_until(PROMPT)
# Continuation: an open block continues at ...>
send("for i := 0; i < 2; i++ {\r")
read_until(r"\.\.\.> ")
send("print i\r")
read_until(r"\.\.\.> ")
send("}\r")
read_until(r"0\r\n1\r\n")
read_until(PROMPT)
# Errors keep the session.
send("print nope\r")
read_until(r"undefined: nope")
read_until(PROMPT)
# A type error runs nothing of its entry and declares nothing: the print before it is not
# shown, and the name declared in the same entry does not exist afterwards.
send("fresh := 5; print 99; var s string = 5\r")
shown = read_until(r"(?s)(.*?)" + PROMPT).group(1)
if "<repl>:1:38: error: cannot use 5 (untyped int constant) as string value in variable declaration" not in shown \
        or "\r\n99\r\n" in shown:
    print("a type error must stop its whole entry:\n" + shown); sys.exit(1)
send("print fresh\r")
read_until(r"undefined: fresh")
read_until(PROMPT)
# Ctrl-C interrupts a runaway loop; the heap and variables survive.
send("big := make([]byte, 64<<20)\r")
read_until(PROMPT)
send("for { }\r")
# Ctrl-C until the loop reports the interrupt (the first may land before the loop starts);
# wait a few seconds between tries so that no stray Ctrl-C reaches the next prompt.
for attempt in range(8):
    time.sleep(0.5)
    send("\x03")
    deadline = time.time() + 3
    while time.time() < deadline and "interrupted" not in buf:
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            buf += os.read(fd, 4096).decode("utf-8", "replace")
    if "interrupted" in buf:
        break
read_until(r"interrupted")
read_until(PROMPT)
time.sleep(0.3)
send("print x, len(big)\r")
read_until(r"24 67108864")
read_until(PROMPT)
# Ctrl-D exits.
send("\x04")
_, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    print("exit status", os.WEXITSTATUS(status)); sys.exit(1)
h = open(hist).read()
if "for i := 0; i < 2; i++ {\nprint i\n}" not in h or "print x" not in h:
    print("history file:\n" + h); sys.exit(1)
print("ok")
