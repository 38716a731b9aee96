// The switch corpus (Tests/Recordings/switch): small Go programs written as a learner would,
// using switch (tagged, tagless, with init statements, fallthrough, break), labelled break and
// continue, and constant switches. gcsh must print exactly what Go 1.27.3 printed for each
// (go1.27.3/NAME.txt, made by record.sh), under either runtime profile.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// One program of the corpus and Go's output for it.
struct SwitchProgram: CustomTestStringConvertible, Sendable {
  let name: String
  let source: String
  let expected: String
  var testDescription: String { name }
}

func switchPrograms() -> [SwitchProgram] {
  let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/switch")
  let programs = dir.appendingPathComponent("programs")
  guard let names = try? FileManager.default.contentsOfDirectory(atPath: programs.path) else { return [] }
  return names.filter { $0.hasSuffix(".go") }.sorted().compactMap { file in
    let name = String(file.dropLast(3))
    guard let source = try? String(contentsOf: programs.appendingPathComponent(file), encoding: .utf8),
      let expected = try? String(contentsOf: dir.appendingPathComponent("go1.27.3/\(name).txt"), encoding: .utf8)
    else { return nil }
    return SwitchProgram(name: name, source: source, expected: expected)
  }
}

@Test(arguments: switchPrograms(), ["go1.27", "go1.19"])
func switchProgramPrintsWhatGoPrints(_ p: SwitchProgram, _ profile: String) throws {
  let (output, _, _) = try run(p.source, profile: try #require(RuntimeProfile.named(profile)))
  #expect(output == p.expected)
}

@Test func switchCorpusIsThere() {
  #expect(switchPrograms().count >= 17)
}
