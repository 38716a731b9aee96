// Session: one simulated process and the interpreter driving it, wired to a reporter.

import GCReport
import GCScript
import GoHeap

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Exit statuses (README.md's table); `program(n)` is the status a program gave os.Exit.
struct ExitStatus: Equatable {
  let rawValue: Int32
  static let ok = ExitStatus(rawValue: 0)
  static let expectationFailed = ExitStatus(rawValue: 1)
  static let usage = ExitStatus(rawValue: 64)
  static let syntax = ExitStatus(rawValue: 65)
  static let died = ExitStatus(rawValue: 70)
  static let io = ExitStatus(rawValue: 74)
  static let interrupted = ExitStatus(rawValue: 130)
  static func program(_ n: Int) -> ExitStatus { ExitStatus(rawValue: Int32(n & 0xFF)) }
}

/// Settings a session starts from (flags over environment over defaults).
struct SessionConfig {
  /// The simulated process's environment (os.Getenv): gcsh's own, with GOGC, GOMEMLIMIT and
  /// GODEBUG as the flags set them — the environment the real program would have been run in.
  var environment: [String: String] = ProcessInfoLite.environment
  var profile: RuntimeProfile = .go127
  var gcPercent = 100
  var memoryLimit = Int.max
  var machine = MachineConfig()
  var format: Reporter.Format = .text
  var gctrace = false
  var scavtrace = false
  /// GODEBUG=gcpacertrace=1: the pacer's lines at each cycle's start and end.
  var pacertrace = false
  /// Program output and passing checks are not shown (gcsh check); failures still are.
  var quiet = false
  /// Narrate each statement (`--explain`).
  var explain = false
  /// Nothing on stderr either (gcsh compare shows only its table).
  var silent = false
  /// Print the lowered bytecode after the run (`--bytecode`).
  var bytecode = false
  /// Print the escape analysis decisions (`-m`).
  var escapeDecisions = false
  /// Record the timeline (for `--timeline`, `--report`, the REPL's `plot` and `:report`).
  var recordTimeline = false
  /// Where to write the timeline's CSV (`--timeline`) and the HTML report (`--report`).
  var timelinePath: String?
  var reportPath: String?
  /// Check the heap's invariants after each run (`--check-invariants`; the generated-program
  /// tests use it).
  var checkInvariants = false
  /// Step every forced GC of a long sleep (`--step-sleeps`): GoRuntime.advancesSteadyPeriods off.
  var stepSleeps = false
  /// `--max-steps`: each run stops after this many loop iterations and calls.
  var maxSteps: Int?
  /// Where standard output goes instead of stdout (gcsh verify reads its JSON lines).
  var capture: ((String) -> Void)?
}

/// Writes to a stdio stream.
func write(_ s: String, to stream: UnsafeMutablePointer<FILE>) {
  write(Array(s.utf8), to: stream)
}

/// Writes bytes as they are: fwrite, not fputs, since a program's output may hold NUL bytes
/// (`string(make([]byte, 8))`), which a C string would end at, and need not be UTF-8.
func write(_ bytes: [UInt8], to stream: UnsafeMutablePointer<FILE>) {
  _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
  if stream == stderr { fflush(stderr) }
}

/// The host the interpreter prints through.
final class Host: ScriptHost {
  let reporter: Reporter
  let env: [String: String]
  /// The timeline being recorded, if any: it samples at each statement boundary and `stats`.
  var timeline: Timeline?
  init(_ r: Reporter, environment: [String: String]) {
    reporter = r
    env = environment
  }
  func environment(_ name: String) -> String? { env[name] }
  func output(_ text: String) { reporter.output(text) }
  func errorOutput(_ text: String) { reporter.errorOutput(text) }
  func output(bytes: [UInt8]) { reporter.output(bytes: bytes) }
  func errorOutput(bytes: [UInt8]) { reporter.errorOutput(bytes: bytes) }
  func stats(label: String?, view: String?) {
    timeline?.checkpoint(label: label)
    reporter.stats(label: label, view: view)
  }
  var wantsStatementBoundaries: Bool { timeline != nil }
  func statementBoundary(file: String, lines: ClosedRange<Int>) { timeline?.statementFinished(lines: lines) }
  func runStarting(_ source: Source) { timeline?.runStarting(name: source.name, text: source.text) }
  func why(_ what: String?) { reporter.why(what) }
  func statementFinished(_ text: String) { reporter.statementFinished(text) }
  func setExplain(_ on: Bool) { reporter.setExplain(on) }
  var isExplaining: Bool { reporter.explain }
  func heapAllocations(_ notes: [String]) { reporter.heapAllocations(notes) }
  func heapMap() { reporter.heapMap() }
  func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)]) { reporter.roots(list) }
  func expectation(_ r: ExpectationResult) {
    reporter.expectation(
      passed: r.passed, check: r.check, actual: r.actual, file: r.error.file, line: r.error.line,
      column: r.error.column, rendered: r.error.rendered)
  }
}

