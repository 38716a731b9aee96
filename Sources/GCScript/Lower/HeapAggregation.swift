// Heap aggregation: since Go 1.27 (at the latest) the compiler gives small pointer-free
// variables that escape to the heap one allocation between them when they are declared in the
// same basic block (cmd/compile/internal/ssagen/ssa.go: newHeapaddr and
// flushPendingHeapAllocations, maxAggregatedHeapAllocation = 16):
//
//   - A variable qualifies when its type has no pointers and its size is 1 to 15 bytes; any
//     other moved variable is an object of its own (runtime.newobject of its type).
//   - Qualifying variables are pending until the block ends or the next one would take the
//     total past 16 bytes; then they are laid out by decreasing alignment (stable), and one
//     mallocgc of the total, rounded up to the first's alignment, holds them all — a tiny
//     allocation when that is under 16 bytes. A group of one is an ordinary newobject.
//
// So `total := 0; var mu sync.Mutex` that a closure captures cost one 16-byte malloc in Go
// 1.27.3, not two (Tests/Recordings/runs/waitgroupgo). The lowerer emits the allocation at the
// group's first declaration and each variable's address as an offset into it, and fills in the
// offsets and the size when the group ends: it ends before and after any statement that is not
// a straight-line declaration or assignment of names and constants (gcsh's approximation of
// where SSA starts a new block: control flow, calls, and the checks of indexing, division and
// conversions all may).

import GoHeap

/// A group of moved variables sharing one allocation, being collected.
struct HeapAggregation {
  /// The allocation's descriptor, the slot its pointer goes to, and each variable with the
  /// instruction that computes its address (its offset is filled in at the end).
  let allocation: Int
  let base: Int
  var members: [(variable: Variable, instruction: Int)] = []
  var size: Int { members.reduce(0) { $0 + $1.variable.type.size } }
}

extension Lowerer {
  /// The largest total a group reaches, and the largest variable (strictly less) that joins one.
  static let maxAggregatedHeapAllocation = 16

  /// Gives `v` (moved to the heap, being declared) its place in the current group, starting one
  /// if need be; false when it does not qualify, and gets an object of its own.
  func aggregate(_ v: Variable, into slot: Int) -> Bool {
    let size = v.type.size
    guard session.compiler.aggregatesSmallHeapVariables, !v.type.hasPointers, size > 0,
      size < Self.maxAggregatedHeapAllocation
    else { return false }
    if let group = aggregation, group.size + size > Self.maxAggregatedHeapAllocation { endAggregation() }
    if aggregation == nil {
      // The group's allocation, made here at its first declaration; its type is the first
      // variable's until the group ends.
      let base = allocate(.pointer(to: .uint8))
      code.allocations.append(AllocationDesc(kind: .object, type: v.type, stackSlot: nil, stackCapacity: nil, site: v.site ?? AllocationSite(kind: .variable, span: span, type: v.type, text: "")))
      emit(Instruction(op: .allocate, a: Int32(base), b: Int32(code.allocations.count - 1)))
      aggregation = HeapAggregation(allocation: code.allocations.count - 1, base: base)
    }
    emit(Instruction(op: .offsetAddress, a: Int32(slot), b: Int32(aggregation!.base), c: 0))
    aggregation!.members.append((v, code.instructions.count - 1))
    return true
  }

  /// Ends the current group: its layout (decreasing alignment, declaration order among equals)
  /// into the address instructions, and its size into the allocation — one object of the
  /// total, pointer-free, as mallocgc(size, nil) makes it.
  func endAggregation() {
    guard let group = aggregation else { return }
    aggregation = nil
    guard group.members.count > 1 else { return }
    let ordered = group.members.enumerated().sorted { x, y in
      let (a, b) = (x.element.variable.type.align, y.element.variable.type.align)
      return a != b ? a > b : x.offset < y.offset
    }.map(\.element)
    var offset = 0
    for m in ordered {
      code.instructions[m.instruction].c = Int32(offset)
      offset += m.variable.type.size
    }
    let align = ordered[0].variable.type.align
    let total = (offset + align - 1) / align * align
    let first = code.allocations[group.allocation]
    code.allocations[group.allocation] = AllocationDesc(
      kind: .object, type: .array(of: .uint8, count: total), stackSlot: nil, stackCapacity: nil, site: first.site)
  }

  /// Whether a statement keeps the current group open: a declaration without a value, or an
  /// assignment of names, constants and their addresses (no call, no check, no branch).
  func continuesAggregation(_ s: TypedStmt) -> Bool {
    func straight(_ e: TypedExpr) -> Bool {
      switch e.kind {
      case .constant, .nilValue, .variable: return true
      case .addressOf(let x): if case .variable = x.kind { return true } else { return false }
      default: return false
      }
    }
    switch s.kind {
    case .zero: return true
    case .assign(let targets, let values):
      return values.allSatisfy(straight) && targets.allSatisfy { t in
        if case .place(let p) = t { return straight(p) }
        return true
      }
    default: return false
    }
  }
}
