// RuntimeTypes: the program's types as the Go runtime sees them at run time — type
// descriptors, method tables and itabs, all static data (runtime/type.go, runtime/iface.go).
//
// An interface value's first word points to read-only data: for an interface without methods
// (`any`) the dynamic type's descriptor (abi.Type: Size_, PtrBytes, Hash, TFlag, Align_,
// FieldAlign_, Kind_, Equal, GCData, Str, PtrToThis — 48 bytes on amd64), for one with methods
// an itab (abi.ITab: Inter, Type, Hash, a pad, then Fun[n], the code pointer of each of the
// interface's methods in sorted order). Go's linker emits descriptors and the itabs of
// conversions it sees; getitab builds others at run time with persistentalloc — off the heap,
// which is why neither costs a heap allocation. gcsh puts both in its read-only data, an itab
// when first needed (a conversion, an assertion), and keeps beside each address what the VM needs
// to use it: the GoType of a descriptor, the method entries of an itab. Two identical types
// share a descriptor (the runtime compares type words to compare types).

import GoHeap

/// A method as an itab's Fun entry calls it.
struct MethodEntry {
  enum Code {
    /// A function of the program (its index in the session's table).
    case function(Int)
    /// errors.errorString's `Error() string` (errors.go: `return e.s`), which gcsh runs natively;
    /// also fmt's wrapError's and wrapErrors' (`return e.msg`, their first field too).
    case errorStringError
    /// strconv.NumError's `Error() string` (atoi.go: "strconv." + Func + ": parsing " +
    /// Quote(Num) + ": " + Err.Error()), run natively.
    case numErrorError
    /// A method of math/rand's own sources (rngSource, lockedSource, runtimeSource): Int63,
    /// Uint64 or Seed, run natively (Run/VM+Rand.swift).
    case randSource(String)
  }
  let code: Code
  /// The named type the method is declared on.
  let base: GoType
  /// Declared with a pointer receiver (`func (t *T) M()`).
  let pointerReceiver: Bool
  /// The signature without the receiver.
  let signature: GoType
}

/// What the VM knows about an itab's address.
struct Itab {
  let interface: GoType
  let type: GoType
  /// The type's descriptor (the itab's second word).
  let typeWord: Address
  /// The methods, in the interface's order.
  let methods: [MethodEntry]
}

final class RuntimeTypes {
  private var types: [GoType] = []
  private var byAddress: [Address: GoType] = [:]
  /// Descriptors by their type's reflect name, for identity lookups.
  private var byName: [String: [(GoType, Address)]] = [:]
  /// Each named type's methods, by name (the program's, and errors.errorString's).
  private var methods: [ObjectIdentifier: [String: MethodEntry]] = [
    ObjectIdentifier(errorStringType): [
      "Error": MethodEntry(
        code: .errorStringError, base: errorStringType, pointerReceiver: true,
        signature: .function(params: [], results: [.string], variadic: false))
    ],
    // fmt's wrapError and wrapErrors: `return e.msg`, the first field as errorString's s.
    ObjectIdentifier(wrapErrorType): [
      "Error": MethodEntry(
        code: .errorStringError, base: wrapErrorType, pointerReceiver: true,
        signature: .function(params: [], results: [.string], variadic: false))
    ],
    ObjectIdentifier(wrapErrorsType): [
      "Error": MethodEntry(
        code: .errorStringError, base: wrapErrorsType, pointerReceiver: true,
        signature: .function(params: [], results: [.string], variadic: false))
    ],
    ObjectIdentifier(numErrorType): [
      "Error": MethodEntry(
        code: .numErrorError, base: numErrorType, pointerReceiver: true,
        signature: .function(params: [], results: [.string], variadic: false))
    ],
    ObjectIdentifier(RandPackage.rngSource): RuntimeTypes.randSourceMethods(RandPackage.rngSource),
    ObjectIdentifier(RandPackage.lockedSource): RuntimeTypes.randSourceMethods(RandPackage.lockedSource),
    ObjectIdentifier(RandPackage.runtimeSource): RuntimeTypes.randSourceMethods(RandPackage.runtimeSource),
  ]
  private var itabs: [String: Address?] = [:]
  private var itabInfo: [Address: Itab] = [:]

  /// The program declares methods (fmt may call an Error method back: VM+Callbacks.swift).
  var hasProgramMethods: Bool { methods.count > 4 }

  /// Records a lowered method (LoweringSession.noteMethod).
  func addMethod(_ f: Function, code: Int) {
    guard let (base, pointer) = f.receiver, let name = f.decl?.name else { return }
    let signature = GoType.function(
      params: f.explicitParams.map(\.type), results: f.results.map(\.type), variadic: f.variadic)
    methods[ObjectIdentifier(base), default: [:]][name] = MethodEntry(
      code: .function(code), base: base, pointerReceiver: pointer, signature: signature)
  }

