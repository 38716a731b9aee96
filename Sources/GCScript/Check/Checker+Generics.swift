// Generics: generic functions and types, their instantiation, type inference and constraint
// satisfaction — types2's rules (instantiate.go, infer.go, unify.go) in go build's words.
//
// How gcsh compiles them. Go's compiler checks a generic body once and then compiles one body
// per GC shape (noder's "GC shape stenciling": every pointer type shares the shape *uint8, a
// named type its underlying type's), passing a dictionary of the real types. gcsh checks and
// compiles one body per distinct list of type arguments instead: `Sum[int]` and `Sum[MyInt]`
// are two functions. A value's layout, each allocation's size and every conversion to an
// interface are the same either way — the shape has the type argument's size and pointer
// layout, and the dictionary supplies the type word — so the heap sees what Go's does.
//
// A method call on a value of type-parameter type (`x.String()` with `T Stringer`) goes
// through the dictionary in Go, with the value passed as it is: nothing is boxed (checked with
// go run, Go 1.27.3 and 1.19.8, inlined or not), as in gcsh's direct call of the instance's
// method.
//
// For -m, each instance is named as its shape's body (`Sum[go.shape.int]`, Go 1.19
// `Sum[go.shape.int_0]`), the first of a shape reports the body's lines, and Go 1.20+'s
// per-instantiation wrappers add theirs (Escape/GenericWrappers.swift).
//
// What that leaves out, and is not modelled yet:
//   - a generic body is checked against each instantiation, not against its constraints: an
//     error in a body no call instantiates is not reported.

import GoHeap

/// A generic function declared in the package: instantiated per list of type arguments.
final class GenericFunction {
  let decl: FuncDecl
  /// The scope it was declared in (the package's top level), and its source: an instance made
  /// by a later REPL entry is checked against the declaration's text.
  let scope: LexicalScope
  let source: Source
  /// The library that declares it (`utf8.word`): its instances are the library's code.
  let library: Library?
  /// Instances by the type arguments' names (`int,string`).
  var instances: [String: Function] = [:]
  init(decl: FuncDecl, scope: LexicalScope, source: Source, library: Library? = nil) {
    self.decl = decl
    self.scope = scope
    self.source = source
    self.library = library
  }
}

/// A generic type declared in the package (`type Stack[T any] struct{...}`) and the methods
/// declared on it; each instance is a named type of its own with those methods.
final class GenericType {
  let name: String
  let params: [TypeParam]
  let body: TypeExpr
  let scope: LexicalScope
  let source: Source
  let span: Span
  var instances: [String: GoType] = [:]
  /// Methods declared with a receiver `Stack[T]` or `*Stack[T]`: the names the receiver gives
  /// the type parameters (`func (s *Stack[U]) Push(v U)` calls T U).
  var methods: [(decl: FuncDecl, receiver: Param, pointer: Bool, names: [String])] = []
  /// The package qualifier of its instances' names: `iter.` for a library's (`iter.Seq[int]`),
  /// none for the program's.
  var qualifier = ""
  init(name: String, params: [TypeParam], body: TypeExpr, scope: LexicalScope, source: Source, span: Span) {
    self.name = name
    self.params = params
    self.body = body
    self.scope = scope
    self.source = source
    self.span = span
  }
}

/// A constraint's type set beyond its methods: each union the interface holds (a type must be
/// in all of them), and whether it is (or embeds) `comparable`.
struct TypeSet {
  var unions: [[(tilde: Bool, type: GoType)]] = []
  var comparable = false
  /// The interface the set belongs to, held so that its identity (the table's key) is not
  /// reused by another type while the set is recorded.
  var owner: GoType? = nil
}

/// The predeclared `comparable`: an interface usable only as a constraint.
let comparableType = GoType(.interface(methods: []), name: "comparable")

/// cmp.Ordered (cmp.go): `~int | ~int8 | ... | ~float64 | ~string`, the types `<` orders.
let cmpOrderedType = GoType(.interface(methods: []), name: "cmp.Ordered")
let cmpOrderedTerms: [(tilde: Bool, type: GoType)] = [
  GoType.int, .int8, .int16, .int32, .int64, .uint, .uint8, .uint16, .uint32, .uint64, .uintptr, .float32, .float64,
  .string,
].map { (true, $0) }

extension Checker {
  // MARK: Declarations

