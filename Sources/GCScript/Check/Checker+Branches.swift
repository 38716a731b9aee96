// Labels and branch statements: where break, continue, fallthrough and goto may go, and which
// labels are defined, used and unique — a port of the Go compiler's syntax/branches.go
// (checkBranches). go build runs it on every function body as it parses it (noder.go parses
// with syntax.CheckBranches, and irgen.go configures types2 with IgnoreBranchErrors), so these
// mistakes get the parser's messages, not types2's: "label L defined and not used", "break
// label not defined: L", "invalid continue label L", "cannot fallthrough final case in switch".
//
// gcsh runs it on each function body and on a run's top-level code before their statements are
// checked, and remembers the branch statements it reported: the statement checker
// (Checker+Statements.swift) leaves those out without a second message and resolves every other
// break and continue to its loop or switch. gcsh does not run `goto`: a goto that Go accepts is
// reported there as not supported; one Go rejects gets Go's message here.

extension Checker {
  /// checkBranches over one body (a function's, or a run's top-level statements).
  func checkBranches(_ body: [Stmt], start: Int) {
    var walk = BranchWalk(checker: self)
    let forward = walk.blockBranches(parent: nil, BranchTargets(), lstmt: nil, start: start, body)
    // Forward gotos left over found no label: it was never defined, or it is inside a block
    // the goto is not in.
    for fwd in forward {
      guard case .gotoStmt(let name) = fwd.kind else { continue }
      if let l = walk.labels[name] {
        l.used = true  // avoid a "defined and not used" error as well
        walk.report(fwd, "goto \(name) jumps into block starting at \(position(l.parent.start))", at: labelSpan(fwd, name))
      } else {
        walk.report(fwd, "label \(name) not defined", at: labelSpan(fwd, name))
      }
    }
    // spec: "It is illegal to define a label that is never used."
    for l in walk.labels.values.sorted(by: { $0.stmt.span.start < $1.stmt.span.start }) where !l.used {
      fail(.typeError("label \(l.name) defined and not used"), at: Span(l.stmt.span.start, l.stmt.span.start + l.name.utf8.count))
    }
  }

  /// `file:line:col` of an offset, as Go's messages name another position.
  func position(_ offset: Int) -> String {
    let (line, column) = source.location(of: offset)
    return "\(source.name):\(line):\(column)"
  }

  /// Where the label of `break L`, `continue L` or `goto L` is (Go reports at the label).
  func labelSpan(_ s: Stmt, _ label: String) -> Span {
    Span(max(s.span.start, s.span.end - label.utf8.count), s.span.end)
  }

  /// Where the `{` of a block that follows `offset` is (the parser keeps no span for the body
  /// of an if or a for; Go names a block by its `{`).
  func openBrace(after offset: Int) -> Int {
    let bytes = source.bytes
    var i = max(0, offset)
    while i < bytes.count, bytes[i] != UInt8(ascii: "{") { i += 1 }
    return min(i, bytes.count)
  }
}

/// A label declaration (branches.go label).
private final class BranchLabel {
  /// The block containing the declaration.
  let parent: BranchBlock
  /// The labeled statement.
  let stmt: Stmt
  let name: String
  var used = false

  init(parent: BranchBlock, stmt: Stmt, name: String) {
    self.parent = parent
    self.stmt = stmt
    self.name = name
  }
}

/// A block (branches.go block).
private final class BranchBlock {
  let parent: BranchBlock?
  let start: Int
  /// The labeled statement this block belongs to, if any.
  let lstmt: Stmt?

  init(parent: BranchBlock?, start: Int, lstmt: Stmt?) {
    self.parent = parent
    self.start = start
    self.lstmt = lstmt
  }
}

/// The statements within which break and continue are valid (branches.go targets).
private struct BranchTargets {
  /// A for, range, switch or select statement.
  var breaks: Stmt? = nil
  /// A for or range statement.
  var continues: Stmt? = nil
  /// The clause of the immediately enclosing switch, or -1.
  var caseIndex = -1
}

