// Types: Go's rules over GoType (GoHeap's layout of Go types) — identity, assignability,
// conversion, comparison, and the predeclared and package types gcsh knows.
//
// GoType's `kind` is a type's underlying structure; a named type (every predeclared type,
// `time.Duration`, `type Node struct{...}`) has a name and is identical only to itself. Unnamed
// types (`[]byte`, `*Node`, `struct{...}`) are identical when their structure is. The Go
// specification's "Assignability" and "Conversions" sections are what the functions below
// implement, for the kinds gcsh has.

import GoHeap

extension GoType {
  var isInteger: Bool {
    switch kind {
    case .int, .uintptr: return true
    default: return false
    }
  }
  var isUnsigned: Bool {
    switch kind {
    case .int(_, let signed): return !signed
    case .uintptr: return true
    default: return false
    }
  }
  var isFloat: Bool {
    if case .float = kind { return true }
    return false
  }
  var isNumeric: Bool { isInteger || isFloat }
  var isString: Bool {
    if case .string = kind { return true }
    return false
  }
  var isBool: Bool {
    if case .bool = kind { return true }
    return false
  }
  var pointee: GoType? {
    if case .pointer(let e) = kind { return e }
    return nil
  }
  var sliceElement: GoType? {
    if case .slice(let e) = kind { return e }
    return nil
  }
  /// `map[K]V`: its key and element types.
  var mapTypes: (key: GoType, elem: GoType)? {
    if case .map(let k, let v) = kind { return (k, v) }
    return nil
  }
  var isMap: Bool { mapTypes != nil }
  /// A function type (`func(int) bool`).
  var isFunction: Bool {
    if case .function = kind { return true }
    return false
  }
  /// An interface type (`any`, `error`, `interface{...}`, a named one).
  var isInterface: Bool {
    if case .interface = kind { return true }
    return false
  }
  /// An interface's methods, sorted by name (nil: not an interface).
  var interfaceMethods: [GoType.InterfaceMethod]? {
    if case .interface(let ms) = kind { return ms }
    return nil
  }
  /// `interface{}` by another name (`any`) or none: an alias, identical to the literal.
  var isUnnamedOrAny: Bool { name == nil || self === GoType.any }

  /// Pointers, slices, maps, funcs and interfaces: the types nil converts to.
  var isNilable: Bool {
    switch kind {
    case .pointer, .slice, .map, .function, .chan, .interface: return true
    default: return false
    }
  }

  /// `chan T` (any direction): its element type and direction.
  var chanInfo: (elem: GoType, direction: ChanDirection)? {
    if case .chan(let e, let d) = kind { return (e, d) }
    return nil
  }
  var isChan: Bool { chanInfo != nil }

