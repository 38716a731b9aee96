// recover: a deferred call that stops a panic (runtime/panic.go gorecover and recovery). While
// a panic unwinds the frames (VM+Defer.swift), recover called directly by a deferred function
// of the frame being unwound returns the panic's value and marks it recovered; when that
// frame's deferred calls are done it returns to its caller as a normal return would — with its
// results as they are then (named results set by the deferred function, else zero) — and the
// program goes on after the call. Anywhere else recover returns nil.
//
// The value is what panic was given, as an `any`. A run-time error's (an index out of range, a
// nil dereference, a division by zero, a failed type assertion) is an error whose Error() is
// Go's message; Go's dynamic type for it (runtime.boundsError, runtime.Error's others) is not
// modelled: here it is an *errors.errorString in read-only data, which costs no allocation.

import GoHeap

/// The panic in progress.
struct PanicState {
  /// A panic is unwinding the frames.
  var active = false
  /// A deferred call recovered it.
  var recovered = false
  /// The index of the frame whose deferred calls are running.
  var frame = -1
  /// The value panic was given (its type and data words; nil for a run-time error).
  var value: (UInt64, UInt64)? = nil
  /// The value of the panic being raised (set by panic, taken when the unwinding starts).
  var pending: (UInt64, UInt64)? = nil
  /// The panic's message (a run-time error's value is made of it).
  var message = ""
}

extension VM {
  /// Runs the frames above `depth` to completion. A panic unwinds them running their deferred
  /// calls; if one recovers, its caller goes on after the call, else the panic is thrown as
  /// `report` makes it (located where it happened).
  func executeRecovering(depth: Int, _ report: (VMTrap) -> Error) throws {
    while true {
      do {
        try execute()
        return
      } catch let t as VMTrap where Self.isPanic(t.kind) {
        let error = report(t)
        // The enclosing panic's state comes back when this one is done — but not its pending
        // value, which belongs to whichever panic is raised now: none once this one is
        // recovered (a later run-time error must not find it), this one's value when it goes
        // on unwinding the frames below `depth`, a new panic's when a deferred call raised one.
        let outer = panicking
        defer {
          let pending = panicking.pending
          panicking = outer
          panicking.pending = pending
        }
        panicking.value = panicking.pending
        panicking.pending = nil
        panicking.active = true
        panicking.recovered = false
        panicking.message = t.kind.message
        // The value stays reachable while the frames unwind (the runtime's _panic holds it).
        if let (_, data) = panicking.value { inFlight.append(data) }
        let recovered = try unwindRunningDeferredCalls(to: depth)
        if panicking.value != nil { inFlight.removeLast() }
        guard recovered else {
          panicking.pending = panicking.value
          throw error
        }
        // The recovering frame returned: its caller resumes after the call.
        if frames.count == depth { return }
        frames[frames.count - 1].pc += 1
      }
    }
  }

  /// `recover()`: the panic's value when called directly by a deferred function of the frame
  /// being unwound, else nil.
  func recover(into out: UnsafeMutablePointer<UInt64>) throws {
    guard panicking.active, !panicking.recovered, frames.count - 2 == panicking.frame else {
      (out[0], out[1]) = (0, 0)
      return
    }
    panicking.recovered = true
    if let (type, data) = panicking.value {
      (out[0], out[1]) = (type, data)
      return
    }
    // A run-time error: an error whose Error() is the message without "panic: ".
    var text = Substring(panicking.message.split(separator: "\n").first ?? "")
    if text.hasPrefix("panic: ") { text = text.dropFirst(7) }
    let bytes = Array(text.utf8)
    var header: [UInt8] = []
    withUnsafeBytes(of: session.rodataAddress(of: bytes).littleEndian) { header += $0 }
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { header += $0 }
    out[0] = runtimeTypes.descriptor(of: .pointer(to: errorStringType), session)
    out[1] = session.rodataAddress(of: header)
  }

  /// How the runtime prints a panic's value (runtime/panic.go printpanics, error.go
  /// printpanicval): an error's Error(), a Stringer's String(); a bool, number or string as
  /// print would (a named one as `main.N(7)`, `main.S("s")`); anything else as its type and
  /// data word, `(main.T) 0xc000012345` (Go 1.27.3's forms, checked with `go run`).
  func panicText(_ t: GoType, _ p: UnsafeMutablePointer<UInt64>) throws -> String {
    let v = try fmtOperand(t, p)
    if v.isNilInterface || !t.isInterface { return String(decoding: try sprint([(t, p)]), as: UTF8.self) }
    let printer = Printer(self)
    if try printer.handleMethods(v, Verb.v) { return String(decoding: printer.buf, as: UTF8.self) }
    let dyn = v.type
    func bits() throws -> UInt64 { try scalar(dyn, v.source, v.offset, topLevel: v.inSlot) }
    var text: String? = nil
    switch dyn.kind {
    case .bool: text = try bits() != 0 ? "true" : "false"
    case .int(_, true): text = String(Int64(bitPattern: try bits()))
    case .int, .uintptr: text = String(try bits())
    case .float(let size): text = Self.printFloat(Double(bitPattern: try bits()), bits: size, heap.profile.printFloats)
    case .string:
      text = String(decoding: try bytes(try word(v.source, v.offset), Int(try word(v.source, v.offset + 8))), as: UTF8.self)
    default: break
    }
    let name = goTypeString(dyn)
    guard let text else { return "(\(name)) 0x\(String(p[1], radix: 16))" }
    // printanycustomtype: a defined type's name around the value.
    guard let declared = dyn.name, declared != name else { return text }
    return dyn.isString ? "\(name)(\"\(text)\")" : "\(name)(\(text))"
  }
}
