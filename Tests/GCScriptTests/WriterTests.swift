// Writing through io.Writer (Check/Libraries+IO.swift): bufio.Writer, io's helpers, *os.File,
// a program's own writers, and fmt.Fprint* calling their Write with its pooled buffer — each
// checked against what Go 1.27.3 and 1.19.8 printed, allocated and said with -m.

import Foundation
import GoHeap
import Testing

@testable import GCScript

/// runs/writers: a bufio.Writer over os.Stdout (one smaller than what is written too), a
/// counting Write, io.WriteString, io.MultiWriter with io.Discard, os.Stdout's Write and
/// WriteString, a Write keeping copies of fmt's buffer, failing writers under bufio, a writer
/// wrapping another, Fprintf's results, a nil writer's panic. Stdout, stderr (os.Stderr's
/// writes), the Mallocs and TotalAlloc of the buffered and counting parts, and every -m line
/// are Go's — `&bufio.Writer{...} escapes to heap` once the writer reaches fmt, `moved to heap:
/// c` for a counter whose address fmt calls Write through.
@Test(arguments: ["1.27.3", "1.19.8"])
func writersPrintAndAllocateAsGos(_ version: String) throws {
  let run = try RecordedRun("writers")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.printed.contains("buffered 11 "))
  #expect(c.go.count > 100)
  #expect(c.gcsh == c.go)
  let (host, _, _) = try interpret(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  let stderr = try String(contentsOf: run.directory.appendingPathComponent("go\(version).stderr"), encoding: .utf8)
  #expect(host.errorText == stderr)
}

/// runs/nativewriters: a *bytes.Buffer and a *strings.Builder as io.Writer values (their
/// Write and WriteString, which gcsh runs natively, called through the interface) under
/// io.MultiWriter, under a bufio.Writer and as fmt's writer through an io.Writer variable; a
/// nil *bytes.Buffer panics inside WriteString. Output, Mallocs (14 in both versions) and every
/// -m line are Go's; Go 1.19.8 puts `i escapes to heap` of `fmt.Fprint(bw, i, ",")` at the `(`
/// (the writer before it is a name).
@Test(arguments: ["1.27.3", "1.19.8"])
func buffersAndBuildersAreWriters(_ version: String) throws {
  let run = try RecordedRun("nativewriters")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.printed.hasPrefix("299 x=42;tail! 14\n"))
  #expect(c.go.count > 15)
  #expect(c.gcsh == c.go)
  // Their other methods are gcsh's own calls, not yet an interface's.
  #expect(failure("var b bytes.Buffer\nvar w io.ByteWriter = &b\nw.WriteByte(1)")?.kind.message.hasSuffix(
    "*bytes.Buffer does not implement io.ByteWriter (gcsh does not call its WriteByte through an interface yet)") == true)
}

/// A Write method that allocates enough to run collections while fmt is calling it: fmt's
/// buffer, the boxed operands and the writer stay reachable through the call (the heap's
/// invariants hold after every cycle), and what Write received is what fmt printed.
@Test func aWriteThatCollectsKeepsFmtsBufferAlive() throws {
  let program = """
    package main

    import (
    \t"fmt"
    \t"runtime"
    )

    type churn struct {
    \tkeep [][]byte
    \tsum  int
    }

    func (c *churn) Write(p []byte) (int, error) {
    \tfor i := 0; i < 64; i++ {
    \t\t_ = make([]byte, 64<<10)
    \t}
    \truntime.GC()
    \tfor _, b := range p {
    \t\tc.sum += int(b)
    \t}
    \tc.keep = append(c.keep, append([]byte(nil), p...))
    \treturn len(p), nil
    }

    func main() {
    \tc := &churn{}
    \tfor i := 0; i < 20; i++ {
    \t\tfmt.Fprintf(c, "%d-%s-%v|", i, "abcdefghijklmnopqrstuvwxyz", []int{i, i * i})
    \t}
    \tvar m runtime.MemStats
    \truntime.ReadMemStats(&m)
    \tfmt.Println(len(c.keep), c.sum, string(c.keep[19]), m.NumGC >= 20)
    }
    """
  let (host, rt, _) = try interpret(program, name: "main.go")
  try rt.checkInvariants()
  var sum = 0
  for i in 0..<20 { sum += "\(i)-abcdefghijklmnopqrstuvwxyz-[\(i) \(i * i)]|".utf8.reduce(0) { $0 + Int($1) } }
  #expect(host.text == "20 \(sum) 19-abcdefghijklmnopqrstuvwxyz-[19 361]| true\n")
}

