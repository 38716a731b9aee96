// The compiler's frame limit (cmd/compile/internal/ssagen/pgen.go, Compile and
// CheckLargeStacks): a function whose frame would be 1 GiB or more — its locals and temporaries
// (stksize), or its arguments and results (ArgWidth) — is not compiled. Each such function is
// reported at its name, in source order:
//
//   main.go:4:6: stack frame too large (>1GB): 0 MB locals + 2048 MB args
//
// gcsh checks the same two sums before lowering, so that no value of a gigabyte or more is ever
// laid out in a frame (the VM holds frames in host memory):
//   args    every parameter (a method's receiver too) and result, by value;
//   locals  the temporaries of the calls the function makes: each argument and result passed by
//           value is copied into the frame (`g(*p)` with g taking a [1 << 28]int: main reports
//           2048 MB locals). Go 1.23+ shares the slots of temporaries whose lifetimes do not
//           overlap (ssagen mergelocals), so the locals are the largest call's; Go 1.19 gives
//           each its own (Tests/Recordings/runs/hugeframe: 2048 MB and 4096 MB for one function
//           calling h(x, y) and g twice). Locals too large for the stack are on the heap
//           already (escape analysis: MaxStackVarSize), and a memory-to-memory copy, index or
//           comparison needs no frame slot, in Go as in gcsh.

import GoHeap

/// The frame-size check of one run's functions.
struct FrameLimit {
  /// pgen.go maxStackSize: 1 GiB.
  static let maxStackSize = 1 << 30
  /// Whether temporaries share frame slots (Go 1.23+ mergelocals).
  let mergesLocals: Bool

  init(_ compiler: CompilerProfile) { mergesLocals = compiler.mergesStackSlots }

  /// The errors for the functions whose frame is too large, in source order.
  func errors(_ functions: [Function]) -> [ScriptError] {
    var found: [(Int, ScriptError)] = []
    for f in functions {
      let args = f.params.reduce(0) { $0 &+ Self.aligned($1.type) } &+ f.results.reduce(0) { $0 &+ Self.aligned($1.type) }
      let locals = localBytes(f)
      guard locals >= Self.maxStackSize || args >= Self.maxStackSize else { continue }
      let at = f.declarationOffset
      found.append(
        (at, ScriptError(.typeError("stack frame too large (>1GB): \(locals >> 20) MB locals + \(args >> 20) MB args"),
                         at: Span(at, at + max(1, f.name.utf8.count)))))
    }
    return found.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// A value's bytes in an argument area: its size rounded up to a word (saturating).
  static func aligned(_ t: GoType) -> Int {
    t.size > Int.max - 7 ? Int.max / 2 : (t.size + 7) & ~7
  }

  /// The frame bytes the temporaries of `f`'s calls take: the largest call's (merged) or all.
  func localBytes(_ f: Function) -> Int {
    var total = 0
    var largest = 0
    func visit(_ e: TypedExpr) {
      var params: [GoType] = []
      var results: [GoType] = []
      switch e.kind {
      case .call(let callee, _):
        params = callee.params.map(\.type)
        results = callee.results.map(\.type)
      case .callValue(let callee, _):
        if case .function(let p, let r, _) = callee.type.kind {
          params = p
          results = r
        }
      default: break
      }
      let bytes = (params + results).reduce(0) { $0 &+ Self.aligned($1) }
      total = total &+ bytes
      largest = max(largest, bytes)
      e.forEachChild(visit)
    }
    for s in f.body { s.forEachExpression(visit) }
    return mergesLocals ? largest : total
  }
}
