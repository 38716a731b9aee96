// Scope: what names mean while compiling — variables (frame slots), constants, types, functions.

import GoHeap

/// What a name denotes.
enum Entry {
  /// A variable in a frame slot (the globals frame when `global`).
  case variable(slot: Int, global: Bool, type: GoType)
  /// A constant; `untyped` constants take the type their context needs. `exact` is an untyped
  /// integer constant's exact value (the Value holds its low 64 bits).
  case constant(Value, GoType, untyped: Bool, exact: Int128?)
  case type(GoType)
  case function(String)
}

/// A block of declarations. Function scopes own a frame; nested blocks allocate slots in it.
final class Scope {
  let parent: Scope?
  /// The enclosing function's compile context; nil at top level (globals).
  let function: FunctionContext?
  var names: [String: Entry] = [:]
  /// Slots declared directly in this block (cleared when the block ends).
  var declaredSlots: [Int] = []

  init(parent: Scope?, function: FunctionContext?) {
    self.parent = parent
    self.function = function
  }

  func lookup(_ name: String) -> Entry? {
    var s: Scope? = self
    while let sc = s {
      if let e = sc.names[name] { return e }
      s = sc.parent
    }
    return nil
  }
}

/// Per-function compile state.
final class FunctionContext {
  var slotCount = 0
  let result: GoType?
  init(result: GoType?) { self.result = result }
}

/// A declared function, compiled at its first call.
final class FunctionInfo {
  let decl: FuncDecl
  var compiled: CompiledFunction? = nil
  init(decl: FuncDecl) { self.decl = decl }
}

/// A compiled function.
final class CompiledFunction {
  let paramTypes: [GoType]
  let result: GoType?
  /// Slots a call's frame needs (parameters first, then locals).
  let frameSize: Int
  /// The statements, run in order until one returns.
  let body: Exec

  init(paramTypes: [GoType], result: GoType?, frameSize: Int, body: @escaping Exec) {
    self.paramTypes = paramTypes
    self.result = result
    self.frameSize = frameSize
    self.body = body
  }
}

/// `time.Duration`: a named int64 that prints as `1m30s`.
let durationType: GoType = {
  let t = GoType.named("time.Duration")
  t.define(.int(bits: 64, signed: true))
  return t
}()

/// Go's predeclared types.
let predeclaredTypes: [String: GoType] = [
  "bool": .bool, "int": .int, "int8": .int8, "int16": .int16, "int32": .int32, "int64": .int64,
  "uint": .uint, "uint8": .uint8, "uint16": .uint16, "uint32": .uint32, "uint64": .uint64,
  "uintptr": .uintptr, "float32": .float32, "float64": .float64, "string": .string,
  "byte": .uint8, "rune": .int32,
]
