// bytes.Buffer (bytes/buffer.go, Go 1.27.3 and 1.19.8 alike for what gcsh runs): `buf []byte;
// off int; lastRead readOp` — 40 bytes, a 48-byte object when it is on the heap. Its methods
// have pointer receivers whose address does not escape (-m: `b does not escape`), so a local
// `var b bytes.Buffer` stays in the frame while its buffer is the heap's (grow's make escapes).
// The writes are gcsh's package functions (Run/VM+BytesBuffer.swift); the methods Go inlines
// whose results matter to escape analysis are written as what they inline to: String() is
// `string(b.buf[b.off:])`, a conversion that copies (onto the stack when it does not escape and
// fits 32 bytes), NewBuffer(buf) is `&Buffer{buf: buf}` and NewBufferString(s) `&Buffer{buf:
// []byte(s)}`, composite literals that escape or not.

import GoHeap

/// `bytes.Buffer`.
let bytesBufferType = GoType.structure(
  [("buf", .slice(of: .uint8)), ("off", .int), ("lastRead", .int8)], name: "bytes.Buffer")

extension Checker {
  /// `b.M(args)` of a bytes.Buffer or *bytes.Buffer `b` (nil when b is neither).
  func bytesBufferCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let isPointer = x.type.pointee === bytesBufferType && x.type.name == nil
    guard x.untyped == nil, x.type === bytesBufferType || isPointer else { return nil }
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    let b: Builtin
    var want: [GoType] = []
    let result: GoType
    switch name {
    case "Write": (b, want, result) = (.bufferWrite, [.slice(of: .uint8)], tupleType([.int, .error]))
    case "WriteString": (b, want, result) = (.bufferWriteString, [.string], tupleType([.int, .error]))
    case "WriteByte": (b, want, result) = (.bufferWriteByte, [.uint8], .error)
    case "WriteRune": (b, want, result) = (.bufferWriteRune, [.int32], tupleType([.int, .error]))
    case "Grow": (b, want, result) = (.bufferGrow, [.int], noValueType)
    case "Truncate": (b, want, result) = (.bufferTruncate, [.int], noValueType)
    case "Len": (b, result) = (.bufferLen, .int)
    case "Cap": (b, result) = (.bufferCap, .int)
    case "Bytes", "String": (b, result) = (.bufferBytes, .slice(of: .uint8))
    case "Reset": (b, result) = (.bufferReset, noValueType)
    case "Read", "ReadByte", "ReadRune", "ReadBytes", "ReadString", "ReadFrom", "WriteTo", "Next",
      "UnreadByte", "UnreadRune", "Available", "AvailableBuffer", "Peek":
      throw fail(.notSupported("bytes.Buffer.\(name)", plural: false), at: at)
    default:
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    try arity("(*bytes.Buffer).\(name)", args, want: want.map(\.description), scope, span)
    var receiver = x.expr
    if !isPointer {
      receiver = try pointerReceiver(x, method: name, on: "bytes.Buffer", pointee: bytesBufferType, at: at)
    }
    var typed = [receiver]
    for (a, w) in zip(args, want) {
      typed.append(try assign(try expression(a, scope), to: w, "argument to \(b.rawValue)"))
    }
    let call = TypedExpr(.builtin(name == "String" ? .bufferString : b, typed, spread: false), result, span)
    if name == "String" {
      // The inlined `return string(b.buf[b.off:])` (its nil check's "<nil>" aside).
      let conversion = TypedExpr(.conversion(call), .string, span)
      conversion.site = conversionSite("string(bytes.b.buf[bytes.b.off:])", at: openParen(callee.end) ?? span.start, span, toBytes: false)
      var op = value(conversion)
      op.isCallResult = true
      return op
    }
    var op = value(call)
    op.isCallResult = true
    return op
  }

  /// bytes.NewBuffer(buf) and bytes.NewBufferString(s), as Go inlines them: a *Buffer literal.
  func newBytesBuffer(_ b: Builtin, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    let isString = b == .bytesNewBufferString
    try arity(b.rawValue, args, want: [isString ? "string" : "[]byte"], scope, span)
    let paren = openParen(span.start) ?? span.start
    var buf = try assign(try expression(args[0], scope), to: isString ? .string : .slice(of: .uint8), "argument to \(b.rawValue)")
    if isString {
      let conversion = TypedExpr(.conversion(buf), .slice(of: .uint8), span)
      conversion.site = conversionSite("([]byte)(bytes.s)", at: paren, span, toBytes: true)
      buf = conversion
    }
    let literal = TypedExpr(.composite([(index: 0, value: buf)], nil), bytesBufferType, span)
    let address = addressedLiteral(literal, span, text: "&bytes.Buffer{...}")
    if case .addressOf(let lit) = address.kind, case .composite(_, let site?) = lit.kind { site.reportAt = paren }
    // The call stays a node around its body, for -m's `inlining call to bytes.NewBuffer`.
    return TypedExpr(.builtin(b, [address], spread: false), address.type, span)
  }

  /// NewBuffer's or NewBufferString's argument inside the literal (for the inliner's cost).
  static func bytesBufferArgument(_ literalAddress: TypedExpr) -> TypedExpr? {
    guard case .addressOf(let lit) = literalAddress.kind, case .composite(let elems, _) = lit.kind,
      let buf = elems.first?.value
    else { return nil }
    if case .conversion(let s) = buf.kind, s.type.isString { return s }
    return buf
  }

  /// The allocation of a string <-> []byte conversion inside an inlined method, as
  /// conversion(_:_:) makes one: -m's text and position, the 32-byte buffer in the frame a
  /// result that does not escape uses.
  private func conversionSite(_ text: String, at offset: Int, _ span: Span, toBytes: Bool) -> AllocationSite {
    let site = AllocationSite(kind: .stringConversion, span: span, type: .uint8, text: text)
    site.reportAt = offset
    site.zeroCopyCandidate = toBytes
    site.constantCount = 32
    function.sites.append(site)
    return site
  }
}
