// Printf: Go's fmt package, ported from Go 1.27.3's fmt/print.go (the printer `pp`: Printf's
// format-string interpreter doPrintf, Print's and Println's spacing, printArg's dispatch on the
// operand's type, the %!verb(type=value) error forms) and fmt/format.go (the formatter `fmt`:
// fmtInteger, fmtFloat, fmtS, fmtQ, fmtC, fmtUnicode, fmtSbx and the padding they share), over
// the value kinds gcsh has. The walk through composite values — printValue, which Go does with
// reflect — reads the simulated memory and is in ValueFormat.swift; the number and string
// conversions fmt calls (strconv.AppendFloat, Quote, IsPrint; unicode/utf8) are in
// Strconv.swift.
//
// An interface operand is its dynamic value (VM+TypeAssertions.swift fmtOperand), a nil one
// the nil interface. The operands with methods are time.Duration and *time.Duration (a
// Stringer, which %v %s %x %X %q print through Duration.String), errors.errorString (errors.New,
// fmt.Errorf) and the program's types with an `Error() string` or `String() string` method,
// which the printer calls back (VM+Callbacks.swift).
//
// Output: the printer fills a byte buffer as Go's does. A Print or Printf to the host hands the
// buffer over in chunks (`sink`) as composite values are walked, so printing a slice of
// hundreds of MB does not build the whole text in host memory; one scalar's text (a long string
// with a width or precision, say) is still built whole, as Go builds it. Sprint and Sprintf
// build the whole result: it becomes a string in simulated memory anyway.

import GoHeap

/// One operand of a print call: the value and where it is (ValueFormat.swift).
struct FmtValue {
  let type: GoType
  let source: ValueSource
  let offset: Int
  /// A scalar alone in its own slot (a call's operand), normalised there.
  let inSlot: Bool
  /// reflect's flagRO: the value was reached through an unexported struct field, so fmt may
  /// not call its methods (Value.CanInterface is false).
  let readOnly: Bool
  /// reflect's flagAddr: the value is a variable's memory (an element of a slice, what a pointer
  /// points to, and their fields and array elements), so Value.Interface copies it.
  var addressable = false

  /// An untyped nil operand (panic(nil)): Go's nil interface, which fmt prints as `<nil>`.
  var isNilInterface: Bool {
    if case .undefined = type.kind { return true }
    return false
  }

  /// An operand of a print call, in its slots.
  static func operand(_ t: GoType, _ p: UnsafeMutablePointer<UInt64>) -> FmtValue {
    FmtValue(type: t, source: .slots(p), offset: 0, inSlot: true, readOnly: false)
  }
}

/// fmt's flags (format.go fmtFlags), kept apart for easy clearing.
struct FmtFlags {
  var widPresent = false
  var precPresent = false
  var minus = false
  var plus = false
  var sharp = false
  var space = false
  var zero = false
  // For %+v and %#v, plusV/sharpV are set and plus/sharp cleared: they are in effect different,
  // flagless formats set at the top level.
  var plusV = false
  var sharpV = false
}

private let ldigits: [UInt8] = Array("0123456789abcdefx".utf8)
private let udigits: [UInt8] = Array("0123456789ABCDEFX".utf8)

// The ASCII bytes the port compares verbs and format bytes with.
private extension UInt8 {
  static let percent: UInt8 = 0x25, space: UInt8 = 0x20, plus: UInt8 = 0x2B, minus: UInt8 = 0x2D
  static let sharp: UInt8 = 0x23, digit0: UInt8 = 0x30, dot: UInt8 = 0x2E, star: UInt8 = 0x2A
  static let lbracket: UInt8 = 0x5B, rbracket: UInt8 = 0x5D
}

/// Verbs as the runes the printer dispatches on.
enum Verb {
  static let v: Int32 = 0x76, d: Int32 = 0x64, s: Int32 = 0x73, q: Int32 = 0x71, x: Int32 = 0x78
  static let X: Int32 = 0x58, b: Int32 = 0x62, o: Int32 = 0x6F, O: Int32 = 0x4F, c: Int32 = 0x63
  static let U: Int32 = 0x55, e: Int32 = 0x65, E: Int32 = 0x45, f: Int32 = 0x66, F: Int32 = 0x46
  static let g: Int32 = 0x67, G: Int32 = 0x47, t: Int32 = 0x74, p: Int32 = 0x70, T: Int32 = 0x54
  static let w: Int32 = 0x77, percent: Int32 = 0x25
}