/// A running process plus its interpreter.
final class Session {
  private(set) var config: SessionConfig
  private(set) var runtime: GoRuntime
  private(set) var interpreter: Interpreter
  let reporter: Reporter
  private var host: Host
  /// The session's timeline, when `config.recordTimeline`.
  let timeline: Timeline?
  /// How the simulated process ended (`Killed`, `fatal error: stack overflow`, `exit status
  /// 3`), once it has: the REPL then runs nothing until :reset.
  private(set) var ended: String?
  /// Whether anything has run on this process yet: until then, a Go program may replace it with
  /// a process started as that program (its imports' start-up heap).
  private var hasRun = false

  init(_ config: SessionConfig) {
    self.config = config
    reporter = Reporter(
      format: config.format, gctrace: config.gctrace, scavtrace: config.scavtrace,
      pacertrace: config.pacertrace,
      stdout: config.quiet ? { _ in } : config.capture ?? { write($0, to: stdout) },
      stderr: config.silent ? { _ in } : { fflush(stdout); write($0, to: stderr) },
      stdoutBytes: config.quiet || config.capture != nil ? nil : { write($0, to: stdout) },
      stderrBytes: config.silent ? nil : { fflush(stdout); write($0, to: stderr) })
    host = Host(reporter, environment: config.environment)
    // Colour only on a terminal, honouring NO_COLOR and TERM=dumb.
    let env = ProcessInfoLite.environment
    reporter.color = isatty(1) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    runtime = GoRuntime(
      profile: config.profile, machine: config.machine, gcPercent: config.gcPercent,
      memoryLimit: config.memoryLimit)
    runtime.advancesSteadyPeriods = !config.stepSleeps
    interpreter = Interpreter(heap: runtime, host: host)
    interpreter.maxSteps = config.maxSteps
    reporter.attach(runtime)
    reporter.setExplain(config.explain)
    // JSON lines carry the timeline's samples (Reporter.record), so they record one too.
    timeline = config.recordTimeline || config.format == .jsonl ? Timeline() : nil
    if let timeline { reporter.record(timeline) }
    timeline?.attach(runtime)
    host.timeline = timeline
  }

  /// A fresh process (the REPL's :reset, or :profile with another era; a Go program's start).
  func reset(profile: RuntimeProfile? = nil, start: ProgramStart = .script) {
    if let profile { config.profile = profile }
    runtime = GoRuntime(
      profile: config.profile, machine: config.machine, gcPercent: config.gcPercent,
      memoryLimit: config.memoryLimit, start: start)
    hasRun = false
    runtime.advancesSteadyPeriods = !config.stepSleeps
    let echo = interpreter.echoExpressions
    interpreter = Interpreter(heap: runtime, host: host)
    interpreter.maxSteps = config.maxSteps
    interpreter.echoExpressions = echo
    reporter.attach(runtime)
    timeline?.attach(runtime)
    ended = nil
  }

  /// Writes `--timeline`'s CSV and `--report`'s HTML, if asked for, closing the timeline at the
  /// current virtual time. Returns false (having said why on stderr) when a file cannot be written.
  func writeTimelineFiles(title: String) -> Bool {
    var ok = true
    if let path = config.timelinePath, let t = timeline {
      t.finish()
      ok = writeFile(path, TimelineCSV.render(t)) && ok
    }
    if let path = config.reportPath {
      ok = writeReport(to: path, title: title) && ok
    }
    return ok
  }

