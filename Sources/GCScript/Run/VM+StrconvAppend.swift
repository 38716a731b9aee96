// strconv's Append functions and Unquote (itoa.go, atob.go, quote.go, ftoa.go; Go 1.27.3 moves
// their bodies to internal/strconv, unchanged in what they allocate), with what each allocates
// (Tests/Recordings/runs/strconvappend: every value, error and allocation count):
//
//   AppendInt, AppendUint, AppendBool, AppendFloat
//               `append(dst, text...)`: in place when dst has room, else growslice's new array
//               (a nil dst of 6 digits: 1 malloc, the tiny allocator's 16 B). (AppendFloat and
//               AppendQuote append their text in pieces; gcsh appends it at once, so a dst
//               without room may grow once where Go grows it twice.)
//   AppendQuote appendQuotedWith: when dst has less room than len(s), `make([]byte, len(dst),
//               len(dst)+1+len(s)+1)` first (it escapes: the heap), then the appends.
//   Unquote     A quoted string without escapes (or a raw one without '\r') is s[1:len-1]: no
//               allocation. With escapes, `buf := make([]byte, 0, 3*end/2)` — in the frame up to
//               32 bytes from Go 1.25 (a variable-size make's stack buffer), on the heap in Go
//               1.19 — grown by append, then string(buf). A bad literal is ErrSyntax, static.

import GoHeap

extension VM {
  func strconvAppend(
    _ b: Builtin, _ args: [UnsafeMutablePointer<UInt64>], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    if b == .strconvUnquote { return try unquote(args[0], into: result) }
    // dst's words, copied: the argument's slots are the caller's (a variable's, it may be).
    let dst = UnsafeMutablePointer<UInt64>.allocate(capacity: 3)
    defer { dst.deallocate() }
    dst.update(from: args[0], count: 3)
    // A new array made here is a root until the result holds it (another may be made after).
    let rooted = inFlight.count
    defer { inFlight.removeSubrange(rooted...) }
    var text: [UInt8] = []
    switch b {
    case .strconvAppendInt, .strconvAppendUint:
      let base = Int(Int64(bitPattern: args[2][0]))
      guard (2...36).contains(base) else { throw VMTrap(kind: .goPanic("strconv: illegal AppendInt/FormatInt base")) }
      text = b == .strconvAppendInt
        ? Array(String(Int64(bitPattern: args[1][0]), radix: base).utf8)
        : Array(String(args[1][0], radix: base).utf8)
    case .strconvAppendBool: text = Array((args[1][0] & 1 != 0 ? "true" : "false").utf8)
    case .strconvAppendQuote:
      let s = try string(args[1])
      // appendQuotedWith's preallocation: room for the quotes and s, when dst lacks room for s.
      if Int(dst[2]) - Int(dst[1]) < s.count { try remakeByteSlice(dst, capacity: Int(dst[1]) + 1 + s.count + 1) }
      GoStrconv.appendQuoted(&text, s, quote: UInt8(ascii: "\""), asciiOnly: false)
    case .strconvAppendFloat:
      let f = Double(bitPattern: args[1][0])
      let fmt = UInt8(truncatingIfNeeded: args[2][0])
      let prec = Int(Int64(bitPattern: args[3][0]))
      let bitSize = Int(Int64(bitPattern: args[4][0]))
      guard bitSize == 32 || bitSize == 64 else {
        let which = heap.profile.version >= GoVersion(1, 26) ? "AppendFloat" : "AppendFloat/FormatFloat"
        throw VMTrap(kind: .goPanic("strconv: illegal \(which) bitSize"))
      }
      if prec > 1 << 24 { throw SimulationLimit("strconv.AppendFloat with a precision of \(prec) digits (gcsh formats up to \(1 << 24))") }
      GoStrconv.appendFloat(&text, bitSize == 32 ? Double(Float(f)) : f, fmt, prec, bitSize == 32 ? 32 : 64)
    default: return
    }
    try appendBytes(dst, text)
    if let out = result() { (out[0], out[1], out[2]) = (dst[0], dst[1], dst[2]) }
  }

  /// `dst = append(dst, bytes...)` on a []byte held in three words, grown as growslice grows it.
  func appendBytes(_ dst: UnsafeMutablePointer<UInt64>, _ bytes: [UInt8]) throws {
    guard !bytes.isEmpty else { return }
    let (length, capacity) = (Int(dst[1]), Int(dst[2]))
    if length + bytes.count > capacity {
      try remakeByteSlice(dst, capacity: try growsliceCapacity(old: capacity, needed: length + bytes.count, elem: .uint8))
    }
    try write(bytes, at: dst[0] &+ UInt64(length))
    dst[1] = UInt64(length + bytes.count)
  }

  /// A new array of `capacity` bytes for the []byte in `dst` (make's, or growslice's), its bytes
  /// copied over.
  private func remakeByteSlice(_ dst: UnsafeMutablePointer<UInt64>, capacity: Int) throws {
    let fresh = try heap.allocateSlice(of: .uint8, len: capacity, cap: capacity)
    inFlight.append(fresh)
    if dst[1] > 0 { try copyMemory(to: fresh, from: dst[0], Int(dst[1])) }
    (dst[0], dst[2]) = (fresh, UInt64(capacity))
  }