private struct BranchWalk {
  unowned let checker: Checker
  /// Every label declared in the body so far (branches.go labelScope).
  var labels: [String: BranchLabel] = [:]

  init(checker: Checker) {
    self.checker = checker
  }

  func report(_ s: Stmt, _ message: String, at span: Span) {
    checker.badBranches.insert(ObjectIdentifier(s))
    checker.fail(.typeError(message), at: span)
  }

  /// Declares the label of s in block b; a second declaration is an error and the first is kept.
  mutating func declare(_ b: BranchBlock, _ s: Stmt, _ name: String) -> BranchLabel {
    if let alt = labels[name] {
      checker.fail(.typeError("label \(name) already defined at \(checker.position(alt.stmt.span.start))"),
        at: Span(s.span.start, s.span.start + name.utf8.count))
      return alt
    }
    let l = BranchLabel(parent: b, stmt: s, name: name)
    labels[name] = l
    return l
  }

  /// The labeled statement `name` declared in block b or a block enclosing it, or nil.
  func gotoTarget(_ b: BranchBlock, _ name: String) -> Stmt? {
    guard let l = labels[name] else { return nil }
    l.used = true  // even if it is not a valid target
    var block: BranchBlock? = b
    while let cur = block {
      if l.parent === cur { return l.stmt }
      block = cur.parent
    }
    return nil
  }

  /// The innermost enclosing statement labeled `name`: nil when the label is not defined,
  /// `.invalid` when it is but labels no enclosing statement.
  enum Enclosing { case target(Stmt), invalid, undefined }

  func enclosingTarget(_ b: BranchBlock, _ name: String) -> Enclosing {
    guard let l = labels[name] else { return .undefined }
    l.used = true  // even if it is not a valid target (test/fixedbugs/bug136.go)
    var block: BranchBlock? = b
    while let cur = block {
      if let ls = cur.lstmt, ls === l.stmt { return .target(ls) }
      block = cur.parent
    }
    return .invalid
  }

