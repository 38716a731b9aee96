// Inlining and escape analysis against the Go compiler: the decisions gcsh's -m prints for the
// corpus in Tests/Recordings/escape/corpus must be Go 1.27.3's (`go build -gcflags=-m`,
// recorded by record.sh in go1.27.3.m.txt), and the go1.19 profile's Go 1.19.8's; the
// inliner's costs those of `-m -m` (go1.27.3.mm.txt, go1.19.8.mm.txt).

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

/// The corpus checked, inlined and analysed under a profile.
struct AnalysedCorpus {
  let program: CheckedProgram
  /// The inliner's -m lines, in its order, then escape analysis's.
  let inlining: [String]
  let escape: [String]
  let errors: [String]

  init(_ corpus: Corpus, _ profile: RuntimeProfile) {
    var parser = Parser(corpus.source)
    let stmts = parser.parseProgram()
    let checker = Checker(profile: profile)
    guard parser.errors.isEmpty, let program = checker.check(stmts, source: corpus.source) else {
      errors = (parser.errors + checker.errors).map { "error: " + $0.rendered }
      self.program = CheckedProgram(script: Function(name: "", decl: nil, isScript: true), functions: [], globals: [], replacedGlobals: [])
      inlining = []
      escape = []
      return
    }
    errors = []
    self.program = program
    let inliner = Inliner(compiler: CompilerProfile(profile))
    inliner.run(program, source: corpus.source)
    let analysis = EscapeAnalysis(compiler: CompilerProfile(profile))
    analysis.analyse(program, source: corpus.source)
    inlining = inliner.diagnostics.map { corpus.position($0.offset) + ": " + $0.message }
    escape = analysis.diagnostics.map { corpus.position($0.offset) + ": " + $0.message }
  }
}

/// gcsh's -m lines for the corpus under a profile.
func escapeDecisions(_ corpus: Corpus, _ profile: RuntimeProfile) -> [String] {
  let analysed = AnalysedCorpus(corpus, profile)
  return analysed.errors + analysed.inlining + analysed.escape
}

/// A recorded file's diagnostics (without go build's `# package` line).
func recordedLines(_ file: String) throws -> [String] {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Recordings/escape/" + file)
  return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
}

func isInliningLine(_ line: String) -> Bool {
  line.contains(": can inline ") || line.contains(": inlining call to ")
}

@Test(arguments: [("go1.27.3.m.txt", RuntimeProfile.go127), ("go1.19.8.m.txt", RuntimeProfile.go119)])
func escapeDecisionsMatchTheGoCompiler(_ recording: String, _ profile: RuntimeProfile) throws {
  let corpus = try Corpus(go119: profile.name == "go1.19")
  let analysed = AnalysedCorpus(corpus, profile)
  #expect(analysed.errors.isEmpty, "\(analysed.errors)")
  let mine = analysed.escape
  let expected = try recordedLines(recording).filter { !isInliningLine($0) }
  let missing = Set(expected).subtracting(mine).sorted()
  let extra = Set(mine).subtracting(expected).sorted()
  #expect(missing.isEmpty, "gcsh misses \(missing.count) of Go's \(expected.count) decisions:\n\(missing.joined(separator: "\n"))")
  #expect(extra.isEmpty, "gcsh has \(extra.count) decisions Go does not:\n\(extra.joined(separator: "\n"))")
  #expect(expected.count > 100)
}


/// The inliner's lines, in the compiler's order: Go 1.27.3 prints every "can inline" first,
/// then each function's inlined calls level by level; Go 1.19.8 goes function by function,
/// each inlined call followed by the calls inlined into its copy.
@Test(arguments: [("go1.27.3.m.txt", RuntimeProfile.go127), ("go1.19.8.m.txt", RuntimeProfile.go119)])
func inliningDecisionsMatchTheGoCompilerInOrder(_ recording: String, _ profile: RuntimeProfile) throws {
  let corpus = try Corpus(go119: profile.name == "go1.19")
  let mine = AnalysedCorpus(corpus, profile).inlining
  let expected = try recordedLines(recording).filter(isInliningLine)
  #expect(expected.count > 50)
  #expect(mine == expected, "\(zip(mine, expected).filter { $0 != $1 }.prefix(5))\n\(mine.count) vs \(expected.count)")
}

/// The inliner's cost of every function Go prints with `-m -m` ("can inline f with cost N",
/// "cannot inline f: function too complex: cost N exceeds budget 80"), and its reasons.
@Test(arguments: [("go1.27.3.mm.txt", RuntimeProfile.go127), ("go1.19.8.mm.txt", RuntimeProfile.go119)])
func inliningCostsMatchTheGoCompiler(_ recording: String, _ profile: RuntimeProfile) throws {
  let corpus = try Corpus(go119: profile.name == "go1.19")
  let analysed = AnalysedCorpus(corpus, profile)
  let functions = Dictionary(analysed.program.functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
  var checked = 0
  for line in try recordedLines(recording) {
    if let r = line.range(of: ": can inline ") {
      let words = line[r.upperBound...].split(separator: " ")
      let name = String(words[0])
      let cost = Int(words[3])
      #expect(functions[name]?.inlineCost == cost, "\(name): gcsh \(String(describing: functions[name]?.inlineCost)), Go \(String(describing: cost))")
      checked += 1
    } else if let r = line.range(of: ": cannot inline "), !line.contains(" into ") {
      let rest = line[r.upperBound...]
      let name = String(rest.prefix { $0 != ":" })
      let reason = rest.dropFirst(name.count + 2)
      #expect(functions[name]?.inlineCost == nil, "\(name) should not be inlinable")
      #expect(functions[name]?.inlineReason == String(reason), "\(name): gcsh \(String(describing: functions[name]?.inlineReason)), Go \(reason)")
      checked += 1
    }
  }
  #expect(checked > 100)
}