/// The state of one Print/Printf call: Go's `pp` with its `fmt`.
final class Printer {
  let vm: VM
  /// Promoted String/Error methods being followed (VM+Callbacks.swift programText).
  var promotionDepth = 0
  /// The output so far (Go's `buffer`). Its growth past the pooled buffer's capacity is what
  /// fmt allocates (VM+PrinterPool.swift).
  var buf: [UInt8] = [] { didSet { bufferGrew(to: flushed + buf.count, padding: padding) } }
  /// Bytes already handed to the sink: Go's buffer still holds them.
  private var flushed = 0
  /// writePadding is appending this many bytes (Go makes the new buffer itself).
  private var padding: Int? = nil
  /// Where a Print to the host sends full chunks of `buf` (nil: build the whole text).
  private let sink: (([UInt8]) -> Void)?
  static let chunkBytes = 64 << 10

  // format.go's fmt: flags, width, precision.
  var f = FmtFlags()
  var wid = 0
  var prec = 0

  /// The format string used argument reordering (%[n]d): extra operands are not reported.
  private(set) var reordered = false
  /// The most recent reordering directive was valid.
  private var goodArgNum = true
  /// Printing a %!verb(...) error: methods are not called inside it.
  var erroring = false
  /// fmt.Errorf's printer: %w may wrap an error operand (print.go wrapErrs). Go 1.20+ records
  /// each %w's operand index (`wrappedErrs`, even for an operand that is not an error); Go
  /// 1.19 keeps one wrapped operand (`wrappedErr`), and a second %w, or one of a non-error,
  /// clears it and stops wrapping.
  var wrapErrs = false
  var wrappedErrs: [Int] = []
  var wrappedErr: Int? = nil
  /// The operand being printed (its index, for Go 1.19's wrappedErr).
  private var currentArg = 0
  /// Go 1.20+'s fmt (wrappedErrs; %w of several operands).
  private var wrapsSeveral: Bool { vm.heap.profile.version >= GoVersion(1, 20) }

  /// It prints for a Go fmt call (the pooled printer is taken), which allocates what reflect
  /// does (copyForInterface); GCScript's print statement and `stats` labels do not.
  let allocates: Bool

  init(_ vm: VM, sink: (([UInt8]) -> Void)? = nil) {
    self.vm = vm
    self.sink = sink
    allocates = vm.printerPool.active
  }

  /// Hands the buffer to the sink when a chunk's worth is there. Called between elements of
  /// composite values, where nothing reads back what was written (as Go's printer never does).
  /// The cut avoids splitting a UTF-8 sequence, so each chunk is whole text.
  func flushIfFull() {
    guard let sink, buf.count >= Self.chunkBytes else { return }
    var cut = buf.count
    // Back up to the start of the last UTF-8 sequence; it waits for the next chunk if the
    // rest of it is not written yet.
    var start = cut - 1
    while start > 0 && cut - start < 4 && buf[start] & 0xC0 == 0x80 { start -= 1 }
    let lead = buf[start]
    let need = lead < 0xC0 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    if cut - start < need { cut = start }
    if cut == 0 { return }
    sink(Array(buf[..<cut]))
    flushed += cut
    buf.removeFirst(cut)
  }

  /// The bytes printed so far.
  var written: Int { flushed + buf.count }

  /// The rest of the buffer to the sink.
  func finish() {
    if let sink, !buf.isEmpty {
      sink(buf)
      flushed += buf.count
      buf.removeAll()
    }
  }

  func writeString(_ s: String) { buf.append(contentsOf: s.utf8) }
  func writeByte(_ c: UInt8) { buf.append(c) }
  func writeRune(_ r: Int32) { GoUTF8.appendRune(&buf, r) }

  // MARK: - format.go

  func clearflags() {
    f = FmtFlags()
    wid = 0
    prec = 0
  }

  /// writePadding: n bytes of padding, zeros only to the left ('0' without '-').
  func writePadding(_ n: Int) {
    if n <= 0 { return }
    let padByte: UInt8 = f.zero && !f.minus ? .digit0 : .space
    padding = n
    buf.append(contentsOf: repeatElement(padByte, count: n))
    padding = nil
  }

  /// pad: b padded to the width on the left, or on the right with '-'; the width counts runes.
  func pad(_ b: [UInt8]) {
    if !f.widPresent || wid == 0 {
      buf.append(contentsOf: b)
      return
    }
    let width = wid - GoUTF8.runeCount(b)
    if !f.minus {
      writePadding(width)
      buf.append(contentsOf: b)
    } else {
      buf.append(contentsOf: b)
      writePadding(width)
    }
  }

  func padString(_ s: String) { pad(Array(s.utf8)) }

  func fmtBoolean(_ v: Bool) { padString(v ? "true" : "false") }

