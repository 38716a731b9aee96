// sync.RWMutex and sync.Once against recorded runs of Go 1.27.3 and 1.19.8 under GOMAXPROCS=1
// (Tests/Recordings/runs/rwmutexonce, three runs each, all alike).

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// rwmutexonce, byte for byte: with one P, readers started before a writer share the lock, the
/// writer waits for them and keeps later readers out until it unlocks (`r9 in, r0 in, r9 out,
/// r0 out, w0 in, w0 out, r1 in, r2 in, ...`); Once runs its function once (`once 0`); TryLock
/// and TryRLock; no allocation for 100 rounds of Lock, Unlock, RLock, RUnlock and Do. And every
/// -m line:
/// RLock, RUnlock, TryRLock and Do inlined (with Go 1.27's atomic Add inside RLock and RUnlock).
@Test(arguments: ["1.27.3", "1.19.8"])
func rwMutexAndOnceAsGo(_ version: String) throws {
  let r = try RecordedRun("rwmutexonce").compared(version, { $0.contains("main.go:") })
  #expect(r.printed == r.expected)
  #expect(r.go.count >= 60)
  #expect(r.gcsh == r.go)
}

/// A writer waiting for readers holds off new readers (the same program printed these three
/// lines under GOMAXPROCS=1 with Go 1.27.3 and 1.19.8, three runs each); Unlock of an unlocked
/// RWMutex and RUnlock of an unread one are fatal errors, as sync's `fatal` makes them.
@Test func rwMutexMisuseIsFatal() throws {
  #expect(failure("var mu sync.RWMutex\nmu.Unlock()")?.kind.message.contains("sync: Unlock of unlocked RWMutex") == true)
  #expect(failure("var mu sync.RWMutex\nmu.RUnlock()")?.kind.message.contains("sync: RUnlock of unlocked RWMutex") == true)
  let (out, _, _) = try run("""
    var mu sync.RWMutex
    var wg sync.WaitGroup
    mu.RLock()
    wg.Add(2)
    go func() { defer wg.Done(); mu.Lock(); print "writer in"; mu.Unlock() }()
    go func() { defer wg.Done(); runtime.Gosched(); print "reader tries:", mu.TryRLock() }()
    runtime.Gosched()
    runtime.Gosched()
    print "main unlocks"
    mu.RUnlock()
    wg.Wait()
    """)
  #expect(out == "reader tries: false\nmain unlocks\nwriter in\n")
}
