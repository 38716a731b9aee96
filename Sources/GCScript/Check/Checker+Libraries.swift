// Loading the library packages gcsh compiles from Go source (Libraries.swift): a library is
// checked as its own package the first time a run names one of its members, into a scope of its
// own, and its functions join the run's, so that they are analysed, lowered and run with it.

import GoHeap

extension Checker {
  /// A package member as this run sees it: a library's declaration (loading the library if
  /// need be), else what gcsh's runtime provides (Packages.member). Another package's code sees
  /// only a library's exported names.
  /// A script names packages without importing them: one the profile's Go does not have yet is
  /// refused as its import would be (`weak.Make` in go1.19), before any of its members. Every
  /// path from a package name to its members (calls, selectors, qualified and instantiated
  /// types) passes here first.
  func requireArrived(_ p: String, at span: Span) throws {
    if let path = Packages.known[p], let f = Packages.arrivals[path], !profile.has(f) {
      throw featureMissing(f, span)
    }
  }

  func packageMember(_ p: String, _ name: String, at span: Span) throws -> Packages.Member? {
    try requireArrived(p, at: span)
    if let library = Library.named(p, profile), library.members?.contains(name) ?? true,
      let scope = try libraryScope(p, at: span), let symbol = scope.symbols[name]
    {
      // types2's words for another package's unexported name, at the name (Go 1.19.8 and
      // 1.27.3; the profiles between take 1.27's).
      if name.first?.isUppercase != true, loadingLibrary?.package != p {
        let message = profile.version >= GoVersion(1, 20) ? "name \(name) not exported by package \(p)" : "\(name) not exported by package \(p)"
        throw fail(.typeError(message), at: Span(max(span.start, span.end - name.utf8.count), span.end))
      }
      switch symbol {
      case .type(let t): return .type(t)
      case .function(let f): return .libraryFunction(UncheckedFunction(function: f))
      case .variable(let v): return .libraryVariable(UncheckedVariable(variable: v))
      case .genericFunction(let g): return .libraryGenericFunction(UncheckedGeneric(generic: g))
      case .genericType(let g): return .libraryGenericType(UncheckedGeneric(generic: g))
      case .constant(let c, let t, let untyped):
        if let untyped { return .untypedConstant(c, untyped) }
        return .constant(c, t)
      default: break
      }
    }
    // runtime.GOOS and GOARCH are constants of the build (runtime/extern.go): the simulated
    // machine's operating system, and amd64, whose sizes gcsh lays values out with.
    if p == "runtime", name == "GOOS" || name == "GOARCH" {
      return .untypedConstant(.string(name == "GOOS" ? goos : "amd64"), .string)
    }
    // gcsh's natives that a library's source calls (os.write) are that library's alone: to
    // a program, an unexported name of a package is one Go's package does not export.
    if name.first?.isUppercase != true, loadingLibrary?.package != p { return nil }
    return Packages.member(p, name, profile)
  }

  /// A type of another package than the code being checked: its unexported fields and methods
  /// are out of reach (`bytes.Buffer`'s, `list.Element`'s `next`).
  func isForeign(_ t: GoType) -> Bool {
    guard let name = t.name, let dot = name.firstIndex(of: ".") else { return false }
    return loadingLibrary.map { name[..<dot] != $0.package } ?? true
  }

  /// Why a selector names nothing: types2's words, which from Go 1.20 tell an unexported
  /// method of another package's type (`l.lazyInit` of a *list.List) from a missing one.
  func missingMember(_ t: GoType, _ name: String) -> String {
    let base = t.pointee ?? t
    if profile.version >= GoVersion(1, 20), isForeign(base), name.first?.isUppercase != true, declaredMethod(base, name) != nil {
      return "cannot refer to unexported method \(name)"
    }
    return "type \(t) has no field or method \(name)"
  }

  /// The qualifier of the names the code being checked declares: `sort.` in a library.
  var qualifier: String { loadingLibrary.map { $0.package + "." } ?? "" }

  /// A named type's name as its own package's code declares it (`IntSlice` for sort.IntSlice
  /// while sort is checked).
  func localName(_ t: GoType) -> String? {
    guard let name = t.name else { return nil }
    let q = qualifier
    return !q.isEmpty && name.hasPrefix(q) ? String(name.dropFirst(q.count)) : name
  }

