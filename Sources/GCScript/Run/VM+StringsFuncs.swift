// strings' searching, trimming, splitting, joining, case-mapping and replacing functions, run as
// strings/strings.go runs them (Go 1.27.3 and 1.19.8; where the two differ, each as its own), on
// the simulated heap. What each allocates is what a learner sees in MemStats:
//
//   - The searches (Contains, ContainsRune, HasPrefix, HasSuffix, Index, IndexByte, LastIndex,
//     Compare) allocate nothing.
//   - The trims (TrimSpace, TrimPrefix, TrimSuffix) return a substring of s: no allocation, and
//     the result keeps s's whole backing array alive, as a sub-slice does.
//   - Split and Fields allocate one []string (genSplit's and Fields' `make([]string, n)`, n
//     counted first) whose elements are substrings of s; Fields of a string with non-ASCII bytes
//     goes through FieldsFunc, whose span list lives in its frame up to 32 fields and grows on
//     the heap past them.
//   - Join, ToUpper/ToLower of ASCII text with something to change, and Replace with something
//     to replace allocate their result once, through a strings.Builder grown to the exact size
//     (Builder.Grow: Go 1.21+'s bytealg.MakeNoZero, Go 1.19's make); when there is nothing to do
//     they return s (or elems[0]) itself. ToUpper/ToLower of non-ASCII text is Map's: a buffer
//     of len(s)+4 bytes at the first rune that changes, grown as append grows it if the mapped
//     text is longer.
// Recorded: Tests/Recordings/runs/stringsfuncs (every function's result and Mallocs/TotalAlloc).
// Case mapping of a non-ASCII rune uses Unicode's simple mapping where Swift gives it (the full
// mapping when it is one scalar), as unicode.ToUpper/ToLower do.

import GoHeap