  /// fmtUnicode: "U+0078", or with '#' "U+0078 'x'" when the rune is printable; the precision
  /// is the minimum number of hex digits (4).
  func fmtUnicode(_ u: UInt64) {
    var u = u
    var prec = 4
    if f.precPresent && self.prec > 4 { prec = self.prec }
    var out: [UInt8] = []  // built right to left, reversed at the end
    if f.sharp && u <= UInt64(GoUTF8.maxRune) && GoStrconv.isPrint(Int32(u)) {
      var ch: [UInt8] = []
      GoUTF8.appendRune(&ch, Int32(u))
      out.append(0x27)
      out.append(contentsOf: ch.reversed())
      out.append(0x27)
      out.append(.space)
    }
    while u >= 16 {
      out.append(udigits[Int(u & 0xF)])
      prec -= 1
      u >>= 4
    }
    out.append(udigits[Int(u)])
    prec -= 1
    while prec > 0 {
      out.append(.digit0)
      prec -= 1
    }
    out.append(.plus)
    out.append(0x55)  // U
    let oldZero = f.zero
    f.zero = false
    pad(Array(out.reversed()))
    f.zero = oldZero
  }

  /// fmtInteger: u in base 2, 8, 10 or 16 with sign, precision (minimum digits; 0 with value 0
  /// prints nothing), '0' padding as precision when there is no precision, and the '#'
  /// prefixes 0b, 0, 0x; %O's 0o.
  func fmtInteger(_ u: UInt64, _ base: Int, _ isSigned: Bool, _ verb: Int32, _ digits: [UInt8]) {
    var u = u
    let negative = isSigned && Int64(bitPattern: u) < 0
    if negative { u = 0 &- u }

    // Two ways to ask for extra leading zero digits: %.3d or %03d. If both are given the '0'
    // flag is ignored and the padding is spaces.
    var prec = 0
    if f.precPresent {
      prec = self.prec
      // Precision 0 and value 0 means "print nothing" but the padding.
      if prec == 0 && u == 0 {
        let oldZero = f.zero
        f.zero = false
        writePadding(wid)
        f.zero = oldZero
        return
      }
    } else if f.zero && !f.minus && f.widPresent {  // zero padding is allowed only to the left
      prec = wid
      if negative || f.plus || f.space { prec -= 1 }  // leave room for the sign
    }

    // Right to left, into `out` reversed.
    var out: [UInt8] = []
    out.reserveCapacity(24)
    switch base {
    case 10:
      while u >= 10 {
        out.append(UInt8(0x30 + u % 10))
        u /= 10
      }
    case 16:
      while u >= 16 {
        out.append(digits[Int(u & 0xF)])
        u >>= 4
      }
    case 8:
      while u >= 8 {
        out.append(UInt8(0x30 + u & 7))
        u >>= 3
      }
    default:
      while u >= 2 {
        out.append(UInt8(0x30 + u & 1))
        u >>= 1
      }
    }
    out.append(digits[Int(u)])
    while prec > out.count { out.append(.digit0) }

    // Prefixes: 0x, -, etc.
    if f.sharp {
      switch base {
      case 2: out.append(contentsOf: [0x62, 0x30])  // "0b", reversed
      case 8: if out.last != .digit0 { out.append(.digit0) }
      case 16: out.append(contentsOf: [digits[16], 0x30])  // "0x" or "0X", reversed
      default: break
      }
    }
    if verb == Verb.O { out.append(contentsOf: [0x6F, 0x30]) }  // "0o", reversed

    if negative {
      out.append(.minus)
    } else if f.plus {
      out.append(.plus)
    } else if f.space {
      out.append(.space)
    }

    // Zero padding to the left was done above as precision, or is ignored for an explicit
    // precision.
    let oldZero = f.zero
    f.zero = false
    pad(Array(out.reversed()))
    f.zero = oldZero
  }

  /// truncate: at most `prec` runes when a precision is given.
  func truncate(_ b: [UInt8]) -> [UInt8] {
    guard f.precPresent else { return b }
    var n = prec
    var i = 0
    while i < b.count {
      n -= 1
      if n < 0 { return Array(b[..<i]) }
      i += GoUTF8.decodeRune(b, i).1
    }
    return b
  }

  /// fmtS (and fmtBs, the same for a byte slice): truncated to the precision, padded.
  func fmtS(_ s: [UInt8]) { pad(truncate(s)) }

  /// fmtSbx: the bytes of a string or byte slice in hex, two digits each; ' ' separates them
  /// (each with its own 0x under '#'), else '#' puts one 0x in front. The precision limits the
  /// bytes encoded; the width pads the whole.
  func fmtSbx(_ b: [UInt8], _ digits: [UInt8]) {
    var length = b.count
    if f.precPresent && prec < length { length = prec }
    var width = 2 * length
    if width > 0 {
      if f.space {
        if f.sharp { width *= 2 }
        width += length - 1
      } else if f.sharp {
        width += 2
      }
    } else {
      // Nothing to encode.
      if f.widPresent { writePadding(wid) }
      return
    }
    if f.widPresent && wid > width && !f.minus { writePadding(wid - width) }
    if f.sharp { buf.append(contentsOf: [0x30, digits[16]]) }
    for i in 0..<length {
      if f.space && i > 0 {
        buf.append(.space)
        if f.sharp { buf.append(contentsOf: [0x30, digits[16]]) }
      }
      let c = b[i]
      buf.append(digits[Int(c >> 4)])
      buf.append(digits[Int(c & 0xF)])
    }
    if f.widPresent && wid > width && f.minus { writePadding(wid - width) }
  }

