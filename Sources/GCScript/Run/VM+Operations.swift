// The VM's larger operations: strings, slicing, allocation, append, copy, store loops and string
// conversions — each what the Go runtime function it names does (slice.go, string.go), on the
// simulated heap.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GoHeap

extension VM {
  // MARK: Strings

  /// A string in two slots: its data address and length.
  func string(_ p: UnsafeMutablePointer<UInt64>) throws -> [UInt8] {
    try bytes(p[0], Int(p[1]))
  }

  /// ==, !=, <, <= of two strings, byte-wise.
  func compareStrings(_ op: Opcode, _ x: UnsafeMutablePointer<UInt64>, _ y: UnsafeMutablePointer<UInt64>) throws -> Bool {
    if op == .strEq || op == .strNe {
      let equal = try x[1] == y[1] && (x[0] == y[0] || string(x) == string(y))
      return op == .strEq ? equal : !equal
    }
    let a = try string(x)
    let b = try string(y)
    if op == .strLt { return a.lexicographicallyPrecedes(b) }
    return !b.lexicographicallyPrecedes(a)
  }

  /// Go's == on two struct or array values held as memory images (walk/compare.go): field by
  /// field and element by element, stopping at the first difference, each by its own type's
  /// rule — a float as a float (NaN differs from itself, -0 equals +0), a string by its bytes,
  /// everything else by its bytes. Padding between fields is not compared.
  func aggregateEqual(_ t: GoType, _ x: UnsafeRawPointer, _ y: UnsafeRawPointer) throws -> Bool {
    switch t.kind {
    case .structure(let fields):
      for f in fields where !(try aggregateEqual(f.type, x + f.offset, y + f.offset)) { return false }
      return true
    case .array(let e, let n):
      for k in 0..<n where !(try aggregateEqual(e, x + k * e.size, y + k * e.size)) { return false }
      return true
    case .string:
      let (px, nx) = (x.loadUnaligned(as: UInt64.self), x.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      let (py, ny) = (y.loadUnaligned(as: UInt64.self), y.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      if nx != ny { return false }
      if px == py { return true }
      let (bx, by) = (try bytes(px, Int(nx)), try bytes(py, Int(ny)))
      return bx == by
    case .float(let bits):
      if bits == 32 {
        return Float(bitPattern: x.loadUnaligned(as: UInt32.self)) == Float(bitPattern: y.loadUnaligned(as: UInt32.self))
      }
      return Double(bitPattern: x.loadUnaligned(as: UInt64.self)) == Double(bitPattern: y.loadUnaligned(as: UInt64.self))
    default:
      return UnsafeRawBufferPointer(start: x, count: t.size).elementsEqual(UnsafeRawBufferPointer(start: y, count: t.size))
    }
  }

  /// Go's == on two struct or array values in memory, at addresses `x` and `y` (aggEqMemory):
  /// the same rule as `aggregateEqual`, applied to a megabyte of each operand at a time, so that
  /// comparing two 2 GiB arrays holds two megabytes of host memory, not four gigabytes.
  func memoryEqual(_ t: GoType, _ x: Address, _ y: Address) throws -> Bool {
    let chunk = 1 << 20
    func inHost(_ t: GoType, _ x: Address, _ y: Address, count: Int) throws -> Bool {
      let (a, b) = (try bytes(x, t.size * count), try bytes(y, t.size * count))
      // Integers, booleans and pointers are equal exactly when their bytes are (memequal).
      switch t.kind {
      case .int, .uintptr, .bool, .pointer:
        return a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0 } }
      default: break
      }
      return try a.withUnsafeBytes { pa in
        try b.withUnsafeBytes { pb in
          for k in 0..<count where !(try aggregateEqual(t, pa.baseAddress! + k * t.size, pb.baseAddress! + k * t.size)) {
            return false
          }
          return true
        }
      }
    }
    if t.size <= chunk { return try t.size == 0 || inHost(t, x, y, count: 1) }
    switch t.kind {
    case .array(let e, let n):
      if e.size > chunk {
        for k in 0..<n where !(try memoryEqual(e, x &+ UInt64(k * e.size), y &+ UInt64(k * e.size))) { return false }
        return true
      }
      let per = chunk / max(e.size, 1)
      for start in stride(from: 0, to: n, by: per) {
        let offset = UInt64(start * e.size)
        if !(try inHost(e, x &+ offset, y &+ offset, count: min(per, n - start))) { return false }
      }
      return true
    case .structure(let fields):
      for f in fields where !(try memoryEqual(f.type, x &+ UInt64(f.offset), y &+ UInt64(f.offset))) { return false }
      return true
    default:
      return try inHost(t, x, y, count: 1)
    }
  }

