// Values of a gigabyte and more moved by value (FrameLimit.swift, Lowering's 64-bit operands):
// what Go's compiler refuses is refused in its words, what it compiles runs, and nothing traps.
// Tests/Recordings/runs/hugeframe (the compiler's errors) and hugevalue (what the program
// printed), Go 1.27.3 and 1.19.8.

import Foundation
@testable import GoHeap
import Testing

@testable import GCScript

/// Every compile error of `code`, as the compiler prints them: `file:line:col: message`.
private func compileErrors(_ code: String, name: String, profile: RuntimeProfile) -> [String] {
  do {
    _ = try interpret(code, name: name, profile: profile)
    return []
  } catch let e as CompileErrors {
    return e.errors.map { "\($0.file):\($0.line):\($0.column): \($0.kind.message)" }
  } catch {
    return ["\(error)"]
  }
}

/// A parameter or result of a gigabyte or more, or call temporaries that add up to one, is
/// `stack frame too large (>1GB)` at the function's name, for every such function in source
/// order; Go 1.27 shares the temporaries' slots (k: 2048 MB, its largest call), Go 1.19 does not
/// (4096 MB).
@Test(arguments: ["1.27.3", "1.19.8"])
func aFrameOfAGigabyteIsGosCompileError(_ version: String) throws {
  let run = try RecordedRun("hugeframe")
  let recorded = try String(contentsOf: run.directory.appendingPathComponent("go\(version).build.txt"), encoding: .utf8)
    .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
  #expect(recorded.count == 5)
  let mine = compileErrors(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  #expect(mine == recorded)
}

/// Fields and indexes past 2 GiB, == of two 2 GiB arrays, a 2 GiB array copied, an element of a
/// slice of 2 GiB arrays: what the Go program printed (the two versions print the same).
@Test func valuesPastTwoGiBMoveInMemoryAsInGo() throws {
  let run = try RecordedRun("hugevalue")
  // The two recordings are the same bytes; gcsh runs the program once (its 2 GiB comparisons
  // and copy take seconds in a debug build).
  let expected = try String(contentsOf: run.directory.appendingPathComponent("go1.27.3.stderr"), encoding: .utf8)
  #expect(try String(contentsOf: run.directory.appendingPathComponent("go1.19.8.stderr"), encoding: .utf8) == expected)
  let (host, _, _) = try interpret(run.source, name: "./main.go")
  #expect(host.errorText == expected)
}

/// Each lowering path that had a 32-bit operand, reached with a type past 2 GiB: a field store
/// and load, a constant and a variable index, `&` of a far element, a slice's element address,
/// a range over a slice of such elements, a memmove into a moved variable.
@Test func eachPathPastTwoGiBRuns() throws {
  let code = """
    type Big [1 << 28]int
    type H struct { pad Big; last int; tail [3]int }
    h := new(H)
    h.last = 5
    h.tail[2] = 6
    q := &h.tail[1]
    *q = 4
    p := new([1<<28 + 4]int)
    p[1<<28+3] = 7
    i := 1<<28 + 2
    p[i] = 8
    s := make([]Big, 2)
    s[1][1<<28-1] = 9
    n := 0
    for k := range s {
    \tn += s[k][1<<28-1]
    }
    print h.last, h.tail[1], h.tail[2], p[1<<28+3], p[i], s[1][1<<28-1], n
    """
  let (out, _, _) = try run(code)
  #expect(out == "5 4 6 7 8 9 9\n")
}

/// What gcsh itself cannot hold by value — a gigabyte or more loaded into a frame where Go
/// needs no frame slot (a literal compared with a variable, a copy or clear of a slice whose
/// elements pass 2 GiB) — is a located error that names the type, never a trap.
@Test(arguments: [
  "p := new([1 << 28]int)\nprint *p == [1 << 28]int{}",
  "s := make([][1 << 28]int, 1)\nt := make([][1 << 28]int, 1)\nprint copy(s, t)",
  "s := make([][1 << 28]int, 1)\nclear(s)",
])
func aValueGcshCannotHoldIsALocatedError(_ code: String) throws {
  let error = failure(code)
  #expect(error?.kind.message.hasPrefix("a [268435456]int (2147483648 bytes) is too large to hold by value") == true,
          "\(String(describing: error))")
  #expect(error?.line == code.split(separator: "\n").count)
}