  /// The name an instance has in messages and in the compiler's IR: `Stack[int]`,
  /// `Pair[string,main.point]`'s types2 spelling `Pair[string,point]`.
  func instanceKey(_ arguments: [GoType]) -> String {
    arguments.map(\.description).joined(separator: ",")
  }

  /// A generic type's instance for the type arguments: made (and its methods declared) once.
  func instantiate(_ g: GenericType, _ arguments: [GoType], at span: Span, byValue: Bool) throws -> GoType {
    guard arguments.count == g.params.count else {
      let few = arguments.count < g.params.count
      throw fail(.typeError("\(few ? "not enough" : "too many") type arguments for type \(g.name): have \(arguments.count), want \(g.params.count)"), at: span)
    }
    let key = instanceKey(arguments)
    if let t = g.instances[key] {
      if byValue, definingInstances.contains(ObjectIdentifier(t)) {
        // Reported where the instance is used by value (go vet 1.27.3: `invalid recursive
        // type: T[X] refers to itself`; 1.19.8: `illegal cycle in declaration of T`).
        if profile.version < GoVersion(1, 20) { throw fail(.typeError("illegal cycle in declaration of \(g.name)"), at: span) }
        let written = g.name + "[" + g.params.map(\.name).joined(separator: ", ") + "]"
        throw fail(.typeError("invalid recursive type: \(written) refers to itself"), at: span)
      }
      return t
    }
    // A constraint that names the type itself (`type T[P T[P]]`) instantiates it while its
    // arguments are verified: Go verifies instantiations lazily, so the inner one is not
    // verified again here (the outer check then fails on the type set).
    let verify = !verifyingGenerics.contains(ObjectIdentifier(g))
    // A type whose instance names a bigger instance of itself (`type L[T any] struct{ next
    // *L[[]T] }`) would instantiate forever: types2's instantiation cycle.
    if definingInstances.count >= 64 || g.instances.count >= 1000 {
      throw fail(.typeError("instantiation cycle: \(g.name) instantiated within itself with ever larger type arguments"), at: span)
    }
    if verify {
      verifyingGenerics.insert(ObjectIdentifier(g))
      defer { verifyingGenerics.remove(ObjectIdentifier(g)) }
      try checkConstraints(g.params, arguments, in: g.scope, name: g.name, at: span)
    }
    if let t = g.instances[key] { return t }  // made while its arguments were verified
    let t = GoType.named(g.qualifier + g.name + "[" + key + "]")
    t.instanceOf = (g.qualifier + g.name, arguments)
    g.instances[key] = t
    runInstances.append { g.instances[key] = nil }
    let types = typeParameterScope(g.params.map(\.name), arguments, in: g.scope)
    definingInstances.insert(ObjectIdentifier(t))
    let outermost = definingGenerics.insert(ObjectIdentifier(g)).inserted
    defer {
      definingInstances.remove(ObjectIdentifier(t))
      if outermost { definingGenerics.remove(ObjectIdentifier(g)) }
    }
    let under = try withSource(g.source) { try resolveType(g.body, types) }
    t.define(under.kind)
    t.basicName = under.basicName ?? (under.name != nil && Universe.isPredeclaredType(under) ? under.name : nil)
    for m in g.methods { instantiateMethod(m, of: t, arguments, g) }
    return t
  }

  /// Declares one generic method for one instance: `(*Stack[int]).Push`.
  func instantiateMethod(
    _ m: (decl: FuncDecl, receiver: Param, pointer: Bool, names: [String]), of t: GoType,
    _ arguments: [GoType], _ g: GenericType
  ) {
    let d = m.decl
    let f = Function(name: methodName(GoType.named(qualifier + g.name + shapedArguments(arguments)), m.pointer, d.name), decl: d, isScript: false)
    nameInstance(f, concrete: methodName(GoType.named(qualifier + g.name + concreteArguments(arguments)), m.pointer, d.name))
    f.receiver = (t, m.pointer)
    do {
      try declareInstance(f, [m.receiver] + d.paramList, names: m.names, arguments, in: g.scope, source: g.source)
    } catch { return }
    if d.name != "_" { addMethod(f, d.name, to: t, at: d.nameSpan ?? d.span) }
  }