extension VM {
  func stringsFunction(
    _ b: Builtin, _ args: [UnsafeMutablePointer<UInt64>], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    if b == .stringsMap { return try mapRunes(args[1], function: args[0][0], into: result) }
    let data = args[0][0]
    let s = b == .stringsJoin ? [] : try string(args[0])
    /// A string result: s[lo:hi] (Go's slicing keeps the base pointer for an empty result), or a
    /// given address and length.
    func returnString(_ ptr: UInt64, _ n: Int) {
      if let out = result() { (out[0], out[1]) = (ptr, UInt64(n)) }
    }
    func substring(_ lo: Int, _ hi: Int) { returnString(hi > lo ? data &+ UInt64(lo) : data, hi - lo) }
    func returnInt(_ v: Int) { result()?[0] = UInt64(bitPattern: Int64(v)) }
    func returnBool(_ v: Bool) { result()?[0] = v ? 1 : 0 }
    func arg(_ k: Int) throws -> [UInt8] { try string(args[k]) }
    switch b {
    case .stringsContains: returnBool(Self.index(s, try arg(1)) >= 0)
    case .stringsContainsRune: returnBool(Self.indexRune(s, Int32(truncatingIfNeeded: Int64(bitPattern: args[1][0]))) >= 0)
    case .stringsHasPrefix: returnBool(s.starts(with: try arg(1)))
    case .stringsHasSuffix: returnBool(Self.hasSuffix(s, try arg(1)))
    case .stringsIndex: returnInt(Self.index(s, try arg(1)))
    case .stringsIndexByte: returnInt(s.firstIndex(of: UInt8(truncatingIfNeeded: args[1][0])) ?? -1)
    case .stringsLastIndex: returnInt(Self.lastIndex(s, try arg(1)))
    case .stringsCompare:
      let t = try arg(1)
      returnInt(s == t ? 0 : (s.lexicographicallyPrecedes(t) ? -1 : 1))
    case .stringsTrimPrefix:
      let t = try arg(1)
      s.starts(with: t) ? substring(t.count, s.count) : returnString(data, s.count)
    case .stringsTrimSuffix:
      let t = try arg(1)
      Self.hasSuffix(s, t) ? substring(0, s.count - t.count) : returnString(data, s.count)
    case .stringsTrimSpace:
      let (lo, hi, empty) = Self.trimSpace(s)
      empty ? returnString(0, 0) : substring(lo, hi)
    case .stringsSplit: try split(s, data, sep: try arg(1), into: result)
    case .stringsSplitN: try split(s, data, sep: try arg(1), n: Int(Int64(bitPattern: args[2][0])), into: result)
    case .stringsTrim, .stringsTrimLeft, .stringsTrimRight:
      let cutset = try arg(1)
      var (lo, hi) = (0, s.count)
      if !s.isEmpty && !cutset.isEmpty {
        if b != .stringsTrimRight { lo = Self.trimLeft(s, cutset) }
        if b != .stringsTrimLeft { hi = max(lo, Self.trimRight(s, lo, cutset)) }
      }
      substring(lo, hi)
    case .stringsCut:
      let sep = try arg(1)
      let i = Self.index(s, sep)
      guard let out = result() else { return }
      if i >= 0 {
        let after = i + sep.count
        (out[0], out[1]) = (data, UInt64(i))
        (out[2], out[3]) = (after < s.count ? data &+ UInt64(after) : data &+ UInt64(s.count), UInt64(s.count - after))
        out[4] = 1
      } else {
        (out[0], out[1], out[2], out[3], out[4]) = (data, UInt64(s.count), 0, 0, 0)
      }
    case .stringsIndexAny: returnInt(Self.indexAny(s, try arg(1)))
    case .stringsLastIndexAny: returnInt(Self.lastIndexAny(s, try arg(1)))
    case .stringsContainsAny: returnInt(Self.indexAny(s, try arg(1)) >= 0 ? 1 : 0)
    case .stringsLastIndexByte: returnInt(s.lastIndex(of: UInt8(truncatingIfNeeded: args[1][0])) ?? -1)
    case .stringsIndexRune: returnInt(Self.indexRune(s, Int32(truncatingIfNeeded: Int64(bitPattern: args[1][0]))))
    case .stringsTitle: try title(s, data, into: result)
    case .stringsFieldsFunc: try fields(s, data, function: args[1][0], into: result)
    case .stringsFields: try fields(s, data, into: result)
    case .stringsIndexFunc: returnInt(try indexFunc(s, args[1][0], truth: true, b))
    case .stringsLastIndexFunc: returnInt(try lastIndexFunc(s, args[1][0], truth: true, b))
    case .stringsTrimLeftFunc, .stringsTrimFunc, .stringsTrimRightFunc:
      // TrimLeftFunc: s[i:] from the first rune f rejects, "" if there is none. TrimRightFunc:
      // s[:j] up to and including the last rune f rejects (s[0:0] if there is none).
      // TrimFunc is TrimRightFunc(TrimLeftFunc(s, f), f): the left end first, then the right
      // end of what is left, searched from its end.
      var lo = 0
      if b != .stringsTrimRightFunc {
        lo = try indexFunc(s, args[1][0], truth: false, b)
        if lo < 0 { return returnString(0, 0) }
      }
      if b == .stringsTrimLeftFunc { return substring(lo, s.count) }
      let rest = Array(s[lo...])
      let i = try lastIndexFunc(rest, args[1][0], truth: false, b)
      let end = i >= 0 && rest[i] >= 0x80 ? i + GoUTF8.decodeRune(rest, i).1 : i + 1
      // (An empty s[lo:][0:0] keeps s[lo:]'s pointer, as Go's slicing does.)
      end == 0 ? returnString(data &+ UInt64(lo), 0) : substring(lo, lo + end)
    case .stringsJoin: try join(args[0], sep: try arg(1), into: result)
    case .stringsToUpper, .stringsToLower:
      try mapCase(s, data, upper: b == .stringsToUpper, into: result)
    case .stringsReplace, .stringsReplaceAll:
      let n = b == .stringsReplace ? Int(Int64(bitPattern: args[3][0])) : -1
      try replace(s, data, old: try arg(1), new: try arg(2), n: n, into: result)
    default: return
    }
  }

  // MARK: Searching (stringslite / bytealg, by their results)

