// Checker: the AST to the typed tree, with Go's rules — before anything runs.
//
// A run (a script, `-e` code, stdin, or one REPL entry) is checked whole, in phases:
//   1. Type declarations at the top level are collected, then defined in dependency order, so
//      `type A struct{ b B }` may come before `type B`; a type that contains itself by value
//      (`type T [1]T`) is an invalid recursive type.
//   2. Function declarations get their signatures, so code may call a function declared below.
//   3. The top-level statements are checked in order, as they will run: a top-level variable
//      is a package-level global from its declaration on.
//   4. The bodies of the functions are checked, seeing every global of the run.
// Errors are collected (each statement with an error is reported once and skipped) and nothing
// runs unless there are none. The package scope persists across runs, so a REPL session keeps
// its variables, types and functions; a run with errors changes nothing in it.
//
// Messages follow go build's (cmd/compile's types2) wording where Go has one.

import GoHeap

/// The result of checking one run: its top-level code as a function, and the functions it
/// declared.
public struct CheckedProgram {
  /// The top-level statements (and then `main`, if the run declared it), as one function.
  public let script: Function
  /// Every function the run declared, `main` included.
  public let functions: [Function]
  /// The globals the run declared, in declaration order.
  public let globals: [Variable]
  /// Globals of earlier runs that this run declared again (the REPL's `x := ...` twice): they
  /// stop being roots.
  public let replacedGlobals: [Variable]
}

/// A type found to contain itself by value, with the declarations on the way (`A`, `B`, `A`).
struct RecursiveType: Error {
  let path: [String]
  /// go build's wording, for the declaration `name` where the cycle is reported.
  func message(from name: String) -> String {
    guard let start = path.firstIndex(of: name) else { return "invalid recursive type \(name)" }
    let cycle = Array(path[start...])
    if cycle.count <= 2 { return "invalid recursive type: \(name) refers to itself" }
    let steps = zip(cycle, cycle.dropFirst()).map { "\t\($0) refers to \($1)" }.joined(separator: "\n")
    return "invalid recursive type \(name)\n" + steps
  }
}

/// A statement's check failed; its error is already recorded (or it was a follow-on error of
/// one that is).
struct CheckFailure: Error {}

/// Checks runs against a package scope that persists between them.
public final class Checker {
  /// Go's predeclared names and gcsh's packages.
  let universe = Universe.scope()
  /// The top level: globals, constants, types and functions of every successful run so far.
  let package: LexicalScope
  /// The run being checked.
  var source = Source(name: "<none>", text: "")
  var errors: [ScriptError] = []
  /// The simulated runtime's era: a runtime function it lacks is a compile error.
  let profile: RuntimeProfile
  /// The REPL prints the value of an expression statement at the top level.
  public var echoExpressions = false
  /// The simulated machine's operating system (`--os`): runtime.GOOS's value.
  public var goos = "linux"

  // State of the run being checked.
  /// The run's own top level (its declarations join `package` when the run is accepted).
  var top: LexicalScope
  var script: Function
  var functions: [Function] = []
  /// Every function any run checked (failed runs' too): the interpreter cuts their bodies'
  /// cycles when it goes (Function.releaseGraph).
  var everyFunction: [Function] = []

  /// Cuts the cycles of what the checker made, when its interpreter goes: a generic function
  /// or type holds the scope it is declared in, whose symbols hold it; a function's body may
  /// call it (Function.releaseGraph).
  func releaseGraph() {
    for scope in [package, top] + Array(libraries.values) + Array(runLibraries.values) + Array(functionScopes.values) {
      scope.symbols = [:]
      scope.variables = []
    }
    for f in everyFunction + [script] { f.releaseGraph() }
  }
  var globals: [Variable] = []
  /// Type declarations not yet defined (phase 1), by name.
  var pendingTypes: [String: (TypeExpr, Span, GoType)] = [:]
  /// Named types being defined: using one of these by value is an invalid recursive type.
  var definingTypes: Set<String> = []
  /// The same, in the order their definitions began (the cycle's path).
  var definingOrder: [String] = []
  /// The value of `iota` in the constant spec being checked.
  var iota: Int128? = nil
  /// The scopes holding each function's parameters (the parent of its body).
  var functionScopes: [ObjectIdentifier: LexicalScope] = [:]
  /// Temporaries holding a call's several results (spillResults), by variable: how types2
  /// names each in messages (`1st function result`).
  var resultNames: [ObjectIdentifier: String] = [:]

  // State of the function being checked.
  var function: Function
  /// Enclosing loops and switches, innermost last (break and continue targets).
  var loops: [LoopTarget] = []
  /// The range-over-func loops whose bodies enclose the statement being checked, outermost
  /// first (Checker+RangeFunc.swift), within the function being checked.
  var rangeFuncs: [RangeFuncLoop] = []
  /// Branch statements the branch check reported (Checker+Branches.swift): left out silently.
  var badBranches: Set<ObjectIdentifier> = []

