// fmt's printer cache: the `pp` each Print, Println, Printf, Sprint, Sprintf takes from a
// sync.Pool and puts back (fmt/print.go newPrinter and free; sync/pool.go), and the byte buffer
// it keeps between calls — the allocations fmt makes besides boxing its operands and the
// string a Sprint returns. Go 1.27.3 and 1.19.8 differ in the pp's size and in free; go1.0
// follows Go 1.19 (Go 1.0's fmt had a fixed-size cache of its own, not modelled).
//
//   Get  pin(): the pool's per-P array of poolLocal is dropped at every GC (poolCleanup moves
//        it to the victim cache), so the first Get after a cycle runs pinSlow: allPools =
//        append(allPools, p) (VM+SyncPool.swift: poolCleanup set allPools to nil, so this
//        is a new 8-byte []*Pool unless a program's pool was pinned first) and
//        make([]poolLocal, GOMAXPROCS) (128 bytes each, padded against false sharing). Then
//        the pp put back since the last cycle (its P's private slot), else the one put back
//        before it (the victim cache, which the next cycle drops), else New: new(pp) —
//        168 bytes in Go 1.27 (class 176), 200 in Go 1.19 (class 208: pp still had `arg` and
//        `value` then, and one wrappedErr).
//   Print  the buffer grows as Go's `append` grows a []byte (growslice: double below 256, then
//        1.25x, rounded to a size class; under 16 bytes a tiny allocation), except padding,
//        which makes a new buffer of exactly 2*cap+n (format.go writePadding).
//   Put  free(): a buffer whose capacity is over 64 KiB is dropped — with the whole pp in Go
//        1.19.8, which then skips the Put — a smaller one kept (truncated to length 0) for the
//        next call; then Put (pin() again).
//
// Measured: Tests/Recordings/runs/fmtprinter (growth, padding, the 64 KiB limit, collections)
// and runs/boxing's warm-up (5 mallocs, 632 B in Go 1.27.3, 664 B in
// 1.19.8: 8 + 256 + the pp + the buffer at 64 then 128 bytes) and fmt-boxing (the constant
// string and the three ints each grow the 8-byte buffer the warm-up left). Not modelled: a
// print made inside a String method while another is printing takes a second pp (its own New
// here, not put back), and the pool's shared queue that the second Put would fill.

import GoHeap

/// fmt's pooled printer, as the heap sees it.
final class PrinterPool {
  /// The printer and its buffer, while in the pool (or in use): where they are, the buffer's
  /// capacity in bytes, and the cycles started when it was put back (nil: the pool is empty).
  var pp: Address? = nil
  var buffer: Address? = nil
  var capacity = 0
  var putAt: Int? = nil
  /// Go 1.20+'s `wrappedErrs []int` of the pp (fmt.Errorf's %w operands): its backing array
  /// and capacity, kept with the pp.
  var wrapped: Address? = nil
  var wrappedCapacity = 0
  /// The cycles started when the pool's poolLocal array was made (nil: never; another value: a
  /// cycle has dropped it since).
  var localAt: Int? = nil
  /// The poolLocal arrays pinSlow made, with the cycles started then: each stays reachable
  /// through one more cycle (the victim cache).
  var arrays: [(address: Address, madeAt: Int)] = []
  /// A call is printing with the pooled printer.
  var active = false
  /// The Printer writing into the pooled buffer (a print nested in a String method has its own).
  var owner: ObjectIdentifier? = nil
  /// Growths of the buffer while printing, each the new backing array's capacity in bytes,
  /// allocated once the text is made (before a Sprint's result).
  var growths: [Int] = []
  /// The last Get took the pooled printer (false: a print nested in another made its own).
  var lastGetPooled = false
}

/// The runtime and library types fmt's allocations have, made once: the runtime records each
/// allocated type by identity (GoRuntime.flatTypeRecord), so a type built anew per call would
/// be a new record per call — host memory growing with every print.
enum FmtRuntimeTypes {
  /// A pointer word (unsafe.Pointer, a *rtype).
  static let word = GoType.pointer(to: .uint8)
  /// The pp (print.go `type pp struct`; fmt's `fmt` is 112 bytes in both): its buffer's slice
  /// header, then 144 bytes (Go 1.20+) or 176 (Go 1.19) of the rest.
  static let pp120 = pp(bytes: 168)
  static let pp119 = pp(bytes: 200)
  /// sync.Pool's poolLocal: private any, shared poolChain{head, tail}, padding to 128 bytes.
  static let poolLocal = GoType.structure([
    ("private", .array(of: word, count: 2)), ("shared", .array(of: word, count: 2)),
    ("pad", .array(of: .uint8, count: 96)),
  ])
  /// reflect.Value: typ, ptr, flag.
  static let reflectValue = GoType.structure([("typ", word), ("ptr", word), ("flag", .uintptr)])
  /// internal/fmtsort.KeyValue (Go 1.21+): two reflect.Values.
  static let keyValue = GoType.structure([("Key", reflectValue), ("Value", reflectValue)])
  /// internal/fmtsort.SortedMap (Go 1.19): the keys' and the values' []reflect.Value.
  static let sortedMap = GoType.structure([
    ("Key", .slice(of: reflectValue)), ("Value", .slice(of: reflectValue)),
  ])

  private static func pp(bytes: Int) -> GoType {
    .structure([("buf", .slice(of: .uint8)), ("rest", .array(of: .uintptr, count: (bytes - 24) / 8))])
  }
}

extension VM {
  /// The pp of the running Go version.
  private var ppType: GoType {
    heap.profile.version >= GoVersion(1, 20) ? FmtRuntimeTypes.pp120 : FmtRuntimeTypes.pp119
  }

