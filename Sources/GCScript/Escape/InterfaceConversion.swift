// InterfaceConversion: how an operand of fmt becomes the `any` that fmt takes, and what that
// costs the heap — the compiler's walk/convert.go dataWord and dataWordFuncName, and the
// runtime's convT functions (runtime/iface.go). The cases are the same in Go 1.27.3 and Go
// 1.19.8 (their sources: $GOROOT/src/cmd/compile/internal/walk/convert.go and order.go,
// src/runtime/iface.go); the go1.0 profile follows Go 1.19 (Go 1.0's convT2E is not modelled).
//
// An interface value is two words: the type and a data word. A pointer-shaped value (a
// pointer, a map, a struct or array whose only component is one) is its own data word. Any
// other value is reached through a pointer, and the compiler avoids allocating for it when it
// can (dataWord's "try a bunch of cases"):
//
//   1. zero-sized: the address of runtime.zerobase;
//   2. a bool or a one-byte integer: the address of its entry in runtime.staticuint64s;
//   3. a constant or a composite literal of constants: order.go's addrTemp puts it in read-only
//      data (a zero struct or array literal: runtime.zeroVal), whose address is the word;
//   4. Go 1.25+: a local variable assigned once, from a constant (escape.go rewriteWithLiterals,
//      via the ReassignOracle), is replaced by that constant first, so case 3 applies;
//   5. a conversion that does not escape: a temporary in the frame. fmt's parameters leak, so
//      no operand of fmt is ever this case.
//
// Otherwise it calls the runtime, by size and shape (dataWordFuncName):
//
//   convT16 / convT32 / convT64   2, 4 or 8 bytes without pointers, aligned to their size
//                                 (int16, int32, float32, int, uint64, float64, ...): a value
//                                 below 256 points into staticuint64s; else mallocgc of 2, 4
//                                 or 8 noscan bytes — a tiny allocation
//   convTstring                   a string: "" is zeroVal; else a 16-byte object (scanned)
//   convTslice                    a slice: a nil one is zeroVal; else a 24-byte object
//   convT / convTnoptr            anything else: mallocgc of the type's size, always
//
// Measured: Tests/Recordings/runs/boxing (one fmt call per kind of operand, both versions).

import GoHeap

/// Which values are their interface's data word (types.IsDirectIface). Go 1.19.8: a pointer,
/// map, func or chan, or a struct of one field or an array of one element that is one. Go
/// 1.27.3: any type of one word that holds a pointer (`t.Size() == PtrSize && PtrDataSize(t) ==
/// PtrSize`), so a struct of a pointer and zero-size fields (`struct{ _ [0]int; p *int }`,
/// weak.Pointer[T]) is one too — converting it to an interface allocates nothing there and
/// 8 bytes in Go 1.19 (checked with go run in both). The profiles after Go 1.19 take Go 1.27.3's.
enum DirectInterfaceRule: Sendable {
  case soleComponent, pointerWord
}

extension RuntimeProfile {
  var directInterfaceRule: DirectInterfaceRule { version > GoVersion(1, 19) ? .pointerWord : .soleComponent }
}

/// The run-time step that makes an operand's interface data word.
enum InterfaceConversion {
  /// No allocation: the value is the word, or the word points at zerobase, staticuint64s, or
  /// read-only data (cases 1-4 above).
  case noAllocation
  /// convT16, convT32 or convT64: staticuint64s for a value below 256, else a box of this many
  /// bytes.
  case smallInteger(bytes: Int)
  /// convTstring: zeroVal for "", else a box.
  case string
  /// convTslice: zeroVal for a nil slice, else a box.
  case slice
  /// convT or convTnoptr: always a box of the type's size.
  case always

  /// dataWord's decision for an operand of type `x.type` (escaping, as fmt's always do).
  /// `staticConstant`: the operand's static value (ir.StaticValue through locals never
  /// reassigned) is a constant (escape.go rewriteWithLiterals) or a static composite literal
  /// (order.go addrTemp, whose `staticValue(n)` makes it a read-only static: `p := T{"a", 1};
  /// sink = p` allocates nothing in Go 1.27.3, a 24-byte box in Go 1.19.8 — checked with go
  /// run; both arrived with walk's analyzePreWalk, after Go 1.24, taken as Go 1.25 as the
  /// constant rewrite is).
  static func of(_ x: TypedExpr, staticConstant: Bool, _ compiler: CompilerProfile) -> InterfaceConversion {
    let t = x.type
    // An interface operand is already one (an `error` to `any` keeps its data word).
    if t.isInterface || isDirectIface(t, compiler.directInterface) || t.size == 0 { return .noAllocation }
    let sole = soleComponent(t)
    if sole.isBool || (t.size == 1 && sole.isInteger) { return .noAllocation }
    if case .constant = x.kind { return .noAllocation }
    if staticConstant { return .noAllocation }  // (a constant or a static literal's value)
    if compiler.readOnlyCompositeLiterals && isStaticCompositeLiteral(x) { return .noAllocation }
    // dataWordFuncName
    if t.size == 2 && t.align == 2 { return .smallInteger(bytes: 2) }
    if (t.size == 4 && t.align == 4 || t.size == 8 && t.align == 8) && !t.hasPointers {
      return .smallInteger(bytes: t.size)
    }
    if sole.isString { return .string }
    if sole.isSlice { return .slice }
    return .always
  }

