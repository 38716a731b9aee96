// Go 1.19 maps: a port of runtime/map.go (Go 1.19.8) — the hmap header, arrays of 2^B buckets
// of 8 entries with their tophash bytes, overflow buckets, incremental growth — operating on the
// map's memory in the simulated heap (or in its frame), through GoHeap.
//
// The structure, as the runtime lays it out:
//   - hmap (48 B): count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate, extra;
//   - a bucket: tophash[8] (the hash's top byte, or emptyRest/emptyOne and the evacuation
//     marks), keys[8], elems[8], and the overflow pointer — a uintptr when neither keys nor
//     elements hold pointers, whose overflow buckets are then kept alive by
//     hmap.extra.overflow, a *[]*bmap the runtime appends to (mapextra, 24 B);
//   - makeBucketArray allocates 2^B buckets, plus 2^(B-4) preallocated overflow buckets from
//     B = 4 on, rounded up to the size class (hmap.extra.nextOverflow hands them out).
//
// Growth: an insert that would take the count past 6.5 per bucket (loadFactorNum/Den = 13/2)
// doubles the bucket array; one that finds too many overflow buckets (as many as buckets, up to
// 2^15) grows to an array of the same size. Growth is incremental: the old array stays
// (oldbuckets) until every bucket has been evacuated, two by each later insert or delete
// (growWork), and only then becomes garbage. A delete marks its cell empty (emptyOne, or
// emptyRest for a run at the end of a chain) and frees nothing; mapclear clears the arrays in
// place. So a map keeps the largest bucket array it ever had until the map itself is garbage.
//
// Where the hash matters (MapKeys.swift): which bucket a key lands in decides when a bucket
// overflows, and so the overflow buckets allocated and the same-size growths.
//
// Iteration starts at bucket 0, offset 0 (Go picks both at random: gcsh's order is stable).

import GoHeap

/// Field offsets of runtime.hmap and mapextra (reflect.go MapType), and map.go's constants.
enum HMap {
  static let count = 0, flags = 8, B = 9, noverflow = 10, hash0 = 12, buckets = 16
  static let oldbuckets = 24, nevacuate = 32, extra = 40
  // mapextra.
  static let xOverflow = 0, xOldOverflow = 8, xNextOverflow = 16
  // tophash values.
  static let emptyRest: UInt64 = 0, emptyOne: UInt64 = 1, evacuatedX: UInt64 = 2
  static let evacuatedY: UInt64 = 3, evacuatedEmpty: UInt64 = 4, minTopHash: UInt64 = 5
  // flags.
  static let iterator: UInt64 = 1, oldIterator: UInt64 = 2, sameSizeGrow: UInt64 = 8
  static let bucketCnt = 8
  /// hiter's words after MapIter's pointers (key, elem, h, buckets, bptr, overflow,
  /// oldoverflow).
  static let startBucket = 7, offset = 8, wrapped = 9, itB = 10, i = 11, bucket = 12, checkBucket = 13
  static let noCheck = UInt64.max

  static func isEmpty(_ x: UInt64) -> Bool { x <= emptyOne }
  static func tophash(_ hash: UInt64) -> UInt64 {
    let top = hash >> 56
    return top < minTopHash ? top + minTopHash : top
  }
  /// overLoadFactor: more than 8 entries and more than 6.5 per bucket.
  static func overLoadFactor(_ count: Int, _ B: Int) -> Bool {
    count > bucketCnt && UInt64(count) > 13 &* ((UInt64(1) << UInt64(B)) / 2)
  }
  /// tooManyOverflowBuckets: about as many overflow buckets as buckets.
  static func tooManyOverflowBuckets(_ noverflow: UInt64, _ B: Int) -> Bool {
    noverflow >= UInt64(1) << UInt64(min(B, 15))
  }
}

extension VM {
  // MARK: Buckets