  /// A new string of `count` bytes (rawstringtmp): in the frame buffer at slot `buffer` when
  /// there is one and `count + reserve` bytes fit its `bufferBytes`, else `count + reserve`
  /// bytes of noscan heap (rawstring; `reserve` is what slicerunetostring and intstring ask
  /// beyond the string). `fill` writes the bytes at the address: through the simulated memory,
  /// so a huge string costs the simulated heap, not the host's.
  func newString(
    count: Int, into dst: UnsafeMutablePointer<UInt64>, buffer: Int? = nil, bufferBytes: Int = 32,
    reserve: Int = 0, site: AllocationSite? = nil, _ fill: (Address) throws -> Void
  ) throws {
    if count == 0 && reserve == 0 {
      dst[0] = 0
      dst[1] = 0
      return
    }
    let a: Address
    if let buffer, count + reserve <= bufferBytes {
      a = runningFrameAddress(buffer)
      if explaining, let site { noteFrameAllocation(site) }
    } else {
      a = try heap.allocate(.uint8, count: count + reserve)
      if explaining { noteHeapAllocation(site) }
    }
    inFlight.append(a)
    defer { inFlight.removeLast() }
    try fill(a)
    dst[0] = a
    dst[1] = UInt64(count)
  }

  /// A new string holding `data` (see the other `newString`).
  func newString(
    _ data: [UInt8], into dst: UnsafeMutablePointer<UInt64>, buffer: Int? = nil,
    bufferBytes: Int = 32, reserve: Int = 0, site: AllocationSite? = nil
  ) throws {
    try newString(count: data.count, into: dst, buffer: buffer, bufferBytes: bufferBytes, reserve: reserve, site: site) {
      try self.write(data, at: $0)
    }
  }

  /// A Sprint's result, `string(p.buf)`: slicebytetostring's new string, or for one byte a
  /// pointer into staticuint64s (nothing allocated: `fmt.Sprint("a")` costs no malloc once
  /// the printer is pooled, as in Go 1.27.3 and 1.19.8).
  func sprintResult(_ text: [UInt8], into dst: UnsafeMutablePointer<UInt64>) throws {
    if text.count == 1 {
      (dst[0], dst[1]) = (session.staticBytesAddress &+ UInt64(text[0]) &* 8, 1)
      return
    }
    try newString(text, into: dst)
  }

  /// The address of a slot of the running frame.
  func runningFrameAddress(_ slot: Int) -> Address {
    AddressSpace.stackBase + UInt64((frames[frames.count - 1].base + slot) * 8)
  }

  /// Whether an address is in the goroutine's stack (string.go stringDataOnStack).
  func onStack(_ a: Address) -> Bool { a >= AddressSpace.stackBase }