  /// strings.Index: the first instance of sub in s[from...], as an offset from `from`, or -1 (0
  /// for an empty sub).
  static func index(_ s: [UInt8], _ sub: [UInt8], from: Int = 0) -> Int {
    if sub.isEmpty { return 0 }
    if sub.count > s.count - from { return -1 }
    let first = sub[0]
    var i = from
    while i <= s.count - sub.count {
      if s[i] == first && s[i..<(i + sub.count)].elementsEqual(sub) { return i - from }
      i += 1
    }
    return -1
  }

  static func hasSuffix(_ s: [UInt8], _ t: [UInt8]) -> Bool {
    t.count <= s.count && s[(s.count - t.count)...].elementsEqual(t)
  }

  /// strings.LastIndex: the last instance of sub in s, or -1 (len(s) for an empty sub).
  static func lastIndex(_ s: [UInt8], _ sub: [UInt8]) -> Int {
    if sub.isEmpty { return s.count }
    if sub.count > s.count { return -1 }
    var i = s.count - sub.count
    while i >= 0 {
      if s[i..<(i + sub.count)].elementsEqual(sub) { return i }
      i -= 1
    }
    return -1
  }

  /// strings.IndexRune: an ASCII rune is a byte search; RuneError finds the first invalid
  /// encoding or U+FFFD itself; a rune that is not valid finds nothing; any other its encoding.
  static func indexRune(_ s: [UInt8], _ r: Int32) -> Int {
    if 0 <= r && r < GoUTF8.runeSelf { return s.firstIndex(of: UInt8(r)) ?? -1 }
    if r == GoUTF8.runeError {
      var i = 0
      while i < s.count {
        let (c, w) = GoUTF8.decodeRune(s, i)
        if c == GoUTF8.runeError { return i }
        i += w
      }
      return -1
    }
    if !GoUTF8.validRune(r) { return -1 }
    var encoded: [UInt8] = []
    GoUTF8.appendRune(&encoded, r)
    return index(s, encoded)
  }

  // MARK: Title

  /// strings.Title: Map with a function that title-cases each letter after a separator
  /// (isSeparator: ASCII other than letters, digits and `_`; above ASCII, what is not a letter
  /// or digit but a space). Map makes its Builder at the first rune that changes (or an invalid
  /// byte, which becomes U+FFFD) with Grow(len(s)+utf8.UTFMax) — one allocation — and returns
  /// s itself when none does (Tests/Recordings/runs/stringsmore).
  private func title(_ s: [UInt8], _ data: UInt64, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    func isSeparator(_ r: Int32) -> Bool {
      if r <= 0x7F {
        return !((0x30...0x39).contains(r) || (0x61...0x7A).contains(r) || (0x41...0x5A).contains(r) || r == 0x5F)
      }
      if UnicodeFunctions.call(.unicodeIsLetter, r) == 1 || UnicodeFunctions.call(.unicodeIsDigit, r) == 1 { return false }
      return UnicodeFunctions.call(.unicodeIsSpace, r) == 1
    }
    var prev: Int32 = 0x20
    var out: [UInt8] = []
    var changed = false
    var i = 0
    while i < s.count {
      let (c, w) = GoUTF8.decodeRune(s, i)
      var r = c
      if isSeparator(prev) { r = Int32(truncatingIfNeeded: UnicodeFunctions.call(.unicodeToTitle, c)) }
      prev = c
      if !changed && (r != c || (c == GoUTF8.runeError && w == 1)) {
        changed = true
        out = Array(s[..<i])
      }
      if changed { GoUTF8.appendRune(&out, r) }
      i += w
    }
    guard changed else {
      if let o = result() { (o[0], o[1]) = (data, UInt64(s.count)) }
      return
    }
    // b.Grow(len(s) + utf8.UTFMax), then append's growth should the runes have grown past it.
    var capacity = s.count + 4
    var buffer = try heap.allocate(.uint8, count: capacity)
    if out.count > capacity {
      inFlight.append(buffer)
      defer { inFlight.removeLast() }
      capacity = grownCapacity(old: capacity, needed: out.count, elem: .uint8)
      buffer = try heap.allocate(.uint8, count: capacity)
    }
    try write(out, at: buffer)
    if let o = result() { (o[0], o[1]) = (buffer, UInt64(out.count)) }
  }

  // MARK: Trimming