  func bucketAt(_ L: MapLayout, _ array: Address, _ i: UInt64) -> Address { array &+ i &* UInt64(L.group.size) }
  func top(_ b: Address, _ i: Int) throws -> UInt64 { try load(b &+ UInt64(i), 1) }
  func setTop(_ b: Address, _ i: Int, _ v: UInt64) throws { try store(b &+ UInt64(i), v, 1) }
  func overflow(_ L: MapLayout, _ b: Address) throws -> Address { try load(b &+ UInt64(L.overflowOff), 8) }
  func setOverflow(_ L: MapLayout, _ b: Address, _ o: Address) throws { try store(b &+ UInt64(L.overflowOff), o, 8) }
  func hmapB(_ h: Address) throws -> Int { Int(try ld(h, HMap.B, 1)) }
  func evacuated(_ b: Address) throws -> Bool {
    let h = try top(b, 0)
    return h > HMap.emptyOne && h < HMap.minTopHash
  }
  /// noldbuckets: the old array's bucket count (half the new one's, unless same-size).
  func noldbuckets(_ h: Address) throws -> UInt64 {
    var oldB = try hmapB(h)
    if try ld(h, HMap.flags, 1) & HMap.sameSizeGrow == 0 { oldB -= 1 }
    return UInt64(1) << UInt64(oldB)
  }

  /// makeBucketArray: 2^b buckets, and from b = 4 on 2^(b-4) more as preallocated overflow
  /// buckets, as many as the size class holds; the last one's overflow pointer marks the end
  /// (it points at the array). With `dirty`, the array is reused, cleared.
  func makeBucketArray(_ L: MapLayout, _ b: Int, dirty: Address? = nil) throws -> (Address, nextOverflow: Address?) {
    let base = 1 << b
    var nbuckets = base
    if b >= 4 {
      nbuckets += 1 << (b - 4)
      let sz = L.group.size * nbuckets
      let up = heap.roundupsize(sz, noscan: !L.group.hasPointers)
      if up != sz { nbuckets = up / L.group.size }
    }
    let buckets: Address
    if let dirty {
      buckets = dirty
      try clearMemory(buckets, L.group.size * nbuckets)
    } else {
      buckets = try mapAllocate(L.group, count: nbuckets)
    }
    var next: Address? = nil
    if base != nbuckets {
      next = bucketAt(L, buckets, UInt64(base))
      try setOverflow(L, bucketAt(L, buckets, UInt64(nbuckets - 1)), buckets)
    }
    return (buckets, next)
  }

  /// The map's mapextra, made on first need (createOverflow makes its overflow slice too).
  func hmapExtra(_ L: MapLayout, _ h: Address) throws -> Address {
    var x = try ld(h, HMap.extra)
    if x == 0 {
      x = try mapAllocate(L.mapExtra)
      try st(h, HMap.extra, x)
    }
    return x
  }

  func createOverflow(_ L: MapLayout, _ h: Address) throws {
    let x = try hmapExtra(L, h)
    if try ld(x, HMap.xOverflow) == 0 { try st(x, HMap.xOverflow, try mapAllocate(L.bucketPointerSlice)) }
  }

  /// incrnoverflow: exact below 2^16 buckets, then a random 1 in 2^(B-15).
  func incrnoverflow(_ h: Address) throws {
    let B = try hmapB(h)
    if B >= 16 && mapRandom() & ((1 << UInt64(B - 15)) - 1) != 0 { return }
    try st(h, HMap.noverflow, try ld(h, HMap.noverflow, 2) &+ 1, 2)
  }

