// Markup: the small XML writer the SVG chart and the HTML report are written with.
//
// Every text and attribute value goes through `escape`, so a label or a script line with `<`,
// `&` or quotes cannot break the document; the output is well-formed XML (xmllint checks it in
// the tests), which an HTML parser reads as the same tree.

struct Markup {
  private(set) var text = ""
  private var stack: [String] = []

  /// `<name a="v" ...>`; close it with `close()`.
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    text += "<" + name + Self.attributes(attributes) + ">"
    stack.append(name)
  }

  /// Closes the innermost open element.
  mutating func close() {
    guard let name = stack.popLast() else { return }
    text += "</" + name + ">"
  }

  /// `<name a="v" .../>`.
  mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
    text += "<" + name + Self.attributes(attributes) + "/>"
  }

  /// `<name ...>text</name>`, the text escaped.
  mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String)
  {
    text +=
      "<" + name + Self.attributes(attributes) + ">" + Self.escape(content) + "</" + name + ">"
  }

  /// Escaped text.
  mutating func add(_ content: String) { text += Self.escape(content) }

  /// Markup written elsewhere (a nested SVG), or a newline between blocks.
  mutating func raw(_ markup: String) { text += markup }

  static func attributes(_ a: [(String, String)]) -> String {
    a.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
  }

  /// `&`, `<`, `>` and `"` as entities; control characters other than tab and newline, which
  /// XML 1.0 forbids, as U+FFFD.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n": out.unicodeScalars.append(u)
      default:
        if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out
  }
}