  /// runtime.concatstrings: the operands' total; "" for none; the one non-empty operand itself
  /// when it is alone — unless it lives in a frame and the result may outlive it (no buffer);
  /// else one new string, in the frame's tmpBuf when the result does not escape and fits.
  func concat(_ desc: ConcatDesc, into dst: UnsafeMutablePointer<UInt64>, _ s: UnsafeMutablePointer<UInt64>) throws {
    var nonEmpty: [Int] = []
    var total = 0
    for o in desc.operands where s[o + 1] != 0 {
      nonEmpty.append(o)
      let (sum, overflow) = total.addingReportingOverflow(Int(s[o + 1]))
      if overflow { throw VMTrap(kind: .goRuntimePanic("string concatenation too long")) }
      total = sum
    }
    if nonEmpty.isEmpty {
      dst[0] = 0
      dst[1] = 0
      return
    }
    if nonEmpty.count == 1 && (desc.buffer != nil || !onStack(s[nonEmpty[0]])) {
      let o = nonEmpty[0]
      (dst[0], dst[1]) = (s[o], s[o + 1])
      return
    }
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { out.deallocate() }
    try newString(count: total, into: out, buffer: desc.buffer, site: desc.site) { a in
      var at = a
      for o in nonEmpty {
        try self.copyMemory(to: at, from: s[o], Int(s[o + 1]))
        at &+= s[o + 1]
      }
    }
    dst[0] = out[0]
    dst[1] = out[1]
  }

  /// The rune at byte `offset` of the string in two slots, and its width (Go's UTF-8 decoding:
  /// an invalid byte is U+FFFD, width 1).
  func decodeRune(_ str: UnsafeMutablePointer<UInt64>, at offset: Int) throws -> (Int32, Int) {
    let n = min(4, Int(str[1]) - offset)
    let data = try bytes(str[0] &+ UInt64(offset), max(0, n))
    return Self.decodeUTF8(data)
  }

