// Completion: what Tab offers at the REPL prompt, by where the cursor is.
//
//   :pro<TAB>             the meta commands (:help, :reset, :profile, :load, :report, :quit)
//   :load ex<TAB>         file names, in any directory (examples/0<TAB>)
//   :profile go1.<TAB>    the profiles
//   stats m<TAB>          the statement's own words (stats views, explain off, why HeapSys,
//                         set GOGC=)
//   fmt.Pr<TAB>           package members; a function completes to `fmt.Println(` with no space
//   print x, my<TAB>      declared names, keywords and builtins (a comma, operator or bracket
//                         starts a new word)
//
// A Tab with only blanks before it on the line inserts itself (readline's rl_insert), as
// CPython's REPL does: a Go program pasted into a terminal without bracketed paste keeps its
// indentation instead of triggering completion on every line.

@preconcurrency import CReadline

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Names declared in the session so far, refreshed before each read.
nonisolated(unsafe) var completionNames: [String] = []

enum Completion {
  static let metaCommands = [":help", ":reset", ":profile", ":load", ":report", ":quit"]

  /// The files and directories whose path starts with `path` (directories with a `/`), each
  /// without `path`'s directory part: `/` breaks words (Go's division), so readline replaces
  /// only the text after the last one.
  static func pathCandidates(_ path: String) -> [String] {
    let dir = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    var out: [String] = []
    var state: Int32 = 0
    while let m = rl_filename_completion_function(path, state) {
      var name = String(cString: m)
      free(m)
      state += 1
      var st = stat()
      if stat(name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { name += "/" }
      out.append(String(name.dropFirst(name.hasPrefix(dir) ? dir.count : 0)))
    }
    return out.sorted()
  }

  /// Words that start a statement (Go's keywords and GCScript's runtime statements).
  static let statementWords = [
    "break", "const", "continue", "else", "for", "func", "if", "import", "package", "range",
    "return", "struct", "switch", "type", "var", "sleep", "gc", "free", "stats", "set", "print",
    "printf", "expect", "why", "roots", "heap", "explain",
  ]

  /// Predeclared names: builtins, constants and types.
  static let predeclared = [
    "make", "new", "append", "len", "cap", "copy", "delete", "clear", "min", "max", "panic",
    "println", "nil", "true", "false", "iota", "int", "int8", "int16", "int32", "int64", "uint",
    "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune", "string", "bool", "float32",
    "float64", "any",
  ]

  /// Package members gcsh runs (Check/Universe.swift's Packages.member); a function ends in `(`.
  static let packageMembers = [
    "fmt.Println(", "fmt.Print(", "fmt.Printf(", "fmt.Sprint(", "fmt.Sprintln(", "fmt.Sprintf(",
    "fmt.Fprintln(", "fmt.Fprint(", "fmt.Fprintf(", "os.Exit(", "os.Getenv(", "os.Stdout",
    "os.Stderr", "time.Sleep(", "time.Duration", "time.Nanosecond", "time.Microsecond",
    "time.Millisecond", "time.Second", "time.Minute", "time.Hour", "time.Now()", "time.Since(",
    "time.Time", "runtime.GC()", "runtime.KeepAlive(", "runtime.MemStats", "runtime.ReadMemStats(",
    "runtime.NumGoroutine()", "runtime.NumCPU()", "runtime.GOMAXPROCS(", "debug.FreeOSMemory()",
    "debug.SetGCPercent(", "debug.SetMemoryLimit(", "bufio.NewWriter(", "bufio.NewWriterSize(",
    "bufio.Writer", "io.Writer", "io.WriteString(", "io.MultiWriter(", "io.Discard", "os.File",
  ]

  /// The words that may follow a statement's first word.
  static let argumentWords: [String: [String]] = [
    "stats": ["memstats", "gctrace", "metrics", "os", "all"],
    "explain": ["off"],
    "why": ["HeapSys", "RSS"],
    "set": ["GOGC=", "GOMEMLIMIT="],
    ":profile": ["go1.27", "go1.19", "go1.0"],
  ]

  /// What ends a word: blanks, quotes, brackets, commas, operators. `.` does not (`fmt.Pr`),
  /// nor `:` (`:load`). Kept for the life of the process: readline holds the pointer.
  static let wordBreaks: UnsafeMutablePointer<CChar> = strdup(" \t\n\"'`(){}[],;+-*/%&|^<>=!")!

  /// The candidates for `word`, where `before` is the line's text in front of it.
  static func candidates(for word: String, after before: String) -> [String] {
    let head = before.split(whereSeparator: { $0 == " " || $0 == "\t" })
    if head.isEmpty && word.hasPrefix(":") { return metaCommands.filter { $0.hasPrefix(word) } }
    if head.count == 1, let words = argumentWords[String(head[0])] {
      return words.filter { $0.hasPrefix(word) }
    }
    if word.contains(".") { return packageMembers.filter { $0.hasPrefix(word) } }
    let atStatementStart = before.allSatisfy { $0 == " " || $0 == "\t" || $0 == ";" || $0 == "{" }
    var pool = completionNames + predeclared + packageMembers
    if atStatementStart { pool += statementWords }
    var seen = Set<String>()
    return pool.filter { $0.hasPrefix(word) && seen.insert($0).inserted }.sorted()
  }
}

/// Installs the completer and the Tab key.
func installCompletion() {
  gcsh_rl_set_completer(attemptedCompletion)
  gcsh_rl_set_word_breaks(Completion.wordBreaks)
  rl_bind_key(9, tabKey)
}

/// The line and cursor after the last Tab that completed (a second Tab there lists the
/// candidates, as readline's own binding does: it recognises a repeated rl_complete only when
/// rl_complete itself is bound to the key).
nonisolated(unsafe) private var lastTab: (line: [UInt8], point: Int32)? = nil

/// Tab: inserts itself where only blanks precede it on the line, else completes; a second Tab
/// in a row lists the candidates.
private func tabKey(_ count: Int32, _ key: Int32) -> Int32 {
  guard let buffer = rl_line_buffer else { return rl_insert(count, key) }
  let line = bytes(buffer, count: strlen(buffer))
  let before = line.prefix(Int(rl_point))
  if before.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
    lastTab = nil
    return rl_insert(count, key)
  }
  if let last = lastTab, last.line == line, last.point == rl_point {
    return rl_possible_completions(count, key)
  }
  let status = rl_complete(count, key)
  if let b = rl_line_buffer { lastTab = (bytes(b, count: strlen(b)), rl_point) }
  return status
}

