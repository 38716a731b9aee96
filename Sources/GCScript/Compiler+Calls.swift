// Calls: builtins (len, cap, make, new, append, copy, panic, min, max), conversions, user
// functions, and the standard-library functions gcsh knows (time, runtime, runtime/debug, fmt).

import GoHeap

extension Interpreter {
  func isPackage(_ name: String) -> Bool { ["time", "runtime", "debug", "fmt"].contains(name) }

  /// A package-level constant such as time.Second.
  func packageMember(_ pkg: String, _ name: String, _ span: Span) throws -> CExpr {
    if pkg == "time" {
      let units: [String: Int64] = [
        "Nanosecond": 1, "Microsecond": 1_000, "Millisecond": 1_000_000, "Second": 1_000_000_000,
        "Minute": 60_000_000_000, "Hour": 3_600_000_000_000,
      ]
      if let v = units[name] { return .constant(.int(v), durationType, untyped: false, span) }
    }
    throw ScriptError(.undefined("\(pkg).\(name)"), at: span)
  }

  func compileCall(_ f: Expr, _ args: [Expr], _ ellipsis: Bool, _ scope: Scope, _ span: Span) throws -> CExpr {
    var callee = f
    while case .paren(let inner) = callee.kind { callee = inner }
    switch callee.kind {
    case .identifier(let name):
      switch scope.lookup(name) {
      case .function(let fname)?:
        return try compileUserCall(fname, args, scope, span)
      case .type(let t)?:
        return try compileConversion(t, args, scope, span)
      case nil:
        if let t = predeclaredTypes[name] { return try compileConversion(t, args, scope, span) }
        return try compileBuiltin(name, args, ellipsis, scope, span)
      default:
        throw ScriptError(.notCallable(name), at: callee.span)
      }
    case .selector(let base, let name):
      if case .identifier(let pkg) = base.kind, scope.lookup(pkg) == nil, isPackage(pkg) {
        if pkg == "time" && name == "Duration" { return try compileConversion(durationType, args, scope, span) }
        return try compilePackageCall(pkg, name, args, scope, span)
      }
      throw ScriptError(.unsupported("method calls"), at: span)
    case .type(let te):
      return try compileConversion(try resolveType(te, scope), args, scope, span)
    case .unary("*", _):
      throw ScriptError(.unsupported("conversions to pointer types"), at: span)
    default:
      throw ScriptError(.notCallable(describe(try compileExpr(callee, scope))), at: callee.span)
    }
  }

  private func arity(_ name: String, _ args: [Expr], _ n: Int, _ span: Span) throws {
    if args.count != n { throw ScriptError(.wrongArgumentCount(name, expected: n, got: args.count), at: span) }
  }

  /// An untyped integer constant passed where any type goes (fmt's arguments) takes its
  /// default type, int — and must fit it, as in Go.
  func defaultTyped(_ c: CExpr, _ what: String) throws -> CExpr {
    c.exactInt != nil ? try assign(c, to: .int, what) : c
  }

