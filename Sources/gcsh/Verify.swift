// `gcsh export-go` and `gcsh verify`: a script as the real Go program, and gcsh's numbers
// checked against that program's on the real runtime. The translation is GCScript's
// (Export/GoExporter.swift), the comparison GCReport's (VerifyTable.swift); this file only runs
// the Go toolchain and the program.

import ArgumentParser
// FoundationEssentials, not Foundation: the release build links the Swift libraries statically,
// and full Foundation would bring CoreFoundation and ICU's data with it (Package.swift).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GCReport
import GCScript
import GoHeap

/// `gcsh export-go FILE`: the Go program a script stands for, on stdout.
struct ExportGo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-go",
    abstract: "Write the real Go program for a GCScript script (stats become non-allocating checkpoints).",
    discussion: """
      Every statement is translated: sleep is time.Sleep, gc runtime.GC(), free \
      debug.FreeOSMemory(), set GOGC/GOMEMLIMIT debug.SetGCPercent/SetMemoryLimit, print \
      fmt.Println; each stats is a checkpoint that prints the JSON line `gcsh --format jsonl` \
      prints for it, with the real numbers; expect, explain, why, roots and heap become comments. \
      The output is gofmt-clean and builds with the Go of the profile (go1.27 or go1.19). A Go \
      program (.go with a package clause) is refused: it already is the real program.
      """)

  @Argument(help: "The .gcs script.") var file: String
  @Option(help: "The Go to export for: go1.27 (default) or go1.19 (go1.0 is refused).")
  var profile: String?
  @Flag(help: "Also put a checkpoint before each top-level expect, labelled with its text (what verify runs).")
  var checkpointExpects = false

  mutating func run() throws {
    let p = try profileNamed(profile ?? "go1.27")
    guard let text = readFile(file) else {
      write("gcsh: cannot read '\(file)': \(String(cString: strerror(errno)))\n", to: stderr)
      throw ExitCode(ExitStatus.io.rawValue)
    }
    let go = try exportProgram(Source(name: file, text: text), profile: p, expects: checkpointExpects)
    write(go, to: stdout)
  }
}

/// The profile of a name, or a usage error naming the choices.
func profileNamed(_ name: String) throws -> RuntimeProfile {
  guard let p = RuntimeProfile.named(name) else { throw ValidationError("unknown profile '\(name)' (go1.27, go1.19, go1.0)") }
  return p
}

/// Exports, reporting a script's errors (65) or a refusal (64) on stderr.
func exportProgram(_ source: Source, profile: RuntimeProfile, expects: Bool) throws -> String {
  do {
    return try GoExporter.export(source, profile: profile, options: GoExportOptions(checkpointExpectations: expects))
  } catch let e as CompileErrors {
    for err in e.errors { write(err.rendered + "\n", to: stderr) }
    throw ExitCode(ExitStatus.syntax.rawValue)
  } catch let r as ExportRefusal {
    if let e = r.error {
      write("\(e.file):\(e.line):\(e.column): error: \(r.message)\n\(e.shownLine)\n\(e.caret)\n", to: stderr)
    } else {
      write("gcsh: \(r.message)\n", to: stderr)
    }
    throw ExitCode(ExitStatus.usage.rawValue)
  }
}

