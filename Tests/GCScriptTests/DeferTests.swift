// defer: open-coded deferred calls — their order, their arguments evaluated at the statement,
// and their running during a panic — against recorded runs of Go 1.27.3 and Go 1.19.8
// (Tests/Recordings/runs/deferprint) and by hand.

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// Runs a recording whose program dies of a panic under the profile of Go `version`, expecting
/// what it printed before and its exit status; returns the panic's message and a reader of
/// the recording's files (`recorded("stderr")`).
private func dyingRecording(_ name: String, _ version: String) throws
  -> (run: RecordedRun, interp: Interpreter, panicMessage: String?, recorded: (String) throws -> String)
{
  let run = try RecordedRun(name)
  let recorded = { (suffix: String) throws -> String in
    try String(contentsOf: run.directory.appendingPathComponent("go\(version).\(suffix)"), encoding: .utf8)
  }
  let host = RecordingHost()
  let interp = Interpreter(heap: GoRuntime(profile: profile(ofGo: version)), host: host)
  let source = Source(name: "./main.go", text: run.source)
  let (stmts, parseErrors, _) = Interpreter.parse(source)
  #expect(parseErrors.isEmpty)
  var panicMessage: String? = nil
  do { try interp.run(stmts, source: source) } catch let e as ScriptError { panicMessage = e.kind.message }
  #expect(host.text == (try recorded("stdout")))
  #expect(try recorded("status") == "exit status 2\n")
  return (run, interp, panicMessage, recorded)
}

/// deferprint: what the program printed before its panic, byte for byte; the panic's message;
/// the -m lines of its functions (Go 1.27's `f.deferwrapN` wrappers, and calls inlined into
/// them), but for those about fmt's operands, which gcsh does not convert to interfaces yet.
@Test(arguments: ["1.27.3", "1.19.8"])
func deferProgramPrintsWhatGoPrinted(_ version: String) throws {
  let (run, interp, panicMessage, recorded) = try dyingRecording("deferprint", version)
  #expect(panicMessage == (try recorded("stderr")).split(separator: "\n").first.map(String.init))
  let lines = run.source.split(separator: "\n", omittingEmptySubsequences: false)
  func decision(_ line: String) -> Bool {
    let parts = line.split(separator: ":")
    guard parts.count > 2, let n = Int(parts[1]), n <= lines.count else { return false }
    return !line.hasSuffix("escapes to heap") && !line.hasSuffix("... argument does not escape")
      && !line.hasSuffix("inlining call to fmt.Println") && n < 34
  }
  let goLines = try recorded("m.txt").split(separator: "\n").map(String.init).filter(decision)
  #expect(goLines.count >= 4)
  #expect(Set(interp.escapeDecisions.filter(decision)) == Set(goLines))
}

/// nestedpanic: panics raised by deferred calls while a panic unwinds — recovered where
/// raised, by an earlier deferred call of the same frame, or aborting the panic they
/// interrupted (the frame's remaining deferred calls run for the new one) — print what Go
/// printed, and the program dies with the chain Go prints, per version (runtime/panic.go
/// printpanics: `[recovered]`, and since Go 1.25 `[recovered, repanicked]`).
@Test(arguments: ["1.27.3", "1.19.8"])
func panicsInDeferredCallsChainAsGoPrintsThem(_ version: String) throws {
  let (_, _, panicMessage, recorded) = try dyingRecording("nestedpanic", version)
  // The chain: every line before the blank line and the goroutine trace.
  let chain = try recorded("stderr").components(separatedBy: "\n\ngoroutine ")[0]
  #expect(panicMessage == chain)
  #expect(panicMessage?.hasPrefix("panic: first [recovered]\n\tpanic: second") == true)
}

/// Values with newlines, in a chain: each printed whole (not cut at its first line), and since
/// Go 1.23 with a tab after each newline (printpanicval's printindented), as recorded.
@Test(arguments: ["1.27.3", "1.19.8"])
func multiLinePanicValuesPrintAsGoPrintsThem(_ version: String) throws {
  let (_, _, panicMessage, recorded) = try dyingRecording("multilinepanic", version)
  let chain = try recorded("stderr").components(separatedBy: "\n\ngoroutine ")[0]
  #expect(panicMessage == chain)
  #expect(chain.contains("line two"))
}

/// Unwinding is nested in gcsh's own stack once per panic a deferred call raises: a chain
/// deeper than gcsh follows ends the run with a named limit, not a crash (Go runs it until the
/// goroutine's 1 GB stack overflows, ~2M panics deep).
@Test func panicsNestedWithoutEndStopAtANamedLimit() throws {
  let error = runOnLargeStack {
    failure("""
      func f(n int) {
        defer func() { f(n + 1) }()
        panic(n)
      }
      f(0)
      """)
  }
  #expect(error?.kind.message.hasPrefix("\(VM.maxNestedPanics) panics are unwinding at once") == true)
}