  /// The runes of a cutset (an invalid byte is RuneError, as ranging over it gives).
  private static func runes(_ s: [UInt8]) -> Set<Int32> {
    var set: Set<Int32> = []
    var i = 0
    while i < s.count {
      let (r, w) = GoUTF8.decodeRune(s, i)
      set.insert(r)
      i += w
    }
    return set
  }

  /// Trim's and TrimLeft's start (strings.go trimLeftByte, trimLeftASCII, trimLeftUnicode: the
  /// same answer by runes: an invalid byte is RuneError, in the cutset when it has one).
  static func trimLeft(_ s: [UInt8], _ cutset: [UInt8]) -> Int {
    let set = runes(cutset)
    var i = 0
    while i < s.count {
      let (r, w) = GoUTF8.decodeRune(s, i)
      guard set.contains(r) else { break }
      i += w
    }
    return i
  }

  /// TrimRight's end: the last rune first (utf8.DecodeLastRuneInString), down to `lo`.
  static func trimRight(_ s: [UInt8], _ lo: Int, _ cutset: [UInt8]) -> Int {
    let set = runes(cutset)
    var hi = s.count
    while hi > lo {
      // The start of the last rune: back over continuation bytes, at most 3.
      var start = hi - 1
      while start > max(lo, hi - 4) && s[start] & 0xC0 == 0x80 { start -= 1 }
      var (r, w) = GoUTF8.decodeRune(Array(s[start..<hi]), 0)
      if start + w != hi {
        // Not one rune ending at hi: the last byte alone is invalid.
        (r, w) = (GoUTF8.runeError, 1)
        start = hi - 1
      }
      guard set.contains(r) else { break }
      hi = start
    }
    return hi
  }

  /// IndexAny: the first rune of s that is in chars (-1: none, or chars empty).
  static func indexAny(_ s: [UInt8], _ chars: [UInt8]) -> Int {
    if chars.isEmpty { return -1 }
    let set = runes(chars)
    var i = 0
    while i < s.count {
      let (r, w) = GoUTF8.decodeRune(s, i)
      if set.contains(r) { return i }
      i += w
    }
    return -1
  }

  /// strings.LastIndexAny: the start of the last rune of s that is in chars, stepping back as
  /// utf8.DecodeLastRuneInString does (a bad byte is U+FFFD, in chars when chars has a bad
  /// byte or U+FFFD: IndexRune's RuneError case). strings.go's ASCII-set and one-byte fast
  /// paths give the same answers.
  static func lastIndexAny(_ s: [UInt8], _ chars: [UInt8]) -> Int {
    if chars.isEmpty { return -1 }
    let set = runes(chars)
    var i = s.count
    while i > 0 {
      let (r, w) = GoUTF8.decodeLastRune(s, end: i)
      i -= w
      if set.contains(r) { return i }
    }
    return -1
  }

  /// strings.go asciiSpace: '\t', '\n', '\v', '\f', '\r', ' '.
  static func isASCIISpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

  /// unicode.IsSpace: Latin-1's six ASCII spaces, U+0085 and U+00A0; above, Unicode's White_Space.
  static func isSpace(_ r: Int32) -> Bool {
    if r <= 0xFF { return r == 0x20 || (0x09...0x0D).contains(r) || r == 0x85 || r == 0xA0 }
    return Unicode.Scalar(UInt32(r))?.properties.isWhitespace ?? false
  }

  /// strings.TrimSpace's bounds: ASCII spaces skipped from both ends until a non-ASCII byte, then
  /// TrimFunc(unicode.IsSpace) over what is left (TrimLeftFunc returns "" when nothing is left:
  /// `empty`).
  static func trimSpace(_ s: [UInt8]) -> (Int, Int, empty: Bool) {
    var start = 0
    while start < s.count {
      let c = s[start]
      if c >= 0x80 { return trimFunc(s, start, s.count) }
      if !isASCIISpace(c) { break }
      start += 1
    }
    var stop = s.count
    while stop > start {
      let c = s[stop - 1]
      if c >= 0x80 { return trimRightFunc(s, start, stop) }
      if !isASCIISpace(c) { break }
      stop -= 1
    }
    return (start, stop, false)
  }

