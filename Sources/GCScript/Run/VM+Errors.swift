// The error values the library makes: fmt.Errorf's (fmt/errors.go: the text as Sprintf makes
// it, `s := string(p.buf)`, then errors.New(s) — a 16-byte *errors.errorString on the heap)
// and their Error method, which VM+TypeAssertions runs natively. errors.New itself is lowered
// inline (Lower/Lowering+Interfaces.swift), as Go inlines it into its caller.

import GoHeap

extension VM {
  /// fmt.Errorf without %w: the formatted text as a new string, then its errorString.
  func errorf(_ format: [UInt8], _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let text = try sprintf(format, args)
    let header = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { header.deallocate() }
    try newString(text, into: header)
    // The string is held (a local of Errorf) while errors.New allocates.
    if header[0] != 0 { inFlight.append(header[0]) }
    defer { if header[0] != 0 { inFlight.removeLast() } }
    let object = try heap.allocate(errorStringType, count: 1)
    try storeValue(.string, from: header, to: object)
    guard let out = result(), let itab = runtimeTypes.itab(.error, .pointer(to: errorStringType), session) else { return }
    (out[0], out[1]) = (itab, object)
  }
}

extension VM {
  /// strconv.Atoi (atoi.go): the fast path for fewer than 19 bytes (an optional sign, then
  /// digits), else ParseInt's range check; a failure is a *NumError — 48 bytes on the heap,
  /// its Num a copy of s in Go 1.20+ (cloneString: a new string of s's bytes, none for ""),
  /// s itself before — whose Err is ErrSyntax or ErrRange (static errorStrings). Measured:
  /// Mallocs per failing call, 2 in Go 1.27.3 (1 for ""), 1 in Go 1.19.8.
  func atoi(_ s: UnsafeMutablePointer<UInt64>, into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let bytes = try string(s)
    var body = bytes[...]
    var negative = false
    if let c = body.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
      negative = c == UInt8(ascii: "-")
      body = body.dropFirst()
    }
    var value: Int128 = 0
    var syntax = body.isEmpty
    for c in body {
      guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
        syntax = true
        break
      }
      if value <= Int128(UInt64.max) { value = value * 10 + Int128(c - UInt8(ascii: "0")) }
    }
    if negative { value = -value }
    var n: Int64 = 0
    var failure: String? = nil
    if syntax {
      failure = "invalid syntax"
    } else if value > Int128(Int64.max) || value < Int128(Int64.min) {
      // ParseInt's rangeError: the value clamped to int's range.
      failure = "value out of range"
      n = value > 0 ? Int64.max : Int64.min
    } else {
      n = Int64(value)
    }
    guard let failure else {
      guard let out = result() else { return }
      (out[0], out[1], out[2]) = (UInt64(bitPattern: n), 0, 0)
      return
    }
    // Num: cloneString(s) in Go 1.20+ (a new string unless empty), s itself before.
    var num = (s[0], s[1])
    if heap.profile.version >= GoVersion(1, 20), !bytes.isEmpty {
      let copy = try heap.allocate(.uint8, count: bytes.count)
      try write(bytes, at: copy)
      num = (copy, UInt64(bytes.count))
    }
    if num.0 != 0 { inFlight.append(num.0) }
    defer { if num.0 != 0 { inFlight.removeLast() } }
    // Go 1.19.8: a value past uint64's range fails in ParseUint first, whose NumError
    // ParseInt drops for its own (2 Mallocs; Go 1.27.3's first one does not escape).
    if heap.profile.version < GoVersion(1, 20), failure == "value out of range",
      value > Int128(UInt64.max) || value < -Int128(UInt64.max)
    {
      _ = try heap.allocate(numErrorType, count: 1)
    }
    let object = try heap.allocate(numErrorType, count: 1)
    let function = Array("Atoi".utf8)
    var fields: [UInt64] = [session.rodataAddress(of: function), UInt64(function.count), num.0, num.1]
    // Err: ErrSyntax or ErrRange, `errors.New(...)` made when strconv starts (static here).
    let message = Array(failure.utf8)
    var header: [UInt8] = []
    withUnsafeBytes(of: session.rodataAddress(of: message).littleEndian) { header += $0 }
    withUnsafeBytes(of: UInt64(message.count).littleEndian) { header += $0 }
    guard let errItab = runtimeTypes.itab(.error, .pointer(to: errorStringType), session),
      let numItab = runtimeTypes.itab(.error, .pointer(to: numErrorType), session)
    else { return }
    fields += [errItab, session.rodataAddress(of: header)]
    try fields.withUnsafeMutableBufferPointer { try storeValue(numErrorType, from: $0.baseAddress!, to: object) }
    guard let out = result() else { return }
    (out[0], out[1], out[2]) = (UInt64(bitPattern: n), numItab, object)
  }

  /// NumError.Error: "strconv." + Func + ": parsing " + Quote(Num) + ": " + Err.Error().
  func numErrorText(_ p: UInt64) throws -> [UInt8] {
    let function = try bytes(try load(p, 8), Int(try load(p + 8, 8)))
    let num = try bytes(try load(p + 16, 8), Int(try load(p + 24, 8)))
    // Err is an errors.errorString (ErrSyntax, ErrRange): its s.
    let err = try load(p + 40, 8)
    let message = err == 0 ? Array("<nil>".utf8) : try bytes(try load(err, 8), Int(try load(err + 8, 8)))
    var text = Array("strconv.".utf8) + function + Array(": parsing ".utf8)
    GoStrconv.appendQuoted(&text, num, quote: UInt8(ascii: "\""), asciiOnly: false)
    return text + Array(": ".utf8) + message
  }
}
