// The error values the library makes: fmt.Errorf's (fmt/errors.go: the text as Sprintf makes
// it, `s := string(p.buf)`, then errors.New(s) — a 16-byte *errors.errorString on the heap — or
// a wrapError or wrapErrors for %w) and their Error method, which VM+TypeAssertions runs
// natively. errors.New itself is lowered
// inline (Lower/Lowering+Interfaces.swift), as Go inlines it into its caller.

import GoHeap

extension VM {
  /// Go 1.26+'s Errorf with nothing to format — no operands and no `%` in the format — is
  /// errors.New(format): no printer, no copy of the text (fmt/errors.go, go.dev/cl/708836).
  func errorfFastPath(_ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws -> Bool {
    guard heap.profile.version >= GoVersion(1, 26), args.count == 1 else { return false }
    return try !string(args[0].1).contains(UInt8(ascii: "%"))
  }

  /// fmt.Errorf (fmt/errors.go): the text as Sprintf makes it with %w allowed, `s :=
  /// string(p.buf)`, then the error: errors.New(s) (a 16-byte errorString) when nothing was
  /// wrapped, `&wrapError{s, err}` (32 bytes) for one %w — its err nil when the operand was
  /// not an error — and, from Go 1.20, `&wrapErrors{s, errs}` (48) for several, the errors
  /// appended one by one into a new []error (in operand order when the format reordered them,
  /// repeats dropped). Go 1.20+'s printer keeps the %w operand indices in a []int of the
  /// pooled pp (its first append allocates; free keeps up to 8).
  func errorf(_ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let operands = Array(args.dropFirst())
    if try errorfFastPath(args) {
      let object = try heap.allocate(errorStringType, count: 1)
      try storeValue(.string, from: args[0].1, to: object)
      try returnError(object, errorStringType, result)
      return
    }
    let p = Printer(self)
    p.wrapErrs = true
    try p.doPrintf(try string(args[0].1), try operands.map { try fmtOperand($0.0, $0.1) })
    try growPrinterBuffer()
    var wrapped = p.wrappedErr.map { [$0] } ?? p.wrappedErrs
    try recordWrappedErrs(p.wrappedErrs.count)
    let header = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { header.deallocate() }
    try newString(p.buf, into: header)
    // The string is held (a local of Errorf) while the error is made.
    if header[0] != 0 { inFlight.append(header[0]) }
    defer { if header[0] != 0 { inFlight.removeLast() } }
    switch wrapped.count {
    case 0:
      let object = try heap.allocate(errorStringType, count: 1)
      try storeValue(.string, from: header, to: object)
      try returnError(object, errorStringType, result)
    case 1:
      let object = try heap.allocate(wrapErrorType, count: 1)
      try storeValue(.string, from: header, to: object)
      let (w0, w1) = try errorOperand(operands, wrapped[0]) ?? (0, 0)
      try store(object + 16, w0, 8)
      try store(object + 24, w1, 8)
      try returnError(object, wrapErrorType, result)
    default:
      if p.reordered { wrapped.sort() }
      var errs: (array: UInt64, count: Int, capacity: Int) = (0, 0, 0)
      for (i, k) in wrapped.enumerated() where i == 0 || wrapped[i - 1] != k {
        guard let (w0, w1) = try errorOperand(operands, k) else { continue }
        // errs = append(errs, e): growslice of []error from nil.
        if errs.count == errs.capacity {
          let capacity = grownCapacity(old: errs.capacity, needed: errs.count + 1, elem: .error)
          let grown = try heap.allocate(.error, count: capacity)
          if errs.count > 0 { try copyMemory(to: grown, from: errs.array, errs.count * 16) }
          if errs.array != 0 { inFlight.removeLast() }
          inFlight.append(grown)
          errs = (grown, errs.count, capacity)
        }
        try store(errs.array + UInt64(16 * errs.count), w0, 8)
        try store(errs.array + UInt64(16 * errs.count) + 8, w1, 8)
        errs.count += 1
      }
      defer { if errs.array != 0 { inFlight.removeLast() } }
      let object = try heap.allocate(wrapErrorsType, count: 1)
      try storeValue(.string, from: header, to: object)
      try store(object + 16, errs.array, 8)
      try store(object + 24, UInt64(errs.count), 8)
      try store(object + 32, UInt64(errs.capacity), 8)
      try returnError(object, wrapErrorsType, result)
    }
  }

  /// The `error` an Errorf operand is (`a[k].(error)`), or nil when it is not one.
  private func errorOperand(_ operands: [(GoType, UnsafeMutablePointer<UInt64>)], _ k: Int) throws -> (UInt64, UInt64)? {
    let (t, slots) = operands[k]
    if t.isInterface {
      guard let dyn = try dynamicType(t, slots[0]), let itab = runtimeTypes.itab(.error, dyn, session) else { return nil }
      return (itab, slots[1])
    }
    guard let itab = runtimeTypes.itab(.error, t, session) else { return nil }
    // The data word: the value itself, or the box fmt's conversion made (operand k is the
    // call's argument k + 1, after the format).
    if isDirect(t) { return (itab, slots[0]) }
    return (itab, boxedOperands[k + 1] ?? 0)
  }

  /// strconv.ErrSyntax or ErrRange: `errors.New("invalid syntax")` / `("value out of range")`,
  /// made when strconv starts — a static errorString here (read-only data, one address each,
  /// so `errors.Is(err, strconv.ErrSyntax)` finds a NumError's Err).
  func strconvError(_ b: Builtin) -> (UInt64, UInt64) {
    let message = Array((b == .strconvErrSyntax ? "invalid syntax" : "value out of range").utf8)
    var header: [UInt8] = []
    withUnsafeBytes(of: session.rodataAddress(of: message).littleEndian) { header += $0 }
    withUnsafeBytes(of: UInt64(message.count).littleEndian) { header += $0 }
    let itab = runtimeTypes.itab(.error, .pointer(to: errorStringType), session) ?? 0
    return (itab, session.rodataAddress(of: header))
  }

  /// The result of an error-making call: the *T object as an `error`.
  private func returnError(_ object: UInt64, _ base: GoType, _ result: () -> UnsafeMutablePointer<UInt64>?) throws {
    guard let out = result(), let itab = runtimeTypes.itab(.error, .pointer(to: base), session) else { return }
    (out[0], out[1]) = (itab, object)
  }
}

extension VM {
  /// errors.Join (errors/join.go, Go 1.20+): nil when every error is nil; else `&joinError{errs:
  /// make([]error, 0, n)}` — the slice made first, then the 24-byte joinError — with the
  /// non-nil errors appended in order (the capacity is n: no growth). Recorded: 2 mallocs,
  /// 56 B for two errors (runs/errorsjoin).
  func errorsJoin(_ errs: [(UInt64, UInt64)], into result: UnsafeMutablePointer<UInt64>?) throws {
    // (The errors stay in the caller's slots, roots while Join allocates.)
    let kept = errs.filter { $0.0 != 0 }
    guard !kept.isEmpty else {
      if let result { (result[0], result[1]) = (0, 0) }
      return
    }
    let slice = try heap.allocateSlice(of: .error, len: kept.count, cap: kept.count)
    inFlight.append(slice)
    defer { inFlight.removeLast() }
    let object = try heap.allocate(joinErrorType, count: 1)
    for (k, e) in kept.enumerated() {
      try store(slice + UInt64(16 * k), e.0, 8)
      try store(slice + UInt64(16 * k) + 8, e.1, 8)
    }
    try store(object, slice, 8)
    try store(object + 8, UInt64(kept.count), 8)
    try store(object + 16, UInt64(kept.count), 8)
    guard let result, let itab = runtimeTypes.itab(.error, .pointer(to: joinErrorType), session) else { return }
    (result[0], result[1]) = (itab, object)
  }

