// Go 1.24+ maps: a port of internal/runtime/maps (map.go, table.go, group.go, runtime.go and
// the _fast32/_fast64/_faststr variants of Go 1.27.3), operating on the map's memory in the
// simulated heap (or, for a map that does not escape, in its frame), through GoHeap.
//
// The structure, as the runtime lays it out:
//   - the Map header (48 B): used, seed, dirPtr, dirLen, globalDepth, globalShift, writing,
//     tombstonePossible, clearSeq;
//   - a small map (at most 8 entries ever) is one group: dirPtr points at it, dirLen is 0;
//   - a group is a control word (one byte per slot: 0x80 empty, 0xFE deleted, else the low 7
//     bits of the hash, H2) and 8 slots of key and element;
//   - a full-size map has a directory (an array of 1 << globalDepth *table) of tables; a table
//     (32 B) owns an array of groups (a power of two, at most 1024 slots), probed quadratically
//     from H1 (the hash's upper 57 bits); the directory is indexed by the hash's top
//     globalDepth bits, and several entries may share a table (extendible hashing).
//
// Growth: a table may be filled to 7/8 of its slots (one slot less for a one-group table); the
// insert that finds no room left rehashes it — into a new table of twice the capacity while
// that is at most 1024 slots, else into two tables of 1024 (a split), doubling the directory
// when the table was already at the directory's depth. The old table's groups become garbage;
// so does an old directory. A delete leaves a tombstone (0xFE) in a group with no empty slot
// and marks the slot empty otherwise; nothing ever shrinks: a map that held a million entries
// keeps its tables after every entry is deleted or cleared, until the map itself is garbage.
//
// Only the iteration order differs: Go starts each range at random offsets; gcsh starts at 0
// (the directory's first table, each table's first slot), so programs print alike every run.

import GoHeap

/// Field offsets of internal/runtime/maps.Map and table (reflectdata/map.go), and constants.
enum Swiss {
  // Map.
  static let used = 0, seed = 8, dirPtr = 16, dirLen = 24, globalDepth = 32, globalShift = 33
  static let tombstonePossible = 35, clearSeq = 40
  // table.
  static let tUsed = 0, tCapacity = 2, tGrowthLeft = 4, tLocalDepth = 6, tIndex = 8
  static let tGroups = 16, tLengthMask = 24
  /// abi.MapGroupSlots, maxTableCapacity, maxAvgGroupLoad.
  static let slots = 8, maxTableCapacity = 1024, maxAvgGroupLoad = 7
  static let ctrlEmpty: UInt64 = 0x80, ctrlDeleted: UInt64 = 0xFE
  static let bitsetLSB: UInt64 = 0x0101_0101_0101_0101
  static let bitsetMSB: UInt64 = 0x8080_8080_8080_8080
  static let bitsetEmpty: UInt64 = bitsetLSB &* 0x80
  /// malloc.go maxAlloc on linux/amd64 (heapAddrBits 48).
  static let maxAlloc = 1 << 48

  // group.go's control-word matches (amd64's SIMD forms are exact; so are these). A bitset has
  // 0x80 in the byte of each slot in the set.
  @inline(__always) static func matchH2(_ ctrl: UInt64, _ h2: UInt64) -> UInt64 {
    var out: UInt64 = 0
    for i in 0..<8 where (ctrl >> UInt64(8 * i)) & 0xFF == h2 { out |= 0x80 << UInt64(8 * i) }
    return out
  }
  @inline(__always) static func matchEmpty(_ v: UInt64) -> UInt64 { (v & ~(v << 6)) & bitsetMSB }
  @inline(__always) static func matchEmptyOrDeleted(_ v: UInt64) -> UInt64 { v & bitsetMSB }
  @inline(__always) static func matchFull(_ v: UInt64) -> UInt64 { ~v & bitsetMSB }
  @inline(__always) static func first(_ b: UInt64) -> Int { b.trailingZeroBitCount >> 3 }
  @inline(__always) static func removeFirst(_ b: UInt64) -> UInt64 { b & (b &- 1) }
  static func h1(_ h: UInt64) -> UInt64 { h >> 7 }
  static func h2(_ h: UInt64) -> UInt64 { h & 0x7f }
  /// alignUpPow2.
  static func alignUpPow2(_ n: Int) -> Int { n <= 1 ? n : 1 << (64 - (n - 1).leadingZeroBitCount) }
}

/// Where a key is: in the caller's slots (an argument), or in memory (a slot of a group).
struct MapKey {
  let source: ValueSource
  let topLevel: Bool
  static func slots(_ p: UnsafeMutablePointer<UInt64>) -> MapKey { MapKey(source: .slots(p), topLevel: true) }
  static func memory(_ a: Address) -> MapKey { MapKey(source: .memory(a), topLevel: false) }
}

extension VM {
  // MARK: Memory helpers

  @inline(__always) func ld(_ a: Address, _ off: Int, _ size: Int = 8) throws -> UInt64 {
    try load(a &+ UInt64(off), size)
  }
  @inline(__always) func st(_ a: Address, _ off: Int, _ v: UInt64, _ size: Int = 8) throws {
    try store(a &+ UInt64(off), v, size)
  }