  /// types.IsDirectIface: whether a value is its interface's data word itself, by the rule of
  /// the compiler (DirectInterfaceRule).
  static func isDirectIface(_ t: GoType, _ rule: DirectInterfaceRule) -> Bool {
    switch rule {
    case .pointerWord: return t.size == 8 && t.hasPointers
    case .soleComponent:
      switch t.kind {
      case .pointer, .map, .function, .chan: return true
      case .array(let e, let n): return n == 1 && isDirectIface(e, rule)
      case .structure(let fs): return fs.count == 1 && isDirectIface(fs[0].type, rule)
      default: return false
      }
    }
  }

  /// Type.SoleComponent: a struct of one field or an array of one element stands for it.
  static func soleComponent(_ t: GoType) -> GoType {
    switch t.kind {
    case .array(let e, 1): return soleComponent(e)
    case .structure(let fs) where fs.count == 1: return soleComponent(fs[0].type)
    default: return t
    }
  }

  /// complit.go isStaticCompositeLiteral: a constant, or a struct or array literal all of
  /// whose elements are (a slice literal never is).
  static func isStaticCompositeLiteral(_ x: TypedExpr) -> Bool {
    switch x.kind {
    case .constant: return true
    case .composite(let elems, _) where x.type.isStruct || x.type.isArray:
      return elems.allSatisfy { isStaticCompositeLiteral($0.value) }
    default: return false
    }
  }
}

extension Batch {
  /// The `...any` operands of a Go fmt call become interfaces: dataWord's decision for each,
  /// with Go 1.25+'s constant rewrite (escape.go rewriteWithLiterals' OCONVIFACE case) asked of
  /// the oracle; and -m's lines about them: the implicit slice fmt's variadic parameter takes
  /// ("... argument does not escape": fmt only reads it) at the call's `(`, and each operand that
  /// is not pointer-shaped ("x escapes to heap": fmt's parameter leaks its content), checked
  /// against Tests/Recordings/runs/boxing. Not reported inside an inlined body (Go reports those
  /// at the outermost call, with the inlined names, which gcsh does not reproduce).
  /// `all`: the call's arguments, the stream or format first (they place Go 1.19's lines).
  func convertToInterfaces(_ call: TypedExpr, _ operands: ArraySlice<TypedExpr>, all: [TypedExpr]) {
    let lparen = operatorOffset(after: call.span.start, UInt8(ascii: "("))
    let reporting = inlinedAt == nil && !operands.isEmpty
    if reporting { analysis.report(lparen, "... argument does not escape") }
    for (k, x) in zip(operands.indices, operands) {
      var rewritten: Constant? = nil
      var readOnly = false
      if analysis.compiler.rewritesMakeSizes, x.constant == nil {
        if oracle == nil { oracle = ReassignOracle(function.body) }
        let value = oracle!.staticValue(x)
        rewritten = value.constant
        readOnly = InterfaceConversion.isStaticCompositeLiteral(value)
      }
      x.interfaceConversion = InterfaceConversion.of(x, staticConstant: rewritten != nil || readOnly, analysis.compiler)
      guard reporting, !InterfaceConversion.isDirectIface(x.type, analysis.compiler.directInterface), !x.type.isInterface else { continue }
      var at = nodePosition(x)
      if !analysis.compiler.reportsOperandPositions, isName(x) {
        // Go 1.19.8: a name's conversion is placed where the last argument before it that is
        // not a name is, else at the call's `(` (`Fprintf(os.Stderr, "%d", big)`: at the
        // format; `Fprintln(os.Stderr, big)`: at the `(`).
        at = all[..<k].last(where: { !isName($0) }).map(nodePosition) ?? lparen
      }
      analysis.report(at, "\(operandText(x, rewritten: rewritten)) escapes to heap")
    }
  }

