// JSONLine: one JSON object per line, keys in a fixed order (deterministic output).

/// Builds one JSON object with keys in insertion order.
public struct JSONLine {
  private var parts: [String] = []
  public init() {}

  /// An event of the jsonl stream: every one opens with its name and `t`, the virtual time in
  /// seconds (README's contract).
  public init(event: String, t seconds: Double) {
    add("event", event)
    add("t", number: seconds)
  }

  public mutating func add(_ key: String, _ value: String) {
    parts.append("\(quote(key)):\(quote(value))")
  }
  public mutating func add(_ key: String, _ value: Int) { parts.append("\(quote(key)):\(value)") }
  public mutating func add(_ key: String, _ value: Bool) { parts.append("\(quote(key)):\(value)") }
  /// A number written as Swift's shortest round-trip decimal (e.g. virtual seconds).
  public mutating func add(_ key: String, number: Double) {
    var s = "\(number)"
    if s.hasSuffix(".0") { s.removeLast(2) }
    parts.append("\(quote(key)):\(s)")
  }

  /// A source location, as the `error` and `expect` events carry it.
  public mutating func addLocation(file: String, line: Int, col: Int) {
    add("file", file)
    add("line", line)
    add("col", col)
  }

  public var text: String { "{" + parts.joined(separator: ",") + "}" }

  private func quote(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
