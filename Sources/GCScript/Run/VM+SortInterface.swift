// sort.Sort, sort.Stable and sort.IsSorted through the program's sort.Interface, and the binary
// searches (sort/sort.go, search.go; the same in Go 1.19.8 and 1.27.3).
//
// Sort is pdqsort (zsortinterface.go), Stable insertion sort in blocks of 20 and SymMerge:
// the same algorithms, step for step, as sort.Slice's (VM+SortSlice.swift, generated from one
// template in Go), with the program's Less and Swap called through the interface's dynamic type
// as Go calls them through the itab — so they run with the same arguments, in the same order, as
// many times (Tests/Recordings/runs/sortinterface: 857 Less and 268 Swap for 200 strings by
// length). Len is called once. What they allocate is the program's: the box of the value
// converted to sort.Interface (a slice type's header, 24 bytes) is made at the call.

import GoHeap

extension VM {
  func sortInterface(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?
  ) throws {
    switch b {
    case .sortSort, .sortStable, .sortIsSorted:
      // The interface's words, read before any method runs (a call may move the stack).
      let value = (args[0].1[0], args[0].1[1])
      // A nil Interface: its Len is a call through a nil itab.
      if value.0 == 0 { throw VMTrap(kind: .nilDereference) }
      func call(_ name: String, _ arguments: [UInt64], resultWords: Int) throws -> [UInt64] {
        guard let r = try callDynamicMethod(
          sortInterfaceType, value, name, arguments: arguments, resultWords: resultWords,
          what: "sort called Len, Less and Swap")
        else { throw VMTrap(kind: .internalFault("sort.Interface without \(name)")) }
        return r
      }
      let n = Int(Int64(bitPattern: try call("Len", [], resultWords: 1)[0]))
      let less = { (i: Int, j: Int) throws -> Bool in
        try call("Less", [UInt64(bitPattern: Int64(i)), UInt64(bitPattern: Int64(j))], resultWords: 1)[0] & 1 != 0
      }
      let swap = { (i: Int, j: Int) throws in
        _ = try call("Swap", [UInt64(bitPattern: Int64(i)), UInt64(bitPattern: Int64(j))], resultWords: 0)
      }
      switch b {
      case .sortIsSorted:
        var i = n - 1
        while i > 0 {
          if try less(i, i - 1) {
            result()?[0] = 0
            return
          }
          i -= 1
        }
        result()?[0] = 1
      case .sortSort:
        if n <= 1 { return }
        try sortElements(n, stable: false, newShifts: heap.profile.version >= GoVersion(1, 21), less: less, swap: swap)
      default:
        try sortElements(n, stable: true, newShifts: true, less: less, swap: swap)
      }
    case .sortSearch:
      let (n, f) = (Int(Int64(bitPattern: args[0].1[0])), args[1].1[0])
      let i = try search(n) { h in
        try self.callFuncValue(f, arguments: [UInt64(bitPattern: Int64(h))], resultWords: 1, what: "sort.Search called its function")[0] & 1 != 0
      }
      result()?[0] = UInt64(bitPattern: Int64(i))
    case .sortSearchInts, .sortSearchStrings, .sortSearchFloat64s:
      // Search(len(a), func(i int) bool { return a[i] >= x }).
      let (t, a) = args[0]
      let elem = t.sliceElement ?? .int
      let (base, n) = (a[0], Int(a[1]))
      let x = args[1].1
      let i = try search(n) { h in
        let at = base &+ UInt64(h &* elem.size)
        switch elem.kind {
        case .string:
          let s = try self.bytes(try self.load(at, 8), Int(try self.load(at &+ 8, 8)))
          let v = try self.bytes(x[0], Int(x[1]))
          return !s.lexicographicallyPrecedes(v)
        case .float:
          return Double(bitPattern: try self.load(at, 8)) >= Double(bitPattern: x[0])
        default:
          return Int64(bitPattern: try self.load(at, 8)) >= Int64(bitPattern: x[0])
        }
      }
      result()?[0] = UInt64(bitPattern: Int64(i))
    default:
      return
    }
  }

  /// search.go Search: the smallest index in [0, n) at which `f` is true (n if none), f being
  /// false then true over the range.
  private func search(_ n: Int, _ f: (Int) throws -> Bool) throws -> Int {
    var (i, j) = (0, n)
    while i < j {
      let h = Int(UInt(bitPattern: i &+ j) >> 1)
      if try !f(h) { i = h + 1 } else { j = h }
    }
    return i
  }
}
