// sort.Interface and the functions that sort through it (sort/sort.go, the same in Go 1.19.8
// and 1.27.3): a program's type with Len, Less and Swap is converted to the interface at the
// call, as Go converts it — a slice type is boxed, and the box escapes (-m `byLen(w) escapes to
// heap`: Sort, Stable and IsSorted keep their parameter, `leaking param: data`) — and the
// runtime calls its methods through the itab (Run/VM+SortInterface.swift). The searches take
// their slice or function and keep nothing.

import GoHeap

/// `sort.Interface`: `Len() int; Less(i, j int) bool; Swap(i, j int)`.
let sortInterfaceType = GoType(
  .interface(methods: [
    .init(name: "Len", signature: GoType(.function(params: [], results: [.int], variadic: false))),
    .init(name: "Less", signature: GoType(.function(params: [.int, .int], results: [.bool], variadic: false))),
    .init(name: "Swap", signature: GoType(.function(params: [.int, .int], results: [], variadic: false))),
  ]), name: "sort.Interface")

extension Builtin {
  /// The element type of the slice sort.Ints and its siblings sort or check.
  var sortedSliceElement: GoType? {
    switch self {
    case .sortInts, .sortIntsAreSorted: return .int
    case .sortStrings, .sortStringsAreSorted: return .string
    case .sortFloat64s, .sortFloat64sAreSorted: return .float64
    default: return nil
    }
  }

  /// The parameters and result of sort's Interface functions and searches.
  var sortSignature: (params: [GoType], result: GoType)? {
    switch self {
    case .sortSort, .sortStable: return ([sortInterfaceType], noValueType)
    case .sortIsSorted: return ([sortInterfaceType], .bool)
    case .sortSearch: return ([.int, GoType(.function(params: [.int], results: [.bool], variadic: false))], .int)
    case .sortSearchInts: return ([.slice(of: .int), .int], .int)
    case .sortSearchStrings: return ([.slice(of: .string), .string], .int)
    case .sortSearchFloat64s: return ([.slice(of: .float64), .float64], .int)
    default: return nil
    }
  }
}