  /// Declares an instance's signature with its type parameters (`names`) bound to the type
  /// arguments, in its declaration's source, and enters it among the run's functions (its body
  /// is checked with theirs, and its sites named by shape: shapeSiteTexts).
  private func declareInstance(
    _ f: Function, _ params: [Param], names: [String], _ arguments: [GoType], in declared: LexicalScope,
    source: Source
  ) throws {
    let d = f.decl!
    let types = typeParameterScope(names, arguments, in: declared)
    let scope = LexicalScope(parent: types, function: f)
    try withSource(source) {
      try declareSignature(params, d.results, variadic: d.variadic, of: f, in: scope, typesIn: types)
    }
    functionScopes[ObjectIdentifier(f)] = scope
    instanceSources[ObjectIdentifier(f)] = source
    shapeTexts[ObjectIdentifier(f)] = shapeSubstitutions(names, arguments)
    functions.append(f)
    everyFunction.append(f)
  }

  /// A generic function's instance for the type arguments: its signature declared now, its
  /// body checked with the run's other bodies.
  func instantiate(_ g: GenericFunction, _ arguments: [GoType], at span: Span, argumentSpans: [Span] = []) throws -> Function {
    let d = g.decl
    let key = instanceKey(arguments)
    if let f = g.instances[key] { return f }
    // An instantiation cycle (`func f[T any]() { f[[]T]() }`) would make instances forever.
    if g.instances.count >= 1000 {
      throw fail(.typeError("instantiation cycle: \(d.name) instantiated with 1000 type argument lists"), at: span)
    }
    try checkConstraints(d.typeParams, arguments, in: g.scope, name: d.name, at: span, argumentSpans: argumentSpans)
    // Named with its own package (`slices.Collect[go.shape.int]`), wherever it is instantiated.
    let q = g.library.map { $0.package + "." } ?? ""
    let f = Function(name: q + d.name + shapedArguments(arguments), decl: d, isScript: false)
    f.library = g.library
    nameInstance(f, concrete: q + d.name + concreteArguments(arguments))
    try declareInstance(f, d.paramList, names: d.typeParams.map(\.name), arguments, in: g.scope, source: g.source)
    instanceOrigins[ObjectIdentifier(f)] = g
    g.instances[key] = f
    runInstances.append { g.instances[key] = nil }
    return f
  }

  /// A method receiver of a generic type (`s *Stack[T]`): the type, whether the receiver is a
  /// pointer, and the names the receiver gives the type parameters. Nil when the receiver is
  /// not of a generic type, or has an error (reported).
  func genericReceiver(_ r: Param) -> (GenericType, Bool, [String])? {
    var te = r.type
    var pointer = false
    if case .pointer(let inner) = te {
      te = inner
      pointer = true
    }
    guard case .instance(.name(let n, _), let args, let at) = te, case .genericType(let g)? = top.lookup(n) else { return nil }
    var names: [String] = []
    for a in args {
      guard case .name(let p, _) = a else {
        fail(.typeError("receiver type parameter \(syntaxText(a.span ?? at)) must be an identifier"), at: a.span ?? at)
        return nil
      }
      names.append(p)
    }
    guard names.count == g.params.count else {
      fail(.typeError("receiver declares \(names.count) type parameter\(names.count == 1 ? "" : "s"), but receiver base type declares \(g.params.count)"), at: at)
      return nil
    }
    return (g, pointer, names)
  }

  /// The generic function an expression names (`Sum`, `(Sum)`), or nil.
  func genericFunction(_ e: Expr, _ scope: LexicalScope) -> GenericFunction? {
    switch e.kind {
    case .identifier(let n):
      if case .genericFunction(let g)? = scope.lookup(n) { return g }
    case .paren(let inner): return genericFunction(inner, scope)
    case .selector(let base, let name):
      // A library's (`slices.Collect[int]`).
      if case .identifier(let pkg) = base.kind, case .package(let p)? = scope.lookup(pkg),
        case .libraryGenericFunction(let g)? = try? packageMember(p, name, at: e.span)
      {
        return g.generic
      }
    default: break
    }
    return nil
  }

  /// Whether a name in scope is a generic type.
  func isGenericType(_ n: String, _ scope: LexicalScope) -> Bool {
    if case .genericType? = scope.lookup(n) { return true }
    return false
  }

