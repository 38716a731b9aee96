// GoLayout: Go expressions laid out as gofmt lays them out (go/printer nodes.go).
//
// The exporter (GoExporter.swift) turns GCScript's tree into `GoNode`s — Go's own expression
// shapes, with GCScript's conveniences already spelled in Go (`5s` is `5 * time.Second`) — and
// this file prints them. The one decision gofmt makes inside an expression is where blanks go
// around binary operators; it is ported here as go/printer does it (binaryExpr, cutoff,
// walkBinary, diffPrec, reduceDepth: "Algorithm suggestion by Russ Cox"):
//
//   precedence 5  *  /  %  <<  >>  &  &^        4  +  -  |  ^
//              3  ==  !=  <  <=  >  >=            2  &&          1  ||
//
// Levels 3 and below always have blanks; levels 4 and 5 have them unless the expression is
// "compact" (depth > 1: an argument of a call with several arguments, an index, the right operand
// of another operator) or mixes 4 and 5 (then only 4 gets blanks: `a*b + c`). Everything else is
// printed on one line; blocks inside expressions (function literals) always span lines, which
// gofmt keeps as written.

/// A Go expression as the exporter builds it.
indirect enum GoNode {
  /// An identifier, a literal, a type: printed as it is.
  case text(String)
  /// `-x`, `!x`, `^x`, `&x`, `<-x`, and `*p` (Go's StarExpr).
  case unary(String, GoNode)
  case binary(String, GoNode, GoNode)
  case paren(GoNode)
  case call(GoNode, [GoNode], ellipsis: Bool)
  case index(GoNode, GoNode)
  case slice(GoNode, GoNode?, GoNode?, GoNode?)
  case selector(GoNode, String)
  case typeAssert(GoNode, String?)
  /// `T{k: v, ...}`: the type (nil inside another literal) and the elements.
  case composite(String?, [(key: GoNode?, value: GoNode)])
  /// A function literal: its header (`func(b *Buffer)`) and its body's lines, each already
  /// indented relative to the literal.
  case funcLit(String, [String])

  /// go/token's Precedence of a binary operator.
  static func precedence(_ op: String) -> Int {
    switch op {
    case "||": return 1
    case "&&": return 2
    case "==", "!=", "<", "<=", ">", ">=": return 3
    case "+", "-", "|", "^": return 4
    default: return 5
    }
  }
}

/// Prints GoNodes at a given indentation (tabs), as gofmt would.
struct GoLayout {
  /// The indentation of the line the expression starts on (a function literal's closing brace
  /// goes there).
  var indent: Int

  private static let unaryPrec = 6
  private static let highestPrec = 7

  /// An expression on its own (a statement's, an argument of `return`, a value): depth 1.
  func expr(_ e: GoNode) -> String { expr1(e, 0, 1) }

  /// go/printer exprList: the elements at one depth, separated by ", ".
  func list(_ es: [GoNode], depth: Int = 1) -> String {
    es.map { expr1($0, 0, depth) }.joined(separator: ", ")
  }

