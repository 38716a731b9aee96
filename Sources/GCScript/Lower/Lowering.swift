// Lowering: the typed tree to bytecode, one function at a time.
//
// Slots. A frame is laid out as
//   [results] [parameters] [pinned objects] [block variables and temporaries ...]
// The first three are fixed for the whole call: the results the callee leaves for its caller
// (each result's slots in order; named results are variables living there),
// the parameters the caller stored, and the objects whose address is taken (variables that
// stay on the stack, allocations escape analysis keeps in the frame — a pointer to one may be
// used anywhere in the function, so their slots are never reused). Above them a stack
// discipline: a block's variables are allocated when declared and released when the block
// ends, a statement's temporaries when the statement ends. A call's window (result and
// arguments) is allocated at the top, and the callee's frame begins there, as in Lua.
//
// Pointer layout. Which slots hold pointers changes as temporaries come and go, so the layout
// is recorded for every instruction; liveness (Liveness.swift) then keeps only the slots whose
// value is still to be used: the stack map the collector reads.
//
// Costs. The first instruction of each statement carries the statement's virtual CPU cost
// (CostModel.statementNs), and each loop iteration one more for its step, whatever the loop's
// spelling; an instruction that is a jump target never inherits a cost that belongs to another
// path.

import GoHeap

/// What lowering keeps for a whole session: the function table and the globals.
final class LoweringSession {
  let profile: RuntimeProfile
  /// Every function lowered so far (calls refer to them by index).
  var functions: [CodeObject] = []
  /// Slots of globals so far, and which hold pointers.
  var globalPointers: [Bool] = []
  /// Bytes of the program's globals whose type holds a pointer: what the linker puts in the data
  /// and bss sections, which the collector scans, rather than in noptrdata and noptrbss, which it
  /// never reads (the compiler marks a pointer-free variable NOPTR, ggloblnod; symtab.go
  /// modulesinit counts only data and bss in the pacer's globalsScan:
  /// Tests/Recordings/runs/bigglobals, where a 4 MiB [N]int adds nothing). The libraries' and
  /// the runtime's own globals are the profile's (StartupState.globalsScanBytes). Go's linker
  /// also drops a variable no code refers to (cmd/link deadcode.go); gcsh counts every one.
  private(set) var scannedGlobalBytes = 0
  /// The cost each statement charges, ns.
  let statementCost: Int
  /// The compiler's rules of the era.
  let compiler: CompilerProfile
  /// String constants' bytes (read-only data), and where each string starts.
  private(set) var rodataPointer: UnsafeMutablePointer<UInt8>
  private var rodataCapacity = 4096
  private(set) var rodataCount = 0
  private var interned: [[UInt8]: Int] = [:]
  /// Each map type's runtime layout (Run/Maps/MapLayout.swift), made on first use.
  private var mapLayouts: [ObjectIdentifier: MapLayout] = [:]
  /// The named types with a `String() string` method, which fmt calls (Printf.swift
  /// handleMethods), by type.
  private(set) var stringMethods: [ObjectIdentifier: StringMethod] = [:]
  /// The program's types as the runtime sees them: type descriptors, method tables and itabs
  /// in read-only data (Lower/RuntimeTypes.swift).
  let runtimeTypes = RuntimeTypes()

  init(profile: RuntimeProfile) {
    self.profile = profile
    statementCost = max(0, Int(profile.cost.statementNs.rounded()))
    compiler = CompilerProfile(profile)
    rodataPointer = .allocate(capacity: rodataCapacity)
  }

  deinit { rodataPointer.deallocate() }