  /// `iter.Seq` written as an expression that names a library's generic type: the type name
  /// to instantiate (`iter.Seq[int](f)` converts f), or nil.
  func libraryGenericTypeName(_ e: Expr, _ scope: LexicalScope) -> TypeExpr? {
    guard case .selector(let base, let name) = e.kind, case .identifier(let pkg) = base.kind,
      case .package(let p)? = scope.lookup(pkg), case .libraryGenericType? = try? packageMember(p, name, at: e.span)
    else { return nil }
    return .qualified(pkg, name, e.span)
  }

  /// types2's instantiation cycle, found where it is written: a generic that instantiates
  /// itself, inside its own declaration, with a type argument built from its own type parameter
  /// (`type L[T any] struct{ next *L[[]T] }`, `func F[T any]() { F[[]T]() }`) would need ever
  /// larger instances. Reported at the type parameter, with the instantiation under it.
  func instantiationCycle(_ params: [TypeParam], _ written: [TypeExpr], at spans: [Span], source declared: Source) -> CheckFailure? {
    let names = Set(params.map(\.name))
    for (p, (arg, at)) in zip(params, zip(written, spans)) {
      if case .name(let n, _) = arg, n == p.name { continue }
      guard freeNames(arg, names).contains(p.name) else { continue }
      let detail = "\(position(at.start)): \(p.name) instantiated as \(text(at))"
      return withSource(declared) { fail(.typeError("instantiation cycle:\n\t" + detail), at: p.span) }
    }
    return nil
  }

  /// Where each type argument of an instance written at `span` (`L[[]T, int]`) is: the text
  /// between its brackets, split at the commas outside nested brackets and parentheses.
  func typeArgumentSpans(_ span: Span) -> [Span] {
    let bytes = source.bytes
    var i = max(0, span.start)
    let end = min(span.end, bytes.count)
    while i < end, bytes[i] != UInt8(ascii: "[") { i += 1 }
    var spans: [Span] = []
    var start = i + 1
    var depth = 0
    var k = i + 1
    while k < end {
      switch bytes[k] {
      case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]") where depth == 0, UInt8(ascii: ",") where depth == 0:
        spans.append(trimmed(Span(start, k)))
        if bytes[k] == UInt8(ascii: "]") { return spans }
        start = k + 1
      case UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
      k += 1
    }
    return spans
  }

  /// A span without the blanks at its ends.
  private func trimmed(_ s: Span) -> Span {
    let bytes = source.bytes
    var a = s.start
    var b = s.end
    while a < b, bytes[a] == UInt8(ascii: " ") || bytes[a] == UInt8(ascii: "\t") || bytes[a] == UInt8(ascii: "\n") { a += 1 }
    while b > a, bytes[b - 1] == UInt8(ascii: " ") || bytes[b - 1] == UInt8(ascii: "\t") || bytes[b - 1] == UInt8(ascii: "\n") { b -= 1 }
    return Span(a, b)
  }

  /// The generic function whose instance's body (or a closure in it) is being checked.
  func enclosingGeneric() -> GenericFunction? {
    var f: Function? = function
    while let g = f {
      if let origin = instanceOrigins[ObjectIdentifier(g)] { return origin }
      f = g.outer
    }
    return nil
  }

  /// types2's checks of a type parameter list: no name twice (`T redeclared in this block`,
  /// with the other declaration under it).
  func checkTypeParameters(_ params: [TypeParam]) -> Bool {
    var seen: [String: Span] = [:]
    for p in params where p.name != "_" {
      if let other = seen[p.name] {
        fail(.typeError("\(p.name) redeclared in this block\n\t\(position(other.start)): other declaration of \(p.name)"), at: p.span)
        return false
      }
      seen[p.name] = p.span
    }
    return true
  }

  /// `[go.shape.int,go.shape.string]`: type arguments as the compiler names a shaped instance
  /// (noder shapify: a pointer is *uint8, another type its underlying type; Go 1.19 numbers
  /// each by its type parameter, `go.shape.int_0`).
  func shapedArguments(_ arguments: [GoType]) -> String {
    let unified = profile.version >= GoVersion(1, 20)
    return "[" + arguments.enumerated().map { k, t in goShapeName(t) + (unified ? "" : "_\(k)") }.joined(separator: ",") + "]"
  }

  /// `[int,main.Celsius]`: type arguments as the wrapper of one instantiation is named.
  func concreteArguments(_ arguments: [GoType]) -> String {
    "[" + arguments.map(goTypeString).joined(separator: ",") + "]"
  }

