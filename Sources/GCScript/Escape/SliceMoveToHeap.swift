// SliceMoveToHeap: the move2heap pass of Go 1.26+ (cmd/compile/internal/slice/slice.go), which
// lets the appends of a slice that leaves its function in one known place build it in the
// frame anyway.
//
// Escape analysis decides an append's backing store by where the slice flows: `return s`,
// `g = s` or a range over s make it "escape to heap", and every growth then allocates
// (1, 2, 4, 8, ... elements, all but the last garbage at once). The pass looks at a slice
// variable's uses instead. A slice variable is *exclusive* while no other variable shares a
// backing store in this frame with it: `s = nil`, `s = append(s, ...)`, `s = s[i:j]`, `s[i]`,
// `len(s)`, `cap(s)`, and passing s to a function that does not leak it keep it exclusive;
// anything else is assumed to end it (`x = s`, `return s`, a range over s, `&s[i]`, any use the
// pass does not recognise). An exclusive variable can have its backing store moved at any time,
// since nobody else can see it move. So when a variable's uses are all recognised and there is
// exactly one exclusive→nonexclusive transition, outside any loop the variable was declared
// outside of, the pass:
//
//   - inserts `s = move2heap(s)` just before the transition: if s's backing store is in this
//     frame it is copied to the heap (runtime/slice.go moveSlice*), otherwise nothing happens;
//   - marks the variable's `s = append(s, ...)` sites as not escaping (EscNone), so they may
//     build s in a frame buffer (ssagen/ssa.go append; Lower/AppendBackingStores.swift);
//   - when the capacity is observed (cap(s), s[i:j], a slice literal, a call), marks them
//     UseBuf: instead of handing out the whole buffer at once they climb the size classes
//     inside it (runtime growsliceBuf), and move2heap preserves the capacity; otherwise
//     move2heap may pick the size class above the length.
//
// The transition is then the only way a frame pointer could leave: after move2heap the slice
// points to the heap (or to a parent's frame) before anyone else can see it. It only pays when
// there is (dynamically) more than one append: the weight of the appends, 1 each plus 1 per
// loop level between the append and the declaration, must be at least 2.
//
// The pass runs after escape analysis and does not change what -m printed: Go 1.27.3 prints
// "append escapes to heap" for `gEsc = s` in Tests/Recordings/runs/smallgrow although its
// appends are then built in the frame.
//
// Version: Go 1.26. The Go 1.19.8 recordings have neither this pass nor the append buffer;
// Go 1.27.3's have both. The file is copyright 2025 and not in Go 1.25 (whose 32-byte buffer
// serves only `make`: Tests/Recordings/runs/varmake); Keith Randall's "Allocating on the Stack"
// (go.dev/blog/allocation-optimizations, February 2026) introduces both the append buffer and
// move2heap as Go 1.26's, and golang/go#81689 backports a fix of this analysis to
// release-branch.go1.26. CompilerProfile.moveToHeapPass gates it.

import GoHeap

/// A `s = move2heap(s)` the pass put before a statement (slice.go's MoveToHeapExpr).
struct MoveToHeap {
  let variable: Variable
  /// The capacity and the elements in [len:cap] must be kept (cap was observed); otherwise
  /// the copy may have any capacity >= len.
  let preserveCapacity: Bool
}

/// The pass over one function (slice.go analyze).
struct SliceMoveToHeap {
  /// What the pass learns about one slice variable (slice.go sliceInfo).
  final class SliceInfo {
    let variable: Variable
    /// Still being considered (slice.go: s.Opt != nil).
    var tracking = true
    /// Uses the pass understands, and all uses.
    var okUses = 0
    var allUses = 0
    /// The one statement where it stops being exclusive (more than one: not tracked).
    var transition: TypedStmt? = nil
    /// Each `s = append(s, ...)`.
    var appends: [AllocationSite] = []
    /// 1 per append, plus 1 per loop level between it and the declaration.
    var appendWeight = 0
    /// The loop depth of the declaration (0 for a parameter).
    var declDepth = 0
    /// cap(s) or an operation that reveals it (s[i:j], a slice literal, a call).
    var capUsed = false

    init(_ variable: Variable) { self.variable = variable }
  }

  let function: Function
  /// VariableMakeThreshold: a slice whose element is larger is not considered.
  let maxStackSize: Int
  var infos: [ObjectIdentifier: SliceInfo] = [:]
  var loopDepth = 0

  /// Runs the pass on a function (after escape analysis has tagged every function's parameters).
  static func run(_ function: Function, maxStackSize: Int) {
    var pass = SliceMoveToHeap(function: function, maxStackSize: maxStackSize)
    pass.analyze()
  }