  func swissGroup(_ L: MapLayout, _ groups: Address, _ i: UInt64) -> Address {
    groups &+ i &* UInt64(L.group.size)
  }
  func slotKey(_ L: MapLayout, _ g: Address, _ i: Int) -> Address { g &+ UInt64(L.keysOff + i * L.keyStride) }
  func slotElem(_ L: MapLayout, _ g: Address, _ i: Int) -> Address { g &+ UInt64(L.elemsOff + i * L.elemStride) }
  func ctrl(_ g: Address) throws -> UInt64 { try load(g, 8) }
  func setCtrl(_ g: Address, _ i: Int, _ c: UInt64) throws { try store(g &+ UInt64(i), c, 1) }

  /// The key stored in a slot (behind its pointer for an indirect key).
  func storedKey(_ L: MapLayout, _ slot: Address) throws -> MapKey {
    L.indirectKey ? .memory(try load(slot, 8)) : .memory(slot)
  }
  func storedElem(_ L: MapLayout, _ slot: Address) throws -> Address {
    L.indirectElem ? try load(slot, 8) : slot
  }

  /// A key that is one 64-bit word (int, uint64, a pointer): its bits, hashed and compared as
  /// hashKey and keysEqual would, without their walk over the type.
  @inline(__always) func keyWord(_ key: MapKey) throws -> UInt64 {
    switch key.source {
    case .slots(let p): return p[0]
    case .memory(let a): return try load(a, 8)
    }
  }
  func keyHash(_ L: MapLayout, _ key: MapKey, seed: UInt64) throws -> UInt64 {
    if L.wordKey { return Self.mix(Self.mix(seed ^ (try keyWord(key)))) }
    return try hashKey(L.key, key.source, seed: seed)
  }
  func keyEquals(_ L: MapLayout, _ a: MapKey, _ b: MapKey) throws -> Bool {
    if L.wordKey { return try keyWord(a) == keyWord(b) }
    return try keysEqual(L.key, a.source, a.topLevel, b.source, b.topLevel)
  }

  /// typedmemmove of a key into a key slot.
  func writeKey(_ L: MapLayout, _ key: MapKey, to dst: Address) throws {
    switch key.source {
    case .slots(let p): try storeValue(L.key, from: p, to: dst)
    case .memory(let a): try moveValue(to: dst, from: a, L.key.size)
    }
  }

  // MARK: NewMap (map.go), makemap (runtime/map.go)

  /// makemap / makemap_small / the compiler's stack map: the header is `header` when the
  /// compiler put it in the frame (its group, if any, already set up), else a new heap object;
  /// a hint above 8 allocates the directory and tables at once (NewMap).
  func swissMakeMap(_ L: MapLayout, hint h: Int, header: Address?) throws -> Address {
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    let m = try header ?? mapAllocate(L.header)
    try st(m, Swiss.seed, mapRandom())
    let hint = max(h, 0)
    if hint <= Swiss.slots { return m }
    // Set initial capacity to hold hint entries without growing in the average case.
    let (product, overflow) = hint.multipliedReportingOverflow(by: Swiss.slots)
    if overflow { return m }
    let targetCapacity = product / Swiss.maxAvgGroupLoad
    if targetCapacity < hint { return m }
    let dirSize = Swiss.alignUpPow2((targetCapacity + Swiss.maxTableCapacity - 1) / Swiss.maxTableCapacity)
    // Reject hints that are obviously too large.
    let (groups, o1) = dirSize.multipliedReportingOverflow(by: Swiss.maxTableCapacity)
    let (mem, o2) = groups.multipliedReportingOverflow(by: L.group.size)
    if o1 || o2 || mem > Swiss.maxAlloc { return m }
    let depth = dirSize.trailingZeroBitCount
    try st(m, Swiss.globalDepth, UInt64(depth), 1)
    try st(m, Swiss.globalShift, UInt64(64 - depth), 1)
    let directory = try mapAllocate(L.tablePointer, count: dirSize)
    for i in 0..<dirSize {
      let t = try newTable(L, capacity: targetCapacity / dirSize, index: i, localDepth: depth)
      try st(directory, 8 * i, t)
    }
    try st(m, Swiss.dirPtr, directory)
    try st(m, Swiss.dirLen, UInt64(dirSize))
    return m
  }

  /// newTable and table.reset (table.go): a table object and its groups, every control word
  /// empty.
  func newTable(_ L: MapLayout, capacity c: Int, index: Int, localDepth: Int) throws -> Address {
    let capacity = Swiss.alignUpPow2(max(c, Swiss.slots))
    precondition(capacity <= Swiss.maxTableCapacity, "initial table capacity too large")
    let t = try mapAllocate(L.table)
    try st(t, Swiss.tIndex, UInt64(bitPattern: Int64(index)))
    try st(t, Swiss.tLocalDepth, UInt64(localDepth), 1)
    let groupCount = capacity / Swiss.slots
    let groups = try mapAllocate(L.group, count: groupCount)
    try st(t, Swiss.tGroups, groups)
    try st(t, Swiss.tLengthMask, UInt64(groupCount - 1))
    try st(t, Swiss.tCapacity, UInt64(capacity), 2)
    try st(t, Swiss.tGrowthLeft, UInt64(Self.maxGrowthLeft(capacity)), 2)
    for i in 0..<groupCount { try st(swissGroup(L, groups, UInt64(i)), 0, Swiss.bitsetEmpty) }
    return t
  }

