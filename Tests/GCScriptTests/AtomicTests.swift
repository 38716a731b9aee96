// sync/atomic against Tests/Recordings/atomic (Go 1.27.3 and Go 1.19.8): the values, and -m —
// the functions are intrinsics (no inlining line), the methods are inlined, and the pointer leaks
// in Go 1.19 (`moved to heap: x` for `atomic.AddInt64(&x, 2)`) but not in Go 1.27.

@testable import GCScript
import Foundation
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func atomicsAreGos(_ version: String) throws {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/atomic")
  let source = try String(contentsOf: dir.appendingPathComponent("main.go"), encoding: .utf8)
  let profile: RuntimeProfile = version == "1.27.3" ? .go127 : .go119
  let (host, _, interp) = try interpret(source, name: "main.go", profile: profile)
  #expect(host.text == (try String(contentsOf: dir.appendingPathComponent("go\(version).stdout"), encoding: .utf8)))
  let go = try String(contentsOf: dir.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
  #expect(interp.escapeDecisions.sorted() == go.sorted())
}
