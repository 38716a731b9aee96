// unsafe.Pointer and unsafe's memory functions (Checker+Unsafe.swift), against recorded runs
// (Tests/Recordings/runs/unsafeptr: Go 1.27.3 and 1.19.8; unsafedata: Go 1.27.3, as Go 1.19.8
// has no unsafe.String, StringData or SliceData): the output, a panic's words, and every -m
// line at the program's positions (Go 1.20+'s `<node unsafe.StringData>` among them).

@testable import GCScript
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func unsafePointerIsGos(_ version: String) throws {
  let c = try RecordedRun("unsafeptr").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasSuffix("recovered: runtime error: unsafe.Slice: len out of range\n"))
  #expect(c.gcsh == c.go)
}

@Test func unsafeStringAndDataAreGos() throws {
  let c = try RecordedRun("unsafedata").compared("1.27.3") { $0.hasPrefix("./main.go:") }
  #expect(c.printed == c.expected)
  #expect(c.expected.hasPrefix("10 10\nJello 5\n"))
  #expect(c.gcsh == c.go)
  #expect(c.go.contains { $0.contains("<node unsafe.StringData>") })
}

/// What an unsafe.Pointer points to is reachable: a collection keeps it (the heap's
/// invariants are checked after the run). A uintptr is not a reference.
@Test func anUnsafePointerKeepsItsObjectAlive() throws {
  let (out, _, rt) = try run("""
    var keep unsafe.Pointer
    func store() {
      b := make([]byte, 8<<20)
      b[7] = 9
      keep = unsafe.Pointer(&b[0])
    }
    store()
    runtime.GC()
    fmt.Println(*(*byte)(unsafe.Add(keep, 7)))
    """)
  #expect(out == "9\n")
  #expect(rt.memStats().heapAlloc >= 8 << 20)
  let (_, _, freed) = try run("""
    var addr uintptr
    func store() {
      b := make([]byte, 8<<20)
      addr = uintptr(unsafe.Pointer(&b[0]))
    }
    store()
    runtime.GC()
    """)
  #expect(freed.memStats().heapAlloc < 1 << 20)
}