/// The first `count` bytes at `p`.
private func bytes(_ p: UnsafeMutablePointer<CChar>, count: Int) -> [UInt8] {
  UnsafeRawPointer(p).withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
}

/// The candidates of the word being completed, handed out one by one (strdup'd: readline frees
/// them).
nonisolated(unsafe) private var completionMatches: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
  guard completionIndex < completionMatches.count else { return nil }
  defer { completionIndex += 1 }
  return strdup(completionMatches[completionIndex])
}

private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  gcsh_rl_no_default_completion()
  let word = text.map { String(cString: $0) } ?? ""
  let before = rl_line_buffer.map { String(decoding: bytes($0, count: Int(start)), as: UTF8.self) } ?? ""
  let command = before.split(separator: " ").first
  if command == ":load" || command == ":report" {
    // The path typed so far, from the blank before it to the cursor.
    let path = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "") + word
    completionMatches = Completion.pathCandidates(path)
    completionIndex = 0
    // A directory: the next name follows at once, no space.
    if completionMatches.count == 1 && completionMatches[0].hasSuffix("/") { gcsh_rl_suppress_append() }
    return rl_completion_matches(text, completionGenerator)
  }
  completionMatches = Completion.candidates(for: word, after: before)
  completionIndex = 0
  // `fmt.Println(`, `GOGC=`: the next thing typed follows at once.
  if completionMatches.count == 1, let last = completionMatches[0].last, "(=.".contains(last) {
    gcsh_rl_suppress_append()
  }
  return rl_completion_matches(text, completionGenerator)
}