  /// newoverflow: a preallocated overflow bucket if any is left, else a new one; a bucket
  /// without pointers is also appended to hmap.extra.overflow (which keeps it alive).
  func newoverflow(_ L: MapLayout, _ h: Address, _ b: Address) throws -> Address {
    var ovf: Address
    let x = try ld(h, HMap.extra)
    if x != 0, try ld(x, HMap.xNextOverflow) != 0 {
      ovf = try ld(x, HMap.xNextOverflow)
      if try overflow(L, ovf) == 0 {
        try st(x, HMap.xNextOverflow, bucketAt(L, ovf, 1))
      } else {
        // The last preallocated bucket: its overflow pointer marked the end.
        try setOverflow(L, ovf, 0)
        try st(x, HMap.xNextOverflow, 0)
      }
    } else {
      ovf = try mapAllocate(L.group)
    }
    try incrnoverflow(h)
    if !L.group.hasPointers {
      try createOverflow(L, h)
      try appendOverflow(L, try ld(try ld(h, HMap.extra), HMap.xOverflow), ovf)
    }
    try setOverflow(L, b, ovf)
    return ovf
  }

  /// `*s = append(*s, b)` on the *[]*bmap at `slice`: growslice when it is full.
  private func appendOverflow(_ L: MapLayout, _ slice: Address, _ b: Address) throws {
    var ptr = try ld(slice, 0)
    let len = Int(try ld(slice, 8))
    var cap = Int(try ld(slice, 16))
    if len == cap {
      let newcap = grownCapacity(old: cap, needed: len + 1, elem: L.bucketPointer)
      let grown = try heap.allocateSlice(of: L.bucketPointer, len: len + 1, cap: newcap)
      inFlight.append(grown)
      if len > 0 { try copyMemory(to: grown, from: ptr, len * 8) }
      ptr = grown
      cap = newcap
      try st(slice, 0, ptr)
      try st(slice, 16, UInt64(cap))
    }
    try st(ptr, 8 * len, b)
    try st(slice, 8, UInt64(len + 1))
  }

  // MARK: makemap

  /// makemap (makemap_small for a small constant hint): B the smallest that holds the hint
  /// at 6.5 per bucket; the bucket array is allocated now unless B is 0.
  func hmapMake(_ L: MapLayout, hint h0: Int, header: Address?) throws -> Address {
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    var hint = max(h0, 0)
    let (mem, overflow) = hint.multipliedReportingOverflow(by: L.group.size)
    if overflow || mem > Swiss.maxAlloc { hint = 0 }
    let h = try header ?? mapAllocate(L.header)
    try st(h, HMap.hash0, mapRandom() & 0xFFFF_FFFF, 4)
    var B = 0
    while HMap.overLoadFactor(hint, B) { B += 1 }
    try st(h, HMap.B, UInt64(B), 1)
    if B != 0 {
      let (buckets, next) = try makeBucketArray(L, B)
      try st(h, HMap.buckets, buckets)
      if let next {
        let x = try mapAllocate(L.mapExtra)
        try st(x, HMap.xNextOverflow, next)
        try st(h, HMap.extra, x)
      }
    }
    return h
  }

  // MARK: Lookup

  func hmapHash(_ L: MapLayout, _ h: Address, _ key: MapKey) throws -> UInt64 {
    try keyHash(L, key, seed: try ld(h, HMap.hash0, 4))
  }

  /// mapaccessK: the key's and element's addresses, looking in the old bucket while it has not
  /// been evacuated.
  func hmapFind(_ L: MapLayout, _ h: Address, _ key: MapKey) throws -> (key: Address, elem: Address)? {
    guard h != 0, try ld(h, HMap.count) != 0 else { return nil }
    let hash = try hmapHash(L, h, key)
    var m = (UInt64(1) << UInt64(try hmapB(h))) - 1
    var b = bucketAt(L, try ld(h, HMap.buckets), hash & m)
    let old = try ld(h, HMap.oldbuckets)
    if old != 0 {
      if try ld(h, HMap.flags, 1) & HMap.sameSizeGrow == 0 { m >>= 1 }
      let oldb = bucketAt(L, old, hash & m)
      if !(try evacuated(oldb)) { b = oldb }
    }
    let top = HMap.tophash(hash)
    while b != 0 {
      for i in 0..<HMap.bucketCnt {
        let t = try self.top(b, i)
        if t != top {
          if t == HMap.emptyRest { return nil }
          continue
        }
        let k = try storedKey(L, slotKey(L, b, i))
        if try keyEquals(L, key, k) { return (slotKey(L, b, i), try storedElem(L, slotElem(L, b, i))) }
      }
      b = try overflow(L, b)
    }
    return nil
  }