  /// maxGrowthLeft: inserts before a rehash, from empty — all slots but one in a one-group
  /// table (a probe must end at an empty slot), else 7/8.
  static func maxGrowthLeft(_ capacity: Int) -> Int {
    capacity <= Swiss.slots ? capacity - 1 : capacity * Swiss.maxAvgGroupLoad / Swiss.slots
  }

  // MARK: Directory

  func directoryAt(_ m: Address, _ i: UInt64) throws -> Address {
    try load(try ld(m, Swiss.dirPtr) &+ 8 &* i, 8)
  }
  func directoryIndex(_ m: Address, _ hash: UInt64) throws -> UInt64 {
    if try ld(m, Swiss.dirLen) == 1 { return 0 }
    return hash >> (try ld(m, Swiss.globalShift, 1) & 63)
  }

  /// Map.replaceTable: every directory entry of the table's range points at it.
  func replaceTable(_ m: Address, _ nt: Address) throws {
    let entries = 1 << (Int(try ld(m, Swiss.globalDepth, 1)) - Int(try ld(nt, Swiss.tLocalDepth, 1)))
    let index = Int(Int64(bitPattern: try ld(nt, Swiss.tIndex)))
    let dir = try ld(m, Swiss.dirPtr)
    for i in 0..<entries { try st(dir, 8 * (index + i), nt) }
  }

  /// Map.installTableSplit: the directory doubles when the old table was at its depth.
  func installTableSplit(_ L: MapLayout, _ m: Address, old: Address, left: Address, right: Address) throws {
    let globalDepth = Int(try ld(m, Swiss.globalDepth, 1))
    if Int(try ld(old, Swiss.tLocalDepth, 1)) == globalDepth {
      let dirLen = Int(try ld(m, Swiss.dirLen))
      let newDir = try mapAllocate(L.tablePointer, count: dirLen * 2)
      for i in 0..<dirLen {
        let t = try directoryAt(m, UInt64(i))
        try st(newDir, 16 * i, t)
        try st(newDir, 16 * i + 8, t)
        if Int(Int64(bitPattern: try ld(t, Swiss.tIndex))) == i { try st(t, Swiss.tIndex, UInt64(2 * i)) }
      }
      try st(m, Swiss.globalDepth, UInt64(globalDepth + 1), 1)
      try st(m, Swiss.globalShift, UInt64(64 - globalDepth - 1), 1)
      try st(m, Swiss.dirPtr, newDir)
      try st(m, Swiss.dirLen, UInt64(dirLen * 2))
    }
    try st(left, Swiss.tIndex, try ld(old, Swiss.tIndex))
    try replaceTable(m, left)
    let entries = 1 << (Int(try ld(m, Swiss.globalDepth, 1)) - Int(try ld(left, Swiss.tLocalDepth, 1)))
    try st(right, Swiss.tIndex, try ld(left, Swiss.tIndex) &+ UInt64(entries))
    try replaceTable(m, right)
  }

  // MARK: Lookup (runtime_mapaccess2, getWithKey)

  /// The slot of `key`'s key and element, or nil (mapaccess2: a nil or empty map finds
  /// nothing).
  func swissFind(_ L: MapLayout, _ m: Address, _ key: MapKey) throws -> (key: Address, elem: Address)? {
    guard m != 0, try ld(m, Swiss.used) != 0 else { return nil }
    let hash = try keyHash(L, key, seed: try ld(m, Swiss.seed))
    let found: (Address, Int)?
    if try ld(m, Swiss.dirLen) == 0 {
      let g = try ld(m, Swiss.dirPtr)
      found = try matchInGroup(L, g, hash, key).map { (g, $0) }
    } else {
      found = try tableLocate(L, try directoryAt(m, try directoryIndex(m, hash)), hash, key)
    }
    guard let (g, i) = found else { return nil }
    return (slotKey(L, g, i), try storedElem(L, slotElem(L, g, i)))
  }

  /// The slot of group g holding `key`, among those whose control byte is the hash's H2.
  func matchInGroup(_ L: MapLayout, _ g: Address, _ hash: UInt64, _ key: MapKey) throws -> Int? {
    var match = Swiss.matchH2(try ctrl(g), Swiss.h2(hash))
    while match != 0 {
      let i = Swiss.first(match)
      if try keyEquals(L, key, try storedKey(L, slotKey(L, g, i))) { return i }
      match = Swiss.removeFirst(match)
    }
    return nil
  }

  /// table.getWithKey's probe: the group and slot holding `key`, or nil once a group with an
  /// empty slot (the end of the probe sequence) did not have it.
  func tableLocate(_ L: MapLayout, _ t: Address, _ hash: UInt64, _ key: MapKey) throws -> (Address, Int)? {
    let mask = try ld(t, Swiss.tLengthMask)
    let groups = try ld(t, Swiss.tGroups)
    var offset = Swiss.h1(hash) & mask
    var index: UInt64 = 0
    while true {
      let g = swissGroup(L, groups, offset)
      if let i = try matchInGroup(L, g, hash, key) { return (g, i) }
      if Swiss.matchEmpty(try ctrl(g)) != 0 { return nil }
      index += 1
      offset = (offset &+ index) & mask
    }
  }

  // MARK: Assignment (runtime_mapassign and its fast variants)