  /// The methods of the package's named types, by type (Checker+Methods.swift): those of every
  /// accepted run, and those the run being checked declares (they join on acceptance).
  var methodSets: [ObjectIdentifier: MethodSet] = [:]
  var runMethods: [ObjectIdentifier: MethodSet] = [:]
  /// Where the run's struct types name their fields (a method of the same name is reported
  /// with the field's position).
  /// The run is a Go program (a `package` clause): its top-level variables are package-level
  /// ones, which Go initialises statically where it can (staticinit).
  var isGoPackage = false
  var fieldNameSpans: [ObjectIdentifier: [String: Span]] = [:]
  /// The library packages compiled from source (Checker+Libraries.swift): the top-level scope
  /// of each an accepted run loaded, of each this run loaded, and the one being checked now.
  var libraries: [String: LexicalScope] = [:]
  var runLibraries: [String: LexicalScope] = [:]
  var loadingLibrary: Library? = nil
  /// What the libraries this run loaded initialise, in the order they loaded: their
  /// package-level variables, then their `init` functions. It runs before the program's own
  /// code, as Go initialises an imported package before the package that imports it.
  var libraryInitialization: [TypedStmt] = []
  /// Generics (Checker+Generics.swift): how to forget the instances this run made, should it
  /// fail; the instances whose definitions are being resolved (by value, one would contain
  /// itself); the source of each instance's declaration; whether a constraint is being
  /// resolved (a constraint interface is usable only there); and the type sets of the
  /// constraint interfaces, by interface type.
  var runInstances: [() -> Void] = []
  var definingInstances: Set<ObjectIdentifier> = []
  var instanceSources: [ObjectIdentifier: Source] = [:]
  var instanceOrigins: [ObjectIdentifier: GenericFunction] = [:]
  var definingGenerics: Set<ObjectIdentifier> = []
  var verifyingGenerics: Set<ObjectIdentifier> = []
  /// The shaped names of the instances made so far (the first of each shape is reported).
  var shapedInstances: Set<String> = []
  /// Each instance's type parameters as -m writes them (shapeSiteTexts).
  var shapeTexts: [ObjectIdentifier: [String: String]] = [:]
  var inConstraint = false
  var typeSets: [ObjectIdentifier: TypeSet] = [:]
  /// The variables a Go file's function bodies declare, which it must use (reportUnused).
  var declaredLocals: [Variable] = []
  /// Its type switches' `v :=` bindings: a variable per clause, used if any clause uses it.
  var typeSwitchBindings: [(name: String, clauses: [Variable], at: Span)] = []

  public init(profile: RuntimeProfile) {
    self.profile = profile
    package = LexicalScope(parent: universe, function: nil)
    top = LexicalScope(parent: package, function: nil)
    script = Function(name: "<script>", decl: nil, isScript: true)
    function = script
    universe.symbols["comparable"] = .type(comparableType)
  }

  /// Checks a parsed run. Returns the program, or nil with `errors` set (located).
  public func check(_ stmts: [Stmt], source: Source) -> CheckedProgram? {
    self.source = source
    errors = []
    top = LexicalScope(parent: package, function: nil)
    script = Function(name: "<script>", decl: nil, isScript: true)
    function = script
    functions = []
    functionScopes = [:]
    resultNames = [:]
    globals = []
    pendingTypes = [:]
    definingTypes = []
    loops = []
    badBranches = []
    runMethods = [:]
    fieldNameSpans = [:]
    runLibraries = [:]
    libraryInitialization = []
    runInstances = []
    declaredLocals = []
    typeSwitchBindings = []

    let decls = flattenTopLevel(stmts)
    isGoPackage = decls.contains { if case .package = $0.kind { true } else { false } }
    collectImports(decls)
    collectTypes(decls)
    bindAliases(decls)
    defineTypes(decls)
    collectFunctions(decls)
    // The top-level code is a body of its own for labels (as main's would be).
    checkBranches(decls.filter { s in
      if case .funcDecl = s.kind { return false }
      return true
    }, start: 0)
    var body: [TypedStmt] = []
    for s in initializationOrder(decls) {
      if case .funcDecl = s.kind { continue }
      if case .typeDecl = s.kind { continue }
      if case .typeAlias = s.kind { continue }
      if case .genericTypeDecl = s.kind { continue }
      if stopIfInterrupted(at: s.span) { break }
      do {
        if let t = try statement(s, top, topLevel: true) {
          t.narrated = isNarrated(s)
          body.append(t)
        }
      } catch {
        poisonDeclarations(of: s, in: top)
      }
    }
    // Instances of generics join `functions` as the bodies that use them are checked.
    var k = 0
    while k < functions.count {
      // Ctrl-C or --timeout: a program of many functions stops between them.
      if stopIfInterrupted(at: functions[k].decl?.span ?? Span(0, 0)) { break }
      if !functions[k].checked { checkBody(functions[k]) }
      k += 1
    }
    body += callInitAndMain()
    script.body = libraryInitialization + body
    if isGoPackage && errors.isEmpty { reportUnused(decls) }
    // One message per place and text: a constant spec repeated implicitly in its group shares
    // its expressions' positions, and gc prints such a repeat once (base.FlushErrors).
    errors.sort { $0.span.start < $1.span.start }
    var seen = Set<String>()
    errors = errors.filter { seen.insert("\($0.span.start):\($0.kind.message)").inserted }
    guard errors.isEmpty else {
      for forget in runInstances { forget() }
      errors = errors.map { $0.located(in: source) }
      return nil
    }
    // Accepted: the run's declarations join the package scope.
    var replaced: [Variable] = []
    for (name, symbol) in top.symbols {
      if case .variable(let old)? = package.symbols[name] { replaced.append(old) }
      package.symbols[name] = symbol
    }
    package.variables += top.variables
    for (type, set) in runMethods { methodSets[type, default: MethodSet(type: set.type)].merge(set) }
    libraries.merge(runLibraries) { old, _ in old }
    return CheckedProgram(
      script: script, functions: functions, globals: globals, replacedGlobals: replaced)
  }