  /// TrimFunc(s[lo:hi], unicode.IsSpace) = TrimRightFunc(TrimLeftFunc(...)).
  private static func trimFunc(_ s: [UInt8], _ lo: Int, _ hi: Int) -> (Int, Int, empty: Bool) {
    var i = lo
    while i < hi {
      let (r, w) = GoUTF8.decodeRune(s, i)
      if !isSpace(r) { return trimRightFunc(s, i, hi) }
      i += w
    }
    return (0, 0, true)
  }

  /// TrimRightFunc(s[lo:hi], unicode.IsSpace): s[lo:lo+i] past the last rune that is not a space.
  private static func trimRightFunc(_ s: [UInt8], _ lo: Int, _ hi: Int) -> (Int, Int, empty: Bool) {
    let t = Array(s[lo..<hi])
    var end = 0
    var i = 0
    while i < t.count {
      let (r, w) = GoUTF8.decodeRune(t, i)
      if !isSpace(r) { end = i + w }
      i += w
    }
    return (lo, lo + end, false)
  }

  // MARK: Splitting

  /// A new []string of `pieces.count` elements (makeslice: the capacity is that count; zerobase
  /// for none) holding the pieces (address and length: substrings, or explode's RuneError
  /// constant), of which the first `len` are the result's.
  private func newStringSlice(
    _ pieces: [(ptr: UInt64, len: Int)], len: Int, into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let n = pieces.count
    let a = n == 0 ? GoRuntime.zeroBaseAddress : try heap.allocateSlice(of: .string, len: n, cap: n)
    if n > 0 {
      inFlight.append(a)
      defer { inFlight.removeLast() }
      for (k, p) in pieces.enumerated() {
        try store(a &+ UInt64(16 * k), p.ptr, 8)
        try store(a &+ UInt64(16 * k + 8), UInt64(p.len), 8)
      }
    }
    if let out = result() { (out[0], out[1], out[2]) = (a, UInt64(len), UInt64(n)) }
  }

  /// strings.Split and SplitN (genSplit): n elements at most (n < 0: Count(s, sep)+1), and at
  /// most len(s)+1, the last the rest of s; none for n == 0 (nil); or, for an empty sep,
  /// explode: one per rune, at most n (Go 1.19 puts the constant "\uFFFD" for each invalid
  /// byte).
  private func split(
    _ s: [UInt8], _ data: UInt64, sep: [UInt8], n limit: Int = -1, into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    func piece(_ lo: Int, _ hi: Int) -> (ptr: UInt64, len: Int) { (hi > lo ? data &+ UInt64(lo) : data, hi - lo) }
    var pieces: [(ptr: UInt64, len: Int)] = []
    if limit == 0 {
      if let out = result() { (out[0], out[1], out[2]) = (0, 0, 0) }
      return
    }
    if sep.isEmpty {
      let runes = GoUTF8.runeCount(s)
      let n = limit < 0 || limit > runes ? runes : limit
      var i = 0
      for k in 0..<n {
        if k == n - 1 {
          pieces.append(piece(i, s.count))
          break
        }
        let (r, w) = GoUTF8.decodeRune(s, i)
        if r == GoUTF8.runeError && heap.profile.version < GoVersion(1, 20) {
          pieces.append((session.rodataAddress(of: [0xEF, 0xBF, 0xBD]), 3))
        } else {
          pieces.append(piece(i, i + w))
        }
        i += w
      }
      return try newStringSlice(pieces, len: n, into: result)
    }
    let n = min(limit < 0 ? stringsCount(s, sep) + 1 : limit, s.count + 1)
    var start = 0
    while pieces.count < n - 1 {
      let m = Self.index(s, sep, from: start)
      if m < 0 { break }
      pieces.append(piece(start, start + m))
      start += m + sep.count
    }
    pieces.append(piece(start, s.count))
    let used = pieces.count
    while pieces.count < n { pieces.append((0, 0)) }
    try newStringSlice(pieces, len: used, into: result)
  }