  /// What -m writes for each type parameter in a shaped body's texts (`make([]U, 0, n)` is
  /// `make([]go.shape.string, 0, n)`).
  func shapeSubstitutions(_ names: [String], _ arguments: [GoType]) -> [String: String] {
    let unified = profile.version >= GoVersion(1, 20)
    var map: [String: String] = [:]
    for (k, (n, t)) in zip(names, arguments).enumerated() where n != "_" {
      map[n] = goShapeName(t) + (unified ? "" : "_\(k)")
    }
    return map
  }

  /// An instance's allocation sites as -m names them: each type parameter replaced by its
  /// shape.
  func shapeSiteTexts(of f: Function) {
    guard let map = shapeTexts[ObjectIdentifier(f)], !map.isEmpty else { return }
    for site in f.withLiterals.flatMap(\.sites) {
      site.text = renamingIdentifiers(site.text) { map[$0] }
    }
  }

  /// Names an instance for -m: its shape's name, the wrapper's, and whether it is the first of
  /// its shape (the one whose body's lines are printed).
  func nameInstance(_ f: Function, concrete: String) {
    let first = shapedInstances.insert(f.name).inserted
    f.instance = (concrete, first)
    // A run that fails compiles nothing: its shapes are not reported for it.
    if first { runInstances.append { [unowned self] in self.shapedInstances.remove(f.name) } }
  }

  /// A scope binding type parameter names to type arguments (`_` binds nothing).
  func typeParameterScope(_ names: [String], _ arguments: [GoType], in parent: LexicalScope) -> LexicalScope {
    let scope = LexicalScope(parent: parent, function: nil)
    for (n, t) in zip(names, arguments) where n != "_" { scope.symbols[n] = .type(t) }
    return scope
  }

  /// Runs `body` with `source` as the text spans refer to (an instance of a generic an earlier
  /// REPL entry declared).
  func withSource<R>(_ other: Source, _ body: () throws -> R) rethrows -> R {
    let saved = source
    source = other
    defer { source = saved }
    return try body()
  }

  // MARK: Constraints

  /// Whether each type argument satisfies its parameter's constraint (types2 instantiate.go
  /// verify and implements), in go build's words: `string does not satisfy Number (string
  /// missing in ~int | ~float64)`.
  /// An argument given explicitly is reported at its position (`argumentSpans`), an inferred
  /// one at `span`.
  func checkConstraints(
    _ params: [TypeParam], _ arguments: [GoType], in scope: LexicalScope, name: String, at span: Span,
    argumentSpans: [Span] = []
  ) throws {
    let types = typeParameterScope(params.map(\.name), arguments, in: scope)
    for (k, (p, t)) in zip(params, arguments).enumerated() {
      let span = k < argumentSpans.count ? argumentSpans[k] : span
      let constraint = try constraintType(p.constraint, types)
      if let why = unsatisfied(t, constraint) {
        let name = constraintName(p.constraint, constraint)
        throw fail(.typeError("\(t) does not satisfy \(name)" + (why.isEmpty ? "" : " " + why)), at: span)
      }
    }
  }

  /// How types2 names a constraint: its name, or the literal as written.
  func constraintName(_ te: TypeExpr, _ t: GoType) -> String {
    if t.name != nil { return "\(t)" }
    if case .interface(let elements, let at) = te, elements.count == 1, case .union = elements[0] { return text(at) }
    // `[P T[int]]`: a constraint that is not an interface is named as itself.
    if case .interface = te {} else if let only = typeSet(of: t).unions.first, only.count == 1 { return "\(only[0].type)" }
    return "\(t)"
  }

  /// A constraint resolved as a type: an interface, maybe with a type set.
  func constraintType(_ te: TypeExpr, _ scope: LexicalScope) throws -> GoType {
    let saved = inConstraint
    inConstraint = true
    defer { inConstraint = saved }
    let t = try resolveType(te, scope, byValue: false)
    guard t.isInterface else {
      // `[T int]`: a non-interface type is the type set of itself.
      let set = GoType(.interface(methods: []))
      record(TypeSet(unions: [[(false, t)]]), of: set)
      return set
    }
    return t
  }