  /// fmtQ: a double-quoted Go string literal (strconv.Quote; %+q QuoteToASCII), or with '#' a
  /// raw `backquoted` one when strconv.CanBackquote allows.
  func fmtQ(_ s: [UInt8]) {
    let s = truncate(s)
    if f.sharp && GoStrconv.canBackquote(s) {
      pad([0x60] + s + [0x60])
      return
    }
    var q: [UInt8] = []
    GoStrconv.appendQuoted(&q, s, quote: 0x22, asciiOnly: f.plus)
    pad(q)
  }

  /// fmtC: the integer as the character; past U+10FFFF (or invalid) U+FFFD.
  func fmtC(_ c: UInt64) {
    let r = c > UInt64(GoUTF8.maxRune) ? GoUTF8.runeError : Int32(truncatingIfNeeded: c)
    var b: [UInt8] = []
    GoUTF8.appendRune(&b, r)
    pad(b)
  }

  /// fmtQc: a single-quoted Go character literal (strconv.QuoteRune; %+q ToASCII).
  func fmtQc(_ c: UInt64) {
    let r = c > UInt64(GoUTF8.maxRune) ? GoUTF8.runeError : Int32(truncatingIfNeeded: c)
    var b: [UInt8] = []
    GoStrconv.appendQuotedRune(&b, r, asciiOnly: f.plus)
    pad(b)
  }

  /// fmtFloat: strconv.AppendFloat with the verb and precision (the explicit one overrules the
  /// default), then the sign rules ('+', ' '), Inf and NaN never zero-padded, '#' keeping the
  /// point and trailing zeros, and zero padding after the sign.
  func fmtFloat(_ v: Double, _ size: Int, _ verb: Int32, _ prec: Int) {
    var prec = prec
    if f.precPresent { prec = self.prec }
    // Formatted after a reserved byte for a leading + sign.
    var num: [UInt8] = [.plus]
    GoStrconv.appendFloat(&num, v, UInt8(verb), prec, size)
    if num[1] == .minus || num[1] == .plus {
      num.removeFirst()
    } else {
      num[0] = .plus
    }
    // ' ' means a leading space instead of a "+" unless '+' asks for the sign.
    if f.space && num[0] == .plus && !f.plus { num[0] = .space }
    // Infinities and NaN don't look like numbers: no zero padding.
    if num[1] == 0x49 || num[1] == 0x4E {  // I, N
      let oldZero = f.zero
      f.zero = false
      // No sign before NaN unless asked for.
      if num[1] == 0x4E && !f.space && !f.plus { num.removeFirst() }
      pad(num)
      f.zero = oldZero
      return
    }
    // '#' forces a decimal point for non-binary formats and keeps trailing zeros, which may
    // need restoring.
    if f.sharp && verb != Verb.b {
      var digits = 0
      switch verb {
      case Verb.v, Verb.g, Verb.G, Verb.x:
        digits = prec
        if digits == -1 { digits = 6 }  // no explicit precision: 6
      default: break
      }
      var tail: [UInt8] = []  // an exponent: e+123 or p-1023
      var hasDecimalPoint = false
      var sawNonzeroDigit = false
      var i = 1  // past the sign
      scan: while i < num.count {
        switch num[i] {
        case .dot:
          hasDecimalPoint = true
        case 0x70, 0x50:  // p, P: the exponent of %x
          tail.append(contentsOf: num[i...])
          num.removeSubrange(i...)
          break scan
        default:
          // e, E: the exponent, except in %x where they are digits.
          if (num[i] == 0x65 || num[i] == 0x45) && verb != Verb.x && verb != Verb.X {
            tail.append(contentsOf: num[i...])
            num.removeSubrange(i...)
            break scan
          }
          if num[i] != .digit0 { sawNonzeroDigit = true }
          // Count significant digits after the first non-zero digit.
          if sawNonzeroDigit { digits -= 1 }
        }
        i += 1
      }
      if !hasDecimalPoint {
        // A leading 0 counts once.
        if num.count == 2 && num[1] == .digit0 { digits -= 1 }
        num.append(.dot)
      }
      while digits > 0 {
        num.append(.digit0)
        digits -= 1
      }
      num.append(contentsOf: tail)
    }
    // A sign if asked for or if it is not +.
    if f.plus || num[0] != .plus {
      // Zero padding to the left goes after the sign.
      if f.zero && !f.minus && f.widPresent && wid > num.count {
        buf.append(num[0])
        writePadding(wid - num.count)
        buf.append(contentsOf: num[1...])
        return
      }
      pad(num)
      return
    }
    // No sign to show and the number is positive.
    pad(Array(num[1...]))
  }

  // MARK: - print.go: the pp's formatting by kind

