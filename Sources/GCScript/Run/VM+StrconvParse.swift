// strconv's ParseInt, ParseUint, ParseFloat, ParseBool, FormatFloat, FormatBool and Quote,
// strings.EqualFold and os.Args, as Go 1.27.3 and 1.19.8 run them, with what each allocates
// (Tests/Recordings/runs/strconvparse: every value, error and allocation count of the
// recording).
//
//   Parse*      A success allocates nothing. A failure is a *NumError (48 bytes) whose Num is a
//               copy of the input from Go 1.20 (cloneString: none for ""), the input itself
//               before; Go 1.19's ParseInt also leaves ParseUint's NumError behind when the
//               unsigned value is out of range. A bad base or bit size is errors.New of a
//               concatenation (`invalid base 1`) in its NumError.
//   FormatFloat `string(genericFtoa(make([]byte, 0, max(prec+4, 24)), ...))`: the buffer is in
//               the caller's frame in Go 1.20+ (FormatFloat is inlined), on the heap in Go 1.19,
//               until the text outgrows it (then append grows it on the heap); the result is a
//               new string (a one-byte one is the runtime's static byte).
//   Quote       `string(appendQuotedWith(make([]byte, 0, 3*len(s)/2), ...))`: the buffer is in
//               the frame up to 32 bytes from Go 1.25 (a variable-size make's stack buffer), on
//               the heap in Go 1.19; appendQuotedWith remakes it at len(s)+2 when it is smaller
//               than s, and append grows it past that; then the string.
//   FormatBool, EqualFold, os.Args allocate nothing (os.Args was made before main).

import GoHeap

extension VM {
  func strconvFunction(
    _ b: Builtin, _ args: [UnsafeMutablePointer<UInt64>], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    switch b {
    case .stringsEqualFold:
      let s = String(decoding: try string(args[0]), as: UTF8.self)
      let t = String(decoding: try string(args[1]), as: UTF8.self)
      result()?[0] = Self.equalFold(Array(s.unicodeScalars), Array(t.unicodeScalars)) ? 1 : 0
    case .strconvParseInt, .strconvParseUint:
      try parseInteger(args[0], base: Int(Int64(bitPattern: args[1][0])), bitSize: Int(Int64(bitPattern: args[2][0])),
                       signed: b == .strconvParseInt, into: result)
    case .strconvParseFloat: try parseFloat(args[0], bitSize: Int(Int64(bitPattern: args[1][0])), into: result)
    case .strconvParseBool:
      let s = String(decoding: try string(args[0]), as: UTF8.self)
      switch s {
      case "1", "t", "T", "true", "TRUE", "True": result()?[0] = 1
      case "0", "f", "F", "false", "FALSE", "False": result()?[0] = 0
      default:
        let err = try numError("ParseBool", args[0], .strconvErrSyntax)
        if let out = result() { (out[0], out[1], out[2]) = (0, err.0, err.1) }
        return
      }
      if let out = result() { (out[1], out[2]) = (0, 0) }
    case .strconvFormatBool:
      let text = Array((args[0][0] != 0 ? "true" : "false").utf8)
      if let out = result() { (out[0], out[1]) = (session.rodataAddress(of: text), UInt64(text.count)) }
    case .strconvFormatFloat:
      let f = Double(bitPattern: args[0][0])
      let fmt = UInt8(truncatingIfNeeded: args[1][0])
      let prec = Int(Int64(bitPattern: args[2][0]))
      let bitSize = Int(Int64(bitPattern: args[3][0]))
      guard bitSize == 32 || bitSize == 64 else {
        let which = heap.profile.version >= GoVersion(1, 26) ? "FormatFloat" : "AppendFloat/FormatFloat"
        throw VMTrap(kind: .goPanic("strconv: illegal \(which) bitSize"))
      }
      // The text is about prec digits long: past gcsh's limit it is refused by name rather than
      // built in the host's memory (Go would try to allocate it).
      if prec > 1 << 24 { throw SimulationLimit("strconv.FormatFloat with a precision of \(prec) digits (gcsh formats up to \(1 << 24))") }
      var text: [UInt8] = []
      GoStrconv.appendFloat(&text, bitSize == 32 ? Double(Float(f)) : f, fmt, prec, bitSize == 32 ? 32 : 64)
      // Go 1.20+ inlines FormatFloat, so the buffer is the caller's, in its frame; Go 1.19's
      // FormatFloat makes it itself, of a size only known at run time: on the heap.
      let capacity = max(prec &+ 4, 24)
      if heap.profile.version < GoVersion(1, 20) { _ = try heap.allocate(.uint8, count: capacity) }
      try growHeapBuffer(capacity: capacity, to: text.count)
      try returnString(text, into: result)
    // Quote and QuoteToASCII: quoteWith(s, '"', ASCIIonly, false).
    case .strconvQuote, .strconvQuoteToASCII:
      let s = try string(args[0])
      var text: [UInt8] = []
      GoStrconv.appendQuoted(&text, s, quote: UInt8(ascii: "\""), asciiOnly: b == .strconvQuoteToASCII)
      // make([]byte, 0, 3*len(s)/2): the frame's 32-byte buffer in Go 1.25+, else the heap.
      var capacity = 3 * s.count / 2
      if heap.profile.version < GoVersion(1, 25) || capacity > 32 {
        if capacity > 0 { _ = try heap.allocate(.uint8, count: capacity) }
      }
      if capacity < s.count {
        // appendQuotedWith: `nBuf := make([]byte, len(buf), len(buf)+1+len(s)+1)`, which escapes.
        capacity = s.count + 2
        _ = try heap.allocate(.uint8, count: capacity)
      }
      try growHeapBuffer(capacity: capacity, to: text.count)
      try returnString(text, into: result)
    case .osArgs:
      try osArgs(into: result)
    default: return
    }
  }