  /// The read-only data as bytes.
  var rodata: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: rodataPointer, count: rodataCount) }

  /// The runtime's staticuint64s table ([256]uint64, each value's low byte first): a one-byte
  /// string converted from a byte slice points into it instead of being allocated
  /// (string.go slicebytetostring). Byte b is at this address + 8b.
  lazy var staticBytesAddress: UInt64 = rodataAddress(of: (0..<256).flatMap { [UInt8($0), 0, 0, 0, 0, 0, 0, 0] })

  /// The address of a string constant's bytes in read-only data (each distinct string once).
  func rodataAddress(of bytes: [UInt8]) -> UInt64 {
    if let off = interned[bytes] { return AddressSpace.rodataBase + UInt64(off) }
    if rodataCount + bytes.count > rodataCapacity {
      precondition(rodataCount + bytes.count <= AddressSpace.rodataLimit, "read-only data is full")
      let capacity = max(rodataCapacity * 2, rodataCount + bytes.count)
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      grown.initialize(from: rodataPointer, count: rodataCount)
      rodataPointer.deallocate()
      rodataPointer = grown
      rodataCapacity = capacity
    }
    let off = rodataCount
    (rodataPointer + off).initialize(from: bytes, count: bytes.count)
    rodataCount += bytes.count
    interned[bytes] = off
    return AddressSpace.rodataBase + UInt64(off)
  }

  /// The runtime layout of a map type: Go 1.24+ Swiss tables, else Go 1.19's buckets.
  func mapLayout(_ t: GoType) -> MapLayout {
    if let l = mapLayouts[ObjectIdentifier(t)] { return l }
    let l = MapLayout(t, model: profile.version >= GoVersion(1, 24) ? .swiss : .buckets)
    mapLayouts[ObjectIdentifier(t)] = l
    return l
  }

  /// A function's index in the table (reserved on first reference, filled when lowered).
  func index(of f: Function) -> Int {
    if let k = f.codeIndex { return k }
    let k = functions.count
    functions.append(CodeObject(name: f.name, source: Source(name: "", text: "")))
    f.codeIndex = k
    return k
  }

  /// Records a lowered method if it is a `String() string` method: fmt's Stringer interface
  /// (fmt/print.go), which any type with such a method satisfies.
  func noteMethod(_ f: Function) {
    runtimeTypes.addMethod(f, code: index(of: f))
    guard let (base, pointer) = f.receiver, f.decl?.name == "String", f.params.count == 1,
      f.results.count == 1, f.results[0].type === GoType.string
    else { return }
    stringMethods[ObjectIdentifier(base)] = StringMethod(type: base, code: index(of: f), pointerReceiver: pointer)
  }

  /// Slots for a package variable of the runtime's or of a package gcsh runs natively (the
  /// program cannot name it): returns the first slot.
  func allocateHiddenGlobal(_ t: GoType) -> Int {
    let slot = globalPointers.count
    globalPointers += pointerWords(t)
    return slot
  }

  /// Gives a global its slots.
  func allocateGlobal(_ v: Variable) {
    guard v.globalSlot == nil else { return }
    v.globalSlot = globalPointers.count
    globalPointers += pointerWords(v.type)
    scannedGlobalBytes += Self.scannedBytes(v)
  }

  /// A global the REPL declared again: the collector no longer scans it (VM.clearGlobal zeroes
  /// its slots; the new declaration has its own).
  func forgetGlobal(_ v: Variable) {
    guard v.globalSlot != nil else { return }
    scannedGlobalBytes -= Self.scannedBytes(v)
  }

  private static func scannedBytes(_ v: Variable) -> Int {
    !v.isLibraryGlobal && v.type.hasPointers ? v.type.words * 8 : 0
  }
}

/// A named type's `String() string` method: its code, and whether its receiver is a pointer
/// (then only a *T operand has it; a value-receiver method belongs to T and *T alike).
struct StringMethod {
  let type: GoType
  let code: Int
  let pointerReceiver: Bool
}