/// Writers that are not io.Writers are Go 1.27.3's type errors (checked with go vet), at the argument; a script may use
/// bufio and os.Stdout without imports; os's unexported names stay unexported.
@Test func writerMistakesAreGosErrors() throws {
  #expect(failure("fmt.Fprintln(3, \"x\")")?.kind.message
    == "cannot use 3 (constant of type int) as io.Writer value in argument to fmt.Fprintln: int does not implement io.Writer (missing method Write)")
  #expect(failure("type T struct{}\nvar t T\nfmt.Fprintf(t, \"x\")")?.kind.message
    == "cannot use t (variable of struct type T) as io.Writer value in argument to fmt.Fprintf: T does not implement io.Writer (missing method Write)")
  #expect(failure("os.write(1, nil)")?.kind.message == "undefined: os.write")
  let (host, _, _) = try interpret("w := bufio.NewWriter(os.Stdout)\nfmt.Fprintln(w, \"later\")\nprint \"first\"\nw.Flush()")
  #expect(host.text == "first\nlater\n")
}

/// runs/logwriters: log writes to any io.Writer — io.Discard (Print, Printf and Println return
/// before formatting: 200 mallocs for 100 calls, the operands' boxes and strings.Repeat's
/// strings alone), a Write of the program's given the logger's buffer, a bufio.Writer whose
/// lines appear at its Flush, a nil io.Writer's panic. Output and every -m line are Go's.
@Test(arguments: ["1.27.3", "1.19.8"])
func logWritesToAnyWriter(_ version: String) throws {
  let run = try RecordedRun("logwriters")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.printed.hasPrefix("discard: 200\ncounted: 10\nbefore flush\n[buf] one\n"))
  #expect(c.go.count > 40)
  #expect(c.gcsh == c.go)
}

/// runs/writerpanics (review findings): a logger's buffer survives a String method that
/// collects and allocates while the line is built (it was a Swift local the collector did not
/// see: the program's slices were overwritten); a Write that panics loses fmt's printer as
/// print.go's undeferred free does (the next prints allocate nothing more than Go's); a nil
/// writer panics after the operands' String methods ran; a logger puts its pooled buffer back
/// after a Write that panicked (Go 1.21+'s deferred putBuffer); a callee writing through a
/// *[]byte gets a copy of []byte(s) (the mutator tag at one dereference); a *bytes.Buffer and a
/// *strings.Builder assert to fmt.Stringer, `interface{ Len() int }` and io.ByteWriter as in
/// Go. Output as Go 1.27.3's and 1.19.8's, and every -m line (the interface literal spelt as
/// the IR prints it, `interface { Len() int }`) but, in Go 1.27.3, those of line 123, where Go
/// devirtualizes the Buffer's String and the Builder's Len, which gcsh does not.
@Test(arguments: ["1.27.3", "1.19.8"])
func writersAtTheirEdgesBehaveAsGos(_ version: String) throws {
  let run = try RecordedRun("writerpanics")
  let c = try run.compared(version) { $0.hasPrefix("./main.go:") && (version == "1.19.8" || !$0.hasPrefix("./main.go:123:")) }
  #expect(c.printed == c.expected)
  #expect(c.printed.hasPrefix("corrupted: 0 [g\n g\n g\n]\nrecovered: boom\nsprints after a panicking Write: 0\nString called\n"))
  #expect(c.go.count > 60)
  #expect(c.gcsh == c.go)
}

/// fmt and log write os.Stdout's and os.Stderr's text to the host's streams by name, so a
/// program that points them elsewhere is told so rather than silently ignored; reading them is
/// fine.
@Test func theStandardStreamsAreNotReassigned() throws {
  #expect(failure("os.Stdout = os.Stderr")?.kind.message == "assigning to os.Stdout is not supported by gcsh yet")
  #expect(failure("var f *os.File\nos.Stderr = f")?.kind.message == "assigning to os.Stderr is not supported by gcsh yet")
  // *os.File's other methods are Go's, named as missing here.
  #expect(failure("os.Stdout.Sync()")?.kind.message == "(*os.File).Sync is not supported by gcsh yet")
  #expect(failure("g := os.Stderr.Close")?.kind.message == "(*os.File).Close is not supported by gcsh yet")
  // A package variable's method value is one (it was tried as a method expression first).
  let (host, _, _) = try interpret(
    "f := os.Stdout\nfmt.Fprintln(f, f.Name())\nvar Stdout *os.File\nStdout = f\nprint Stdout == os.Stdout\nw := os.Stdout.Write\nw([]byte(\"via a method value\\n\"))")
  #expect(host.text == "/dev/stdout\ntrue\nvia a method value\n")
}
