// Checking switch statements and branches: types2's stmt.go (switchStmt, caseValues,
// multipleSwitchDefaults) in go build's words, Go's frontend folding of a constant switch, and
// break/continue/fallthrough resolved to their targets. Where a branch may go and which labels
// are valid was decided by the branch check (Checker+Branches.swift).

import GoHeap

extension Checker {
  /// `break`, `continue`, `break L`, `continue L`, `fallthrough`: resolved to the enclosing loop
  /// or switch. A branch the branch check reported is left out without another message.
  func branch(_ s: Stmt) throws -> TypedStmt {
    if badBranches.contains(ObjectIdentifier(s)) { throw CheckFailure() }
    let span = s.span
    switch s.kind {
    case .breakStmt:
      // The innermost loop or switch.
      if let target = loops.last { return try branch(to: target, continues: false, span) }
    case .continueStmt:
      // The innermost loop: a switch passes `continue` by.
      if let target = loops.last(where: { !$0.isSwitch }) { return try branch(to: target, continues: true, span) }
    case .labeledBranch(let keyword, let label):
      if let target = loops.last(where: { $0.label == label }), keyword == "break" || !target.isSwitch {
        return try branch(to: target, continues: keyword == "continue", span)
      }
    case .fallthroughStmt:
      // The branch check allowed it: it ends a clause that has a next one (lowering jumps there).
      return TypedStmt(.fallthroughStmt, span)
    default: break
    }
    // The branch check and the targets disagree: a gcsh bug, reported rather than run.
    throw fail(.typeError("\(syntaxText(span)) has no target (please report this gcsh bug)"), at: span)
  }

  /// `switch [init;] [tag] { case a, b: ... default: ... }` (types2 stmt.go switchStmt): the
  /// init statement and the tag in the switch's own scope, every case value converted to the
  /// tag's type and comparable with it, no constant case twice, at most one default, and each
  /// clause a block of its own. Like types2 it goes on after an error, so that each mistake is
  /// reported; the statement is then left out.
  func switchStatement(
    _ initStmt: Stmt?, _ tag: Expr?, _ clauses: [CaseClause], _ scope: LexicalScope, _ span: Span, label: String?
  ) throws -> TypedStmt {
    let inner = LexicalScope(parent: scope, function: function)
    let errorsBefore = errors.count
    var typedInit: TypedStmt? = nil
    if let initStmt {
      do {
        typedInit = try statement(initStmt, inner, topLevel: false)
      } catch {
        poisonDeclarations(of: initStmt, in: inner)
      }
    }
    // The tag, checked "by assignment to an invisible temporary (as a compiler would)": an
    // untyped constant takes its default type, untyped nil has none. A missing tag is the
    // constant `true`.
    var typedTag: TypedExpr? = nil
    var tagValid = true
    if let tag {
      do {
        let op = try expression(tag, inner)
        let t = try defaultTyped(op, "switch expression")
        if !t.type.isComparable && !t.type.isNilable {
          throw fail(.typeError("cannot switch on \(operandText(op)) (\(t.type) is not comparable)"), at: tag.span)
        }
        typedTag = t
      } catch {
        tagValid = false
      }
    }
    let tagType = typedTag?.type ?? .bool
    let tagText = tag.map { text($0.span) } ?? "true"

    multipleSwitchDefaults(clauses)

    let target = LoopTarget(isSwitch: true, label: label)
    var seen: [(value: Constant, type: GoType, at: Int)] = []
    var typedClauses: [SwitchClause] = []
    for c in clauses {
      var values: [TypedExpr] = []
      for e in c.values {
        guard let v = try? caseValue(e, inner, tagValid ? tagType : nil, tagText, &seen) else { continue }
        values.append(v)
      }
      loops.append(target)
      let body = block(c.body, LexicalScope(parent: inner, function: function))
      loops.removeLast()
      typedClauses.append(SwitchClause(values: values, isDefault: c.isDefault, body: body, span: c.span))
    }
    if errors.count > errorsBefore { throw CheckFailure() }
    let sw = ExpressionSwitch(target: target, initStmt: typedInit, tag: typedTag, clauses: typedClauses)
    fold(sw)
    return TypedStmt(.switchStmt(sw), span)
  }

  /// types2's multipleSwitchDefaults: a second default clause is an error at it.
  func multipleSwitchDefaults(_ clauses: [CaseClause]) {
    var firstDefault: CaseClause? = nil
    for c in clauses where c.isDefault {
      if let first = firstDefault {
        fail(.typeError("multiple defaults (first at \(position(first.span.start)))"), at: c.span)
      } else {
        firstDefault = c
      }
    }
  }