  /// strings.Fields: ASCII text counts its fields, then fills a []string of exactly that many;
  /// text with a non-ASCII byte goes through FieldsFunc(s, unicode.IsSpace), whose spans
  /// (16 B each) sit in its frame up to 32 and grow on the heap as append grows them past that.
  /// strings.Fields, and FieldsFunc(s, f) (`function`: f's func value). ASCII text for Fields
  /// counts its fields, then fills a []string of exactly that many; other text goes through
  /// FieldsFunc (with unicode.IsSpace for Fields), which calls f once per rune, in order, and
  /// records spans (16 B each) in its frame up to 32, growing them on the heap as append grows
  /// them past that, when the 33rd, 65th, ... is appended.
  private func fields(
    _ s: [UInt8], _ data: UInt64, function: UInt64? = nil, into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    func piece(_ lo: Int, _ hi: Int) -> (ptr: UInt64, len: Int) { (data &+ UInt64(lo), hi - lo) }
    var spans: [(Int, Int)] = []
    if function == nil && s.allSatisfy({ $0 < 0x80 }) {
      var i = 0
      while i < s.count {
        while i < s.count && Self.isASCIISpace(s[i]) { i += 1 }
        let start = i
        while i < s.count && !Self.isASCIISpace(s[i]) { i += 1 }
        if i > start { spans.append((start, i)) }
      }
    } else {
      var capacity = 32
      func add(_ span: (Int, Int)) throws {
        if spans.count == capacity {
          // The span list's growth past its 32 in-frame slots: a new heap array, the old one
          // garbage.
          capacity = grownCapacity(old: capacity, needed: capacity + 1, elem: Self.spanType)
          _ = try heap.allocateSlice(of: Self.spanType, len: capacity, cap: capacity)
        }
        spans.append(span)
      }
      func separates(_ r: Int32) throws -> Bool {
        guard let f = function else { return Self.isSpace(r) }
        let answer = try callFuncValue(
          f, arguments: [UInt64(bitPattern: Int64(r))], resultWords: 1, what: "strings.FieldsFunc called its function")
        return answer[0] & 1 != 0
      }
      var start = -1
      var i = 0
      while i < s.count {
        let (r, w) = GoUTF8.decodeRune(s, i)
        if try separates(r) {
          if start >= 0 {
            try add((start, i))
            start = -1
          }
        } else if start < 0 {
          start = i
        }
        i += w
      }
      if start >= 0 { try add((start, s.count)) }
    }
    try newStringSlice(spans.map { piece($0.0, $0.1) }, len: spans.count, into: result)
  }

  /// strings.Map (strings.go, the same in Go 1.19.8 and 1.27.3): the function is called once
  /// per rune, in order. Until it first changes a rune nothing is built, and if it never does,
  /// s itself comes back. At the first change a Builder is grown to len(s)+utf8.UTFMax, then
  /// written rune by rune (a mapping to a negative rune drops it), growing as its writes grow
  /// it (builderGrowth); String() is the buffer itself. The buffer is a root while the
  /// program's function runs (it may allocate, and a collection must not free it).
  private func mapRunes(_ sSlots: UnsafeMutablePointer<UInt64>, function f: UInt64, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let data = sSlots[0]
    let s = try string(sSlots)
    func mapping(_ r: Int32) throws -> Int32 {
      let answer = try callFuncValue(f, arguments: [UInt64(bitPattern: Int64(r))], resultWords: 1, what: "strings.Map called its function")
      return Int32(truncatingIfNeeded: answer[0])
    }
    var b = GrowingBytes()
    defer { unroot(b) }
    /// The Builder's writes: its buffer grown first when they do not fit.
    func write(_ bytes: [UInt8], rune: Bool, growTo wanted: Int? = nil) throws {
      if let grown = wanted ?? builderGrowth(capacity: b.capacity, length: b.bytes.count, writing: bytes.count, rune: rune) {
        try regrow(&b, to: builderArrayCapacity(grown))
      }
      b.bytes += bytes
    }
    var i = 0
    var changed = false
    while i < s.count {
      let (c, w) = GoUTF8.decodeRune(s, i)
      let r = try mapping(c)
      // An unchanged rune is skipped; so is a U+FFFD written in the text (not an invalid byte).
      if r == c && (c != 0xFFFD || w != 1) {
        i += w
        continue
      }
      // b.Grow(len(s) + utf8.UTFMax), then the text before the change, then the new rune.
      try write(Array(s[..<i]), rune: false, growTo: s.count + 4)
      if r >= 0 {
        var rb: [UInt8] = []
        GoUTF8.appendRune(&rb, r)
        try write(rb, rune: true)
      }
      i += w
      changed = true
      break
    }
    guard changed else {
      if let out = result() { (out[0], out[1]) = (data, UInt64(s.count)) }
      return
    }
    while i < s.count {
      let (c, w) = GoUTF8.decodeRune(s, i)
      let r = try mapping(c)
      if r >= 0 {
        // WriteByte for ASCII, WriteRune for the rest.
        var rb: [UInt8] = []
        GoUTF8.appendRune(&rb, r)
        try write(rb, rune: r >= 0x80)
      }
      i += w
    }
    try self.write(b.bytes, at: b.array)
    if let out = result() { (out[0], out[1]) = (b.array, UInt64(b.bytes.count)) }
  }

