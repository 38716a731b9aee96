// Checking calls (user functions, builtins, the package functions gcsh knows), conversions, and
// composite literals.

import GoHeap

extension Checker {
  func call(_ f: Expr, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    var callee = f
    var parenthesized = false
    while case .paren(let inner) = callee.kind {
      callee = inner
      parenthesized = true
    }
    switch callee.kind {
    case .identifier(let name):
      switch scope.lookup(name) {
      case .function(let fn)?: return try userCall(fn, args, spread, scope, span)
      case .genericFunction(let g)?:
        return try genericCall(g, explicit: [], args, spread, scope, callee: callee.span, span)
      case .type(let t)?: return try conversion(t, args, spread, scope, span)
      case .builtin(let b)?:
        return try withSpilledArguments(args, scope) { try builtin(b, $0, spread, $1, span) }
      case .poisoned?: throw CheckFailure()
      case nil:
        if let what = Universe.unsupportedBuiltins[name] ?? Universe.unsupportedTypes[name] {
          throw fail(.notSupported(what, plural: what.hasSuffix("s")), at: callee.span)
        }
        throw fail(.typeError("undefined: \(name)"), at: callee.span)
      default:
        return try callOfValue(callee, args, spread, scope, span)
      }
    case .selector(let base, let name):
      if case .identifier(let pkg) = base.kind, case .package(let p)? = scope.lookup(pkg) {
        try requireArrived(p, at: callee.span)
        if p == "unsafe", let op = try unsafeCall(name, args, spread: spread, scope, callee: callee.span, span) { return op }
        if p == "weak", name == "Make" { return try weakMakeCall(nil, args, scope, callee: callee.span, span) }
        switch try packageMember(p, name, at: callee.span) {
        case .libraryFunction(let fn)?: return try userCall(fn.function, args, spread, scope, span)
        case .libraryGenericFunction(let g)?:
          return try genericCall(g.generic, explicit: [], args, spread, scope, callee: callee.span, span)
        case .libraryVariable?: return try callOfValue(callee, args, spread, scope, span)
        case .function(let b)?:
          return try withSpilledArguments(args, scope) { args, scope in
            var op = value(try builtinCall(b, args, spread: spread, scope, span))
            op.isCallResult = true
            return op
          }
        case .atomicFunction(let b, let t)?: return try atomicFunctionCall(b, t, args, scope, span)
        case .type(let t)?: return try conversion(t, args, spread, scope, span)
        case .libraryGenericType(let g)?: throw genericTypeWithoutInstantiation(g.generic, "\(pkg).\(name)", at: callee.span)
        case .unsupported(let what)?: throw fail(.notSupported(what, plural: what.hasSuffix("s")), at: callee.span)
        case .missing(let f)?: throw featureMissing(f, callee.span)
        case .constant?, .variable?, .untypedConstant?:
          throw fail(.typeError("invalid operation: cannot call non-function \(pkg).\(name)"), at: callee.span)
        case nil: throw missingMember(pkg, p, name, at: callee.span)
        }
      }
      let x = try promotedOperand(try expression(base, scope), name, callee.span)
      if let b = SyncTypes.method(of: x.type, name), x.untyped == nil {
        return try syncMethodCall(b, x, args, scope, callee: callee.span, span)
      }
      if let b = RandPackage.method(of: x.type, name), x.untyped == nil {
        return try randMethodCall(b, x, args, scope, callee: callee.span, span)
      }
      if let call = try stringsBuilderCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try timeMethodCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try loggerMethodCall(x, name, args, spread: spread, scope, callee: callee.span, span) { return call }
      if let call = try metricsMethodCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try bytesBufferCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try atomicMethodCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try atomicValueCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try atomicPointerCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try reflectliteTypeCall(x, name, args, scope, callee: callee.span, span) { return call }
      if let call = try weakPointerMethodCall(x, name, args, scope, callee: callee.span, span) { return call }
      if x.untyped == nil, let m = interfaceMethod(x.expr, name, callee.span) {
        return try valueCall(value(m), args, spread, scope, span)
      }
      if let fn = method(of: x, name) {
        return try methodCall(fn, x, args, spread, scope, callee: callee.span, span)
      }
      if x.untyped == nil, let fn = try libraryMethod(of: x.type, name, at: callee.span) {
        return try methodCall(fn, x, args, spread, scope, callee: callee.span, span)
      }
      // runtime.Cleanup's Stop (a value receiver).
      if x.type === cleanupType, name == "Stop", x.untyped == nil {
        try arity("(runtime.Cleanup).Stop", args, want: [], scope, span)
        var op = value(TypedExpr(.builtin(.cleanupStop, [x.expr], spread: false), noValueType, span))
        op.isCallResult = true
        return op
      }
      let target = x.type.pointee ?? x.type
      if let fields = target.structFields, fields.contains(where: { $0.name == name }) {
        return try callOfValue(callee, args, spread, scope, span)
      }
      let at = Span(max(callee.span.start, callee.span.end - name.utf8.count), callee.span.end)
      if target.name == "os.File", Library.osFileMethods.contains(name) {
        throw fail(.notSupported("(*os.File).\(name)", plural: false), at: at)
      }
      throw fail(.typeError("\(syntaxText(callee.span)) undefined (\(missingMember(x.type, name)))"), at: at)
    case .type(let te):
      return try conversion(try resolveType(te, scope), args, spread, scope, span)
    case .unary("*", let base):
      // `(*T)(x)`: a conversion to a pointer type (`*T(x)` is `*(T(x))`, which types2 reports).
      if parenthesized, let t = try? typeNamed(base, scope) {
        return try conversion(.pointer(to: t), args, spread, scope, span)
      }
      throw fail(.typeError("conversion to a pointer type needs parentheses: (\(syntaxText(callee.span)))(...)"), at: span)
    // weak.Make[T](p): the one generic function a program can instantiate explicitly; it has
    // one type parameter (types2 reports a second type argument at it).
    case .instantiation(let base, let typeArguments) where isWeakMake(base, scope):
      throw fail(.typeError("got \(typeArguments.count) type arguments but want 1"), at: typeArguments[1].span)
    case .index(let base, let argument) where isWeakMake(base, scope):
      return try weakMakeCall(try typeExpression(argument), args, scope, callee: base.span, span)
    // Sum[int](xs), Map[int, string](xs, f): a generic function with explicit type arguments;
    // Stack[int](s): a conversion to a generic type's instance.
    case .index(let base, let argument) where genericFunction(base, scope) != nil:
      return try genericCall(genericFunction(base, scope)!, explicit: [try typeExpression(argument)], args, spread, scope, callee: callee.span, span)
    case .instantiation(let base, let arguments) where genericFunction(base, scope) != nil:
      return try genericCall(genericFunction(base, scope)!, explicit: try arguments.map(typeExpression), args, spread, scope, callee: callee.span, span)
    case .index(let base, let argument):
      if case .identifier(let n) = base.kind, isGenericType(n, scope) {
        let t = try resolveType(.instance(.name(n, base.span), [try typeExpression(argument)], callee.span), scope)
        return try conversion(t, args, spread, scope, span)
      }
      if let q = libraryGenericTypeName(base, scope) {
        let t = try resolveType(.instance(q, [try typeExpression(argument)], callee.span), scope)
        return try conversion(t, args, spread, scope, span)
      }
      return try callOfValue(callee, args, spread, scope, span)
    case .instantiation(let base, let arguments):
      if let q = libraryGenericTypeName(base, scope) {
        let t = try resolveType(.instance(q, try arguments.map(typeExpression), callee.span), scope)
        return try conversion(t, args, spread, scope, span)
      }
      if case .identifier(let n) = base.kind, isGenericType(n, scope) {
        let t = try resolveType(.instance(.name(n, base.span), try arguments.map(typeExpression), callee.span), scope)
        return try conversion(t, args, spread, scope, span)
      }
      return try callOfValue(callee, args, spread, scope, span)
    default:
      return try callOfValue(callee, args, spread, scope, span)
    }
  }

  /// The type an expression names (`T`, `pkg.T`, `(*T)`, a type literal), or nil: the T of
  /// `(*T)(x)`, the receiver type of a method expression `T.M`.
  func typeNamed(_ e: Expr, _ scope: LexicalScope) throws -> GoType? {
    switch e.kind {
    case .type(let te): return try resolveType(te, scope)
    case .identifier(let n):
      if case .type(let t)? = scope.lookup(n) { return t }
      return nil
    case .selector(let base, let n):
      guard case .identifier(let pkg) = base.kind, case .package? = scope.lookup(pkg) else { return nil }
      return try resolveType(.qualified(pkg, n, e.span), scope)
    case .paren(let x): return try typeNamed(x, scope)
    case .unary("*", let x): return try typeNamed(x, scope).map { .pointer(to: $0) }
    default: return nil
    }
  }

  /// A call whose callee is an expression: a function value, or an error naming what it is.
  private func callOfValue(_ callee: Expr, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let op = try expression(callee, scope)
    guard case .function = op.type.kind else {
      throw fail(.typeError("invalid operation: cannot call \(op.goText) (\(describe(op))): \(op.type) is not a function"), at: callee.span)
    }
    return try valueCall(op, args, spread, scope, span)
  }