/// Which of a value's slots may hold a pointer, slot by slot.
func pointerWords(_ t: GoType) -> [Bool] {
  var words = [Bool](repeating: false, count: t.words)
  func mark(_ t: GoType, _ offset: Int) {
    switch t.kind {
    case .pointer, .string, .slice, .map, .function, .chan: words[offset / 8] = true
    // Both words: the compiler's GC mask marks an interface's type word too (it points to
    // static data, which the collector passes over).
    case .interface:
      words[offset / 8] = true
      words[offset / 8 + 1] = true
    case .array(let e, let n):
      guard e.hasPointers else { return }
      for k in 0..<n { mark(e, offset + k * e.size) }
    case .structure(let fs): for f in fs where f.type.hasPointers { mark(f.type, offset + f.offset) }
    default: break
    }
  }
  mark(t, 0)
  return words
}

/// Where a value is, for loads and stores.
enum Place {
  /// Frame slots holding the value (a scalar normalised, an aggregate's memory image).
  case slots(Int)
  /// Global slots.
  case global(Int)
  /// Memory at the address in a slot plus a byte offset.
  case memory(Int, Int)
}

/// A loop or switch being lowered: where break and continue go.
struct LoopLabels {
  let target: LoopTarget
  var breaks: [Int] = []
  var continues: [Int] = []
}

/// Lowers one function.
final class Lowerer {
  let session: LoweringSession
  let function: Function
  let code: CodeObject
  /// The frame's slots in use (the bump allocator's top).
  var top = 0
  /// Pointer flags of the slots in use, a bit per slot (slot k: bit k & 63 of word k >> 6); the
  /// bits at and above `top` are zero, so a layout is recorded by copying words, not slots.
  var layout: [UInt64] = []
  /// The layout recorded for each instruction (an index into `layouts`).
  var layoutIndex: [Int32] = []
  var layouts: [[UInt64]] = []
  var layoutKey: [[UInt64]: Int32] = [:]
  /// The layout changed since the last instruction.
  var layoutChanged = true
  var currentLayout: Int32 = 0
  /// Each local variable's slot (for one moved to the heap: the slot of its pointer).
  var slots: [ObjectIdentifier: Int] = [:]
  /// Each allocation site kept in the frame: its stack object's slot.
  var siteSlots: [ObjectIdentifier: Int] = [:]
  /// Small variables moved to the heap whose allocation is being shared (HeapAggregation.swift).
  var aggregation: HeapAggregation? = nil
  /// Each append that may grow into a frame buffer (Go 1.26+, AppendBackingStores.swift).
  var appendBuffers: [ObjectIdentifier: AppendBuffer] = [:]
  var loops: [LoopLabels] = []
  /// The `fallthrough` jumps of the switch clause being lowered, to its next clause's body.
  var fallthroughJumps: [Int] = []
  /// Inlined calls being lowered, innermost last, with the jumps of their returns to patch to
  /// the end of the body.
  var inlineExits: [(call: InlinedCall, jumps: [Int])] = []
  /// Variables made up for temporaries (kept alive: `slots` is keyed by their identity).
  var temporaries: [Variable] = []
  /// The first slot of each result, in order (the frame's first slots).
  var resultSlots: [Int] = []
  /// A function with `defer`: the slot of its defer bits, and the returns' jumps to the exit
  /// that runs the deferred calls (Lowering+Defer.swift).
  var deferBits: Int? = nil
  /// Lowering+Defer.swift's chainedDefers, once made.
  var chainedDefersMade: [ChainedDefer]? = nil
  var deferExitJumps: [Int] = []
  /// Cost to put on the next instruction (the statement being lowered), ns.
  var pendingCost = 0
  var span = Span(0, 0)
  /// Values gcsh cannot hold in a frame (a gigabyte or more, in a place Go's compiler needs no
  /// frame slot for): one error per function, at the first. Nothing of the run is installed.
  var errors: [ScriptError] = []

  init(session: LoweringSession, function: Function, source: Source) {
    self.session = session
    self.function = function
    code = CodeObject(name: function.name, source: source)
  }

