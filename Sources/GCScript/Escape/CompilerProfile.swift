// CompilerProfile: the Go compiler's constants that decide where values live, per era (the
// runtime's are GoHeap's RuntimeProfile; these are cmd/compile's).

import GoHeap

/// What the compiler of a Go version does with allocations (cmd/compile/internal/ir/cfg.go,
/// escape/utils.go HeapAllocReason).
struct CompilerProfile {
  /// Which values are their interface's data word (InterfaceConversion.swift).
  let directInterface: DirectInterfaceRule
  /// order.go addrTemp: an operand converted to an interface that is a static composite literal
  /// (`Point{1, 2}`, `item{}`) is put in read-only data, whose address is the data word — no
  /// allocation. Go 1.19.8's addrTemp does it for a basic literal only ("TODO: expand this to
  /// all static composite literal nodes?"), so the literal is copied to a temporary and boxed
  /// (checked with go run: 400 `item{}` boxed, 400 more mallocs of 48 bytes in Go 1.19.8, none
  /// in Go 1.27.3). The profiles after Go 1.19 take Go 1.27.3's.
  let readOnlyCompositeLiterals: Bool
  /// The largest `new`, `&T{}` or constant-size `make` kept on the stack, bytes
  /// (ir.MaxImplicitStackVarSize: 64 KiB).
  let maxImplicitStackVarSize: Int
  /// The largest declared variable kept on the stack, bytes (ir.MaxStackVarSize: 10 MiB until
  /// Go 1.24 — Tests/Recordings/escape: 1.19.8 keeps a 10 MiB array on the stack — and 128 KiB
  /// in 1.27.3, which moves `var a [131073]byte` to the heap).
  let maxStackVarSize: Int
  /// Go 1.23+: temporaries whose lifetimes do not overlap share frame slots (ssagen
  /// mergelocals), which the frame-size limit sees (Lower/FrameLimit.swift).
  let mergesStackSlots: Bool
  /// Go 1.25+: a non-escaping `make` of non-constant size uses a 32-byte buffer in the frame
  /// when it fits (Tests/Recordings/runs/varmake: n = 32 bytes, 0 mallocs; 33, one); Go 1.26+
  /// gives appends a buffer of this size too (base.Debug.VariableMakeThreshold). nil before.
  let stackBufferBytes: Int?
  /// Go 1.26+: an append whose result does not escape and that does not update its slice in
  /// place may take its backing store from a stackBufferBytes buffer in the frame
  /// (ssagen/ssa.go append, getBackingStoreInfo; Lower/AppendBackingStores.swift). Go 1.19.8
  /// grows every slice on the heap (Tests/Recordings/runs/smallgrow: caps 1 2 4 4 8 ...);
  /// Go 1.27.3 starts at the buffer's 4 ints. Go 1.25 has the buffer for `make` only: the
  /// append buffer is Go 1.26's, as "Allocating on the Stack" (go.dev/blog/allocation-
  /// optimizations, by its author, February 2026) says.
  let appendStackBuffer: Bool
  /// Go 1.26+: the move2heap pass (cmd/compile/internal/slice; Escape/SliceMoveToHeap.swift)
  /// lets appends of a slice that leaves its function at one known point use the frame buffer
  /// too (smallgrow's growEscaping: caps 1 2 3 4 8 in Go 1.27.3). Same source as above; the
  /// pass's file is copyright 2025, and a fix to it was backported to release-branch.go1.26
  /// (golang/go#81689).
  let moveToHeapPass: Bool
  /// Go 1.20+'s unified IR compiles generics per shape named without an index (`go.shape.int`,
  /// Go 1.19: `go.shape.int_0`) and a wrapper per type-argument list that inlines the shaped
  /// body (-m: `can inline Sum[int]`, then the body's lines at the declaration).
  let unifiedGenerics: Bool
  /// Small pointer-free variables moved to the heap and declared together share one
  /// allocation (ssagen/ssa.go newHeapaddr, maxAggregatedHeapAllocation = 16;
  /// Lower/HeapAggregation.swift). Go 1.27.3's ssagen has it (runs/waitgroupgo: 202 mallocs
  /// where one per variable would be 203), Go 1.19.8's has not; the release that brought it is
  /// not pinned down here.
  let aggregatesSmallHeapVariables: Bool
  /// -m reports each append's backing store ("append does not escape"): Go 1.27.3 does,
  /// 1.19.8 does not (Tests/Recordings/escape).
  let reportsAppend: Bool
  /// A `[]byte(s)` that does not escape and is never written shares the string's bytes
  /// (escape.go ZeroCopy, Go 1.22+): no allocation, and -m says "zero-copy string->[]byte
  /// conversion".
  let zeroCopyStringToBytes: Bool
  /// sort.Ints, Strings and Float64s are slices.Sort (Go 1.22+), which keeps nothing; before,
  /// sort.Sort of the slice boxed into a sort.Interface, which escapes.
  let sortsWithSlices: Bool
  /// reflect.ValueOf (and internal/reflectlite's) forces its argument to the heap (`escapes(i)`)
  /// before Go 1.21, whose release notes drop it: sort.SliceIsSorted's box escapes in Go 1.19.8
  /// (1 malloc, 24 B a call) and stays in the frame in 1.27.3 (recorded: runs/sortslice).
  let valueOfEscapes: Bool
  /// Whose inliner runs before escape analysis (Inline/Inliner.swift): Go 1.27.3's or Go
  /// 1.19.8's (Tests/Recordings/escape record both). nil: the go1.0 profile does not inline —
  /// Go 1.0's inliner (leaf functions only, a budget of 40 nodes) is not ported, there being no
  /// Go 1.0 toolchain here to check it against.
  let inliner: InlinerEra?
  /// Escape analysis replaces a `make` size that is a variable assigned once from a constant
  /// (or `len` of a slice literal) by that constant (escape.go rewriteWithLiterals, with the
  /// ReassignOracle): after inlining, `makeBuf(64)`'s `make([]byte, n)` is `make([]byte, 64)`
  /// and stays in the frame. Go 1.27.3 does it; 1.19.8 does not (Tests/Recordings/escape:
  /// "make([]byte, n) escapes to heap" at the inlined call). It came with the 32-byte
  /// variable-size buffer of Go 1.25 (the same author's "literal alloc" work); gcsh ties it to
  /// that era. The same function (escape.go rewriteWithLiterals, its OCONVIFACE case) replaces
  /// an operand converted to an interface whose static value is a constant by that constant,
  /// which then lives in read-only data: `big := 123456; fmt.Println(big)` allocates no box in
  /// Go 1.27.3 and one in Go 1.19.8 (Tests/Recordings/runs/boxing, "local never reassigned").
  let rewritesMakeSizes: Bool
  /// Go 1.22's loop variables: each iteration of a `for` loop has its own variables — a
  /// three-clause loop's init variables are copied into a new variable before each post
  /// statement, a range loop's are declared per iteration (cmd/compile/internal/loopvar; the
  /// spec's "For statements"). Before, both were declared once for the whole loop.
  let perIterationLoopVariables: Bool
  /// The name -m gives a blank result (`func f(p *int) (_ *int)`: "leaking param: p to result
  /// ~r0"): `~r` and its index in Go 1.27.3 (ir/func.go DeclareParams names blank and unnamed
  /// results alike), `~b` in Go 1.19.8 (typecheck/dcl.go declareParam: "~b stands for
  /// 'blank'"). The unified IR that came with Go 1.20 is where the first is from.
  let blankResultPrefix: String
  /// What lets a function literal's results hold addresses of its enclosing frame (solve.go
  /// outlives): Go 1.22+ tracks whether every call of the literal is known
  /// (ClosureResultsLost, the callee location); Go 1.19 only knows a literal called where it is
  /// written (ClosureCalled).
  let tracksClosureResults: Bool
  /// -m reports an operand converted to an interface at the operand (Go 1.27.3:
  /// `./main.go:138:29: big + 1 escapes to heap`) or at its call's `(` (Go 1.19.8: `138:14`;
  /// Tests/Recordings/runs/boxing). The unified IR of Go 1.20 keeps each operand's position.
  let reportsOperandPositions: Bool
  /// Go 1.24+ runs the deadlocals pass between inlining and escape analysis
  /// (Inline/DeadLocals.swift): a literal left in a local nothing reads is not analysed.
  let dropsDeadLocals: Bool
  /// order.go addrTemp copies a value converted through its address only when it is a local
  /// that can live in registers (Go 1.22+, #63332: a field or element of one too); before, it
  /// copied any local variable and read everything else in place (Tests/Recordings/runs/
  /// evalorder: a 48-byte local array is copied by Go 1.19.8, read late by Go 1.27.3).
  let copiesOnlySSAableOperands: Bool

