// Escape analysis against the Go compiler: the decisions gcsh's -m prints for the corpus in
// Tests/Recordings/escape/corpus must be Go 1.27.3's (`go build -gcflags=-m`, recorded by
// record.sh in go1.27.3.m.txt), and the go1.19 profile's Go 1.19.8's.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// The corpus as one source (its files one after the other), and where each file starts.
struct Corpus {
  let source: Source
  /// (file name, first line in the combined source), in order.
  let files: [(String, Int)]

  init(go119: Bool) throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Recordings/escape/corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".go") }.sorted()
    var text = ""
    var files: [(String, Int)] = []
    var line = 1
    for name in names {
      let content = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
      // Build constraints pick the range-over-int file by Go version.
      if content.hasPrefix("//go:build go1.22") && go119 { continue }
      if content.hasPrefix("//go:build !go1.22") && !go119 { continue }
      files.append((name, line))
      text += content + (content.hasSuffix("\n") ? "" : "\n")
      line += content.split(separator: "\n", omittingEmptySubsequences: false).count - (content.hasSuffix("\n") ? 1 : 0)
    }
    source = Source(name: "corpus", text: text)
    self.files = files
  }

  /// `./file.go:line:col` of a byte offset in the combined source.
  func position(_ offset: Int) -> String {
    let (line, column) = source.location(of: offset)
    let (name, first) = files.last { $0.1 <= line }!
    return "./\(name):\(line - first + 1):\(column)"
  }
}

/// gcsh's -m lines for the corpus under a profile.
func escapeDecisions(_ corpus: Corpus, _ profile: RuntimeProfile) -> [String] {
  var parser = Parser(corpus.source)
  let stmts = parser.parseProgram()
  let checker = Checker(profile: profile)
  guard parser.errors.isEmpty, let program = checker.check(stmts, source: corpus.source) else {
    return (parser.errors + checker.errors).map { "error: " + $0.rendered }
  }
  let escape = EscapeAnalysis(compiler: CompilerProfile(profile))
  escape.analyse(program, source: corpus.source)
  return escape.diagnostics.map { corpus.position($0.offset) + ": " + $0.message }
}

/// The recorded lines gcsh models: not the inliner's, nor the files whose results depend on
/// inlining (gcsh does not inline; see the README of Tests/Recordings/escape).
func recordedDecisions(_ file: String) throws -> [String] {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/escape/" + file)
  return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter {
    !$0.hasPrefix("#") && !$0.contains("can inline") && !$0.contains("inlining call")
      && !$0.hasPrefix("./escape_inline.go") && !$0.hasPrefix("./main.go")
  }
}

@Test(arguments: [("go1.27.3.m.txt", RuntimeProfile.go127), ("go1.19.8.m.txt", RuntimeProfile.go119)])
func escapeDecisionsMatchTheGoCompiler(_ recording: String, _ profile: RuntimeProfile) throws {
  let corpus = try Corpus(go119: profile.name == "go1.19")
  let mine = escapeDecisions(corpus, profile).filter {
    !$0.hasPrefix("./escape_inline.go") && !$0.hasPrefix("./main.go")
  }
  let expected = try recordedDecisions(recording)
  let missing = Set(expected).subtracting(mine).sorted()
  let extra = Set(mine).subtracting(expected).sorted()
  #expect(missing.isEmpty, "gcsh misses \(missing.count) of Go's \(expected.count) decisions:\n\(missing.joined(separator: "\n"))")
  #expect(extra.isEmpty, "gcsh has \(extra.count) decisions Go does not:\n\(extra.joined(separator: "\n"))")
  #expect(expected.count > 100)
}