  /// Go's type identity: named types by identity, others structurally.
  func identical(_ o: GoType) -> Bool {
    if self === o { return true }
    if isInterface && o.isInterface && isUnnamedOrAny && o.isUnnamedOrAny {
      return sameMethods(o)
    }
    if name != nil || o.name != nil { return false }
    switch (kind, o.kind) {
    case (.pointer(let a), .pointer(let b)), (.slice(let a), .slice(let b)): return a.identical(b)
    case (.map(let k, let v), .map(let l, let w)): return k.identical(l) && v.identical(w)
    case (.array(let a, let n), .array(let b, let m)): return n == m && a.identical(b)
    case (.structure(let a), .structure(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.embedded == $1.embedded && $0.type.identical($1.type) }
    case (.function, .function): return sameSignature(o)
    case (.chan(let a, let d), .chan(let b, let e)): return d == e && a.identical(b)
    default: return false
    }
  }

  /// Interfaces with the same methods (names and identical signatures).
  func sameMethods(_ o: GoType) -> Bool {
    guard let a = interfaceMethods, let b = o.interfaceMethods, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { $0.name == $1.name && $0.signature.identical($1.signature) }
  }

  /// Function types with identical parameter and result types, both variadic or neither
  /// (the spec's type identity; names of parameters do not matter).
  func sameSignature(_ o: GoType) -> Bool {
    guard case .function(let p, let r, let v) = kind, case .function(let q, let s, let w) = o.kind else { return false }
    return v == w && p.count == q.count && r.count == s.count
      && zip(p, q).allSatisfy { $0.identical($1) } && zip(r, s).allSatisfy { $0.identical($1) }
  }

  /// An array's element type and length.
  var arrayInfo: (elem: GoType, count: Int)? {
    if case .array(let e, let n) = kind { return (e, n) }
    return nil
  }

  /// A struct's fields.
  var structFields: [GoType.StructField]? {
    if case .structure(let fs) = kind { return fs }
    return nil
  }

  var isPointer: Bool { pointee != nil }
  var isSlice: Bool { sliceElement != nil }
  var isStruct: Bool { structFields != nil }
  var isArray: Bool { arrayInfo != nil }
  /// The type of `nil` before it meets a nilable type.
  var isUntypedNil: Bool { self === untypedNilType }

  /// Whether values of the type can be compared with == (Go: comparable types; a slice only
  /// with nil, handled by the caller).
  var isComparable: Bool {
    switch kind {
    // An interface compares its dynamic values: a run-time panic when they cannot be.
    case .bool, .int, .uintptr, .float, .string, .pointer, .chan, .interface: return true
    case .slice, .map, .function, .undefined: return false
    case .array(let e, _): return e.isComparable
    case .structure(let fs): return fs.allSatisfy { $0.type.isComparable }
    }
  }

  /// Whether < and friends apply (integers, floats, strings).
  var isOrdered: Bool { isInteger || isFloat || isString }

  /// Go's "identical underlying types" (type declarations share structure).
  func underlyingIdentical(_ o: GoType) -> Bool {
    if self === o { return true }
    switch (kind, o.kind) {
    case (.bool, .bool), (.string, .string), (.uintptr, .uintptr): return true
    case (.int(let x, let s), .int(let y, let r)): return x == y && s == r
    case (.float(let x), .float(let y)): return x == y
    case (.pointer(let a), .pointer(let b)), (.slice(let a), .slice(let b)): return a.identical(b)
    case (.map(let k, let v), .map(let l, let w)): return k.identical(l) && v.identical(w)
    case (.array(let a, let n), .array(let b, let m)): return n == m && a.identical(b)
    case (.structure(let a), .structure(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && $0.embedded == $1.embedded && $0.type.identical($1.type) }
    case (.function, .function): return sameSignature(o)
    case (.chan(let a, let d), .chan(let b, let e)): return d == e && a.identical(b)
    case (.interface, .interface): return sameMethods(o)
    default: return false
    }
  }

  /// Go's assignability of a (typed) value of type `self` to `t`: identical types, or identical
  /// underlying types when at least one of them is not named.
  func assignable(to t: GoType) -> Bool {
    if identical(t) { return true }
    if (name == nil || t.name == nil) && underlyingIdentical(t) { return true }
    // A bidirectional channel to a channel type of the same element, one of them unnamed.
    if (name == nil || t.name == nil), case .chan(let a, .both) = kind, case .chan(let b, _) = t.kind,
      a.identical(b)
    {
      return true
    }
    return false
  }

  /// Go's convertibility of a non-constant value of type `self` to `t`.
  func convertible(to t: GoType) -> Bool {
    if assignable(to: t) || underlyingIdentical(t) { return true }
    // Unnamed pointers to identical underlying base types.
    if let a = pointee, let b = t.pointee, name == nil, t.name == nil, a.underlyingIdentical(b) { return true }
    if isNumeric && t.isNumeric { return true }
    // Integers to strings (a rune's UTF-8), strings to and from byte and rune slices.
    if isInteger && t.isString { return true }
    if isString, let e = t.sliceElement, e.isByteOrRune { return true }
    if t.isString, let e = sliceElement, e.isByteOrRune { return true }
    return false
  }

  /// uint8 (byte) or int32 (rune), or a type with one of them as its underlying type.
  var isByteOrRune: Bool {
    if case .int(let bits, let signed) = kind { return (bits == 8 && !signed) || (bits == 32 && signed) }
    return false
  }

  /// Whether the type holds a whole number of 8-byte words with no pointers in odd places — all
  /// types do on amd64; the VM keeps a value of the type in this many 8-byte slots.
  var words: Int { max(1, (size + 7) / 8) }

  /// The type as the Go compiler prints it in a diagnostic.
  var goName: String { description }
}

/// `time.Time` as Go lays it out (time.go: wall uint64, ext int64, loc *Location); the words'
/// meaning is Run/GoTime.swift's.
let timeType = GoType.structure(
  [("wall", .uint64), ("ext", .int64), ("loc", .pointer(to: locationType))], name: "time.Time")

/// time.Location (its fields are the time package's; gcsh's locations are all UTC).
let locationType: GoType = {
  let t = GoType.named("time.Location")
  t.define(.structure([]))
  return t
}()

/// time.Month (January = 1) and time.Weekday (Sunday = 0): ints with a String method.
let monthType: GoType = {
  let t = GoType.named("time.Month")
  t.define(.int(bits: 64, signed: true))
  t.basicName = "int"
  return t
}()
let weekdayType: GoType = {
  let t = GoType.named("time.Weekday")
  t.define(.int(bits: 64, signed: true))
  t.basicName = "int"
  return t
}()

/// fmt.Stringer: `interface { String() string }` (fmt/print.go).
let stringerType = GoType(
  .interface(methods: [
    GoType.InterfaceMethod(name: "String", signature: .function(params: [], results: [.string], variadic: false))
  ]), name: "fmt.Stringer")

/// strconv's `type NumError struct { Func, Num string; Err error }` (48 bytes), the dynamic type
/// of Atoi's errors.
let numErrorType = GoType.structure([("Func", .string), ("Num", .string), ("Err", .error)], name: "strconv.NumError")

/// errors.go's `type errorString struct { s string }`, the dynamic type of errors.New's and
/// fmt.Errorf's errors (`*errors.errorString`).
let errorStringType = GoType.structure([("s", .string)], name: "errors.errorString")

/// fmt/errors.go's `type wrapError struct { msg string; err error }`: fmt.Errorf's error with one
/// `%w` (32 bytes); `wrapErrors struct { msg string; errs []error }` with several (Go 1.20+, 40
/// bytes). Their Error returns msg, their Unwrap err or errs.
let wrapErrorType = GoType.structure([("msg", .string), ("err", .error)], name: "fmt.wrapError")
let wrapErrorsType = GoType.structure([("msg", .string), ("errs", .slice(of: .error))], name: "fmt.wrapErrors")

/// errors/join.go's `type joinError struct { errs []error }` (Go 1.20+): errors.Join's error,
/// 24 bytes. Its Error joins the errors' texts with newlines; its Unwrap returns errs.
let joinErrorType = GoType.structure([("errs", .slice(of: .error))], name: "errors.joinError")

/// runtime/debug.GCStats (debug/garbage.go): the last GC, the count, the total pause, and the
/// pause history (most recent first) with its end times and optional quantiles.
let gcStatsType: GoType = GoType.structure(
  [("LastGC", timeType), ("NumGC", .int64), ("PauseTotal", durationType), ("Pause", .slice(of: durationType)),
   ("PauseEnd", .slice(of: timeType)), ("PauseQuantiles", .slice(of: durationType))],
  name: "debug.GCStats")

/// `time.Duration`: a named int64 that prints as `1m30s`.
let durationType: GoType = {
  let t = GoType.named("time.Duration")
  t.define(.int(bits: 64, signed: true))
  t.basicName = "int64"
  return t
}()

/// The type of a call of a function with several results (types2's *Tuple), named as Go prints
/// it in messages: `(int, int)`. It has no layout: such a call is only ever taken apart into its
/// results (TypedExpr.resultTypes), never held as one value.
func tupleType(_ types: [GoType]) -> GoType {
  GoType(.undefined, name: "(" + types.map { "\($0)" }.joined(separator: ", ") + ")")
}

extension GoType {
  /// A tuple (a multi-value call's type): no declared name starts with a parenthesis.
  var isTuple: Bool {
    if case .undefined = kind, let n = name, n.hasPrefix("(") { return true }
    return false
  }
}

extension TypedExpr {
  /// The types of the values an expression yields: a call's results (several for a tuple), or
  /// the expression's own type.
  var resultTypes: [GoType] {
    switch kind {
    case .call(let f, _): return f.results.map(\.type)
    case .callValue(let f, _):
      if case .function(_, let results, _) = f.type.kind { return results }
      return []
    case .inlinedCall(let ic): return ic.results.map(\.type)
    case .initialized(_, let e): return e.resultTypes
    case .builtin(.strconvAtoi, _, _), .builtin(.builderWriteString, _, _), .builtin(.builderWriteRune, _, _):
      return [.int, .error]
    case .builtin(.mathModf, _, _): return [.float64, .float64]
    case .builtin(.bufferWrite, _, _), .builtin(.bufferWriteString, _, _), .builtin(.bufferWriteRune, _, _),
      .builtin(.fmtFprint, _, _), .builtin(.fmtFprintln, _, _), .builtin(.fmtFprintf, _, _):
      return [.int, .error]
    case .builtin(.mathFrexp, _, _): return [.float64, .int]
    case .builtin(.slicesBinarySearch, _, _): return [.int, .bool]
    case .builtin(.timeParseDuration, _, _): return [durationType, .error]
    case .builtin(.stringsCut, _, _): return [.string, .string, .bool]
    case .builtin(let b, _, _) where b.parseResults != nil: return b.parseResults!
    default: return type === noValueType ? [] : [type]
    }
  }
}