  /// Lowers the function's body.
  func lower() -> CodeObject {
    layoutPrologue()
    for s in function.body { statement(s) }
    endAggregation()
    span = function.decl.map { Span(max($0.span.end - 1, $0.span.start), $0.span.end) } ?? span
    if deferBits != nil {
      deferredCallsExit()
    } else {
      emit(Instruction(op: .ret, a: 0, b: 0))
    }
    code.frameSize = max(code.frameSize, top)
    Liveness(code: code, layouts: layouts, layoutIndex: layoutIndex).computeStackMaps()
    return code
  }

  /// The fixed part of the frame: results, parameters, pinned objects.
  private func layoutPrologue() {
    for r in function.results {
      let slot = allocate(r.type)
      slots[ObjectIdentifier(r)] = slot
      resultSlots.append(slot)
      code.resultPointers += pointerWords(r.type)
    }
    code.resultWords = top
    // Named results start as zero values (the caller's window holds whatever was there); the
    // listing shows it at the function's declaration.
    if function.namedResults && top > 0 {
      let saved = span
      span = function.decl.map { Span($0.span.start, $0.span.start) } ?? span
      emit(Instruction(op: .zero, a: 0, b: Int32(top)))
      span = saved
    }
    let firstParam = top
    for p in function.params { slots[ObjectIdentifier(p)] = allocate(p.type) }
    code.paramWords = top - firstParam
    capturePrologue()
    // Address-taken locals and parameters that stay on the stack are pinned objects; those
    // moved to the heap get a pinned pointer slot.
    for v in function.params + function.results + function.locals where v.addressTaken || v.movedToHeap {
      if v.movedToHeap {
        let ptr = allocate(.pointer(to: v.type))
        if v.storage == .parameter {
          // The parameter is copied into its heap object on entry (Go: "moved to heap: p").
          let param = slots[ObjectIdentifier(v)]!
          slots[ObjectIdentifier(v)] = ptr
          newObject(v.type, into: ptr, site: v.site)
          store(v.type, from: param, to: .memory(ptr, 0))
        } else if v.storage == .result {
          // A named result moved to the heap lives there from entry, zeroed; a return copies it
          // into the result's slots (returnStatement).
          slots[ObjectIdentifier(v)] = ptr
          newObject(v.type, into: ptr, site: v.site)
        } else {
          slots[ObjectIdentifier(v)] = ptr
        }
      } else if v.storage != .parameter && v.storage != .result {
        let slot = allocate(v.type)
        slots[ObjectIdentifier(v)] = slot
        code.stackObjects.append(StackObject(slot: slot, type: v.type, count: 1))
      } else {
        code.stackObjects.append(StackObject(slot: slots[ObjectIdentifier(v)]!, type: v.type, count: 1))
      }
    }
    // A variable of an inlined body that a literal copied with the body captures lives as
    // long as the frame: a call of the copy inlined later reads it directly, after the
    // inlined call that declared it has released its slots (Go's inlined variables are
    // locals of the whole caller).
    for c in function.closures where c.copiedFrom != nil {
      for v in c.captures.compactMap(\.capturedFrom) where v.function === function && slots[ObjectIdentifier(v)] == nil {
        slots[ObjectIdentifier(v)] = allocate(v.type)
      }
    }
    deferPrologue()
    // Allocation sites kept in the frame.
    for site in function.sites where !site.onHeap && site.kind != .variable {
      guard let count = stackCount(site) else { continue }
      let t = GoType.array(of: site.type, count: max(count, 1))
      let slot = allocate(t)
      siteSlots[ObjectIdentifier(site)] = slot
      code.stackObjects.append(StackObject(slot: slot, type: site.type, count: max(count, 1)))
    }
    // Maps kept in the frame: their headers and first groups.
    layoutMapSites()
    // Appends' buffers, one per slice rather than per site.
    layoutAppendBackingStores()
  }