  /// mapassign: the address of `key`'s element slot, inserting the key (and growing) if it is
  /// not there. A nil map panics.
  func swissAssign(_ L: MapLayout, _ m: Address, _ key: MapKey) throws -> Address {
    if m == 0 { throw VMTrap(kind: .goPanic("assignment to entry in nil map")) }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    let hash = try keyHash(L, key, seed: try ld(m, Swiss.seed))
    if try ld(m, Swiss.dirPtr) == 0 {
      // growToSmall: one group.
      let g = try mapAllocate(L.group)
      try st(g, 0, Swiss.bitsetEmpty)
      try st(m, Swiss.dirPtr, g)
    }
    if try ld(m, Swiss.dirLen) == 0 {
      if let elem = try putSlotSmall(L, m, hash, key) { return elem }
      // Can't fit another entry: grow to a full-size map.
      let t = try growToTable(L, m)
      let elem = try uncheckedPutSlot(L, t, hash, key: key, elem: nil)
      try st(m, Swiss.used, try ld(m, Swiss.used) &+ 1)
      return elem
    }
    outer: while true {
      let t = try directoryAt(m, try directoryIndex(m, hash))
      let mask = try ld(t, Swiss.tLengthMask)
      let groups = try ld(t, Swiss.tGroups)
      var offset = Swiss.h1(hash) & mask
      var index: UInt64 = 0
      var firstDeleted: (Address, Int)? = nil
      while true {
        var g = swissGroup(L, groups, offset)
        let c = try ctrl(g)
        if let i = try matchInGroup(L, g, hash, key) { return try existing(L, g, i, key) }
        var slot = -1
        if L.variant == .slow {
          // runtime.go runtime_mapassign: an empty slot ends the probe; a deleted one seen in a
          // full group before it is reused.
          let empty = Swiss.matchEmpty(c)
          if empty == 0 {
            if firstDeleted == nil {
              let del = Swiss.matchEmptyOrDeleted(c)
              if del != 0 { firstDeleted = (g, Swiss.first(del)) }
            }
            index += 1
            offset = (offset &+ index) & mask
            continue
          }
          slot = Swiss.first(empty)
        } else {
          // runtime_fast*.go: the group's first empty-or-deleted slot; a deleted one is
          // remembered and the probe goes on.
          let m2 = Swiss.matchEmptyOrDeleted(c)
          if m2 == 0 {
            index += 1
            offset = (offset &+ index) & mask
            continue
          }
          slot = Swiss.first(m2)
          if (c >> UInt64(8 * slot)) & 0xFF == Swiss.ctrlDeleted {
            if firstDeleted == nil { firstDeleted = (g, slot) }
            index += 1
            offset = (offset &+ index) & mask
            continue
          }
        }
        var growthLeft = try ld(t, Swiss.tGrowthLeft, 2)
        // A deleted slot found on the way is reused without consuming growthLeft.
        if let (dg, di) = firstDeleted {
          g = dg
          slot = di
          growthLeft += 1
          try st(t, Swiss.tGrowthLeft, growthLeft, 2)
        }
        // The fast variants first try to remove tombstones when there is no room left.
        if growthLeft == 0 && L.variant != .slow {
          try pruneTombstones(L, m, t)
          growthLeft = try ld(t, Swiss.tGrowthLeft, 2)
        }
        if growthLeft > 0 {
          let elem = try insert(L, g, slot, hash: hash, key: key)
          try st(t, Swiss.tGrowthLeft, growthLeft - 1, 2)
          try st(t, Swiss.tUsed, try ld(t, Swiss.tUsed, 2) + 1, 2)
          try st(m, Swiss.used, try ld(m, Swiss.used) &+ 1)
          return elem
        }
        try rehash(L, m, t)
        continue outer
      }
    }
  }

  /// An existing entry's element; a key whose equal values can differ (a float's zeros, a
  /// string's pointer) is overwritten with the new one (abi.MapNeedKeyUpdate).
  private func existing(_ L: MapLayout, _ g: Address, _ i: Int, _ key: MapKey) throws -> Address {
    if L.needKeyUpdate, case .memory(let dst) = try storedKey(L, slotKey(L, g, i)).source { try writeKey(L, key, to: dst) }
    return try storedElem(L, slotElem(L, g, i))
  }

  /// Writes a new key into slot i of group g (a new object for an indirect key or element)
  /// and marks the slot full with H2; returns the element's address.
  private func insert(_ L: MapLayout, _ g: Address, _ i: Int, hash: UInt64, key: MapKey) throws -> Address {
    let elem = try writeNewEntry(L, keySlot: slotKey(L, g, i), elemSlot: slotElem(L, g, i), key: key)
    try setCtrl(g, i, Swiss.h2(hash))
    return elem
  }

  /// A new entry's key written into its slot, and its element's address; an indirect key or
  /// element gets its own new object (newobject), the slot its pointer.
  func writeNewEntry(_ L: MapLayout, keySlot: Address, elemSlot: Address, key: MapKey) throws -> Address {
    var keyDst = keySlot
    if L.indirectKey {
      keyDst = try mapAllocate(L.key)
      try st(keySlot, 0, keyDst)
    }
    var elem = elemSlot
    if L.indirectElem {
      elem = try mapAllocate(L.elem)
      try st(elemSlot, 0, elem)
    }
    try writeKey(L, key, to: keyDst)
    return elem
  }

