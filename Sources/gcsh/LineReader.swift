// LineReader: where the REPL's lines come from — GNU readline on a terminal (editing, history,
// completion), plain stdin otherwise, or a script in tests.

@preconcurrency import CReadline

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// A source of input lines.
protocol LineReader {
  /// The next line without its newline, or nil at end of input (Ctrl-D).
  func readLine(prompt: String) -> String?
  /// Records a complete entry (possibly several lines) as one history item.
  func addHistory(_ entry: String)
  func close()
}

/// Plain reading from stdin (not a terminal): no prompt editing.
struct PlainReader: LineReader {
  func readLine(prompt: String) -> String? {
    fputs(prompt, stdout)
    fflush(stdout)
    return Swift.readLine(strippingNewline: true)
  }
  func addHistory(_ entry: String) {}
  func close() {}
}

/// Candidates for tab completion, refreshed before each read.
nonisolated(unsafe) var completionWords: [String] = []

/// readline's generator: returns each match once (strdup'd: readline frees it).
nonisolated(unsafe) private var completionMatches: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
  if state == 0 {
    let prefix = text.map { String(cString: $0) } ?? ""
    completionMatches = completionWords.filter { $0.hasPrefix(prefix) }
    completionIndex = 0
  }
  guard completionIndex < completionMatches.count else { return nil }
  defer { completionIndex += 1 }
  return strdup(completionMatches[completionIndex])
}

private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  gcsh_rl_no_default_completion()
  return rl_completion_matches(text, completionGenerator)
}

/// GNU readline with a history file.
final class ReadlineReader: LineReader {
  let historyPath: String

  init(historyPath: String) {
    self.historyPath = historyPath
    gcsh_rl_set_name("gcsh")
    gcsh_rl_set_completer(attemptedCompletion)
    stifle_history(1000)
    _ = read_history(historyPath)
  }

  func readLine(prompt: String) -> String? {
    guard let p = readline(prompt) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  func addHistory(_ entry: String) {
    let e = entry.trimmingCharacters()
    if !e.isEmpty { add_history(e) }
  }

  func close() {
    _ = write_history(historyPath)
  }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
    return String(s)
  }
}