/// `gcsh verify FILE`: gcsh's checkpoints beside the real program's.
struct Verify: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a script's numbers on the real Go runtime: export, build, run, compare checkpoints.",
    discussion: """
      Exports the script (with a checkpoint before each top-level expect), builds it with the Go \
      toolchain (--go, else `go` on PATH), runs it with GODEBUG=gctrace=1,scavtrace=1 and the \
      GOGC and GOMEMLIMIT of the run, runs gcsh on the same script, and prints each checkpoint's \
      values side by side with the difference, marking those outside the fidelity tolerances \
      (sizes max(2 %, 1 MiB), HeapReleased 4 MiB, RSS max(2 %, 2 MiB), NumGC exactly), then both \
      trace streams interleaved by time. The real program sleeps for real: a script whose virtual \
      time passes 30 s needs --real-time-ok. Exit status: 0 every judged value in tolerance, 1 some \
      outside (or a checkpoint missing on one side), 64 usage (no Go toolchain, a refused export), \
      65 the script does not check, 70 the program or gcsh's run died, or the build failed.
      """)

  @Argument(help: "The .gcs script.") var file: String
  @Option(help: ArgumentHelp("The go command to build with (default: go on PATH).", valueName: "path"))
  var go: String?
  @Option(help: "Runtime profile: go1.27 or go1.19 (default: the toolchain's, go1.27 for any other).")
  var profile: String?
  @Flag(help: "Run a script whose virtual time is longer than 30 s (the real program takes that long).")
  var realTimeOk = false
  @Option(help: "GOGC for both runs: a percentage or 'off'.") var gogc: String?
  @Option(help: "GOMEMLIMIT for both runs, e.g. 200MiB.") var memlimit: String?

  /// The longest run without --real-time-ok, in seconds of virtual (and so of wall) time.
  static let realTimeLimit = 30.0

  mutating func run() throws {
    guard let goPath = go ?? findOnPath("go") else {
      throw ValidationError(
        "verify needs a Go toolchain: no 'go' on PATH; install Go or name one with --go PATH")
    }
    guard FileManager.default.isExecutableFile(atPath: goPath) else {
      throw ValidationError("--go \(goPath): not an executable file")
    }
    guard let text = readFile(file) else {
      write("gcsh: cannot read '\(file)': \(String(cString: strerror(errno)))\n", to: stderr)
      throw ExitCode(ExitStatus.io.rawValue)
    }
    let env = toolchainEnvironment()
    let version = try runTool(goPath, ["env", "GOVERSION"], env: env).out.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    let profileName = profile ?? (version.hasPrefix("go1.19") ? "go1.19" : "go1.27")
    let p = try profileNamed(profileName)
    if !version.hasPrefix(profileName + ".") && version != profileName {
      write("gcsh: note: comparing the \(profileName) simulation with \(version)\n", to: stderr)
    }
    // gcsh's side first: it is fast, and its virtual time is what the real run will take.
    var args = [file, "--profile", profileName, "--format", "jsonl"]
    if let gogc { args += ["--gogc", gogc] }
    if let memlimit { args += ["--memlimit", memlimit] }
    var r = try Run.parse(args)
    r.adopt(Run.directives(in: text))
    var config = try r.makeConfig()
    config.explain = false
    config.silent = true
    let collected = LineCollector()
    config.capture = { collected.add($0) }
    let source = Source(name: file, text: text)
    let cfg = config
    let (status, virtualSeconds): (ExitStatus, Double) = runOnLargeStack {
      let session = Session(cfg)
      let s = session.runScript(source) { GoExporter.withExpectCheckpoints($0, source: source) }
      return (s, Double(session.runtime.virtualTime) / 1e9)
    }
    if status == .syntax {
      // The errors are in the captured stream; say them as gcsh would.
      _ = try exportProgram(source, profile: p, expects: true)
      throw ExitCode(ExitStatus.syntax.rawValue)
    }
    if status != .ok && status != .expectationFailed {
      write("gcsh: the script died in gcsh (exit status \(status.rawValue)); run it with gcsh to see why\n", to: stderr)
      throw ExitCode(ExitStatus.died.rawValue)
    }
    if virtualSeconds > Self.realTimeLimit && !realTimeOk {
      throw ValidationError(
        "\(file) runs \(VerifyClock.text(virtualSeconds)) of virtual time: the real program would take about as "
          + "long (wall clock). Add --real-time-ok to run it")
    }
    let program = try exportProgram(source, profile: p, expects: true)
    // Build and run in a directory of our own, removed afterwards.
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-verify-\(getpid())")
    try? FileManager.default.removeItem(at: dir)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let main = dir.appendingPathComponent("main.go")
    try Data(program.utf8).write(to: main)
    let binary = dir.appendingPathComponent("prog").path
    let build = try runTool(goPath, ["build", "-o", binary, main.path], env: env)
    if build.status != 0 {
      write("gcsh: internal error: the exported program does not build with \(version):\n\(build.err)", to: stderr)
      throw ExitCode(ExitStatus.died.rawValue)
    }
    var runEnv = ProcessInfo.processInfo.environment
    runEnv["GODEBUG"] = "gctrace=1,scavtrace=1" + (config.machine.release == .free ? ",madvdontneed=0" : "")
    runEnv["GOGC"] = config.gcPercent < 0 ? "off" : String(config.gcPercent)
    if config.memoryLimit != Int.max { runEnv["GOMEMLIMIT"] = String(config.memoryLimit) } else { runEnv["GOMEMLIMIT"] = nil }
    write("running \(file) on \(version) (about \(VerifyClock.text(virtualSeconds)) of wall time)...\n", to: stderr)
    let real = try runTool(binary, [], env: runEnv)
    let gcshLines = collected.lines
    let realLines = real.out.split(separator: "\n").map(String.init)
    let result = VerifyTable.render(
      title: "verify \(file): gcsh --profile \(profileName) | \(version)"
        + (config.gcPercent != 100 ? ", GOGC=\(runEnv["GOGC"]!)" : "")
        + (config.memoryLimit != Int.max ? ", GOMEMLIMIT=\(config.memoryLimit)" : ""),
      gcsh: VerifyTable.checkpoints(gcshLines), real: VerifyTable.checkpoints(realLines),
      gcshTrace: VerifyTable.gcshTraceLines(gcshLines),
      realTrace: VerifyTable.traceLines(real.err.split(separator: "\n").map(String.init)),
      realVersion: version, extraChunkBytes: p.randomHeapBaseChunkBytes)
    write(result.text, to: stdout)
    fflush(stdout)
    if real.status != 0 {
      write("gcsh: the real program exited with status \(real.status):\n\(real.err.suffix(2000))\n", to: stderr)
      throw ExitCode(ExitStatus.died.rawValue)
    }
    if result.outside > 0 || result.missing > 0 { throw ExitCode(1) }
  }

  /// The toolchain's environment for single-file builds: this Go only (no toolchain download),
  /// GOPATH mode (no go.mod needed), no cgo; a cache directory when there is no HOME.
  func toolchainEnvironment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["GOTOOLCHAIN"] = "local"
    env["GO111MODULE"] = "off"
    env["CGO_ENABLED"] = "0"
    env["GOFLAGS"] = nil
    if env["HOME"] == nil && env["GOCACHE"] == nil {
      env["GOCACHE"] = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-go-cache").path
    }
    return env
  }
}

