// strings' searching, trimming, splitting, joining, case-mapping and replacing functions
// (Run/VM+StringsFuncs.swift) against real runs of Go 1.27.3 and Go 1.19.8:
// Tests/Recordings/runs/stringsfuncs (results, Mallocs and TotalAlloc around each group of calls,
// and every -m line: which calls Go inlines, what leaks) and stringsedge (empty inputs, invalid
// UTF-8, case mappings that are not one rune, Replace's limits).

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// What gcsh prints for a recorded program against the recording, byte for byte; and its -m lines
/// against the recorded ones.
@Test(arguments: ["stringsfuncs", "stringsedge"], ["1.27.3", "1.19.8"])
func stringsFunctionsReturnAndAllocateAsGo(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let (printed, expected, mine, go) = try run.compared(version) { !$0.hasPrefix("#") }
  #expect(printed == expected)
  #expect(mine == go)
}

/// The functions' errors are Go's: argument types and counts as types2 words them, and the
/// strings functions gcsh lacks are named.
@Test func stringsFunctionsAreCheckedAsGoChecksThem() {
  #expect(failure("x := strings.Split(\"a\")")?.kind.message.hasPrefix("not enough arguments in call to strings.Split") == true)
  #expect(failure("x := strings.Join(\"a\", \",\")")?.kind.message == "cannot use \"a\" (untyped string constant) as []string value in argument to strings.Join")
  #expect(failure("x := strings.Map(nil, \"a\")")?.kind.message == "strings.Map is not supported by gcsh yet")
}

/// A substring keeps its string's whole array: what TrimSpace returns retains the 1 MiB string it
/// was cut from, as a sub-slice does, until the substring goes.
@Test func aTrimmedStringKeepsItsSourceAlive() throws {
  let (_, host, _) = try run("""
    var kept string
    func load() {
      big := strings.Repeat(" ", 10) + strings.Repeat("x", 1 << 20)
      kept = strings.TrimSpace(big)
    }
    load()
    gc
    stats "kept"
    kept = ""
    gc
    stats "dropped"
    """)
  let (k, d) = (host.stats[0].1.heapAlloc, host.stats[1].1.heapAlloc)
  #expect(k - d > 1 << 20)
}