  /// Why `t` does not satisfy the constraint, or nil.
  func unsatisfied(_ t: GoType, _ constraint: GoType) -> String? {
    let set = typeSet(of: constraint)
    for union in set.unions {
      let found = union.contains { term in term.tilde ? t.underlyingIdentical(term.type) : t.identical(term.type) }
      if !found {
        let terms = union.map { ($0.tilde ? "~" : "") + "\($0.type)" }.joined(separator: " | ")
        return "(\(t) missing in \(terms))"
      }
    }
    if set.comparable, !t.isComparable { return "" }
    if let why = missingMethod(t, constraint) { return why }
    return nil
  }

  /// The type set a constraint interface carries (none for a plain interface).
  func typeSet(of t: GoType) -> TypeSet {
    if t === comparableType { return TypeSet(comparable: true) }
    if t === cmpOrderedType { return TypeSet(unions: [cmpOrderedTerms]) }
    return typeSets[ObjectIdentifier(t)] ?? TypeSet()
  }

  /// Records a constraint interface's type set.
  func record(_ set: TypeSet, of t: GoType) {
    var set = set
    set.owner = t
    typeSets[ObjectIdentifier(t)] = set
  }

  /// Whether an interface is a constraint only (it has a type set or is comparable).
  func isConstraintOnly(_ t: GoType) -> Bool {
    let set = typeSet(of: t)
    return !set.unions.isEmpty || set.comparable
  }

  // MARK: Calls

  /// `Sum(xs)`, `Map[int, string](xs, f)`: the instance the call's arguments (and explicit type
  /// arguments) select, called.
  func genericCall(
    _ g: GenericFunction, explicit: [TypeExpr], _ args: [Expr], _ spread: Bool, _ scope: LexicalScope,
    callee: Span, _ span: Span
  ) throws -> Operand {
    let d = g.decl
    if explicit.count > d.typeParams.count {
      throw fail(.typeError("got \(explicit.count) type arguments but want \(d.typeParams.count)"), at: explicit[d.typeParams.count].span ?? callee)
    }
    if enclosingGeneric() === g, let cycle = instantiationCycle(d.typeParams, explicit, at: typeArgumentSpans(callee), source: g.source) { throw cycle }
    let given = try explicit.map { try resolveType($0, scope, byValue: false) }
    let (ops, exprs, spill) = try argumentOperands(args, spread, scope)
    // types2 places what it finds about the inferred arguments at the call's `(`.
    let lparen = openParen(callee.end).map { Span($0, $0 + 1) } ?? callee
    let arguments = try inferTypeArguments(g, given, ops, spread: spread, callee: lparen)
    let f = try instantiate(g, arguments, at: lparen, argumentSpans: explicit.map { $0.span ?? callee })
    // Messages name the function as the call writes it: `argument to F[int]`.
    let (typed, _) = try typedArguments(
      ops, exprs, spill, params: f.explicitParams.map(\.type), variadic: f.variadic, spread, span, name: text(callee))
    var node = TypedExpr(.call(f, typed), callType(f), span)
    if let spill { node = TypedExpr(.initialized([spill], node), node.type, span) }
    var op = value(node)
    op.isCallResult = true
    return op
  }

  /// `Sum[int]` used as a value: the instance's function value (every type argument given).
  func genericFunctionValue(_ g: GenericFunction, explicit: [TypeExpr], _ scope: LexicalScope, _ span: Span) throws -> Operand {
    let d = g.decl
    guard explicit.count == d.typeParams.count else {
      if explicit.count > d.typeParams.count {
        throw fail(.typeError("got \(explicit.count) type arguments but want \(d.typeParams.count)"), at: explicit[d.typeParams.count].span ?? span)
      }
      throw fail(.typeError("cannot use generic function \(d.name) without instantiation"), at: span)
    }
    if enclosingGeneric() === g, let cycle = instantiationCycle(d.typeParams, explicit, at: typeArgumentSpans(span), source: g.source) { throw cycle }
    let arguments = try explicit.map { try resolveType($0, scope, byValue: false) }
    return functionValue(try instantiate(g, arguments, at: span, argumentSpans: explicit.map { $0.span ?? span }), span)
  }

