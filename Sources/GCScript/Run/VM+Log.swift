// The log package at run time (log/log.go), each era's way:
//
//   Go 1.21+  output(): time.Now(), then a buffer from the package's sync.Pool (bufferPool:
//             New is new([]byte), a 24-byte object; a buffer over 64 KiB is dropped when put
//             back), formatHeader's appends (prefix, the date and time of a Local time — whose
//             first use loads the zone, VM+Time.swift — file:line), the message appended by
//             fmt.Append, Appendf or Appendln (fmt's pooled printer), a '\n' if missing, then
//             out.Write. SetPrefix stores &prefix: a 16-byte string header on the heap.
//   Go 1.19   Println is Output(2, fmt.Sprintln(v...)): the message is a new string first;
//             Output formats into the Logger's own buffer (l.buf, kept between calls).
//
// Every append grows the buffer as append does (growslice), so the allocations are Go's:
// Tests/Recordings/runs/logpkg (first call 27 mallocs, 4,600 B in Go 1.27.3 with the zone
// load; a line that outgrows the buffer, one more). The standard logger is made when the
// package initialises, log.New's when called: heap objects of the era's size.
// Lines go to the writer: stderr for the standard logger. Fatal ends the program with exit
// status 1; Panic panics with the message.

import GoHeap

extension VM {
  private var logLayout: LogPackage.Layout { LogPackage.layout(heap.profile) }
  private var newLogger: Bool { heap.profile.version >= GoVersion(1, 21) }

  /// The standard logger: `var std = New(os.Stderr, "", LstdFlags)`, made by the package's
  /// initialisation — a Logger on the heap (Go 1.21+: with SetPrefix's 16-byte string header;
  /// measured: importing log adds 2 mallocs, 64 B, to the heap at main in Go 1.27.3, 1 and 80 B
  /// in Go 1.19.8), held by the package for good. A script that uses log without importing
  /// it gets it at its first call.
  func initLogPackage() throws {
    _ = try stdLogger()
  }

  private func stdLogger() throws -> Address {
    if let l = stdLoggerObject { return l }
    let l = try heap.allocate(LogPackage.logger(heap.profile), count: 1)
    stdLoggerObject = l
    try store(l + UInt64(logLayout.outKind), 2, 8)
    try setPrefix(l, (0, 0))
    try store(l + UInt64(logLayout.flag), 3, 8)
    return l
  }

  /// bufferPool, a global sync.Pool without New (VM+SyncPool.swift runs it; new([]byte) is
  /// made here when Get finds nothing).
  private func logBufferPool() throws -> Address {
    if let slot = logPoolSlot { return AddressSpace.globalsBase + UInt64(slot * 8) }
    let slot = session.allocateHiddenGlobal(SyncTypes.pool)
    try ensureGlobals()
    logPoolSlot = slot
    return AddressSpace.globalsBase + UInt64(slot * 8)
  }

