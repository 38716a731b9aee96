// math/rand as programs call it (math/rand/rand.go and rng.go, the same algorithms in Go 1.19.8
// and 1.27.3): `New(NewSource(seed))`, the *Rand methods, and the package functions that use
// its global Rand. The types are laid out as Go's are, and Run/VM+Rand.swift runs them on the
// simulated heap:
//
//   rngSource   4,872 bytes (tap, feed, vec [607]int64): NewSource's `var rng rngSource`,
//               always moved to the heap (`moved to heap: rand.rng`): 5,376 bytes with its
//               size class.
//   Rand        48 bytes (src and s64, the same source as Source and Source64, and Read's
//               state): New is inlined, so `&rand.Rand{...}` is an allocation of the caller's
//               that escape analysis places — in the frame when the *Rand does not escape.
//   Source      an interface (Int63, Seed); a program's own type may implement it.
//
// The methods' receivers do not escape (`leaking param content: r`: only what r points to is
// handed to the source's interface methods). Perm's slice is made inside it, on the heap.

import GoHeap

enum RandPackage {
  private static let word = GoType.pointer(to: .uint8)
  /// `rand.Source`: Int63() int64, Seed(seed int64).
  static let source = GoType(
    .interface(methods: [
      GoType.InterfaceMethod(name: "Int63", signature: .function(params: [], results: [.int64], variadic: false)),
      GoType.InterfaceMethod(name: "Seed", signature: .function(params: [.int64], results: [], variadic: false)),
    ]), name: "rand.Source")
  /// rng.go's rngSource: the additive lagged Fibonacci generator's state.
  static let rngSource = GoType.structure(
    [("tap", .int), ("feed", .int), ("vec", .array(of: .int64, count: 607))], name: "rand.rngSource")
  /// rand.go's lockedSource (Go 1.19's global source): a Mutex and the *rngSource.
  static let lockedSource = GoType.structure(
    [("lk", SyncTypes.mutex), ("s", .pointer(to: rngSource))], name: "rand.lockedSource")
  /// Go 1.20+'s runtimeSource (the global Rand's source, the runtime's generator): a Mutex.
  static let runtimeSource = GoType.structure([("mu", SyncTypes.mutex)], name: "rand.runtimeSource")
  /// `rand.Rand`: src Source, s64 Source64, readVal int64, readPos int.
  static let rand = GoType.structure(
    [("src", source), ("s64", source), ("readVal", .int64), ("readPos", .int)], name: "rand.Rand")

  /// A member of the package.
  static func member(_ name: String) -> Packages.Member {
    switch name {
    case "Rand": return .type(rand)
    case "Source": return .type(source)
    default:
      if let b = Builtin(rawValue: "rand." + name), b.randSignature != nil { return .function(b) }
      return .unsupported("rand.\(name)")
    }
  }

  /// The *Rand method `name` as the builtin that runs it.
  static func method(of t: GoType, _ name: String) -> Builtin? {
    guard t === rand || t.pointee === rand, name != "New", name != "NewSource" else { return nil }
    return Builtin(rawValue: "rand.(*Rand)." + name).flatMap { $0.randSignature != nil ? $0 : nil }
  }
}

extension Builtin {
  /// The parameters and result of a math/rand function or method (without the receiver); nil
  /// for any other builtin.
  var randSignature: (params: [GoType], result: GoType?)? {
    switch self {
    case .randNew: return ([RandPackage.source], .pointer(to: RandPackage.rand))
    case .randNewSource: return ([.int64], RandPackage.source)
    case .randInt, .randMethodInt: return ([], .int)
    case .randIntn, .randMethodIntn: return ([.int], .int)
    case .randInt31, .randMethodInt31: return ([], .int32)
    case .randInt31n, .randMethodInt31n: return ([.int32], .int32)
    case .randInt63, .randMethodInt63: return ([], .int64)
    case .randInt63n, .randMethodInt63n: return ([.int64], .int64)
    case .randUint32, .randMethodUint32: return ([], .uint32)
    case .randUint64, .randMethodUint64: return ([], .uint64)
    case .randFloat32, .randMethodFloat32: return ([], .float32)
    case .randFloat64, .randMethodFloat64: return ([], .float64)
    case .randPerm, .randMethodPerm: return ([.int], .slice(of: .int))
    case .randShuffle, .randMethodShuffle:
      return ([.int, .function(params: [.int, .int], results: [], variadic: false)], nil)
    case .randSeed, .randMethodSeed: return ([.int64], nil)
    default: return nil
    }
  }

  /// A *Rand method (its receiver is the first argument).
  var isRandMethod: Bool { randSignature != nil && rawValue.hasPrefix("rand.(*Rand).") }
}

extension Checker {
  /// A call of a package function of math/rand: its arguments checked against the signature.
  /// New's Rand and NewSource's rngSource are allocation sites of the caller's (both are
  /// inlined in Go).
  func randCall(_ b: Builtin, _ args: [Expr], _ scope: LexicalScope, _ span: Span) throws -> TypedExpr {
    let (params, result) = b.randSignature!
    try arity(b.rawValue, args, want: params.map { "\($0)" }, scope, span)
    let typed = try zip(args, params).map { try assign(try expression($0, scope), to: $1, "argument to \(b.rawValue)") }
    let n = TypedExpr(.builtin(b, typed, spread: false), result ?? noValueType, span)
    switch b {
    case .randNew:
      let site = AllocationSite(kind: .compositeAddress, span: span, type: RandPackage.rand, text: "&rand.Rand{...}")
      site.constantCount = 1
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      n.site = site
    case .randNewSource:
      // newSource's `var rng rngSource; rng.Seed(seed); return &rng`, inlined: the variable
      // escapes with the interface that holds its address.
      let site = AllocationSite(kind: .new, span: span, type: RandPackage.rngSource, text: "rand.rng")
      site.constantCount = 1
      site.reportsAsMovedVariable = true
      site.reportAt = openParen(span.start)
      function.sites.append(site)
      n.site = site
    default: break
    }
    return n
  }

  /// `r.Intn(n)`, ...: the receiver (a *Rand, or the address of a Rand) and the arguments.
  func randMethodCall(
    _ b: Builtin, _ x: Operand, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand {
    let receiver = try libraryMethodReceiver(b, x, callee: callee)
    let (params, result) = b.randSignature!
    try arity(b.rawValue, args, want: params.map { "\($0)" }, scope, span)
    let typed = try zip(args, params).map { try assign(try expression($0, scope), to: $1, "argument to \(b.rawValue)") }
    var op = value(TypedExpr(.builtin(b, [receiver] + typed, spread: false), result ?? noValueType, span))
    op.isCallResult = true
    return op
  }
}