  func expr1(_ e: GoNode, _ prec1: Int, _ depth: Int) -> String {
    switch e {
    case .text(let s): return s
    case .binary(let op, _, _):
      return binary(e, op, prec1, Self.cutoff(e, depth: depth), depth)
    case .unary(let op, let x):
      if Self.unaryPrec < prec1 { return "(" + expr1(e, 0, depth) + ")" }
      return op + expr1(x, Self.unaryPrec, depth)
    case .paren(let x):
      if case .paren = x { return expr1(x, 0, depth) }
      return "(" + expr1(x, 0, Self.reduceDepth(depth)) + ")"
    case .selector(let x, let name):
      return expr1(x, Self.highestPrec, depth) + "." + name
    case .typeAssert(let x, let t):
      return expr1(x, Self.highestPrec, depth) + ".(" + (t ?? "type") + ")"
    case .index(let x, let i):
      return expr1(x, Self.highestPrec, 1) + "[" + expr1(i, 0, depth + 1) + "]"
    case .slice(let x, let lo, let hi, let max):
      var indices: [GoNode?] = [lo, hi]
      if let max { indices.append(max) }
      var blanks = false
      if depth <= 1 {
        let present = indices.compactMap { $0 }
        let binaries = present.contains { if case .binary = $0 { return true } else { return false } }
        blanks = present.count > 1 && binaries
      }
      var out = expr1(x, Self.highestPrec, 1) + "["
      for (k, index) in indices.enumerated() {
        if k > 0 {
          if indices[k - 1] != nil && blanks { out += " " }
          out += ":"
          if index != nil && blanks { out += " " }
        }
        if let index { out += expr1(index, 0, depth + 1) }
      }
      return out + "]"
    case .call(let f, let args, let ellipsis):
      let d = args.count > 1 ? depth + 1 : depth
      return expr1(f, Self.highestPrec, d) + "(" + list(args, depth: d) + (ellipsis ? "..." : "") + ")"
    case .composite(let type, let elements):
      let body = elements.map { el in
        guard let key = el.key else { return expr1(el.value, 0, 1) }
        return expr1(key, 0, 1) + ": " + expr1(el.value, 0, 1)
      }
      return (type ?? "") + "{" + body.joined(separator: ", ") + "}"
    case .funcLit(let header, let body):
      if body.isEmpty { return header + " {}" }
      let pad = String(repeating: "\t", count: indent)
      let lines = body.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
      return header + " {\n" + lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n" + pad + "}"
    }
  }

  /// go/printer binaryExpr.
  private func binary(_ e: GoNode, _ op: String, _ prec1: Int, _ cutoff: Int, _ depth: Int) -> String {
    guard case .binary(_, let x, let y) = e else { return "" }
    let prec = GoNode.precedence(op)
    if prec < prec1 { return "(" + expr1(e, 0, Self.reduceDepth(depth)) + ")" }
    let blank = prec < cutoff ? " " : ""
    return expr1(x, prec, depth + Self.diffPrec(x, prec)) + blank + op + blank + expr1(y, prec + 1, depth + 1)
  }

  private static func reduceDepth(_ depth: Int) -> Int { max(1, depth - 1) }

  private static func diffPrec(_ e: GoNode, _ prec: Int) -> Int {
    if case .binary(let op, _, _) = e, GoNode.precedence(op) == prec { return 0 }
    return 1
  }

  /// go/printer cutoff: the precedence below which operators get blanks.
  private static func cutoff(_ e: GoNode, depth: Int) -> Int {
    let (has4, has5, maxProblem) = walkBinary(e)
    if maxProblem > 0 { return maxProblem + 1 }
    if has4 && has5 { return depth == 1 ? 5 : 4 }
    return depth == 1 ? 6 : 4
  }

  /// go/printer walkBinary: which of levels 4 and 5 the expression uses (not counting operands
  /// that will be parenthesised), and whether an operator would clash with a unary operand
  /// written without a blank (`x / *p`, `x & ^y`, `x - -y`).
  private static func walkBinary(_ e: GoNode) -> (Bool, Bool, Int) {
    guard case .binary(let op, let l, let r) = e else { return (false, false, 0) }
    let prec = GoNode.precedence(op)
    var has4 = prec == 4
    var has5 = prec == 5
    var maxProblem = 0
    if case .binary(let lop, _, _) = l, GoNode.precedence(lop) >= prec {
      let (h4, h5, mp) = walkBinary(l)
      has4 = has4 || h4
      has5 = has5 || h5
      maxProblem = max(maxProblem, mp)
    }
    switch r {
    case .binary(let rop, _, _) where GoNode.precedence(rop) > prec:
      let (h4, h5, mp) = walkBinary(r)
      has4 = has4 || h4
      has5 = has5 || h5
      maxProblem = max(maxProblem, mp)
    case .unary(let u, _):
      switch op + u {
      case "/*", "&&", "&^": maxProblem = 5
      case "++", "--": maxProblem = max(maxProblem, 4)
      default: break
      }
    default: break
    }
    return (has4, has5, maxProblem)
  }
}