  static func decodeUTF8(_ b: [UInt8]) -> (Int32, Int) {
    guard let first = b.first else { return (0xFFFD, 1) }
    if first < 0x80 { return (Int32(first), 1) }
    func cont(_ k: Int) -> UInt32? {
      guard k < b.count, b[k] & 0xC0 == 0x80 else { return nil }
      return UInt32(b[k] & 0x3F)
    }
    if first & 0xE0 == 0xC0, let c1 = cont(1) {
      let r = UInt32(first & 0x1F) << 6 | c1
      if r >= 0x80 { return (Int32(r), 2) }
    } else if first & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
      let r = UInt32(first & 0x0F) << 12 | c1 << 6 | c2
      if r >= 0x800 && !(0xD800...0xDFFF).contains(r) { return (Int32(r), 3) }
    } else if first & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
      let r = UInt32(first & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
      if r >= 0x10000 && r <= 0x10FFFF { return (Int32(r), 4) }
    }
    return (0xFFFD, 1)
  }

  /// UTF-8 of a rune (an invalid one is U+FFFD).
  static func encodeUTF8(_ r: Int64) -> [UInt8] {
    let scalar = (r >= 0 && r <= 0x10FFFF) ? Unicode.Scalar(UInt32(r)) : nil
    return Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
  }

  /// string([]byte), []byte(string), string([]rune), []rune(string), string(rune).
  func convert(_ desc: ConversionDesc, into dst: UnsafeMutablePointer<UInt64>, from src: UnsafeMutablePointer<UInt64>) throws {
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
    out.initialize(repeating: 0, count: 3)
    defer { out.deallocate() }
    var words = 2
    switch desc.kind {
    case .bytesToString:
      // slicebytetostring: one byte is a pointer into staticuint64s, nothing allocated.
      let n = Int(src[1])
      if n == 1 {
        let b = try load(src[0], 1)
        (out[0], out[1]) = (session.staticBytesAddress &+ b &* 8, 1)
      } else {
        try newString(count: n, into: out, buffer: desc.buffer, bufferBytes: desc.bufferCount, site: desc.site) { a in
          try self.copyMemory(to: a, from: src[0], n)
        }
      }
    case .runeToString:
      // intstring: the frame's [4]byte, or a 4-byte string on the heap whatever the rune's width.
      let data = Self.encodeUTF8(Int64(bitPattern: src[0]))
      try newString(data, into: out, buffer: desc.buffer, bufferBytes: 4, reserve: 4 - data.count, site: desc.site)
    case .runesToString:
      // slicerunetostring: rawstringtmp(buf, size+3) — three bytes more than the encoding.
      var data: [UInt8] = []
      for k in 0..<Int(src[1]) {
        let r = Int32(truncatingIfNeeded: try load(src[0] &+ UInt64(k * 4), 4))
        data += Self.encodeUTF8(Int64(r))
      }
      try newString(data, into: out, buffer: desc.buffer, bufferBytes: desc.bufferCount, reserve: 3, site: desc.site)
    case .stringToBytes:
      words = 3
      if desc.zeroCopy {
        // Go 1.22+: a []byte(s) that does not escape and is never written shares s's bytes.
        (out[0], out[1], out[2]) = (src[0], src[1], src[1])
        break
      }
      let n = Int(src[1])
      try newSlice(of: .uint8, count: n, into: out, buffer: desc.buffer, bufferCount: desc.bufferCount, site: desc.site) { a in
        try self.copyMemory(to: a, from: src[0], n)
      }
    case .stringToRunes:
      words = 3
      let data = try string(src)
      var runes: [Int32] = []
      var k = 0
      while k < data.count {
        let (r, w) = Self.decodeUTF8(Array(data[k..<min(data.count, k + 4)]))
        runes.append(r)
        k += w
      }
      try newSlice(of: .int32, count: runes.count, into: out, buffer: desc.buffer, bufferCount: desc.bufferCount, site: desc.site) { a in
        for (j, r) in runes.enumerated() { try self.store(a &+ UInt64(j * 4), UInt64(UInt32(bitPattern: r)), 4) }
      }
    }
    dst.update(from: out, count: words)
  }

  /// A new slice of `count` elements (stringtoslicebyte, stringtoslicerune): the frame buffer,
  /// zeroed, with its whole size as capacity, when there is one and the elements fit; else the
  /// heap with the capacity rounded up to the allocation's size class (rawbyteslice,
  /// rawruneslice). Filled by `write`.
  func newSlice(
    of elem: GoType, count: Int, into out: UnsafeMutablePointer<UInt64>, buffer: Int? = nil,
    bufferCount: Int = 0, site: AllocationSite? = nil, _ write: (Address) throws -> Void
  ) throws {
    if let buffer, count <= bufferCount {
      let a = runningFrameAddress(buffer)
      (stack + frames[frames.count - 1].base + buffer).update(repeating: 0, count: (bufferCount * elem.size + 7) / 8)
      if explaining, let site { noteFrameAllocation(site) }
      try write(a)
      (out[0], out[1], out[2]) = (a, UInt64(count), UInt64(bufferCount))
      return
    }
    if count == 0 {
      out[0] = GoRuntime.zeroBaseAddress
      out[1] = 0
      out[2] = 0
      return
    }
    let cap = roundedCapacity(count, elem)
    let a = try heap.allocateSlice(of: elem, len: count, cap: cap)
    if explaining { noteHeapAllocation(site) }
    inFlight.append(a)
    defer { inFlight.removeLast() }
    try write(a)
    out[0] = a
    out[1] = UInt64(count)
    out[2] = UInt64(cap)
  }

  // MARK: Slicing

  /// s[lo:hi:max] of a slice, a string or an array through a pointer, with Go's bounds panics.
  func slice(_ desc: SliceDesc, _ dst: UnsafeMutablePointer<UInt64>, _ base: UnsafeMutablePointer<UInt64>, _ s: UnsafeMutablePointer<UInt64>) throws {
    var ptr: UInt64
    var len: Int
    var cap: Int
    switch desc.base {
    case .slice: (ptr, len, cap) = (base[0], Int(base[1]), Int(base[2]))
    case .string: (ptr, len, cap) = (base[0], Int(base[1]), Int(base[1]))
    case .array(let n):
      if base[0] < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
      (ptr, len, cap) = (base[0], n, n)
    }
    let limitWord: String
    switch desc.base {
    case .slice: limitWord = "capacity"
    default: limitWord = "length"
    }
    let lo = desc.lo.map { Int(Int64(bitPattern: s[$0])) } ?? 0
    let hi = desc.hi.map { Int(Int64(bitPattern: s[$0])) } ?? len
    let mx = desc.max.map { Int(Int64(bitPattern: s[$0])) }
    let top = mx ?? (desc.base.isString ? len : cap)
    func bad(_ m: String) -> VMTrap { VMTrap(kind: .sliceOutOfRange(m)) }
    if let mx, mx < 0 || mx > cap { throw bad("[::\(mx)] with capacity \(cap)") }
    if hi < 0 || hi > top {
      if mx != nil { throw bad("[:\(hi):\(top)]") }
      throw bad("[:\(hi)] with \(limitWord) \(top)")
    }
    if lo < 0 || lo > hi {
      if mx != nil { throw bad("[\(lo):\(hi):]") }
      throw bad("[\(lo):\(hi)]")
    }
    let newCap = top - lo
    // Go never makes a pointer past the end: an empty-capacity result keeps the base pointer.
    if newCap > 0 || desc.base.isString && hi - lo > 0 { ptr = ptr &+ UInt64(lo * desc.elemSize) }
    dst[0] = ptr
    dst[1] = UInt64(hi - lo)
    if !desc.base.isString { dst[2] = UInt64(newCap) }
  }

  // MARK: Allocation

  /// `new(T)`, `make([]T, len, cap)`, a literal's backing array: in the frame when escape
  /// analysis kept it there (zeroed, as Go's stack allocation is), else on the heap.
  func allocate(_ desc: AllocationDesc, into a: Int, _ s: UnsafeMutablePointer<UInt64>) throws {
    let base = frames[frames.count - 1].base
    func onStack(_ count: Int) -> Address? {
      guard let slot = desc.stackSlot, count <= (desc.stackCapacity ?? count) else { return nil }
      let words = (desc.type.size * max(count, desc.stackCapacity ?? count) + 7) / 8
      (stack + base + slot).update(repeating: 0, count: max(words, 1))
      if explaining { noteFrameAllocation(desc.site) }
      return AddressSpace.stackBase + UInt64((base + slot) * 8)
    }
    switch desc.kind {
    case .object:
      if let p = onStack(1) { s[a] = p; return }
      s[a] = try heap.allocate(desc.type, count: 1)
      if explaining { noteHeapAllocation(desc.site) }
    case .literal(let count):
      if let p = onStack(count) { s[a] = p; return }
      s[a] = try heap.allocate(desc.type, count: count)
      if explaining { noteHeapAllocation(desc.site) }
    case .makeSlice(let lenSlot, let capSlot):
      let len = Int(Int64(bitPattern: s[lenSlot]))
      let cap = capSlot.map { Int(Int64(bitPattern: s[$0])) } ?? len
      if len < 0 || len > cap || cap < 0 {
        throw VMTrap(kind: .goRuntimePanic(len < 0 || capSlot == nil && len > cap ? "makeslice: len out of range" : "makeslice: cap out of range"))
      }
      let p: Address
      if let q = onStack(cap) {
        p = q
      } else {
        p = try heap.allocateSlice(of: desc.type, len: len, cap: cap)
        if explaining {
          // A non-escaping make of run-time size whose frame buffer is too small (Go 1.25+).
          let why = desc.stackSlot == nil ? nil
            : "it does not escape, but \(cap * desc.type.size) bytes do not fit the frame's \((desc.stackCapacity ?? 0) * desc.type.size)-byte buffer"
          noteHeapAllocation(desc.site, why: why)
        }
      }
      s[a] = p
      s[a + 1] = UInt64(len)
      s[a + 2] = UInt64(cap)
    }
  }

  /// growslice's new capacity (slice.go nextslicecap, then roundupsize): double below 256
  /// elements, then grow by 1.25x plus 192, rounded up to the allocation's size class.
  func grownCapacity(old: Int, needed: Int, elem: GoType) -> Int {
    roundedCapacity(nextSliceCapacity(old: old, needed: needed), elem)
  }

  /// slice.go nextslicecap, with Go's wrapping int arithmetic: a capacity that would wrap
  /// becomes the needed length (which growslice's maxAlloc check then refuses).
  func nextSliceCapacity(old: Int, needed: Int) -> Int {
    var newcap = old
    let doublecap = old &+ old
    if needed > doublecap { return needed }
    if old < 256 { return doublecap }
    repeat {
      newcap = newcap &+ ((newcap &+ 3 * 256) >> 2)
    } while UInt(bitPattern: newcap) < UInt(bitPattern: needed)
    return newcap <= 0 ? needed : newcap
  }

  /// growslice (slice.go) for `append`: a zero-size element needs no memory (the capacity is the
  /// new length, the array zerobase); a capacity whose bytes pass maxAlloc is the profile's
  /// growslice panic, as is a new length that overflows (the caller's test).
  func growsliceCapacity(old: Int, needed: Int, elem: GoType) throws -> Int {
    if elem.size == 0 { return needed }
    let newcap = nextSliceCapacity(old: old, needed: needed)
    guard heap.growsliceFits(elem, count: newcap) else {
      throw VMTrap(kind: .goRuntimePanic(heap.profile.growsliceOutOfRange))
    }
    return roundedCapacity(newcap, elem)
  }

  /// A capacity rounded up to what its allocation holds (growslice: roundupsize(capmem,
  /// noscan), so a pointerful array above 512 bytes leaves room for its malloc header in Go
  /// 1.22+: a []*int grown past 64 elements gets cap 143, not 128).
  func roundedCapacity(_ count: Int, _ elem: GoType) -> Int {
    guard elem.size > 0 else { return count }
    return heap.roundupsize(count * elem.size, noscan: !elem.hasPointers) / elem.size
  }

  /// append(base, values...) or append(base, other...): in place when it fits, else the frame
  /// buffer the append may grow into (Go 1.26+: VM+StackBackingStore.swift), else a new backing
  /// array (growslice) with the old elements copied.
  func append(_ desc: AppendDesc, into a: Int, base b: Int, _ s0: UnsafeMutablePointer<UInt64>) throws {
    var s = s0
    let elem = desc.elem
    var ptr = s[b]
    let len = Int(s[b + 1])
    var cap = Int(s[b + 2])
    var extra: [UInt8] = []
    let count: Int
    if let spread = desc.spread {
      count = Int(s[spread + 1])
      if desc.spreadIsString { extra = try bytes(s[spread], count) }
    } else {
      count = desc.values.count
    }
    if count == 0 {
      if a != b { (s + a).update(from: s + b, count: 3) }
      return
    }
    let (needed, overflow) = len.addingReportingOverflow(count)
    if overflow { throw VMTrap(kind: .goRuntimePanic(heap.profile.growsliceOutOfRange)) }
    var grown = false
    if needed > cap, let (p, c) = try frameBackingStore(desc.buffer, elem, s, oldPtr: ptr, oldLen: len, newLen: needed) {
      ptr = p
      cap = c
    } else if needed > cap {
      let newcap = try growsliceCapacity(old: cap, needed: needed, elem: elem)
      let p = try heap.allocateSlice(of: elem, len: needed, cap: newcap)
      s = stack + frames[frames.count - 1].base
      inFlight.append(p)
      grown = true
      if len > 0 { try copyMemory(to: p, from: ptr, len * elem.size) }
      ptr = p
      cap = newcap
    }
    defer { if grown { inFlight.removeLast() } }
    let size = UInt64(elem.size)
    let at = ptr &+ UInt64(len) &* size
    if let spread = desc.spread {
      if desc.spreadIsString {
        try write(extra, at: at)
      } else {
        try copyMemory(to: at, from: s[spread], count * elem.size)
      }
    } else {
      for (k, slot) in desc.values.enumerated() {
        try storeValue(elem, from: s + slot, to: at &+ UInt64(k) &* size)
      }
    }
    s = stack + frames[frames.count - 1].base
    s[a] = ptr
    s[a + 1] = UInt64(needed)
    s[a + 2] = UInt64(cap)
  }

  /// Stores a value held in slots to memory, in memory's form.
  func storeValue(_ t: GoType, from slots: UnsafeMutablePointer<UInt64>, to address: Address) throws {
    switch t.kind {
    case .bool: try store(address, slots[0], 1)
    case .int(let bits, _): try store(address, slots[0], bits / 8)
    case .float(32): try store(address, UInt64(Float(Double(bitPattern: slots[0])).bitPattern), 4)
    case .float, .uintptr, .pointer, .map: try store(address, slots[0], 8)
    default:
      guard t.size > 0 else { return }
      try write(Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(slots), count: t.size)), at: address)
    }
  }

  /// copy(dst, src): min of the lengths, as a memmove; `elemSize` < 0: src is a string.
  func copySlices(_ d: UnsafeMutablePointer<UInt64>, _ src: UnsafeMutablePointer<UInt64>, elemSize: Int) throws -> Int {
    let size = abs(elemSize)
    let n = min(Int(d[1]), Int(src[1]))
    if n > 0 && d[0] != src[0] { try copyMemory(to: d[0], from: src[0], n * size) }
    return n
  }

  // MARK: Store loops

  /// A store loop (Lowering+Loops.swift): the stores, the counter and the virtual time exactly
  /// as running it element by element would leave them, and the same panic.
  func fill(_ f: FillDesc, _ s: UnsafeMutablePointer<UInt64>) throws {
    let ptr = s[f.slice]
    let len = Int64(bitPattern: s[f.slice + 1])
    let lo = Int64(bitPattern: s[f.lo])
    var end = Int64(bitPattern: s[f.hi])
    if f.inclusive { end = end == Int64.max ? end : end + 1 }
    guard lo < end else { return }
    // Iterations that store before the first out-of-range index (if any).
    let firstBad: Int64? = lo < 0 ? lo : (end > len ? len : nil)
    let stop = firstBad ?? end
    let good = max(0, stop - max(lo, 0))
    // Each iteration of the loop the fill stands for is a step (`--max-steps`).
    try step(Int(min(good, Int64(Int.max / 2))))
    let size = f.elem.size
    // Each good iteration's whole cost; a failing one's up to its store.
    pendingNs &+= Int(good) * f.iterationCost + (firstBad != nil ? f.failingIterationCost : 0)
    try flushTime()
    if good > 0 {
      let pattern = storePattern(f.elem, s[f.value])
      let start = ptr &+ UInt64(lo) &* UInt64(size)
      let bytes = Int(good) * size
      if start >= AddressSpace.heapBase && start < AddressSpace.stackBase {
        do {
          try heap.fillMemoryAsStores(start, bytes: bytes, pattern: pattern, elemSize: size)
        } catch let fault as MemoryFault { throw trap(fault) }
      } else {
        for k in 0..<Int(good) { try store(start &+ UInt64(k * size), pattern, size) }
      }
      s[f.counter] = UInt64(bitPattern: f.rangeKey ? stop - 1 : stop)
    }
    if let bad = firstBad {
      s[f.counter] = UInt64(bitPattern: bad)
      throw VMTrap(kind: .indexOutOfRange(index: Int(bad), length: Int(len)))
    }
  }

  /// A value in the form a store writes it (a float32's 4 bytes).
  func storePattern(_ t: GoType, _ v: UInt64) -> UInt64 {
    if case .float(32) = t.kind { return UInt64(Float(Double(bitPattern: v)).bitPattern) }
    return v
  }
}

extension SliceDesc.Base {
  var isString: Bool {
    if case .string = self { return true }
    return false
  }
}