  /// A log builtin: the logger (0: the standard one) first.
  func logCall(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    guard let op = b.logOperation else { return }
    let L = logLayout
    if args[0].1[0] == 0 && op.method { throw VMTrap(kind: .nilDereference) }
    let l = args[0].1[0] == 0 ? try stdLogger() : args[0].1[0]
    let rest = Array(args.dropFirst())
    switch op.kind {
    case .print, .printf, .println:
      try logPrint(l, op, rest)
    case .setFlags:
      try store(l + UInt64(L.flag), UInt64(UInt32(truncatingIfNeeded: Int64(bitPattern: rest[0].1[0]))), 8)
    case .flags:
      result()?[0] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: try load(l + UInt64(L.flag), 8))))
    case .setPrefix:
      try setPrefix(l, (rest[0].1[0], rest[0].1[1]))
    case .prefix:
      let (p, n) = try prefix(l)
      if let out = result() { (out[0], out[1]) = (p, n) }
    case .setOutput:
      try setOutput(l, rest[0])
    case .defaultLogger:
      result()?[0] = try stdLogger()
    case .new:
      let logger = try heap.allocate(LogPackage.logger(heap.profile), count: 1)
      inFlight.append(logger)
      defer { inFlight.removeLast() }
      try setOutput(logger, rest[0])
      try setPrefix(logger, (rest[1].1[0], rest[1].1[1]))
      try store(logger + UInt64(L.flag), UInt64(UInt32(truncatingIfNeeded: Int64(bitPattern: rest[2].1[0]))), 8)
      result()?[0] = logger
    }
  }

  private func setOutput(_ l: Address, _ w: (GoType, UnsafeMutablePointer<UInt64>)) throws {
    let L = logLayout
    let kind: UInt64
    var out: UInt64 = 0
    if w.0.isInterface {
      // Any other io.Writer: its itab in the kind word, its data word in out; a nil one is 5,
      // which panics at the first write, as Go's Write through a nil interface does.
      (kind, out) = (w.1[0] == 0 ? 5 : w.1[0], w.1[1])
    } else if let p = w.0.pointee {
      if w.1[0] == 0 { throw VMTrap(kind: .nilDereference) }
      (kind, out) = (p === bytesBufferType ? 3 : 4, w.1[0])
    } else {
      kind = w.1[0]
    }
    try store(l + UInt64(L.outKind), kind, 8)
    try store(l + UInt64(L.out), out, 8)
  }

  /// The writer is io.Discard (log.go's isDiscard, set by New and SetOutput): Print, Printf
  /// and Println return before formatting anything.
  private func writesToDiscard(_ l: Address) throws -> Bool {
    let kind = try load(l + UInt64(logLayout.outKind), 8)
    guard kind > 5, let itab = runtimeTypes.itab(at: kind) else { return false }
    return itab.type.name == "io.discard"
  }

  /// Go 1.21+: `l.prefix.Store(&prefix)`, a new string header; Go 1.19: the field.
  private func setPrefix(_ l: Address, _ s: (UInt64, UInt64)) throws {
    let at = l + UInt64(logLayout.prefix)
    if newLogger {
      let header = try heap.allocate(.string, count: 1)
      try store(header, s.0, 8)
      try store(header + 8, s.1, 8)
      try store(at, header, 8)
    } else {
      try store(at, s.0, 8)
      try store(at + 8, s.1, 8)
    }
  }

  private func prefix(_ l: Address) throws -> (UInt64, UInt64) {
    let at = l + UInt64(logLayout.prefix)
    if newLogger {
      let header = try load(at, 8)
      return header == 0 ? (0, 0) : (try load(header, 8), try load(header + 8, 8))
    }
    return (try load(at, 8), try load(at + 8, 8))
  }

  /// A growing []byte as append grows it: each append that does not fit allocates the
  /// capacity growslice picks (the bytes themselves are gcsh's: nobody reads them back but
  /// the writer, which is handed the whole line).
  private struct LogBuffer {
    var data: UInt64
    var capacity: Int
    var bytes: [UInt8] = []
  }

  private func append(_ b: inout LogBuffer, _ more: [UInt8]) throws {
    guard !more.isEmpty else { return }
    let needed = b.bytes.count + more.count
    if needed > b.capacity {
      let capacity = grownCapacity(old: b.capacity, needed: needed, elem: .uint8)
      b.data = try heap.allocate(.uint8, count: capacity)
      b.capacity = capacity
    }
    b.bytes += more
  }

  /// formatHeader (log.go): the prefix, the date and time, the caller's file:line, each
  /// appended on its own as Go does.
  private func appendHeader(_ b: inout LogBuffer, _ l: Address) throws {
    let flag = Int(Int32(truncatingIfNeeded: try load(l + UInt64(logLayout.flag), 8)))
    let (pp, pn) = try prefix(l)
    let prefix = pn == 0 ? [] : try bytes(pp, Int(pn))
    func itoa(_ i: Int, _ wid: Int) -> [UInt8] {
      var digits: [UInt8] = []
      GoTime.appendInt(&digits, Int64(i), wid)
      return digits
    }
    if flag & 64 == 0 { try append(&b, prefix) }
    if flag & (1 | 2 | 4) != 0 {
      var t = try timeNow()
      if flag & 32 != 0 { t.setLoc(0) }
      if t.loc == localLocation { try loadLocalZone() }
      if flag & 1 != 0 {
        let (y, m, d) = t.date
        for part in [itoa(Int(y), 4), [0x2F], itoa(m, 2), [0x2F], itoa(d, 2), [0x20]] { try append(&b, part) }
      }
      if flag & (2 | 4) != 0 {
        let (h, mi, s) = t.clock
        for part in [itoa(h, 2), [0x3A], itoa(mi, 2), [0x3A], itoa(s, 2)] { try append(&b, part) }
        if flag & 4 != 0 {
          try append(&b, [0x2E])
          try append(&b, itoa(Int(t.nsec / 1000), 6))
        }
        try append(&b, [0x20])
      }
    }
    if flag & (8 | 16) != 0 {
      let (file, line) = callSite()
      let name = flag & 16 != 0 ? String(file.split(separator: "/").last ?? "???") : file
      for part in [Array(name.utf8), [0x3A], itoa(line, -1), Array(": ".utf8)] { try append(&b, part) }
    }
    if flag & 64 != 0 { try append(&b, prefix) }
  }

  /// The file and line of the running instruction (runtime.Caller's answer for log).
  private func callSite() -> (String, Int) {
    guard let f = frames.last else { return ("???", 0) }
    let code = session.functions[f.function]
    guard f.pc < code.spans.count else { return ("???", 0) }
    return (code.source.name, code.source.location(of: code.spans[f.pc].start).line)
  }

  /// The message fmt makes of the operands with its pooled printer (Sprint, Sprintf or
  /// Sprintln's text; Append's), handed to `use` before the printer goes back to its pool, as
  /// fmt.Append's `append(b, p.buf...)` comes before its p.free().
  private func logMessage(
    _ op: LogOperation, _ values: [(GoType, UnsafeMutablePointer<UInt64>)], _ use: ([UInt8]) throws -> Void
  ) throws {
    let pooled = try getPrinter()
    let text: [UInt8]
    switch op.kind {
    case .printf: text = try sprintf(try string(values[0].1), Array(values.dropFirst()))
    default: text = try sprint(values, newline: op.kind == .println)
    }
    try use(text)
    if pooled { try putPrinter() }
  }

  private func logPrint(_ l: Address, _ op: LogOperation, _ values: [(GoType, UnsafeMutablePointer<UInt64>)]) throws {
    let L = logLayout
    if op.ending == .none, try writesToDiscard(l) { return }
    inFlight.append(l)
    defer { inFlight.removeLast() }
    // Panic, Panicf and Panicln format with Sprint, Sprintf or Sprintln first, a string of its
    // own, in both eras; Go 1.19's functions all do.
    var message: [UInt8] = []
    var messageString: [UInt64] = [0, 0]
    let sprints = op.ending == .panic || !newLogger
    if sprints {
      // (Sprint's `string(p.buf)` comes before its p.free().)
      try logMessage(op, values) {
        message = $0
        try newString($0, into: &messageString)
      }
      inFlight.append(messageString[0])
    }
    defer { if sprints { inFlight.removeLast() } }
    var b: LogBuffer
    var pooled: (type: UInt64, pointer: Address)? = nil
    if let bufAt = L.buf {
      // Go 1.19: l.buf = l.buf[:0].
      b = LogBuffer(data: try load(l + UInt64(bufAt), 8), capacity: Int(try load(l + UInt64(bufAt) + 16, 8)))
    } else {
      // getBuffer: the pool's, or New's new([]byte).
      let pool = try logBufferPool()
      var x: [UInt64] = [0, 0]
      try x.withUnsafeMutableBufferPointer { p in try poolGet(pool) { p.baseAddress } }
      let typeWord = runtimeTypes.descriptor(of: .pointer(to: .slice(of: .uint8)), session)
      var p = x[1]
      if x[0] == 0 { p = try heap.allocate(.slice(of: .uint8), count: 1) }
      pooled = (typeWord, p)
      b = LogBuffer(data: try load(p, 8), capacity: Int(try load(p + 16, 8)))
    }
    if let p = pooled { inFlight.append(p.pointer) }
    defer { if pooled != nil { inFlight.removeLast() } }
    // The buffer's array, grown by the appends, is held by this frame while the message's
    // String methods run and allocate (Go's `buf` local): a root, updated as it grows.
    let bufferRoot = inFlight.count
    inFlight.append(b.data)
    defer { inFlight.removeLast() }
    func grow(_ more: [UInt8]) throws {
      try append(&b, more)
      inFlight[bufferRoot] = b.data
    }
    try appendHeader(&b, l)
    inFlight[bufferRoot] = b.data
    if sprints {
      try grow(message)
    } else {
      // fmt.Append, Appendf or Appendln into the buffer.
      try logMessage(op, values) { try grow($0) }
    }
    if b.bytes.last != 0x0A { try grow([0x0A]) }
    // Keep the buffer: in the Logger (Go 1.19), or back in the pool (none over 64 KiB).
    if let bufAt = L.buf {
      try store(l + UInt64(bufAt), b.data, 8)
      try store(l + UInt64(bufAt) + 8, UInt64(b.bytes.count), 8)
      try store(l + UInt64(bufAt) + 16, UInt64(b.capacity), 8)
    }
    // Go 1.21+'s output puts the buffer back with `defer putBuffer(buf)`: a Write that panics
    // does not lose it (runs/writerpanics: the next Prints allocate nothing).
    func putBuffer(_ p: (type: UInt64, pointer: Address)) throws {
      let keep = b.capacity <= 64 << 10
      try store(p.pointer, keep ? b.data : 0, 8)
      try store(p.pointer + 8, keep ? UInt64(b.bytes.count) : 0, 8)
      try store(p.pointer + 16, keep ? UInt64(b.capacity) : 0, 8)
      try poolPut(try logBufferPool(), (p.type, p.pointer))
    }
    do {
      try logWrite(l, b)
    } catch {
      if let p = pooled { try putBuffer(p) }
      throw error
    }
    if let p = pooled { try putBuffer(p) }
    switch op.ending {
    case .none: break
    case .fatal: throw VMTrap(kind: .programExit(1))
    case .panic:
      // panic(s): the string boxed, and what recover would return.
      let box = try heap.allocate(.string, count: 1)
      try store(box, messageString[0], 8)
      try store(box + 8, messageString[1], 8)
      panicking.pending = (runtimeTypes.descriptor(of: .string, session), box)
      throw VMTrap(kind: .goPanic(try messageString.withUnsafeMutableBufferPointer { try panicText(.string, $0.baseAddress!) }))
    }
  }

  /// out.Write(line): the host's stream, a *bytes.Buffer's or *strings.Builder's Write, or
  /// another io.Writer's Write called through the interface with the logger's buffer.
  private func logWrite(_ l: Address, _ b: LogBuffer) throws {
    let L = logLayout
    let line = b.bytes
    let kind = try load(l + UInt64(L.outKind), 8)
    if kind == 5 { throw VMTrap(kind: .nilDereference) }
    if kind > 5 {
      guard let itab = runtimeTypes.itab(at: kind) else { throw VMTrap(kind: .nilDereference) }
      _ = try callWrite(
        itab.interface, (kind, try load(l + UInt64(L.out), 8)), line, in: (b.data, b.capacity), what: "log called Write methods")
      return
    }
    switch kind {
    case 1: host?.output(bytes: line)
    case 3: try appendToBuffer(try load(l + UInt64(L.out), 8), line)
    case 4: try appendToBuilder(try load(l + UInt64(L.out), 8), line)
    default: host?.errorOutput(bytes: line)
    }
  }
}