  /// A method of one of the runtime's types that a library writes (Library.runtimeTypeMethods:
  /// `wg.Go(f)`), when the profile's Go has it.
  func libraryMethod(of t: GoType, _ name: String, at span: Span) throws -> Function? {
    let base = t.pointee ?? t
    guard let (fn, m) = Library.runtimeTypeMethods.first(where: { $0.value.type === base && $0.value.method == name }),
      profile.version >= m.since, let scope = try libraryScope(m.library, at: span), case .function(let f)? = scope.symbols[fn]
    else { return nil }
    return f
  }

  /// The library's scope, loaded by this run if no earlier one did.
  private func libraryScope(_ p: String, at span: Span) throws -> LexicalScope? {
    if let loading = loadingLibrary, loading.package == p { return top }
    if let scope = libraries[p] ?? runLibraries[p] { return scope }
    guard let library = Library.named(p, profile) else { return nil }
    return try load(library, at: span)
  }

  /// Checks a library's declarations as a package of their own: its types, then its functions'
  /// signatures, then their bodies, with the checker's state of the run set aside meanwhile.
  /// The functions are the run's from then on (named as Go names them, marked as the
  /// library's); the scope joins the session's when the run is accepted.
  private func load(_ library: Library, at span: Span) throws -> LexicalScope {
    var parser = Parser(library.source, declared: [])
    let stmts = parser.parseProgram()
    let saved = (source, top, pendingTypes, definingTypes, definingOrder, iota, function, loops, rangeFuncs, loadingLibrary, errors, isGoPackage)
    let scope = LexicalScope(parent: universe, function: nil)
    source = library.source
    top = scope
    (pendingTypes, definingTypes, definingOrder, iota, loops, rangeFuncs, errors) = ([:], [], [], nil, [], [], [])
    function = script
    loadingLibrary = library
    isGoPackage = true
    let first = functions.count
    let decls = flattenTopLevel(stmts)
    collectTypes(decls)
    bindAliases(decls)
    defineTypes(decls)
    collectFunctions(decls)
    for f in functions[first...] where f.library == nil {
      // (A library this one loaded — bufio's io — has its own functions marked already.)
      f.library = library
      // A method of one of the runtime's types: called as one, named as Go names it.
      if let name = f.decl?.name, let m = Library.runtimeTypeMethods[name] {
        f.receiver = (m.type, true)
        f.name = methodName(m.type, true, m.method)
      }
    }
    // Its package initializer, as Go's compiler makes one: its package-level variables
    // (globals of the run, named in its scope only), then its init functions. It runs before
    // the program's code (libraryInitialization), and is the library's own code: -m says
    // nothing of it.
    let initializer = Function(name: "\(library.package).init", decl: nil, isScript: false)
    initializer.isPackageInitializer = true
    initializer.library = library
    initializer.checked = true
    function = initializer
    var initialization: [TypedStmt] = []
    for s in decls {
      switch s.kind {
      case .funcDecl, .typeDecl, .typeAlias, .imports, .package: continue
      default: break
      }
      do {
        if let t = try statement(s, scope, topLevel: true) { initialization.append(t) }
      } catch {
        poisonDeclarations(of: s, in: scope)
      }
    }
    function = script
    for f in functions[first...] where !f.checked { checkBody(f) }
    for f in functions[first...] where f.decl?.name == "init" && f.receiver == nil {
      let at = f.decl?.span ?? Span(0, 0)
      initialization.append(TypedStmt(.expression(TypedExpr(.call(f, []), noValueType, at)), at))
    }
    initializer.body = initialization
    functions.append(initializer)
    everyFunction.append(initializer)
    let problems = parser.errors + errors
    (source, top, pendingTypes, definingTypes, definingOrder, iota, function, loops, rangeFuncs, loadingLibrary, errors, isGoPackage) = saved
    // Called where the program starts, at the use that loaded the library.
    libraryInitialization.append(TypedStmt(.expression(TypedExpr(.call(initializer, []), noValueType, span)), span))
    // The sources are gcsh's own and checked by its tests in every profile: a failure here is
    // gcsh's fault, reported where the program uses the package.
    if let problem = problems.first {
      let (line, column) = library.source.location(of: problem.span.start)
      throw fail(
        .internalFault("gcsh's \(library.path) library does not check in \(profile.name): \(line):\(column): \(problem.kind.message)"),
        at: span)
    }
    runLibraries[library.package] = scope
    return scope
  }
}
