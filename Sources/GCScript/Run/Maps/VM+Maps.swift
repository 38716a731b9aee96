// The VM's map instructions: each is the runtime call the Go compiler emits for the operation
// (walk/builtin.go, walk/assign.go, walk/range.go): makemap, mapaccess2, mapassign,
// mapdelete, mapclear, mapIterStart/mapIterNext (Go 1.19: mapiterinit/mapiternext), and len's
// load of the header's first word — on Go 1.24+ Swiss tables (SwissMap.swift) or Go 1.19's
// buckets (HashMap.swift), as the profile's era has it.

import GoHeap

/// One map operation (`mapOp` instruction; operands are first slots).
struct MapOpDesc {
  enum Kind {
    /// s[A] = make(map, hint): `header`/`group` are the frame's stack objects when escape
    /// analysis kept the map in the frame (walk/builtin.go walkMakeMap).
    case make(hint: Int?, header: Int?, group: Int?)
    /// s[A..] = m[k] (its zero value when missing); s[ok] = whether it was there.
    case access(map: Int, key: Int, ok: Int?)
    /// s[A] = the address of m[k]'s element (mapassign), for the store that follows.
    case assign(map: Int, key: Int)
    case delete(map: Int, key: Int)
    case clear(map: Int)
    /// s[A] = len(m).
    case len(map: Int)
    /// The iterator's words (MapIter) at `iter` start a walk of m.
    case iterInit(map: Int, iter: Int)
    /// The next entry: its key's and element's addresses in the iterator; at the end, jump to C.
    case iterNext(iter: Int)
  }
  let kind: Kind
  let layout: MapLayout
  let site: AllocationSite?
}

extension VM {
  /// Runs one map instruction; returns false when an iterNext reached the end (the loop jumps).
  func mapOperation(_ desc: MapOpDesc, into a: Int, _ s: UnsafeMutablePointer<UInt64>) throws -> Bool {
    let L = desc.layout
    let swiss = L.model == .swiss
    switch desc.kind {
    case .make(let hintSlot, let header, let group):
      let hint = hintSlot.map { Int(Int64(bitPattern: s[$0])) } ?? 0
      var h: Address? = nil
      if let header {
        (s + header).update(repeating: 0, count: L.header.words)
        h = runningFrameAddress(header)
        if explaining, let site = desc.site { noteFrameAllocation(site) }
        // The compiler's group (bucket) in the frame, when the hint is at most 8.
        if let group, hint <= 8 {
          (s + group).update(repeating: 0, count: L.group.words)
          let g = runningFrameAddress(group)
          if swiss {
            s[group] = Swiss.bitsetEmpty
            try st(h!, Swiss.dirPtr, g)
          } else {
            try st(h!, HMap.buckets, g)
          }
        }
      } else if explaining {
        noteHeapAllocation(desc.site)
      }
      s[a] = swiss ? try swissMakeMap(L, hint: hint, header: h) : try hmapMake(L, hint: hint, header: h)
    case .access(let m, let key, let ok):
      let k = MapKey.slots(s + key)
      let found = swiss ? try swissFind(L, s[m], k)?.elem : try hmapFind(L, s[m], k)?.elem
      if let e = found {
        try loadValue(L.elem, from: e, into: s + a)
      } else {
        (s + a).update(repeating: 0, count: L.elem.words)
      }
      if let ok { s[ok] = found == nil ? 0 : 1 }
    case .assign(let m, let key):
      let k = MapKey.slots(s + key)
      s[a] = swiss ? try swissAssign(L, s[m], k) : try hmapAssign(L, s[m], k)
    case .delete(let m, let key):
      if swiss { try swissDelete(L, s[m], .slots(s + key)) } else { try hmapDelete(L, s[m], .slots(s + key)) }
    case .clear(let m):
      if swiss { try swissClear(L, s[m]) } else { try hmapClear(L, s[m]) }
    case .len(let m):
      // len(m): nil is 0, else the header's first word (Map.used, hmap.count).
      s[a] = s[m] == 0 ? 0 : try load(s[m], 8)
    case .iterInit(let m, let iter):
      if swiss { try swissIterInit(L, s[m], s + iter) } else { try hmapIterInit(L, s[m], s + iter) }
    case .iterNext(let iter):
      return swiss ? try swissIterNext(L, s + iter) : try hmapIterNext(L, s + iter)
    }
    return true
  }

  /// Every entry of a map as a range loop visits them (for fmt, which sorts them).
  func mapEntries(_ L: MapLayout, _ m: Address) throws -> [(key: Address, elem: Address)] {
    let it = UnsafeMutablePointer<UInt64>.allocate(capacity: MapIter.words)
    defer { it.deallocate() }
    var out: [(Address, Address)] = []
    if L.model == .swiss {
      try swissIterInit(L, m, it)
      while try swissIterNext(L, it) { out.append((it[MapIter.key], it[MapIter.elem])) }
    } else {
      try hmapIterInit(L, m, it)
      while try hmapIterNext(L, it) { out.append((it[MapIter.key], it[MapIter.elem])) }
    }
    return out
  }
}