  /// The globals of every accepted run, by name (for completion and listings).
  public var globalNames: [String] { package.symbols.keys.sorted() }

  /// Top-level statements with declaration groups (`var ( ... )`) opened.
  func flattenTopLevel(_ stmts: [Stmt]) -> [Stmt] {
    stmts.flatMap { s -> [Stmt] in
      if case .declGroup(let specs) = s.kind { return specs }
      return [s]
    }
  }

  /// Whether a top-level statement is narrated by `explain` (declarations are not).
  func isNarrated(_ s: Stmt) -> Bool {
    switch s.kind {
    case .funcDecl, .typeDecl, .typeAlias, .genericTypeDecl, .package, .imports, .empty, .constDecl, .declGroup: return false
    default: return true
    }
  }

  /// Records an error; returns the failure to throw.
  @discardableResult
  func fail(_ kind: ErrorKind, at span: Span) -> CheckFailure {
    errors.append(ScriptError(kind, at: span))
    return CheckFailure()
  }

  /// The source text of a span (an expression as written, for messages).
  func text(_ span: Span) -> String {
    let bytes = source.bytes
    let s = min(max(0, span.start), bytes.count)
    let e = min(max(span.end, s), bytes.count)
    return String(decoding: bytes[s..<e], as: UTF8.self)
  }

  // MARK: Imports (phase 0)

  /// Binds each import's name in the file. An import of a package gcsh lacks is reported once, at
  /// its path, and its name is poisoned so that the program's uses of it (`rand.Intn`) do not
  /// each add an "undefined" error; a blank import (`_ "embed"` of a package gcsh has) binds
  /// nothing; a renamed one binds its new name to the package.
  func collectImports(_ decls: [Stmt]) {
    // A Go file sees a package only through its imports (a script sees every package gcsh
    // has): the file's scope hides the others and binds each import's name.
    if isGoPackage { top.hidden = Set(Packages.known.keys) }
    for s in decls {
      guard case .imports(let specs) = s.kind else { continue }
      for spec in specs {
        let name = spec.localName
        guard Packages.isSupported(importPath: spec.path) else {
          fail(.notSupported("package \(spec.path)", plural: false), at: spec.span)
          if name != "_" && name != "." { top.symbols[name] = .poisoned }
          continue
        }
        if spec.path == "runtime/metrics", !profile.has(.metrics) {
          fail(.typeError("package runtime/metrics is not in \(profile.name): it arrived in Go 1.16 (use --profile go1.19 or go1.27)"), at: spec.span)
          top.symbols[name] = .poisoned
          continue
        }
        if spec.path.hasPrefix("internal/") {
          fail(.typeError("use of internal package \(spec.path) not allowed"), at: spec.span)
          if name != "_" && name != "." { top.symbols[name] = .poisoned }
          continue
        }
        if let f = Packages.arrivals[spec.path], !profile.has(f) {
          _ = featureMissing(f, spec.span)
          top.symbols[name] = .poisoned
          continue
        }
        let key = Packages.known.first { $0.value == spec.path }!.key
        switch spec.name {
        case "_"?: break
        case nil: if isGoPackage { top.symbols[key] = .package(key) }
        case "."?: fail(.notSupported("dot imports (import . \"\(spec.path)\")", plural: true), at: spec.span)
        case let alias?:
          if alias != key || isGoPackage { top.symbols[alias] = .package(key) }
        }
      }
    }
  }

  // MARK: Types (phase 1)