/// A goroutine's panic unwinds its first frame's deferred calls at the base of its dispatch
/// loop: a deferred call that sleeps must not switch goroutines there, or the unwinding is
/// left and the panic lost (the program went on to print "main end" and exit 0). As recorded,
/// the call runs and the panic ends the program while main sleeps.
@Test(arguments: ["1.27.3", "1.19.8"])
func aGoroutinesPanicSurvivesADeferredSleep(_ version: String) throws {
  let (_, _, panicMessage, _) = try dyingRecording("goroutinepanic", version)
  #expect(panicMessage == "panic: boom")
}

/// A deferred call that would block while a panic unwinds is gcsh's named limit, located at
/// the blocking statement (gcsh cannot leave the unwinding for another goroutine).
@Test func blockingInADeferredCallOfAPanicIsANamedLimit() throws {
  let error = failure("""
    done := make(chan bool)
    go func() {
      defer func() { done <- true }()
      panic("boom")
    }()
    runtime.Gosched()
    <-done
    """)
  #expect(error?.kind.message.hasPrefix("gcsh cannot block a goroutine (chan send)") == true)
  #expect(error?.line == 3)
}

/// A deferred call's arguments are the frame's until the call runs: a collection in between
/// must not free what they point to (the slots are live to the exit, as Go's open-coded defer
/// keeps the wrapper's closure in the frame).
@Test func deferredArgumentsStayAliveUntilTheCall() throws {
  let (host, rt, _) = try interpret("""
    var garbage []byte
    func check(b []byte, want byte) { print len(b), b[0] == want, b[len(b)-1] == want }
    func f() {
      b := make([]byte, 1<<20)
      for i := range b { b[i] = 7 }
      defer check(b, 7)
      b = nil
      for i := 0; i < 50; i++ { garbage = make([]byte, 1<<20) }
      runtime.GC()
      var m runtime.MemStats
      runtime.ReadMemStats(&m)
      print m.HeapAlloc >= 2<<20
    }
    f()
    runtime.GC()
    stats "after"
    """)
  #expect(host.text == "true\n1048576 true true\n")
  try rt.checkInvariants()
  // After f returned, only `garbage`'s last megabyte is left.
  #expect(host.stats.last!.1.heapAlloc < 2 << 20)
}

/// The statement forms: methods (the receiver evaluated at the statement), builtins, a call of
/// several results' values; results are set before deferred calls run; os.Exit runs none.
@Test func deferForms() throws {
  let (host, _, _) = try interpret("""
    type t struct{ name string }
    func (x t) hello() { print "hello", x.name }
    func two() (int, int) { return 1, 2 }
    func pair(a, b int) { print "pair", a, b }
    func g() int {
      v := t{"first"}
      defer v.hello()
      v = t{"second"}
      defer pair(two())
      defer println("builtin println")
      return 42
    }
    print g()
    """)
  #expect(host.text == "pair 1 2\nhello first\n42\n")
  #expect(host.errorText == "builtin println\n")
  let exitHost = RecordingHost()
  let interp = Interpreter(heap: GoRuntime(profile: .go127), host: exitHost)
  let source = Source(name: "exit.gcs", text: "func f() { defer print(\"never\"); os.Exit(3) }\nf()")
  #expect(throws: ScriptError.self) { try interp.run(Interpreter.parse(source).0, source: source) }
  #expect(exitHost.errorText == "" && exitHost.text == "")
}

/// What gcsh does not run, named; what Go rejects, in Go's words.
@Test func deferRefusals() throws {
  // A defer in a loop runs (DeferLoopTests).
  #expect(failure("func f() {}\nfunc g() { for i := 0; i < 3; i++ { defer f() } }\ng()") == nil)
  #expect(failure("func f() {}\ndefer f()")?.kind.message
    == "defer outside a function (the top level of a script is not a function body) is not supported by gcsh yet")
  // Go accepts it (recover is one of the builtins a statement may call); it recovers nothing,
  // as recover is not called by a deferred function.
  #expect(failure("func g() { defer recover() }")?.kind.message == nil)
  #expect(failure("func g() { s := []int{1}; defer len(s) }")?.kind.message == "defer discards result of len(s) (value of type int)")
}

/// panic(nil): since Go 1.21 the run-time error "panic called with nil argument" (what recover
/// returns prints so); before, a panic printed as `panic: nil` that recover returns as nil.
/// (`go run`, Go 1.27.3 and 1.19.8; gcsh gives the error the type *errors.errorString where
/// Go's is *runtime.PanicNilError, as for every run-time error: VM+Recover.swift.)
@Test func panicWithNilIsEachGosOwn() throws {
  let program = "func f() {\n  defer func() { fmt.Println(recover()) }()\n  panic(nil)\n}\nf()"
  #expect(try run(program).0 == "runtime error: panic called with nil argument\n")
  #expect(try run(program, profile: .go119).0 == "<nil>\n")
  #expect(failure("panic(nil)")?.kind.message == "panic: runtime error: panic called with nil argument")
  #expect(failure("panic(nil)", profile: .go119)?.kind.message == "panic: nil")
}