  /// The type arguments of a call (types2 infer.go): the explicit ones, then those the typed
  /// arguments' types give by unification with the parameters' types, then those the untyped
  /// constants give (their default type, the largest kind among them), then those the
  /// constraints' core types give (`S ~[]E` gives E from S).
  func inferTypeArguments(_ g: GenericFunction, _ given: [GoType], _ ops: [Operand], spread: Bool, callee: Span) throws -> [GoType] {
    let d = g.decl
    let names = d.typeParams.map(\.name)
    let params = Set(names)
    var bound: [String: GoType] = [:]
    for (n, t) in zip(names, given) { bound[n] = t }
    var untyped: [String: UntypedKind] = [:]
    let fixed = d.variadic ? d.paramList.count - 1 : d.paramList.count
    for (k, op) in ops.enumerated() {
      var te: TypeExpr
      if k < fixed {
        te = d.paramList[k].type
      } else if d.variadic, let last = d.paramList.last {
        te = spread ? .slice(last.type) : last.type
      } else {
        break  // too many arguments: reported when the instance's arguments are checked
      }
      if let u = op.untyped {
        if u != .nilValue, case .name(let n, _) = te, params.contains(n), bound[n] == nil {
          if let other = untyped[n] {
            // Go 1.19's types2 took the first constant's default type, and a later one had to
            // have the same (`Max(2.5, 1)`: "default type int of 1 does not match inferred
            // type float64 for T", recorded with go vet 1.19.8); Go 1.21 lets numeric kinds
            // meet at the larger one, any other pair not (infer.go).
            if profile.version < GoVersion(1, 21), other.defaultType !== u.defaultType {
              throw fail(.typeError("default type \(u.defaultType) of \(op.goText) does not match inferred type \(other.defaultType) for \(n)"), at: op.expr.span)
            }
            guard let larger = Self.larger(other, u) else {
              throw fail(.typeError("in call to \(d.name), mismatched types \(other.description) and \(u.description) (cannot infer \(n))"), at: op.expr.span)
            }
            untyped[n] = larger
          } else {
            untyped[n] = u
          }
        }
        continue
      }
      if let clash = unify(te, op.type, params, &bound) {
        throw fail(.typeError("in call to \(d.name), type \(op.type) of \(Self.shortened(op.text)) does not match \(clash)"), at: op.expr.span)
      }
    }
    for (n, u) in untyped where bound[n] == nil { bound[n] = u.defaultType }
    // Core types of constraints: `S ~[]E` binds E from S, or S from E.
    var changed = true
    while changed {
      changed = false
      for p in d.typeParams {
        guard case .interface(let elements, _) = p.constraint, elements.count == 1,
          case .union(let terms, _) = elements[0], terms.count == 1
        else { continue }
        let core = terms[0].type
        if let t = bound[p.name] {
          let before = bound.count
          _ = unify(core, GoType(t.kind), params, &bound)
          if bound.count != before { changed = true }
        } else if freeNames(core, params).allSatisfy({ bound[$0] != nil }) {
          let types = typeParameterScope(Array(bound.keys), Array(bound.values), in: g.scope)
          if let t = try? withSource(g.source, { try resolveType(core, types, byValue: false) }) {
            bound[p.name] = t
            changed = true
          }
        }
      }
    }
    if let missing = d.typeParams.first(where: { bound[$0.name] == nil }) {
      let declared = withSource(g.source) { position(missing.span.start) }
      throw fail(.typeError("in call to \(d.name), cannot infer \(missing.name) (declared at \(declared))"), at: callee)
    }
    return names.map { bound[$0]! }
  }

  /// The larger of two untyped constant kinds (types2: int < rune < float), nil when they do
  /// not meet (a string and a number); equal kinds meet as themselves.
  private static func larger(_ a: UntypedKind, _ b: UntypedKind) -> UntypedKind? {
    if a == b { return a }
    let order: [UntypedKind] = [.int, .rune, .float]
    guard let i = order.firstIndex(of: a), let j = order.firstIndex(of: b) else { return nil }
    return order[max(i, j)]
  }

  /// An expression as types2's ExprString writes it in messages: a composite literal's
  /// elements elided (`[]string{…}`).
  static func shortened(_ text: String) -> String {
    guard let open = text.firstIndex(of: "{"), text.hasSuffix("}") else { return text }
    return text[..<open] + "{…}"
  }

  /// The type parameters a written type mentions.
  func freeNames(_ te: TypeExpr, _ params: Set<String>) -> [String] {
    switch te {
    case .name(let n, _): return params.contains(n) ? [n] : []
    case .pointer(let e), .slice(let e), .array(_, let e), .chan(let e, _, _): return freeNames(e, params)
    case .map(let k, let v, _): return freeNames(k, params) + freeNames(v, params)
    case .function(let ps, let rs, _, _): return (ps + rs).flatMap { freeNames($0.type, params) }
    case .instance(_, let args, _): return args.flatMap { freeNames($0, params) }
    default: return []
    }
  }