  /// Creates every top-level named type, undefined, so declarations may refer to each other.
  func collectTypes(_ decls: [Stmt]) {
    for s in decls {
      if case .genericTypeDecl(let name, let params, let te) = s.kind {
        if !profile.has(.generics) {
          featureMissing(.generics, s.span)
          top.symbols[name] = .poisoned
          continue
        }
        if top.symbols[name] != nil {
          fail(.typeError("\(name) redeclared in this block"), at: s.span)
          continue
        }
        guard checkTypeParameters(params) else {
          top.symbols[name] = .poisoned
          continue
        }
        let g = GenericType(name: name, params: params, body: te, scope: top, source: source, span: s.span)
        g.qualifier = qualifier
        top.symbols[name] = .genericType(g)
        continue
      }
      guard case .typeDecl(let name, let te) = s.kind else { continue }
      if top.symbols[name] != nil {
        fail(.typeError("\(name) redeclared in this block"), at: s.span)
        continue
      }
      let t = GoType.named(qualifier + name)
      top.symbols[name] = .type(t)
      pendingTypes[name] = (te, s.span, t)
    }
  }

  /// Binds each top-level alias (`type A = B`) to its type, in source order, once every named
  /// type exists (an alias names the same type: identical, with B's methods).
  func bindAliases(_ decls: [Stmt]) {
    for s in decls {
      guard case .typeAlias(let name, let te) = s.kind else { continue }
      if top.symbols[name] != nil {
        fail(.typeError("\(name) redeclared in this block"), at: s.span)
        continue
      }
      do { top.symbols[name] = .type(try resolveType(te, top, byValue: false)) } catch {
        top.symbols[name] = .poisoned
      }
    }
  }

  /// Defines the collected types, each after the types it contains by value.
  func defineTypes(_ decls: [Stmt]) {
    for s in decls {
      guard case .typeDecl(let name, _) = s.kind else { continue }
      do { try definePending(name) } catch let cycle as RecursiveType {
        fail(.typeError(cycle.message(from: cycle.path.first ?? name)), at: s.span)
      } catch {}
    }
  }

  /// Defines a pending named type now (it is needed by value, or its turn came).
  func definePending(_ name: String) throws {
    guard let (te, span, t) = pendingTypes[name] else { return }
    pendingTypes[name] = nil
    definingTypes.insert(name)
    definingOrder.append(name)
    defer {
      definingTypes.remove(name)
      definingOrder.removeLast()
    }
    do {
      let errorsBefore = errors.count
      let under: GoType
      do {
        // A constraint may be declared (`type Number interface{ ~int | ~float64 }`), and used
        // only as one.
        if case .interface = te {
          let saved = inConstraint
          inConstraint = true
          defer { inConstraint = saved }
          under = try resolveType(te, top)
        } else {
          under = try resolveType(te, top)
        }
      } catch let cycle as RecursiveType {
        // Reported at the declaration where the cycle starts, as Go does, with the path when it
        // goes through other types.
        errors.removeLast(errors.count - errorsBefore)
        guard cycle.path.first == name else {
          t.define(.int(bits: 64, signed: true))
          throw cycle
        }
        throw fail(.typeError(cycle.message(from: name)), at: span)
      }
      if under === t {
        throw fail(.typeError("invalid recursive type: \(name) refers to itself"), at: span)
      }
      t.define(under.kind)
      t.basicName = under.basicName ?? (under.name != nil && Universe.isPredeclaredType(under) ? under.name : nil)
      if under.isInterface, isConstraintOnly(under) { record(typeSet(of: under), of: t) }
      if t.size == Int.max { throw fail(.typeError("type \(name) too large"), at: span) }
      if case .structure(let fields) = te {
        fieldNameSpans[ObjectIdentifier(t)] = Dictionary(fields.map { ($0.name, $0.span) }, uniquingKeysWith: { a, _ in a })
      }
    } catch {
      // A follow-on use of the type must not report again: give it a harmless definition (for
      // what already holds it) and poison its name (for what looks it up later), as a failed
      // variable's is.
      t.define(.int(bits: 64, signed: true))
      if case .type(let mine)? = top.symbols[name], mine === t { top.symbols[name] = .poisoned }
      throw error
    }
  }