  /// strings.indexFunc: the byte index of the first rune for which f returns `truth`, or -1.
  /// f is called once per rune, from the start, until then.
  private func indexFunc(_ s: [UInt8], _ f: UInt64, truth: Bool, _ caller: Builtin) throws -> Int {
    var i = 0
    while i < s.count {
      let (r, w) = GoUTF8.decodeRune(s, i)
      if try predicate(f, r, caller) == truth { return i }
      i += w
    }
    return -1
  }

  /// strings.lastIndexFunc: the same from the end, rune by rune as utf8.DecodeLastRuneInString
  /// steps back (a bad byte is one U+FFFD).
  private func lastIndexFunc(_ s: [UInt8], _ f: UInt64, truth: Bool, _ caller: Builtin) throws -> Int {
    var i = s.count
    while i > 0 {
      let (r, w) = GoUTF8.decodeLastRune(s, end: i)
      i -= w
      if try predicate(f, r, caller) == truth { return i }
    }
    return -1
  }

  private func predicate(_ f: UInt64, _ r: Int32, _ caller: Builtin) throws -> Bool {
    let answer = try callFuncValue(
      f, arguments: [UInt64(bitPattern: Int64(r))], resultWords: 1, what: "\(caller.rawValue) called its function")
    return answer[0] & 1 != 0
  }

  /// FieldsFunc's `span{start, end int}`.
  private static let spanType = GoType.structure([("start", .int), ("end", .int)], name: "strings.span")

  // MARK: Joining, mapping, replacing (a Builder grown once)

  /// The result of a strings.Builder grown to exactly `bytes.count` and filled: one allocation
  /// of that many bytes (none for an empty result, whose pointer is nil).
  private func builtString(_ bytes: [UInt8], into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { out.deallocate() }
    try newString(bytes, into: out)
    if let r = result() { (r[0], r[1]) = (out[0], out[1]) }
  }

  /// strings.Join: "" for no elements, elems[0] itself for one, else one allocation of the sum.
  private func join(
    _ elems: UnsafeMutablePointer<UInt64>, sep: [UInt8], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let (base, n) = (elems[0], Int(elems[1]))
    if n == 0 {
      if let r = result() { (r[0], r[1]) = (0, 0) }
      return
    }
    if n == 1 {
      let (p, l) = (try load(base, 8), try load(base &+ 8, 8))
      if let r = result() { (r[0], r[1]) = (p, l) }
      return
    }
    var bytes: [UInt8] = []
    for k in 0..<n {
      if k > 0 { bytes += sep }
      bytes += try self.bytes(try load(base &+ UInt64(16 * k), 8), Int(try load(base &+ UInt64(16 * k + 8), 8)))
    }
    try builtString(bytes, into: result)
  }

