// Walk's -m note for an index that needs no bounds check (walk/expr.go walkIndex, bounded): an
// index into an array — through a pointer to one too — or into a constant string, when the
// index is not a constant but its type and form keep it in range: a byte into 256 elements, `x
// & 15` into 16, an unsigned `x % 16`, `x >> 28` of a uint32. `-m` prints `index bounds check
// elided` at the `[`, and for a body inlined elsewhere at the call too (walk runs on the
// inlined copy): `first[p[0]]` in utf8.FullRune, `counts[b]++` in a byte histogram.

import GoHeap

extension Batch {
  /// Reports `index bounds check elided` for `base[i]` when walk would.
  func noteBoundedIndex(_ e: TypedExpr, _ base: TypedExpr, _ i: TypedExpr) {
    if i.constant != nil { return }
    let length: Int
    if let (_, n) = base.type.arrayInfo {
      length = n
    } else if case .string(let s)? = base.constant {
      length = StringConstantBytes.count(s)
    } else {
      return
    }
    guard Self.bounded(i, Int64(length)) else { return }
    analysis.report(inlinedAt ?? bracket(before: i.span.start), "index bounds check elided")
  }

  /// The `[` an index expression's index follows.
  private func bracket(before offset: Int) -> Int {
    let bytes = analysis.source.bytes
    var k = min(offset, bytes.count) - 1
    while k > 0, bytes[k] != UInt8(ascii: "[") { k -= 1 }
    return max(k, 0)
  }

  /// walk/expr.go bounded: whether integer `n` is surely in [0, max).
  static func bounded(_ n: TypedExpr, _ max: Int64) -> Bool {
    // (uintptr is an unsigned integer of 64 bits on amd64.)
    let size: Int
    let sign: Bool
    switch n.type.kind {
    case .int(let s, let signed): (size, sign) = (s, signed)
    case .uintptr: (size, sign) = (64, false)
    default: return false
    }
    var bits = Int64(size)
    if let v = smallIntConstant(n) { return 0 <= v && v < max }
    switch n.kind {
    case .binary(let op, let x, let y) where op == "&" || op == "&^":
      var v: Int64 = -1
      if let c = smallIntConstant(x) {
        v = c
      } else if let c = smallIntConstant(y) {
        v = c
        if op == "&^" {
          v = ~v
          if !sign { v &= (bits >= 64 ? -1 : (1 << bits) - 1) }
        }
      }
      if 0 <= v && v < max { return true }
    case .binary("%", _, let y):
      if !sign, let v = smallIntConstant(y), 0 <= v && v <= max { return true }
    case .binary("/", _, let y):
      if !sign, var v = smallIntConstant(y) {
        while bits > 0 && v >= 2 {
          bits -= 1
          v >>= 1
        }
      }
    case .shift(">>", _, let y):
      if !sign, let v = smallIntConstant(y) {
        if v > bits { return max > 0 }
        bits -= v
      }
    default: break
    }
    return !sign && bits <= 62 && (Int64(1) << bits) <= max
  }

  /// ir.IsSmallIntConst: an integer constant that fits in an int32.
  private static func smallIntConstant(_ n: TypedExpr) -> Int64? {
    guard case .int(let v)? = n.constant, v >= Int128(Int32.min), v <= Int128(Int32.max) else { return nil }
    return Int64(v)
  }
}