  /// blockBranches: one block's statements; returns its unresolved (forward) gotos.
  mutating func blockBranches(
    parent: BranchBlock?, _ ctxt: BranchTargets, lstmt: Stmt?, start: Int, _ body: [Stmt]
  ) -> [Stmt] {
    let b = BranchBlock(parent: parent, start: start, lstmt: lstmt)
    var varPos: Int? = nil
    var varName = ""
    var fwdGotos: [Stmt] = []
    var badGotos: [Stmt] = []

    // Every forward goto so far jumps over this declaration, unless it leaves the block.
    func recordVarDecl(_ pos: Int, _ name: String) {
      varPos = pos
      varName = name
      badGotos = fwdGotos
    }
    func innerBlock(_ walk: inout BranchWalk, _ ctxt: BranchTargets, _ start: Int, _ body: [Stmt], _ lstmt: Stmt?) {
      // Unresolved forward gotos of the inner block become forward gotos of this one.
      fwdGotos += walk.blockBranches(parent: b, ctxt, lstmt: lstmt, start: start, body)
    }

    // A fallthrough counts as the last statement even with empty statements after it.
    var list = body
    while let last = list.last, case .empty = last.kind { list.removeLast() }
    for (index, original) in list.enumerated() {
      var lstmt: Stmt? = nil
      var stmt = original
      // A labeled statement declares its label, then is the statement it labels.
      while case .labeled(let name, let inner) = stmt.kind {
        if name != "_" {
          let l = declare(b, stmt, name)
          // Resolve the forward gotos to it.
          fwdGotos.removeAll { fwd in
            guard case .gotoStmt(name) = fwd.kind else { return false }
            l.used = true
            if let varPos, badGotos.contains(where: { $0 === fwd }) {
              report(fwd, "goto \(name) jumps over declaration of \(varName) at \(checker.position(varPos))",
                at: checker.labelSpan(fwd, name))
            }
            return true
          }
          lstmt = stmt
        }
        stmt = inner
      }
      switch stmt.kind {
      case .varDecl(let names, _, _):
        if let first = names.first { recordVarDecl(first.1.start, first.0) }
      case .declGroup(let specs):
        for spec in specs {
          if case .varDecl(let names, _, _) = spec.kind, let first = names.first {
            recordVarDecl(first.1.start, first.0)
            break  // the first var spec will do
          }
        }
      case .assign(let lhs, ":=", _):
        // Go's position of an assignment is its operator.
        if let last = lhs.last {
          recordVarDecl(checker.operatorSpan(":=", after: last.span).start,
            checker.text(Span(lhs[0].span.start, last.span.end)))
        }
      case .breakStmt:
        if ctxt.breaks == nil { report(stmt, "break is not in a loop, switch, or select", at: stmt.span) }
      case .continueStmt:
        if ctxt.continues == nil { report(stmt, "continue is not in a loop", at: stmt.span) }
      case .fallthroughStmt:
        var message: String? = "fallthrough statement out of place"
        if let t = ctxt.breaks, case .switchStmt(_, let tag, _, let clauses) = t.kind {
          if case .typeAssert(_, nil)? = tag?.kind {
            message = "cannot fallthrough in type switch"
          } else if ctxt.caseIndex < 0 || index + 1 < list.count {
            // nested in a block, or not the last statement: out of place
          } else if ctxt.caseIndex + 1 == clauses.count {
            message = "cannot fallthrough final case in switch"
          } else {
            message = nil  // fallthrough ok
          }
        }
        if let message { report(stmt, message, at: stmt.span) }
      case .labeledBranch(let keyword, let name):
        // spec: a labeled break names an enclosing for, switch or select; a labeled continue an
        // enclosing for.
        switch enclosingTarget(b, name) {
        case .target(let t):
          // The statement the label is on (Go's LabeledStmt.Stmt).
          var target = t
          if case .labeled(_, let inner) = t.kind { target = inner }
          let valid: Bool
          switch target.kind {
          case .forStmt, .rangeStmt: valid = true
          case .switchStmt, .selectStmt: valid = keyword == "break"
          default: valid = false
          }
          if !valid { report(stmt, "invalid \(keyword) label \(name)", at: checker.labelSpan(stmt, name)) }
        case .invalid:
          report(stmt, "invalid \(keyword) label \(name)", at: checker.labelSpan(stmt, name))
        case .undefined:
          report(stmt, "\(keyword) label not defined: \(name)", at: checker.labelSpan(stmt, name))
        }
      case .gotoStmt(let name):
        // A label may be declared later: a forward goto.
        if gotoTarget(b, name) == nil { fwdGotos.append(stmt) }
      case .block(let stmts):
        innerBlock(&self, BranchTargets(breaks: ctxt.breaks, continues: ctxt.continues), stmt.span.start, stmts, lstmt)
      case .ifStmt(_, let cond, let then, let els):
        let inner = BranchTargets(breaks: ctxt.breaks, continues: ctxt.continues)
        innerBlock(&self, inner, checker.openBrace(after: cond.span.end), then, lstmt)
        if let els { innerBlock(&self, inner, els.span.start, [els], lstmt) }
      case .forStmt(let i, let c, let p, let body):
        let header = [p?.span.end, c?.span.end, i?.span.end].compactMap { $0 }.first ?? stmt.span.start
        innerBlock(&self, BranchTargets(breaks: stmt, continues: stmt), checker.openBrace(after: header), body, lstmt)
      case .rangeStmt(_, _, _, let over, let body):
        innerBlock(&self, BranchTargets(breaks: stmt, continues: stmt), checker.openBrace(after: over.span.end), body, lstmt)
      case .switchStmt(_, _, _, let clauses):
        var inner = BranchTargets(breaks: stmt, continues: ctxt.continues)
        for (k, cc) in clauses.enumerated() {
          inner.caseIndex = k
          innerBlock(&self, inner, cc.span.start, cc.body, lstmt)
        }
      case .selectStmt(let clauses):
        let inner = BranchTargets(breaks: stmt, continues: ctxt.continues)
        for cc in clauses { innerBlock(&self, inner, cc.span.start, cc.body, lstmt) }
      default: break
      }
    }
    return fwdGotos
  }
}