  private mutating func analyze() {
    for v in function.params + function.results + function.locals where v.type.isSlice {
      guard let elem = v.type.sliceElement, elem.size <= maxStackSize else { continue }
      infos[ObjectIdentifier(v)] = SliceInfo(v)
    }
    if infos.isEmpty { return }
    for s in function.body { statement(s) }
    // Variables in declaration order (fn.Dcl).
    for v in function.params + function.results + function.locals {
      guard let i = infos[ObjectIdentifier(v)], i.tracking else { continue }
      // A use the pass does not understand lurks; or exclusive for its whole lifetime (escape
      // analysis already handles a slice that does not escape); or at most one append: give up.
      guard i.okUses == i.allUses, let transition = i.transition, i.appendWeight >= 2 else { continue }
      // Commit: move the backing store to the heap before the transition, and let the
      // appends use a frame buffer.
      transition.movesToHeap.insert(MoveToHeap(variable: v, preserveCapacity: i.capUsed), at: 0)
      for site in i.appends {
        site.onHeap = false
        site.useBuffer = i.capUsed
      }
    }
  }

  /// The info of a slice variable still being tracked, when `e` is one.
  private func tracking(_ e: TypedExpr?) -> SliceInfo? {
    guard let e, case .variable(let v) = e.kind, let i = infos[ObjectIdentifier(v)], i.tracking else { return nil }
    return i
  }

  /// Records that a variable stops being exclusive at `stmt` (slice.go addTransition): a second
  /// transition, or one inside a loop the variable was declared outside of, ends the tracking.
  private func addTransition(_ i: SliceInfo, _ stmt: TypedStmt) {
    if i.transition != nil || loopDepth > i.declDepth {
      i.tracking = false
      return
    }
    i.transition = stmt
  }

  /// `x = y` somewhere in `stmt` (slice.go assign).
  private mutating func assign(_ x: TypedExpr?, _ y: TypedExpr?, _ stmt: TypedStmt) {
    if let i = tracking(x) {
      switch y?.kind {
      case nil, .nilValue?:
        i.okUses += 1  // s = nil
      case .composite?:
        // s = []T{...} (reveals a capacity).
        i.okUses += 1
        i.capUsed = true
      case .slice(let base, _, _, nil)?:
        if case .variable(let v) = base.kind, v === i.variable {
          // s = s[i:j] (ir.OSLICE; a three-index s[i:j:k] is OSLICE3, not understood)
          i.okUses += 2
          i.capUsed = true
        }
      case .builtin(.append, let args, _)?:
        if case .variable(let v) = args[0].kind, v === i.variable, let site = y?.site {
          // s = append(s, ...)
          i.okUses += 2
          i.appends.append(site)
          i.appendWeight += 1 + (loopDepth - i.declDepth)
        }
      default: break
      }
    }
    if let i = tracking(y) {
      // ... = s: the exclusive->nonexclusive transition.
      i.okUses += 1
      addTransition(i, stmt)
    }
  }

  // MARK: Walking (slice.go do: every mention of a tracked variable is counted in allUses)
  //
  // gcsh has no methods here (argLeak's receiver): that case is not here.

