// Disassembler: a function's bytecode as text, one instruction per line, with its cost, its
// operands, the source line it came from, and the stack map's live pointer slots — what
// `gcsh --bytecode` prints, for anyone reading what a program became.

extension CodeObject {
  /// The listing: `pc  op  operands  cost  ; live pointers  | source`.
  func disassembly() -> String {
    var out = "func \(name): frame \(frameSize) slots (result \(resultWords), parameters \(paramWords))\n"
    for o in stackObjects { out += "  stack object at s\(o.slot): \(o.count) x \(o.type)\n" }
    var lastLine = -1
    for (pc, i) in instructions.enumerated() {
      let (line, _) = source.location(of: pc < spans.count ? spans[pc].start : 0)
      var text = String(pc).leftPadded(4) + "  " + "\(i.op)".rightPadded(20)
        + "\(i.a) \(i.b) \(i.c) \(i.d)".rightPadded(22)
      if i.cost > 0 { text += "+\(i.cost)ns" }
      text = text.rightPadded(54)
      if pc < stackMapIndex.count {
        let map = stackMaps[Int(stackMapIndex[pc])]
        var live: [String] = []
        for (w, bits) in map.enumerated() {
          var b = bits
          while b != 0 {
            live.append("s\(w * 64 + b.trailingZeroBitCount)")
            b &= b - 1
          }
        }
        if !live.isEmpty { text += "; roots " + live.joined(separator: " ") }
      }
      if line != lastLine {
        text = text.rightPadded(80) + " | \(line): " + source.line(line).trimmingLeadingSpaces
        lastLine = line
      }
      out += text + "\n"
    }
    return out
  }
}

extension String {
  func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
  func rightPadded(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
  var trimmingLeadingSpaces: String { String(drop { $0 == " " || $0 == "\t" }) }
}

extension Interpreter {
  /// Every function's listing (the run's code, after it ran or failed to).
  public var bytecodeListing: String {
    session.functions.map { $0.disassembly() }.joined(separator: "\n")
  }
}