  /// The elements a site's stack object holds (nil: the site has no fixed size).
  func stackCount(_ site: AllocationSite) -> Int? {
    switch site.kind {
    case .new, .compositeAddress: return 1
    case .make, .sliceLiteral, .stringConversion, .concatenation:
      if let n = site.constantCount { return n }
      // Go 1.25+ gives a non-escaping make of unknown size a 32-byte buffer in the frame.
      if site.type.size > 0, let buffer = session.compiler.stackBufferBytes { return buffer / site.type.size }
      return nil
    case .append:
      // An append's buffer belongs to the slice it grows (AppendBackingStores.swift).
      return nil
    case .variable: return 1
    case .makeMap: return nil  // Lowering+Maps.swift layoutMapSites
    case .closure: return 1
    case .interfaceBox: return 1
    }
  }

  // MARK: Emitting

  /// Appends an instruction at the current source span, with the pending cost.
  @discardableResult
  func emit(_ ins: Instruction) -> Int {
    var i = ins
    if pendingCost > 0 {
      let c = min(pendingCost, 255)
      i.cost = UInt8(c)
      pendingCost -= c
    }
    if layoutChanged { recordLayout() }
    code.instructions.append(i)
    code.spans.append(span)
    layoutIndex.append(currentLayout)
    return code.instructions.count - 1
  }

  private func recordLayout() {
    var bits = layout
    while let last = bits.last, last == 0 { bits.removeLast() }
    if let known = layoutKey[bits] {
      currentLayout = known
    } else {
      currentLayout = Int32(layouts.count)
      layouts.append(bits)
      layoutKey[bits] = currentLayout
    }
    layoutChanged = false
  }

  /// The next instruction's index (a jump target). A cost pending from a statement that emitted
  /// nothing is charged here first, on the path that reached it, not on every path.
  func label() -> Int {
    if pendingCost > 0 { emit(Instruction(op: .jump, a: Int32(code.instructions.count + 1))) }
    return code.instructions.count
  }

  /// Points a jump emitted earlier at `target`.
  func patch(_ at: Int, to target: Int) {
    switch code.instructions[at].op {
    case .jump, .loop: code.instructions[at].a = Int32(target)
    case .jumpIf, .jumpIfNot: code.instructions[at].b = Int32(target)
    case .nextRune: code.instructions[at].d = Int32(target)
    default: code.instructions[at].c = Int32(target)
    }
  }

  /// Starts a statement: its span and its cost.
  func beginStatement(_ s: Span) {
    span = s
    pendingCost += session.statementCost
  }

  func constant(_ v: UInt64) -> Int32 {
    if let k = code.constants.firstIndex(of: v) { return Int32(k) }
    code.constants.append(v)
    return Int32(code.constants.count - 1)
  }

  // MARK: Slots

  /// Slots for a value of type `t` at the top of the frame.
  func allocate(_ t: GoType) -> Int {
    if t.size >= FrameLimit.maxStackSize {
      // A value Go's frame never holds (FrameLimit has refused every one it would): gcsh would
      // lay it out word by word in host memory. Refused, and one slot stands in for it while
      // the rest of the function is lowered (its code is never installed).
      if errors.isEmpty { errors.append(ScriptError(.valueTooLarge(type: t.description, bytes: t.size), at: span)) }
      return allocate(pointers: [false])
    }
    return allocate(pointers: pointerWords(t))
  }

  /// A size or count as an instruction's 32-bit operand; past it (only in a function that
  /// `allocate` has refused, or a slice of elements of 2 GiB or more), the function is refused
  /// with the value's size instead of trapping.
  func operand(_ n: Int, of t: GoType) -> Int32 {
    if let v = Int32(exactly: n) { return v }
    if errors.isEmpty { errors.append(ScriptError(.valueTooLarge(type: t.description, bytes: t.size), at: span)) }
    return 0
  }