  /// badVerb: %!verb(type=value), the value printed with %v and methods not called.
  func badVerb(_ value: FmtValue, _ verb: Int32) throws {
    erroring = true
    writeString("%!")
    writeRune(verb)
    writeByte(0x28)
    if value.isNilInterface {
      writeString("<nil>")
    } else {
      writeString(goTypeString(value.type))
      writeByte(0x3D)
      try printValue(value, Verb.v, 0)
    }
    writeByte(0x29)
    erroring = false
  }

  func fmtBool(_ value: FmtValue, _ v: Bool, _ verb: Int32) throws {
    switch verb {
    case Verb.t, Verb.v: fmtBoolean(v)
    default: try badVerb(value, verb)
    }
  }

  /// fmt0x64: v in hex, with or without a leading 0x by setting '#' for the moment.
  func fmt0x64(_ v: UInt64, _ leading0x: Bool) {
    let sharp = f.sharp
    f.sharp = leading0x
    fmtInteger(v, 16, false, Verb.v, ldigits)
    f.sharp = sharp
  }

  /// pp.fmtInteger: the integer verbs; %#v of an unsigned integer is hex with 0x.
  func fmtInteger(_ value: FmtValue, _ v: UInt64, _ isSigned: Bool, _ verb: Int32) throws {
    switch verb {
    case Verb.v:
      if f.sharpV && !isSigned {
        fmt0x64(v, true)
      } else {
        fmtInteger(v, 10, isSigned, verb, ldigits)
      }
    case Verb.d: fmtInteger(v, 10, isSigned, verb, ldigits)
    case Verb.b: fmtInteger(v, 2, isSigned, verb, ldigits)
    case Verb.o, Verb.O: fmtInteger(v, 8, isSigned, verb, ldigits)
    case Verb.x: fmtInteger(v, 16, isSigned, verb, ldigits)
    case Verb.X: fmtInteger(v, 16, isSigned, verb, udigits)
    case Verb.c: fmtC(v)
    case Verb.q: fmtQc(v)
    case Verb.U: fmtUnicode(v)
    default: try badVerb(value, verb)
    }
  }

  /// pp.fmtFloat: each verb's default precision (-1 is the shortest exact); %v is %g, %F is %f.
  func fmtFloat(_ value: FmtValue, _ v: Double, _ size: Int, _ verb: Int32) throws {
    switch verb {
    case Verb.v: fmtFloat(v, size, Verb.g, -1)
    case Verb.b, Verb.g, Verb.G, Verb.x, Verb.X: fmtFloat(v, size, verb, -1)
    case Verb.f, Verb.e, Verb.E: fmtFloat(v, size, verb, 6)
    case Verb.F: fmtFloat(v, size, Verb.f, 6)
    default: try badVerb(value, verb)
    }
  }

  func fmtString(_ value: FmtValue, _ v: [UInt8], _ verb: Int32) throws {
    switch verb {
    case Verb.v:
      if f.sharpV {
        fmtQ(v)
      } else {
        fmtS(v)
      }
    case Verb.s: fmtS(v)
    case Verb.x: fmtSbx(v, ldigits)
    case Verb.X: fmtSbx(v, udigits)
    case Verb.q: fmtQ(v)
    default: try badVerb(value, verb)
    }
  }

  /// fmtBytes: a byte slice or array. %v and %d list the bytes (%#v as `type{0x1, 0x2}`, a nil
  /// slice `type(nil)`); %s %x %X %q treat them as a string; other verbs go element by element.
  func fmtBytes(_ value: FmtValue, _ v: [UInt8], isNil: Bool, _ verb: Int32, _ typeString: String) throws {
    switch verb {
    case Verb.v, Verb.d:
      if f.sharpV {
        writeString(typeString)
        if isNil {
          writeString("(nil)")
          return
        }
        writeByte(0x7B)
        for (i, c) in v.enumerated() {
          if i > 0 { writeString(", ") }
          fmt0x64(UInt64(c), true)
        }
        writeByte(0x7D)
      } else {
        writeByte(.lbracket)
        for (i, c) in v.enumerated() {
          if i > 0 { writeByte(.space) }
          fmtInteger(UInt64(c), 10, false, verb, ldigits)
          if i & 4095 == 4095 { flushIfFull() }
        }
        writeByte(.rbracket)
      }
    case Verb.s: fmtS(v)
    case Verb.x: fmtSbx(v, ldigits)
    case Verb.X: fmtSbx(v, udigits)
    case Verb.q: fmtQ(v)
    default: try printValue(value, verb, 0)
    }
  }