/// Collects the lines a session writes (its reporter writes whole lines).
final class LineCollector: @unchecked Sendable {
  private(set) var lines: [String] = []
  func add(_ text: String) { lines += text.split(separator: "\n").map(String.init) }
}

enum VerifyClock {
  /// `2m30s`, `20s`: a duration for a message.
  static func text(_ seconds: Double) -> String {
    let s = Int(seconds.rounded(.up))
    if s >= 3600 { return "\(s / 3600)h\(s % 3600 / 60)m" }
    if s >= 60 { return "\(s / 60)m\(s % 60)s" }
    return "\(s)s"
  }
}

/// The first executable `name` in a directory of PATH.
func findOnPath(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  for dir in path.split(separator: ":") {
    let candidate = String(dir) + "/" + name
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// Runs a program to its end; its exit status (128 + the signal's number when a signal ended
/// it, as a shell reports it) and both outputs, read together as it runs (a full pipe would
/// block it). posix_spawn rather than Foundation's Process, which FoundationEssentials lacks.
func runTool(_ path: String, _ args: [String], env: [String: String]) throws -> (status: Int32, out: String, err: String) {
  struct SpawnError: Error, CustomStringConvertible {
    let description: String
  }
  var outPipe: [Int32] = [0, 0]
  var errPipe: [Int32] = [0, 0]
  guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
  for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
  // argv and envp as C strings, freed once the child has started.
  let argv = ([path] + args).map { strdup($0) } + [nil]
  let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for p in argv + envp { free(p) } }
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, path, &actions, nil, argv, envp)
  close(outPipe[1])
  close(errPipe[1])
  defer {
    close(outPipe[0])
    close(errPipe[0])
  }
  guard spawned == 0 else { throw SpawnError(description: "\(path): \(String(cString: strerror(spawned)))") }
  var out: [UInt8] = []
  var err: [UInt8] = []
  var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
  var buffer = [UInt8](repeating: 0, count: 65536)
  while fds.contains(where: { $0.fd >= 0 }) {
    if poll(&fds, nfds_t(fds.count), -1) < 0 {
      if errno == EINTR { continue }
      break
    }
    for k in fds.indices where fds[k].fd >= 0 && fds[k].revents != 0 {
      let n = buffer.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
      if n > 0 {
        if k == 0 { out += buffer[..<n] } else { err += buffer[..<n] }
      } else if n == 0 || errno != EINTR {
        fds[k].fd = -1  // end of file (poll ignores a negative descriptor)
      }
    }
  }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  // The wait status: the exit code in bits 8-15 when the low 7 bits are 0, else the signal.
  let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
  return (code, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
}
