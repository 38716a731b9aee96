// Running the built gcsh binary.

import Foundation
import Synchronization

/// The package's root directory.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The gcsh binary `swift build` / `swift test` produced.
let gcshBinary: URL = {
  let candidates = [".build/debug/gcsh", ".build/release/gcsh"]
  for c in candidates {
    let u = packageRoot.appendingPathComponent(c)
    if FileManager.default.isExecutableFile(atPath: u.path) { return u }
  }
  return packageRoot.appendingPathComponent(".build/debug/gcsh")
}()

struct RunResult {
  let status: Int32
  let stdout: String
  let stderr: String
  /// The streams as written (the Strings above decode invalid UTF-8 to U+FFFD).
  var stdoutBytes = Data()
  var stderrBytes = Data()
}

/// Runs gcsh with arguments, optional stdin, and an environment without GOGC/GOMEMLIMIT/GODEBUG.
/// With `merge`, stderr goes to the stdout pipe (order preserved: gcsh flushes stdout first).
func gcsh(_ args: [String], stdin: String? = nil, env extra: [String: String] = [:], merge: Bool = false) throws -> RunResult {
  let p = Process()
  p.executableURL = gcshBinary
  p.arguments = args
  p.currentDirectoryURL = packageRoot
  var env = ProcessInfo.processInfo.environment
  for k in ["GOGC", "GOMEMLIMIT", "GODEBUG"] { env.removeValue(forKey: k) }
  for (k, v) in extra { env[k] = v }
  p.environment = env
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = merge ? out : err
  let input = Pipe()
  p.standardInput = input
  try p.run()
  if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
  try input.fileHandleForWriting.close()
  // Drain stderr on its own thread while stdout is read here: a run that writes more than a
  // pipe's buffer to stderr (a long --gctrace) would otherwise block on a full pipe forever.
  let errData = Mutex(Data())
  let drained = DispatchSemaphore(value: 0)
  if !merge {
    Thread.detachNewThread {
      let e = err.fileHandleForReading.readDataToEndOfFile()
      errData.withLock { $0 = e }
      drained.signal()
    }
  }
  let o = out.fileHandleForReading.readDataToEndOfFile()
  if !merge { drained.wait() }
  let e = errData.withLock { $0 }
  p.waitUntilExit()
  return RunResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: e, as: UTF8.self), stdoutBytes: o, stderrBytes: e)
}

/// Runs one of the package's Python drivers (`Tests/...py`) with arguments; stdout and stderr
/// together.
func python(_ script: String, _ args: [String]) throws -> (status: Int32, output: String) {
  try runProgram("/usr/bin/env", ["python3", packageRoot.appendingPathComponent(script).path] + args)
}

/// Runs a program to its end (in `dir`, with `env` when given); its status, stdout and stderr
/// together.
func runProgram(_ path: String, _ args: [String], in dir: URL? = nil, env: [String: String]? = nil) throws -> (status: Int32, output: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = args
  if let dir { p.currentDirectoryURL = dir }
  if let env { p.environment = env }
  let out = Pipe()
  p.standardOutput = out
  p.standardError = out
  try p.run()
  let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  p.waitUntilExit()
  return (p.terminationStatus, text)
}