  /// fmtPointer: a pointer's (or a slice's first element's) address: %p and %v as 0x..., %v
  /// of nil `<nil>`, %#v `(*T)(0x...)`, the integer verbs as an unsigned number.
  func fmtPointer(_ value: FmtValue, _ verb: Int32) throws {
    switch value.type.kind {
    case .pointer, .slice, .map, .function, .chan: break
    default: return try badVerb(value, verb)
    }
    var u = try vm.word(value.source, value.offset)
    // A func's reflect.Value.Pointer is its code pointer (the funcval's first word), not the
    // funcval's address: every closure of one literal prints the same.
    if case .function = value.type.kind, u != 0 { u = try vm.word(.memory(u), 0) }
    switch verb {
    case Verb.v:
      if f.sharpV {
        writeByte(0x28)
        writeString(goTypeString(value.type))
        writeString(")(")
        if u == 0 {
          writeString("nil")
        } else {
          fmt0x64(u, true)
        }
        writeByte(0x29)
      } else {
        if u == 0 {
          padString("<nil>")
        } else {
          fmt0x64(u, !f.sharp)
        }
      }
    case Verb.p: fmt0x64(u, !f.sharp)
    case Verb.b, Verb.o, Verb.d, Verb.x, Verb.X: try fmtInteger(value, u, false, verb)
    default: try badVerb(value, verb)
    }
  }

  /// handleMethods: an operand with a String method (time.Duration, *time.Duration, and the
  /// program's types with one: VM+Callbacks.swift) prints its String() for the verbs that take a string — not under %#v (no GoString) and not while
  /// printing an error. A nil *Duration's String panics, which fmt's catchPanic prints as
  /// `<nil>`. %w prints as %v an error Errorf wraps, and is an error anywhere else.
  func handleMethods(_ value: FmtValue, _ verb: Int32) throws -> Bool {
    if erroring { return false }
    var verb = verb
    if verb == Verb.w {
      // Only Errorf wraps, and only an error (`%!w(int=5)` otherwise).
      let isError = vm.runtimeTypes.itab(.error, value.type, vm.session) != nil
      if wrapsSeveral {
        guard isError, wrapErrs else {
          try badVerb(value, verb)
          return true
        }
      } else {
        guard isError, wrapErrs, wrappedErr == nil else {
          wrappedErr = nil
          wrapErrs = false
          try badVerb(value, verb)
          return true
        }
        wrappedErr = currentArg
      }
      verb = Verb.v
    }
    if f.sharpV { return false }
    switch verb {
    case Verb.v, Verb.s, Verb.x, Verb.X, Verb.q: break
    default: return false
    }
    if let text = try programError(value, verb) {
      try fmtString(value, text, verb)
      return true
    }
    let ns: Int64
    if value.type === durationType {
      ns = Int64(bitPattern: try vm.scalar(value.type, value.source, value.offset, topLevel: value.inSlot))
    } else if let e = value.type.pointee, e === durationType {
      let p = try vm.word(value.source, value.offset)
      if p == 0 {
        writeString("<nil>")
        return true
      }
      ns = Int64(bitPattern: try vm.load(p, 8))
    } else if let text = try writerString(value) {
      try fmtString(value, text, verb)
      return true
    } else if let text = try timePackageString(value) {
      try fmtString(value, text, verb)
      return true
    } else if let text = try programString(value, verb) {
      try fmtString(value, text, verb)
      return true
    } else {
      return false
    }
    try fmtString(value, Array(formatDuration(ns).utf8), verb)
    return true
  }

  /// time.Time's, Month's or Weekday's String(), with what String allocates (VM+Time.swift);
  /// nil for other types.
  private func timePackageString(_ value: FmtValue) throws -> [UInt8]? {
    if value.type === timeType {
      let t = GoTime(
        wall: try vm.word(value.source, value.offset), ext: Int64(bitPattern: try vm.word(value.source, value.offset + 8)),
        loc: try vm.word(value.source, value.offset + 16))
      return try vm.timeString(t, into: nil)
    }
    guard value.type === monthType || value.type === weekdayType else { return nil }
    let v = Int64(bitPattern: try vm.scalar(value.type, value.source, value.offset, topLevel: value.inSlot))
    return try vm.monthOrWeekdayString(value.type === monthType ? .monthString : .weekdayString, v, into: nil)
  }

  /// A *bytes.Buffer's or *strings.Builder's String(), as fmt calls it through Stringer (nil
  /// when the operand is neither): the unread bytes; `<nil>` for a nil pointer (Buffer.String's
  /// check; Builder.String's nil dereference, which catchPanic prints so). Buffer.String is
  /// not inlined here, so its `string(b.buf[b.off:])` is a heap copy (a 1-byte one the
  /// runtime's static table); Builder.String shares the buffer.
  private func writerString(_ value: FmtValue) throws -> [UInt8]? {
    guard value.type.name == nil, let e = value.type.pointee, e === bytesBufferType || e === stringsBuilderType else {
      return nil
    }
    let p = try vm.word(value.source, value.offset)
    if p == 0 { return Array("<nil>".utf8) }
    let isBuffer = e === bytesBufferType
    let data = try vm.load(isBuffer ? p : p + 8, 8)
    let length = Int(try vm.load(isBuffer ? p + 8 : p + 16, 8))
    let off = isBuffer ? Int(try vm.load(p + 24, 8)) : 0
    let text = try vm.bytes(data + UInt64(off), length - off)
    if isBuffer && text.count > 1 { _ = try vm.heap.allocate(.uint8, count: text.count) }
    return text
  }