  /// Unifies a parameter's written type with an argument's type, binding type parameters
  /// (types2 unify.go, inexact: a named argument matches a type literal by its underlying
  /// type). Returns what does not match, or nil.
  func unify(_ te: TypeExpr, _ t: GoType, _ params: Set<String>, _ bound: inout [String: GoType]) -> String? {
    switch te {
    case .name(let n, _) where params.contains(n):
      if let b = bound[n] {
        if b.identical(t) || ((b.name == nil || t.name == nil) && b.underlyingIdentical(t)) {
          if b.name == nil && t.name != nil { bound[n] = t }
          return nil
        }
        return "inferred type \(b) for \(n)"
      }
      bound[n] = t
      return nil
    case .pointer(let e):
      if let p = t.pointee { return unify(e, p, params, &bound) }
    case .slice(let e):
      if let s = t.sliceElement { return unify(e, s, params, &bound) }
    case .array(_, let e):
      if let (a, _) = t.arrayInfo { return unify(e, a, params, &bound) }
    case .map(let k, let v, _):
      if let (mk, mv) = t.mapTypes { return unify(k, mk, params, &bound) ?? unify(v, mv, params, &bound) }
    case .chan(let e, _, _):
      if let (c, _) = t.chanInfo { return unify(e, c, params, &bound) }
    case .function(let ps, let rs, _, _):
      if case .function(let tp, let tr, _) = t.kind, tp.count == ps.count, tr.count == rs.count {
        for (p, a) in zip(ps, tp) { if let c = unify(p.type, a, params, &bound) { return c } }
        for (r, a) in zip(rs, tr) { if let c = unify(r.type, a, params, &bound) { return c } }
      }
    case .instance(.name(let n, _), let args, _):
      if let (generic, targs) = t.instanceOf, generic == qualifier + n, targs.count == args.count {
        for (a, ta) in zip(args, targs) { if let c = unify(a, ta, params, &bound) { return c } }
      }
    case .instance(.qualified(let pkg, let n, let at), let args, _):
      // Another package's generic type (`iter.Seq[E]`): an instance of it unifies argument by
      // argument; any other type with its definition (types2's inexact unification of a
      // defined type with a type literal: a `func(yield func(int) bool)` is an iter.Seq[int]).
      if let (generic, targs) = t.instanceOf, generic == "\(pkg).\(n)", targs.count == args.count {
        for (a, ta) in zip(args, targs) { if let c = unify(a, ta, params, &bound) { return c } }
      } else if t.name == nil, case .libraryGenericType(let g)? = try? packageMember(pkg, n, at: at),
        g.generic.params.count == args.count
      {
        var renamed: [String: TypeExpr] = [:]
        for (p, a) in zip(g.generic.params, args) { renamed[p.name] = a }
        return unify(g.generic.body.substituting(renamed), t, params, &bound)
      }
    default: break
    }
    return nil
  }
}

extension TypeExpr {
  /// The type with the names in `names` (a generic's type parameters) replaced: a generic
  /// type's definition as its instance's arguments spell it (`func(yield func(V) bool)` of
  /// iter.Seq[E] is `func(yield func(E) bool)`). Struct and interface types are left as they
  /// are (only function types, their parameters' and results', are unified through this).
  func substituting(_ names: [String: TypeExpr]) -> TypeExpr {
    func params(_ ps: [Param]) -> [Param] { ps.map { Param(name: $0.name, type: $0.type.substituting(names), span: $0.span) } }
    switch self {
    case .name(let n, _): return names[n] ?? self
    case .pointer(let t): return .pointer(t.substituting(names))
    case .slice(let t): return .slice(t.substituting(names))
    case .array(let n, let t): return .array(n, t.substituting(names))
    case .map(let k, let v, let s): return .map(k.substituting(names), v.substituting(names), s)
    case .chan(let e, let d, let s): return .chan(e.substituting(names), d, s)
    case .function(let ps, let rs, let variadic, let s): return .function(params: params(ps), results: params(rs), variadic: variadic, s)
    case .instance(let b, let args, let s): return .instance(b, args.map { $0.substituting(names) }, s)
    case .qualified, .structure, .inferredArray, .interface, .unsupportedStruct: return self
    }
  }
}
