// sync.RWMutex and sync.Once (sync/rwmutex.go, sync/once.go; the same algorithm in Go 1.19 and
// 1.27) on the one-P scheduler.
//
// RWMutex: readerCount counts the readers in; a writer first takes the writers' Mutex, then
// subtracts rwmutexMaxReaders from readerCount (so new readers see it negative and wait on
// readerSem) and, if readers were in, waits on writerSem until the last of them (readerWait
// counts them down) leaves. Unlock adds rwmutexMaxReaders back, releases the readers that
// came meanwhile, and unlocks the writers' Mutex.
//
// Lock can wait twice. A goroutine that parks on the writers' Mutex is remembered
// (rwLockWriters): when Unlock of that Mutex hands it over, it is readied (into runnext, as
// goready does) without leaving its Lock instruction, which it runs again when scheduled —
// finding the Mutex its own (rwLockHolders), it goes on with the announcement and, if readers
// are in, its second wait, on writerSem. So the dispatch loop still sees one blocking
// operation per instruction, and the goroutines run in the order Go's would.
//
// Once.Do(f): done set means f ran; else Do takes the Mutex, calls f (on this stack, as a
// callback: VM+Callbacks) and sets done — also when f panics (doSlow's deferred Store and
// Unlock). f cannot block (gcsh cannot switch goroutines inside a callback: it says so).

import GoHeap

extension VM {
  private static let rwmutexMaxReaders: Int32 = 1 << 30

  private func readerCount(_ rw: Address) throws -> Int32 { Int32(truncatingIfNeeded: try load(rw + 16, 4)) }
  private func setReaderCount(_ rw: Address, _ v: Int32) throws { try store(rw + 16, UInt64(UInt32(bitPattern: v)), 4) }
  private func readerWait(_ rw: Address) throws -> Int32 { Int32(truncatingIfNeeded: try load(rw + 20, 4)) }
  private func setReaderWait(_ rw: Address, _ v: Int32) throws { try store(rw + 20, UInt64(UInt32(bitPattern: v)), 4) }

  /// RWMutex.Lock.
  func rwLock(_ rw: Address) throws {
    if rw == 0 { throw VMTrap(kind: .nilDereference) }
    let me = ObjectIdentifier(current)
    if rwLockHolders.remove(me) != nil {
      // Woken holding the writers' mutex (mutexUnlock handed it over): the rest of Lock.
      rwLockWriters[me] = nil
      try rwLockAnnounce(rw)
      return
    }
    let w = try load(rw, 4)
    if w & 1 != 0 {
      // rw.w.Lock() waits; the rest when it is handed over (mutexUnlock).
      rwLockWriters[me] = rw
      try semacquire(rw + 4, reason: syncWaitReason("sync.Mutex.Lock"))
      return
    }
    try store(rw, w | 1, 4)
    try rwLockAnnounce(rw)
  }

  /// The rest of Lock once the running goroutine holds the writers' Mutex: readers are told a
  /// writer is pending, and it waits on writerSem for the readers in, if any.
  private func rwLockAnnounce(_ rw: Address) throws {
    let r = try readerCount(rw)
    try setReaderCount(rw, r &- Self.rwmutexMaxReaders)
    if r != 0 {
      let departing = try readerWait(rw) &+ r
      try setReaderWait(rw, departing)
      if departing != 0 { try semacquire(rw + 8, reason: syncWaitReason("sync.RWMutex.Lock")) }
    }
  }

  /// RWMutex.Unlock.
  func rwUnlock(_ rw: Address) throws {
    if rw == 0 { throw VMTrap(kind: .nilDereference) }
    let r = try readerCount(rw) &+ Self.rwmutexMaxReaders
    if r >= Self.rwmutexMaxReaders { throw VMTrap(kind: .fatalError("sync: Unlock of unlocked RWMutex")) }
    try setReaderCount(rw, r)
    // runtime_Semrelease(&rw.readerSem) for each reader that came while the writer held it.
    for _ in 0..<Int(r) { semrelease(rw + 12) }
    try mutexUnlock(rw)
  }

  /// RWMutex.RLock: in, unless a writer is pending or holds it — then wait on readerSem.
  func rwRLock(_ rw: Address) throws {
    if rw == 0 { throw VMTrap(kind: .nilDereference) }
    let r = try readerCount(rw) &+ 1
    try setReaderCount(rw, r)
    if r < 0 { try semacquire(rw + 12, reason: syncWaitReason("sync.RWMutex.RLock")) }
  }

  /// RWMutex.RUnlock: out; the last reader a pending writer waits for wakes it.
  func rwRUnlock(_ rw: Address) throws {
    if rw == 0 { throw VMTrap(kind: .nilDereference) }
    let r = try readerCount(rw) &- 1
    try setReaderCount(rw, r)
    guard r < 0 else { return }
    if r &+ 1 == 0 || r &+ 1 == -Self.rwmutexMaxReaders {
      throw VMTrap(kind: .fatalError("sync: RUnlock of unlocked RWMutex"))
    }
    let departing = try readerWait(rw) &- 1
    try setReaderWait(rw, departing)
    if departing == 0 { semrelease(rw + 8) }
  }

  /// RWMutex.TryLock: the writers' Mutex free and no reader in.
  func rwTryLock(_ rw: Address) throws -> Bool {
    guard try mutexTryLock(rw) else { return false }
    if try readerCount(rw) != 0 {
      try mutexUnlock(rw)
      return false
    }
    try setReaderCount(rw, -Self.rwmutexMaxReaders)
    return true
  }

  /// RWMutex.TryRLock: in, unless a writer is pending or holds it.
  func rwTryRLock(_ rw: Address) throws -> Bool {
    if rw == 0 { throw VMTrap(kind: .nilDereference) }
    let c = try readerCount(rw)
    if c < 0 { return false }
    try setReaderCount(rw, c + 1)
    return true
  }

  /// runtime_Semrelease: the first goroutine waiting on the semaphore at `key` goes on.
  private func semrelease(_ key: Address) {
    guard var list = semaWaiters[key], !list.isEmpty else { return }
    let g = list.removeFirst()
    semaWaiters[key] = list.isEmpty ? nil : list
    resumeAfterBlock(g)
    releaseSudogs(of: g)
    ready(g)
  }

  /// Once.Do(f).
  func onceDo(_ o: Address, _ f: UInt64) throws {
    if o == 0 { throw VMTrap(kind: .nilDereference) }
    if try load(o, 4) != 0 { return }
    try mutexLock(o + 4)
    defer {
      // doSlow's deferred `o.done.Store(1)` and `o.m.Unlock()`, on a return or a panic.
      try? store(o, 1, 4)
      try? mutexUnlock(o + 4)
    }
    if try load(o, 4) == 0 {
      _ = try callFuncValue(f, arguments: [], resultWords: 0, what: "sync.Once.Do called functions")
    }
  }
}