  /// A memory place whose offset fits an instruction's 32-bit operand: a larger one (a field or
  /// constant index past 2 GiB into an object on the heap) becomes its own address, computed
  /// with 64-bit arithmetic after the nil check `offsetAddress` makes.
  func fitted(_ p: Place) -> Place {
    guard case .memory(let a, let off) = p, Int32(exactly: off) == nil else { return p }
    let address = allocate(.uintptr)
    let delta = allocate(.int)
    emit(Instruction(op: .offsetAddress, a: Int32(address), b: Int32(a), c: 0))
    integerConstant(Int64(off), into: delta)
    emit(Instruction(op: .add, a: Int32(address), b: Int32(address), c: Int32(delta)))
    return .memory(address, 0)
  }

  /// s[a] = the address of element s[ix] of the slice at s[s..] (bounds checked), elements of
  /// `size` bytes: one elementAddress, or past its 32-bit size operand the bounds check with
  /// size 0 (the slice's base) plus ix * size in 64-bit arithmetic.
  func elementAddress(into a: Int, slice s: Int, index ix: Int, size: Int) {
    if let d = Int32(exactly: size) {
      emit(Instruction(op: .elementAddress, a: Int32(a), b: Int32(s), c: Int32(ix), d: d))
      return
    }
    withTemporaries {
      let delta = allocate(.int)
      emit(Instruction(op: .elementAddress, a: Int32(a), b: Int32(s), c: Int32(ix), d: 0))
      integerConstant(Int64(size), into: delta)
      emit(Instruction(op: .mul, a: Int32(delta), b: Int32(ix), c: Int32(delta)))
      emit(Instruction(op: .add, a: Int32(a), b: Int32(a), c: Int32(delta)))
    }
  }

  /// memmove of `bytes` from the address in `src` to the address in `dst` (both nil-checked by
  /// the caller): one copyBlock, or past its 32-bit size operand the `copy` of two []byte views.
  func memmove(to dst: Int, from src: Int, bytes: Int) {
    if let n = Int32(exactly: bytes) {
      emit(Instruction(op: .copyBlock, a: Int32(dst), b: Int32(src), c: n))
      return
    }
    withTemporaries {
      let to = allocate(.slice(of: .uint8))
      let from = allocate(.slice(of: .uint8))
      let copied = allocate(.int)
      emit(Instruction(op: .move, a: Int32(to), b: Int32(dst)))
      emit(Instruction(op: .move, a: Int32(from), b: Int32(src)))
      integerConstant(Int64(bytes), into: to + 1)
      integerConstant(Int64(bytes), into: from + 1)
      emit(Instruction(op: .copy, a: Int32(copied), b: Int32(to), c: Int32(from), d: 1))
    }
  }

  func allocate(pointers: [Bool]) -> Int {
    let slot = top
    top += pointers.count
    let words = (top + 63) >> 6
    if layout.count < words { layout += repeatElement(0, count: words - layout.count) }
    var k = slot
    for p in pointers {
      if p { layout[k >> 6] |= 1 << UInt64(k & 63) }
      k += 1
    }
    code.frameSize = max(code.frameSize, top)
    layoutChanged = true
    return slot
  }

  /// Releases every slot from `mark` up (the end of a statement or a block).
  func release(to mark: Int) {
    guard mark < top else { return }
    clearBits(&layout, mark..<top)
    top = mark
    layoutChanged = true
  }

  /// Runs `body` and releases the temporaries it allocated.
  func withTemporaries<T>(_ body: () -> T) -> T {
    let mark = top
    defer { release(to: mark) }
    return body()
  }

  // MARK: Moving values

  /// Copies `words` slots (no instruction when source and destination are the same).
  func move(_ t: GoType, from src: Int, to dst: Int) {
    if src == dst { return }
    if t.words == 1 {
      emit(Instruction(op: .move, a: Int32(dst), b: Int32(src)))
    } else {
      emit(Instruction(op: .moveWords, a: Int32(dst), b: Int32(src), c: operand(t.words, of: t)))
    }
  }

