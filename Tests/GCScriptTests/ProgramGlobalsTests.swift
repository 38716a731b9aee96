// The program's package-level variables as the collector's roots: what the pacer counts of them
// (globalsScan: the pointerful ones, the data and bss sections; Pacer.setProgramGlobals).

@testable import GCScript
import GoHeap
import Testing

/// /gc/scan/globals:bytes, the pacer's globalsScan.
private func globalsScan(_ rt: GoRuntime) -> Int {
  guard case .uint64(let v) = rt.readMetric(
    "/gc/scan/globals:bytes", scheduler: SchedulerCounts(live: 1, runnable: 0, created: 1))
  else { return -1 }
  return Int(v)
}

/// A REPL declaring a global again scans the new one only (the old one's slots are zeroed and
/// forgotten), pointer-free globals add nothing (noptrbss), and the libraries' globals are the
/// profile's (os.Stdout and io.EOF are in the runtime's share, StartupState.globalsScanBytes).
@Test func theREPLsGlobalsAreScannedOnce() throws {
  let s = Session()
  let runtimeShare = globalsScan(s.rt)  // Go 1.27.3's runtime and libraries
  #expect(runtimeShare == 148_426)
  let stack = s.rt.memStats().stackInuse
  try s.enter("var t [1 << 20]*int")
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB)
  #expect(s.rt.memStats().nextGC == runtimeShare + 8 * MiB)  // the first goal: no heap, no stack yet
  try s.enter("var t [1 << 20]*int")  // declared again: still one 8 MiB array
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB)
  try s.enter("var counts [1 << 19]int\nvar name string\nvar pair struct{ n int; p *int }")
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB + 16 + 16)
  try s.enter("var t int")  // the array is gone: an int holds no pointer
  #expect(globalsScan(s.rt) == runtimeShare + 32)
  // The stack never held the arrays' zero values (bss: no code runs for them).
  #expect(s.rt.memStats().stackInuse == stack)
  // A library's globals are not the program's.
  try s.enter("fmt.Fprintln(os.Stdout, io.EOF)")
  #expect(globalsScan(s.rt) == runtimeShare + 32)
}