  /// The HTML report of the session so far.
  func writeReport(to path: String, title: String) -> Bool {
    guard let t = timeline else { return false }
    t.finish()
    return writeFile(path, HTMLReport.render(HTMLReport.Run(timeline: t, runtime: runtime), title: title))
  }

  /// `plot`: the terminal chart of the session so far.
  func plot() -> String {
    guard let t = timeline else { return "" }
    return TerminalPlot.render(t, unicode: terminalShowsUnicode())
  }

  /// Reports a located error through the reporter.
  func report(_ e: ScriptError) {
    reporter.error(
      kind: e.kind.category, file: e.file, line: e.line, column: e.column, message: e.kind.message,
      rendered: e.rendered)
    if let status = e.kind.goExitStatus {
      reporter.note("(the Go program would have exited with status \(status))")
    }
  }

  /// Runs one REPL entry (already parsed): its errors are reported, and the session stays —
  /// unless the simulated process ended, which is said once, here, with what to do next.
  func runEntry(_ stmts: [Stmt], errors: [ScriptError], source: Source) {
    if let stop = errors.first(where: { $0.kind == .interrupted }) {
      _ = reportInterruption(stop)
      return
    }
    if !errors.isEmpty {
      for e in errors { report(e) }
      return
    }
    guard refuseIfEnded() else { return }
    hasRun = true
    do {
      try interpreter.run(stmts, source: source)
      settle(source.text)
    } catch let e as CompileErrors {
      // A type error: nothing of the entry ran, and nothing it declared stays. (Ctrl-C while
      // it was checked: only that.)
      if let stop = e.errors.first(where: { $0.kind == .interrupted }) {
        _ = reportInterruption(stop)
        return
      }
      for err in e.errors { report(err) }
    } catch let e as ScriptError {
      if case .programExit = e.kind {} else { report(e) }
      if recordEnd(e.kind) { noteEnded() }
    } catch {
      reporter.note("gcsh: internal error: \(error)")
    }
  }

  /// At the prompt the program is idle: a GC cycle the entry started runs to its end now, so
  /// that its trace line and narration print with this entry, not with the next one.
  private func settle(_ entry: String) {
    do {
      if try runtime.idleUntilCycleEnds() { reporter.statementFinished(entry) }
    } catch {
      reporter.note("gcsh: the runtime failed while the program was idle: \(error)")
    }
  }

  /// A script that Ctrl-C or --timeout stopped, while it compiled (nothing ran) or ran: the
  /// error at the statement or function it reached, naming the limit when --timeout stopped it.
  private func reportInterruption(_ e: ScriptError) -> ExitStatus {
    Interrupt.requested = false
    guard Watchdog.fired else {
      report(e)
      return .interrupted
    }
    var limit = ScriptError(
      .invalidSetting("stopped by --timeout \(Watchdog.limit): the script ran longer than that (wall clock)"),
      at: e.span)
    (limit.file, limit.line, limit.column, limit.sourceLine) = (e.file, e.line, e.column, e.sourceLine)
    report(limit)
    return .died
  }

  /// The REPL's `:load FILE`: runs a script in this session as `gcsh FILE` would, then puts
  /// the REPL's own settings back (narration, echo of values), whatever the script set.
  func load(_ source: Source) {
    guard refuseIfEnded() else { return }
    let explaining = reporter.explain
    let echo = interpreter.echoExpressions
    interpreter.echoExpressions = false
    defer {
      interpreter.echoExpressions = echo
      if reporter.explain != explaining { reporter.setExplain(explaining) }
    }
    _ = runScript(source)
    if ended == nil { settle(source.name) } else { noteEnded() }
  }

  /// True when the process is alive; otherwise says that it is not and returns false.
  private func refuseIfEnded() -> Bool {
    guard let ended else { return true }
    reporter.note("the simulated process has ended (\(ended)); :reset starts a fresh one")
    return false
  }

  /// After an error: records whether it ended the process. Returns true the first time.
  @discardableResult
  private func recordEnd(_ kind: ErrorKind) -> Bool {
    guard kind.endsProcess, ended == nil else { return false }
    switch kind {
    case .programExit(let n): ended = "exit status \(n & 0xFF)"
    case .death(.killedByKernel, _): ended = "Killed, exit status 137"
    default: ended = kind.goExitStatus.map { "exit status \($0)" } ?? "gcsh stopped it"
    }
    return true
  }

