// Frame backing stores of appends, and moving them to the heap (Go 1.26+): what the code
// ssagen generates around growslice does (ssa.go append, move2heap), and the runtime functions
// it calls (runtime/slice.go growsliceBuf, moveSlice, moveSliceNoScan, moveSliceNoCap,
// moveSliceNoCapNoScan). Lower/AppendBackingStores.swift decides which append uses which
// strategy; Escape/SliceMoveToHeap.swift where the moves go.

import GoHeap

extension VM {
  /// The backing store a growing append takes from its frame buffer, if it takes one:
  /// (address, new capacity), with the old elements already in place. Nil: growslice.
  /// `s` is the frame, `oldPtr`/`oldLen`/`oldCap` the slice being grown.
  func frameBackingStore(
    _ buffer: AppendBuffer, _ elem: GoType, _ s: UnsafeMutablePointer<UInt64>,
    oldPtr: Address, oldLen: Int, newLen: Int
  ) throws -> (Address, Int)? {
    let base = frames[frames.count - 1].base
    switch buffer {
    case .none:
      return nil
    case .whole(let store, let count, let used):
      // ssa.go append: if newLen <= K && !used && oldLen == 0 { s = store[:newLen:K]; used = true }
      guard newLen <= count, s[used] == 0, oldLen == 0 else { return nil }
      (stack + base + store).update(repeating: 0, count: (count * elem.size + 7) / 8)
      s[used] = 1
      return (frameAddress(base + store), count)
    case .sizeClasses(let store, let count):
      // growsliceBuf: beyond the buffer, a plain growslice.
      guard newLen <= count else { return nil }
      let buf = frameAddress(base + store)
      if oldPtr != buf && oldLen != 0 {
        // Move the elements to the start of the buffer (stack memory: no write barrier).
        try copyMemory(to: buf, from: oldPtr, oldLen * elem.size)
      }
      // One size class at a time, not doubling: what the buffer holds is what a later
      // moveSlice copies to the heap, and it should waste nothing there.
      let newCap = heap.roundupsize(newLen * elem.size, noscan: !elem.hasPointers) / elem.size
      // Zero beyond newLen (the append overwrites [oldLen, newLen)).
      if newLen < newCap { try clearMemory(buf &+ UInt64(newLen * elem.size), (newCap - newLen) * elem.size) }
      return (buf, newCap)
    }
  }

  /// s[a..a+3] = move2heap(s[a..]) (ssa.go move2heap): a slice whose data pointer is in the
  /// running function's frame gets a heap copy (runtime moveSlice and its variants); any
  /// other slice — on the heap already, in a caller's frame, nil — is left as it is.
  func moveToHeap(_ desc: MoveToHeapDesc, slot a: Int) throws {
    let f = frames[frames.count - 1]
    let frameStart = frameAddress(f.base)
    let frameEnd = frameAddress(f.base + session.functions[f.function].frameSize)
    var s = stack + f.base
    let old = s[a]
    guard old >= frameStart && old < frameEnd else { return }
    let len = Int(s[a + 1])
    let elem = desc.elem
    let noscan = !elem.hasPointers
    // The new array: cap elements (moveSlice, moveSliceNoScan), or the size class above the
    // length (moveSliceNoCap: heap.roundupsize(lenmem, false); NoScan: mallocgc(capmem) and cap =
    // capmem / elemSize).
    let count = desc.preserveCapacity ? Int(s[a + 2]) : len
    if count == 0 {
      s[a] = GoRuntime.zeroBaseAddress
      s[a + 1] = 0
      s[a + 2] = 0
      return
    }
    let bytes = desc.preserveCapacity ? count * elem.size : heap.roundupsize(len * elem.size, noscan: noscan)
    let cap = desc.preserveCapacity ? count : bytes / elem.size
    // mallocgc(capmem, nil, false) allocates the bytes; a pointerful array is typed, cap elements.
    let new = noscan ? try heap.allocate(.uint8, count: bytes) : try heap.allocate(elem, count: cap)
    inFlight.append(new)
    defer { inFlight.removeLast() }
    try copyMemory(to: new, from: old, (desc.preserveCapacity ? cap : len) * elem.size)
    s = stack + f.base
    s[a] = new
    s[a + 2] = UInt64(cap)
  }

  // MARK: Checks (debug builds)

  /// The innermost frame's result, in its first slots as `ret` leaves it, points into that
  /// frame: it would dangle once the frame is popped. Escape analysis keeps every frame object
  /// whose address can be returned off the stack, and the move2heap pass moves a returned
  /// slice's buffer out before `return` (Escape/SliceMoveToHeap.swift); this checks both.
  func resultPointsIntoFrame() -> Bool {
    let f = frames[frames.count - 1]
    let code = session.functions[f.function]
    let start = frameAddress(f.base)
    let end = frameAddress(f.base + code.frameSize)
    return code.resultPointers.indices.contains { k in
      code.resultPointers[k] && stack[f.base + k] >= start && stack[f.base + k] < end
    }
  }

  /// Global slots `g ..< g + count` hold a pointer into the stack: a global outlives every
  /// frame (the same invariant, for `gEsc = s`).
  func globalPointsIntoStack(_ g: Int, _ count: Int) -> Bool {
    let pointers = session.globalPointers
    return (g..<min(g + count, pointers.count)).contains { pointers[$0] && globals[$0] >= AddressSpace.stackBase }
  }

  /// The address of a stack slot.
  @inline(__always)
  func frameAddress(_ slot: Int) -> Address { AddressSpace.stackBase + UInt64(slot * 8) }
}