  // MARK: mapassign

  func hmapAssign(_ L: MapLayout, _ h: Address, _ key: MapKey) throws -> Address {
    if h == 0 { throw VMTrap(kind: .goPanic("assignment to entry in nil map")) }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    let hash = try hmapHash(L, h, key)
    if try ld(h, HMap.buckets) == 0 { try st(h, HMap.buckets, try mapAllocate(L.group)) }
    while true {
      let bucket = hash & ((UInt64(1) << UInt64(try hmapB(h))) - 1)
      if try ld(h, HMap.oldbuckets) != 0 { try growWork(L, h, bucket) }
      var b = bucketAt(L, try ld(h, HMap.buckets), bucket)
      let top = HMap.tophash(hash)
      var insert: (Address, Int)? = nil
      search: while true {
        for i in 0..<HMap.bucketCnt {
          let t = try self.top(b, i)
          if t != top {
            if HMap.isEmpty(t) && insert == nil { insert = (b, i) }
            if t == HMap.emptyRest { break search }
            continue
          }
          let k = try storedKey(L, slotKey(L, b, i))
          if !(try keyEquals(L, key, k)) { continue }
          // Already there: update the key if needed, return its element.
          if L.needKeyUpdate, case .memory(let dst) = k.source { try writeKey(L, key, to: dst) }
          return try storedElem(L, slotElem(L, b, i))
        }
        let ovf = try overflow(L, b)
        if ovf == 0 { break }
        b = ovf
      }
      // Not found: grow if this insert would overload the map or it has too many overflow
      // buckets (and is not already growing), then try again.
      let B = try hmapB(h)
      let count = Int(try ld(h, HMap.count))
      let noverflow = try ld(h, HMap.noverflow, 2)
      if try ld(h, HMap.oldbuckets) == 0,
        HMap.overLoadFactor(count + 1, B) || HMap.tooManyOverflowBuckets(noverflow, B)
      {
        try hashGrow(L, h)
        continue
      }
      if insert == nil { insert = (try newoverflow(L, h, b), 0) }
      let (ib, ii) = insert!
      let elem = try writeNewEntry(L, keySlot: slotKey(L, ib, ii), elemSlot: slotElem(L, ib, ii), key: key)
      try setTop(ib, ii, top)
      try st(h, HMap.count, try ld(h, HMap.count) &+ 1)
      return elem
    }
  }

  // MARK: Growth

  /// hashGrow: a bucket array twice as large (or the same size, to shed overflow buckets);
  /// the old one stays until evacuated.
  func hashGrow(_ L: MapLayout, _ h: Address) throws {
    var bigger = 1
    var flags = try ld(h, HMap.flags, 1)
    if !HMap.overLoadFactor(Int(try ld(h, HMap.count)) + 1, try hmapB(h)) {
      bigger = 0
      flags |= HMap.sameSizeGrow
    }
    let old = try ld(h, HMap.buckets)
    let (buckets, next) = try makeBucketArray(L, try hmapB(h) + bigger)
    var newFlags = flags & ~(HMap.iterator | HMap.oldIterator)
    if flags & HMap.iterator != 0 { newFlags |= HMap.oldIterator }
    try st(h, HMap.B, UInt64(try hmapB(h) + bigger), 1)
    try st(h, HMap.flags, newFlags, 1)
    try st(h, HMap.oldbuckets, old)
    try st(h, HMap.buckets, buckets)
    try st(h, HMap.nevacuate, 0)
    try st(h, HMap.noverflow, 0, 2)
    let x = try ld(h, HMap.extra)
    if x != 0, try ld(x, HMap.xOverflow) != 0 {
      let oldOverflow = try ld(x, HMap.xOldOverflow)
      precondition(oldOverflow == 0, "oldoverflow is not nil")
      try st(x, HMap.xOldOverflow, try ld(x, HMap.xOverflow))
      try st(x, HMap.xOverflow, 0)
    }
    if let next { try st(try hmapExtra(L, h), HMap.xNextOverflow, next) }
  }

