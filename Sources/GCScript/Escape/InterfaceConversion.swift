// InterfaceConversion: how an operand of fmt becomes the `any` that fmt takes, and what that
// costs the heap — the compiler's walk/convert.go dataWord and dataWordFuncName, and the
// runtime's convT functions (runtime/iface.go). The cases are the same in Go 1.27.3 and Go
// 1.19.8 (their sources: $GOROOT/src/cmd/compile/internal/walk/convert.go and order.go,
// src/runtime/iface.go); the go1.0 profile follows Go 1.19 (Go 1.0's convT2E is not modelled).
//
// An interface value is two words: the type and a data word. A pointer-shaped value (a
// pointer, a map, a struct or array whose only component is one) is its own data word. Any
// other value is reached through a pointer, and the compiler avoids allocating for it when it
// can (dataWord's "try a bunch of cases"):
//
//   1. zero-sized: the address of runtime.zerobase;
//   2. a bool or a one-byte integer: the address of its entry in runtime.staticuint64s;
//   3. a constant or a composite literal of constants: order.go's addrTemp puts it in read-only
//      data (a zero struct or array literal: runtime.zeroVal), whose address is the word;
//   4. Go 1.25+: a local variable assigned once, from a constant (escape.go rewriteWithLiterals,
//      via the ReassignOracle), is replaced by that constant first, so case 3 applies;
//   5. a conversion that does not escape: a temporary in the frame. fmt's parameters leak, so
//      no operand of fmt is ever this case.
//
// Otherwise it calls the runtime, by size and shape (dataWordFuncName):
//
//   convT16 / convT32 / convT64   2, 4 or 8 bytes without pointers, aligned to their size
//                                 (int16, int32, float32, int, uint64, float64, ...): a value
//                                 below 256 points into staticuint64s; else mallocgc of 2, 4
//                                 or 8 noscan bytes — a tiny allocation
//   convTstring                   a string: "" is zeroVal; else a 16-byte object (scanned)
//   convTslice                    a slice: a nil one is zeroVal; else a 24-byte object
//   convT / convTnoptr            anything else: mallocgc of the type's size, always
//
// Measured: Tests/Recordings/runs/boxing (one fmt call per kind of operand, both versions).

import GoHeap

/// The run-time step that makes an operand's interface data word.
enum InterfaceConversion {
  /// No allocation: the value is the word, or the word points at zerobase, staticuint64s, or
  /// read-only data (cases 1-4 above).
  case noAllocation
  /// convT16, convT32 or convT64: staticuint64s for a value below 256, else a box of this many
  /// bytes.
  case smallInteger(bytes: Int)
  /// convTstring: zeroVal for "", else a box.
  case string
  /// convTslice: zeroVal for a nil slice, else a box.
  case slice
  /// convT or convTnoptr: always a box of the type's size.
  case always

  /// dataWord's decision for an operand of type `x.type` (escaping, as fmt's always do).
  /// `staticConstant`: Go 1.25+'s rewrite found the operand's static value to be a constant.
  static func of(_ x: TypedExpr, staticConstant: Bool) -> InterfaceConversion {
    let t = x.type
    if isDirectIface(t) || t.size == 0 { return .noAllocation }
    let sole = soleComponent(t)
    if sole.isBool || (t.size == 1 && sole.isInteger) { return .noAllocation }
    if staticConstant || isStaticCompositeLiteral(x) { return .noAllocation }
    // dataWordFuncName
    if t.size == 2 && t.align == 2 { return .smallInteger(bytes: 2) }
    if (t.size == 4 && t.align == 4 || t.size == 8 && t.align == 8) && !t.hasPointers {
      return .smallInteger(bytes: t.size)
    }
    if sole.isString { return .string }
    if sole.isSlice { return .slice }
    return .always
  }

  /// types.IsDirectIface: the value is one pointer (a pointer, a map; a struct with one field
  /// or an array of one element that is such).
  static func isDirectIface(_ t: GoType) -> Bool {
    switch t.kind {
    case .pointer, .map: return true
    case .array(let e, let n): return n == 1 && isDirectIface(e)
    case .structure(let fs): return fs.count == 1 && isDirectIface(fs[0].type)
    default: return false
    }
  }

  /// Type.SoleComponent: a struct of one field or an array of one element stands for it.
  static func soleComponent(_ t: GoType) -> GoType {
    switch t.kind {
    case .array(let e, 1): return soleComponent(e)
    case .structure(let fs) where fs.count == 1: return soleComponent(fs[0].type)
    default: return t
    }
  }

  /// complit.go isStaticCompositeLiteral: a constant, or a struct or array literal all of
  /// whose elements are (a slice literal never is).
  static func isStaticCompositeLiteral(_ x: TypedExpr) -> Bool {
    switch x.kind {
    case .constant: return true
    case .composite(let elems, _) where x.type.isStruct || x.type.isArray:
      return elems.allSatisfy { isStaticCompositeLiteral($0.value) }
    default: return false
    }
  }
}

extension Batch {
  /// An operand of a Go fmt call becomes an interface: dataWord's decision, with Go 1.25+'s
  /// constant rewrite (escape.go rewriteWithLiterals' OCONVIFACE case) asked of the oracle.
  func convertToInterface(_ x: TypedExpr) {
    var staticConstant = false
    if analysis.compiler.rewritesMakeSizes, x.constant == nil {
      if oracle == nil { oracle = ReassignOracle(function.body) }
      staticConstant = oracle!.staticValue(x).constant != nil
    }
    x.interfaceConversion = InterfaceConversion.of(x, staticConstant: staticConstant)
  }
}
