// strconv.Itoa / FormatInt and strings.Repeat, with the allocations the real functions make
// (Go 1.27.3 internal/strconv/itoa.go and strings/strings.go; Go 1.19.8 strconv/itoa.go and
// strings/strings.go; measured in Tests/Recordings/runs/strconvrepeat).

import GoHeap

extension VM {
  /// FormatInt(i, base) and FormatUint (`unsigned`: the word is a uint64): a decimal 0..99 is a
  /// piece of the package's constant table (small), nothing allocated; any other result is
  /// `string(a[i:])` of a buffer in the frame (formatBits) — a new string on the heap (FormatInt
  /// returns it), or for one byte the runtime's staticuint64s.
  func formatInt(_ i: Int64, base: Int, into result: UnsafeMutablePointer<UInt64>?) throws {
    try formatInt(UInt64(bitPattern: i), base: base, into: result, unsigned: false)
  }

  func formatInt(
    _ word: UInt64, base: Int, into result: UnsafeMutablePointer<UInt64>?, unsigned: Bool
  ) throws {
    guard (2...36).contains(base) else { throw VMTrap(kind: .goPanic("strconv: illegal AppendInt/FormatInt base")) }
    let text = Array((unsigned ? String(word, radix: base) : String(Int64(bitPattern: word), radix: base)).utf8)
    guard let result else { return }
    if base == 10 && (unsigned ? word < 100 : (0..<100).contains(Int64(bitPattern: word))) {
      result[0] = session.rodataAddress(of: text)
      result[1] = UInt64(text.count)
    } else if text.count == 1 {
      (result[0], result[1]) = (session.staticBytesAddress &+ UInt64(text[0]) &* 8, 1)
    } else {
      try newString(text, into: result)
    }
  }

  /// Go 1.27's strings.Repeat returns a prefix of one of these constants when the result is one
  /// (strings.go repeatedSpaces and its siblings), allocating nothing.
  private static let repeatedConstants: [[UInt8]] = [
    Array(String(repeating: " ", count: 128).utf8), Array(String(repeating: "-", count: 128).utf8),
    Array(String(repeating: "0", count: 64).utf8), Array(String(repeating: "=", count: 128).utf8),
    Array(String(repeating: "\t", count: 64).utf8),
  ]

  /// strings.Repeat(s, count): "" for 0; Go 1.27: s itself for 1, a constant's prefix for
  /// runs of spaces, dashes, zeroes, equals signs or tabs; else a Builder grown once to the
  /// whole length (one noscan allocation, Builder.Grow) and filled by doubling copies, as the
  /// real function fills it (8 KiB chunks past 8 KiB in Go 1.27).
  func repeatString(_ s: UnsafeMutablePointer<UInt64>, _ count: Int, into result: UnsafeMutablePointer<UInt64>?) throws {
    // The go1.27 profile runs Go 1.27.3's Repeat; go1.19 (and go1.0, unchecked: Go 1.0's Repeat
    // made a []byte and converted it, two allocations) Go 1.19.8's.
    let go127 = heap.profile.version > GoVersion(1, 19)
    let (data, length) = (s[0], Int(s[1]))
    func done(_ a: UInt64, _ n: Int) {
      if let result { (result[0], result[1]) = (n == 0 ? 0 : a, UInt64(n)) }
    }
    if count == 0 { return done(0, 0) }
    if go127 && count == 1 { return done(data, length) }
    if count < 0 { throw VMTrap(kind: .goPanic("strings: negative Repeat count")) }
    let (n, overflow) = length.multipliedReportingOverflow(by: count)
    if overflow {
      throw VMTrap(kind: .goPanic(go127 ? "strings: Repeat output length overflow" : "strings: Repeat count causes overflow"))
    }
    if n == 0 { return done(0, 0) }
    if go127 {
      switch try bytes(data, 1)[0] {
      case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "0"), UInt8(ascii: "="), UInt8(ascii: "\t"):
        let s = try bytes(data, length)
        for c in Self.repeatedConstants where n <= c.count && c.starts(with: s) {
          return done(session.rodataAddress(of: c), n)
        }
      default: break
      }
    }
    let chunkMax = go127 && n > 8192 ? max(length, 8192 / length * length) : n
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { out.deallocate() }
    try newString(count: n, into: out) { a in
      try self.copyMemory(to: a, from: data, length)
      var filled = length
      while filled < n {
        let chunk = min(n - filled, filled, chunkMax)
        try self.copyMemory(to: a &+ UInt64(filled), from: a, chunk)
        filled += chunk
      }
    }
    done(out[0], n)
  }
}