  /// growWork: the old bucket the operation is about to use, and one more.
  func growWork(_ L: MapLayout, _ h: Address, _ bucket: UInt64) throws {
    try evacuate(L, h, bucket & (try noldbuckets(h) - 1))
    if try ld(h, HMap.oldbuckets) != 0 { try evacuate(L, h, try ld(h, HMap.nevacuate)) }
  }

  /// evacuate: an old bucket's entries (and its overflow chain's) move to the new array — to
  /// the same index (X) or, when doubling, index + newbit (Y) by the hash's bit.
  func evacuate(_ L: MapLayout, _ h: Address, _ oldbucket: UInt64) throws {
    let old = try ld(h, HMap.oldbuckets)
    var b = bucketAt(L, old, oldbucket)
    let newbit = try noldbuckets(h)
    let sameSize = try ld(h, HMap.flags, 1) & HMap.sameSizeGrow != 0
    if !(try evacuated(b)) {
      let buckets = try ld(h, HMap.buckets)
      var dst: [(b: Address, i: Int)] = [(bucketAt(L, buckets, oldbucket), 0)]
      if !sameSize { dst.append((bucketAt(L, buckets, oldbucket + newbit), 0)) }
      let seed = try ld(h, HMap.hash0, 4)
      while b != 0 {
        for i in 0..<HMap.bucketCnt {
          var t = try top(b, i)
          if HMap.isEmpty(t) {
            try setTop(b, i, HMap.evacuatedEmpty)
            continue
          }
          let k = try storedKey(L, slotKey(L, b, i))
          var useY = 0
          if !sameSize {
            let hash = try keyHash(L, k, seed: seed)
            if try ld(h, HMap.flags, 1) & HMap.iterator != 0, !(try keyEquals(L, k, k)) {
              // A NaN: its hash is random; the tophash's low bit decides, reproducibly.
              useY = Int(t & 1)
              t = HMap.tophash(hash)
            } else if hash & newbit != 0 {
              useY = 1
            }
          }
          try setTop(b, i, HMap.evacuatedX + UInt64(useY))
          if dst[useY].i == HMap.bucketCnt {
            dst[useY] = (try newoverflow(L, h, dst[useY].b), 0)
          }
          let (db, di) = dst[useY]
          try setTop(db, di, t)
          try moveValue(to: slotKey(L, db, di), from: slotKey(L, b, i), L.storedKey.size)
          try moveValue(to: slotElem(L, db, di), from: slotElem(L, b, i), L.storedElem.size)
          dst[useY].i += 1
        }
        b = try overflow(L, b)
      }
      // Unlink the overflow buckets and clear the keys and elements for the collector, unless
      // an iterator may still walk the old array.
      if try ld(h, HMap.flags, 1) & HMap.oldIterator == 0 && L.group.hasPointers {
        let ob = bucketAt(L, old, oldbucket)
        try clearMemory(ob &+ UInt64(L.keysOff), L.group.size - L.keysOff)
      }
    }
    if oldbucket == (try ld(h, HMap.nevacuate)) { try advanceEvacuationMark(L, h, newbit) }
  }