  /// Go lets one call's several results be all the arguments of a builtin or a package
  /// function (types2 builtins.go checks a builtin's arguments with exprList, which unpacks a
  /// multi-value call): `min(two())`, `append(f())`, `fmt.Printf(g())`. The results go to
  /// temporaries first, as for `f(g())`, and the call is checked with the temporaries as its
  /// arguments: names in a scope of their own, written where the call was (so messages quote
  /// it). Whether the argument has several values is decided from its callee's declaration
  /// before it is checked: checking it twice would make its allocation sites twice.
  func withSpilledArguments(
    _ args: [Expr], _ scope: LexicalScope, _ check: ([Expr], LexicalScope) throws -> Operand
  ) throws -> Operand {
    guard args.count == 1, hasSeveralResults(args[0], scope) else { return try check(args, scope) }
    let call = try expression(args[0], scope, allowMultiValue: true)
    let (spill, temps) = spillResults(call, args[0])
    let inner = LexicalScope(parent: scope, function: function)
    var names: [Expr] = []
    for case .variable(let v) in temps.map(\.expr.kind) {
      inner.symbols[v.name] = .variable(v)
      names.append(Expr(.identifier(v.name), args[0].span))
    }
    var op = try check(names, inner)
    op.expr = TypedExpr(.initialized([spill], op.expr), op.expr.type, op.expr.span)
    return op
  }

  /// Whether an expression is a call of a declared function with several results.
  func hasSeveralResults(_ e: Expr, _ scope: LexicalScope) -> Bool {
    var x = e
    while case .paren(let inner) = x.kind { x = inner }
    guard case .call(let callee, _, _) = x.kind else { return false }
    switch callee.kind {
    case .identifier(let f):
      switch scope.lookup(f) {
      case .function(let fn)?: return fn.results.count > 1
      case .variable(let v)?:
        if case .function(_, let results, _) = v.type.kind { return results.count > 1 }
        return false
      default: return false
      }
    case .selector(let base, let name):
      // `v.M()` of a variable: its method's results (other receivers are not checked twice).
      guard case .identifier(let n) = base.kind, case .variable(let v)? = scope.lookup(n) else { return false }
      return (method(ofType: v.type, name)?.results.count ?? 0) > 1
    default: return false
    }
  }

  /// A function's argument count, with go build's message: what the call has, what the
  /// function wants.
  func arity(_ name: String, _ args: [Expr], want: [String], _ scope: LexicalScope, _ span: Span) throws {
    guard args.count != want.count else { return }
    let have = args.map { (try? typeText($0, scope)) ?? "invalid type" }.joined(separator: ", ")
    let which = args.count < want.count ? "not enough" : "too many"
    let at = args.count > want.count ? args[want.count].span : span
    throw fail(.typeError("\(which) arguments in call to \(name)\n\thave (\(have))\n\twant (\(want.joined(separator: ", ")))"), at: at)
  }

  /// An operand fmt can print as Go would (all can: a time.Time prints its String, the virtual
  /// clock's time, Run/GoTime.swift).
  func printable(_ x: TypedExpr) throws -> TypedExpr { x }

  /// An io.Writer operand (fmt.Fprint's, log.New's): os.Stdout or os.Stderr named as such,
  /// written as the stream's number (1 or 2); or a *bytes.Buffer or *strings.Builder, whose
  /// Write the callee runs itself with what it printed. fmt takes any other io.Writer too
  /// (`anyWriter`): the operand converted to io.Writer, whose Write the VM calls through the
  /// interface, as print.go's `w.Write(p.buf)` does; log's writers are the four above.
  func writerOperand(_ w: Expr, _ scope: LexicalScope, _ callee: String, anyWriter: Bool = false) throws -> TypedExpr {
    var inner = w
    while case .paren(let e) = inner.kind { inner = e }
    if case .selector(let base, let name) = inner.kind, case .identifier(let pkg) = base.kind,
      case .package("os")? = scope.lookup(pkg), name == "Stdout" || name == "Stderr" {
      return TypedExpr(.constant(.int(name == "Stdout" ? 1 : 2)), .int, w.span)
    }
    let writer = try expression(w, scope)
    if writer.untyped == nil, writer.type.name == nil,
      writer.type.pointee === bytesBufferType || writer.type.pointee === stringsBuilderType
    {
      return writer.expr
    }
    guard anyWriter else {
      throw fail(.notSupported("\(callee) to a writer other than os.Stdout, os.Stderr, a *bytes.Buffer or a *strings.Builder", plural: false), at: w.span)
    }
    guard case .type(let ioWriter)? = try packageMember("io", "Writer", at: w.span) else {
      throw fail(.internalFault("gcsh's io library has no Writer"), at: w.span)
    }
    return try assign(writer, to: ioWriter, "argument to \(callee)")
  }

  /// An operand passed to one of fmt's `...any` parameters: an untyped constant gets its default
  /// type, untyped nil becomes the nil interface (`fmt.Println(nil)` prints `<nil>`).
  func fmtArgument(_ op: Operand, _ b: Builtin) throws -> TypedExpr {
    if op.untyped == .nilValue { return try assign(op, to: .any, "argument to \(b.rawValue)") }
    return try printable(try defaultTyped(op, "argument to \(b.rawValue)"))
  }

  /// A builtin's argument count (Go words these differently from a function's).
  func arity(_ name: String, _ args: [Expr], _ n: Int, _ span: Span) throws {
    guard args.count != n else { return }
    let which = args.count < n ? "not enough" : "too many"
    throw fail(.typeError("invalid operation: \(which) arguments for \(syntaxText(span)) (expected \(n), found \(args.count))"), at: span)
  }

  // MARK: Conversions

  /// `T(x)`: a constant conversion must be exact; others follow Go's convertibility.
  func conversion(_ t: GoType, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    guard args.count == 1, !spread else {
      throw fail(.typeError(args.isEmpty ? "missing argument in conversion to \(t)" : "too many arguments in conversion to \(t)"), at: span)
    }
    let x = try expression(args[0], scope)
    let argSpan = args[0].span
    if t.isInterface { return value(try convertToInterface(x, t, span)) }
    if x.untyped == .nilValue {
      guard t.isNilable else { throw fail(.typeError("cannot convert nil to type \(t)"), at: argSpan) }
      return value(TypedExpr(.nilValue, t, span))
    }
    if let c = x.constant, t.isInteger || t.isFloat || (t.isString && !x.type.isSlice) || t.isBool {
      func cannot(_ reason: String = "") -> CheckFailure {
        fail(.typeError("cannot convert \(x.goText) (\(describe(x))) to type \(t)\(reason)"), at: argSpan)
      }
      let result: Constant
      switch (c, t) {
      case (_, _) where t.isInteger:
        guard x.type.isNumeric || x.untyped == .int || x.untyped == .rune || x.untyped == .float else { throw cannot() }
        // (types2 says no more for a fraction: `cannot convert 1.5 (untyped float constant) to
        // type int`, in Go 1.19.8 and 1.27.3 alike.)
        guard let v = c.exactInteger else { throw cannot() }
        guard ConstantMath.representable(v, in: t) else {
          if case .float = c { throw cannot() }
          throw fail(.typeError("constant \(v) overflows \(t)"), at: argSpan)
        }
        result = .int(v)
      case (_, _) where t.isFloat:
        guard let d = c.asDouble, x.type.isNumeric || x.untyped != nil else { throw cannot() }
        if t.size == 4, d.isFinite, !Float(d).isFinite { throw fail(.typeError("constant \(c.goText) overflows \(t)"), at: argSpan) }
        result = .float(t.size == 4 ? Double(Float(d)) : d)
      case (.int(let v), _) where t.isString:
        guard x.type.isInteger || x.untyped == .int || x.untyped == .rune else { throw cannot() }
        let scalar = (v >= 0 && v <= 0x10FFFF) ? Unicode.Scalar(UInt32(v)) : nil
        result = .string(scalar.map { String(Character($0)) } ?? "\u{FFFD}")
      case (.string, _) where t.isString: result = c
      case (.bool, _) where t.isBool: result = c
      default: throw cannot()
      }
      return value(TypedExpr(.constant(result), t, span))
    }
    let from = try defaultTyped(x, "conversion")
    if from.type.convertsThroughUnsafePointer(to: t) { return value(TypedExpr(.conversion(from), t, span)) }
    // A slice to an array of its element type (Go 1.20) or to a pointer to one (Go 1.17):
    // types2 conversions.go. The pointer aliases the slice's backing array; the array is a
    // copy of its first elements (walk/convert.go walkSliceToArray: `*(*[N]T)(s)`). Both panic
    // when the slice is shorter than the array (Lowering.sliceToArrayPointer).
    if let elem = from.type.sliceElement, let array = t.arrayInfo ?? t.pointee?.arrayInfo, elem.identical(array.elem),
      profile.version >= (t.isArray ? GoVersion(1, 20) : GoVersion(1, 17))
    {
      return value(TypedExpr(.conversion(from), t, span))
    }
    guard from.type.convertible(to: t) else {
      throw fail(.typeError("cannot convert \(x.goText) (\(describe(x))) to type \(t)"), at: argSpan)
    }
    let node = TypedExpr(.conversion(from), t, span)
    // string <-> []byte/[]rune copies the bytes into a new object (runtime.stringtoslicebyte,
    // slicebytetostring), as does an integer's UTF-8 string.
    if (t.isString && !from.type.isString) || (t.isSlice && from.type.isString) {
      let typeText = text(Span(span.start, max(span.start, openParen(span.start) ?? span.start))).trimmingSuffixSpaces
      let shown = typeText.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." } ? typeText : "(\(typeText))"
      let site = AllocationSite(kind: .stringConversion, span: span, type: .uint8, text: "\(shown)(\(argumentText(x)))")
      // Go 1.22+ reports a conversion at its operand, earlier versions at the parenthesis.
      site.reportAt = profile.version >= GoVersion(1, 22) ? syntaxPosition(args[0]) : openParen(span.start)
      site.zeroCopyCandidate = t.isSlice && t.sliceElement!.size == 1
      // The buffer a non-escaping result uses in the caller's frame (walk/convert.go passes a
      // stack temporary; string.go): tmpBuf, 32 bytes; [32]rune for []rune(s); [4]byte for
      // string(rune).
      if t.isSlice && t.sliceElement!.size == 4 {
        site.type = .int32
        site.constantCount = 32
      } else {
        site.constantCount = from.type.isInteger ? 4 : 32
      }
      function.sites.append(site)
      node.site = site
    }
    return value(node)
  }