  /// printArg: one operand. %T prints its type and %p its address before anything else; an
  /// unnamed []byte is fmtBytes's (%#v says `[]byte{...}`); methods come next; the rest is
  /// printValue's walk by kind.
  func printArg(_ arg: FmtValue, _ verb: Int32) throws {
    if arg.isNilInterface {
      switch verb {
      case Verb.T, Verb.v: padString("<nil>")
      default: try badVerb(arg, verb)
      }
      return
    }
    switch verb {
    case Verb.T:
      fmtS(Array(goTypeString(arg.type).utf8))
      return
    case Verb.p:
      try fmtPointer(arg, Verb.p)
      return
    default: break
    }
    if arg.type.name == nil, let e = arg.type.sliceElement, e === GoType.uint8 {
      let (bytes, isNil) = try sliceBytes(arg)
      return try fmtBytes(arg, bytes, isNil: isNil, verb, "[]byte")
    }
    if try handleMethods(arg, verb) { return }
    try printValue(arg, verb, 0)
  }

  // MARK: - print.go: doPrintf, doPrint, doPrintln

  /// tooLarge: a width or precision past 1e6 is not taken.
  private static func tooLarge(_ x: Int) -> Bool { x > 1_000_000 || x < -1_000_000 }

  /// parsenum: a decimal number at format[start..<end]: (num, isnum, index after it).
  private static func parsenum(_ s: [UInt8], _ start: Int, _ end: Int) -> (Int, Bool, Int) {
    if start >= end { return (0, false, end) }
    var num = 0
    var isnum = false
    var newi = start
    while newi < end && 0x30 <= s[newi] && s[newi] <= 0x39 {
      if tooLarge(num) { return (0, false, end) }  // overflow: a crazy long number
      num = num * 10 + Int(s[newi] - 0x30)
      isnum = true
      newi += 1
    }
    return (num, isnum, newi)
  }

  /// intFromArg: operand argNum as a width or precision, if it is an integer of any integer
  /// type that fits an int and is not tooLarge; the operand is used up either way.
  private func intFromArg(_ a: [FmtValue], _ argNum: Int) throws -> (Int, Bool, Int) {
    guard argNum < a.count else { return (0, false, argNum) }
    let v = a[argNum]
    var num = 0
    var isInt = false
    switch v.type.kind {
    case .int(_, true):
      num = Int(Int64(bitPattern: try vm.scalar(v.type, v.source, v.offset, topLevel: v.inSlot)))
      isInt = true
    case .int(_, false), .uintptr:
      let n = try vm.scalar(v.type, v.source, v.offset, topLevel: v.inSlot)
      if Int64(bitPattern: n) >= 0 {
        num = Int(n)
        isInt = true
      }
    default: break
    }
    if Self.tooLarge(num) {
      num = 0
      isInt = false
    }
    return (num, isInt, argNum + 1)
  }

  /// parseArgNumber: the bracketed one-based index at format[i...] ("[3]"), zero-based; the
  /// bytes to consume (1 when there is no closing bracket) and whether it parsed.
  private static func parseArgNumber(_ format: [UInt8], _ i: Int) -> (Int, Int, Bool) {
    // There must be at least 3 bytes: [n].
    if format.count - i < 3 { return (0, 1, false) }
    var j = i + 1
    while j < format.count {
      if format[j] == .rbracket {
        let (width, ok, newi) = parsenum(format, i + 1, j)
        if !ok || newi != j { return (0, j - i + 1, false) }
        return (width - 1, j - i + 1, true)
      }
      j += 1
    }
    return (0, 1, false)
  }

  /// argNumber: the operand for the next verb: argNum, or the bracketed index at format[i].
  private func argNumber(_ argNum: Int, _ format: [UInt8], _ i: Int, _ numArgs: Int) -> (Int, Int, Bool) {
    if format.count <= i || format[i] != .lbracket { return (argNum, i, false) }
    reordered = true
    let (index, wid, ok) = Self.parseArgNumber(format, i)
    if ok && 0 <= index && index < numArgs { return (index, i + wid, true) }
    goodArgNum = false
    return (argNum, i + wid, ok)
  }