  /// advanceEvacuationMark: past the evacuated buckets; when all are, the old array is let go.
  func advanceEvacuationMark(_ L: MapLayout, _ h: Address, _ newbit: UInt64) throws {
    var n = try ld(h, HMap.nevacuate) + 1
    let stop = min(n + 1024, newbit)
    let old = try ld(h, HMap.oldbuckets)
    while n != stop, try evacuated(bucketAt(L, old, n)) { n += 1 }
    try st(h, HMap.nevacuate, n)
    if n == newbit {
      try st(h, HMap.oldbuckets, 0)
      let x = try ld(h, HMap.extra)
      if x != 0 { try st(x, HMap.xOldOverflow, 0) }
      try st(h, HMap.flags, try ld(h, HMap.flags, 1) & ~HMap.sameSizeGrow, 1)
    }
  }

  // MARK: mapdelete, mapclear

  func hmapDelete(_ L: MapLayout, _ h: Address, _ key: MapKey) throws {
    guard h != 0, try ld(h, HMap.count) != 0 else { return }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    let hash = try hmapHash(L, h, key)
    let bucket = hash & ((UInt64(1) << UInt64(try hmapB(h))) - 1)
    if try ld(h, HMap.oldbuckets) != 0 { try growWork(L, h, bucket) }
    var b = bucketAt(L, try ld(h, HMap.buckets), bucket)
    let bOrig = b
    let top = HMap.tophash(hash)
    while b != 0 {
      for i0 in 0..<HMap.bucketCnt {
        let t = try self.top(b, i0)
        if t != top {
          if t == HMap.emptyRest { return }
          continue
        }
        if !(try keyEquals(L, key, try storedKey(L, slotKey(L, b, i0)))) { continue }
        // Only clear the key if there are pointers in it; always the element.
        if L.indirectKey || L.key.hasPointers { try clearValue(slotKey(L, b, i0), L.storedKey.size) }
        try clearValue(slotElem(L, b, i0), L.storedElem.size)
        try setTop(b, i0, HMap.emptyOne)
        // If the bucket now ends in a run of empty cells, mark them emptyRest.
        var notLast = false
        if i0 == HMap.bucketCnt - 1 {
          let o = try overflow(L, b)
          if o != 0, try self.top(o, 0) != HMap.emptyRest { notLast = true }
        } else if try self.top(b, i0 + 1) != HMap.emptyRest {
          notLast = true
        }
        if !notLast {
          var i = i0
          while true {
            try setTop(b, i, HMap.emptyRest)
            if i == 0 {
              if b == bOrig { break }
              let c = b
              b = bOrig
              while try overflow(L, b) != c { b = try overflow(L, b) }
              i = HMap.bucketCnt - 1
            } else {
              i -= 1
            }
            if try self.top(b, i) != HMap.emptyOne { break }
          }
        }
        let count = try ld(h, HMap.count) - 1
        try st(h, HMap.count, count)
        if count == 0 { try st(h, HMap.hash0, mapRandom() & 0xFFFF_FFFF, 4) }
        return
      }
      b = try overflow(L, b)
    }
  }

  /// mapclear: the bucket array cleared in place (its overflow buckets dropped), any growth
  /// abandoned — the old array becomes garbage, the current one stays.
  func hmapClear(_ L: MapLayout, _ h: Address) throws {
    guard h != 0, try ld(h, HMap.count) != 0 else { return }
    try st(h, HMap.flags, try ld(h, HMap.flags, 1) & ~HMap.sameSizeGrow, 1)
    try st(h, HMap.oldbuckets, 0)
    try st(h, HMap.nevacuate, 0)
    try st(h, HMap.noverflow, 0, 2)
    try st(h, HMap.count, 0)
    try st(h, HMap.hash0, mapRandom() & 0xFFFF_FFFF, 4)
    let x = try ld(h, HMap.extra)
    if x != 0 { try clearMemory(x, L.mapExtra.size) }
    let (_, next) = try makeBucketArray(L, try hmapB(h), dirty: try ld(h, HMap.buckets))
    if let next { try st(x, HMap.xNextOverflow, next) }
  }

  // MARK: Iteration (mapiterinit, mapiternext)