  /// strconv.Unquote (quote.go unquote with unescape, then `len(rem) > 0` is ErrSyntax).
  private func unquote(_ s: UnsafeMutablePointer<UInt64>, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let data = s[0]
    let input = try string(s)
    func done(_ ptr: UInt64, _ n: Int, failed: Bool) {
      guard let out = result() else { return }
      if failed {
        (out[0], out[1]) = (0, 0)
        (out[2], out[3]) = strconvError(.strconvErrSyntax)
      } else {
        (out[0], out[1], out[2], out[3]) = (ptr, UInt64(n), 0, 0)
      }
    }
    guard input.count >= 2, let q = input.first, let closing = input.dropFirst().firstIndex(of: q) else {
      return done(0, 0, failed: true)
    }
    let end = closing + 1  // just past the first closing quote found
    switch q {
    case UInt8(ascii: "`"):
      // A raw string: its text, without the '\r's (then a new string).
      guard end == input.count else { return done(0, 0, failed: true) }
      let body = input[1..<(end - 1)]
      if !body.contains(13) { return done(data &+ 1, body.count, failed: false) }
      let kept = Array(body.filter { $0 != 13 })
      try unquotedString(kept, appends: kept.map { _ in 1 }, buffer: end - 3, into: result)
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      let body = Array(input[1..<(end - 1)])
      if !body.contains(UInt8(ascii: "\\")), !body.contains(10) {
        let valid: Bool
        if q == UInt8(ascii: "\"") {
          valid = String(validating: body, as: UTF8.self) != nil
        } else {
          let (r, n) = body.isEmpty ? (Int32(0xFFFD), 0) : GoUTF8.decodeRune(body, 0)
          valid = 1 + n + 1 == end && (r != 0xFFFD || n != 1)
        }
        if valid {
          guard end == input.count else { return done(0, 0, failed: true) }
          return done(data &+ 1, body.count, failed: false)
        }
      }
      // With escapes: each character through UnquoteChar, into buf.
      var out: [UInt8] = []
      var appends: [Int] = []
      var rest = input[1...]
      while let c = rest.first, c != q {
        guard c != 10, let (r, multibyte, tail) = Self.unquoteChar(rest, quote: q) else { return done(0, 0, failed: true) }
        rest = tail
        let before = out.count
        if r < 0x80 || !multibyte { out.append(UInt8(truncatingIfNeeded: r)) } else { GoUTF8.appendRune(&out, r) }
        appends.append(out.count - before)
        if q == UInt8(ascii: "'") { break }
      }
      guard rest.first == q, rest.count == 1 else { return done(0, 0, failed: true) }
      try unquotedString(out, appends: appends, buffer: 3 * end / 2, into: result)
    default: done(0, 0, failed: true)
    }
  }

  /// Unquote's result built in `buf := make([]byte, 0, buffer)`: that buffer (in the frame up to
  /// 32 bytes from Go 1.25, else on the heap), grown by its appends (one per character, of
  /// `appends` bytes each) as growslice grows it, then string(buf).
  private func unquotedString(_ bytes: [UInt8], appends: [Int], buffer: Int, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    var capacity = buffer
    let inFrame = heap.profile.version >= GoVersion(1, 25) && buffer <= 32
    if !inFrame && buffer > 0 { _ = try heap.allocate(.uint8, count: buffer) }
    var length = 0
    for n in appends {
      length += n
      if length > capacity {
        capacity = grownCapacity(old: capacity, needed: length, elem: .uint8)
        _ = try heap.allocate(.uint8, count: capacity)
      }
    }
    guard let out = result() else { return }
    if bytes.count == 1 {
      (out[0], out[1]) = (session.staticBytesAddress &+ UInt64(bytes[0]) &* 8, 1)
    } else {
      try newString(bytes, into: out)
    }
    (out[2], out[3]) = (0, 0)
  }

  /// quote.go UnquoteChar: the first character of `s` (a literal's body), decoded: its value,
  /// whether it is a multi-byte UTF-8 character, and the rest; nil for a syntax error.
  static func unquoteChar(_ s: ArraySlice<UInt8>, quote: UInt8) -> (Int32, Bool, ArraySlice<UInt8>)? {
    guard let c = s.first else { return nil }
    if c == quote && (quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"")) { return nil }
    if c >= 0x80 {
      let (r, size) = GoUTF8.decodeRune(Array(s.prefix(4)), 0)
      return (r, true, s.dropFirst(size))
    }
    if c != UInt8(ascii: "\\") { return (Int32(c), false, s.dropFirst()) }
    guard s.count > 1 else { return nil }
    let e = s[s.startIndex + 1]
    var rest = s.dropFirst(2)
    switch e {
    case UInt8(ascii: "a"): return (7, false, rest)
    case UInt8(ascii: "b"): return (8, false, rest)
    case UInt8(ascii: "f"): return (12, false, rest)
    case UInt8(ascii: "n"): return (10, false, rest)
    case UInt8(ascii: "r"): return (13, false, rest)
    case UInt8(ascii: "t"): return (9, false, rest)
    case UInt8(ascii: "v"): return (11, false, rest)
    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
      let n = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
      guard rest.count >= n else { return nil }
      var v: Int32 = 0
      for d in rest.prefix(n) {
        guard let x = Character(Unicode.Scalar(d)).hexDigitValue else { return nil }
        v = v << 4 | Int32(x)
      }
      rest = rest.dropFirst(n)
      // \x is one byte, possibly not UTF-8; \u and \U a valid rune.
      if e == UInt8(ascii: "x") { return (v, false, rest) }
      guard v <= 0x10FFFF, !(0xD800...0xDFFF).contains(v) else { return nil }
      return (v, true, rest)
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      var v = Int32(e) - 48
      guard rest.count >= 2 else { return nil }
      for d in rest.prefix(2) {
        let x = Int32(d) - 48
        guard (0...7).contains(x) else { return nil }
        v = v << 3 | x
      }
      guard v <= 255 else { return nil }
      return (v, false, rest.dropFirst(2))
    case UInt8(ascii: "\\"): return (92, false, rest)
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      guard e == quote else { return nil }
      return (Int32(e), false, rest)
    default: return nil
    }
  }
}
