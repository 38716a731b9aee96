// gcsh: the command line. Parses arguments and the environment, wires a Session, and runs a
// script, an expression, stdin or the REPL.

import ArgumentParser
import GCReport
import GCScript
import GoHeap

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// gcsh's version (`gcsh --version`).
let gcshVersion = "0.1.0"

@main
struct GCSH: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gcsh",
    abstract: "The GC shell: run GCScript (or simple Go programs) on a simulated Go runtime heap.",
    version: "gcsh \(gcshVersion) (simulates go1.27, go1.19 and go1.0)",
    subcommands: [Run.self, Check.self, Compare.self, ExportGo.self, Verify.self],
    defaultSubcommand: Run.self)

  /// `gcsh --help` is the default command's help (its options are what `gcsh FILE` takes) with
  /// the other subcommands after it; ArgumentParser would list only the subcommands.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
      var text = helpMessage(for: Run.self)
      while text.hasSuffix("\n") { text.removeLast() }
      text += "\n\nSUBCOMMANDS:\n"
      for (name, c) in [("check", Check.self), ("compare", Compare.self), ("export-go", ExportGo.self), ("verify", Verify.self)] as [(String, ParsableCommand.Type)] {
        text += "  " + name.padding(22) + c.configuration.abstract + "\n"
      }
      text += "\n  See 'gcsh help <subcommand>' for detailed help."
      print(text)
      return
    }
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      exit(withError: error)
    }
  }
}

extension String {
  /// The string followed by blanks up to `width` characters.
  func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// `gcsh check FILE...`: runs each exercise in a fresh process and counts those whose
/// expectations all held.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run scripts and report which pass their `expect` checks.")

  @Argument(help: "Scripts to check.")
  var files: [String]

  @Option(help: "Runtime profile: go1.27 (default), go1.19 or go1.0.")
  var profile: String?

  /// Each file's settings: its `//gcsh:` directives under the command's profile.
  func configs() throws -> [String: SessionConfig] {
    var perFile: [String: SessionConfig] = [:]
    for f in files {
      var r = try Run.parse([f])
      r.profile = profile ?? r.profile
      if let text = readFile(f) {
        let d = Run.directives(in: text)
        r.adopt(d)
      }
      perFile[f] = try r.makeConfig()
    }
    return perFile
  }

  /// A bad value is a usage error shown with this command's usage (ArgumentParser shows the
  /// subcommand's only for errors thrown here, not from run).
  func validate() throws { _ = try configs() }

  mutating func run() throws {
    let files = self.files
    let perFile = try configs()
    let status: Int32 = runOnLargeStack {
      var passed = 0
      var failed = 0
      for f in files {
        guard let text = readFile(f) else {
          write("FAIL \(f): cannot read it\n", to: stdout)
          failed += 1
          continue
        }
        var quiet = perFile[f] ?? SessionConfig()
        quiet.quiet = true
        let session = Session(quiet)
        let s = session.runScript(Source(name: f, text: text))
        let n = session.interpreter.failedExpectations
        if s == .ok {
          passed += 1
          write("PASS \(f)\n", to: stdout)
        } else {
          failed += 1
          write("FAIL \(f)" + (n > 0 ? " (\(n) expectation\(n == 1 ? "" : "s") failed)" : " (exit status \(s.rawValue))") + "\n", to: stdout)
        }
      }
      write("\(passed) passed, \(failed) failed\n", to: stdout)
      fflush(stdout)
      return failed == 0 ? 0 : 1
    }
    if status != 0 { throw ExitCode(status) }
  }
}