  /// An argument passed to a package function's `any` parameter (sort.Slice's x): dataWord's
  /// decision when the box escapes, and -m's line for the conversion — `x escapes to heap`, or
  /// `x does not escape` when the box stays in the frame (recorded: runs/sortslice) — placed as
  /// for fmt's operands. `all`: the call's arguments, this one at `k`.
  func convertArgument(_ call: TypedExpr, _ k: Int, all: [TypedExpr], escapes: Bool) {
    let x = all[k]
    if escapes { x.interfaceConversion = InterfaceConversion.of(x, staticConstant: false, analysis.compiler) }
    guard inlinedAt == nil, !InterfaceConversion.isDirectIface(x.type, analysis.compiler.directInterface), !x.type.isInterface else { return }
    var at = nodePosition(x)
    if !analysis.compiler.reportsOperandPositions, isName(x) {
      at = all[..<k].last(where: { !isName($0) }).map(nodePosition)
        ?? operatorOffset(after: call.span.start, UInt8(ascii: "("))
    }
    analysis.report(at, "\(operandText(x, rewritten: nil)) \(escapes ? "escapes to heap" : "does not escape")")
  }

  /// A variable, or the stream argument (`os.Stderr`, a package variable in Go).
  func isName(_ x: TypedExpr) -> Bool {
    switch x.kind {
    case .variable: return true
    // A name converted to an interface parameter's type where it is passed (Fprint's writer:
    // `fmt.Fprint(bw, i, ",")` puts `i escapes to heap` at `Fprint(` in Go 1.19.8,
    // runs/nativewriters) is still that name.
    case .conversion(let inner) where x.type.isInterface && inner.span == x.span: return isName(inner)
    case .constant:
      // The checker makes the stream a constant (1 or 2) spanning `os.Stdout` / `os.Stderr`.
      let bytes = analysis.source.bytes
      return String(decoding: bytes[max(0, x.span.start)..<min(x.span.end, bytes.count)], as: UTF8.self).hasPrefix("os.")
    default: return false
    }
  }

  /// The -m line of a constant panic message in a library body inlined at the call (Timer.Stop,
  /// Buffer.Grow, metrics.Value's accessors): its conversion to `any` escapes, printed as the
  /// string in Go 1.20+'s IR and as the conversion in Go 1.19's.
  func reportInlinedPanicString(_ message: String, at: Int) {
    let text = "\"\(message)\""
    analysis.report(at, "\(analysis.compiler.inliner == .go127 ? text : "(interface {})(string(\(text)))") escapes to heap")
  }

  /// Where Go's syntax tree puts an expression: a binary operation at its operator, an index
  /// or a call or conversion at its bracket, anything else at its start.
  func nodePosition(_ x: TypedExpr) -> Int {
    switch x.kind {
    case .binary(_, let a, _), .logical(_, let a, _), .shift(_, let a, _): return operatorOffset(after: a.span.end)
    case .index(let a, _), .slice(let a, _, _, _), .mapIndex(let a, _): return operatorOffset(after: a.span.end)
    case .field(let a, _) where a.span.end < x.span.end: return operatorOffset(after: a.span.end)
    // A type assertion is at its `.` (`s.Load().(string)`: after the call; runs/atomicvalue).
    case .typeAssert(let a, _, _) where a.span.end < x.span.end: return operatorOffset(after: a.span.end, UInt8(ascii: "."))
    // A method of the runtime's types (`d.Seconds()`, `(-d).Abs()`) is at the `(` after its
    // receiver.
    case .builtin(let b, let args, _) where b.isMethod && !args.isEmpty:
      return operatorOffset(after: args[0].span.end, UInt8(ascii: "("))
    // A receive is at its `<-` (`fmt.Println(<-done)`: `<-done escapes to heap`, runs/afterfunc).
    case .builtin(.chanRecv, _, _), .builtin(.chanRecv2, _, _): return x.span.start
    // A call through an interface's method is at the `(` after the method's name
    // (`w.(fmt.Stringer).String()` at `String(`, not at the assertion's; runs/writerpanics).
    case .callValue(let f, _) where f.span.end <= x.span.end:
      if case .interfaceMethod = f.kind { return operatorOffset(after: f.span.end, UInt8(ascii: "(")) }
      return operatorOffset(after: x.span.start, UInt8(ascii: "("))
    // So is a method of the program's (`T([]int{3}).Big(4)` at `Big(`).
    case .call(let f, let args) where f.receiver != nil && !args.isEmpty && args[0].span.end <= x.span.end:
      return operatorOffset(after: args[0].span.end, UInt8(ascii: "("))
    // A conversion the checker made where the program wrote none (a writer to io.Writer) is
    // where its operand is.
    case .conversion(let inner) where inner.span == x.span: return nodePosition(inner)
    case .conversion, .call, .callValue, .builtin, .makeSlice: return operatorOffset(after: x.span.start, UInt8(ascii: "("))
    // A constant the checker folded stands where its syntax did: a conversion `T(5)` at its
    // `(`, a package's constant `time.Second` at its `.` (escape corpus, escape_metrics.go).
    case .constant:
      let bytes = analysis.source.bytes
      let text = bytes[max(0, x.span.start)..<min(x.span.end, bytes.count)]
      if let op = Self.topLevelOperator(text) { return op }
      guard let first = text.first, first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
      else { return x.span.start }
      if let paren = text.firstIndex(of: UInt8(ascii: "(")), text.last == UInt8(ascii: ")") { return paren }
      if let dot = text.firstIndex(of: UInt8(ascii: ".")) { return dot }
      return x.span.start
    // A composite literal is at its `{` (`TempErr{...} escapes to heap`, runs/errorswrap).
    case .composite: return operatorOffset(after: x.span.start, UInt8(ascii: "{"))
    // An inlined call's result is where the call was (its `(`).
    case .inlinedCall(let ic): return ic.reportAt
    default: return x.span.start
    }
  }

