// errors.Is, errors.As and errors.Unwrap (errors/wrap.go): a walk down an error's chain of
// wrapped errors. Each step asks the error's dynamic type for a method — `Unwrap() error`,
// Go 1.20+'s `Unwrap() []error` (searched depth first), `Is(error) bool`, `As(any) bool` — as
// the type assertions to those interfaces in wrap.go do: fmt's wrapError and wrapErrors and
// strconv's NumError natively, the program's types by calling their methods on this stack
// (VM+Callbacks), so whatever those methods do, print or allocate is the program's. Is compares
// each error with the target when the target's type is comparable; As stores the first error
// assignable to *target's type. Neither allocates (recorded: runs/errorswrap, 0 mallocs).

import GoHeap

extension VM {
  /// errors.Is(err, target).
  func errorsIs(_ err: (UInt64, UInt64), _ target: (UInt64, UInt64)) throws -> Bool {
    if err.0 == 0 || target.0 == 0 { return err.0 == target.0 && err.1 == target.1 }
    let comparable = try dynamicType(.error, target.0)?.isComparable ?? false
    return try walkChain(err) { e in
      if comparable, e.0 == target.0 {
        var x = [e.0, e.1]
        var y = [target.0, target.1]
        if try interfacesEqual(.error, &x, &y) { return true }
      }
      // `err.(interface{ Is(error) bool })`.
      if let r = try callErrorMethod(e, "Is", arguments: [target.0, target.1], resultWords: 1) { return r[0] & 1 != 0 }
      return false
    }
  }

  /// errors.As(err, target), `target` of static type `targetType` (a pointer, or not: As panics).
  func errorsAs(_ err: (UInt64, UInt64), target: UInt64, _ targetType: GoType) throws -> Bool {
    guard let elem = targetType.pointee, targetType.name == nil, target != 0 else {
      throw VMTrap(kind: .goPanic("errors: target must be a non-nil pointer"))
    }
    guard elem.isInterface || runtimeTypes.itab(.error, elem, session) != nil else {
      throw VMTrap(kind: .goPanic("errors: *target must be interface or implement error"))
    }
    if err.0 == 0 { return false }
    let targetWord = runtimeTypes.descriptor(of: targetType, session)
    return try walkChain(err) { e in
      // reflectlite's AssignableTo: the same type, or an interface it implements.
      guard let dyn = try dynamicType(.error, e.0) else { return false }
      if elem.isInterface {
        if elem.interfaceMethods?.isEmpty ?? true {
          try store(target, try dynamicTypeWord(.error, e.0), 8)
          try store(target + 8, e.1, 8)
          return true
        }
        if let itab = runtimeTypes.itab(elem, dyn, session) {
          try store(target, itab, 8)
          try store(target + 8, e.1, 8)
          return true
        }
      } else if dyn.identical(elem) {
        // targetVal.Elem().Set: the value, from the data word (itself, or the box it points to).
        if isDirect(dyn) {
          try store(target, e.1, 8)
        } else {
          try copyMemory(to: target, from: e.1, dyn.size)
        }
        return true
      }
      // `err.(interface{ As(any) bool })`.
      if let r = try callErrorMethod(e, "As", arguments: [targetWord, target], resultWords: 1) { return r[0] & 1 != 0 }
      return false
    }
  }

  /// errors.Unwrap(err): its `Unwrap() error`, or nil (an `Unwrap() []error` does not count).
  func errorsUnwrap(_ err: (UInt64, UInt64)) throws -> (UInt64, UInt64) {
    if case .one(let next)? = try unwrapped(err) { return next }
    return (0, 0)
  }

  /// What an error wraps.
  private enum Wrapped {
    case one((UInt64, UInt64))
    case many([(UInt64, UInt64)])
  }

  /// The error's Unwrap: nil when its type has none.
  private func unwrapped(_ e: (UInt64, UInt64)) throws -> Wrapped? {
    guard let dyn = try dynamicType(.error, e.0), let base = dyn.pointee, dyn.name == nil else {
      return try programUnwrap(e)
    }
    // fmt's and strconv's types: the field Unwrap returns.
    if base === wrapErrorType { return .one((try load(e.1 + 16, 8), try load(e.1 + 24, 8))) }
    if base === numErrorType { return .one((try load(e.1 + 32, 8), try load(e.1 + 40, 8))) }
    if base === wrapErrorsType { return .many(try errorSlice(try load(e.1 + 16, 8), Int(try load(e.1 + 24, 8)))) }
    if base === joinErrorType { return .many(try errorSlice(try load(e.1, 8), Int(try load(e.1 + 8, 8)))) }
    return try programUnwrap(e)
  }

  /// A program type's `Unwrap() error` or `Unwrap() []error`.
  private func programUnwrap(_ e: (UInt64, UInt64)) throws -> Wrapped? {
    if let r = try callErrorMethod(e, "Unwrap", arguments: [], resultWords: 2, signature: .function(params: [], results: [.error], variadic: false)) {
      return .one((r[0], r[1]))
    }
    let many = GoType.function(params: [], results: [.slice(of: .error)], variadic: false)
    guard let r = try callErrorMethod(e, "Unwrap", arguments: [], resultWords: 3, signature: many) else { return nil }
    return .many(try errorSlice(r[0], Int(r[1])))
  }

  /// The elements of a []error: n interface values at p.
  func errorSlice(_ p: UInt64, _ n: Int) throws -> [(UInt64, UInt64)] {
    try (0..<max(0, n)).map { k in (try load(p + UInt64(16 * k), 8), try load(p + UInt64(16 * k) + 8, 8)) }
  }

  /// wrap.go's loop: `test` each error down the chain, an `Unwrap() []error` depth first.
  private func walkChain(_ start: (UInt64, UInt64), _ test: ((UInt64, UInt64)) throws -> Bool) throws -> Bool {
    var e = start
    var steps = 0
    while true {
      steps += 1
      if steps > 1_000_000 {
        throw SimulationLimit("errors.Is/As followed a chain of 1,000,000 wrapped errors (an Unwrap that returns its own error loops forever in Go)")
      }
      if try test(e) { return true }
      switch try unwrapped(e) {
      case .one(let next)?:
        if next.0 == 0 { return false }
        e = next
      case .many(let errs)?:
        for x in errs where x.0 != 0 {
          if try walkChain(x, test) { return true }
        }
        return false
      case nil: return false
      }
    }
  }

  /// Calls the program's method `name` of the error's dynamic type when its method set has one
  /// (of `signature`, when given: else wrap.go's Is(error) bool or As(any) bool), with the
  /// receiver from the data word; its results' words, or nil when there is no such method.
  private func callErrorMethod(
    _ e: (UInt64, UInt64), _ name: String, arguments: [UInt64], resultWords: Int, signature: GoType? = nil
  ) throws -> [UInt64]? {
    let want = signature ?? (name == "Is"
      ? GoType.function(params: [.error], results: [.bool], variadic: false)
      : GoType.function(params: [.any], results: [.bool], variadic: false))
    return try callDynamicMethod(
      .error, e, name, arguments: arguments, resultWords: resultWords, signature: want,
      what: "errors called Is, As and Unwrap methods")
  }
}