  /// Int63, Uint64 and Seed of one of math/rand's source types (pointer receivers).
  private static func randSourceMethods(_ base: GoType) -> [String: MethodEntry] {
    let signatures: [String: GoType] = [
      "Int63": .function(params: [], results: [.int64], variadic: false),
      "Uint64": .function(params: [], results: [.uint64], variadic: false),
      "Seed": .function(params: [.int64], results: [], variadic: false),
    ]
    return signatures.mapValues { MethodEntry(code: .randSource(""), base: base, pointerReceiver: true, signature: $0) }
      .reduce(into: [:]) { $0[$1.key] = MethodEntry(code: .randSource($1.key), base: base, pointerReceiver: true, signature: $1.value.signature) }
  }

  /// The address of `t`'s type descriptor in read-only data (made on first use).
  func descriptor(of t: GoType, _ session: LoweringSession) -> Address {
    let name = goTypeString(t)
    if let known = byName[name]?.first(where: { $0.0 === t || $0.0.identical(t) }) { return known.1 }
    let serial = UInt32(truncatingIfNeeded: types.count + 1)
    var bytes: [UInt8] = []
    func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    word(UInt64(t.size))
    word(UInt64(t.pointerRuns.last.map { $0.offset + ($0.count - 1) * $0.stride + ($0.words.last ?? 0) + 8 } ?? 0))
    // Hash (here a serial number: it makes each descriptor's bytes distinct), TFlag, Align_,
    // FieldAlign_, Kind_, then Equal, GCData, Str and PtrToThis (not modelled: zero).
    withUnsafeBytes(of: serial.littleEndian) { bytes += $0 }
    bytes += [0, UInt8(t.align), UInt8(t.align), Self.kind(t)]
    bytes += [UInt8](repeating: 0, count: 24)
    let address = session.rodataAddress(of: bytes)
    types.append(t)
    byAddress[address] = t
    byName[name, default: []].append((t, address))
    return address
  }

  /// The type a descriptor's address stands for.
  func type(at address: Address) -> GoType? { byAddress[address] }

  /// The itab of `t` as an `iface` (nil: t does not implement it), made on first use.
  func itab(_ iface: GoType, _ t: GoType, _ session: LoweringSession) -> Address? {
    let key = "\(descriptor(of: iface, session)) \(descriptor(of: t, session))"
    if let known = itabs[key] { return known }
    var entries: [MethodEntry] = []
    for m in iface.interfaceMethods ?? [] {
      guard let e = method(of: t, m.name), e.signature.identical(m.signature) else {
        itabs[key] = .some(nil)
        return nil
      }
      entries.append(e)
    }
    var bytes: [UInt8] = []
    func word(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    word(descriptor(of: iface, session))
    let typeWord = descriptor(of: t, session)
    word(typeWord)
    word(typeWord & 0xFFFF_FFFF)  // Hash (a copy of the type's), and the pad
    for e in entries {
      switch e.code {
      case .function(let k): word(AddressSpace.textBase + UInt64(k) * AddressSpace.textBytesPerFunction)
      case .errorStringError, .numErrorError, .randSource: word(0)
      }
    }
    let address = session.rodataAddress(of: bytes)
    itabs[key] = address
    itabInfo[address] = Itab(interface: iface, type: t, typeWord: typeWord, methods: entries)
    return address
  }

  func itab(at address: Address) -> Itab? { itabInfo[address] }

  /// The method `name` in t's method set: T's value-receiver methods for a named T, all of T's
  /// for a *T.
  func method(of t: GoType, _ name: String) -> MethodEntry? {
    if t.name != nil, let e = methods[ObjectIdentifier(t)]?[name] { return e.pointerReceiver ? nil : e }
    if let p = t.pointee, p.name != nil, t.name == nil { return methods[ObjectIdentifier(p)]?[name] }
    return nil
  }

  /// The `Error() string` method declared on a named type of the program, as fmt calls it.
  func errorMethod(of base: GoType) -> StringMethod? {
    guard let e = methods[ObjectIdentifier(base)]?["Error"], case .function(let k) = e.code,
      e.signature.identical(GoType.error.interfaceMethods![0].signature)
    else { return nil }
    return StringMethod(type: base, code: k, pointerReceiver: e.pointerReceiver)
  }

  /// abi.Kind of a type.
  private static func kind(_ t: GoType) -> UInt8 {
    switch t.kind {
    case .bool: return 1
    case .int(let bits, let signed):
      let k: [Int: UInt8] = [8: 3, 16: 4, 32: 5, 64: 6]
      return (k[bits] ?? 2) + (signed ? 0 : 5)
    case .uintptr: return 12
    case .float(let bits): return bits == 32 ? 13 : 14
    case .array: return 17
    case .chan: return 18
    case .function: return 19
    case .interface: return 20
    case .map: return 21
    case .pointer: return 22
    case .slice: return 23
    case .string: return 24
    case .structure: return 25
    case .undefined: return 0
    }
  }
}