  /// newPrinter: ppFree.Get() with what it allocates, and the buffer it starts with. False for
  /// a print nested in another (a String method's Sprintf): the pooled pp is in use, so Get
  /// makes a new one, which this model does not put back.
  func getPrinter() throws -> Bool {
    let pool = printerPool
    try pin()
    if pool.active {
      _ = try heap.allocate(ppType, count: 1)
      pool.lastGetPooled = false
      return false
    }
    let n = heap.cyclesStarted
    if let putAt = pool.putAt, putAt >= n - 1 {
      // Its P's private slot (put back this cycle) or the victim cache (last cycle).
      pool.putAt = nil
    } else {
      // New: a fresh pp with a nil buffer.
      pool.pp = try heap.allocate(ppType, count: 1)
      pool.buffer = nil
      pool.capacity = 0
      pool.wrapped = nil
      pool.wrappedCapacity = 0
    }
    pool.active = true
    pool.growths = []
    pool.lastGetPooled = true
    return true
  }

  /// The buffer's growths recorded while printing, allocated in order (growslice or
  /// writePadding's make: noscan bytes).
  func growPrinterBuffer() throws {
    let pool = printerPool
    guard pool.active else { return }
    for bytes in pool.growths {
      let a = try heap.allocate(.uint8, count: bytes)
      pool.buffer = a
    }
    pool.growths = []
    pool.owner = nil
  }

  /// A print that panicked (its writer's Write, a nil writer) never reaches p.free(), which
  /// print.go does not defer: the printer and its buffer are lost to the pool (garbage once
  /// unreachable), and the next print's Get makes a new one.
  func losePrinter() {
    let pool = printerPool
    guard pool.active else { return }
    pool.active = false
    pool.owner = nil
    pool.growths = []
    pool.pp = nil
    pool.buffer = nil
    pool.capacity = 0
    pool.wrapped = nil
    pool.wrappedCapacity = 0
    pool.putAt = nil
  }

  /// p.free(): the buffer kept unless over 64 KiB, then ppFree.Put.
  func putPrinter() throws {
    let pool = printerPool
    guard pool.active else { return }
    pool.active = false
    pool.owner = nil
    if pool.wrappedCapacity > 8 {
      pool.wrapped = nil
      pool.wrappedCapacity = 0
    }
    if pool.capacity > 64 << 10 {
      pool.capacity = 0
      pool.buffer = nil
      if heap.profile.version <= GoVersion(1, 19) {
        // Go 1.19.8's free returns without Put: the printer is dropped with its buffer, and
        // the next call makes a new one (runs/fmtprinter, "after the long line": 208 + 16 B).
        pool.pp = nil
        pool.putAt = nil
        return
      }
    }
    try pin()
    pool.putAt = heap.cyclesStarted
  }

  /// sync.Pool's pin: pinSlow when a cycle has dropped the poolLocal array since it was made.
  private func pin() throws {
    let pool = printerPool
    guard pool.localAt != heap.cyclesStarted else { return }
    // allPools = append(allPools, p), shared with the program's pools (VM+SyncPool.swift).
    let c = heap.cyclesStarted
    pool.arrays.removeAll { $0.madeAt < c - 1 }
    try appendToAllPools(0)
    pool.arrays.append((try heap.allocate(FmtRuntimeTypes.poolLocal, count: heap.gomaxprocs), c))
    pool.localAt = c
  }

  /// What the pool keeps alive: the printer and its buffer while in use, and from its Put until
  /// the second cycle after starts (the first moves them to the victim cache, the second drops
  /// them before it marks); the same for pinSlow's poolLocal array (poolCleanup: `p.victim =
  /// p.local`).
  func forEachPrinterPoolRoot(_ visit: (Address) -> Void) {
    let pool = printerPool
    let c = heap.cyclesStarted
    for a in pool.arrays where a.madeAt >= c - 1 { visit(a.address) }
    guard pool.active || pool.putAt.map({ $0 >= c - 1 }) == true else { return }
    if let pp = pool.pp { visit(pp) }
    if let b = pool.buffer { visit(b) }
    if let w = pool.wrapped { visit(w) }
  }

  /// Errorf's printer appended `count` %w operand indices to the pp's wrappedErrs (Go 1.20+):
  /// each append past its capacity grows it (growslice of []int). A printer made for a nested
  /// print (not the pooled one) starts from nil and is dropped with it.
  func recordWrappedErrs(_ count: Int) throws {
    guard count > 0 else { return }
    let pool = printerPool
    var capacity = pool.active ? pool.wrappedCapacity : 0
    for n in 1...count where n > capacity {
      capacity = grownCapacity(old: capacity, needed: n, elem: .int)
      let array = try heap.allocate(.int, count: capacity)
      if pool.active { pool.wrapped = array }
    }
    if pool.active { pool.wrappedCapacity = capacity }
  }
}

extension Printer {
  /// The buffer reached `length` bytes: past its capacity, Go's append grows it (growslice), or
  /// writePadding makes a new one of 2*cap+n bytes.
  func bufferGrew(to length: Int, padding n: Int?) {
    let pool = vm.printerPool
    guard pool.active, length > pool.capacity else { return }
    if pool.owner == nil { pool.owner = ObjectIdentifier(self) }
    guard pool.owner == ObjectIdentifier(self) else { return }
    let newCap = n.map { 2 * pool.capacity + $0 }
      ?? vm.grownCapacity(old: pool.capacity, needed: length, elem: .uint8)
    pool.growths.append(newCap)
    pool.capacity = newCap
  }
}