  /// strings.ToUpper / ToLower. ASCII text: s itself when no byte changes, else one allocation
  /// of len(s). Other text: Map(unicode.ToUpper/ToLower, s) — s itself when no rune changes,
  /// else a Builder grown to len(s)+4 (utf8.UTFMax) at the first change, then appended to.
  private func mapCase(
    _ s: [UInt8], _ data: UInt64, upper: Bool, into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    if s.allSatisfy({ $0 < 0x80 }) {
      let range: ClosedRange<UInt8> = upper ? 0x61...0x7A : 0x41...0x5A
      guard s.contains(where: { range.contains($0) }) else {
        if let r = result() { (r[0], r[1]) = (data, UInt64(s.count)) }
        return
      }
      return try builtString(s.map { range.contains($0) ? $0 ^ 0x20 : $0 }, into: result)
    }
    // Map: find the first rune the mapping changes; an invalid byte (RuneError of width 1)
    // counts as changed, to be written as RuneError's encoding.
    var i = 0
    var first: Int?
    while i < s.count {
      let (c, w) = GoUTF8.decodeRune(s, i)
      if (c == GoUTF8.runeError && w == 1) || Self.mapRune(c, upper: upper) != c {
        first = i
        break
      }
      i += w
    }
    guard let first else {
      if let r = result() { (r[0], r[1]) = (data, UInt64(s.count)) }
      return
    }
    var out = Array(s[..<first])
    // Builder.Grow(len(s) + utf8.UTFMax): Go 1.21+'s MakeNoZero gives the size class's capacity.
    var capacity = heap.profile.version >= GoVersion(1, 21) ? heap.roundupsize(s.count + 4, noscan: true) : s.count + 4
    var buffer = try heap.allocate(.uint8, count: capacity)
    // The rest, rune by rune, as Map's loop writes it (an invalid byte as RuneError's encoding,
    // as range over a string yields it): the buffer grows as append grows it.
    i = first
    while i < s.count {
      let (c, w) = GoUTF8.decodeRune(s, i)
      var piece: [UInt8] = []
      GoUTF8.appendRune(&piece, Self.mapRune(c, upper: upper))
      if let grown = builderGrowth(capacity: capacity, length: out.count, writing: piece.count, rune: true) {
        inFlight.append(buffer)
        defer { inFlight.removeLast() }
        buffer = try heap.allocate(.uint8, count: grown)
        capacity = grown
      }
      out += piece
      i += w
    }
    try write(out, at: buffer)
    if let r = result() { (r[0], r[1]) = (buffer, UInt64(out.count)) }
  }

  /// unicode.ToUpper / ToLower of one rune: the simple case mapping of UnicodeData.txt, which
  /// unicode's CaseRanges hold. Swift gives the full mappings (SpecialCasing.txt); they differ
  /// from the simple one only where the full one is several scalars: there an uppercase is the
  /// titlecase when that is one scalar (ᾳ → ᾼ) and else none (ß, ﬀ, ŉ stay), and the one such
  /// lowercase, İ's "i̇", is simply i.
  static func mapRune(_ r: Int32, upper: Bool) -> Int32 {
    if r < 0x80 {
      if upper && (0x61...0x7A).contains(r) { return r - 0x20 }
      if !upper && (0x41...0x5A).contains(r) { return r + 0x20 }
      return r
    }
    guard let scalar = Unicode.Scalar(UInt32(r)) else { return r }
    func single(_ s: String) -> Int32? {
      let scalars = s.unicodeScalars
      return scalars.count == 1 ? scalars.first.map { Int32($0.value) } : nil
    }
    if upper {
      return single(scalar.properties.uppercaseMapping) ?? single(scalar.properties.titlecaseMapping) ?? r
    }
    if r == 0x130 { return 0x69 }
    return single(scalar.properties.lowercaseMapping) ?? r
  }

  /// strings.Replace: s itself when old == new, n == 0 or old does not occur; else one
  /// allocation of len(s) + n*(len(new)-len(old)). An empty old matches before every rune and
  /// at the end.
  private func replace(
    _ s: [UInt8], _ data: UInt64, old: [UInt8], new: [UInt8], n: Int,
    into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    func same() { if let r = result() { (r[0], r[1]) = (data, UInt64(s.count)) } }
    if old == new || n == 0 { return same() }
    let m = stringsCount(s, old)
    if m == 0 { return same() }
    let count = n < 0 || m < n ? m : n
    var out: [UInt8] = []
    var start = 0
    for k in 0..<count {
      var j = start
      if old.isEmpty {
        if k > 0 { j += GoUTF8.decodeRune(s, start).1 }
      } else {
        j += Self.index(s, old, from: start)
      }
      out += s[start..<j]
      out += new
      start = j + old.count
    }
    out += s[start...]
    try builtString(out, into: result)
  }
}