  /// Says, right after the statement that ended it, that the process is gone and what to do.
  private func noteEnded() {
    reporter.note(
      "the simulated process has ended: nothing more runs in it, and its heap and variables are "
        + "gone; :reset starts a fresh one with the same settings")
  }

  /// Parses and runs a whole source (its statements first rewritten by `transform`, as gcsh
  /// verify adds a checkpoint before each expectation). Returns the exit status.
  func runScript(_ source: Source, transform: (([Stmt]) -> [Stmt])? = nil) -> ExitStatus {
    let status = runScriptUnchecked(source, transform: transform)
    // A dead process's heap is abandoned where the death stopped it (the kernel can kill it in
    // the middle of copystack, with the old and the new stack both in use): the invariants are
    // a living runtime's.
    guard config.checkInvariants, runtime.deathCause == nil else { return status }
    do {
      try runtime.checkInvariants()
    } catch {
      reporter.note("gcsh: internal error: a heap invariant does not hold after the run: \(error)")
      return .died
    }
    return status
  }

  private func runScriptUnchecked(_ source: Source, transform: (([Stmt]) -> [Stmt])?) -> ExitStatus {
    let (parsed, errors, _) = Interpreter.parse(source, declared: Set(interpreter.globalNames))
    let stmts = transform?(parsed) ?? parsed
    if let stop = errors.first(where: { $0.kind == .interrupted }) { return reportInterruption(stop) }
    if !errors.isEmpty {
      for e in errors { report(e) }
      return .syntax
    }
    // A Go program run first gets the process it would start as (the heap its imports' inits
    // leave); a script, or a program loaded after other entries, runs in the process as it is.
    let start = Interpreter.programStart(of: stmts)
    if !hasRun && start != .script { reset(start: start) }
    hasRun = true
    defer {
      if config.escapeDecisions {
        let lines = interpreter.escapeDecisions
        if !lines.isEmpty { write(lines.joined(separator: "\n") + "\n", to: stderr) }
      }
      if config.bytecode { write(interpreter.bytecodeListing, to: stderr) }
    }
    do {
      try interpreter.run(stmts, source: source)
    } catch let e as CompileErrors {
      if let stop = e.errors.first(where: { $0.kind == .interrupted }) { return reportInterruption(stop) }
      for err in e.errors { report(err) }
      return .syntax
    } catch let e as ScriptError {
      // os.Exit: the program ends with its status, and prints nothing (as the binary would).
      if case .programExit(let n) = e.kind {
        fflush(stdout)
        recordEnd(e.kind)
        return .program(n)
      }
      if case .interrupted = e.kind, Watchdog.fired { return reportInterruption(e) }
      report(e)
      recordEnd(e.kind)
      if case .interrupted = e.kind { return .interrupted }
      return .died
    } catch {
      reporter.note("gcsh: internal error: \(error)")
      return .died
    }
    fflush(stdout)
    return interpreter.failedExpectations > 0 ? .expectationFailed : .ok
  }
}

/// Writes a whole file; on failure says why on stderr (`gcsh: cannot write 'x': ...`).
func writeFile(_ path: String, _ text: String) -> Bool {
  guard let f = fopen(path, "wb") else {
    write("gcsh: cannot write '\(path)': \(String(cString: strerror(errno)))\n", to: stderr)
    return false
  }
  let bytes = Array(text.utf8)
  let n = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
  let closed = fclose(f) == 0
  if n != bytes.count || !closed {
    write("gcsh: cannot write '\(path)': \(String(cString: strerror(errno)))\n", to: stderr)
    return false
  }
  return true
}

/// Whether the terminal can show the plot's block characters: a UTF-8 locale (LC_ALL, then
/// LC_CTYPE, then LANG, as setlocale reads them) and not TERM=dumb.
func terminalShowsUnicode() -> Bool {
  let env = ProcessInfoLite.environment
  if env["TERM"] == "dumb" { return false }
  let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
  let l = locale.lowercased()
  return l.contains("utf-8") || l.contains("utf8")
}
