// ScriptHost: where a running program's output goes, and what it asks to be shown (the
// executable implements it with GCReport's renderers).

import GoHeap

/// Where program output and `stats` requests go (GCReport renders them).
public protocol ScriptHost: AnyObject {
  /// Program output (print, fmt.Println): one chunk of text, newline included.
  func output(_ text: String)
  /// What the program writes to its standard error (Go's builtins print and println).
  func errorOutput(_ text: String)
  /// Program output as the program's bytes: a Go string need not be valid UTF-8 (`s[:2]` of
  /// "héllo" ends inside a rune), and the bytes go out as they are.
  func output(bytes: [UInt8])
  /// Standard error as the program's bytes.
  func errorOutput(bytes: [UInt8])
  /// The simulated process's environment variable `name` (os.Getenv), nil when unset.
  func environment(_ name: String) -> String?
  /// A `stats` statement: the label, and the view asked for (`memstats`, `gctrace`, ...).
  func stats(label: String?, view: String?)
  /// An `expect` statement ran: whether it held, the check as written, and the actual value.
  func expectation(_ result: ExpectationResult)
  /// `why`: break a number down by cause (`rss` by default).
  func why(_ what: String?)
  /// `roots`: variables that are roots, with the objects and bytes each keeps alive.
  func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)])
  /// A top-level statement (or one of `main`'s) finished: its source text, for explanations.
  func statementFinished(_ text: String)
  /// `explain` / `explain off`: narrate what the runtime did after each statement.
  func setExplain(_ on: Bool)
  /// Whether `explain` is on: the VM then notes the allocation sites that go to the heap.
  var isExplaining: Bool { get }
  /// Under `explain`, just before `statementFinished`: the statement's heap allocations from
  /// sites not explained before, each with escape analysis's reason, in words.
  func heapAllocations(_ notes: [String])
  /// `heap`: draw the span map.
  func heapMap()
  /// Whether the host wants `statementBoundary` calls (a timeline is recording).
  var wantsStatementBoundaries: Bool { get }
  /// A top-level statement (or one of main's) finished, after `statementFinished`: its source
  /// and its first and last lines. The timeline samples the heap here.
  func statementBoundary(file: String, lines: ClosedRange<Int>)
  /// A run passed the checker and is about to start: its source (a file, `-e`, one REPL entry).
  func runStarting(_ source: Source)
}

extension ScriptHost {
  /// A host that takes text: invalid UTF-8 becomes U+FFFD.
  public func output(bytes: [UInt8]) { output(String(decoding: bytes, as: UTF8.self)) }
  public func errorOutput(bytes: [UInt8]) { errorOutput(String(decoding: bytes, as: UTF8.self)) }
  public func environment(_ name: String) -> String? { nil }
  public func statementFinished(_ text: String) {}
  public func setExplain(_ on: Bool) {}
  public var isExplaining: Bool { false }
  public func heapAllocations(_ notes: [String]) {}
  public func heapMap() {}
  public var wantsStatementBoundaries: Bool { false }
  public func statementBoundary(file: String, lines: ClosedRange<Int>) {}
  public func runStarting(_ source: Source) {}
  public func why(_ what: String?) {}
  public func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)]) {}
}

/// The outcome of one `expect`.
public struct ExpectationResult: Sendable {
  public let passed: Bool
  /// The check as written: `RSS < 20MiB`.
  public let check: String
  /// The measured quantity and its value, formatted: `RSS is 381.9 MiB`.
  public let actual: String
  /// Where the expect statement is, located.
  public let error: ScriptError
}
