// bytes.Buffer against the real runs of Tests/Recordings/runs/bytesbuffer (Go 1.27.3 and Go
// 1.19.8): every step's allocations, bytes and size classes and every capacity sequence, and
// the -m lines of the methods Go inlines.

@testable import GCScript
import Foundation
import GoHeap
import Testing


/// A local Buffer's array starts at 64 bytes (smallBufferSize) and doubles through the size
/// classes; Write of 100 bytes makes 112; Grow(1000) 1024; String() copies (onto the stack when
/// the result stays local and fits 32 bytes); Reset keeps the array; NewBuffer keeps the
/// capacity it is given; a Buffer that escapes is a 48-byte object. All of it Go's, step for step.
@Test(arguments: ["1.27.3", "1.19.8"])
func bytesBufferAllocatesAsGosDid(_ version: String) throws {
  let recording = try RecordedRun("bytesbuffer")
  let (out, _, _) = try run(recording.source, profile: profile(ofGo: version))
  #expect(recording.runs(version).contains(out), "gcsh:\n\(out)\nGo run 1:\n\(recording.runs(version)[0])")
}

/// -m: `b does not escape` for every local Buffer (no line), the inlined calls (Len, Cap, Bytes,
/// String, Reset, Grow, NewBuffer, NewBufferString), String's conversion as Go names it
/// (`string(bytes.b.buf[bytes.b.off:]) escapes to heap` or not), the literals NewBuffer makes,
/// Grow's and Reset's self-assignments. The same lines as Go's; Go prints a function's lines in
/// the order its analysis met them, gcsh by position, so they are compared as a multiset.
@Test(arguments: ["1.27.3", "1.19.8"])
func bytesBufferEscapeLinesAreGos(_ version: String) throws {
  let recording = try RecordedRun("bytesbuffer")
  let (_, _, interp) = try interpret(recording.source, name: "main.go", profile: profile(ofGo: version))
  let go = try String(contentsOf: recording.directory.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
  #expect(interp.escapeDecisions.sorted() == go.sorted())
}

/// What the methods return and how they fail, as buffer.go's do (Go 1.27.3 prints these lines).
@Test func bytesBufferMethods() throws {
  let program = """
    package main

    import (
    \t"bytes"
    \t"fmt"
    )

    func main() {
    \tvar b bytes.Buffer
    \tb.WriteString("héllo")
    \tb.WriteByte(' ')
    \tn, err := b.WriteRune('世')
    \tb.Write([]byte("!"))
    \tfmt.Println(b.String(), b.Len(), n, err, len(b.Bytes()))
    \tb.Truncate(3)
    \tfmt.Printf("%q %d\\n", b.String(), b.Cap())
    \tb.Reset()
    \tfmt.Println(b.Len(), b.Cap(), b.String() == "")
    \tc := bytes.NewBufferString("abc")
    \tc.WriteString("def")
    \tfmt.Println(c.String(), c.Len())
    \tdefer func() { fmt.Println("recovered:", recover()) }()
    \tc.Truncate(10)
    }

    """
  let (out, _, _) = try run(program)
  #expect(out == "héllo 世! 11 3 <nil> 11\n\"hé\" 64\n0 64 true\nabcdef 6\nrecovered: bytes.Buffer: truncation out of range\n")
}

/// fmt.Fprintf and Fprint to a *bytes.Buffer or a *strings.Builder (runs/fprintwriter): fmt calls
/// the writer's Write through io.Writer, so the variable moves to the heap (48 B for the Buffer,
/// 32 for the Builder), and what fmt printed is appended as the Buffer or Builder grows — with
/// fmt's own printer from its pool. Mallocs and bytes are Go's in both versions; so is -m's
/// `moved to heap: buf`.
@Test(arguments: ["1.27.3", "1.19.8"])
func fprintToABufferOrABuilder(_ version: String) throws {
  let recording = try RecordedRun("fprintwriter")
  let (out, _, interp) = try interpret(recording.source, name: "main.go", profile: profile(ofGo: version))
  #expect(recording.runs(version).contains(out.text), "gcsh: \(out.text)")
  #expect(interp.escapeDecisions.contains("main.go:17:6: moved to heap: buf"))
  #expect(interp.escapeDecisions.contains("main.go:25:6: moved to heap: sb"))
}

/// Growing past what a make can hold panics as Go's does (checked against Go 1.27.3 and 1.19.8):
/// Builder.Grow's make (`len out of range` from Go 1.21, `cap out of range` before), and
/// Buffer.Grow's growSlice, whose recover turns it into ErrTooLarge. A nil *Buffer's String is
/// `<nil>`; fmt prints a *Buffer and a *Builder through String. Another package's unexported
/// fields cannot be set in a literal.
@Test(arguments: ["1.27.3", "1.19.8"])
func bufferAndBuilderLimits(_ version: String) throws {
  let program = """
    package main

    import (
    \t"bytes"
    \t"fmt"
    \t"math"
    \t"strings"
    )

    func main() {
    \tvar nb *bytes.Buffer
    \tvar b bytes.Buffer
    \tb.WriteString("hi")
    \tfmt.Println(nb.String(), &b, nb)
    \tdefer func() { fmt.Println("recovered:", recover()) }()
    \tfunc() {
    \t\tdefer func() { fmt.Println("recovered:", recover()) }()
    \t\tvar sb strings.Builder
    \t\tsb.WriteString("x")
    \t\tsb.Grow(math.MaxInt64)
    \t}()
    \tb.Grow(math.MaxInt64)
    }

    """
  let (out, _, _) = try run(program, profile: profile(ofGo: version))
  let which = version == "1.27.3" ? "len" : "cap"
  #expect(out == "<nil> hi <nil>\nrecovered: runtime error: makeslice: \(which) out of range\nrecovered: bytes.Buffer: too large\n")
  #expect(failure("package main\nimport \"bytes\"\nfunc main() { b := bytes.Buffer{off: 1}; _ = b }")?.kind.message
    == "cannot refer to unexported field off in struct literal of type bytes.Buffer")
  #expect(failure("package main\nimport \"bytes\"\nfunc main() { b := bytes.Buffer{nil, 1, 0}; _ = b }")?.kind.message
    == "implicit assignment to unexported field buf in struct literal of type bytes.Buffer")
}