/// `gcsh compare --profile go1.0 --profile go1.27 FILE`: one script under two settings of one
/// option, its `stats` checkpoints side by side, differences marked.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a script under two values of one option and compare its stats checkpoints.")

  @Option(help: "Two runtime profiles.") var profile: [String] = []
  @Option(help: "Two GOGC values.") var gogc: [String] = []
  @Option(help: "Two operating systems.") var os: [String] = []
  @Option(help: "Two GOMEMLIMIT values.") var memlimit: [String] = []
  @Option(help: "Two GODEBUG settings.") var godebug: [String] = []
  @Option(help: ArgumentHelp("Also write both runs on one chart as an HTML report to FILE.", valueName: "file"))
  var report: String?
  @Argument(help: "The script.") var file: String

  /// The one option given twice, and its two values.
  var compared: (String, [String])? {
    let options: [(String, [String])] = [
      ("profile", profile), ("gogc", gogc), ("os", os), ("memlimit", memlimit), ("godebug", godebug),
    ].filter { !$0.1.isEmpty }
    guard options.count == 1, options[0].1.count == 2 else { return nil }
    return options[0]
  }

  /// A usage error here is reported with compare's usage (ArgumentParser does so for errors
  /// thrown from validate, not from run).
  func validate() throws {
    guard compared != nil else {
      throw ValidationError("give exactly two values of one option, e.g. --profile go1.0 --profile go1.27")
    }
    // A bad value shows this command's usage (see Check.validate).
    _ = try configs(text: readFile(file) ?? "")
  }

  /// The two runs' settings: the script's directives with each compared value.
  func configs(text: String) throws -> [SessionConfig] {
    guard let (name, values) = compared else { throw ExitCode(ExitStatus.usage.rawValue) }
    var configs: [SessionConfig] = []
    for v in values {
      var r = try Run.parse([file, "--\(name)", v])
      let d = Run.directives(in: text)
      r.adopt(d)
      var c = try r.makeConfig()
      c.quiet = true
      c.silent = true
      c.explain = false
      c.recordTimeline = report != nil
      configs.append(c)
    }
    return configs
  }

  mutating func run() throws {
    guard let (name, values) = compared else { throw ExitCode(ExitStatus.usage.rawValue) }
    guard let text = readFile(file) else { throw ExitCode(ExitStatus.io.rawValue) }
    let configs = try configs(text: text)
    let path = file
    let reportPath = report
    let output: String = runOnLargeStack {
      var columns: [[(String, MemStats)]] = []
      var runs: [HTMLReport.Run] = []
      for (c, v) in zip(configs, values) {
        var snapshots: [(String, MemStats)] = []
        let session = Session(c)
        session.reporter.statsObserver = { label, m in snapshots.append((label ?? "stats \(snapshots.count + 1)", m)) }
        _ = session.runScript(Source(name: path, text: text))
        columns.append(snapshots)
        if let t = session.timeline {
          t.finish()
          runs.append(HTMLReport.Run(timeline: t, name: "--\(name) \(v)", runtime: session.runtime))
        }
      }
      if let reportPath, runs.count == 2,
        !writeFile(reportPath, HTMLReport.compare(runs[0], runs[1], title: path))
      {
        return ""
      }
      return CompareTable.render(
        title: "\(path): --\(name) \(values[0]) | --\(name) \(values[1])", columns[0], columns[1],
        color: isatty(1) != 0 && ProcessInfoLite.environment["NO_COLOR"] == nil)
    }
    if output.isEmpty { throw ExitCode(ExitStatus.io.rawValue) }
    write(output, to: stdout)
  }
}

