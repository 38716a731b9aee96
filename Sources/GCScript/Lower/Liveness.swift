// Liveness: which slots hold a value that will still be used, at every instruction — the stack
// maps of cmd/compile/internal/liveness/plive.go, for the VM's frames.
//
// A slot is live before an instruction if the instruction reads it, or if it is live after the
// instruction and the instruction does not write it (the classic backward dataflow over the
// control-flow graph, iterated to a fixed point). The collector treats a frame's slot as a root
// exactly when it is live before the instruction the frame is executing and it holds a pointer
// there (the layout lowering recorded). So a local stops keeping its object alive after its last
// use — the reason runtime.KeepAlive exists — and a slot being overwritten by the instruction
// (the destination of an allocation) does not keep its old object alive during it.

import GoHeap

struct Liveness {
  let code: CodeObject
  let layouts: [[UInt64]]
  let layoutIndex: [Int32]

  /// The slots an instruction reads and writes.
  func effects(_ ins: Instruction) -> (uses: [Range<Int>], defs: [Range<Int>]) {
    let a = Int(ins.a), b = Int(ins.b), c = Int(ins.c), d = Int(ins.d)
    func r(_ s: Int, _ n: Int = 1) -> Range<Int> { s..<(s + max(0, n)) }
    switch ins.op {
    case .move: return ([r(b)], [r(a)])
    case .moveWords: return ([r(b, c)], [r(a, c)])
    case .constant, .immediate, .globalAddress: return ([], [r(a)])
    case .zero: return ([], [r(a, b)])
    case .loadGlobal: return ([], [r(a, c)])
    case .storeGlobal: return ([r(b, c)], [])
    case .add, .sub, .mul, .and, .or, .xor, .andNot, .divS, .divU, .remS, .remU, .shl, .shrS, .shrU,
      .eq, .ne, .ltS, .leS, .ltU, .leU, .fadd, .fsub, .fmul, .fdiv, .feq, .fne, .flt, .fle:
      return ([r(b), r(c)], [r(a)])
    case .addImm, .subImm, .mulImm, .andImm, .divSImm, .remSImm, .divUImm, .remUImm, .neg, .complement, .not, .extend, .eqImm, .neImm, .ltSImm,
      .leSImm, .gtSImm, .geSImm, .fneg, .roundF32, .intToFloat, .uintToFloat, .floatToInt,
      .floatToUint, .offsetAddress:
      return ([r(b)], [r(a)])
    case .strEq, .strNe, .strLt, .strLe: return ([r(b, 2), r(c, 2)], [r(a)])
    case .aggEqMemory: return ([r(b), r(c)], [r(a)])
    case .aggEq:
      let w = code.equalities[d].words
      return ([r(b, w), r(c, w)], [r(a)])
    case .concat: return (code.concats[b].operands.map { r($0, 2) }, [r(a, 2)])
    case .strIndex: return ([r(b, 2), r(c)], [r(a)])
    case .jump, .loop, .narrate: return ([], [])
    case .jumpIf, .jumpIfNot, .nilCheck: return ([r(a)], [])
    case .brLtS, .brLeS, .brEq, .brNe: return ([r(a), r(b)], [])
    case .brLtSImm, .brGeSImm, .brEqImm, .brNeImm: return ([r(a)], [])
    case .load1S, .load1U, .load2S, .load2U, .load4S, .load4U, .load8, .loadF32: return ([r(b)], [r(a)])
    case .store1, .store2, .store4, .store8, .storeF32: return ([r(a), r(b)], [])
    case .loadBlock: return ([r(b)], [r(a, (d + 7) / 8)])
    case .storeBlock: return ([r(a, (d + 7) / 8), r(b)], [])
    case .copyBlock: return ([r(a), r(b)], [])
    case .clearBlock: return ([r(a)], [])
    case .frameAddress: return ([r(b, max(c, 1))], [r(a)])
    case .elementAddress, .loadElem1S, .loadElem1U, .loadElem2S, .loadElem2U, .loadElem4S,
      .loadElem4U, .loadElem8, .loadElemF32:
      return ([r(b, 3), r(c)], [r(a)])
    case .storeElem1, .storeElem2, .storeElem4, .storeElem8, .storeElemF32: return ([r(a), r(b, 3), r(c)], [])
    case .arrayElementAddress: return ([r(b), r(c)], [r(a)])
    case .sliceToArrayPointer: return ([r(b, 3)], [r(a)])
    case .slice:
      let desc = code.slices[c]
      let baseWords: Int
      switch desc.base {
      case .slice: baseWords = 3
      case .string: baseWords = 2
      case .array: baseWords = 1
      }
      let bounds = [desc.lo, desc.hi, desc.max].compactMap { $0 }.map { r($0) }
      let isString: Bool
      if case .string = desc.base { isString = true } else { isString = false }
      return ([r(b, baseWords)] + bounds, [r(a, isString ? 2 : 3)])
    case .allocate:
      let desc = code.allocations[b]
      var uses: [Range<Int>] = []
      if case .makeSlice(let len, let cap) = desc.kind {
        uses.append(r(len))
        if let cap { uses.append(r(cap)) }
      }
      return (uses, [r(a, desc.resultWords)])
    case .append:
      let desc = code.appends[c]
      var uses = [r(b, 3)] + desc.values.map { r($0, desc.elem.words) }
      if let s = desc.spread { uses.append(r(s, desc.spreadIsString ? 2 : 3)) }
      return (uses, [r(a, 3)])
    case .moveToHeap: return ([r(a, 3)], [r(a, 3)])
    case .copy: return ([r(b, 3), r(c, d < 0 ? 2 : 3)], [r(a)])
    case .clear: return ([r(a, 3)], [])
    case .fill:
      let f = code.fills[a]
      return ([r(f.slice, 3), r(f.lo), r(f.hi), r(f.value, f.elem.words), r(f.counter)], [r(f.counter)])
    case .convertString:
      let desc = code.conversions[b]
      switch desc.kind {
      case .bytesToString, .runesToString: return ([r(c, 3)], [r(a, 2)])
      case .stringToBytes, .stringToRunes: return ([r(c, 2)], [r(a, 3)])
      case .runeToString: return ([r(c)], [r(a, 2)])
      }
    case .call: return ([r(b + d, c - d)], [r(b, d)])
    // The funcval is read by the call; the literal's prologue has copied what it needs from
    // it before anything can collect.
    case .callValue: return ([r(a), r(b + d, c - d)], [r(b, d)])
    case .makeInterface: return ([r(b, code.interfaceOps[c].from.words)], [r(a, 2)])
    case .typeAssert: return ([r(b, 2)], [r(a, code.interfaceOps[c].resultWords)])
    case .ifaceEq: return ([r(b, 2), r(c, 2)], [r(a)])
    case .callInterface: return ([r(a, 2), r(b + (d & 0xFFFF), c - (d & 0xFFFF))], [r(b, d & 0xFFFF)])
    case .closureContext: return ([], [r(a)])
    case .ret: return ([r(a, b)], [])
    case .builtin:
      let desc = code.builtins[a]
      let uses = desc.args.map { r($0.slot, $0.type.words) }
      let defs = desc.result.map { [r($0, desc.resultWords)] } ?? []
      var roots: [Range<Int>] = []
      if case .roots(let vars) = desc.kind {
        for v in vars {
          switch v.location {
          case .slots(let s): roots.append(r(s, v.type.words))
          case .heap(let s): roots.append(r(s))
          case .global: break
          }
        }
      }
      return (uses + roots, defs)
    case .nextRune: return ([r(b, 2), r(c)], [r(a), r(c)])
    case .mapOp:
      let desc = code.mapOps[b]
      let L = desc.layout
      switch desc.kind {
      case .make(let hint, _, _): return (hint.map { [r($0)] } ?? [], [r(a)])
      case .access(let m, let k, let ok):
        return ([r(m), r(k, L.key.words)], [r(a, L.elem.words)] + (ok.map { [r($0)] } ?? []))
      case .assign(let m, let k): return ([r(m), r(k, L.key.words)], [r(a)])
      case .delete(let m, let k): return ([r(m), r(k, L.key.words)], [])
      case .clear(let m): return ([r(m)], [])
      case .len(let m): return ([r(m)], [r(a)])
      case .iterInit(let m, let it): return ([r(m)], [r(it, MapIter.words)])
      case .iterNext(let it): return ([r(it, MapIter.words)], [])
      }
    }
  }

