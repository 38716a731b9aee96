// Source: a named text and positions in it.

/// A source text with a name for diagnostics (`seed.gcs`, `<-e>`, `<stdin>`, `<repl>`).
public struct Source: Sendable {
  public let name: String
  public let text: String
  /// The text as UTF-8 bytes, which the lexer reads.
  let bytes: [UInt8]
  /// Byte offset of the start of each line.
  private let lineStarts: [Int]

  public init(name: String, text: String) {
    self.name = name
    self.text = text
    bytes = Array(text.utf8)
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    lineStarts = starts
  }

  /// 1-based line and column (in characters) of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    var lo = 0
    var hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    let start = lineStarts[lo]
    // Columns count bytes, as Go's do (cmd/compile, go vet and gopls: a column is a 1-based byte
    // offset in the line); ScriptError.caret turns one back into a display position.
    return (lo + 1, min(offset, bytes.count) - start + 1)
  }

  /// The text of a span (clamped to the text).
  public func text(of span: Span) -> String {
    let a = min(max(0, span.start), bytes.count)
    return String(decoding: bytes[a..<min(max(a, span.end), bytes.count)], as: UTF8.self)
  }

  /// The text of a 1-based line, without its newline.
  public func line(_ n: Int) -> String {
    guard n >= 1 && n <= lineStarts.count else { return "" }
    let start = lineStarts[n - 1]
    var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
    if end > start && end <= bytes.count && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
  }
}

/// A byte range in a source.
public struct Span: Sendable, Equatable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
}
