import GCScript
import GoHeap
import Testing

/// Collects program output and stats requests.
final class RecordingHost: ScriptHost {
  var text = ""
  /// What went to the program's standard error (the builtins print and println).
  var errorText = ""
  var stats: [(String?, MemStats)] = []
  weak var runtime: GoRuntime?
  func output(_ t: String) { text += t }
  func errorOutput(_ t: String) { errorText += t }
  func expectation(_ r: ExpectationResult) {}
  func stats(label: String?, view: String?) {
    if let rt = runtime { stats.append((label, rt.memStats())) }
  }
}

/// Runs `code` on a fresh runtime; returns the output, or throws the located error.
@discardableResult
func run(
  _ code: String, profile: RuntimeProfile = .go127, machine: MachineConfig = MachineConfig(),
  check: Bool = true
) throws -> (String, RecordingHost, GoRuntime) {
  let (host, rt, _) = try interpret(code, profile: profile, machine: machine, check: check)
  return (host.text, host, rt)
}

/// Runs `code`, named `name` in diagnostics, on a fresh runtime; returns the host, the runtime
/// and the interpreter (its -m lines and bytecode listing), or throws the located error.
func interpret(
  _ code: String, name: String = "test.gcs", profile: RuntimeProfile = .go127,
  machine: MachineConfig = MachineConfig(), check: Bool = true,
  prepare: (GoRuntime) -> Void = { _ in }
) throws -> (RecordingHost, GoRuntime, Interpreter) {
  let src = Source(name: name, text: code)
  let (stmts, errors, _) = Interpreter.parse(src)
  if let e = errors.first { throw e }
  // As gcsh's session does: a Go program's process starts with its imports' start-up heap.
  let rt = GoRuntime(profile: profile, machine: machine, start: Interpreter.programStart(of: stmts))
  prepare(rt)
  let host = RecordingHost()
  host.runtime = rt
  let interp = Interpreter(heap: rt, host: host)
  try interp.run(stmts, source: src)
  if check { try rt.checkInvariants() }
  return (host, rt, interp)
}

/// A REPL's session: one interpreter on one runtime, running entries one after another.
struct Session {
  let rt: GoRuntime
  let host = RecordingHost()
  let interp: Interpreter

  init(profile: RuntimeProfile = .go127) {
    rt = GoRuntime(profile: profile)
    interp = Interpreter(heap: rt, host: host)
  }

  /// Runs one entry: its syntax error, compile errors or run-time error are thrown.
  func enter(_ code: String) throws {
    let src = Source(name: "<repl>", text: code)
    let (stmts, errors, _) = Interpreter.parse(src)
    if let e = errors.first { throw e }
    try interp.run(stmts, source: src)
  }
}

/// The error a program stops with: its first compile error, or the run-time error.
func failure(
  _ code: String, profile: RuntimeProfile = .go127, machine: MachineConfig = MachineConfig()
) -> ScriptError? {
  do {
    try run(code, profile: profile, machine: machine)
    return nil
  } catch let e as ScriptError {
    return e
  } catch let e as CompileErrors {
    return e.errors.first
  } catch {
    return nil
  }
}

/// The syntax errors of a source.
func syntaxErrors(_ code: String) -> [ScriptError] {
  Interpreter.parse(Source(name: "test.gcs", text: code)).1
}

/// The profile of a recorded Go version: "1.27.3" → go1.27, "1.19.8" → go1.19.
func profile(ofGo version: String) -> RuntimeProfile { version == "1.27.3" ? .go127 : .go119 }

/// Runs a recording's main.go under the profile of Go `version` and expects what it printed to
/// be one of Go's recorded runs, and the heap's invariants to hold after.
func expectRecordedOutput(_ name: String, _ version: String) throws {
  let recording = try RecordedRun(name)
  let (out, _, rt) = try run(recording.source, profile: profile(ofGo: version))
  #expect(recording.runs(version).contains(out), "gcsh:\n\(out)")
  try rt.checkInvariants()
}
