// sort.Sort, sort.Stable and sort.IsSorted through a program's sort.Interface, and sort's
// binary searches, against the real runs of Tests/Recordings/runs/sortinterface (Go 1.27.3 and
// 1.19.8): results, how many times Len, Less and Swap ran, allocations, -m's lines and the
// inliner's costs.

import Foundation
@testable import GCScript
@testable import GoHeap
import Testing

/// Sort of 0 to 200 strings by length (value receivers; pdqsort's insertion sort up to 12
/// elements, 857 Less and 268 Swap for 200), Stable (insertion blocks and SymMerge: 845 and 862),
/// IsSorted, a type with pointer receivers, a named variable, and the searches: Go's output
/// line for line, with each call's Mallocs and TotalAlloc (the 24-byte box of the slice
/// converted to sort.Interface; nothing for a pointer, whose variable moved to the heap before).
@Test(arguments: ["1.27.3", "1.19.8"])
func sortInterfaceIsGos(_ version: String) throws {
  try expectRecordedOutput("sortinterface", version)
}

/// -m: the value converted to sort.Interface escapes (`byLen(w) escapes to heap`, at the
/// conversion's `(`, and in Go 1.19 a name's at the call's), a pointer's variable moves to the
/// heap (`moved to heap: local`), Go 1.27 inlines the searches with the literal SearchInts
/// passes. Not compared: the lines about the program's own function literals, which Go inlines
/// into Search and gcsh does not (grammar.md).
@Test(arguments: ["1.27.3", "1.19.8"])
func sortInterfaceEscapeLinesAreGos(_ version: String) throws {
  let run = try RecordedRun("sortinterface").compared(version) { line in
    line.hasPrefix("./main.go:") && !line.contains("main.func") && !line.contains("func literal does not escape")
  }
  #expect(run.gcsh == run.go)
}

@Test(arguments: ["1.27.3", "1.19.8"])
func sortInterfaceCostsWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("sortinterface"), "inline/main.go", version) { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 7)
}

/// A type without Swap is not a sort.Interface (types2's message); a nil Interface faults at
/// its Len as a call through a nil itab does; Search bisects as Go does (output checked against
/// Go 1.19.8: `go run`).
@Test func sortInterfaceChecksAndFaults() throws {
  let missing = checkErrors("""
    package main

    import "sort"

    type T []int

    func (t T) Len() int           { return len(t) }
    func (t T) Less(i, j int) bool { return t[i] < t[j] }

    func main() {
    \tsort.Sort(T{})
    }
    """)
  #expect(missing.first?.hasPrefix("test.gcs:11:12: error: cannot use T{} (value of slice type T) as sort.Interface value in argument to sort.Sort: T does not implement sort.Interface (missing method Swap)") == true, "\(missing)")
  let program = """
    package main

    import (
    \t"fmt"
    \t"sort"
    )

    func main() {
    \tcalls := 0
    \tfmt.Println(sort.Search(0, func(int) bool { calls++; return true }), calls)
    \tfmt.Println(sort.Search(10, func(i int) bool { calls++; return false }), calls)
    \tfmt.Println(sort.SearchInts(nil, 3), sort.SearchStrings([]string{"b"}, "a"), sort.SearchFloat64s([]float64{1}, 2))
    \tvar x sort.Interface
    \tdefer func() { fmt.Println("recovered:", recover()) }()
    \tsort.Sort(x)
    }

    """
  let (out, _, _) = try run(program)
  #expect(out == "0 0\n10 3\n0 0 1\nrecovered: runtime error: invalid memory address or nil pointer dereference\n")
}
