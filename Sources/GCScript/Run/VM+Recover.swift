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
  /// The panic as raised, with the chain of panics it aborted.
  var trap = VMTrap(kind: .goPanic(""))
  /// The error the panic reports if nothing recovers it, located where it was raised.
  var error: Error? = nil
  /// What recover returned for it (a run-time error's value is made then): a later panic
  /// with the same value repanics this one.
  var recoveredValue: (UInt64, UInt64)? = nil
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
        if let unrecovered = try unwind(t, to: depth, report) { throw unrecovered.error }
        // The recovering frame returned: its caller resumes after the call.
        if frames.count == depth { return }
        frames[frames.count - 1].pc += 1
      }
    }
  }

  /// Panic `t`, just raised, unwinds the frames above `depth`, running their deferred calls
  /// (VM+Defer.swift). Returns nil when one of them recovered it (the recovering frame has
  /// returned), else the panic that goes on below `depth` — `t`, or a panic a deferred call
  /// raised that aborted it — whose value is then pending for the frames below.
  func unwind(_ t: VMTrap, to depth: Int, _ report: (VMTrap) -> Error) throws -> (trap: VMTrap, error: Error)? {
    // The enclosing panic's state comes back when this one is done — but not its pending
    // value, which belongs to whichever panic is raised now: none once this one is recovered
    // (a later run-time error must not find it), this one's value when it goes on unwinding
    // the frames below `depth`.
    let outer = panicking
    defer {
      let pending = panicking.pending
      panicking = outer
      panicking.pending = pending
    }
    let mark = inFlight.count
    defer { inFlight.removeSubrange(mark...) }
    begin(t, report(t))
    guard try unwindRunningDeferredCalls(to: depth, report) else {
      panicking.pending = panicking.value
      return (panicking.trap, panicking.error!)
    }
    return nil
  }

  /// Makes `t` the panic in progress, its value the one panic was given.
  private func begin(_ t: VMTrap, _ error: Error) {
    panicking.value = panicking.pending
    panicking.pending = nil
    panicking.active = true
    panicking.recovered = false
    panicking.recoveredValue = nil
    panicking.message = t.kind.message
    panicking.trap = t
    panicking.error = error
    // The value stays reachable while the frames unwind (the runtime's _panic holds it).
    if let (_, data) = panicking.value { inFlight.append(data) }
  }

  /// Frame `top`'s deferred calls, run at its exit while a panic unwinds. One of them may
  /// panic in turn (runtime/panic.go gopanic links the new _panic to this one): the new panic
  /// unwinds the frames above `top` — the deferred call's own, with their deferred calls — and
  /// if one of those recovers it, this exit goes on. Otherwise it has aborted this panic and
  /// takes its place: this frame's remaining deferred calls run for it (each call's defer bit
  /// was cleared before the call, so none runs twice), and so do the frames' below.
  func runDeferredCalls(of top: Int, _ report: (VMTrap) -> Error) throws {
    while true {
      do {
        try execute()
        return
      } catch let t as VMTrap where Self.isPanic(t.kind) {
        // Each panic raised inside a deferred call nests this unwinding in the host's stack.
        guard panicsNested < Self.maxNestedPanics else {
          throw SimulationLimit(
            "\(Self.maxNestedPanics) panics are unwinding at once, each raised by a deferred call of the one before: the most gcsh follows")
        }
        panicsNested += 1
        defer { panicsNested -= 1 }
        var later = t
        (later.aborted, later.repeatsLast) = chain(before: panicking.pending)
        guard let unrecovered = try unwind(later, to: top + 1, report) else {
          // The recovering frame returned: its caller resumes after the call.
          frames[frames.count - 1].pc += 1
          continue
        }
        begin(unrecovered.trap, unrecovered.error)
        frames[top].pc = session.functions[frames[top].function].deferExit!
        panicking.frame = top
      }
    }
  }

  /// The panics one goroutine may raise each inside a deferred call of the one before (Go's
  /// run until its stack limit, 2.0M deep in Go 1.27.3 and 1.4M in Go 1.19.8 for a function
  /// whose deferred call calls it again: ~500 and ~700 B of frames each).
  static let maxNestedPanics = 10_000

  /// The chain a panic with `value` raised now aborts: the one in progress, after the ones it
  /// aborted (printpanics: `panic: v [recovered]` for one a deferred call recovered before
  /// panicking; since Go 1.25, `[recovered, repanicked]` for one whose value the new panic
  /// carries again, whose line it then does not repeat — preprintpanics compares the two
  /// values' type and data words).
  private func chain(before value: (UInt64, UInt64)?) -> (aborted: [String], repeatsLast: Bool) {
    var lines = panicking.trap.aborted
    let now = panicking.value ?? panicking.recoveredValue
    let repanicked = heap.profile.version >= GoVersion(1, 25) && value != nil && now != nil
      && value! == now!
    if !panicking.trap.repeatsLast {
      let mark = panicking.recovered ? (repanicked ? " [recovered, repanicked]" : " [recovered]") : ""
      lines.append(printedPanic(panicking.message) + mark)
    }
    return (lines, repanicked)
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
      panicking.recoveredValue = (type, data)
      return
    }
    // A run-time error: an error whose Error() is the message without "panic: ".
    let bytes = Array(Self.panicValueText(panicking.message).utf8)
    var header: [UInt8] = []
    withUnsafeBytes(of: session.rodataAddress(of: bytes).littleEndian) { header += $0 }
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { header += $0 }
    out[0] = runtimeTypes.descriptor(of: .pointer(to: errorStringType), session)
    out[1] = session.rodataAddress(of: header)
    panicking.recoveredValue = (out[0], out[1])
  }

  /// A panic's message as its value reads: without "panic: " (a run-time error's Error(),
  /// what fmt prints for a String method's panic).
  static func panicValueText(_ message: String) -> Substring {
    message.hasPrefix("panic: ") ? message.dropFirst(7) : message[...]
  }

  /// A panic's message as the runtime prints it when it ends the program: since Go 1.23 every
  /// newline of the value is followed by a tab (runtime/error.go printpanicval's
  /// printindented, for a string, an error's Error() and a String(); checked with `go run`,
  /// Go 1.27.3: `panic: a` / `\tb`; Go 1.19.8 prints the value as it is).
  func printedPanic(_ message: String) -> String {
    guard heap.profile.version >= GoVersion(1, 23), message.contains("\n") else { return message }
    return message.replacingOccurrences(of: "\n", with: "\n\t")
  }

  /// An unrecovered panic's error kind as printed: its value, and each it aborted, indented as
  /// the profile's runtime prints them (the chain's earlier lines already are).
  func printedPanicKind(_ kind: ErrorKind) -> ErrorKind {
    switch kind {
    case .goPanic(let m): return .goPanic(printedPanic(m))
    case .abortedPanics(let earlier, let last, let repeatsLast):
      return .abortedPanics(earlier, printedPanicKind(last), repeatsLast: repeatsLast)
    default: return kind
    }
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