  func hmapIterInit(_ L: MapLayout, _ h: Address, _ it: UnsafeMutablePointer<UInt64>) throws {
    it.update(repeating: 0, count: MapIter.words)
    guard h != 0, try ld(h, HMap.count) != 0 else { return }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    it[MapIter.map] = h
    it[HMap.itB] = UInt64(try hmapB(h))
    it[MapIter.table] = try ld(h, HMap.buckets)
    // A bucket without pointers: the iterator keeps the overflow lists alive (createOverflow),
    // for its overflow pointers are not the collector's.
    if !L.group.hasPointers {
      try createOverflow(L, h)
      let x = try ld(h, HMap.extra)
      it[MapIter.overflow] = try ld(x, HMap.xOverflow)
      it[MapIter.oldOverflow] = try ld(x, HMap.xOldOverflow)
    }
    it[HMap.startBucket] = 0
    it[HMap.offset] = 0
    it[HMap.bucket] = 0
    try st(h, HMap.flags, try ld(h, HMap.flags, 1) | HMap.iterator | HMap.oldIterator, 1)
  }

  func hmapIterNext(_ L: MapLayout, _ it: UnsafeMutablePointer<UInt64>) throws -> Bool {
    let h = it[MapIter.map]
    guard h != 0 else { return false }
    var bucket = it[HMap.bucket]
    var b = it[MapIter.group]
    var i = Int(it[HMap.i])
    var checkBucket = it[HMap.checkBucket]
    let itB = Int(it[HMap.itB])
    let sameSize = { try self.ld(h, HMap.flags, 1) & HMap.sameSizeGrow != 0 }
    while true {
      if b == 0 {
        if bucket == it[HMap.startBucket] && it[HMap.wrapped] != 0 { return false }
        let old = try ld(h, HMap.oldbuckets)
        let B = try hmapB(h)
        if old != 0 && itB == B {
          // Iterating a growing map: the old bucket if it has not been evacuated, keeping only
          // the entries that belong to this new bucket.
          let oldbucket = bucket & (try noldbuckets(h) - 1)
          b = bucketAt(L, old, oldbucket)
          if !(try evacuated(b)) {
            checkBucket = bucket
          } else {
            b = bucketAt(L, it[MapIter.table], bucket)
            checkBucket = HMap.noCheck
          }
        } else {
          b = bucketAt(L, it[MapIter.table], bucket)
          checkBucket = HMap.noCheck
        }
        bucket += 1
        if bucket == UInt64(1) << UInt64(itB) {
          bucket = 0
          it[HMap.wrapped] = 1
        }
        i = 0
      }
      while i < HMap.bucketCnt {
        let offi = (i + Int(it[HMap.offset])) & (HMap.bucketCnt - 1)
        let t = try top(b, offi)
        i += 1
        if HMap.isEmpty(t) || t == HMap.evacuatedEmpty { continue }
        let k = try storedKey(L, slotKey(L, b, offi))
        guard case .memory(let keyAddress) = k.source else { continue }
        let reflexive = try keyEquals(L, k, k)
        if checkBucket != HMap.noCheck, !(try sameSize()) {
          if reflexive {
            let hash = try hmapHash(L, h, k)
            if hash & ((UInt64(1) << UInt64(itB)) - 1) != checkBucket { continue }
          } else if checkBucket >> UInt64(itB - 1) != t & 1 {
            continue
          }
        }
        if (t != HMap.evacuatedX && t != HMap.evacuatedY) || !reflexive {
          it[MapIter.key] = keyAddress
          it[MapIter.elem] = try storedElem(L, slotElem(L, b, offi))
        } else {
          // The entry moved: the map has it (or it was deleted).
          guard let (rk, re) = try hmapFind(L, h, k) else { continue }
          it[MapIter.key] = rk
          it[MapIter.elem] = re
        }
        it[HMap.bucket] = bucket
        it[MapIter.group] = b
        it[HMap.i] = UInt64(i)
        it[HMap.checkBucket] = checkBucket
        return true
      }
      b = try overflow(L, b)
      i = 0
    }
  }
}