  /// Where control can go after an instruction.
  func successors(_ pc: Int) -> [Int] {
    let ins = code.instructions[pc]
    switch ins.op {
    case .jump, .loop: return [Int(ins.a)]
    case .jumpIf, .jumpIfNot: return [Int(ins.b), pc + 1]
    case .brLtS, .brLeS, .brEq, .brNe, .brLtSImm, .brGeSImm, .brEqImm, .brNeImm: return [Int(ins.c), pc + 1]
    case .nextRune: return [Int(ins.d), pc + 1]
    case .mapOp:
      if case .iterNext = code.mapOps[Int(ins.b)].kind { return [Int(ins.c), pc + 1] }
      return pc + 1 < code.instructions.count ? [pc + 1] : []
    case .ret: return []
    default: return pc + 1 < code.instructions.count ? [pc + 1] : []
    }
  }

  /// Fills the code's stack maps: live-before ∩ pointer layout, per instruction.
  func computeStackMaps() {
    let n = code.instructions.count
    let words = (code.frameSize + 63) / 64
    var liveIn = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: n)
    let effects = code.instructions.map { self.effects($0) }
    let succ = (0..<n).map { successors($0) }
    // Slots at or above frameSize (a range past the frame) are dropped, as the layout has none.
    let frame = 0..<code.frameSize
    var changed = true
    while changed {
      changed = false
      for pc in stride(from: n - 1, through: 0, by: -1) {
        var out = [UInt64](repeating: 0, count: words)
        for s in succ[pc] where s < n {
          for k in 0..<words { out[k] |= liveIn[s][k] }
        }
        for d in effects[pc].defs { clearBits(&out, d.clamped(to: frame)) }
        for u in effects[pc].uses { setBits(&out, u.clamped(to: frame)) }
        if out != liveIn[pc] {
          liveIn[pc] = out
          changed = true
        }
      }
    }
    var index: [[UInt64]: Int32] = [:]
    code.stackMaps = []
    code.stackMapIndex = []
    for pc in 0..<n {
      let layout = layouts[Int(layoutIndex[pc])]
      var map = liveIn[pc]
      for k in 0..<words { map[k] &= k < layout.count ? layout[k] : 0 }
      while let last = map.last, last == 0 { map.removeLast() }
      if let known = index[map] {
        code.stackMapIndex.append(known)
      } else {
        let k = Int32(code.stackMaps.count)
        code.stackMaps.append(map)
        index[map] = k
        code.stackMapIndex.append(k)
      }
    }
  }
}