  /// One case value (types2 caseValues): converted to the tag's type, comparable with the tag
  /// (errors at the case value, "invalid case v in switch on x"), and not a constant already
  /// seen with the same type. `tagType` is nil when the tag was invalid: the value is checked
  /// alone.
  private func caseValue(
    _ e: Expr, _ scope: LexicalScope, _ tagType: GoType?, _ tagText: String,
    _ seen: inout [(value: Constant, type: GoType, at: Int)]
  ) throws -> TypedExpr {
    let op = try expression(e, scope)
    guard let tagType else { throw CheckFailure() }
    let v = try convertUntyped(op, to: tagType)
    // comparison(v, tag, switchCase: true): assignable one way or the other, and == defined.
    guard v.type.assignable(to: tagType) || tagType.assignable(to: v.type) else {
      throw fail(.typeError("invalid case \(op.goText) in switch on \(tagText) (mismatched types \(v.type) and \(tagType))"), at: e.span)
    }
    let isNil = op.untyped == .nilValue
    if !isNil && !tagType.isComparable && !v.type.isComparable {
      // Only a slice tag gets here (a tag must be comparable or have nil).
      throw fail(.typeError("invalid case \(op.goText) in switch on \(tagText) (slice can only be compared to nil)"), at: e.span)
    }
    // Duplicate constants: numbers and strings of identical types (goVal ignores bools).
    if let c = v.constant {
      if case .bool = c { return v }
      if let prev = seen.first(where: { $0.value == c && $0.type.identical(v.type) }) {
        let shown = Operand(expr: v, untyped: nil, addressable: false, text: op.text)
        throw fail(.typeError("duplicate case \(operandText(shown)) in expression switch\n\t\(position(prev.at)): previous case"), at: e.span)
      }
      seen.append((c, v.type, e.span.start))
    }
    return v
  }

  /// types2's convertUntyped for a case value: an untyped value takes the tag's type, or the
  /// error says why it cannot ("cannot convert", "truncated to", "overflows").
  private func convertUntyped(_ op: Operand, to t: GoType) throws -> TypedExpr {
    guard let u = op.untyped else { return op.expr }
    let span = op.expr.span
    switch u {
    case .nilValue:
      guard t.isNilable else { throw fail(.typeError("cannot convert nil to type \(t)"), at: span) }
      return TypedExpr(.nilValue, t, span)
    case .bool where op.constant == nil:
      guard t.isBool else { throw fail(.typeError("cannot convert \(op.goText) (untyped bool value) to type \(t)"), at: span) }
      op.expr.type = t
      return op.expr
    default:
      guard let c = op.constant else { return op.expr }
      guard u.canBecome(t) else { throw fail(.typeError("cannot convert \(operandText(op)) to type \(t)"), at: span) }
      if t.isInteger {
        guard let n = c.exactInteger else { throw fail(.typeError("\(operandText(op)) truncated to \(t)"), at: span) }
        guard ConstantMath.representable(n, in: t) else { throw fail(.typeError("\(operandText(op)) overflows \(t)"), at: span) }
      }
      if t.isFloat, t.size == 4, let d = c.asDouble, d.isFinite, !Float(d).isFinite {
        throw fail(.typeError("\(operandText(op)) overflows \(t)"), at: span)
      }
      return TypedExpr(.constant(try represent(c, u, op, as: t, "switch case")), t, span)
    }
  }

  /// An operand as types2 prints it (operand.go operandString): the expression, then its mode,
  /// value (when it is not the expression's text) and type — `1.0 (constant 1 of type float64)`,
  /// `s (variable of struct type S)`. A declared type is described by its structure when that
  /// is composite; gcsh does not keep which predeclared type a declared one was made from.
  func operandText(_ op: Operand) -> String {
    if op.untyped == .nilValue { return "nil" }
    if op.untyped != nil { return "\(op.goText) (\(describe(op)))" }
    let t = op.type
    // (A predeclared type is never composite.)
    let desc = t.name == nil ? "" : compositeKind(t).map { $0 + " " } ?? ""
    if let c = op.constant {
      let value = c.goText == op.text ? "" : " \(c.goText)"
      return "\(op.goText) (constant\(value) of \(desc)type \(t))"
    }
    let mode = op.isVariable || op.addressable ? "variable" : "value"
    return "\(op.goText) (\(mode) of \(desc)type \(t))"
  }

  /// Go's frontend folding of a switch on a constant (noder writer.go switchStmt in Go 1.27.3;
  /// deadcode.go in Go 1.19.8, the same decision): when every case up to the one equal to the
  /// tag is a constant, only the clause that always runs is kept — that case's, else the
  /// default clause — or none; not when that clause ends in fallthrough.
  func fold(_ sw: ExpressionSwitch) {
    let tagValue: Constant
    if let tag = sw.tag {
      guard let c = tag.constant else { return }
      tagValue = c
    } else {
      tagValue = .bool(true)
    }
    var target: Int? = nil
    var matched: TypedExpr? = nil
    search: for (k, c) in sw.clauses.enumerated() {
      if c.isDefault { target = k }
      for v in c.values {
        guard let value = v.constant else { return }  // a case that is not constant: give up
        if value == tagValue {
          target = k
          matched = v
          break search
        }
      }
    }
    guard let k = target else {
      sw.clauses = []
      sw.folded = FoldedSwitch(matched: nil)
      return
    }
    if sw.clauses[k].fallsThrough { return }
    // Go 1.27 keeps it as the only, default, clause.
    let kept = sw.clauses[k]
    sw.clauses = [SwitchClause(values: [], isDefault: true, body: kept.body, span: kept.span)]
    sw.folded = FoldedSwitch(matched: matched)
  }
}

extension UntypedKind {
  /// Whether an untyped constant of this kind can take type `t` at all (whether its value fits
  /// is the caller's question): a number any numeric type, a string a string type, a bool a
  /// bool type.
  func canBecome(_ t: GoType) -> Bool {
    switch self {
    case .int, .rune, .float: return t.isNumeric
    case .string: return t.isString
    case .bool: return t.isBool
    case .nilValue: return false
    }
  }
}