/// Running a script, code, stdin or the REPL (the default command).
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a script, code (-e), stdin, or the REPL (the default: `gcsh FILE` is `gcsh run FILE`).",
    usage: "gcsh [<options>] [<file> | -e <code>]",
    discussion: """
      With no file on a terminal, starts the REPL. Time is virtual: `sleep 5m` takes no wall \
      time. The environment variables GOGC, GOMEMLIMIT and GODEBUG (gctrace=1, scavtrace=1, gcpacertrace=1, \
      madvdontneed=0) are honoured as the Go runtime honours them; flags win.
      """)

  @Argument(help: "A .gcs or .go file to run ('-' for stdin).")
  var file: String?

  @Option(name: .short, help: ArgumentHelp("Run CODE (named <-e> in diagnostics).", valueName: "code"))
  var e: String?

  @Flag(name: .short, help: "Stay interactive after running the file or code.")
  var interactive = false

  @Option(help: "Runtime profile: go1.27 (default), go1.19 or go1.0.")
  var profile: String?

  @Option(help: "GOGC: a percentage or 'off'.")
  var gogc: String?

  @Option(help: "GOMEMLIMIT: a size such as 200MiB, or 'off'.")
  var memlimit: String?

  @Option(help: "Simulated machine memory (default 16GiB).")
  var ram: String?

  @Option(help: "GODEBUG settings, e.g. madvdontneed=0.")
  var godebug: String?

  @Option(help: "Operating system: linux (default), darwin, windows, plan9.")
  var os: String?

  @Option(help: "A container (cgroup) memory limit, e.g. 512MiB: the kernel kills the process above it.")
  var container: String?

  @Flag(help: "Print the runtime's trace lines (as GODEBUG=gctrace=1,scavtrace=1).")
  var gctrace = false

  @Flag(help: "After each statement, explain what the runtime did and why.")
  var explain = false

  @Flag(help: "After the run, print the bytecode each function was lowered to, with its stack maps (stderr).")
  var bytecode = false

  @Flag(name: .customShort("m"), help: "Print the escape analysis decisions, as go build -gcflags=-m does (stderr).")
  var escapeDecisions = false

  @Option(help: "Output format: text or jsonl.")
  var format: String = "text"

  @Option(help: ArgumentHelp("Write the run's timeline as CSV (one row per sample) to FILE.", valueName: "file"))
  var timeline: String?

  @Option(help: ArgumentHelp("Write a self-contained HTML report (chart, script, stats) to FILE.", valueName: "file"))
  var report: String?
  @Option(help: "Stop a script that runs longer than this wall-clock time (e.g. 10s, 2m): an error that names the limit, exit status 70.")
  var timeout: String?

  @Option(help: "Stop a script after N steps (loop iterations and calls; a loop gcsh runs as one fill counts each iteration): an error that names the limit, exit status 70.")
  var maxSteps: Int?

  @Flag(help: "Simulate every forced GC of a long sleep one by one, instead of advancing the periods that repeat at once (same numbers, slower: a check of the closed form).")
  var stepSleeps = false

  @Flag(help: "After the run, check the simulated heap's invariants (MemStats identities, page and span accounting); a violation is an internal error.")
  var checkInvariants = false

  /// `-e CODE` runs instead of a file: both at once is a usage error, never a file ignored.
  func validate() throws {
    if let maxSteps, maxSteps <= 0 {
      throw ValidationError("invalid --max-steps value \(maxSteps): a positive number of steps")
    }
    if let timeout, Watchdog.seconds(timeout) == nil {
      throw ValidationError("invalid --timeout value '\(timeout)': a duration such as 500ms, 10s or 2m")
    }
    if e != nil, let file {
      throw ValidationError("-e runs its code instead of a file: give -e <code> or '\(file)', not both")
    }
  }

  mutating func run() throws {
    // A parent may have blocked SIGINT/SIGHUP/SIGALRM (the mask is inherited across exec;
    // Foundation's Process blocks them): unblock them so Ctrl-C and --timeout reach the
    // interpreter.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGHUP)
    sigaddset(&set, SIGALRM)  // --timeout
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
    let command = self
    let status = runOnLargeStack { command.main() }
    if status != 0 { throw ExitCode(status) }
  }

  /// The command's work, on the interpreter's large-stack thread; returns the exit status.
  func main() -> Int32 {
    do {
      try execute()
      return 0
    } catch let e as ExitCode {
      return e.rawValue
    } catch {
      write("gcsh: \(error)\n", to: stderr)
      return ExitStatus.usage.rawValue
    }
  }

  /// Settings a script asks for in a `//gcsh: --flag value ...` comment among its first lines
  /// (a lesson that needs --os darwin, say); flags on the command line win.
  static func directives(in text: String) -> [String: String] {
    var out: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(10) {
      let text = String(line)
      guard text.hasPrefix("//gcsh:") else { continue }
      let words = text.dropFirst(7).split(separator: " ").map(String.init)
      var k = 0
      while k + 1 < words.count {
        if words[k].hasPrefix("--") { out[String(words[k].dropFirst(2))] = words[k + 1] }
        k += 2
      }
    }
    return out
  }

  /// Takes a script's `//gcsh:` settings for every option the command line left unset.
  mutating func adopt(_ d: [String: String]) {
    profile = profile ?? d["profile"]
    os = os ?? d["os"]
    godebug = godebug ?? d["godebug"]
    gogc = gogc ?? d["gogc"]
    memlimit = memlimit ?? d["memlimit"]
    ram = ram ?? d["ram"]
    container = container ?? d["container"]
  }

  func execute() throws {
    var me = self
    if let path = file, path != "-", let text = readFile(path) {
      let d = Self.directives(in: text)
      me.adopt(d)
    }
    try me.executeConfigured()
  }

  func executeConfigured() throws {
    let config = try makeConfig()
    try run(with: config)
  }

  /// The session settings: flags, then the environment, then defaults.
  func makeConfig() throws -> SessionConfig {
    var config = SessionConfig()
    let env = ProcessInfoLite.environment
    if let name = profile {
      guard let p = RuntimeProfile.named(name) else {
        throw ValidationError("unknown profile '\(name)' (go1.27, go1.19, go1.0)")
      }
      config.profile = p
    }
    if let g = gogc {
      // GOGC is an int32 percentage (runtime readGOGC, atoi32).
      guard g == "off" || Int32(g) != nil else {
        throw ValidationError("invalid --gogc value '\(g)': a percentage from -2147483648 to 2147483647, or off")
      }
      config.gcPercent = g == "off" ? -1 : Int(Int32(g)!)
    } else if let g = env["GOGC"] {
      // The runtime's own rule (mgcpacer.go readGOGC): "off", an int32, or else the default 100.
      config.gcPercent = g == "off" ? -1 : Int32(g).map(Int.init) ?? 100
    }
    if let m = memlimit {
      guard m == "off" || parseSize(m) != nil else { throw ValidationError("invalid --memlimit value '\(m)'") }
      if m != "off" && !config.profile.has(.memoryLimit) {
        throw ValidationError("GOMEMLIMIT does not exist in \(config.profile.name): it arrived in Go 1.19")
      }
      config.memoryLimit = m == "off" ? Int.max : parseSize(m)!
    } else if let m = env["GOMEMLIMIT"] {
      // Go's own rule (runtime readGOMEMLIMIT): binary suffixes only.
      if m != "off" && !m.isEmpty {
        guard let v = parseGoMemLimit(m) else {
          write("gcsh: malformed GOMEMLIMIT \"\(m)\"; see `go doc runtime/debug.SetMemoryLimit`\n", to: stderr)
          throw ExitCode(ExitStatus.usage.rawValue)
        }
        config.memoryLimit = v
      }
    }
    if let r = ram {
      guard let v = parseSize(r), v > 0 else { throw ValidationError("invalid --ram value '\(r)'") }
      // The simulated machine runs a kernel and the process's start-up heap: a smaller one
      // could not start the program at all.
      guard v >= 16 << 20 else { throw ValidationError("invalid --ram value '\(r)': the simulated machine needs at least 16MiB") }
      config.machine.ramBytes = v
    }
    if let c = container {
      guard let v = parseSize(c), v > 0 else { throw ValidationError("invalid --container value '\(c)'") }
      config.machine.containerLimit = v
    }
    if let o = os {
      guard let v = OperatingSystem(rawValue: o) else {
        throw ValidationError("unknown --os '\(o)' (linux, darwin, windows, plan9)")
      }
      config.machine.os = v
    }
    var debug: [String: String] = [:]
    for part in ((env["GODEBUG"] ?? "") + "," + (godebug ?? "")).split(separator: ",") {
      let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
      if kv.count == 2 { debug[kv[0]] = kv[1] }
    }
    // The flags are how the program was run: its environment says so.
    if let g = gogc { config.environment["GOGC"] = g }
    if let m = memlimit { config.environment["GOMEMLIMIT"] = m }
    if let d = godebug { config.environment["GODEBUG"] = [env["GODEBUG"], d].compactMap { $0 }.joined(separator: ",") }
    config.gctrace = gctrace || debug["gctrace"].map { $0 != "0" } ?? false
    config.scavtrace = gctrace || debug["scavtrace"].map { $0 != "0" } ?? false
    config.pacertrace = debug["gcpacertrace"].map { $0 != "0" } ?? false
    if debug["madvdontneed"] == "0" { config.machine.release = .free }
    guard let f = Reporter.Format(rawValue: format) else {
      throw ValidationError("invalid --format '\(format)' (text, jsonl)")
    }
    config.format = f
    config.explain = explain
    config.bytecode = bytecode
    config.escapeDecisions = escapeDecisions
    config.timelinePath = timeline
    config.reportPath = report
    config.recordTimeline = timeline != nil || report != nil
    config.checkInvariants = checkInvariants
    config.stepSleeps = stepSleeps
    config.maxSteps = maxSteps
    return config
  }

  func run(with config: SessionConfig) throws {
    let env = ProcessInfoLite.environment
    let stdinIsTTY = isatty(0) != 0
    var config = config
    // The REPL's plot and :report draw the whole session: record from its start.
    config.recordTimeline = config.recordTimeline || (file == nil && e == nil && stdinIsTTY) || interactive
    let session = Session(config)
    var status = ExitStatus.ok
    if let timeout, let seconds = Watchdog.seconds(timeout) { Watchdog.arm(seconds: seconds, written: timeout) }
    if let code = e {
      installInterruptHandler(readline: false)
      status = session.runScript(Source(name: "<-e>", text: code))
    } else if let path = file, path != "-" {
      guard let text = readFile(path) else {
        write("gcsh: cannot read '\(path)': \(String(cString: strerror(errno)))\n", to: stderr)
        throw ExitCode(ExitStatus.io.rawValue)
      }
      installInterruptHandler(readline: false)
      status = session.runScript(Source(name: path, text: text))
    } else if file == "-" || !stdinIsTTY {
      var text = ""
      while let line = Swift.readLine(strippingNewline: false) { text += line }
      installInterruptHandler(readline: false)
      status = session.runScript(Source(name: "<stdin>", text: text))
    }
    let startREPL = (file == nil && e == nil && stdinIsTTY) || interactive
    let title = e != nil ? "<-e>" : file == "-" || (file == nil && !stdinIsTTY) ? "<stdin>" : file ?? "gcsh session"
    // --timeline and --report are written after the script, and again when the REPL ends.
    let written = file == nil && e == nil && stdinIsTTY ? true : session.writeTimelineFiles(title: title)
    if startREPL {
      Watchdog.disarm()
      let reader: LineReader
      if stdinIsTTY {
        // An empty GCSH_HISTORY is as unset (the shells' rule for HISTFILE-like variables).
        let named = env["GCSH_HISTORY"].flatMap { $0.isEmpty ? nil : $0 }
        let history = named ?? ((env["HOME"] ?? ".") + "/.gcsh_history")
        reader = ReadlineReader(historyPath: history)
        installInterruptHandler(readline: true)
      } else {
        reader = PlainReader()
      }
      runREPL(session, reader: reader, banner: file == nil && e == nil)
      _ = session.writeTimelineFiles(title: title)
      fflush(stdout)
      throw ExitCode(ExitStatus.ok.rawValue)
    }
    fflush(stdout)
    if status != .ok { throw ExitCode(status.rawValue) }
    if !written { throw ExitCode(ExitStatus.io.rawValue) }
  }
}

/// GOMEMLIMIT's syntax: a number with an optional B, KiB, MiB, GiB or TiB suffix. A value that
/// overflows an int64 is malformed (runtime/string.go parseByteCount).
func parseGoMemLimit(_ s: String) -> Int? {
  // runtime/string.go parseByteCount: a negative count is malformed (`!ok || n < 0`).
  for (suffix, mult) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)] where s.hasSuffix(suffix) {
    guard let v = Int(s.dropLast(suffix.count)), v >= 0 else { return nil }
    let (bytes, overflow) = v.multipliedReportingOverflow(by: mult)
    return overflow ? nil : bytes
  }
  guard let v = Int(s), v >= 0 else { return nil }
  return v
}

/// The process environment without Foundation.
enum ProcessInfoLite {
  static var environment: [String: String] {
    var out: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
      p += 1
    }
    return out
  }
}
