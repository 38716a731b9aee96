// `expect`: a check over the runtime's numbers, for exercises (`expect RSS < 20MiB`,
// `expect NumGC == 2`, `expect HeapReleased >= 380MiB`, `expect Time >= 5m`).
//
// One side of the comparison names a quantity — a MemStats field, `RSS`, or `Time` (the virtual
// clock) — and the other is an expression, usually a size or duration literal. A failed
// expectation is reported with its location and both values; the script goes on and gcsh exits
// with status 1 at the end.

import GoHeap

extension Interpreter {
  /// The quantities `expect` can name.
  static let expectQuantities: Set<String> = [
    "Alloc", "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle",
    "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "GCSys", "OtherSys",
    "NextGC", "LastGC", "PauseTotalNs", "NumGC", "NumForcedGC", "RSS", "Footprint", "Time",
  ]

  static let byteQuantities: Set<String> = [
    "Alloc", "TotalAlloc", "Sys", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse", "HeapReleased",
    "StackInuse", "StackSys", "GCSys", "OtherSys", "NextGC", "RSS", "Footprint",
  ]

  func compileExpect(_ e: Expr, _ scope: Scope, _ span: Span) throws -> Exec {
    guard case .binary(let op, let l, let r) = e.kind, ["==", "!=", "<", "<=", ">", ">="].contains(op) else {
      throw ScriptError(.typeMismatch("expect needs a comparison such as `expect RSS < 20MiB`"), at: e.span)
    }
    func quantity(_ x: Expr) -> String? {
      if case .identifier(let n) = x.kind, Self.expectQuantities.contains(n), scope.lookup(n) == nil { return n }
      return nil
    }
    let (name, other, flipped): (String, Expr, Bool)
    if let q = quantity(l) {
      (name, other, flipped) = (q, r, false)
    } else if let q = quantity(r) {
      (name, other, flipped) = (q, l, true)
    } else {
      throw ScriptError(.typeMismatch("expect compares a runtime quantity (RSS, NumGC, HeapReleased, Time, ...) with a value"), at: e.span)
    }
    let rhs = try compileExpr(other, scope)
    guard rhs.type?.isNumeric == true else {
      throw ScriptError(.typeMismatch("cannot compare \(name) with \(describe(rhs))"), at: other.span)
    }
    let rhsEval = rhs.eval
    let check = describe(CExpr(type: nil, untyped: false, constant: nil, eval: { _ in .null }, span: e.span))
    let isBytes = Self.byteQuantities.contains(name)
    let isTime = name == "Time"
    let compare: (Int, Int) -> Bool
    switch flipped ? mirrored(op) : op {
    case "==": compare = { $0 == $1 }
    case "!=": compare = { $0 != $1 }
    case "<": compare = { $0 < $1 }
    case "<=": compare = { $0 <= $1 }
    case ">": compare = { $0 > $1 }
    default: compare = { $0 >= $1 }
    }
    return statement(span) { i in
      let m = i.heap.memStats()
      let actual = isTime ? m.timeNs : (m.value(named: name) ?? 0)
      let v = try rhsEval(i)
      let expected = Int(v.asInt)
      let passed = compare(actual, expected)
      let shown: String
      if isBytes {
        shown = formatBytes(actual)
      } else if isTime {
        shown = formatDuration(Int64(actual))
      } else {
        shown = "\(actual)"
      }
      if !passed { i.failedExpectations += 1 }
      i.host?.expectation(ExpectationResult(
        passed: passed, check: check, actual: "\(name) is \(shown)",
        error: ScriptError(.expectationFailed(check: check, actual: "\(name) is \(shown)"), at: span)
          .located(in: i.source)))
      return .normal
    }
  }

  private func mirrored(_ op: String) -> String {
    switch op {
    case "<": return ">"
    case "<=": return ">="
    case ">": return "<"
    case ">=": return "<="
    default: return op
    }
  }
}

/// Bytes as `381.9 MiB`.
func formatBytes(_ b: Int) -> String {
  let v = Double(b) / Double(1 << 20)
  let r = (v * 10).rounded() / 10
  return "\(Int(r)).\(Int(((r - Double(Int(r))) * 10).rounded()) % 10) MiB"
}
