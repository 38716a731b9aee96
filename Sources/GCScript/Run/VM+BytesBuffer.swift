// bytes.Buffer's methods (bytes/buffer.go, the same in Go 1.27.3 and 1.19.8 for these) on the
// Buffer in simulated memory: buf's pointer, length and capacity at +0, +8, +16, off at +24,
// lastRead at +32. A write first tries to reslice within the capacity (tryGrowByReslice), else
// grows: a nil buffer takes a 64-byte array for a write of up to 64 bytes (smallBufferSize);
// otherwise the bytes slide down when half the capacity is free, or growSlice makes a new array
// of len+n bytes, at least twice the capacity, rounded up to its size class (`append([]byte(nil),
// make([]byte, c)...)`), and the old one becomes garbage. Reset keeps the array. Checked
// against both toolchains' runs (Tests/Recordings/runs/bytesbuffer: every step's Mallocs, bytes,
// size classes and capacity sequence).

import GoHeap

extension VM {
  private static let smallBufferSize = 64

  func bytesBuffer(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let p = args[0].1[0]
    if p == 0 && b == .bufferString {
      // String's `if b == nil { return "<nil>" }` (the conversion then copies it).
      if let out = result() {
        let text = Array("<nil>".utf8)
        (out[0], out[1], out[2]) = (session.rodataAddress(of: text), UInt64(text.count), UInt64(text.count))
      }
      return
    }
    guard p != 0 else { throw VMTrap(kind: .nilDereference) }
    let data = try load(p, 8)
    let length = Int(try load(p + 8, 8))
    let capacity = Int(try load(p + 16, 8))
    let off = Int(try load(p + 24, 8))
    switch b {
    case .bufferLen: result()?[0] = UInt64(length - off)
    case .bufferCap: result()?[0] = UInt64(capacity)
    case .bufferBytes, .bufferString:
      // b.buf[b.off:]
      if let out = result() {
        (out[0], out[1], out[2]) = (data == 0 ? 0 : data + UInt64(off), UInt64(length - off), UInt64(capacity - off))
      }
    case .bufferReset: try resetBuffer(p)
    case .bufferTruncate:
      let n = Int(Int64(bitPattern: args[1].1[0]))
      if n == 0 { try resetBuffer(p); return }
      try store(p + 32, 0, 1)
      if n < 0 || n > length - off { throw VMTrap(kind: .goPanic("bytes.Buffer: truncation out of range")) }
      try store(p + 8, UInt64(off + n), 8)
    case .bufferGrow:
      let n = Int(Int64(bitPattern: args[1].1[0]))
      if n < 0 { throw VMTrap(kind: .goPanic("bytes.Buffer.Grow: negative count")) }
      let m = try growBuffer(p, n)
      try store(p + 8, UInt64(m), 8)
    case .bufferWrite, .bufferWriteString, .bufferWriteByte, .bufferWriteRune:
      var bytes: [UInt8]
      switch b {
      case .bufferWrite:
        let s = args[1].1
        bytes = try self.bytes(s[0], Int(s[1]))
      case .bufferWriteString: bytes = try string(args[1].1)
      case .bufferWriteByte: bytes = [UInt8(truncatingIfNeeded: args[1].1[0])]
      default:
        bytes = []
        GoUTF8.appendRune(&bytes, Int32(truncatingIfNeeded: Int64(bitPattern: args[1].1[0])))
      }
      // WriteRune of a multi-byte rune makes room for utf8.UTFMax bytes, then appends the rune.
      try appendToBuffer(p, bytes, reserving: b == .bufferWriteRune && bytes.count > 1 ? 4 : bytes.count)
      guard let out = result() else { return }
      if b == .bufferWriteByte {
        (out[0], out[1]) = (0, 0)
      } else {
        (out[0], out[1], out[2]) = (UInt64(bytes.count), 0, 0)
      }
    default: break
    }
  }

  /// A write of bytes to the *Buffer at p (Write, WriteString, WriteByte, WriteRune, and fmt's
  /// Fprint* through Write): lastRead = opInvalid, room made for `reserving` bytes (the bytes'
  /// count, or utf8.UTFMax for WriteRune), the bytes copied in and the length set after them.
  func appendToBuffer(_ p: Address, _ bytes: [UInt8], reserving reserve: Int? = nil) throws {
    try store(p + 32, 0, 1)
    let n = reserve ?? bytes.count
    let m = try tryGrowBufferByReslice(p, n) ?? growBuffer(p, n)
    try write(bytes, at: try load(p, 8) + UInt64(m))
    try store(p + 8, UInt64(m + bytes.count), 8)
  }

  /// Reset: `b.buf = b.buf[:0]; b.off = 0; b.lastRead = opInvalid`.
  private func resetBuffer(_ p: Address) throws {
    try store(p + 8, 0, 8)
    try store(p + 24, 0, 8)
    try store(p + 32, 0, 1)
  }

  /// tryGrowByReslice: the write's offset when n more bytes fit in the capacity (the length
  /// grown by n), else nil.
  private func tryGrowBufferByReslice(_ p: Address, _ n: Int) throws -> Int? {
    let length = Int(try load(p + 8, 8))
    let capacity = Int(try load(p + 16, 8))
    guard n <= capacity - length else { return nil }
    try store(p + 8, UInt64(length + n), 8)
    return length
  }

  /// grow: room for n more bytes, the length grown by n; returns where they start.
  private func growBuffer(_ p: Address, _ n: Int) throws -> Int {
    var length = Int(try load(p + 8, 8))
    var off = Int(try load(p + 24, 8))
    let m = length - off
    if m == 0 && off != 0 {
      try resetBuffer(p)
      (length, off) = (0, 0)
    }
    if let i = try tryGrowBufferByReslice(p, n) { return i }
    var data = try load(p, 8)
    let capacity = Int(try load(p + 16, 8))
    if data == 0 && n <= Self.smallBufferSize {
      // `b.buf = make([]byte, n, smallBufferSize)`
      data = try heap.allocateSlice(of: .uint8, len: n, cap: Self.smallBufferSize)
      try store(p, data, 8)
      try store(p + 8, UInt64(n), 8)
      try store(p + 16, UInt64(Self.smallBufferSize), 8)
      return 0
    }
    if n <= capacity / 2 - m {
      // Slide the unread bytes down instead of allocating.
      if off > 0 { try write(try bytes(data + UInt64(off), m), at: data) }
    } else if capacity > Int.max - capacity - n {
      throw VMTrap(kind: .goPanic("bytes.Buffer: too large"))
    } else {
      // growSlice(b.buf[b.off:], b.off+n): c = len+n, at least twice the capacity, as append
      // of c zero bytes to nil allocates it (its size class's capacity). A make past maxAlloc
      // panics, which growSlice's recover turns into ErrTooLarge.
      var c = m + off + n
      if c < 2 * (capacity - off) { c = 2 * (capacity - off) }
      if c > heap.profile.maxAllocBytes { throw VMTrap(kind: .goPanic("bytes.Buffer: too large")) }
      let rounded = heap.roundupsize(c, noscan: true)
      let grown = try heap.allocateSlice(of: .uint8, len: rounded, cap: rounded)
      inFlight.append(grown)
      defer { inFlight.removeLast() }
      if m > 0 { try write(try bytes(data + UInt64(off), m), at: grown) }
      try store(p, grown, 8)
      try store(p + 16, UInt64(rounded), 8)
    }
    try store(p + 24, 0, 8)
    try store(p + 8, UInt64(m + n), 8)
    return m
  }
}