  /// Resolves a written type in `scope`. `byValue`: the type is contained by value (an array
  /// element or a struct field), so a named type being defined would contain itself.
  func resolveType(_ te: TypeExpr, _ scope: LexicalScope, byValue: Bool = true) throws -> GoType {
    switch te {
    case .name(let n, let span):
      if case .genericType(let g)? = scope.lookup(n) { throw genericTypeWithoutInstantiation(g, n, at: span) }
      if case .type(let t)? = scope.lookup(n), !inConstraint, isConstraintOnly(t) {
        let why = typeSet(of: t).unions.isEmpty ? "interface is (or embeds) comparable" : "interface contains type constraints"
        throw fail(.typeError("cannot use type \(n) outside a type constraint: \(why)"), at: span)
      }
      if case .type(let t)? = scope.lookup(n) {
        if let name = localName(t), pendingTypes[name] != nil, case .type(let mine)? = top.symbols[name], mine === t {
          if byValue { try definePending(name) }
        } else if byValue, let name = localName(t), definingTypes.contains(name),
          case .type(let mine)? = top.symbols[name], mine === t
        {
          throw RecursiveType(path: definingOrder.drop { $0 != name } + [name])
        }
        return t
      }
      if let what = Universe.unsupportedTypes[n], scope.lookup(n) == nil {
        throw fail(.notSupported(what, plural: what.hasSuffix("s") || what.hasSuffix(")")), at: span)
      }
      if case .poisoned? = scope.lookup(n) { throw CheckFailure() }
      if scope.lookup(n) != nil { throw fail(.typeError("\(n) is not a type"), at: span) }
      throw fail(.typeError("undefined: \(n)"), at: span)
    case .qualified(let pkg, let n, let span):
      guard case .package(let p)? = scope.lookup(pkg) else {
        if case .poisoned? = scope.lookup(pkg) { throw CheckFailure() }  // an import gcsh lacks
        throw fail(.typeError("undefined: \(pkg)"), at: span)
      }
      try requireArrived(p, at: span)
      if p == "weak" || (p == "atomic" && profile.version >= GoVersion(1, 19)), n == "Pointer" {
        throw fail(.typeError("cannot use generic type \(p).Pointer[T any] without instantiation"), at: span)
      }
      switch try packageMember(p, n, at: span) {
      case .type(let t)?:
        if !inConstraint, isConstraintOnly(t) {
          throw fail(.typeError("cannot use type \(pkg).\(n) outside a type constraint: interface contains type constraints"), at: span)
        }
        return t
      case .libraryGenericType(let g)?: throw genericTypeWithoutInstantiation(g.generic, "\(pkg).\(n)", at: span)
      case .unsupported(let what)?: throw fail(.notSupported(what, plural: false), at: span)
      case .missing(let f)?: throw featureMissing(f, span)
      case nil: throw missingMember(pkg, p, n, at: span)
      default: throw fail(.typeError("\(pkg).\(n) is not a type"), at: span)
      }
    case .pointer(let e): return .pointer(to: try resolveType(e, scope, byValue: false))
    case .slice(let e): return .slice(of: try resolveType(e, scope, byValue: false))
    case .array(let n, let e):
      let len = try constantLength(n, scope)
      let elem = try resolveType(e, scope, byValue: byValue)
      let t = GoType.array(of: elem, count: len)
      if t.size == Int.max || t.size > 1 << 50 {
        throw fail(.typeError("array too large: [\(len)]\(elem)"), at: n.span)
      }
      return t
    case .structure(let fields):
      var seen = Set<String>()
      var resolved: [(String, GoType)] = []
      var embedded = Set<Int>()
      for (k, (name, fte, span, isEmbedded)) in fields.enumerated() {
        if name != "_" && !seen.insert(name).inserted {
          throw fail(.typeError("\(name) redeclared"), at: isEmbedded ? span : fte.span ?? Span(0, 0))
        }
        let ft = try resolveType(fte, scope, byValue: byValue)
        if isEmbedded {
          // types2 struct.go: an embedded type is a type name, or a pointer to one that is
          // neither a pointer nor an interface.
          embedded.insert(k)
          if let p = ft.pointee, p.isPointer || p.isInterface {
            throw fail(.typeError("embedded field type cannot be a pointer to \(p.isInterface ? "an interface" : "a pointer")"), at: span)
          }
          if ft.isPointer && ft.name != nil {
            throw fail(.typeError("embedded field type cannot be a pointer"), at: span)
          }
        }
        resolved.append((name, ft))
      }
      let t = GoType.structure(resolved, embedded: embedded)
      if t.size == Int.max || t.size > 1 << 50 {
        throw fail(.typeError("struct too large"), at: fields.first?.1.span ?? Span(0, 0))
      }
      return t
    case .inferredArray(_, let span):
      throw fail(.typeError("invalid use of [...] array (outside a composite literal)"), at: span)
    case .map(let k, let v, let span): return try mapType(k, v, span, scope)
    case .chan(let e, let dir, _): return GoType(.chan(try resolveType(e, scope, byValue: false), dir))
    case .function(let params, let results, let variadic, _):
      return try resolveFunctionType(params, results, variadic: variadic, scope)
    case .interface(let elements, _): return try interfaceType(elements, scope)
    case .instance(.name(let n, _), let arguments, let span) where isGenericType(n, scope):
      guard case .genericType(let g)? = scope.lookup(n) else { throw CheckFailure() }
      if definingGenerics.contains(ObjectIdentifier(g)), let cycle = instantiationCycle(g.params, arguments, at: typeArgumentSpans(span), source: g.source) {
        throw cycle
      }
      let resolved = try arguments.map { try resolveType($0, scope, byValue: false) }
      return try instantiate(g, resolved, at: span, byValue: byValue)
    case .instance(let base, let arguments, let span):
      if case .qualified(let pkg, "Pointer", let at) = base, case .package(let p)? = scope.lookup(pkg), !arguments.isEmpty {
        try requireArrived(p, at: at)
        if p == "weak" { return try genericPointerInstance(arguments, scope, dot: at.start + pkg.utf8.count, WeakPackage.pointerType) }
        if p == "atomic" {
          guard profile.version >= GoVersion(1, 19) else {
            throw fail(.notSupported("atomic.Pointer (Go 1.19+) in \(profile.name)", plural: false), at: at)
          }
          return try genericPointerInstance(arguments, scope, dot: at.start + pkg.utf8.count, AtomicPackage.pointerType)
        }
      }
      if case .name(let n, _) = base, case .poisoned? = scope.lookup(n) { throw CheckFailure() }
      if case .qualified(let p, _, _) = base, case .poisoned? = scope.lookup(p) { throw CheckFailure() }
      // A library's generic type (`iter.Seq[int]`), instantiated in its own package.
      if case .qualified(let pkg, let n, let at) = base, case .package(let p)? = scope.lookup(pkg), !arguments.isEmpty,
        case .libraryGenericType(let g)? = try packageMember(p, n, at: at)
      {
        let resolved = try arguments.map { try resolveType($0, scope, byValue: false) }
        return try instantiate(g.generic, resolved, at: span, byValue: byValue)
      }
      // types2's words when the base names no generic type: it is undefined, or not generic.
      if !arguments.isEmpty {
        let at = Span(span.start, span.start + 1)
        switch base {
        case .name(let n, _):
          if scope.lookup(n) == nil { throw fail(.typeError("undefined: \(n)"), at: at) }
          if case .type(let t)? = scope.lookup(n) {
            throw fail(.typeError("invalid operation: \(syntaxText(span)) (\(t) is not a generic type)"), at: at)
          }
        case .qualified(let p, let n, _):
          if case .package(let pkg)? = scope.lookup(p), case .type? = try packageMember(pkg, n, at: span) {
            throw fail(.typeError("invalid operation: \(syntaxText(span)) (\(p).\(n) is not a generic type)"), at: at)
          }
        default: break
        }
      }
      throw fail(.notSupported("generics", plural: true), at: span)
    case .unsupportedStruct(let what, let span): throw fail(.notSupported(what, plural: true), at: span)
    }
  }