  /// putSlotSmall: the existing key's element, or a new entry in the group's first free slot,
  /// or nil when the group is full.
  private func putSlotSmall(_ L: MapLayout, _ m: Address, _ hash: UInt64, _ key: MapKey) throws -> Address? {
    let g = try ld(m, Swiss.dirPtr)
    if let i = try matchInGroup(L, g, hash, key) { return try existing(L, g, i, key) }
    let free = Swiss.matchEmptyOrDeleted(try ctrl(g))
    if free == 0 { return nil }
    let elem = try insert(L, g, Swiss.first(free), hash: hash, key: key)
    try st(m, Swiss.used, try ld(m, Swiss.used) &+ 1)
    return elem
  }

  /// growToTable: the small map's group moves into a new table of 16 slots, under a new
  /// one-entry directory.
  private func growToTable(_ L: MapLayout, _ m: Address) throws -> Address {
    let t = try newTable(L, capacity: 2 * Swiss.slots, index: 0, localDepth: 0)
    let g = try ld(m, Swiss.dirPtr)
    let c = try ctrl(g)
    let seed = try ld(m, Swiss.seed)
    for i in 0..<Swiss.slots where (c >> UInt64(8 * i)) & 0x80 == 0 {
      let k = try storedKey(L, slotKey(L, g, i))
      let hash = try keyHash(L, k, seed: seed)
      _ = try uncheckedPutSlot(L, t, hash, key: k, elem: (slotKey(L, g, i), slotElem(L, g, i)))
    }
    let directory = try mapAllocate(L.tablePointer)
    try st(directory, 0, t)
    try st(m, Swiss.dirPtr, directory)
    try st(m, Swiss.dirLen, 1)
    try st(m, Swiss.globalDepth, 0, 1)
    try st(m, Swiss.globalShift, 64, 1)
    return t
  }

  /// uncheckedPutSlot (and uncheckedPutSlotForAssign when `elem` is nil): a key known not to
  /// be in the table goes into the first empty or deleted slot of its probe sequence. Moving an
  /// entry (`elem` the old slot's key and element) copies the slot's stored words — for an
  /// indirect key or element, the pointer; a new key is written as mapassign writes it.
  @discardableResult
  func uncheckedPutSlot(_ L: MapLayout, _ t: Address, _ hash: UInt64, key: MapKey, elem old: (Address, Address)?) throws -> Address {
    let (g, i) = try firstFree(L, groups: try ld(t, Swiss.tGroups), mask: try ld(t, Swiss.tLengthMask), hash)
    let elemAddress: Address
    if let (oldKey, oldElem) = old {
      elemAddress = try moveEntry(L, to: (g, i), hash, key: oldKey, elem: oldElem)
    } else {
      elemAddress = try insert(L, g, i, hash: hash, key: key)
    }
    try st(t, Swiss.tGrowthLeft, try ld(t, Swiss.tGrowthLeft, 2) - 1, 2)
    try st(t, Swiss.tUsed, try ld(t, Swiss.tUsed, 2) + 1, 2)
    return elemAddress
  }

  /// The first empty or deleted slot of a hash's probe sequence.
  func firstFree(_ L: MapLayout, groups: Address, mask: UInt64, _ hash: UInt64) throws -> (Address, Int) {
    var offset = Swiss.h1(hash) & mask
    var index: UInt64 = 0
    while true {
      let g = swissGroup(L, groups, offset)
      let free = Swiss.matchEmptyOrDeleted(try ctrl(g))
      if free != 0 { return (g, Swiss.first(free)) }
      index += 1
      offset = (offset &+ index) & mask
    }
  }

  /// An existing entry's stored key and element copied into slot (g, i), marked full.
  private func moveEntry(_ L: MapLayout, to slot: (Address, Int), _ hash: UInt64, key: Address, elem: Address) throws -> Address {
    let (g, i) = slot
    try moveValue(to: slotKey(L, g, i), from: key, L.storedKey.size)
    try moveValue(to: slotElem(L, g, i), from: elem, L.storedElem.size)
    try setCtrl(g, i, Swiss.h2(hash))
    return slotElem(L, g, i)
  }

  // MARK: Growth (table.rehash, grow, split)

  /// rehash: twice the capacity while that is at most maxTableCapacity, else a split.
  func rehash(_ L: MapLayout, _ m: Address, _ t: Address) throws {
    let newCapacity = 2 * Int(try ld(t, Swiss.tCapacity, 2))
    if newCapacity <= Swiss.maxTableCapacity {
      // grow: a new table; every full slot moves into it; the old table is stale (index -1).
      let nt = try newTable(
        L, capacity: newCapacity, index: Int(Int64(bitPattern: try ld(t, Swiss.tIndex))),
        localDepth: Int(try ld(t, Swiss.tLocalDepth, 1)))
      try moveEntries(L, m, from: t) { _ in nt }
      try replaceTable(m, nt)
    } else {
      // split: two tables of maxTableCapacity, by the hash bit below the table's depth.
      let localDepth = Int(try ld(t, Swiss.tLocalDepth, 1)) + 1
      let left = try newTable(L, capacity: Swiss.maxTableCapacity, index: -1, localDepth: localDepth)
      let right = try newTable(L, capacity: Swiss.maxTableCapacity, index: -1, localDepth: localDepth)
      let bit: UInt64 = 1 << UInt64(64 - localDepth)
      try moveEntries(L, m, from: t) { $0 & bit == 0 ? left : right }
      try installTableSplit(L, m, old: t, left: left, right: right)
    }
    try st(t, Swiss.tIndex, UInt64(bitPattern: -1))
  }

