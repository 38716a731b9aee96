// fmt's operands converted to interfaces: which conversions allocate a box and how big, against
// recorded runs of Go 1.27.3 and Go 1.19.8 (Tests/Recordings/runs/boxing: one fmt call per kind
// of operand, its Mallocs and TotalAlloc deltas).

@testable import GCScript
import GoHeap
import Testing

/// The cases whose allocations are fmt's own work beyond boxing, which gcsh does not model yet:
/// the first call's printer (sync.Pool ppFree: allPools, the per-P poolLocal array, the pp and
/// its buffer's growth), and printValue's Value.Interface copies of addressable elements (each
/// int of a slice, the struct behind a pointer).
let unmodelledBoxingCases: Set<String> = ["warm-up:", "slice:", "pointer:"]

/// Every other case prints Go's Mallocs and TotalAlloc deltas, byte for byte: small integers and
/// one-byte values use staticuint64s, constants and (Go 1.27) never-reassigned locals read-only
/// data, "" and nil slices zeroVal; other integers and floats take 2-, 4- or 8-byte tiny boxes,
/// strings 16 bytes, slices 24, structs their size.
@Test(arguments: ["1.27.3", "1.19.8"])
func fmtOperandsAreBoxedAsGo(_ version: String) throws {
  let run = try RecordedRun("boxing")
  let expected = try String(contentsOf: run.directory.appendingPathComponent("go\(version).stdout"), encoding: .utf8)
    .split(separator: "\n").map(String.init)
  let (host, rt, _) = try interpret(run.source, name: "./main.go", profile: version == "1.27.3" ? .go127 : .go119)
  let got = host.text.split(separator: "\n").map(String.init)
  #expect(got.count == expected.count)
  for (g, e) in zip(got, expected) {
    guard let label = e.split(separator: " ").first(where: { $0.hasSuffix(":") }).map(String.init),
      unmodelledBoxingCases.contains(label)
    else {
      #expect(g == e)
      continue
    }
  }
  try rt.checkInvariants()
}

/// GCScript's print statement converts nothing (it allocates nothing); Go's fmt.Println does.
@Test func printStatementDoesNotBox() throws {
  let (host, _, _) = try interpret("""
    var m runtime.MemStats
    big := 123456
    big = big + 1
    runtime.ReadMemStats(&m)
    m0 := m.Mallocs
    print big
    runtime.ReadMemStats(&m)
    m1 := m.Mallocs
    fmt.Println(big)
    runtime.ReadMemStats(&m)
    print m1 - m0, m.Mallocs - m1
    """)
  #expect(host.text == "123457\n123457\n0 1\n")
}