  /// types2's error for a generic type named without its type arguments.
  func genericTypeWithoutInstantiation(_ g: GenericType, _ name: String, at span: Span) -> CheckFailure {
    let params = g.params.map { "\($0.name) \(g.source.text(of: $0.constraint.span ?? Span(0, 0)))" }.joined(separator: ", ")
    return fail(.typeError("cannot use generic type \(name)[\(params)] without instantiation"), at: span)
  }

  /// An array length: a non-negative integer constant.
  func constantLength(_ e: Expr, _ scope: LexicalScope) throws -> Int {
    let op = try expression(e, scope)
    guard let c = op.constant, let v = c.exactInteger else {
      throw fail(.typeError("array length \(syntaxText(e.span)) (\(describe(op))) must be constant"), at: e.span)
    }
    guard v >= 0 else { throw fail(.typeError("invalid array length \(syntaxText(e.span)) (untyped int constant \(v))"), at: e.span) }
    guard v < 1 << 50 else { throw fail(.typeError("array length \(syntaxText(e.span)) too large"), at: e.span) }
    return Int(v)
  }

  // MARK: Functions (phase 2)

  /// Declares every top-level function with its signature.
  func collectFunctions(_ decls: [Stmt]) {
    for s in decls {
      guard case .funcDecl(let d) = s.kind else { continue }
      let at = d.nameSpan ?? s.span
      // A function whose declaration has an error is poisoned: its calls say nothing more.
      var declared = false
      defer {
        if !declared, d.receiver == nil, d.name != "_", d.name != "init", top.symbols[d.name] == nil {
          top.symbols[d.name] = .poisoned
        }
      }
      if !d.typeParams.isEmpty {
        if !profile.has(.generics) {
          featureMissing(.generics, at)
          continue
        }
        if d.receiver != nil {
          // Go 1.19's types2: "method must have no type parameters", at the list's `[`; Go
          // 1.27 has generic methods, which gcsh does not.
          let bracket = Span(max(0, d.typeParams[0].span.start - 1), d.typeParams[0].span.start)
          if profile.version < GoVersion(1, 20) {
            fail(.typeError("method must have no type parameters"), at: bracket)
          } else {
            fail(.notSupported("methods with type parameters (generic methods)", plural: true), at: bracket)
          }
          continue
        }
        if d.name == "main" || d.name == "init" {
          fail(.typeError("func \(d.name) must have no type parameters"), at: at)
          continue
        }
        if d.name != "_", top.symbols[d.name] != nil {
          fail(.typeError("\(d.name) redeclared in this block"), at: at)
          continue
        }
        if let e = d.misplacedEllipsis { fail(.typeError("can only use ... with final parameter"), at: e); continue }
        if !d.hasBody { fail(.typeError("missing function body"), at: at); continue }
        guard checkTypeParameters(d.typeParams) else { continue }
        if d.name != "_" { top.symbols[d.name] = .genericFunction(GenericFunction(decl: d, scope: top, source: source, library: loadingLibrary)) }
        declared = true
        continue
      }
      if let r = d.receiver, let (g, pointer, names) = genericReceiver(r) {
        if let e = d.misplacedEllipsis { fail(.typeError("can only use ... with final parameter"), at: e); continue }
        if !d.hasBody { fail(.typeError("missing function body"), at: at); continue }
        let m = (decl: d, receiver: r, pointer: pointer, names: names)
        g.methods.append(m)
        for (key, t) in g.instances {
          if let args = t.instanceOf?.arguments, instanceKey(args) == key { instantiateMethod(m, of: t, args, g) }
        }
        declared = true
        continue
      }
      if let e = d.misplacedEllipsis { fail(.typeError("can only use ... with final parameter"), at: e); continue }
      if let e = d.resultEllipsis { fail(.typeError("invalid use of ..."), at: e); continue }
      if !d.hasBody { fail(.typeError("missing function body"), at: at); continue }
      if d.receiver == nil, d.name == "main" || d.name == "init", !d.params.isEmpty || !d.results.isEmpty {
        fail(.typeError("func \(d.name) must have no arguments and no return values"), at: at)
        continue
      }
      if d.receiver == nil, d.name != "init", d.name != "_", top.symbols[d.name] != nil {
        fail(.typeError("\(d.name) redeclared in this block"), at: at)
        continue
      }
      // A method's receiver is its first parameter (as the compiler's ir.Func has it after
      // typecheck: `s.Push(v)` calls `(*Stack).Push(s, v)`).
      var method: (base: GoType, pointer: Bool, param: Param)? = nil
      if let r = d.receiver {
        guard let (base, pointer) = receiverBase(r, d, at) else { continue }
        method = (base, pointer, r)
      }
      let f = Function(name: method.map { methodName($0.base, $0.pointer, d.name) } ?? qualifier + d.name, decl: d, isScript: false)
      let scope = LexicalScope(parent: top, function: f)
      do {
        var paramList = d.paramList
        if let method {
          f.receiver = (method.base, method.pointer)
          paramList.insert(method.param, at: 0)
        }
        try declareSignature(paramList, d.results, variadic: d.variadic, of: f, in: scope, typesIn: top)
      } catch { continue }
      functionScopes[ObjectIdentifier(f)] = scope
      functions.append(f)
      everyFunction.append(f)
      if let method {
        if d.name != "_" { addMethod(f, d.name, to: method.base, at: at) }
      } else if d.name != "init" && d.name != "_" {
        top.symbols[d.name] = .function(f)
      }
      declared = true
    }
  }