  /// Every full slot of table `t`, rehashed into the table `into` picks for its hash.
  /// (Each destination's used and growthLeft are updated once, after the moves: the same
  /// result as uncheckedPutSlot's per-entry updates, which nothing reads in between.)
  private func moveEntries(_ L: MapLayout, _ m: Address, from t: Address, into: (UInt64) -> Address) throws {
    let seed = try ld(m, Swiss.seed)
    let groups = try ld(t, Swiss.tGroups)
    let mask = try ld(t, Swiss.tLengthMask)
    // One table (grow) or two (split).
    var destinations: [(table: Address, groups: Address, mask: UInt64, moved: UInt64)] = []
    for gi in 0...mask {
      let g = swissGroup(L, groups, gi)
      let c = try ctrl(g)
      for j in 0..<Swiss.slots where (c >> UInt64(8 * j)) & 0x80 == 0 {
        let k = try storedKey(L, slotKey(L, g, j))
        let hash = try keyHash(L, k, seed: seed)
        let nt = into(hash)
        var d = 0
        while d < destinations.count && destinations[d].table != nt { d += 1 }
        if d == destinations.count {
          destinations.append((nt, try ld(nt, Swiss.tGroups), try ld(nt, Swiss.tLengthMask), 0))
        }
        let slot = try firstFree(L, groups: destinations[d].groups, mask: destinations[d].mask, hash)
        _ = try moveEntry(L, to: slot, hash, key: slotKey(L, g, j), elem: slotElem(L, g, j))
        destinations[d].moved += 1
      }
    }
    for (nt, _, _, moved) in destinations {
      try st(nt, Swiss.tGrowthLeft, try ld(nt, Swiss.tGrowthLeft, 2) - moved, 2)
      try st(nt, Swiss.tUsed, try ld(nt, Swiss.tUsed, 2) + moved, 2)
    }
  }

  /// tombstones: slots deleted but still counted as occupied.
  func tombstones(_ t: Address) throws -> Int {
    let capacity = Int(try ld(t, Swiss.tCapacity, 2))
    return capacity * Swiss.maxAvgGroupLoad / Swiss.slots - Int(try ld(t, Swiss.tUsed, 2))
      - Int(try ld(t, Swiss.tGrowthLeft, 2))
  }

  /// pruneTombstones: removes the tombstones no probe sequence needs, but only when that
  /// restores at least 10% of the capacity (else the caller grows the table).
  func pruneTombstones(_ L: MapLayout, _ m: Address, _ t: Address) throws {
    let capacity = Int(try ld(t, Swiss.tCapacity, 2))
    if try tombstones(t) * 10 < capacity { return }
    let mask = try ld(t, Swiss.tLengthMask)
    let groups = try ld(t, Swiss.tGroups)
    let seed = try ld(m, Swiss.seed)
    var needed = [Bool](repeating: false, count: Int(mask) + 1)
    for i in 0...mask {
      let g = swissGroup(L, groups, i)
      let c = try ctrl(g)
      var match = Swiss.matchFull(c)
      while match != 0 {
        let j = Swiss.first(match)
        match = Swiss.removeFirst(match)
        let k = try storedKey(L, slotKey(L, g, j))
        // A key not equal to itself (NaN) is never looked up: its probe sequence may break.
        if !(try keyEquals(L, k, k)) { continue }
        let hash = try keyHash(L, k, seed: seed)
        var offset = Swiss.h1(hash) & mask
        var index: UInt64 = 0
        while offset != i {
          if Swiss.matchEmptyOrDeleted(try ctrl(swissGroup(L, groups, offset))) != 0 { needed[Int(offset)] = true }
          index += 1
          offset = (offset &+ index) & mask
        }
      }
      if Swiss.matchEmpty(c) != 0 { needed[Int(i)] = true }
    }
    var count = 0
    for i in 0...mask where !needed[Int(i)] {
      count += Swiss.matchEmptyOrDeleted(try ctrl(swissGroup(L, groups, i))).nonzeroBitCount
    }
    if count * 10 < capacity { return }
    var growthLeft = try ld(t, Swiss.tGrowthLeft, 2)
    for i in 0...mask where !needed[Int(i)] {
      let g = swissGroup(L, groups, i)
      var match = Swiss.matchEmptyOrDeleted(try ctrl(g))
      while match != 0 {
        try setCtrl(g, Swiss.first(match), Swiss.ctrlEmpty)
        match = Swiss.removeFirst(match)
        growthLeft += 1
      }
    }
    try st(t, Swiss.tGrowthLeft, growthLeft, 2)
  }

  // MARK: Delete and clear

  /// Map.Delete: the entry's key (if it holds pointers) and element are cleared; in a table
  /// the slot becomes a tombstone when its group has no empty slot. The seed changes when the
  /// map becomes empty.
  func swissDelete(_ L: MapLayout, _ m: Address, _ key: MapKey) throws {
    guard m != 0, try ld(m, Swiss.used) != 0 else { return }
    let hash = try keyHash(L, key, seed: try ld(m, Swiss.seed))
    if try ld(m, Swiss.dirLen) == 0 {
      // deleteSmall: one group, no probe sequence to keep: the slot is empty at once.
      let g = try ld(m, Swiss.dirPtr)
      if let i = try matchInGroup(L, g, hash, key) {
        try st(m, Swiss.used, try ld(m, Swiss.used) - 1)
        try clearSlot(L, g, i)
        try setCtrl(g, i, Swiss.ctrlEmpty)
      }
    } else {
      let t = try directoryAt(m, try directoryIndex(m, hash))
      if try tableDelete(L, m, t, hash, key) { try st(m, Swiss.tombstonePossible, 1, 1) }
    }
    if try ld(m, Swiss.used) == 0 { try st(m, Swiss.seed, mapRandom()) }
  }