  func compileConversion(_ t: GoType, _ args: [Expr], _ scope: Scope, _ span: Span) throws -> CExpr {
    try arity("conversion to \(t)", args, 1, span)
    let c = try compileExpr(args[0], scope)
    guard let from = c.type else { return try assign(c, to: t, "conversion") }
    if let k = c.constant, c.untyped || (from.isNumeric && t.isNumeric) {
      if t.isInteger, case .float(let f) = k, f != f.rounded() {
        throw ScriptError(.typeMismatch("cannot convert \(describe(c)) (untyped float constant) to type \(t) (truncated)"), at: span)
      }
      if t.isInteger, from.isInteger {
        // A constant conversion must be exact (Go: "constant 300 overflows uint8").
        let v = c.exactInt ?? (from.isUnsigned ? Int128(UInt64(bitPattern: k.asInt)) : Int128(k.asInt))
        if !representable(v, t) { throw ScriptError(.typeMismatch("constant \(v) overflows \(t)"), at: c.span) }
        return .constant(.int(Int64(truncatingIfNeeded: v)), t, untyped: false, span)
      }
      if t.isInteger && from.isNumeric { return .constant(.int(wrap(k.asInt, t)), t, untyped: false, span) }
      if t.isFloat && from.isNumeric { return .constant(.float(k.asFloat), t, untyped: false, span) }
      if c.untyped { return try assign(c, to: t, "conversion") }
    }
    let e = c.eval
    if t.isInteger && from.isInteger {
      return CExpr(type: t, untyped: false, constant: nil, eval: { .int(wrap(try e($0).asInt, t)) }, span: span)
    }
    if t.isInteger && from.isFloat {
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let f = try e(i).asFloat
        return .int(wrap(f.isFinite && abs(f) < 9.2e18 ? Int64(f) : Int64.min, t))
      }, span: span)
    }
    if t.isFloat && from.isNumeric {
      let unsigned = from.isUnsigned
      let single = t.size == 4
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let v = try e(i)
        var d = unsigned ? Double(UInt64(bitPattern: v.asInt)) : v.asFloat
        if single { d = Double(Float(d)) }
        return .float(d)
      }, span: span)
    }
    if t.isString && from.isInteger {
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        .string(Unicode.Scalar(UInt32(truncatingIfNeeded: try e(i).asInt)).map { String(Character($0)) } ?? "\u{FFFD}")
      }, span: span)
    }
    if from.identical(t) || (from.name != nil || t.name != nil) && underlyingIdentical(from, t) {
      return CExpr(type: t, untyped: false, constant: c.constant, eval: e, span: span)
    }
    throw ScriptError(.typeMismatch("cannot convert \(describe(c)) (value of type \(from)) to type \(t)"), at: span)
  }

  private func underlyingIdentical(_ a: GoType, _ b: GoType) -> Bool {
    switch (a.kind, b.kind) {
    case (.int(let x, let s), .int(let y, let r)): return x == y && s == r
    case (.float(let x), .float(let y)): return x == y
    case (.string, .string), (.bool, .bool), (.uintptr, .uintptr): return true
    case (.structure, .structure), (.array, .array), (.pointer, .pointer), (.slice, .slice):
      return GoType(a.kind).identical(GoType(b.kind))
    default: return false
    }
  }

  func compileBuiltin(_ name: String, _ args: [Expr], _ ellipsis: Bool, _ scope: Scope, _ span: Span) throws -> CExpr {
    switch name {
    case "len", "cap":
      try arity(name, args, 1, span)
      let c = try compileExpr(args[0], scope)
      guard let t = c.type else { throw ScriptError(.typeMismatch("invalid argument: nil for \(name)"), at: span) }
      if case .array(_, let n) = t.kind { return .constant(.int(Int64(n)), .int, untyped: false, span) }
      if let pt = t.pointee, case .array(_, let n) = pt.kind { return .constant(.int(Int64(n)), .int, untyped: false, span) }
      if t.isString {
        if let k = c.constant, case .string(let s) = k { return .constant(.int(Int64(s.utf8.count)), .int, untyped: false, span) }
        let e = c.eval
        return CExpr(type: .int, untyped: false, constant: nil, eval: { i in
          guard case .string(let s) = try e(i) else { return .int(0) }
          return .int(Int64(s.utf8.count))
        }, span: span)
      }
      guard t.sliceElement != nil else {
        throw ScriptError(.typeMismatch("invalid argument: \(describe(c)) (value of type \(t)) for built-in \(name)"), at: span)
      }
      let e = c.eval
      let isLen = name == "len"
      return CExpr(type: .int, untyped: false, constant: nil, eval: { i in
        guard case .slice(let s) = try e(i) else { return .int(0) }
        return .int(Int64(isLen ? s.len : s.cap))
      }, span: span)
    case "make":
      guard args.count >= 2 && args.count <= 3, case .type(let te) = args[0].kind else {
        throw ScriptError(.wrongArgumentCount("make", expected: 2, got: args.count), at: span)
      }
      let t = try resolveType(te, scope)
      guard let elem = t.sliceElement else {
        throw ScriptError(.unsupported("make(\(t)): maps and channels"), at: args[0].span)
      }
      let len = try assign(try compileExpr(args[1], scope), to: .int, "argument to make").eval
      let cap = try args.count == 3 ? assign(try compileExpr(args[2], scope), to: .int, "argument to make").eval : nil
      return CExpr(type: t, untyped: false, constant: nil, eval: { i in
        let n = Int(try len(i).asInt)
        let c = try cap.map { Int(try $0(i).asInt) } ?? n
        return .slice(try i.heap.makeSlice(of: elem, len: n, cap: c))
      }, span: span)
    case "new":
      guard args.count == 1, case .type(let te) = args[0].kind else {
        throw ScriptError(.wrongArgumentCount("new", expected: 1, got: args.count), at: span)
      }
      let t = try resolveType(te, scope)
      var c = CExpr(type: .pointer(to: t), untyped: false, constant: nil, eval: { .pointer(try $0.heap.allocate(t)) }, span: span)
      c.allocates = t
      return c
    case "append":
      guard !args.isEmpty else { throw ScriptError(.wrongArgumentCount("append", expected: 1, got: 0), at: span) }
      let s = try compileExpr(args[0], scope)
      guard let st = s.type, let elem = st.sliceElement else {
        throw ScriptError(.typeMismatch("invalid argument: \(describe(s)) (value of type \(s.type.map { "\($0)" } ?? "nil")) is not a slice"), at: args[0].span)
      }
      if ellipsis {
        try arity("append", args, 2, span)
        let other = try assign(try compileExpr(args[1], scope), to: st, "append").eval
        let se = s.eval
        return CExpr(type: st, untyped: false, constant: nil, eval: { i in
          let base = try se(i)
          guard case .slice(let src) = try other(i) else { return base }
          return try i.appendSlice(base, src, elem)
        }, span: span)
      }
      let vals = try args.dropFirst().map { try assign(try compileExpr($0, scope), to: elem, "append").eval }
      let se = s.eval
      return CExpr(type: st, untyped: false, constant: nil, eval: { i in
        let base = try se(i)
        let vs = try vals.map { try $0(i) }
        return try i.appendValues(base, vs, elem)
      }, span: span)
    case "copy":
      try arity("copy", args, 2, span)
      let d = try compileExpr(args[0], scope)
      let s = try compileExpr(args[1], scope)
      guard let elem = d.type?.sliceElement else { throw ScriptError(.typeMismatch("copy expects slice arguments"), at: span) }
      let de = d.eval
      let sv = s.eval
      return CExpr(type: .int, untyped: false, constant: nil, eval: { i in
        guard case .slice(let dst) = try de(i), case .slice(let src) = try sv(i) else { return .int(0) }
        let n = min(dst.len, src.len)
        try i.heap.copyBytes(from: src.object!, at: src.offset, to: dst.object!, at: dst.offset, count: n * elem.size)
        return .int(Int64(n))
      }, span: span)
    case "panic":
      try arity("panic", args, 1, span)
      let c = try compileExpr(args[0], scope)
      let e = c.eval
      let t = c.type ?? .string
      return CExpr(type: nil, untyped: false, constant: nil, eval: { i in
        let v = try e(i)
        throw ScriptError(.goPanic(t.isString ? i.format(v, t) : "\(i.format(v, t))"), at: span)
      }, span: span)
    case "min", "max":
      guard !args.isEmpty else { throw ScriptError(.wrongArgumentCount(name, expected: 1, got: 0), at: span) }
      let raw = try args.map { try compileExpr($0, scope) }
      let typed = raw.first { !$0.untyped }?.type
      let untypedFloat = raw.contains { $0.type?.isFloat == true }
      let t = typed ?? (untypedFloat ? GoType.float64 : raw[0].type ?? .int)
      guard t.isNumeric || t.isString else {
        throw ScriptError(.typeMismatch("invalid argument: \(name) of \(t)"), at: span)
      }
      let cs = try raw.map { try assign($0, to: t, "argument to \(name)") }
      let wantLess = name == "min"
      let less: (Value, Value) -> Bool = t.isFloat ? { $0.asFloat < $1.asFloat }
        : t.isUnsigned ? { UInt64(bitPattern: $0.asInt) < UInt64(bitPattern: $1.asInt) }
        : t.isString ? { if case .string(let a) = $0, case .string(let b) = $1 { return a < b }; return false }
        : { $0.asInt < $1.asInt }
      let evals = cs.map(\.eval)
      let result = CExpr(type: t, untyped: typed == nil, constant: nil, eval: { i in
        var best = try evals[0](i)
        for e in evals.dropFirst() {
          let v = try e(i)
          if wantLess ? less(v, best) : less(best, v) { best = v }
        }
        return best
      }, span: span)
      if cs.allSatisfy({ $0.constant != nil }) {
        return .constant(try result.eval(self), t, untyped: typed == nil, span)
      }
      return result
    default:
      throw ScriptError(.undefined(name), at: span)
    }
  }

  /// growslice (slice.go): double below 256 elements, then grow by 1.25x plus 192; the new
  /// capacity is rounded up to the allocation's size class.
  func grownCapacity(old: Int, needed: Int, elemSize: Int) -> Int {
    var newcap = old
    let doublecap = old + old
    if needed > doublecap {
      newcap = needed
    } else if old < 256 {
      newcap = doublecap
    } else {
      while newcap < needed { newcap += (newcap + 3 * 256) >> 2 }
    }
    guard elemSize > 0 else { return newcap }
    let bytes = newcap * elemSize
    let p = heap.profile
    let rounded: Int
    if bytes <= p.maxSmallSize {
      rounded = p.sizeClasses.sizeClass(for: max(bytes, 1)).size
    } else {
      rounded = alignUpInt(bytes, p.pageSize)
    }
    return rounded / elemSize
  }

  func appendValues(_ base: Value, _ vs: [Value], _ elem: GoType) throws -> Value {
    var s = SliceHeader(object: nil, offset: 0, len: 0, cap: 0)
    if case .slice(let h) = base { s = h }
    if vs.isEmpty { return base }
    let needed = s.len + vs.count
    if needed > s.cap || s.object == nil {
      s = try grow(s, needed: needed, elem)
    }
    for (k, v) in vs.enumerated() {
      try storeValue(v, elem, s.object!, s.offset + (s.len + k) * elem.size)
    }
    return .slice(SliceHeader(object: s.object, offset: s.offset, len: needed, cap: s.cap))
  }

  func appendSlice(_ base: Value, _ src: SliceHeader, _ elem: GoType) throws -> Value {
    var s = SliceHeader(object: nil, offset: 0, len: 0, cap: 0)
    if case .slice(let h) = base { s = h }
    if src.len == 0 { return base }
    let needed = s.len + src.len
    if needed > s.cap || s.object == nil { s = try grow(s, needed: needed, elem) }
    try heap.copyBytes(from: src.object!, at: src.offset, to: s.object!, at: s.offset + s.len * elem.size, count: src.len * elem.size)
    return .slice(SliceHeader(object: s.object, offset: s.offset, len: needed, cap: s.cap))
  }

  private func grow(_ s: SliceHeader, needed: Int, _ elem: GoType) throws -> SliceHeader {
    let newcap = grownCapacity(old: s.cap, needed: needed, elemSize: elem.size)
    let n = try heap.makeSlice(of: elem, len: s.len, cap: newcap)
    if let old = s.object, s.len > 0 {
      try heap.copyBytes(from: old, at: s.offset, to: n.object!, at: n.offset, count: s.len * elem.size)
    }
    return n
  }

  func compileUserCall(_ name: String, _ args: [Expr], _ scope: Scope, _ span: Span) throws -> CExpr {
    guard let info = functions[name] else { throw ScriptError(.undefined(name), at: span) }
    let decl = info.decl
    try arity(name, args, decl.params.count, span)
    let paramTypes = try decl.params.map { try resolveType($0.1, globalScope) }
    let result = try decl.result.map { try resolveType($0, globalScope) }
    let evals = try zip(args, paramTypes).map {
      Evaluator(run: try assign(try compileExpr($0, scope), to: $1, "argument to \(name)").eval)
    }
    return CExpr(type: result, untyped: false, constant: nil, eval: { i in
      try i.call(info, args: evals, span: span)
    }, span: span)
  }

  /// Runs a user function in a new frame, a root while the call is in progress. The arguments
  /// are evaluated in the caller's frame straight into the parameter slots.
  func call(_ f: FunctionInfo, args: [Evaluator], span: Span) throws -> Value {
    let cf = try compiledFunction(f)
    if callStack.depth >= 10_000 { throw ScriptError(.stackOverflow, at: span) }
    let newSlots = callStack.push(size: cf.frameSize)
    do {
      for k in args.indices { newSlots[k] = try args[k].run(self) }
    } catch {
      callStack.pop()
      throw error
    }
    let saved = locals
    let base = heap.enterCall()
    defer {
      locals = saved
      callStack.pop()
      heap.leaveCall(base)
    }
    locals = newSlots
    _ = try cf.body(self)
    let r = returnValue
    returnValue = .null
    return r
  }

  func compiledFunction(_ f: FunctionInfo) throws -> CompiledFunction {
    if let c = f.compiled { return c }
    let d = f.decl
    let result = try d.result.map { try resolveType($0, globalScope) }
    let ctx = FunctionContext(result: result)
    let scope = Scope(parent: globalScope, function: ctx)
    var types: [GoType] = []
    for (n, te) in d.params {
      let t = try resolveType(te, globalScope)
      types.append(t)
      scope.names[n] = .variable(slot: ctx.slotCount, global: false, type: t)
      ctx.slotCount += 1
    }
    var body = try d.body.map { Compiled(exec: try compileStatement($0, scope)) }
    if d.name == "main" {
      // main's own statements are narrated like top-level ones (a pasted Go program).
      body = zip(d.body, body).map { stmt, c in
        let exec = c.exec
        return Compiled { i in
          let flow = try exec(i)
          i.finished(stmt)
          return flow
        }
      }
    }
    let c = CompiledFunction(paramTypes: types, result: result, frameSize: ctx.slotCount, body: sequence(body))
    f.compiled = c
    return c
  }

  func compilePackageCall(_ pkg: String, _ name: String, _ args: [Expr], _ scope: Scope, _ span: Span) throws -> CExpr {
    func action(_ body: @escaping (Interpreter) throws -> Value, type: GoType? = nil) -> CExpr {
      CExpr(type: type, untyped: false, constant: nil, eval: body, span: span)
    }
    switch (pkg, name) {
    case ("time", "Sleep"):
      try arity("time.Sleep", args, 1, span)
      let d = try assign(try compileExpr(args[0], scope), to: durationType, "argument to time.Sleep").eval
      return action { i in
        try i.heap.sleep(max(0, Int(try d(i).asInt)))
        return .null
      }
    case ("runtime", "GC"):
      try arity("runtime.GC", args, 0, span)
      return action { i in
        try i.heap.collect()
        return .null
      }
    case ("debug", "FreeOSMemory"):
      try arity("debug.FreeOSMemory", args, 0, span)
      try requireFeature(.freeOSMemory, span)
      return action { i in
        try i.heap.freeOSMemory()
        return .null
      }
    case ("debug", "SetGCPercent"):
      try arity("debug.SetGCPercent", args, 1, span)
      try requireFeature(.setGCPercent, span)
      let v = try assign(try compileExpr(args[0], scope), to: .int, "argument to debug.SetGCPercent").eval
      return action({ i in .int(Int64(try i.heap.setGCPercent(Int(try v(i).asInt)))) }, type: .int)
    case ("debug", "SetMemoryLimit"):
      try arity("debug.SetMemoryLimit", args, 1, span)
      try requireFeature(.memoryLimit, span)
      let v = try assign(try compileExpr(args[0], scope), to: .int64, "argument to debug.SetMemoryLimit").eval
      return action({ i in
        let n = try v(i).asInt
        let old = n < 0 ? i.heap.memoryLimit : try i.heap.setMemoryLimit(Int(n))
        return .int(Int64(old))
      }, type: .int64)
    case ("fmt", "Println"), ("fmt", "Print"), ("fmt", "Sprint"), ("fmt", "Sprintln"):
      let cs = try args.map { try defaultTyped(try compileExpr($0, scope), "argument to fmt.\(name)") }
      let newline = name.hasSuffix("ln")
      let toString = name.hasPrefix("S")
      return action({ i in
        var parts: [String] = []
        var prevString = false
        var text = ""
        for (k, c) in cs.enumerated() {
          let v = try c.eval(i)
          let s = i.format(v, c.type)
          let isString = c.type?.isString ?? false
          if newline { parts.append(s) } else {
            if k > 0 && !isString && !prevString { text += " " }
            text += s
          }
          prevString = isString
        }
        if newline { text = parts.joined(separator: " ") + "\n" }
        if toString { return .string(text) }
        i.host?.output(text)
        return .null
      }, type: toString ? .string : nil)
    case ("fmt", "Printf"), ("fmt", "Sprintf"):
      guard !args.isEmpty else { throw ScriptError(.wrongArgumentCount("fmt.\(name)", expected: 1, got: 0), at: span) }
      let fmtExpr = try assign(try compileExpr(args[0], scope), to: .string, "format").eval
      let cs = try args.dropFirst().map { try defaultTyped(try compileExpr($0, scope), "argument to fmt.\(name)") }
      let toString = name == "Sprintf"
      return action({ i in
        guard case .string(let f) = try fmtExpr(i) else { return .null }
        let vals = try cs.map { (try $0.eval(i), $0.type) }
        let text = i.printf(f, vals)
        if toString { return .string(text) }
        i.host?.output(text)
        return .null
      }, type: toString ? .string : nil)
    default:
      throw ScriptError(.undefined("\(pkg).\(name)"), at: span)
    }
  }

  func requireFeature(_ f: RuntimeFeature, _ span: Span) throws {
    if !heap.profile.has(f) {
      throw ScriptError(.featureMissing(feature: f.rawValue, since: "Go \(f.since.major).\(f.since.minor)",
                                        profile: heap.profile.name), at: span)
    }
  }
}

@inline(__always)
func alignUpInt(_ x: Int, _ a: Int) -> Int { (x + a - 1) / a * a }
