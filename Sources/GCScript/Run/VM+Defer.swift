// Panics and deferred calls: a panic unwinds the goroutine's frames from the innermost out,
// running each frame's deferred calls (runtime/panic.go gopanic: for an open-coded defer,
// the runtime finds the frame's defer bits and its exit code through the function's funcdata
// and runs the calls whose bits are set). gcsh resumes a frame with defers at its exit
// (CodeObject.deferExit), which runs them and returns; frames without defers are dropped.
// Then the panic ends the program, as with no recover Go's does (fatalpanic) — after the
// deferred calls' output, which is why `defer fmt.Println(...)` prints before `panic: ...`.
// os.Exit, fatal errors (stack overflow, out of memory) and Ctrl-C run no deferred calls.

extension VM {
  /// Whether a trap is a Go panic (deferred calls run) rather than an exit or a fatal error.
  static func isPanic(_ kind: ErrorKind) -> Bool {
    switch kind {
    case .goPanic, .goRuntimePanic, .nilDereference, .indexOutOfRange, .sliceOutOfRange,
      .divisionByZero, .negativeShift:
      return true
    default: return false
    }
  }

  /// Runs the deferred calls of every frame above `depth`, innermost first, and drops those
  /// frames — until one of the calls recovers the panic: then its frame has returned (with its
  /// results as they are) and the unwinding stops; returns whether that happened. A deferred
  /// call that panics in turn replaces the panic (the one reported).
  func unwindRunningDeferredCalls(to depth: Int) throws -> Bool {
    let saved = stopDepth
    defer { stopDepth = saved }
    while frames.count > depth {
      let f = frames[frames.count - 1]
      guard let exit = session.functions[f.function].deferExit else {
        frames.pop()
        continue
      }
      frames[frames.count - 1].pc = exit
      stopDepth = frames.count - 1
      panicking.frame = frames.count - 1
      try execute()
      if panicking.recovered { return true }
    }
    return false
  }
}