  /// A function's parameters and results as variables of its outermost scope (types2
  /// collectParams), their types resolved in `typesIn`: `xs ...T` is a parameter of type []T;
  /// unnamed results get the compiler's names, ~r0, ~r1, ...
  func declareSignature(
    _ params: [Param], _ results: [Param], variadic: Bool, of f: Function, in scope: LexicalScope,
    typesIn: LexicalScope
  ) throws {
    var seen = Set<String>()
    for (k, p) in params.enumerated() {
      let t = try resolveType(p.type, typesIn, byValue: false)
      let name = p.name ?? "_"
      if name != "_" && !seen.insert(name).inserted {
        throw fail(.typeError("duplicate argument \(name)"), at: p.span)
      }
      let isVariadic = variadic && k == params.count - 1
      let v = Variable(name: name, type: isVariadic ? .slice(of: t) : t, span: p.span, storage: .parameter, function: f)
      f.params.append(v)
      if name != "_" { scope.symbols[name] = .variable(v) }
      scope.variables.append(v)
    }
    for (k, r) in results.enumerated() {
      let t = try resolveType(r.type, typesIn, byValue: false)
      let name = r.name ?? "~r\(k)"
      if r.name != nil, name != "_", scope.symbols[name] != nil {
        throw fail(.typeError("\(name) redeclared in this block"), at: r.span)
      }
      let v = Variable(name: name, type: t, span: r.span, storage: .result, function: f)
      f.results.append(v)
      if r.name != nil, name != "_" {
        scope.symbols[name] = .variable(v)
        scope.variables.append(v)
      }
    }
  }

  /// Checks a function's body (phase 4).
  func checkBody(_ f: Function) {
    guard let d = f.decl, let scope = functionScopes[ObjectIdentifier(f)] else { return }
    // An instance of a generic an earlier REPL entry declared: its body is that entry's text.
    if let declared = instanceSources[ObjectIdentifier(f)], declared.text != source.text {
      withSource(declared) { checkBody(f) }
      return
    }
    f.checked = true
    let saved = (function, loops, rangeFuncs)
    (function, loops, rangeFuncs) = (f, [], [])
    defer { (function, loops, rangeFuncs) = saved }
    checkBranches(d.body, start: openBrace(after: d.nameSpan?.end ?? d.span.start))
    // The body's outermost block is the one holding the parameters and results (types2
    // funcBody checks it in the signature's scope): `x := 1` there does not declare a new x.
    let body = block(d.body, scope)
    if f.name == "main" { for s in body { s.narrated = true } }
    f.body = body
    shapeSiteTexts(of: f)
    if !f.results.isEmpty && !isTerminating(d.body) {
      fail(.typeError("missing return"), at: Span(max(d.span.end - 1, d.span.start), d.span.end))
    }
  }