  /// Clears a slot's key (when it holds pointers; an indirect key's pointer) and element.
  private func clearSlot(_ L: MapLayout, _ g: Address, _ i: Int) throws {
    if L.indirectKey || L.key.hasPointers { try clearValue(slotKey(L, g, i), L.storedKey.size) }
    try clearValue(slotElem(L, g, i), L.storedElem.size)
  }

  /// table.Delete: true if it left a tombstone.
  private func tableDelete(_ L: MapLayout, _ m: Address, _ t: Address, _ hash: UInt64, _ key: MapKey) throws -> Bool {
    guard let (g, i) = try tableLocate(L, t, hash, key) else { return false }
    try st(t, Swiss.tUsed, try ld(t, Swiss.tUsed, 2) - 1, 2)
    try st(m, Swiss.used, try ld(m, Swiss.used) - 1)
    try clearSlot(L, g, i)
    // Only a full group can be in the middle of a probe sequence: a group with an empty slot
    // can lose the entry outright; a full one keeps a tombstone.
    if Swiss.matchEmpty(try ctrl(g)) != 0 {
      try setCtrl(g, i, Swiss.ctrlEmpty)
      try st(t, Swiss.tGrowthLeft, try ld(t, Swiss.tGrowthLeft, 2) + 1, 2)
      return false
    }
    try setCtrl(g, i, Swiss.ctrlDeleted)
    return true
  }

  /// Map.Clear: every table emptied in place (nothing freed, the directory kept); the clear
  /// sequence advances and the seed changes.
  func swissClear(_ L: MapLayout, _ m: Address) throws {
    guard m != 0 else { return }
    let tombstonePossible = try ld(m, Swiss.tombstonePossible, 1)
    if try ld(m, Swiss.used) == 0 && tombstonePossible == 0 { return }
    let dirLen = try ld(m, Swiss.dirLen)
    if dirLen == 0 {
      let g = try ld(m, Swiss.dirPtr)
      try clearMemory(g, L.group.size)
      try st(g, 0, Swiss.bitsetEmpty)
    } else {
      var last: Address = 0
      for i in 0..<dirLen {
        let t = try directoryAt(m, i)
        if t == last { continue }
        try tableClear(L, t)
        last = t
      }
      try st(m, Swiss.tombstonePossible, 0, 1)
    }
    try st(m, Swiss.used, 0)
    try st(m, Swiss.clearSeq, try ld(m, Swiss.clearSeq) &+ 1)
    try st(m, Swiss.seed, mapRandom())
  }

  /// table.Clear: groups with a full slot (or all of them, when most are full or slots are
  /// small) are zeroed, then every control word set empty.
  private func tableClear(_ L: MapLayout, _ t: Address) throws {
    let capacity = Int(try ld(t, Swiss.tCapacity, 2))
    let mgl = Self.maxGrowthLeft(capacity)
    let used = try ld(t, Swiss.tUsed, 2)
    let growthLeft = Int(try ld(t, Swiss.tGrowthLeft, 2))
    if used == 0 && growthLeft == mgl { return }
    let mask = try ld(t, Swiss.tLengthMask)
    let groups = try ld(t, Swiss.tGroups)
    let fullTest = used * 4 <= mask || L.keyStride > 32
    for i in 0...mask {
      let g = swissGroup(L, groups, i)
      let c = try ctrl(g)
      if !fullTest || (~c & Swiss.bitsetMSB) != 0 { try clearMemory(g, L.group.size) }
      try st(g, 0, Swiss.bitsetEmpty)
    }
    try st(t, Swiss.tUsed, 0, 2)
    try st(t, Swiss.tGrowthLeft, UInt64(mgl), 2)
  }
}

// MARK: Iteration (table.go Iter, without the random start)

/// The words of a range loop's iterator in its frame (the compiler's hiter / maps.Iter on the
/// stack): the current key's and element's addresses, the map, the table being walked and the
/// small map's group (Go 1.19: the bucket array and the bucket, and the overflow lists of a
/// map whose buckets hold no pointers) — pointers, roots while the loop runs, so a table or
/// bucket array replaced during the loop stays alive for it — then the indexes.
enum MapIter {
  static let key = 0, elem = 1, map = 2, table = 3, group = 4, overflow = 5, oldOverflow = 6
  static let entryIdx = 7, dirIdx = 8, globalDepth = 9, clearSeq = 10, entryOffset = 11, dirOffset = 12
  static let words = 14
  /// Its type: seven pointer words, then seven integers.
  static let type: GoType = {
    let p = GoType.pointer(to: .uint8)
    return .structure([
      ("key", p), ("elem", p), ("m", p), ("tab", p), ("group", p), ("overflow", p),
      ("oldoverflow", p), ("idx", .array(of: .int, count: 7)),
    ])
  }()
}

