// strings.Builder (strings/builder.go, the same in Go 1.27.3 and 1.19.8): a struct of `addr
// *Builder` (its own address, to catch copies) and `buf []byte`. Its methods have pointer
// receivers; `sb.WriteString(s)` on a variable takes its address, which does not escape
// (copyCheck hides it with abi.NoEscape). Each method is a package function of gcsh's whose
// first argument is the *Builder (Run/VM+StringsBuilder.swift); strings.Count rides along.

import GoHeap

/// `strings.Builder`: 32 bytes, addr then buf.
let stringsBuilderType = GoType.structure(
  [("addr", .pointer(to: .uint8)), ("buf", .slice(of: .uint8))], name: "strings.Builder")

extension Checker {
  /// The signature of a strings.Builder method (nil for a name it lacks).
  static func builderMethodSignature(_ name: String) -> GoType? {
    switch name {
    case "WriteString": .function(params: [.string], results: [.int, .error], variadic: false)
    case "WriteByte": .function(params: [.uint8], results: [.error], variadic: false)
    case "WriteRune": .function(params: [.int32], results: [.int, .error], variadic: false)
    case "Grow": .function(params: [.int], results: [], variadic: false)
    case "Len", "Cap": .function(params: [], results: [.int], variadic: false)
    case "String": .function(params: [], results: [.string], variadic: false)
    case "Reset": .function(params: [], results: [], variadic: false)
    default: nil
    }
  }

  /// `b.M(args)` of a strings.Builder or *strings.Builder `b` (nil when b is neither).
  func stringsBuilderCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let isPointer = x.type.pointee === stringsBuilderType && x.type.name == nil
    guard x.untyped == nil, x.type === stringsBuilderType || isPointer else { return nil }
    let b: Builtin
    var want: [String] = []
    switch name {
    case "WriteString": (b, want) = (.builderWriteString, ["string"])
    case "WriteByte": (b, want) = (.builderWriteByte, ["byte"])
    case "WriteRune": (b, want) = (.builderWriteRune, ["rune"])
    case "Grow": (b, want) = (.builderGrow, ["int"])
    case "Len": b = .builderLen
    case "Cap": b = .builderCap
    case "String": b = .builderString
    case "Reset": b = .builderReset
    case "Write":
      throw fail(.notSupported("strings.Builder.Write called directly (it is an io.Writer's: fmt.Fprint, io.WriteString)", plural: false), at: callee)
    default:
      let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    try arity("(*strings.Builder).\(name)", args, want: want, scope, span)
    var receiver = x.expr
    if !isPointer {
      let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
      receiver = try pointerReceiver(x, method: name, on: "strings.Builder", pointee: stringsBuilderType, at: at)
    }
    var typed = [receiver]
    let types: [String: GoType] = ["string": .string, "byte": .uint8, "rune": .int32, "int": .int]
    for (a, w) in zip(args, want) {
      typed.append(try assign(try expression(a, scope), to: types[w]!, "argument to \(b.rawValue)"))
    }
    let result: GoType
    switch b {
    case .builderWriteString, .builderWriteRune: result = tupleType([.int, .error])
    case .builderWriteByte: result = .error
    case .builderLen, .builderCap: result = .int
    case .builderString: result = .string
    default: result = noValueType
    }
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }
}