  /// After the top-level statements: the run's `init` functions, then its `main`.
  func callInitAndMain() -> [TypedStmt] {
    let calls = functions.filter { $0.name == "init" && $0.receiver == nil && $0.library == nil }
      + functions.filter { $0.name == "main" && $0.receiver == nil && $0.library == nil }
    return calls.map { f in
      let at = f.decl?.span ?? Span(0, 0)
      return TypedStmt(.expression(TypedExpr(.call(f, []), noValueType, at)), at)
    }
  }

  // MARK: Declarations

  /// Declares a variable in `scope`: a global at the top level, else a local of the function.
  func declare(_ name: String, _ t: GoType, _ span: Span, _ scope: LexicalScope) throws -> Variable {
    if scope.symbols[name] != nil {
      throw fail(.typeError("\(name) redeclared in this block"), at: span)
    }
    let isGlobal = scope === top
    if isGlobal && t.size > AddressSpace.globalsLimit {
      throw fail(.typeError("\(name) (\(t.size) bytes) is too large for a package-level variable in gcsh (64 MiB at most): allocate it with new or make"), at: span)
    }
    let v = Variable(
      name: name, type: t, span: span, storage: isGlobal ? .global : .local,
      function: isGlobal ? nil : function)
    if !isGlobal && name != "_" && isGoPackage && loadingLibrary == nil { declaredLocals.append(v) }
    if name != "_" { scope.symbols[name] = .variable(v) }
    scope.variables.append(v)
    if isGlobal { globals.append(v) } else { function.locals.append(v) }
    v.isLibraryGlobal = isGlobal && loadingLibrary != nil
    return v
  }

  /// Go's terminating statements (the spec's "Terminating statements"): a function with a
  /// result must end in one. A port of types2's return.go (isTerminating, hasBreak); `label` is
  /// the label of the statement, if it has one.
  func isTerminating(_ stmts: [Stmt], label: String? = nil) -> Bool {
    // Trailing empty statements are permitted.
    guard let last = stmts.last(where: { if case .empty = $0.kind { return false }; return true }) else {
      return false
    }
    return isTerminating(last, label: label)
  }

  func isTerminating(_ s: Stmt, label: String?) -> Bool {
    switch s.kind {
    case .returnStmt, .returnValues, .gotoStmt, .fallthroughStmt: return true
    case .labeled(let l, let inner): return isTerminating(inner, label: l)
    case .expression(let e):
      // A call of the predeclared panic.
      var callee = e
      while case .paren(let x) = callee.kind { callee = x }
      if case .call(let f, _, _) = callee.kind, case .identifier("panic") = f.kind { return true }
      return false
    case .block(let b): return isTerminating(b)
    case .ifStmt(_, _, let then, let els):
      guard let els else { return false }
      return isTerminating(then) && isTerminating(els, label: nil)
    case .switchStmt(_, _, _, let clauses):
      // A default clause, and every clause ends in a terminating statement (or fallthrough)
      // and has no break out of the switch.
      var hasDefault = false
      for c in clauses {
        if c.isDefault { hasDefault = true }
        if !isTerminating(c.body) || hasBreak(c.body, label: label, implicit: true) { return false }
      }
      return hasDefault
    case .selectStmt(let clauses):
      return clauses.allSatisfy { isTerminating($0.body) && !hasBreak($0.body, label: label, implicit: true) }
    case .forStmt(_, let cond, _, let body):
      // A range loop terminates; `for {}` without a break out of it does not.
      return cond == nil && !hasBreak(body, label: label, implicit: true)
    default: return false
    }
  }

  /// Whether the statements contain a break out of the statement labeled `label`, or (implicit)
  /// out of the closest enclosing breakable statement (types2 hasBreak).
  func hasBreak(_ stmts: [Stmt], label: String?, implicit: Bool) -> Bool {
    stmts.contains { s in
      switch s.kind {
      case .labeled(_, let inner): return hasBreak([inner], label: label, implicit: implicit)
      case .breakStmt: return implicit
      case .labeledBranch(keyword: "break", let l): return l == label
      case .block(let b): return hasBreak(b, label: label, implicit: implicit)
      case .ifStmt(_, _, let then, let els):
        return hasBreak(then, label: label, implicit: implicit) || (els.map { hasBreak([$0], label: label, implicit: implicit) } ?? false)
      case .switchStmt(_, _, _, let clauses), .selectStmt(let clauses):
        // A break inside names this statement, unless labeled.
        return label != nil && clauses.contains { hasBreak($0.body, label: label, implicit: false) }
      case .forStmt(_, _, _, let body), .rangeStmt(_, _, _, _, let body):
        return label != nil && hasBreak(body, label: label, implicit: false)
      default: return false
      }
    }
  }
}