  /// doPrintf: the format's text copied, each %-directive's flags, width, precision and
  /// operand index parsed and its operand printed; then `%!(EXTRA type=value, ...)` for
  /// operands left over when none were reordered.
  func doPrintf(_ format: [UInt8], _ a: [FmtValue]) throws {
    let end = format.count
    var argNum = 0  // one operand per non-trivial directive
    var afterIndex = false  // the previous item in the format was an index like [3]
    reordered = false
    var i = 0
    formatLoop: while i < end {
      goodArgNum = true
      let lasti = i
      while i < end && format[i] != .percent { i += 1 }
      if i > lasti { buf.append(contentsOf: format[lasti..<i]) }
      if i >= end { break }  // done with the format

      // One directive.
      i += 1
      clearflags()
      simpleFormat: while i < end {
        let c = format[i]
        switch c {
        case .sharp: f.sharp = true
        case .digit0: f.zero = true
        case .plus: f.plus = true
        case .minus: f.minus = true
        case .space: f.space = true
        default:
          // Fast path: an ASCII lower-case verb without width, precision or index.
          if 0x61 <= c && c <= 0x7A && argNum < a.count {
            if Int32(c) == Verb.w && wrapsSeveral { wrappedErrs.append(argNum) }
            if Int32(c) == Verb.v || Int32(c) == Verb.w {
              // Go syntax; struct-field syntax.
              f.sharpV = f.sharp
              f.sharp = false
              f.plusV = f.plus
              f.plus = false
            }
            currentArg = argNum
            try printArg(a[argNum], Int32(c))
            argNum += 1
            i += 1
            continue formatLoop
          }
          // More complex than flags and a verb, or malformed.
          break simpleFormat
        }
        i += 1
      }

      // An explicit operand index?
      (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)

      // Width?
      if i < end && format[i] == .star {
        i += 1
        (wid, f.widPresent, argNum) = try intFromArg(a, argNum)
        if !f.widPresent { writeString("%!(BADWIDTH)") }
        // A negative width: its magnitude, left-justified ('-'), never zero-padded on the right.
        if wid < 0 {
          wid = -wid
          f.minus = true
          f.zero = false
        }
        afterIndex = false
      } else {
        (wid, f.widPresent, i) = Self.parsenum(format, i, end)
        if afterIndex && f.widPresent { goodArgNum = false }  // "%[3]2d"
      }

      // Precision?
      if i + 1 < end && format[i] == .dot {
        i += 1
        if afterIndex { goodArgNum = false }  // "%[3].2d"
        (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count)
        if i < end && format[i] == .star {
          i += 1
          (prec, f.precPresent, argNum) = try intFromArg(a, argNum)
          // A negative precision makes no sense.
          if prec < 0 {
            prec = 0
            f.precPresent = false
          }
          if !f.precPresent { writeString("%!(BADPREC)") }
          afterIndex = false
        } else {
          (prec, f.precPresent, i) = Self.parsenum(format, i, end)
          if !f.precPresent {
            prec = 0
            f.precPresent = true
          }
        }
      }

      if !afterIndex { (argNum, i, afterIndex) = argNumber(argNum, format, i, a.count) }

      if i >= end {
        writeString("%!(NOVERB)")
        break
      }

      let (verb, size) = GoUTF8.decodeRune(format, i)
      i += size

      if verb == Verb.percent {
        // %% takes no operand and ignores width and precision.
        writeByte(.percent)
      } else if !goodArgNum {
        writeString("%!")
        writeRune(verb)
        writeString("(BADINDEX)")
      } else if argNum >= a.count {
        // No operand left for this verb.
        writeString("%!")
        writeRune(verb)
        writeString("(MISSING)")
      } else {
        if verb == Verb.w && wrapsSeveral { wrappedErrs.append(argNum) }
        if verb == Verb.v || verb == Verb.w {
          f.sharpV = f.sharp
          f.sharp = false
          f.plusV = f.plus
          f.plus = false
        }
        currentArg = argNum
        try printArg(a[argNum], verb)
        argNum += 1
      }
    }

    // Extra operands, unless the call reordered them (then it is too costly to tell whether
    // all were used, and arguably fine if not).
    if !reordered && argNum < a.count {
      clearflags()
      writeString("%!(EXTRA ")
      for (k, arg) in a[argNum...].enumerated() {
        if k > 0 { writeString(", ") }
        if arg.isNilInterface {
          writeString("<nil>")
        } else {
          writeString(goTypeString(arg.type))
          writeByte(0x3D)
          try printArg(arg, Verb.v)
        }
      }
      writeByte(0x29)
    }
  }

  /// doPrint: %v of each operand, a space between two operands when neither is a string.
  func doPrint(_ a: [FmtValue]) throws {
    var prevString = false
    for (argNum, arg) in a.enumerated() {
      let isString = arg.type.isString
      if argNum > 0 && !isString && !prevString { writeByte(.space) }
      try printArg(arg, Verb.v)
      prevString = isString
      flushIfFull()
    }
  }

  /// doPrintln: %v of each operand, always a space between them, and a newline.
  func doPrintln(_ a: [FmtValue]) throws {
    for (argNum, arg) in a.enumerated() {
      if argNum > 0 { writeByte(.space) }
      try printArg(arg, Verb.v)
      flushIfFull()
    }
    writeByte(0x0A)
  }
}