extension VM {
  /// Iter.Init: nothing to walk for a nil or empty map.
  func swissIterInit(_ L: MapLayout, _ m: Address, _ it: UnsafeMutablePointer<UInt64>) throws {
    it.update(repeating: 0, count: MapIter.words)
    guard m != 0, try ld(m, Swiss.used) != 0 else { return }
    it[MapIter.map] = m
    if try ld(m, Swiss.dirLen) == 0 {
      it[MapIter.dirIdx] = UInt64(bitPattern: -1)  // the small-map sentinel
      it[MapIter.group] = try ld(m, Swiss.dirPtr)
    }
    it[MapIter.globalDepth] = try ld(m, Swiss.globalDepth, 1)
    it[MapIter.clearSeq] = try ld(m, Swiss.clearSeq)
  }

  /// Iter.Next: the next full slot in the walk; the key and element addresses go to the
  /// iterator (looked up again in the map when the table being walked has grown since).
  /// Returns false at the end.
  func swissIterNext(_ L: MapLayout, _ it: UnsafeMutablePointer<UInt64>) throws -> Bool {
    let m = it[MapIter.map]
    guard m != 0 else { return false }
    func found(_ k: Address, _ e: Address) -> Bool {
      it[MapIter.key] = k
      it[MapIter.elem] = e
      return true
    }
    /// The entry as the map has it now (grownKeyElem), or nil if it was deleted.
    func current(_ k: MapKey, _ keyAddress: Address, _ g: Address, _ slot: Int) throws -> (Address, Address)? {
      if let (nk, ne) = try swissFind(L, m, k) { return (nk, ne) }
      // A key not equal to itself cannot be looked up; unless a clear happened it is still
      // there as the old group has it.
      if it[MapIter.clearSeq] == (try ld(m, Swiss.clearSeq)), !(try keyEquals(L, k, k)) {
        return (keyAddress, try storedElem(L, slotElem(L, g, slot)))
      }
      return nil
    }
    if Int64(bitPattern: it[MapIter.dirIdx]) < 0 {
      // The map was small at Init.
      let g = it[MapIter.group]
      while it[MapIter.entryIdx] < UInt64(Swiss.slots) {
        let k = Int((it[MapIter.entryIdx] &+ it[MapIter.entryOffset]) % UInt64(Swiss.slots))
        it[MapIter.entryIdx] += 1
        if (try ctrl(g) >> UInt64(8 * k)) & 0x80 != 0 { continue }
        let key = try storedKey(L, slotKey(L, g, k))
        guard case .memory(let keyAddress) = key.source else { continue }
        if try ld(m, Swiss.dirLen) > 0 {
          guard let (nk, ne) = try current(key, keyAddress, g, k) else { continue }
          return found(nk, ne)
        }
        return found(keyAddress, try storedElem(L, slotElem(L, g, k)))
      }
      return false
    }
    let globalDepth = try ld(m, Swiss.globalDepth, 1)
    if it[MapIter.globalDepth] != globalDepth {
      // The directory grew: the index scales with it.
      let orders = globalDepth - it[MapIter.globalDepth]
      it[MapIter.dirIdx] <<= orders
      it[MapIter.dirOffset] <<= orders
      it[MapIter.globalDepth] = globalDepth
    }
    while Int64(bitPattern: it[MapIter.dirIdx]) < Int64(bitPattern: try ld(m, Swiss.dirLen)) {
      if it[MapIter.table] == 0 {
        let dirLen = try ld(m, Swiss.dirLen)
        var dirIdx = (it[MapIter.dirIdx] &+ it[MapIter.dirOffset]) & (dirLen - 1)
        let t = try directoryAt(m, dirIdx)
        let index = try ld(t, Swiss.tIndex)
        if index != dirIdx {
          it[MapIter.dirOffset] &-= dirIdx &- index
          dirIdx = index
        }
        it[MapIter.table] = t
      }
      let t = it[MapIter.table]
      let entryMask = try ld(t, Swiss.tCapacity, 2) - 1
      let groups = try ld(t, Swiss.tGroups)
      while it[MapIter.entryIdx] <= entryMask {
        let entry = (it[MapIter.entryIdx] &+ it[MapIter.entryOffset]) & entryMask
        it[MapIter.entryIdx] += 1
        let slot = Int(entry & 7)
        let g = swissGroup(L, groups, entry >> 3)
        if (try ctrl(g) >> UInt64(8 * slot)) & 0x80 != 0 { continue }
        let key = try storedKey(L, slotKey(L, g, slot))
        guard case .memory(let keyAddress) = key.source else { continue }
        if Int64(bitPattern: try ld(t, Swiss.tIndex)) == -1 {
          // The table grew or split since: the old table decides which keys, the map what
          // they hold now.
          guard let (nk, ne) = try current(key, keyAddress, g, slot) else { continue }
          return found(nk, ne)
        }
        return found(keyAddress, try storedElem(L, slotElem(L, g, slot)))
      }
      // nextDirIdx: past every directory entry the walked table covers.
      let depth = try ld(m, Swiss.globalDepth, 1)
      let entries = UInt64(1) << (depth - (try ld(t, Swiss.tLocalDepth, 1)))
      it[MapIter.dirIdx] &+= entries
      it[MapIter.table] = 0
      it[MapIter.entryIdx] = 0
    }
    return false
  }
}