  /// The inliners gcsh models.
  enum InlinerEra {
    /// Go 1.19.8: CanInline and InlineCalls per function, bottom-up; nested calls inlined
    /// depth-first as each copy is made; a recursive function is never inlinable.
    case go119
    /// Go 1.27.3: every function's CanInline first, then each function's calls, level by
    /// level (interleaved.DevirtualizeAndInlinePackage); a recursive function may be inlined
    /// once into itself.
    case go127
  }

  init(_ runtime: RuntimeProfile) {
    directInterface = runtime.directInterfaceRule
    readOnlyCompositeLiterals = runtime.version > GoVersion(1, 19)
    reportsAppend = runtime.version >= GoVersion(1, 25)
    zeroCopyStringToBytes = runtime.version >= GoVersion(1, 22)
    sortsWithSlices = runtime.version >= GoVersion(1, 22)
    valueOfEscapes = runtime.version < GoVersion(1, 21)
    maxImplicitStackVarSize = 64 << 10
    mergesStackSlots = runtime.version >= GoVersion(1, 23)
    if runtime.version >= GoVersion(1, 25) {
      maxStackVarSize = 128 << 10
      stackBufferBytes = 32
    } else {
      maxStackVarSize = 10 << 20
      stackBufferBytes = nil
    }
    if runtime.version >= GoVersion(1, 22) {
      inliner = .go127
    } else if runtime.version >= GoVersion(1, 5) {
      inliner = .go119
    } else {
      inliner = nil
    }
    rewritesMakeSizes = runtime.version >= GoVersion(1, 25)
    perIterationLoopVariables = runtime.version >= GoVersion(1, 22)
    blankResultPrefix = runtime.version >= GoVersion(1, 20) ? "~r" : "~b"
    tracksClosureResults = runtime.version >= GoVersion(1, 22)
    reportsOperandPositions = runtime.version >= GoVersion(1, 20)
    dropsDeadLocals = runtime.version >= GoVersion(1, 24)
    copiesOnlySSAableOperands = runtime.version >= GoVersion(1, 22)
    appendStackBuffer = runtime.version >= GoVersion(1, 26)
    moveToHeapPass = runtime.version >= GoVersion(1, 26)
    unifiedGenerics = runtime.version >= GoVersion(1, 20)
    aggregatesSmallHeapVariables = runtime.version >= GoVersion(1, 27)
  }
}
