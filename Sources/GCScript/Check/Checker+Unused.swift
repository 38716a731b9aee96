// Unused variables and imports in a Go file: the compiler's "implementation restriction" (the
// spec: a compiler may make it illegal to declare a variable inside a function body if it is
// never used), as types2 enforces it (stmt.go usage, resolver.go unusedImports).
//
// A local variable is used when it is read anywhere: as an operand, by `x op= y` or `x++`,
// through `x.f = v`, `x[i] = v` or `&x`, or from a function literal. Assigning it with `=` as
// the whole left side is not a use. A type switch's `v :=` is one variable per clause: it is
// used if any clause uses it. Parameters, results and package-level variables need no use.
// An import is used when the file names its package — also inside a generic function or a
// generic type's method, whose body types2 checks once against its constraints. gcsh checks a
// generic body per instantiation (Checker+Generics.swift), so a body no call instantiates is
// never checked; its uses of packages are found from its tokens instead (`fmt` followed by
// `.`), which counts a package name a local of the same name shadows as a use: at worst an
// unused import goes unreported, never a used one reported.
//
// Scripts (.gcs, the REPL) declare freely: only a Go file (a `package` clause) is held to these
// rules. They are types2's soft errors, reported after the others; gcsh reports them only when
// there are no others, since a statement that failed to check may not have marked what it uses.

import GoHeap

extension Checker {
  /// The errors for the run's unused local variables and imports (Go 1.20+'s types2 words, or
  /// Go 1.19's: `x declared but not used`, `imported and not used: "os"`).
  func reportUnused(_ decls: [Stmt]) {
    let types2 = profile.version >= GoVersion(1, 20)
    for v in declaredLocals where !v.used && v.function?.library == nil {
      fail(.typeError(types2 ? "declared and not used: \(v.name)" : "\(v.name) declared but not used"), at: v.span)
    }
    for b in typeSwitchBindings where !b.clauses.contains(where: \.used) {
      fail(.typeError(types2 ? "\(b.name) declared and not used" : "\(b.name) declared but not used"), at: b.at)
    }
    markPackagesNamedInGenericBodies(decls)
    for s in decls {
      guard case .imports(let specs) = s.kind else { continue }
      for spec in specs where spec.name != "_" && spec.name != "." {
        guard case .package? = top.symbols[spec.localName], !top.usedPackages.contains(spec.localName) else { continue }
        let elem = String(spec.path.split(separator: "/").last ?? "")
        let renamed = spec.name.map { $0 != elem } ?? false
        // types2 points at the import's name when it has one, else at its path.
        let at = spec.name.flatMap { identifier($0, endingBefore: spec.span.start) } ?? spec.span
        let message: String
        if types2 {
          message = renamed ? "\"\(spec.path)\" imported as \(spec.localName) and not used" : "\"\(spec.path)\" imported and not used"
        } else {
          message = renamed ? "imported and not used: \"\(spec.path)\" as \(spec.localName)" : "imported and not used: \"\(spec.path)\""
        }
        fail(.typeError(message), at: at)
      }
    }
  }

  /// Marks as used each imported package a generic function's or generic method's text names
  /// as `pkg.`: the bodies an instantiation has not checked.
  func markPackagesNamedInGenericBodies(_ decls: [Stmt]) {
    let spans: [Span] = decls.compactMap { s in
      guard case .funcDecl(let d) = s.kind, !d.typeParams.isEmpty || d.receiver.map({ genericReceiver($0) != nil }) == true
      else { return nil }
      return d.span
    }
    guard !spans.isEmpty else { return }
    let tokens = Self.tokens(of: source)
    for span in spans {
      for id in Self.identifiers(in: span, of: tokens) where id.qualifies && !id.selected {
        if case .package? = top.symbols[id.name] { top.usedPackages.insert(id.name) }
      }
    }
  }

  /// A type switch's `v :=`, declared once per clause (`clauseVariables`): one variable for
  /// the rule, which types2 reports at the name unless a clause uses it (stmt.go
  /// typeSwitchStmt).
  func declareTypeSwitchBinding(_ name: String, _ clauseVariables: [Variable], before guardStart: Int) {
    let ids = Set(clauseVariables.map(ObjectIdentifier.init))
    declaredLocals.removeAll { ids.contains(ObjectIdentifier($0)) }
    guard isGoPackage, loadingLibrary == nil,
      let at = identifier(name, endingBefore: guardStart, after: ":=")
    else { return }
    typeSwitchBindings.append((name, clauseVariables, at))
  }

  /// Where `name` is written just before `offset` (past blanks, and past `after` if given): the
  /// name of an import spec before its path, or a type switch's binding before `:= x.(type)`.
  func identifier(_ name: String, endingBefore offset: Int, after token: String? = nil) -> Span? {
    let bytes = source.bytes
    var end = min(offset, bytes.count)
    func skipBlanks() { while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 } }
    skipBlanks()
    if let token {
      let t = Array(token.utf8)
      guard end >= t.count, Array(bytes[(end - t.count)..<end]) == t else { return nil }
      end -= t.count
      skipBlanks()
    }
    let n = Array(name.utf8)
    guard end >= n.count, Array(bytes[(end - n.count)..<end]) == n else { return nil }
    return Span(end - n.count, end)
  }
}