  /// The offset of the first `(` at or after `start` (a call's parenthesis).
  func openParen(_ start: Int) -> Int? { first("(", from: start) }

  /// The offset of the `{` that opens the composite literal starting at `start`: the first one
  /// not inside brackets and not a struct's or an interface's in the literal's type
  /// (`map[interface{}]int{`, `struct{ a int }{`).
  func openBrace(_ start: Int) -> Int? {
    let bytes = source.bytes
    var i = max(0, start)
    var depth = 0
    while i < bytes.count {
      switch bytes[i] {
      case UInt8(ascii: "["), UInt8(ascii: "("): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: ")"): depth -= 1
      case UInt8(ascii: "{"):
        var j = i
        while j > start, bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 { j -= 1 }
        var k = j
        while k > start, bytes[k - 1].isASCIIIdentifierByte { k -= 1 }
        let word = String(decoding: bytes[k..<j], as: UTF8.self)
        if depth == 0 && word != "struct" && word != "interface" { return i }
        // A type's braces: skip to their match.
        var level = 0
        repeat {
          if bytes[i] == UInt8(ascii: "{") { level += 1 }
          if bytes[i] == UInt8(ascii: "}") { level -= 1 }
          i += 1
        } while i < bytes.count && level > 0
        continue
      default: break
      }
      i += 1
    }
    return nil
  }

  /// Where Go's syntax tree puts an expression, which is where -m reports what happens to it:
  /// a binary operation at its operator, an index or slice expression at its `[`, a call at
  /// its `(` (cmd/compile/internal/syntax: Operation, IndexExpr, SliceExpr and CallExpr
  /// positions); anything else at its start.
  func syntaxPosition(_ e: Expr) -> Int {
    switch e.kind {
    case .binary(let op, let x, let y):
      return operatorOffset(op, from: x.span.end, to: y.span.start) ?? e.span.start
    case .index(let x, _), .slice(let x, _, _, _): return first("[", from: x.span.end) ?? e.span.start
    case .call(let f, _, _): return first("(", from: f.span.end) ?? e.span.start
    default: return e.span.start
    }
  }

  /// The offset of operator `op` between two operands (only blanks, comments and closing
  /// parentheses lie before it).
  func operatorOffset(_ op: String, from start: Int, to end: Int) -> Int? {
    let bytes = source.bytes
    let a = min(max(0, start), bytes.count)
    let b = min(max(a, end), bytes.count)
    let needle = Array(op.utf8)
    guard b - a >= needle.count else { return nil }
    for i in a...(b - needle.count) where Array(bytes[i..<(i + needle.count)]) == needle { return i }
    return nil
  }

  /// The offset of the first `c` at or after `start`.
  func first(_ c: Unicode.Scalar, from start: Int) -> Int? {
    let bytes = source.bytes
    return bytes[min(max(0, start), bytes.count)...].firstIndex(of: UInt8(ascii: c))
  }

  /// An argument as -m prints it: a constant by its value (Go 1.22+: `make([]byte, 16)` for a
  /// named constant), anything else as written.
  func argumentText(_ op: Operand) -> String {
    if let c = op.constant, case .int(let v) = c, profile.version >= GoVersion(1, 22) { return "\(v)" }
    // A call Go's inliner inlines is its result variable (`string(~r0)`; runs/strconvappend).
    if case .builtin(let b, _, _) = op.expr.kind, b.packageInlining(go127: profile.version >= GoVersion(1, 20)) != nil {
      return profile.version >= GoVersion(1, 20) ? "~r0" : "~R0"
    }
    if op.constant != nil, case .string = op.constant! { return op.text }
    // A make is its site's text (its constant size by value in Go 1.22+).
    if case .makeSlice(_, _, _, let site) = op.expr.kind { return site.text }
    // In the compiler's spacing (`1 << 20`, `n + 1`: Diagnostics/IRText.swift).
    return irExpressionText(op.text)
  }

  // MARK: Builtins

  private func builtin(_ name: String, _ args: [Expr], _ spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> Operand {
    switch name {
    case "make": return value(try make(args, scope, span))
    case "new":
      try arity("new", args, 1, span)
      let t = try typeArgument(args[0], scope)
      let site = AllocationSite(kind: .new, span: span, type: t, text: "new(\(text(args[0].span)))")
      site.constantCount = 1
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      return value(TypedExpr(.new(t, site), .pointer(to: t), span))
    case "len", "cap": return try lengthOf(name, args, scope, span)
    case "delete":
      var op = value(try deleteCall(args, scope, span))
      op.isCallResult = true
      return op
    case "min", "max": return try minMax(name, args, scope, span)
    case "close":
      var op = value(try closeCall(args, scope, span))
      op.isCallResult = true
      return op
    default:
      guard let b = Builtin(rawValue: name) else { throw fail(.typeError("undefined: \(name)"), at: span) }
      var op = value(try builtinCall(b, args, spread: spread, scope, span))
      op.isCallResult = true
      return op
    }
  }

  /// A type argument (of make or new).
  private func typeArgument(_ e: Expr, _ scope: LexicalScope) throws -> GoType {
    switch e.kind {
    case .type(let te): return try resolveType(te, scope)
    case .identifier(let n):
      if case .type(let t)? = scope.lookup(n) { return t }
      if let what = Universe.unsupportedTypes[n], scope.lookup(n) == nil {
        throw fail(.notSupported(what, plural: true), at: e.span)
      }
      throw fail(.typeError(scope.lookup(n) == nil ? "undefined: \(n)" : "\(n) is not a type"), at: e.span)
    case .selector(let base, let n):
      if case .identifier(let pkg) = base.kind { return try resolveType(.qualified(pkg, n, e.span), scope) }
    case .paren(let inner): return try typeArgument(inner, scope)
    case .unary("*", let inner): return .pointer(to: try typeArgument(inner, scope))
    default: break
    }
    throw fail(.typeError("\(syntaxText(e.span)) is not a type"), at: e.span)
  }

  /// `make([]T, len[, cap])`.
  private func make(_ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    guard let first = args.first else { throw fail(.typeError("not enough arguments for make() (expected 1, found 0)"), at: span) }
    let t = try typeArgument(first, scope)
    if t.isMap { return try makeMap(t, args, first, scope, span) }
    if t.isChan { return try makeChan(t, args, first, scope, span) }
    guard let elem = t.sliceElement else {
      throw fail(.typeError("invalid argument: cannot make \(syntaxText(first.span)); type must be slice, map, or channel"), at: first.span)
    }
    guard args.count >= 2 else { throw fail(.typeError("invalid operation: \(syntaxText(span)) expects 2 or 3 arguments; found 1"), at: span) }
    guard args.count <= 3 else { throw fail(.typeError("invalid operation: \(syntaxText(span)) expects 2 or 3 arguments; found \(args.count)"), at: span) }
    let lenOp = try expression(args[1], scope)
    let capOp = try args.count == 3 ? expression(args[2], scope) : nil
    let len = try integerOperand(lenOp, "index")
    let cap = try capOp.map { try integerOperand($0, "index") }
    if let l = len.constant?.exactInteger, let c = cap?.constant?.exactInteger, l > c {
      throw fail(.typeError("invalid argument: length and capacity swapped"), at: args[1].span)
    }
    let shown = "make(\(text(first.span)), \(argumentText(lenOp))" + (capOp.map { ", " + argumentText($0) } ?? "") + ")"
    let site = AllocationSite(kind: .make, span: span, type: elem, text: shown)
    site.reportAt = openParen(span.start)
    if let n = (cap ?? len).constant?.exactInteger, n < Int128(Int.max) { site.constantCount = Int(n) }
    function.sites.append(site)
    return TypedExpr(.makeSlice(t, len, cap, site), t, span)
  }

  /// `len(x)`, `cap(x)`: constant for arrays and constant strings.
  private func lengthOf(_ name: String, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> Operand {
    try arity(name, args, 1, span)
    var x = try expression(args[0], scope)
    if case .string(let s)? = x.constant, name == "len" {
      return value(TypedExpr(.constant(.int(Int128(StringConstantBytes.count(s)))), .int, span))
    }
    if x.untyped != nil { x = value(try defaultTyped(x, "argument to \(name)")) }
    let t = x.type
    let arrayCount = t.arrayInfo?.count ?? t.pointee?.arrayInfo?.count
    if let n = arrayCount, !containsCall(x.expr) {
      return value(TypedExpr(.constant(.int(Int128(n))), .int, span))
    }
    guard t.isSlice || (t.isString && name == "len") || (t.isMap && name == "len") || t.isChan || arrayCount != nil else {
      throw fail(.typeError("invalid argument: \(x.goText) (\(describe(x))) for built-in \(name)"), at: args[0].span)
    }
    return value(TypedExpr(.builtin(name == "len" ? .len : .cap, [x.expr], spread: false), .int, span))
  }

  /// Whether an expression calls anything — a function, a builtin, make, and `new` unless
  /// `exceptNew` (typecheck's callOrChan leaves new out): then len of an array is not constant
  /// (the spec's "Length and capacity"), and Go 1.19 evaluates a method's receiver first
  /// (Checker+Methods.swift).
  func containsCall(_ e: TypedExpr, exceptNew: Bool = false) -> Bool {
    switch e.kind {
    case .call, .builtin, .makeSlice, .makeMap, .inlinedCall, .initialized: return true
    case .new: return !exceptNew
    default:
      var found = false
      e.forEachChild { if !found { found = containsCall($0, exceptNew: exceptNew) } }
      return found
    }
  }

  /// `min(x, ...)`, `max(x, ...)` (Go 1.21): ordered operands of one type; constants fold.
  private func minMax(_ name: String, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> Operand {
    guard !args.isEmpty else { throw fail(.typeError("not enough arguments for \(name)() (expected 1, found 0)"), at: span) }
    var ops = try args.map { try expression($0, scope) }
    // The operands' type: the typed one's, else the largest untyped kind.
    let typed = ops.first { $0.untyped == nil }?.type
    for op in ops where !(op.type.isOrdered) {
      throw fail(.typeError("invalid argument: \(op.goText) (\(describe(op))) cannot be ordered"), at: op.expr.span)
    }
    if typed == nil, ops.allSatisfy({ $0.constant != nil }) {
      var best = ops[0]
      for op in ops.dropFirst() {
        let kind = UntypedKind.larger(best.untyped ?? .int, op.untyped ?? .int)
        guard case .bool(let less)? = try? ConstantMath.binary("<", op.constant!, best.constant!) else {
          throw fail(.typeError("invalid argument: mismatched types in \(name)"), at: op.expr.span)
        }
        if name == "min" ? less : !less && op.constant! != best.constant! { best = op }
        best = constant(best.constant!, kind, span)
      }
      return constant(best.constant!, best.untyped ?? .int, span)
    }
    let t = typed ?? UntypedKind.larger(ops[0].untyped ?? .int, ops.last!.untyped ?? .int).defaultType
    // Typed operands must have identical types (types2 builtins.go _Max/_Min), before any
    // untyped one is converted.
    for op in ops where op.untyped == nil && !op.type.identical(t) {
      throw fail(.typeError("invalid argument: mismatched types \(t) (previous argument) and \(op.type) (type of \(op.goText))"), at: op.expr.span)
    }
    ops = try ops.map { value(try assign($0, to: t, "argument to \(name)")) }
    for op in ops where !op.type.identical(t) {
      throw fail(.typeError("invalid argument: mismatched types \(t) (previous argument) and \(op.type) (type of \(op.goText))"), at: op.expr.span)
    }
    if ops.allSatisfy({ $0.constant != nil }) {
      var best = ops[0].constant!
      for op in ops.dropFirst() {
        if case .bool(let less)? = try? ConstantMath.binary("<", op.constant!, best), name == "min" ? less : !less && op.constant! != best {
          best = op.constant!
        }
      }
      return value(TypedExpr(.constant(best), t, span))
    }
    return value(TypedExpr(.builtin(name == "min" ? .min : .max, ops.map(\.expr), spread: false), t, span))
  }

  /// A call of a builtin or package function with a fixed signature.
  func builtinCall(_ b: Builtin, _ args: [Expr], spread: Bool, _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    func node(_ typed: [TypedExpr], _ t: GoType, spread: Bool = false) -> TypedExpr {
      TypedExpr(.builtin(b, typed, spread: spread), t, span)
    }
    if b.isSlicesFunction || b == .cmpCompare || b == .cmpLess { return try slicesCall(b, args, spread: spread, scope, span) }
    if b.logOperation != nil { return try logCall(b, logger: nil, args, spread: spread, scope, callee: span, span).expr }
    if spread && b != .append && b != .errorsJoin {
      if let spreadCall = try fmtSpread(b, args, scope, span) { return spreadCall }
      throw fail(.notSupported("variadic calls (...)", plural: true), at: span)
    }
    if b.randSignature != nil && !b.isRandMethod { return try randCall(b, args, scope, span) }
    switch b {
    case .append:
      guard let first = args.first else { throw fail(.typeError("not enough arguments for append() (expected 1, found 0)"), at: span) }
      let s = try expression(first, scope)
      if s.untyped == .nilValue { throw fail(.typeError("first argument to append must be a typed slice; have untyped nil"), at: first.span) }
      guard let elem = s.type.sliceElement else {
        throw fail(.typeError("invalid append: argument must be a slice; have \(s.goText) (\(describe(s)))"), at: first.span)
      }
      var typed = [s.expr]
      if spread {
        try arity("append", args, 2, span)
        let other = try expression(args[1], scope)
        if elem.identical(.uint8) && (other.type.isString || other.untyped == .string) {
          typed.append(try assign(other, to: .string, "append"))
        } else {
          typed.append(try assign(other, to: s.type, "append"))
        }
      } else {
        for a in args.dropFirst() { typed.append(try assign(try expression(a, scope), to: elem, "argument to append")) }
      }
      let n = node(typed, s.type, spread: spread)
      let site = AllocationSite(kind: .append, span: span, type: elem, text: "append")
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      n.site = site
      return n
    case .copy:
      try arity("copy", args, 2, span)
      let d = try expression(args[0], scope)
      let s = try expression(args[1], scope)
      guard let de = d.type.sliceElement, d.untyped == nil else {
        throw fail(.typeError("invalid copy: argument must be a slice; have \(d.goText) (\(describe(d)))"), at: args[0].span)
      }
      let src: TypedExpr
      if de.identical(.uint8) && (s.type.isString || s.untyped == .string) {
        src = try assign(s, to: .string, "copy")
      } else {
        guard let se = s.type.sliceElement, se.identical(de) else {
          throw fail(.typeError("invalid copy: arguments \(d.goText) (\(describe(d))) and \(s.goText) (\(describe(s))) have different element types \(de) and \(s.type.sliceElement.map { "\($0)" } ?? "\(s.type)")"), at: span)
        }
        src = s.expr
      }
      return node([d.expr, src], .int)
    case .clear:
      try arity("clear", args, 1, span)
      let s = try expression(args[0], scope)
      guard s.type.isSlice || s.type.isMap, s.untyped == nil else {
        throw fail(.typeError("invalid argument: \(s.goText) (\(describe(s))) must be a map or slice"), at: args[0].span)
      }
      return node([s.expr], noValueType)
    case .panic:
      // panic's parameter is `any`: the value is converted (and escapes), so that a recover
      // gets it back.
      try arity("panic", args, 1, span)
      let x = try expression(args[0], scope)
      return node([try assign(x, to: .any, "argument to panic")], noValueType)
    case .print, .println:
      // Go's builtins print what the runtime can print by itself (walk/builtin.go walkPrint):
      // booleans, numbers, strings, pointers and slices (as `[len/cap]0xaddr`).
      let (ops, spill) = try printOperands(args, scope)
      let typed = try ops.map { op -> TypedExpr in
        if op.untyped == .nilValue {
          throw fail(.typeError("use of untyped nil in argument to built-in \(b.rawValue)"), at: op.expr.span)
        }
        let x = try defaultTyped(op, "argument to \(b.rawValue)")
        if x.type.isStruct || x.type.isArray {
          throw fail(.typeError("illegal types for operand: \(b.rawValue)\n\t\(x.type)"), at: op.expr.span)
        }
        return x
      }
      let call = node(typed, noValueType)
      return spill.map { TypedExpr(.initialized([$0], call), call.type, span) } ?? call
    case .fmtPrintln, .fmtPrint, .fmtSprint, .fmtSprintln:
      let (ops, spill) = try printOperands(args, scope)
      let typed = try ops.map { try fmtArgument($0, b) }
      let isString = b == .fmtSprint || b == .fmtSprintln
      let call = node(typed, isString ? .string : noValueType)
      return spill.map { TypedExpr(.initialized([$0], call), call.type, span) } ?? call
    case .fmtFprint, .fmtFprintln, .fmtFprintf:
      // The writer: os.Stdout or os.Stderr, written as the stream's number; a *bytes.Buffer
      // or *strings.Builder, whose Write fmt calls with what it printed; or an io.Writer.
      guard let w = args.first else {
        throw fail(.typeError("not enough arguments in call to \(b.rawValue)\n\thave ()\n\twant (io.Writer, \(b == .fmtFprintf ? "string, " : "")...any)"), at: span)
      }
      let stream = try writerOperand(w, scope, b.rawValue, anyWriter: true)
      let rest = Array(args.dropFirst())
      let printed = b == .fmtFprintf ? Builtin.fmtPrintf : (b == .fmtFprintln ? .fmtPrintln : .fmtPrint)
      // The same call as Print/Println/Printf, with the stream as its first operand (and any
      // results of a call it spreads, `Fprintln(os.Stderr, two())`, spilled before it); its
      // results are the Write's, `n int, err error`.
      return prefixing(stream, to: try builtinCall(printed, rest, spread: false, scope, span), as: b, tupleType([.int, .error]))
    case .fmtAppend, .fmtAppendln, .fmtAppendf:
      // Sprint, Sprintln or Sprintf's call, its text appended to the []byte given first.
      let bytes = GoType.slice(of: .uint8)
      guard let first = args.first else {
        throw fail(.typeError("not enough arguments in call to \(b.rawValue)\n\thave ()\n\twant ([]byte, \(b == .fmtAppendf ? "string, " : "")...any)"), at: span)
      }
      let dst = try assign(try expression(first, scope), to: bytes, "argument to \(b.rawValue)")
      let printed = b == .fmtAppendf ? Builtin.fmtSprintf : (b == .fmtAppendln ? .fmtSprintln : .fmtSprint)
      return prefixing(dst, to: try builtinCall(printed, Array(args.dropFirst()), spread: false, scope, span), as: b, bytes)
    case .runtimeNumGoroutine, .runtimeNumCPU:
      try arity(b.rawValue, args, want: [], scope, span)
      return node([], .int)
    case .runtimeGOMAXPROCS:
      try arity(b.rawValue, args, want: ["int"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .int, "argument to runtime.GOMAXPROCS")], .int)
    case .timeNow:
      try arity(b.rawValue, args, want: [], scope, span)
      return node([], timeType)
    case .timeSince:
      try arity(b.rawValue, args, want: ["time.Time"], scope, span)
      return node([try assign(try expression(args[0], scope), to: timeType, "argument to time.Since")], durationType)
    case .osWrite, .osWriteString:
      let data: GoType = b == .osWrite ? .slice(of: .uint8) : .string
      try arity(b.rawValue, args, want: ["int", "\(data)"], scope, span)
      return node([
        try assign(try expression(args[0], scope), to: .int, "argument to \(b.rawValue)"),
        try assign(try expression(args[1], scope), to: data, "argument to \(b.rawValue)"),
      ], noValueType)
    case .osGetenv:
      try arity("os.Getenv", args, want: ["string"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .string, "argument to os.Getenv")], .string)
    case .strconvItoa:
      try arity("strconv.Itoa", args, want: ["int"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .int, "argument to strconv.Itoa")], .string)
    case .strconvFormatInt, .strconvFormatUint:
      let value: GoType = b == .strconvFormatInt ? .int64 : .uint64
      try arity(b.rawValue, args, want: ["\(value)", "int"], scope, span)
      return node([
        try assign(try expression(args[0], scope), to: value, "argument to \(b.rawValue)"),
        try assign(try expression(args[1], scope), to: .int, "argument to \(b.rawValue)"),
      ], .string)
    case .sortInts, .sortStrings, .sortFloat64s, .sortIntsAreSorted, .sortStringsAreSorted, .sortFloat64sAreSorted:
      let elem: GoType = b.sortedSliceElement!
      let want = GoType.slice(of: elem)
      try arity(b.rawValue, args, want: ["\(want)"], scope, span)
      let isCheck = b == .sortIntsAreSorted || b == .sortStringsAreSorted || b == .sortFloat64sAreSorted
      return node([try assign(try expression(args[0], scope), to: want, "argument to \(b.rawValue)")], isCheck ? .bool : noValueType)
    case .sortSlice, .sortSliceStable, .sortSliceIsSorted:
      // `x any`: a slice (reflectlite panics at run time on anything else); less(i, j int) bool.
      try arity(b.rawValue, args, want: ["any", "func(i, j int) bool"], scope, span)
      let x = try expression(args[0], scope)
      if x.untyped == .nilValue {
        throw fail(.notSupported("\(b.rawValue) of nil (an interface without a slice)", plural: false), at: args[0].span)
      }
      if x.type.isInterface {
        throw fail(.notSupported("\(b.rawValue) of an interface value (gcsh sorts a slice whose type it knows)", plural: false), at: args[0].span)
      }
      let slice = x.untyped != nil ? try defaultTyped(x, "argument to \(b.rawValue)") : x.expr
      let lessType = GoType.function(params: [.int, .int], results: [.bool], variadic: false)
      let less = try assign(try expression(args[1], scope), to: lessType, "argument to \(b.rawValue)")
      return node([slice, less], b == .sortSliceIsSorted ? .bool : noValueType)
    case .stringsRepeat:
      try arity("strings.Repeat", args, want: ["string", "int"], scope, span)
      return node([
        try assign(try expression(args[0], scope), to: .string, "argument to strings.Repeat"),
        try assign(try expression(args[1], scope), to: .int, "argument to strings.Repeat"),
      ], .string)
    case .timeAfterFunc:
      let f = GoType(.function(params: [], results: [], variadic: false))
      try arity(b.rawValue, args, want: ["time.Duration", "func()"], scope, span)
      let d = try assign(try expression(args[0], scope), to: durationType, "argument to time.AfterFunc")
      let g = try assign(try expression(args[1], scope), to: f, "argument to time.AfterFunc")
      return node([d, g], .pointer(to: TimeTypes.timer(profile)))
    case .timeNewTimer, .timeNewTicker:
      try arity(b.rawValue, args, want: ["time.Duration"], scope, span)
      let d = try assign(try expression(args[0], scope), to: durationType, "argument to \(b.rawValue)")
      let object = b == .timeNewTimer ? TimeTypes.timer(profile) : TimeTypes.ticker(profile)
      return node([d], .pointer(to: object))
    case .timerStop, .timerReset, .tickerStop, .tickerReset, .durationSeconds, .durationMinutes,
      .durationHours, .durationMilliseconds, .durationMicroseconds, .durationNanoseconds, .durationRound,
      .durationTruncate, .durationString, .durationAbs, .metricsValueKind, .metricsValueUint64,
      .metricsValueFloat64, .metricsValueFloat64Histogram:
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .mathSqrt, .mathAbs, .mathFloor, .mathCeil, .mathTrunc, .mathRound, .mathRoundToEven, .mathLog,
      .mathLog2, .mathLog10, .mathExp, .mathCbrt, .mathPow, .mathMax, .mathMin, .mathMod, .mathCopysign, .mathHypot,
      .mathSin, .mathCos, .mathTan, .mathAsin, .mathAcos, .mathAtan, .mathAtan2,
      .mathInf, .mathNaN, .mathIsNaN, .mathIsInf, .mathSignbit, .mathFloat64bits, .mathFloat64frombits,
      .mathFloat32bits, .mathFloat32frombits, .mathModf, .mathFrexp, .mathLdexp:
      guard let (params, results) = b.mathSignature else { throw CheckFailure() }
      try arity(b.rawValue, args, want: params.map(\.description), scope, span)
      let typed = try zip(args, params).map { a, t in
        try assign(try expression(a, scope), to: t, "argument to \(b.rawValue)")
      }
      return node(typed, results.count == 1 ? results[0] : tupleType(results))
    case .timeUnixMethod, .timeUnixNano, .timeUnixMilliMethod, .timeUnixMicro, .timeSub, .timeAdd, .timeBefore,
      .timeAfterMethod, .timeEqual, .timeCompare, .timeIsZero, .timeYear, .timeMonth, .timeDay, .timeHour,
      .timeMinute, .timeSecond, .timeNanosecond, .timeWeekday, .timeYearDay, .timeFormat, .timeString, .timeUTC,
      .timeLocal, .timeTruncate, .timeRound, .timeAddDate, .monthString, .weekdayString:
      // Reached only through a receiver (Checker+Time.swift).
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .timeUTCLocation, .timeLocalLocation:
      throw fail(.typeError("invalid operation: cannot call non-function \(b.rawValue) (variable of type *time.Location)"), at: span)
    case .logPrint, .logPrintf, .logPrintln, .logFatal, .logFatalf, .logFatalln, .logPanic, .logPanicf, .logPanicln,
      .logSetFlags, .logSetPrefix, .logFlags, .logPrefix, .logSetOutput, .logNew, .logDefault, .loggerPrint,
      .loggerPrintf, .loggerPrintln, .loggerFatal, .loggerFatalf, .loggerFatalln, .loggerPanic, .loggerPanicf,
      .loggerPanicln, .loggerSetFlags, .loggerSetPrefix, .loggerFlags, .loggerPrefix, .loggerSetOutput:
      throw CheckFailure()  // logCall, above
    case .timeDate, .timeUnix, .timeUnixMilli, .timeUntil, .timeParseDuration:
      let params: [GoType]
      let result: GoType
      switch b {
      case .timeDate: (params, result) = ([.int, monthType, .int, .int, .int, .int, .int, .pointer(to: locationType)], timeType)
      case .timeUnix: (params, result) = ([.int64, .int64], timeType)
      case .timeUnixMilli: (params, result) = ([.int64], timeType)
      case .timeUntil: (params, result) = ([timeType], durationType)
      default: (params, result) = ([.string], tupleType([durationType, .error]))
      }
      try arity(b.rawValue, args, want: params.map(\.description), scope, span)
      let typed = try zip(args, params).map { a, t in
        try assign(try expression(a, scope), to: t, "argument to \(b.rawValue)")
      }
      return node(typed, result)
    case .unicodeIsLetter, .unicodeIsDigit, .unicodeIsNumber, .unicodeIsSpace, .unicodeIsUpper, .unicodeIsLower,
      .unicodeIsTitle, .unicodeIsPunct, .unicodeIsSymbol, .unicodeIsControl, .unicodeIsPrint, .unicodeIsGraphic,
      .unicodeIsMark, .unicodeToUpper, .unicodeToLower, .unicodeToTitle:
      try arity(b.rawValue, args, want: ["rune"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .int32, "argument to \(b.rawValue)")], b.unicodeResult!)
    case .bytesNewBuffer, .bytesNewBufferString:
      return try newBytesBuffer(b, args, scope, span)
    case .runtimeVersion:
      try arity("runtime.Version", args, want: [], scope, span)
      return node([], .string)
    case .atomicAdd, .atomicLoad, .atomicStore, .atomicCompareAndSwap, .atomicSwap, .atomicMethodAdd,
      .atomicMethodLoad, .atomicMethodStore, .atomicMethodCompareAndSwap, .atomicMethodSwap:
      // Reached only through their package member (.atomicFunction) or a receiver.
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .bufferWrite, .bufferWriteString, .bufferWriteByte, .bufferWriteRune, .bufferGrow, .bufferTruncate,
      .bufferLen, .bufferCap, .bufferBytes, .bufferReset, .bufferString:
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .metricsRead:
      try arity("metrics.Read", args, want: ["[]metrics.Sample"], scope, span)
      let samples = try assign(try expression(args[0], scope), to: .slice(of: MetricsTypes.sample), "argument to metrics.Read")
      return node([samples], noValueType)
    case .metricsAll:
      try arity("metrics.All", args, want: [], scope, span)
      return node([], .slice(of: MetricsTypes.description))
    case .strconvErrSyntax, .strconvErrRange, .osArgs:
      throw fail(.typeError("invalid operation: cannot call non-function \(b.rawValue) (variable of interface type error)"), at: span)
    case .osExit:
      try arity("os.Exit", args, want: ["int"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .int, "argument to os.Exit")], noValueType)
    case .stringsContains, .stringsContainsRune, .stringsHasPrefix, .stringsHasSuffix, .stringsIndex,
      .stringsIndexByte, .stringsLastIndex, .stringsCompare, .stringsTrimSpace, .stringsTrimPrefix, .stringsTrimSuffix,
      .stringsSplit, .stringsFields, .stringsJoin, .stringsToUpper, .stringsToLower, .stringsReplace,
      .stringsReplaceAll, .stringsEqualFold, .strconvParseInt, .strconvParseUint, .strconvParseFloat,
      .strconvParseBool, .strconvFormatFloat, .strconvFormatBool, .strconvQuote, .strconvQuoteToASCII, .stringsTrim, .stringsTrimLeft, .stringsTrimRight, .stringsSplitN, .stringsCut, .stringsIndexAny, .stringsLastIndexAny,
      .stringsContainsAny, .stringsLastIndexByte, .stringsIndexRune, .stringsTitle, .stringsFieldsFunc, .stringsMap, .stringsIndexFunc,
      .stringsLastIndexFunc, .stringsTrimFunc, .stringsTrimLeftFunc, .stringsTrimRightFunc, .strconvAppendInt, .strconvAppendUint,
      .strconvAppendBool, .strconvAppendQuote, .strconvAppendFloat, .strconvUnquote:
      let (params, result) = b.stringsSignature!
      try arity(b.rawValue, args, want: params.map(\.description), scope, span)
      let typed = try zip(args, params).map { a, t in
        try assign(try expression(a, scope), to: t, "argument to \(b.rawValue)")
      }
      return node(typed, result)
    case .stringsClone: return try stringsClone(args, scope, span)
    case .bytesClone:
      try arity(b.rawValue, args, want: ["[]byte"], scope, span)
      let call = node([try assign(try expression(args[0], scope), to: .slice(of: .uint8), "argument to bytes.Clone")], .slice(of: .uint8))
      call.site = inlinedAppendSite(.uint8, literal: "[]byte{}", span)
      return call
    case .slicesClone, .slicesClip, .slicesGrow, .slicesInsert, .slicesDelete, .slicesDeleteFunc,
      .slicesReplace, .slicesCompact, .slicesCompactFunc, .slicesContains, .slicesContainsFunc, .slicesIndex,
      .slicesIndexFunc, .slicesEqual, .slicesEqualFunc, .slicesCompare, .slicesReverse, .slicesMax, .slicesMin,
      .slicesMaxFunc, .slicesMinFunc, .slicesSort, .slicesSortFunc, .slicesSortStableFunc, .slicesIsSorted,
      .slicesIsSortedFunc, .slicesBinarySearch, .cmpCompare, .cmpLess:
      throw CheckFailure()  // slicesCall, above
    case .sortSort, .sortStable, .sortIsSorted, .sortSearch, .sortSearchInts, .sortSearchStrings, .sortSearchFloat64s:
      // sort.Interface's operand is converted as any argument of an interface type is (its
      // method set checked: `byLen does not implement sort.Interface (missing method Swap)`).
      let (params, result) = b.sortSignature!
      let (typed, spill) = try arguments(params: params, variadic: false, args, false, scope, span, name: b.rawValue)
      let call = node(typed, result)
      return spill.map { TypedExpr(.initialized([$0], call), result, span) } ?? call
    case .stringsCount:
      try arity(b.rawValue, args, want: ["string", "string"], scope, span)
      let s = try assign(try expression(args[0], scope), to: .string, "argument to strings.Count")
      let sub = try assign(try expression(args[1], scope), to: .string, "argument to strings.Count")
      return node([s, sub], .int)
    case .builderWriteString, .builderWriteByte, .builderWriteRune, .builderGrow, .builderLen,
      .builderCap, .builderString, .builderReset:
      // Only as methods (Checker+StringsBuilder.swift).
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .strconvAtoi:
      try arity(b.rawValue, args, want: ["string"], scope, span)
      let s = try assign(try expression(args[0], scope), to: .string, "argument to strconv.Atoi")
      return node([s], tupleType([.int, .error]))
    case .recover:
      try arity("recover", args, want: [], scope, span)
      return node([], .any)
    case .errorsNew:
      // errors.go: `return &errorString{text}` — inlined into the caller, so the errorString
      // is an allocation of the caller's that escape analysis decides (`&errors.errorString{...}`).
      try arity(b.rawValue, args, want: ["string"], scope, span)
      let s = try assign(try expression(args[0], scope), to: .string, "argument to errors.New")
      let n = node([s], .error)
      n.site = errorStringSite(span)
      return n
    case .fmtErrorf:
      guard let first = args.first else {
        throw fail(.typeError("not enough arguments in call to fmt.Errorf\n\thave ()\n\twant (string, ...any)"), at: span)
      }
      let format = try assign(try expression(first, scope), to: .string, "argument to fmt.Errorf")
      let rest = try args.dropFirst().map { try fmtArgument(try expression($0, scope), b) }
      let n = node([format] + rest, .error)
      if profile.version >= GoVersion(1, 26) {
        // Go 1.26+'s Errorf (fmt/errors.go) is inlined with the errors.New(format) it returns
        // when there is nothing to format: an allocation site of the caller's, reported
        // whichever way the call goes at run time (`&errors.errorString{...} escapes to heap`).
        n.site = errorStringSite(span)
      }
      return n
    case .errorsIs:
      try arity(b.rawValue, args, want: ["error", "error"], scope, span)
      return node(try args.map { try assign(try expression($0, scope), to: .error, "argument to errors.Is") }, .bool)
    case .errorsJoin:
      // `func Join(errs ...error) error`: the errors one by one, or a []error spread.
      // Inlined (Go 1.20+), its `&joinError{...}` is an allocation of the caller's, which -m
      // reports as escape analysis decides.
      let n: TypedExpr
      if spread {
        try arity(b.rawValue, args, want: ["...error"], scope, span)
        n = node([try assign(try expression(args[0], scope), to: .slice(of: .error), "argument to errors.Join")], .error, spread: true)
      } else {
        n = node(try args.map { try assign(try expression($0, scope), to: .error, "argument to errors.Join") }, .error)
      }
      let site = AllocationSite(kind: .compositeAddress, span: span, type: joinErrorType, text: "&errors.joinError{...}")
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      n.site = site
      return n
    case .errorsUnwrap:
      try arity(b.rawValue, args, want: ["error"], scope, span)
      return node([try assign(try expression(args[0], scope), to: .error, "argument to errors.Unwrap")], .error)
    case .errorsAs:
      // `target any`: a non-nil pointer to an interface or to a type implementing error, else
      // As panics at run time (errors/wrap.go); gcsh needs the pointer's type where it is written.
      try arity(b.rawValue, args, want: ["error", "any"], scope, span)
      let err = try assign(try expression(args[0], scope), to: .error, "argument to errors.As")
      let target = try expression(args[1], scope)
      if target.untyped == .nilValue || target.type.isInterface {
        throw fail(.notSupported("errors.As with a target of interface type (gcsh needs the pointer's type where it is written)", plural: false), at: args[1].span)
      }
      let t = target.untyped != nil ? try defaultTyped(target, "argument to errors.As") : target.expr
      return node([err, t], .bool)
    case .fmtPrintf, .fmtSprintf:
      guard let first = args.first else {
        throw fail(.typeError("not enough arguments in call to \(b.rawValue)\n\thave ()\n\twant (string, ...any)"), at: span)
      }
      let format = try assign(try expression(first, scope), to: .string, "argument to \(b.rawValue)")
      let rest = try args.dropFirst().map { try fmtArgument(try expression($0, scope), b) }
      return node([format] + rest, b == .fmtSprintf ? .string : noValueType)
    case .timeSleep:
      try arity("time.Sleep", args, want: ["time.Duration"], scope, span)
      return node([try assign(try expression(args[0], scope), to: durationType, "argument to time.Sleep")], noValueType)
    case .runtimeGC, .runtimeGosched:
      try arity(b.rawValue, args, want: [], scope, span)
      return node([], noValueType)
    case .timeAfter, .timeTick:
      try arity(b.rawValue, args, want: ["time.Duration"], scope, span)
      let d = try assign(try expression(args[0], scope), to: durationType, "argument to \(b.rawValue)")
      return node([d], GoType(.chan(timeType, .receive)))
    case .select, .makeChan, .chanSend, .chanRecv, .chanRecv2, .close, .syncWaitGroupAdd, .syncWaitGroupDone,
      .syncWaitGroupWait, .syncMutexLock, .syncMutexUnlock, .syncMutexTryLock, .syncRWMutexLock,
      .syncRWMutexUnlock, .syncRWMutexRLock, .syncRWMutexRUnlock, .syncRWMutexTryLock, .syncRWMutexTryRLock,
      .syncOnceDo, .syncPoolGet, .syncPoolPut, .randNew, .randNewSource, .randInt, .randIntn, .randInt31, .randInt31n, .randInt63, .randInt63n,
      .randUint32, .randUint64, .randFloat32, .randFloat64, .randPerm, .randShuffle, .randSeed, .randMethodInt,
      .randMethodIntn, .randMethodInt31, .randMethodInt31n, .randMethodInt63, .randMethodInt63n, .randMethodUint32,
      .randMethodUint64, .randMethodFloat32, .randMethodFloat64, .randMethodPerm, .randMethodShuffle, .randMethodSeed:
      // Made by the channel, sync and math/rand checks (Checker+Channels.swift), never named by a call.
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .runtimeSetFinalizer:
      // Both parameters are `any`: Go checks the kinds at run time (mfinal.go), and so does gcsh.
      try arity("runtime.SetFinalizer", args, want: ["any", "any"], scope, span)
      let obj = try defaultTyped(try expression(args[0], scope), "argument to runtime.SetFinalizer")
      let fnOp = try expression(args[1], scope)
      let fn = fnOp.untyped == .nilValue
        ? TypedExpr(.nilValue, .function(params: [obj.type], results: [], variadic: false), fnOp.expr.span)
        : try defaultTyped(fnOp, "argument to runtime.SetFinalizer")
      return node([obj, fn], noValueType)
    case .runtimeAddCleanup:
      // AddCleanup[T, S any](ptr *T, cleanup func(S), arg S): T and S inferred from ptr and
      // cleanup, as types2 infers them; arg must be assignable to S.
      try arity("runtime.AddCleanup", args, want: ["*T", "func(S)", "S"], scope, span)
      let ptr = try defaultTyped(try expression(args[0], scope), "argument to runtime.AddCleanup")
      guard ptr.type.isPointer, ptr.type.name == nil else {
        throw fail(.typeError("in call to runtime.AddCleanup, type \(ptr.type) of \(syntaxText(args[0].span)) does not match *T"), at: args[0].span)
      }
      let fn = try defaultTyped(try expression(args[1], scope), "argument to runtime.AddCleanup")
      guard case .function(let params, let results, false) = fn.type.kind, params.count == 1, results.isEmpty else {
        throw fail(.typeError("in call to runtime.AddCleanup, type \(fn.type) of \(syntaxText(args[1].span)) does not match func(S)"), at: args[1].span)
      }
      let arg = try assign(try expression(args[2], scope), to: params[0], "argument to runtime.AddCleanup")
      return node([ptr, fn, arg], cleanupType)
    case .reflectliteTypeOf: return try reflectliteTypeOfCall(args, scope, span)
    case .unsafeAdd, .unsafeSlice, .unsafeString, .unsafeStringData, .unsafeSliceData, .panicRangeState:
      // Checked where they are called (Checker+Unsafe.swift) or written by the range-over-func
      // rewrite (Checker+RangeFunc.swift); never a package member.
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .cleanupStop, .weakMake, .weakValue, .atomicValueLoad, .atomicValueStore, .atomicValueSwap,
      .atomicValueCompareAndSwap, .reflectliteTypeString, .reflectliteTypeComparable, .atomicPointerLoad,
      .atomicPointerStore, .atomicPointerSwap, .atomicPointerCompareAndSwap:
      throw fail(.typeError("undefined: \(b.rawValue)"), at: span)
    case .runtimeKeepAlive:
      try arity("runtime.KeepAlive", args, want: ["any"], scope, span)
      return node([try defaultTyped(try expression(args[0], scope), "argument to runtime.KeepAlive")], noValueType)
    case .runtimeReadMemStats:
      let want = GoType.pointer(to: profile.memStatsType)
      try arity("runtime.ReadMemStats", args, want: ["\(want)"], scope, span)
      return node([try assign(try expression(args[0], scope), to: want, "argument to runtime.ReadMemStats")], noValueType)
    case .debugReadGCStats:
      let want = GoType.pointer(to: gcStatsType)
      try arity("debug.ReadGCStats", args, want: ["\(want)"], scope, span)
      return node([try assign(try expression(args[0], scope), to: want, "argument to debug.ReadGCStats")], noValueType)
    case .debugFreeOSMemory:
      try arity("debug.FreeOSMemory", args, want: [], scope, span)
      try requireFeature(.freeOSMemory, span)
      return node([], noValueType)
    case .debugSetGCPercent:
      try arity("debug.SetGCPercent", args, want: ["int"], scope, span)
      try requireFeature(.setGCPercent, span)
      return node([try assign(try expression(args[0], scope), to: .int, "argument to debug.SetGCPercent")], .int)
    case .debugSetMemoryLimit:
      try arity("debug.SetMemoryLimit", args, want: ["int64"], scope, span)
      try requireFeature(.memoryLimit, span)
      return node([try assign(try expression(args[0], scope), to: .int64, "argument to debug.SetMemoryLimit")], .int64)
    case .delete: return try deleteCall(args, scope, span)
    case .len, .cap, .min, .max:
      throw fail(.typeError("\(b.rawValue) is handled elsewhere"), at: span)
    }
  }

  // MARK: Composite literals

  /// The type of a composite literal (`[...]T` counts its elements).
  func compositeType(
    _ te: TypeExpr, _ elems: [(key: Expr?, value: Expr)], _ scope: LexicalScope, _ span: Span
  ) throws -> (GoType, [(key: Expr?, value: Expr)]) {
    if case .inferredArray(let ete, _) = te {
      let elem = try resolveType(ete, scope)
      var next = 0
      var count = 0
      for (key, _) in elems {
        if let key { next = Int(try constantIndex(key, scope, limit: nil)) }
        next += 1
        count = max(count, next)
      }
      return (.array(of: elem, count: count), elems)
    }
    return (try resolveType(te, scope), elems)
  }

  /// A constant, non-negative index (an array or slice literal's key).
  private func constantIndex(_ key: Expr, _ scope: LexicalScope, limit: Int?) throws -> Int128 {
    let op = try expression(key, scope)
    guard let v = op.constant?.exactInteger, op.type.isInteger || op.untyped != nil else {
      throw fail(.typeError("index \(op.goText) must be integer constant"), at: key.span)
    }
    if v < 0 { throw fail(.typeError("invalid argument: index \(op.goText) (constant of type int) must not be negative"), at: key.span) }
    if let limit, v >= limit { throw fail(.typeError("invalid argument: index \(v) out of bounds [0:\(limit)]"), at: key.span) }
    if v >= 1 << 40 { throw fail(.typeError("invalid argument: index \(v) too large for a literal"), at: key.span) }
    return v
  }

  /// A composite literal of type `t`. A slice literal's backing array is an allocation site; a
  /// struct or array literal is a value (its `&` is the site, in `addressedLiteral`).
  func composite(
    _ t: GoType, _ elems: [(key: Expr?, value: Expr)], _ scope: LexicalScope, _ span: Span, addressed: Bool
  ) throws -> TypedExpr {
    var out: [(index: Int, value: TypedExpr)] = []
    func element(_ e: Expr, _ et: GoType) throws -> TypedExpr {
      try literalElement(e, et, scope, "\(t.isStruct ? "struct" : t.isSlice ? "slice" : "array") literal")
    }
    if let fields = t.structFields {
      let keyed = elems.contains { $0.key != nil }
      // Another package's unexported fields cannot be set (types2: bytes.Buffer{off: 1}).
      let packageType = isForeign(t)
      func exported(_ name: String) -> Bool { !packageType || name.first?.isUppercase == true }
      if keyed {
        var seen = Set<Int>()
        for (key, v) in elems {
          guard let key, case .identifier(let name) = key.kind else {
            throw fail(.typeError("mixture of field:value and value elements in struct literal"), at: v.span)
          }
          guard let k = fields.firstIndex(where: { $0.name == name }) else {
            throw fail(.typeError("unknown field \(name) in struct literal of type \(t)"), at: key.span)
          }
          guard exported(name) else {
            throw fail(.typeError("cannot refer to unexported field \(name) in struct literal of type \(t)"), at: key.span)
          }
          guard seen.insert(k).inserted else { throw fail(.typeError("duplicate field name \(name) in struct literal"), at: key.span) }
          let value = try element(v, fields[k].type)
          // Go 1.19 places a keyed field's implicit conversion at the key's colon (`&box{V: 9}`:
          // `9 escapes to heap` at `:`; containerlist's `&list.Element{Value: 9}`).
          if value.isImplicitInterfaceBox, let site = value.site { site.statementStart = first(":", from: key.span.end) }
          out.append((k, value))
        }
      } else {
        if !elems.isEmpty && elems.count < fields.count {
          throw fail(.typeError("too few values in struct literal of type \(t)"), at: Span(max(span.end - 1, span.start), span.end))
        }
        if elems.count > fields.count {
          throw fail(.typeError("too many values in struct literal of type \(t)"), at: elems[fields.count].value.span)
        }
        for (k, (_, v)) in elems.enumerated() {
          guard exported(fields[k].name) else {
            throw fail(.typeError("implicit assignment to unexported field \(fields[k].name) in struct literal of type \(t)"), at: v.span)
          }
          out.append((k, try element(v, fields[k].type)))
        }
      }
      return TypedExpr(.composite(out, nil), t, span)
    }
    if t.isMap { return try mapLiteral(t, elems, scope, span) }
    let elem: GoType
    var limit: Int? = nil
    if let e = t.sliceElement {
      elem = e
    } else if let (e, n) = t.arrayInfo {
      elem = e
      limit = n
    } else {
      throw fail(.typeError("invalid composite literal type \(t)"), at: span)
    }
    var next = 0
    var seen = Set<Int>()
    var count = 0
    for (key, v) in elems {
      if let key { next = Int(try constantIndex(key, scope, limit: limit)) }
      if let limit, next >= limit {
        throw fail(.typeError("index \(next) is out of bounds (>= \(limit))"), at: v.span)
      }
      guard seen.insert(next).inserted else { throw fail(.typeError("duplicate index \(next) in array or slice literal"), at: v.span) }
      out.append((next, try element(v, elem)))
      next += 1
      count = max(count, next)
    }
    if t.isSlice {
      var shown = goText(span, literal: true)
      if shown.hasPrefix("{") { shown = "\(t)" + shown }  // an elided type, as Go prints it
      let site = AllocationSite(kind: .sliceLiteral, span: span, type: elem, text: shown)
      site.constantCount = count
      site.reportAt = openBrace(span.start)
      function.sites.append(site)
      return TypedExpr(.composite(out, site), t, span)
    }
    return TypedExpr(.composite(out, nil), t, span)
  }

  /// The `&errors.errorString{...}` of an inlined errors.New: an allocation of the caller's,
  /// reported at the call's `(`.
  private func errorStringSite(_ span: Span) -> AllocationSite {
    let site = AllocationSite(kind: .compositeAddress, span: span, type: errorStringType, text: "&errors.errorString{...}")
    site.constantCount = 1
    site.reportAt = openParen(span.start)
    function.sites.append(site)
    return site
  }

  /// An element (or a map literal's key) of type `et` in a composite literal; a literal with
  /// its type elided (`{...}`, `&{...}` for a pointer element) takes `et`.
  func literalElement(_ e: Expr, _ et: GoType, _ scope: LexicalScope, _ context: String) throws -> TypedExpr {
    // The compiler names an elided `{3, 1}` of a pointer element by its type: `&pair{...}`.
    func named(_ pt: GoType, _ inner: [(key: Expr?, value: Expr)]) -> String { "&\(pt)" + (inner.isEmpty ? "{}" : "{...}") }
    if case .composite(nil, let inner) = e.kind {
      if let pt = et.pointee {
        return addressedLiteral(try composite(pt, inner, scope, e.span, addressed: true), e.span, text: named(pt, inner))
      }
      return try composite(et, inner, scope, e.span, addressed: false)
    }
    if case .unary("&", let x) = e.kind, case .composite(nil, let inner) = x.kind, let pt = et.pointee {
      return addressedLiteral(try composite(pt, inner, scope, x.span, addressed: true), e.span, text: named(pt, inner))
    }
    return try assign(try expression(e, scope), to: et, context)
  }

  /// An expression as the Go compiler prints it in -m diagnostics: a composite literal's
  /// elements become `...` (`&Node{...}`), everything else as written on one line.
  /// The source at `span` as types2 quotes an expression in a message (SyntaxText.swift).
  func syntaxText(_ span: Span) -> String { goSyntaxText(text(span)) }

  func goText(_ span: Span, literal: Bool) -> String {
    let flat = { (t: Substring) in
      t.split(whereSeparator: { $0 == "\n" || $0 == "\t" }).map { $0.trimmingCharacters() }.joined(separator: " ")
    }
    let whole = text(span)
    guard literal, let brace = openBrace(span.start), brace >= span.start, brace < span.end, whole.last == "}" else {
      return flat(Substring(whole))
    }
    // The literal's type as the IR prints types (`interface {}`, `struct {}`), then its
    // elements as `...` (none: `{}`).
    let bytes = source.bytes
    var type = flat(Substring(String(decoding: bytes[span.start..<brace], as: UTF8.self)))
      .replacing("interface{}", with: "interface {}").replacing("struct{}", with: "struct {}")
    // An instance's type arguments without blanks (`[]Pair[string,[]int]{...}`).
    if type.contains(", ") {
      var depth = 0
      var out = ""
      var previous: Character = " "
      for ch in type {
        if ch == "[" { depth += 1 } else if ch == "]" { depth -= 1 }
        if ch == " ", previous == ",", depth > 0 { continue }
        out.append(ch)
        previous = ch
      }
      type = out
    }
    let inner = String(decoding: bytes[(brace + 1)..<(span.end - 1)], as: UTF8.self)
    return type + (inner.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } ? "{}" : "{...}")
  }
}

extension UInt8 {
  /// A letter, digit or underscore (of an ASCII identifier).
  var isASCIIIdentifierByte: Bool {
    (self >= 0x30 && self <= 0x39) || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x5F
  }
}

extension Substring {
  /// The text without leading and trailing blanks.
  func trimmingCharacters() -> String {
    var s = self
    while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}

extension Checker {
  /// Fprint's and Append's call: the Print or Sprint call checked for the rest of the arguments,
  /// made a call of `b` with `first` (the writer, the []byte) before them — inside the spill of
  /// a spread call's results, if there is one (`Fprintln(os.Stderr, two())`).
  func prefixing(_ first: TypedExpr, to call: TypedExpr, as b: Builtin, _ type: GoType) -> TypedExpr {
    switch call.kind {
    case .builtin(_, let typed, _): return TypedExpr(.builtin(b, [first] + typed, spread: false), type, call.span)
    case .initialized(let stmts, let inner):
      return TypedExpr(.initialized(stmts, prefixing(first, to: inner, as: b, type)), type, call.span)
    default: return call
    }
  }
}
