// gcsh-fuzz: arbitrary bytes through every stage of a run — lexer, parser, checker, inliner,
// escape analysis, lowering and the VM on a simulated runtime — as a libFuzzer target.
//
// Built with libFuzzer (Tests/Fuzz/libfuzzer.sh: `-sanitize=fuzzer,address` and the FUZZING
// condition), `LLVMFuzzerTestOneInput` is the entry and libFuzzer's main drives it. Built
// plainly (as `swift build` does), it is a replayer: `gcsh-fuzz FILE...` runs each file as one
// input, which is how a crash the fuzzer saved is reproduced under the debugger.
//
// Each input is a script. Its first byte picks the profile (go1.27, go1.19, go1.0); the run
// gets a 64 MiB machine, 2,000 steps (loop iterations and calls) and ten minutes of virtual
// time, so that every input finishes in milliseconds and within libFuzzer's memory limit: a
// program over those limits ends with gcsh's error for it, as any other error ends. What
// counts as a finding: a crash (a Swift trap, an ASan report), a hang (libFuzzer's -timeout),
// and a heap that breaks its invariants after a run the program survived.

import GCScript
import GoHeap

enum FuzzHarness {
  static let profiles: [RuntimeProfile] = ["go1.27", "go1.19", "go1.0"].compactMap(RuntimeProfile.named)

  static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let profile = profiles[Int(bytes.first ?? 0) % profiles.count]
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    // Most mutated inputs do not parse: they end before a runtime is made for them.
    let source = Source(name: "fuzz.gcs", text: text)
    let (stmts, errors, _) = Interpreter.parse(source)
    guard errors.isEmpty else { return }
    let runtime = GoRuntime(profile: profile, machine: MachineConfig(ramBytes: 64 * MiB))
    runtime.horizonNs = 600_000_000_000  // ten minutes
    let interpreter = Interpreter(heap: runtime, host: nil)
    interpreter.maxSteps = 2_000
    do { try interpreter.run(stmts, source: source) } catch {}
    guard runtime.deathCause == nil else { return }
    do {
      try runtime.checkInvariants()
    } catch {
      fatalError("heap invariant broken after a run: \(error)")
    }
  }
}

#if FUZZING
import Foundation

/// libFuzzer's driver (FuzzerDriver.cpp), called from our main: SwiftPM names an executable's
/// entry point itself, so libFuzzer's own `main` is not the one linked.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
enum Fuzz {
  static func main() {
    // The VM and the checker recurse with the program (calls back from fmt, nested
    // expressions): gcsh runs them on a 1 GiB stack, as the CLI does — here the whole fuzzing
    // loop, one thread for every input.
    let status = runOnLargeStack { () -> CInt in
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzHarness.run(UnsafeBufferPointer(start: data, count: size))
        return 0
      }
    }
    exit(status)
  }
}
#else
import Foundation

@main
enum Replay {
  static func main() {
    let paths = CommandLine.arguments.dropFirst()
    if paths.isEmpty {
      FileHandle.standardError.write(Data("usage: gcsh-fuzz FILE... (replays fuzzer inputs)\n".utf8))
      exit(64)
    }
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("gcsh-fuzz: cannot read \(path)\n".utf8))
        exit(66)
      }
      data.withUnsafeBytes { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        runOnLargeStack { FuzzHarness.run(bytes) }
      }
      print("\(path): ok")
    }
  }
}
#endif
