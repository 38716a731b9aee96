// runtime/metrics (Go 1.16+): its types as the package declares them, and the methods of
// metrics.Value.
//
//   type Sample struct { Name string; Value Value }                          // sample.go
//   type Value struct { kind ValueKind; scalar uint64; pointer unsafe.Pointer } // value.go
//   type Float64Histogram struct { Counts []uint64; Buckets []float64 }       // histogram.go
//   type Description struct { Name, Description string; Kind ValueKind; Cumulative bool }
//   type ValueKind int; const KindBad ValueKind = iota; KindUint64; KindFloat64; KindFloat64Histogram
//
// Value's pointer is the *Float64Histogram the runtime made for the sample (it is scanned as a
// pointer, as unsafe.Pointer is). Read, All and Value's methods run in Run/VM+Metrics.swift.

import GoHeap

enum MetricsTypes {
  static let valueKind: GoType = {
    let t = GoType.named("metrics.ValueKind")
    t.define(.int(bits: 64, signed: true))
    return t
  }()
  static let float64Histogram = GoType.structure(
    [("Counts", .slice(of: .uint64)), ("Buckets", .slice(of: .float64))], name: "metrics.Float64Histogram")
  static let value = GoType.structure(
    [("kind", valueKind), ("scalar", .uint64), ("pointer", .pointer(to: float64Histogram))], name: "metrics.Value")
  static let sample = GoType.structure([("Name", .string), ("Value", value)], name: "metrics.Sample")
  static let description = GoType.structure(
    [("Name", .string), ("Description", .string), ("Kind", valueKind), ("Cumulative", .bool)],
    name: "metrics.Description")

  /// The package's members (nil: not a member; the package is Go 1.16+).
  static func member(_ name: String, _ profile: RuntimeProfile) -> Packages.Member? {
    guard profile.has(.metrics) else { return nil }
    switch name {
    case "Read": return .function(.metricsRead)
    case "All": return .function(.metricsAll)
    case "Sample": return .type(sample)
    case "Value": return .type(value)
    case "Float64Histogram": return .type(float64Histogram)
    case "Description": return .type(description)
    case "ValueKind": return .type(valueKind)
    case "KindBad": return .constant(.int(0), valueKind)
    case "KindUint64": return .constant(.int(1), valueKind)
    case "KindFloat64": return .constant(.int(2), valueKind)
    case "KindFloat64Histogram": return .constant(.int(3), valueKind)
    default: return nil
    }
  }
}

extension Checker {
  /// `v.Kind()`, `v.Uint64()`, `v.Float64()`, `v.Float64Histogram()` of a metrics.Value (or a
  /// pointer to one); nil when x is not one.
  func metricsMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    guard x.untyped == nil, x.type === MetricsTypes.value || x.type.pointee === MetricsTypes.value else { return nil }
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    let b: Builtin
    let result: GoType
    switch name {
    case "Kind": (b, result) = (.metricsValueKind, MetricsTypes.valueKind)
    case "Uint64": (b, result) = (.metricsValueUint64, .uint64)
    case "Float64": (b, result) = (.metricsValueFloat64, .float64)
    case "Float64Histogram": (b, result) = (.metricsValueFloat64Histogram, .pointer(to: MetricsTypes.float64Histogram))
    default:
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    try arity(b.rawValue, args, want: [], scope, span)
    // A value receiver: a pointer is dereferenced (Go's implicit *p).
    let receiver = x.type === MetricsTypes.value ? x.expr : TypedExpr(.deref(x.expr), MetricsTypes.value, x.expr.span)
    var op = value(TypedExpr(.builtin(b, [receiver], spread: false), result, span))
    op.isCallResult = true
    return op
  }
}