  /// A string result: one byte is the runtime's static byte; any other a new string.
  private func returnString(_ text: [UInt8], into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    guard let out = result() else { return }
    if text.count == 1 {
      (out[0], out[1]) = (session.staticBytesAddress &+ UInt64(text[0]) &* 8, 1)
    } else {
      try newString(text, into: out)
    }
  }

  /// Appends to a buffer of `capacity` bytes until it holds `length`: growslice's arrays.
  private func growHeapBuffer(capacity: Int, to length: Int) throws {
    var c = capacity
    while length > c {
      c = grownCapacity(old: c, needed: c + 1, elem: .uint8)
      _ = try heap.allocate(.uint8, count: c)
    }
  }

  // MARK: Parsing

  /// ParseInt / ParseUint (atoi.go): base 0 reads a 0x, 0b, 0o or 0 prefix and allows
  /// underscores between digits; the value must fit bitSize (0: 64) bits.
  private func parseInteger(
    _ s: UnsafeMutablePointer<UInt64>, base: Int, bitSize: Int, signed: Bool,
    into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    let function = signed ? "ParseInt" : "ParseUint"
    let bytes = try string(s)
    func fail(_ err: (UInt64, UInt64), value: UInt64 = 0) {
      if let out = result() { (out[0], out[1], out[2]) = (value, err.0, err.1) }
    }
    if bytes.isEmpty { return fail(try numError(function, s, .strconvErrSyntax)) }
    var body = bytes[...]
    var negative = false
    if signed, let c = body.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
      negative = c == UInt8(ascii: "-")
      body = body.dropFirst()
    }
    // ParseUint of what follows the sign: an empty one is a syntax error.
    if body.isEmpty { return fail(try numError(function, s, .strconvErrSyntax)) }
    let unsignedText = Array(body)
    // ParseUint's checks, in its order.
    var b = base
    var underscores = false
    if b == 0 {
      b = 10
      underscores = true
      if body.first == UInt8(ascii: "0") {
        if body.count >= 3, let p = body.dropFirst().first.map({ $0 | 0x20 }), [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(p) {
          b = p == UInt8(ascii: "b") ? 2 : p == UInt8(ascii: "o") ? 8 : 16
          body = body.dropFirst(2)
        } else {
          b = 8
          body = body.dropFirst()
        }
      }
    } else if !(2...36).contains(b) {
      return fail(try numError(function, s, message: "invalid base " + String(base)))
    }
    var size = bitSize
    if size == 0 {
      size = 64
    } else if size < 0 || size > 64 {
      return fail(try numError(function, s, message: "invalid bit size " + String(bitSize)))
    }
    let maxVal: UInt64 = size == 64 ? .max : (1 << UInt64(size)) - 1
    var n: UInt64 = 0
    var overflow = false
    var sawUnderscore = false
    for c in body {
      if c == UInt8(ascii: "_") && underscores {
        sawUnderscore = true
        continue
      }
      let d: UInt64
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A")) + 10
      default: return fail(try numError(function, s, .strconvErrSyntax))
      }
      if d >= UInt64(b) { return fail(try numError(function, s, .strconvErrSyntax)) }
      // Past maxVal ParseUint returns at once (what follows is not looked at).
      let (m, o1) = n.multipliedReportingOverflow(by: UInt64(b))
      let (v, o2) = m.addingReportingOverflow(d)
      if o1 || o2 || v > maxVal {
        overflow = true
        n = maxVal
        break
      }
      n = v
    }
    if !overflow && sawUnderscore && !Self.underscoreOK(unsignedText) {
      return fail(try numError(function, s, .strconvErrSyntax))
    }
    if !signed {
      if overflow { return fail(try numError(function, s, .strconvErrRange), value: maxVal) }
      if let out = result() { (out[0], out[1], out[2]) = (n, 0, 0) }
      return
    }
    // ParseInt: Go 1.19 leaves ParseUint's range NumError behind (it escapes there).
    if overflow && heap.profile.version < GoVersion(1, 20) { _ = try heap.allocate(numErrorType, count: 1) }
    let cutoff = UInt64(1) << UInt64(size - 1)
    if !negative && n >= cutoff {
      return fail(try numError(function, s, .strconvErrRange), value: cutoff - 1)
    }
    if negative && n > cutoff {
      return fail(try numError(function, s, .strconvErrRange), value: 0 &- cutoff)
    }
    // Go's int64 negation wraps (-(1<<63) is itself).
    let v = negative ? 0 &- n : n
    if let out = result() { (out[0], out[1], out[2]) = (v, 0, 0) }
  }

  /// atoi.go underscoreOK: underscores only between digits (or after a base prefix).
  static func underscoreOK(_ text: [UInt8]) -> Bool {
    var saw: UInt8 = UInt8(ascii: "^")
    var i = 0
    let s = text.first == UInt8(ascii: "-") || text.first == UInt8(ascii: "+") ? Array(text.dropFirst()) : text
    var hex = false
    if s.count >= 2, s[0] == UInt8(ascii: "0"), [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")].contains(s[1] | 0x20) {
      i = 2
      saw = UInt8(ascii: "0")
      hex = s[1] | 0x20 == UInt8(ascii: "x")
    }
    while i < s.count {
      let c = s[i]
      if (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (hex && (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "f")) {
        saw = UInt8(ascii: "0")
      } else if c == UInt8(ascii: "_") {
        if saw != UInt8(ascii: "0") { return false }
        saw = UInt8(ascii: "_")
      } else {
        if saw == UInt8(ascii: "_") { return false }
        saw = UInt8(ascii: "!")
      }
      i += 1
    }
    return saw != UInt8(ascii: "_")
  }

  /// ParseFloat (atof.go): decimal or hexadecimal, `inf`/`infinity`/`nan` in any case, with
  /// underscores between digits when the text has a base prefix... and Go's correctly rounded
  /// result (Swift's conversion rounds the same way). Too big a value is ±Inf with ErrRange.
  private func parseFloat(_ s: UnsafeMutablePointer<UInt64>, bitSize: Int, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let bytes = try string(s)
    var text = String(decoding: bytes, as: UTF8.self)
    func put(_ v: Double, _ err: (UInt64, UInt64) = (0, 0)) {
      if let out = result() { (out[0], out[1], out[2]) = (v.bitPattern, err.0, err.1) }
    }
    if text.contains("_") {
      guard Self.underscoreOK(bytes) else {
        return put(0, try numError("ParseFloat", s, .strconvErrSyntax))
      }
      text.removeAll { $0 == "_" }
    }
    let lower = text.lowercased()
    let unsigned = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
    var value: Double?
    if ["inf", "infinity"].contains(unsigned) {
      value = lower.hasPrefix("-") ? -.infinity : .infinity
    } else if unsigned == "nan" && lower == unsigned {
      value = .nan
    } else if unsigned.hasPrefix("0x") {
      value = Double(text)  // Swift reads hexadecimal floats as Go does (p exponent required)
      if !unsigned.contains("p") { value = nil }
    } else if !unsigned.isEmpty, unsigned.allSatisfy({ "0123456789.e+-".contains($0) }), unsigned.first != "e" {
      value = Double(text)
    }
    guard var v = value else { return put(0, try numError("ParseFloat", s, .strconvErrSyntax)) }
    // atof32 rounds the text to float32 once (not through float64).
    if bitSize == 32 { v = Double(v.isNaN ? Float.nan : (Float(text) ?? Float(v))) }
    if v.isInfinite && !["inf", "infinity"].contains(unsigned) {
      return put(v, try numError("ParseFloat", s, .strconvErrRange))
    }
    put(v)
  }

  /// `&NumError{fn, cloneString(s), err}` as an `error`: the copy from Go 1.20, the input itself
  /// before. `message` is errors.New(message)'s error instead of ErrSyntax/ErrRange (the
  /// concatenation that makes it, and its errorString, allocated first).
  func numError(_ function: String, _ s: UnsafeMutablePointer<UInt64>, _ kind: Builtin = .strconvErrSyntax, message: String? = nil) throws -> (UInt64, UInt64) {
    let bytes = try string(s)
    var num = (s[0], s[1])
    var roots = 0
    defer { inFlight.removeLast(roots) }
    if heap.profile.version >= GoVersion(1, 20), !bytes.isEmpty {
      let copy = try heap.allocate(.uint8, count: bytes.count)
      try write(bytes, at: copy)
      num = (copy, UInt64(bytes.count))
      inFlight.append(copy)
      roots += 1
    }
    var err = strconvError(kind)
    if let message {
      var str: [UInt64] = [0, 0]
      try newString(Array(message.utf8), into: &str)
      inFlight.append(str[0])
      roots += 1
      let object = try heap.allocate(errorStringType, count: 1)
      try store(object, str[0], 8)
      try store(object + 8, str[1], 8)
      inFlight.append(object)
      roots += 1
      err = (runtimeTypes.itab(.error, .pointer(to: errorStringType), session) ?? 0, object)
    }
    let object = try heap.allocate(numErrorType, count: 1)
    let name = Array(function.utf8)
    var fields: [UInt64] = [session.rodataAddress(of: name), UInt64(name.count), num.0, num.1, err.0, err.1]
    try fields.withUnsafeMutableBufferPointer { try storeValue(numErrorType, from: $0.baseAddress!, to: object) }
    return (runtimeTypes.itab(.error, .pointer(to: numErrorType), session) ?? 0, object)
  }

  // MARK: EqualFold and os.Args

  /// strings.EqualFold: equal under simple Unicode case folding (unicode.SimpleFold's orbit):
  /// rune by rune, `K` and the Kelvin sign alike, but not ß and SS (a full folding).
  static func equalFold(_ s: [Unicode.Scalar], _ t: [Unicode.Scalar]) -> Bool {
    guard s.count == t.count else { return false }
    for (a, b) in zip(s, t) where a != b {
      func orbit(_ c: Unicode.Scalar) -> Set<UInt32> {
        var set: Set<UInt32> = [c.value]
        for p in [c.properties.lowercaseMapping, c.properties.uppercaseMapping, c.properties.titlecaseMapping]
        where p.unicodeScalars.count == 1 {
          set.insert(p.unicodeScalars.first!.value)
        }
        return set
      }
      if orbit(a).isDisjoint(with: orbit(b)) { return false }
    }
    return true
  }

  /// os.Args: a []string of one element, the program's name, made before main (it is in the
  /// start-up heap the profile records): to gcsh its array is a writable global of its own,
  /// made at the first use, and the name read-only data.
  private func osArgs(into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    if osArgsSlot == nil {
      let slot = session.allocateHiddenGlobal(.array(of: .string, count: 1))
      try ensureGlobals()
      let name = Array(("./" + programName).utf8)
      (globals[slot], globals[slot + 1]) = (session.rodataAddress(of: name), UInt64(name.count))
      osArgsSlot = slot
    }
    if let out = result() { (out[0], out[1], out[2]) = (AddressSpace.globalsBase + UInt64(osArgsSlot! * 8), 1, 1) }
  }
}
