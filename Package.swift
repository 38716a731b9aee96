// swift-tools-version:6.0
import PackageDescription

// The simulator and the interpreter are hot loops over class state. Release builds skip Swift's
// dynamic exclusivity checks, which cost about half of their time (callgrind). Debug builds —
// `swift run gcsh` and the tests — keep those checks and the assertions (`-assert-config
// Debug`: the VM's checks that no global or result points into a frame) but are optimized:
// unoptimized, a learner's 10M-iteration loop took 7.5 s instead of 1.2 s (0.2 s in release).
let fast: [SwiftSetting] = [
  .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
  .unsafeFlags(["-O", "-assert-config", "Debug"], .when(configuration: .debug)),
]

let package = Package(
  name: "gcsh",
  // macOS 15: the standard library's Int128 (exact untyped constants).
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "gcsh", targets: ["gcsh"]),
    .library(name: "GoHeap", targets: ["GoHeap"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    // Exact untyped float constants (Check/ExactFloat.swift), as go/constant keeps them.
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
  ],
  targets: [
    .target(
      name: "GoHeap",
      dependencies: [.product(name: "HeapModule", package: "swift-collections")],
      swiftSettings: fast),
    .target(name: "GCScript", dependencies: ["GoHeap", "BigInt"], swiftSettings: fast),
    .target(name: "GCReport", dependencies: ["GoHeap"]),
    .systemLibrary(
      name: "CReadline", pkgConfig: "readline",
      providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
    .executableTarget(
      name: "gcsh",
      dependencies: [
        "GoHeap", "GCScript", "GCReport", "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // The executable talks to C stdio and readline globals; their Swift 6 isolation checks
      // would only add wrappers around process-wide state that is used from one thread.
      swiftSettings: [.swiftLanguageMode(.v5)],
      // Release builds on Linux link the Swift runtime statically, as `--static-swift-stdlib`
      // does: binding its shared libraries' symbols at every start was a third of the
      // instructions of `gcsh -e ''` (start-up 15.6 -> 11.1 ms, hyperfine). Static Foundation
      // (which swift-argument-parser uses) needs its support libraries named.
      linkerSettings: [
        .unsafeFlags(
          ["-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization"],
          .when(platforms: [.linux], configuration: .release))
      ]),
    // The libFuzzer target (Sources/gcsh-fuzz/Fuzz.swift; Tests/Fuzz/libfuzzer.sh builds it
    // with the fuzzer); a plain build makes it a replayer of fuzzer inputs.
    .executableTarget(name: "gcsh-fuzz", dependencies: ["GCScript", "GoHeap"]),
    .testTarget(
      name: "GoHeapTests", dependencies: ["GoHeap"], resources: [.copy("Anchors")]),
    .testTarget(name: "GCScriptTests", dependencies: ["GCScript", "GoHeap"]),
    .testTarget(name: "GCReportTests", dependencies: ["GCReport", "GoHeap"]),
    .testTarget(
      name: "gcshTests", dependencies: ["GCScript", "GCReport", "GoHeap"],
      exclude: ["repl_pty.py", "ReportGolden"]),
  ]
)