  /// The load of a scalar of type `t` from memory: the opcode.
  func loadOp(_ t: GoType) -> Opcode? {
    switch t.kind {
    case .bool: return .load1U
    case .int(let bits, let signed):
      switch bits {
      case 8: return signed ? .load1S : .load1U
      case 16: return signed ? .load2S : .load2U
      case 32: return signed ? .load4S : .load4U
      default: return .load8
      }
    case .uintptr, .pointer, .map: return .load8
    case .float(let bits): return bits == 32 ? .loadF32 : .load8
    default: return nil
    }
  }

  func storeOp(_ t: GoType) -> Opcode? {
    switch t.kind {
    case .bool: return .store1
    case .int(let bits, _):
      switch bits {
      case 8: return .store1
      case 16: return .store2
      case 32: return .store4
      default: return .store8
      }
    case .uintptr, .pointer, .map: return .store8
    case .float(let bits): return bits == 32 ? .storeF32 : .store8
    default: return nil
    }
  }

  /// Whether a value of type `t` is one normalised slot (a scalar or a pointer).
  func isScalar(_ t: GoType) -> Bool { loadOp(t) != nil }

  /// Loads the value at `place` into `dst`.
  func load(_ t: GoType, from place: Place, to dst: Int) {
    switch fitted(place) {
    case .slots(let s): move(t, from: s, to: dst)
    case .global(let g):
      emit(Instruction(op: .loadGlobal, a: Int32(dst), b: Int32(g), c: operand(t.words, of: t)))
      normalise(t, dst)
    case .memory(let addr, let off):
      if let op = loadOp(t) {
        emit(Instruction(op: op, a: Int32(dst), b: Int32(addr), c: Int32(off)))
      } else if t.size > 0 {
        emit(Instruction(op: .loadBlock, a: Int32(dst), b: Int32(addr), c: Int32(off), d: operand(t.size, of: t)))
      } else {
        emit(Instruction(op: .nilCheck, a: Int32(addr)))
      }
    }
  }

  /// Stores the value in `src` to `place`.
  func store(_ t: GoType, from src: Int, to place: Place) {
    switch fitted(place) {
    case .slots(let s): move(t, from: src, to: s)
    case .global(let g): emit(Instruction(op: .storeGlobal, a: Int32(g), b: Int32(src), c: operand(t.words, of: t)))
    case .memory(let addr, let off):
      if let op = storeOp(t) {
        emit(Instruction(op: op, a: Int32(src), b: Int32(addr), c: Int32(off)))
      } else if t.size > 0 {
        emit(Instruction(op: .storeBlock, a: Int32(src), b: Int32(addr), c: Int32(off), d: operand(t.size, of: t)))
      } else {
        emit(Instruction(op: .nilCheck, a: Int32(addr)))
      }
    }
  }

  /// A sub-word integer or bool read from a global slot written through memory has stale upper
  /// bytes: re-normalise it.
  func normalise(_ t: GoType, _ slot: Int) {
    if case .int(let bits, let signed) = t.kind, bits < 64 {
      emit(Instruction(op: .extend, a: Int32(slot), b: Int32(slot), c: Int32(bits), d: signed ? 1 : 0))
    } else if case .bool = t.kind {
      emit(Instruction(op: .extend, a: Int32(slot), b: Int32(slot), c: 8, d: 0))
    }
  }

  /// A heap object for a variable moved to the heap or a `new(T)`.
  func newObject(_ t: GoType, into dst: Int, site: AllocationSite?) {
    let s = site ?? AllocationSite(kind: .variable, span: span, type: t, text: "")
    code.allocations.append(AllocationDesc(kind: .object, type: t, stackSlot: nil, stackCapacity: nil, site: s))
    emit(Instruction(op: .allocate, a: Int32(dst), b: Int32(code.allocations.count - 1)))
  }
}