  /// An integer constant as the compiler's IR prints it: its value, converted to its type when
  /// that is not int (`time.Duration(1000000000)`).
  static func integerConstantText(_ v: Int128, _ type: GoType) -> String {
    type === GoType.int ? "\(v)" : "\(type.goName)(\(v))"
  }

  /// Where the binary operator at the top of a folded constant expression is (`math.Pi * 2` at
  /// its `*`): the rightmost operator of the lowest precedence outside brackets and quotes
  /// (Go's binary operators associate to the left), or nil when there is none.
  static func topLevelOperator(_ text: ArraySlice<UInt8>) -> Int? {
    var depth = 0
    var quote: UInt8? = nil
    var best: (offset: Int, precedence: Int)? = nil
    var previous: UInt8 = 0
    var number = false
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      if let q = quote {
        if c == UInt8(ascii: "\\") { i += 2; continue }
        if c == q { quote = nil }
        previous = c
        i += 1
        continue
      }
      switch c {
      case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): quote = c
      case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: break
      }
      // A binary operator follows an operand: a name, a number, a closing bracket or a quote.
      let afterOperand = previous == UInt8(ascii: ")") || previous == UInt8(ascii: "]") || previous == UInt8(ascii: "\"")
        || previous == UInt8(ascii: "_") || (previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9"))
        || (previous | 0x20 >= UInt8(ascii: "a") && previous | 0x20 <= UInt8(ascii: "z"))
      // (Not the sign of a number's exponent: `1e-5`.)
      let exponentSign = number && (previous | 0x20 == UInt8(ascii: "e") || previous | 0x20 == UInt8(ascii: "p"))
      let isDigit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
      let isWordByte = isDigit || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
      if !isWordByte && !exponentSign { number = false } else if isDigit && !afterOperand { number = true }
      if depth == 0, afterOperand, !exponentSign, quote == nil, let (length, precedence) = Self.binaryOperator(text, at: i) {
        if best == nil || precedence <= best!.precedence { best = (i, precedence) }
        previous = text[i + length - 1]
        i += length
        continue
      }
      if c != UInt8(ascii: " ") && c != UInt8(ascii: "\t") { previous = c }
      i += 1
    }
    return best?.offset
  }

  /// The binary operator at `i` and its precedence (the spec's 5 levels), if any.
  private static func binaryOperator(_ t: ArraySlice<UInt8>, at i: Int) -> (Int, Int)? {
    func next(_ k: Int) -> UInt8 { i + k < t.endIndex ? t[i + k] : 0 }
    let two = String(decoding: [t[i], next(1)], as: UTF8.self)
    switch two {
    case "||": return (2, 1)
    case "&&": return (2, 2)
    case "==", "!=", "<=", ">=": return (2, 3)
    case "<<", ">>": return (2, 5)
    case "&^": return (2, 5)
    default: break
    }
    switch t[i] {
    case UInt8(ascii: "<"), UInt8(ascii: ">"): return (1, 3)
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "|"), UInt8(ascii: "^"): return (1, 4)
    case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "&"): return (1, 5)
    default: return nil
    }
  }

  /// The first `c` at or after `offset` (a bracket), or the first non-blank byte after it.
  func operatorOffset(after offset: Int, _ c: UInt8? = nil) -> Int {
    let bytes = analysis.source.bytes
    guard let c else { return analysis.operatorOffset(after: offset) }
    var i = offset
    while i < bytes.count, bytes[i] != c { i += 1 }
    return i
  }

  /// The operand as -m names it: Go 1.25+'s rewritten constant by its value (a string quoted,
  /// cut to 72 characters as go/constant's String cuts it); else as written, in the compiler's
  /// spacing (Diagnostics/IRText.swift).
  func operandText(_ x: TypedExpr, rewritten: Constant?) -> String {
    // A library's variable in its body inlined here (its span is the call's).
    if case .variable(let v) = x.kind, v.fromLibrary { return v.name }
    // An inlined call is its result variable (inl.go retvars): Go 1.20+ names it after the
    // callee's result (`~r0`, or its name), Go 1.19 `~R0` (a named result keeps its name).
    // A named result of another package's function is qualified in Go 1.20+'s IR
    // (`utf8.n escapes to heap` for an inlined utf8.RuneCountInString given to Println, Go
    // 1.27.3; Go 1.19.8 prints `n`).
    // (A result whose static value is a constant is that constant in Go 1.25+: `1000 escapes
    // to heap` for an inlined `one()` returning 1000, Tests/Recordings/runs/inlinedliterals.)
    if case .inlinedCall(let ic) = x.kind, ic.results.count == 1, rewritten == nil {
      let r = ic.callee.results[0]
      if ic.callee.namedResults && r.name != "_" {
        if let library = ic.callee.library, analysis.compiler.reportsOperandPositions { return "\(library.package).\(r.name)" }
        return r.name
      }
      return analysis.compiler.reportsOperandPositions ? r.name : "~R0"
    }
    // A call that packs its variadic arguments: the IR prints the slice it makes as
    // `... argument` spread (`sum(... argument...)`, `f(1, ... argument...)`).
    if let text = variadicCallText(x) { return text }
    // Go 1.19's call of a generic's shaped body, its dictionary first:
    // `Max[go.shape.float64_0](&.dict.Max[main.Celsius], 20, 30.5)` (runs/generics).
    if case .call(let f, let args) = x.kind, let instance = f.instance, f.receiver == nil, !analysis.compiler.unifiedGenerics {
      let dictionary: String = "&.dict." + instance.concrete
      let operands: [String] = [dictionary] + args.map { nestedText($0) }
      return f.name + "(" + operands.joined(separator: ", ") + ")"
    }
    // A call of the program's (or a library's) that is not inlined, as the IR prints it: a
    // method as a call of its method expression, the receiver first (`T.Big(t, 2)`,
    // `sort.StringSlice.Search(s, "kiwi")`), and an inlined call among the arguments as its
    // result (`id(~r0)`; runs/sortreverse).
    if case .call(let f, let args) = x.kind, f.receiver != nil || args.contains(where: isInlinedCall) {
      let parts = args.map { a in isInlinedCall(a) ? operandText(a, rewritten: nil) : nestedText(a) }
      return f.name + "(" + parts.joined(separator: ", ") + ")"
    }
    // A field of an inlined package call's result (through the pointer it returns), and what
    // it points to: `(~r0).name`, `*(~r0)` (runs/weakpointer).
    if case .field(let base, let k) = x.kind, let name = base.type.structFields?[k].name {
      var inner = base
      if case .deref(let p) = base.kind { inner = p }
      if isInlinedPackageCall(inner) || isSpelledGenericCall(inner) { return nestedText(inner) + "." + name }
    }
    if case .deref(let p) = x.kind, isInlinedPackageCall(p) || isSpelledGenericCall(p) { return "*" + nestedText(p) }
    // A type assertion of one: `(atomic.val).(string)`.
    if case .typeAssert(let a, _, _) = x.kind, isInlinedPackageCall(a), a.span.end < x.span.end {
      let bytes = analysis.source.bytes
      return nestedText(a) + String(decoding: bytes[a.span.end..<min(x.span.end, bytes.count)], as: UTF8.self)
    }
    // A conversion of an inlined call's result: `string(~r0)` (runs/strconvappend).
    if case .conversion(let inner) = x.kind, isInlinedPackageCall(inner) {
      return "\(x.type.goName)(\(analysis.compiler.inliner == .go127 ? "~r0" : "~R0"))"
    }
    // bytes.Buffer's String() is its inlined conversion.
    if case .conversion(let inner) = x.kind, case .builtin(.bufferString, _, _) = inner.kind {
      return analysis.compiler.inliner == .go127 ? "~r0" : "~R0"
    }
    // len or cap of an inlined package call's result: `len(~r0)` (runs/stringsmore).
    if case .builtin(let b, let args, _) = x.kind, b == .len || b == .cap, args.count == 1,
      case .builtin(let inner, _, _) = args[0].kind, inner.packageInlining(go127: analysis.compiler.inliner == .go127) != nil
    {
      return "\(b.rawValue)(\(analysis.compiler.inliner == .go127 ? "~r0" : "~R0"))"
    }
    // So is a call of a package function Go inlines (`d.Seconds()` is `~r0`; Go 1.27's
    // inlined fmt.Errorf names its result `fmt.err`).
    if case .builtin(let b, let args, _) = x.kind {
      let go127 = analysis.compiler.inliner == .go127
      if b.packageInlining(go127: go127) != nil || b.genericInlining != nil {
        return inlinedResultName(b)
      }
      if let call = b.genericCallText(args, { irExpressionText(written($0)) }) { return call }
      // A method call that is not inlined is printed as a call of the method expression, the
      // receiver first (`(*time.Timer).Reset(t, time.Duration(10000000))`: Go 1.27 folds a
      // constant argument to its value, Go 1.19 keeps it as written).
      if b.isMethod, let receiver = args.first {
        let rest = args.dropFirst().map { nestedText($0) }
        let name = b.qualifiedForCompiler(b.methodExpressionName, go127: analysis.compiler.inliner == .go127)
        return name + "(" + ([nestedText(receiver, folds: false)] + rest).joined(separator: ", ") + ")"
      }
      // The time package's functions likewise (`time.Date(2023, time.Month(12), ...)`).
      if b.rawValue.hasPrefix("time."), !b.isMethod {
        return b.rawValue + "(" + args.map { nestedText($0) }.joined(separator: ", ") + ")"
      }
      // A package call Go does not inline, of an inlined one's result: the argument is the
      // result variable, unparenthesized (Go 1.19's intrinsic `math.Sqrt(~R0)` of
      // `math.Sqrt(math.Abs(x))`; runs/pkgfuncvalues).
      if b.rawValue.contains("."), args.contains(where: { isInlinedPackageCall($0) || isInlinedCall($0) }) {
        let parts = args.map { a in
          isInlinedCall(a) ? operandText(a, rewritten: nil)
            : isInlinedPackageCall(a) ? String(nestedText(a).dropFirst().dropLast()) : nestedText(a)
        }
        return b.rawValue + "(" + parts.joined(separator: ", ") + ")"
      }
    }
    // A comparison or arithmetic with a package call in it: each side as the IR prints it, an
    // inlined call as its parenthesized result (`(~r0) > int64(1600000000)`, runs/timeapi).
    if case .binary = x.kind, x.involvesPackageCall { return nestedText(x) }
    // A composite literal's elements are `...` (`TempErr{...}`; `T{}` when it has none).
    if case .composite = x.kind {
      let text = written(x)
      if let open = text.firstIndex(of: "{"), text.last == "}" {
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return String(text[...open]) + (inner.allSatisfy { $0 == " " } ? "}" : "...}")
      }
    }
    if let c = rewritten ?? (analysis.compiler.reportsOperandPositions ? x.constant : nil) {
      switch c {
      case .string(let v):
        var quoted: [UInt8] = []
        GoStrconv.appendQuoted(&quoted, StringConstantBytes.bytes(v), quote: UInt8(ascii: "\""), asciiOnly: false)
        let text = String(decoding: quoted, as: UTF8.self)
        return text.count > 72 ? String(text.prefix(69)) + "..." : text
      // A constant of another integer type than int is its conversion: `time.Duration(1500300000)`.
      // Go 1.20+'s IR holds a named constant or a constant conversion as its value too
      // (`time.Second` is `time.Duration(1000000000)`, `A` of `const A K = 300` is `K(300)`).
      case .int(let v) where x.isRuneConstant && analysis.compiler.reportsOperandPositions:
        // An untyped rune constant, as fmt.go's OLITERAL prints a rune: `'a'`, `'\x7f'`,
        // `'\U0010ffff'` (strconv.QuoteRune; Tests/Recordings/runs/unicodepkg).
        var quoted: [UInt8] = []
        GoStrconv.appendQuotedRune(&quoted, Int32(truncatingIfNeeded: v), asciiOnly: false)
        return String(decoding: quoted, as: UTF8.self)
      case .int(let v): return Self.integerConstantText(v, x.type)
      // A float constant by go/constant's %.6g (`math.Pi` is `3.14159`).
      case .float(let v, _) where analysis.compiler.reportsOperandPositions:
        var digits: [UInt8] = []
        GoStrconv.appendFloat(&digits, v, UInt8(ascii: "g"), 6, 64)
        let text = String(decoding: digits, as: UTF8.self)
        return x.type === GoType.float64 ? text : "\(x.type.goName)(\(text))"
      case .bool(let v): return "\(v)"
      default: break
      }
    }
    // Go 1.20+'s IR holds a constant operand as its value (types2 folded it), printed by fmt.go's
    // OLITERAL case: `float64(s) / (1 << 20)` is `float64(s) / 1.04858e+06` (go/constant's
    // %.6g), and a constant of another type than its default a conversion, `i16 + int16(1)`
    // (Tests/Recordings/runs/boxing and methodprint).
    if analysis.compiler.reportsOperandPositions, case .binary(let op, let a, let b) = x.kind, let c = b.constant {
      var value: String? = nil
      if b.type.isFloat {
        let f: Double
        switch c {
        case .int(let v): f = Double(v)
        case .float(let v, _): f = v
        default: return written(x)
        }
        var digits: [UInt8] = []
        GoStrconv.appendFloat(&digits, f, UInt8(ascii: "g"), 6, 64)
        value = String(decoding: digits, as: UTF8.self)
        if b.type !== GoType.float64 { value = "\(b.type.goName)(\(value!))" }
      } else if case .int(let v) = c, b.type.isInteger {
        value = b.type === GoType.int ? "\(v)" : "\(b.type.goName)(\(v))"
      }
      if let value {
        var left = irExpressionText(written(a))
        if case .binary(let inner, _, _) = a.kind, irPrecedence(inner) < irPrecedence(op) { left = "(\(left))" }
        return "\(left) \(op) \(value)"
      }
    }
    return written(x)
  }

  /// A call the inliner inlined (one result: its result variable).
  private func isInlinedCall(_ e: TypedExpr) -> Bool {
    if case .inlinedCall(let ic) = e.kind { return ic.results.count == 1 }
    return false
  }

  /// The result variable of an inlined package call, as the IR names it: a named result by its
  /// package and name (Go 1.27's fmt.Errorf `fmt.err`, atomic.Value's Load `atomic.val`),
  /// otherwise `~r0` (Go 1.19: `~R0`).
  private func inlinedResultName(_ b: Builtin) -> String {
    let go127 = analysis.compiler.inliner == .go127
    switch b {
    case .fmtErrorf: return "fmt.err"
    case .atomicValueLoad: return b.qualifiedForCompiler("atomic.val", go127: go127)
    // atomic.Pointer[T]'s named results (type.go).
    case .atomicPointerSwap: return "atomic.old"
    case .atomicPointerCompareAndSwap: return "atomic.swapped"
    default: return go127 ? "~r0" : "~R0"
    }
  }

  /// A call whose last argument is the slice packed for a variadic parameter, as the IR prints
  /// it (typecheck.MakeDotArgs' slice literal is `... argument`); nil for any other.
  private func variadicCallText(_ x: TypedExpr) -> String? {
    let callee: String
    let args: [TypedExpr]
    switch x.kind {
    case .call(let f, let a) where f.receiver == nil: (callee, args) = (f.name, a)
    case .callValue(let c, let a): (callee, args) = (written(c), a)
    default: return nil
    }
    guard let pack = args.last, pack.isVariadicPack, case .composite = pack.kind else { return nil }
    let parts = args.dropLast().map { nestedText($0) } + ["... argument..."]
    return callee + "(" + parts.joined(separator: ", ") + ")"
  }

  /// A call of a generic package function Go does not inline, which the IR spells with its
  /// shape and dictionary (Builtin.genericCallText).
  private func isSpelledGenericCall(_ e: TypedExpr) -> Bool {
    guard case .builtin(let b, let args, _) = e.kind, !isInlinedPackageCall(e) else { return false }
    return b.genericCallText(args, { _ in "" }) != nil
  }

  /// A call of a package function Go's inliner inlines (its result is `~r0`).
  private func isInlinedPackageCall(_ e: TypedExpr) -> Bool {
    guard case .builtin(let b, _, _) = e.kind else { return false }
    return b.packageInlining(go127: analysis.compiler.inliner == .go127) != nil || b.genericInlining != nil
  }

  /// An operand inside a call or a binary expression of an operand's text: an inlined package
  /// call is its result in parentheses; in Go 1.20+ a constant its value (`folds`: the
  /// receiver of a method expression keeps its spelling); a call of a package method or a
  /// time function the IR's call; anything else as written.
  private func nestedText(_ e: TypedExpr, folds: Bool = true) -> String {
    let go127 = analysis.compiler.inliner == .go127
    if case .builtin(let b, _, _) = e.kind, b.packageInlining(go127: go127) != nil || b.genericInlining != nil {
      return "(\(inlinedResultName(b)))"
    }
    if go127, folds, let c = e.constant {
      switch c {
      case .int(let v): return Self.integerConstantText(v, e.type)
      case .string(let v):
        var quoted: [UInt8] = []
        GoStrconv.appendQuoted(&quoted, StringConstantBytes.bytes(v), quote: UInt8(ascii: "\""), asciiOnly: false)
        return String(decoding: quoted, as: UTF8.self)
      // go/constant's %.6g (`math.Pi` is `3.14159`, runs/mathtrig).
      case .float(let v, _):
        var digits: [UInt8] = []
        GoStrconv.appendFloat(&digits, v, UInt8(ascii: "g"), 6, 64)
        let text = String(decoding: digits, as: UTF8.self)
        return e.type === GoType.float64 ? text : "\(e.type.goName)(\(text))"
      default: break
      }
    }
    if e.isPackageCall || e.isMethodCall { return operandText(e, rewritten: nil) }
    // The program's own inlined call: its result variable, in parentheses (`(~r0) - m0`,
    // runs/writerpanics).
    if case .inlinedCall(let ic) = e.kind, ic.results.count == 1 { return "(\(operandText(e, rewritten: nil)))" }
    // The receiver of a devirtualized call: the type assertion devirtualize.go inserts, which
    // spans only its operand (`S.Get(g.(S))`; runs/directiface, Go 1.19.8).
    if case .typeAssert(let x, let t?, _) = e.kind, x.span == e.span {
      return nestedText(x, folds: folds) + ".(\(t))"
    }
    // A conversion prints its operand in its own parentheses: `int(~R0)`, `int(time.Time.Month(t))`.
    if case .conversion(let inner) = e.kind, inner.involvesPackageCall {
      var text = nestedText(inner)
      if isInlinedPackageCall(inner) { text = String(text.dropFirst().dropLast()) }
      return "\(e.type.goName)(\(text))"
    }
    if case .binary(let op, let a, let b) = e.kind, e.involvesPackageCall {
      // fmt.go exprfmt: the left operand in parentheses when it binds less tightly, the right
      // when it binds no tighter (the operators associate to the left).
      var left = nestedText(a)
      var right = nestedText(b)
      if case .binary(let inner, _, _) = a.kind, irPrecedence(inner) < irPrecedence(op) { left = "(\(left))" }
      if case .binary(let inner, _, _) = b.kind, irPrecedence(inner) <= irPrecedence(op) { right = "(\(right))" }
      return "\(left) \(op) \(right)"
    }
    return irExpressionText(written(e))
  }

  /// An expression as written, in the compiler's spacing (Diagnostics/IRText.swift).
  private func written(_ x: TypedExpr) -> String {
    let bytes = analysis.source.bytes
    if let explicit = x.explicitSelectorText(bytes) { return irExpressionText(explicit) }
    return irExpressionText(String(decoding: bytes[max(0, x.span.start)..<min(x.span.end, bytes.count)], as: UTF8.self))
  }
}

extension TypedExpr {
  /// A call of a package function or method gcsh provides (`t.Unix()`, `time.Date(...)`).
  fileprivate var isPackageCall: Bool {
    // (time.UTC and time.Local are package variables, read by a builtin of their own.)
    if case .builtin(let b, _, _) = kind { return b.rawValue.contains(".") && b != .timeUTCLocation && b != .timeLocalLocation }
    return false
  }

  /// A call of a method of the program's that is not inlined: the IR's call of its method
  /// expression (`(*cache).get(c, "x")`).
  fileprivate var isMethodCall: Bool {
    if case .call(let f, _) = kind { return f.receiver != nil }
    return false
  }

  /// A package call, or arithmetic or a conversion with one somewhere in its operands
  /// (`(t.Unix() - 5) * 2`, `int(t.Month())`).
  fileprivate var involvesPackageCall: Bool {
    if isPackageCall || isMethodCall { return true }
    switch kind {
    case .inlinedCall(let ic): return ic.results.count == 1
    case .binary(_, let a, let b): return a.involvesPackageCall || b.involvesPackageCall
    case .conversion(let inner): return inner.involvesPackageCall
    default: return false
    }
  }
}