  /// `(*joinError).Error` (Go 1.27's errors/join.go): one error's text is that error's
  /// Error(); several are `b := []byte(errs[0].Error())`, then for each other error `b =
  /// append(b, '\n')` and `b = append(b, err.Error()...)`, each append growing b as growslice
  /// does, and the result is b itself (unsafe.String). Each Error may be the program's method,
  /// which may allocate (and collect: b is a root meanwhile). Returns the string's words.
  func joinErrorText(_ p: UInt64) throws -> (UInt64, UInt64) {
    guard p != 0 else { throw VMTrap(kind: .nilDereference) }
    let errs = try errorSlice(try load(p, 8), Int(try load(p + 8, 8)))
    guard errs.count > 1 else { return try errorText(errs[0]) }
    var b = GrowingBytes()
    defer { unroot(b) }
    func append(_ more: [UInt8]) throws {
      let needed = b.bytes.count + more.count
      if needed > b.capacity { try regrow(&b, to: grownCapacity(old: b.capacity, needed: needed, elem: .uint8)) }
      b.bytes += more
    }
    // []byte(s) of an escaping result: rawbyteslice, the size class's capacity.
    let (d0, n0) = try errorText(errs[0])
    b.bytes = try bytes(d0, Int(n0))
    try regrow(&b, to: heap.roundupsize(b.bytes.count, noscan: true))
    for e in errs.dropFirst() {
      try append([UInt8(ascii: "\n")])
      let (d, n) = try errorText(e)
      try append(try bytes(d, Int(n)))
    }
    try write(b.bytes, at: b.array)
    return (b.array, UInt64(b.bytes.count))
  }

  /// An error's Error(): fmt's, errors' and strconv's natively, the program's by calling it.
  func errorText(_ e: (UInt64, UInt64)) throws -> (UInt64, UInt64) {
    guard e.0 != 0 else { throw VMTrap(kind: .nilDereference) }
    if let dyn = try dynamicType(.error, e.0), dyn.name == nil, let base = dyn.pointee {
      if base === errorStringType || base === wrapErrorType || base === wrapErrorsType {
        return (try load(e.1, 8), try load(e.1 + 8, 8))
      }
      if base === joinErrorType { return try joinErrorText(e.1) }
      if base === numErrorType {
        let out = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        defer { out.deallocate() }
        try newString(try numErrorText(e.1), into: out)
        return (out[0], out[1])
      }
    }
    guard let r = try callDynamicMethod(
      .error, e, "Error", arguments: [], resultWords: 2,
      signature: .function(params: [], results: [.string], variadic: false), what: "errors.Join's Error called Error methods")
    else { throw VMTrap(kind: .internalFault("an error without an Error method")) }
    return (r[0], r[1])
  }

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
    // Go 1.19.8: a value past uint64's range fails in ParseUint first, whose NumError
    // ParseInt drops for its own (2 Mallocs; Go 1.27.3's first one does not escape).
    if heap.profile.version < GoVersion(1, 20), failure == "value out of range",
      value > Int128(UInt64.max) || value < -Int128(UInt64.max)
    {
      _ = try heap.allocate(numErrorType, count: 1)
    }
    let err = try numError("Atoi", s, failure == "invalid syntax" ? .strconvErrSyntax : .strconvErrRange)
    guard let out = result() else { return }
    (out[0], out[1], out[2]) = (UInt64(bitPattern: n), err.0, err.1)
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