  private mutating func statement(_ s: TypedStmt) {
    // A declaration (ir.ODCL): its mention and its use cancel out; it fixes the depth.
    for v in s.declares { infos[ObjectIdentifier(v)]?.declDepth = loopDepth }
    switch s.kind {
    case .expression(let e), .sleep(let e): expression(e)
    case .assign(let targets, let values):
      for (t, v) in zip(targets, values) {
        if case .place(let x) = t { assign(x, v, s) } else { assign(nil, v, s) }
      }
      for case .place(let x) in targets { expression(x) }
      values.forEach { expression($0) }
    case .assignCall(let targets, let call):
      // OAS2FUNC is not a pattern the pass knows: its targets' mentions are uses it does not
      // understand.
      for case .place(let x) in targets { expression(x) }
      expression(call)
    case .zero: break  // var s T: a declaration and `s = nil`, whose uses cancel out
    case .deferStmt(let d), .goStmt(let d):
      for st in d.setup { statement(st) }
      expression(d.call)
    case .opAssign(_, let target, let rhs):
      expression(target)
      expression(rhs)
    case .mapLookup(let v, let ok, let e):
      if case .place(let x) = v { assign(x, e, s) }
      for case .place(let x) in [v, ok] { expression(x) }
      expression(e)
    case .block(let b): for st in b { statement(st) }
    case .ifStmt(let initStmt, let cond, let then, let els):
      if let initStmt { statement(initStmt) }
      expression(cond)
      for st in then { statement(st) }
      if let els { statement(els) }
    case .loop(_, let initStmt, let cond, let post, let body):
      // (The init statement counts as inside the loop, as in slice.go.)
      loopDepth += 1
      if let initStmt { statement(initStmt) }
      if let cond { expression(cond) }
      if let post { statement(post) }
      for st in body { statement(st) }
      loopDepth -= 1
    case .range(let r):
      if let i = tracking(r.operand) {
        // A range keeps a pointer to the backing store (golang/go#79909).
        i.okUses += 1
        addTransition(i, s)
      }
      loopDepth += 1
      expression(r.operand)
      for case .place(let x)? in [r.key, r.value] { expression(x) }
      for st in r.body { statement(st) }
      loopDepth -= 1
    case .returnStmt(let values), .inlineReturn(_, let values):
      // `return s`, or `~R0 = s` in an inlined body (Go 1.27.3 builds the inlined
      // `b = append(b, ...)` of a `build(20)` whose result goes to a global in the frame, and
      // moves it at the inlined return: cap 24, as without inlining).
      for e in values {
        if let i = tracking(e) {
          i.okUses += 1
          addTransition(i, s)
        }
      }
      // A bare return uses the named results implicitly (slice.go namedRets).
      if values.isEmpty, case .returnStmt = s.kind, function.namedResults {
        for r in function.results { if let i = infos[ObjectIdentifier(r)], i.tracking { addTransition(i, s) } }
      }
      values.forEach { expression($0) }
    case .stats(let labels, _): labels.forEach { expression($0) }
    case .expect(let x): expression(x.value)
    case .setGCPercent(let e), .setMemoryLimit(let e): if let e { expression(e) }
    case .switchStmt(let sw):
      // slice.go do: every child (DoChildren); a switch is not a loop.
      if let initStmt = sw.initStmt { statement(initStmt) }
      if let tag = sw.tag { expression(tag) }
      for c in sw.clauses {
        c.values.forEach { expression($0) }
        for st in c.body { statement(st) }
      }
    case .breakStmt, .continueStmt, .fallthroughStmt, .gc, .free, .why, .roots, .explain, .heapMap: break
    }
  }

  private mutating func expression(_ e: TypedExpr) {
    switch e.kind {
    case .variable:
      tracking(e)?.allUses += 1
    case .closure(let fn, let site) where !site.removedByDeadLocals:
      // slice.go OCLOSURE: each variable the literal captures is mentioned, a use the pass
      // does not understand (a literal deadlocals dropped is not in Go's tree).
      for c in fn.captures {
        let v = c.canonical
        if let i = infos[ObjectIdentifier(v)], i.tracking { i.allUses += 1 }
      }
    case .index(let base, _):
      tracking(base)?.okUses += 1  // s[i]
    case .builtin(.len, let args, _):
      tracking(args.first)?.okUses += 1
    case .builtin(.cap, let args, _):
      if let i = tracking(args.first) {
        i.okUses += 1
        i.capUsed = true
      }
    case .addressOf(let x):
      // &s[i], &s[i].f, &s[i].f[j] point into s's backing store: walk down through fields and
      // array elements (which stay in their object) to see whether a slice is indexed.
      var x = x
      walk: while true {
        switch x.kind {
        case .field(let base, _) where !base.isDereference:
          x = base
        case .index(let base, _) where base.type.isArray:
          x = base
        case .index(let base, _):
          tracking(base)?.tracking = false
          break walk
        default:
          break walk
        }
      }
    case .inlinedCall(let ic):
      // The parameters are assigned from the arguments inside an expression, where no
      // move2heap can be put before the assignment: the pass gives up on the slices passed
      // and on the copy's parameters and result, and looks at the copy's statements as the
      // caller's own.
      for a in ic.args { tracking(a)?.tracking = false }
      for v in ic.params + ic.results { infos[ObjectIdentifier(v)]?.tracking = false }
      ic.args.forEach { expression($0) }
      for s in ic.body { statement(s) }
      return
    case .call(let f, let args):
      for (k, a) in args.enumerated() {
        guard let i = tracking(a), !argumentLeaks(f, k) else { continue }
        // Passing s to a parameter that does not leak is ok (and reveals its capacity).
        i.okUses += 1
        i.capUsed = true
      }
    default: break
    }
    e.forEachChild { expression($0) }
  }

  /// Whether argument `k` of a call of `f` escapes anywhere: the heap or the result
  /// (slice.go argLeak: escape.ParseLeaks(...).Any()).
  private func argumentLeaks(_ f: Function, _ k: Int) -> Bool {
    guard k < f.paramLeaks.count else { return true }
    let leak = f.paramLeaks[k]
    return leak.toHeap || leak.toAnyResult
  }
}
