// Golden tests: every example's full output (stdout and trace lines, merged in order) under
// `gcsh --gctrace --profile P` for each profile, against examples/golden/NAME@P.out. Each golden file was checked by hand
// against the real runs (../shared/anchors/*/scenarios/seed_5s) before it was recorded:
//   - gc 1 at the first make, `381->381->381 MB, 381 MB goal` (1.27; 1.19 prints `4 MB goal`);
//   - `tmp = nil` changes nothing: the 10 s after it show the same numbers;
//   - gc 2 at the second make (`763->763->381 MB, 763 MB goal`); HeapSys 771.8 MiB (the heap
//     grew by 384 MiB instead of reusing the old slice); HeapIdle 390 MiB not released.
// A changed output is a reviewed decision: update the golden file by hand, never blindly.

import Foundation
import Testing

let examples: [String] = {
  let dir = packageRoot.appendingPathComponent("examples")
  let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
  return files.filter { $0.hasSuffix(".gcs") || $0.hasSuffix(".go") }.sorted()
}()

let goldenProfiles = ["go1.27", "go1.19", "go1.0"]

@Test(arguments: examples, goldenProfiles)
func golden(_ name: String, _ profile: String) throws {
  let golden = packageRoot.appendingPathComponent("examples/golden/\(name)@\(profile).out")
  let expected = try String(contentsOf: golden, encoding: .utf8)
  let r = try gcsh(["--gctrace", "--profile", profile, "examples/\(name)"], merge: true)
  #expect(r.stdout == expected)
}

@Test func everyExampleHasGoldenFiles() {
  #expect(examples.count >= 3)
  for name in examples {
    for p in goldenProfiles {
      let golden = packageRoot.appendingPathComponent("examples/golden/\(name)@\(p).out")
      #expect(FileManager.default.fileExists(atPath: golden.path), "\(name) has no golden output for \(p)")
    }
  }
}

@Test func theOriginalQuestionRunsUnchanged() throws {
  // ../shared/examples/seed.go, exactly as it was posted (a local variable, `for kk, _ :=`).
  let original = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/examples/seed.go")
  guard FileManager.default.fileExists(atPath: original.path) else { return }
  let r = try gcsh([original.path])
  #expect(r.status == 0)
  #expect(r.stdout == "getting memory\nreturning memory\ngetting memory\nreturning memory\n")
}
