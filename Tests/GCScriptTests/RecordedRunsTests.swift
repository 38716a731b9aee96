// The small programs of Tests/Recordings/runs run unchanged (their checkpoint package's calls
// become `stats`): every Mallocs and TotalAlloc delta between checkpoints, everything they print
// and every -m line of the functions under test, as Go 1.27.3 and Go 1.19.8 recorded them.

import GoHeap
import Testing

/// stackbuf: a non-escaping make([]byte, 1024) in a function called 100,000 times — no malloc,
/// no GC. varmake: make([]byte, n) of run-time size, on the stack when n <= 32 since Go 1.25.
/// fib: recursive calls, nothing allocated. (liveness is checked by LivenessTests: its first
/// GC shows the runtime's own allocations — 7 objects, 2,128 B in Go 1.27.3, 4 and 896 B in
/// 1.19.8, the mark workers gcBgMarkStartWorkers starts — which GoHeap does not model yet.)
@Test(arguments: ["stackbuf", "varmake", "fib"], ["1.27.3", "1.19.8"])
func recordedRunsMatch(_ name: String, _ version: String) throws {
  let run = try RecordedRun(name)
  let expected = try run.recorded(version)
  let (mine, _) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  #expect(!expected.deltas.isEmpty)
  #expect(mine.words == expected.words)
  #expect(mine.deltas == expected.deltas)
  #expect(mine.escape == expected.escape)
}
