// HistoryFile: the REPL's history across sessions (~/.gcsh_history or $GCSH_HISTORY).
//
// A multi-line entry (a `for` block typed over several `...>` lines) is one item: it comes back
// whole with the up arrow after a restart, as Lua's REPL keeps it. readline's own file format
// has one line per item, so the file has a format of its own:
//
//     #gcsh history 2
//     x := make([]byte, 1<<20)
//     for i := range x {\n\tx[i] = 1\n}
//     fmt.Printf("%d\\n", len(x))
//
// one entry per line, a line break inside an entry written `\n` and a backslash `\\`. A file
// without the header line is readline's format (what gcsh wrote before): one entry per line.
//
// The file is written at exit to a temporary file beside it and renamed over it, so a crash or
// a full disk never leaves half a history; the entries of this session are appended to what the
// file holds then (another gcsh may have exited meanwhile). A history file that cannot be read,
// or holds bytes no history has (NUL), is a warning: the session goes on without it and leaves
// the file as it is.

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// The history file and what this session added to it.
final class HistoryFile {
  /// Entries kept, in memory and in the file (readline's stifle_history).
  static let limit = 1000
  /// The first line of the file format.
  static let header = "#gcsh history 2"

  let path: String
  /// Why the file is not used, once `load` found a problem (shown at start-up).
  private(set) var warning: String?
  /// Whether `save` may write the file (not when it could not be read as a history).
  private var writable = true

  init(path: String) { self.path = path }

  /// The entries in the file, oldest first; [] when there is none yet or it cannot be used.
  func load() -> [String] {
    switch readEntries() {
    case .missing: return []
    case .entries(let e): return e
    case .unusable(let why):
      warning = "ignoring the history file \(path): \(why); history will not be saved this session"
      writable = false
      return []
    }
  }

  /// Writes the file's entries (as they are now) followed by `added`. Returns a problem to
  /// report, or nil.
  func save(adding added: [String]) -> String? {
    guard writable, !added.isEmpty else { return nil }
    var entries: [String]
    switch readEntries() {
    case .missing: entries = []
    case .entries(let e): entries = e
    case .unusable(let why): return "history not saved: \(path): \(why)"
    }
    // (Another session may have saved the same entry last: kept once.)
    for e in added where e != entries.last { entries.append(e) }
    if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    let text = ([Self.header] + entries.map(Self.encode)).joined(separator: "\n") + "\n"
    return writeAtomically(text)
  }

  /// One entry as one line.
  static func encode(_ entry: String) -> String {
    var out = ""
    for c in entry {
      switch c {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }

  /// The inverse of `encode` (an unknown escape is kept as written).
  static func decode(_ line: Substring) -> String {
    var out = ""
    var escaped = false
    for c in line {
      if escaped {
        switch c {
        case "n": out += "\n"
        case "\\": out += "\\"
        default: out += "\\" + String(c)
        }
        escaped = false
      } else if c == "\\" {
        escaped = true
      } else {
        out.append(c)
      }
    }
    if escaped { out += "\\" }
    return out
  }

  private enum Contents {
    case missing
    case entries([String])
    case unusable(String)
  }

  /// The file's entries, or why it cannot be read as a history.
  private func readEntries() -> Contents {
    guard let f = fopen(path, "rb") else {
      return errno == ENOENT ? .missing : .unusable(String(cString: strerror(errno)))
    }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, f)
      if n > 0 { bytes += buffer[0..<n] }
      if n < buffer.count { break }
      // Far more than `limit` entries of any sensible length: not a history file.
      if bytes.count > 64 << 20 { return .unusable("it is larger than 64 MiB") }
    }
    if ferror(f) != 0 { return .unusable(String(cString: strerror(errno))) }
    if bytes.contains(0) { return .unusable("it holds binary data (NUL bytes)") }
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    let current = lines.first.map { $0 == Self.header } ?? false
    if current { lines.removeFirst() }
    var entries: [String] = []
    for line in lines {
      if current {
        entries.append(Self.decode(line))
      } else if !(line.first == "#" && line.dropFirst().first?.isNumber == true) {
        // readline's format; its `#<seconds>` lines are timestamps, not entries.
        entries.append(String(line))
      }
    }
    return .entries(Array(entries.suffix(Self.limit)))
  }

  /// Writes `text` to a temporary file beside the history and renames it over the history.
  private func writeAtomically(_ text: String) -> String? {
    let temporary = "\(path).tmp.\(getpid())"
    // Owner-only, as shells keep theirs: what was typed can hold secrets.
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fd >= 0, let f = fdopen(fd, "wb") else {
      let why = String(cString: strerror(errno))
      if fd >= 0 { close(fd) }
      return "history not saved: \(temporary): \(why)"
    }
    let bytes = Array(text.utf8)
    let complete = fwrite(bytes, 1, bytes.count, f) == bytes.count && fflush(f) == 0 && fsync(fileno(f)) == 0
    let why = String(cString: strerror(errno))
    fclose(f)
    guard complete else {
      unlink(temporary)
      return "history not saved: \(temporary): \(why)"
    }
    guard rename(temporary, path) == 0 else {
      let why = String(cString: strerror(errno))
      unlink(temporary)
      return "history not saved: \(path): \(why)"
    }
    return nil
  }
}
