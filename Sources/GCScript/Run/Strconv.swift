// Strconv: the parts of Go's strconv and unicode/utf8 that package fmt prints with, ported from
// Go 1.27.3's sources so gcsh's fmt (Printf.swift) writes the same bytes:
//
// - unicode/utf8 (utf8.go): DecodeRune's rules for what is valid UTF-8 (an invalid byte is one
//   RuneError of width 1), RuneCount, AppendRune, ValidRune.
// - strconv/quote.go: Quote, QuoteToASCII, QuoteRune, QuoteRuneToASCII, CanBackquote, IsPrint
//   (over isprint.go's tables, copied into StrconvTables.swift).
// - internal/strconv/ftoa.go, uscale.go, decimal.go: FormatFloat. Shortest digits (precision -1,
//   what %v prints) and up to 18 digits come from "fast unrounded scaling" (uscale.go: multiply
//   the left-justified mantissa by a 128-bit power of ten from pow10tab.go, keeping two extra
//   bits and a sticky bit, then round); more digits than that come from the exact multiprecision
//   decimal (decimal.go), rounded half to even. fmtEFG, fmtB and fmtX lay the digits out.
// - internal/strconv/itoa.go: AppendUint/AppendInt for the bases fmt uses.
//
// Everything works on bytes ([UInt8]), as Go's append-style functions do.

// MARK: - unicode/utf8

enum GoUTF8 {
  static let runeError: Int32 = 0xFFFD
  static let maxRune: Int32 = 0x10FFFF
  static let runeSelf: Int32 = 0x80
  static let surrogateMin: Int32 = 0xD800
  static let surrogateMax: Int32 = 0xDFFF

  /// utf8.DecodeRune of `b[i...]`: the rune and its width. An encoding that is not valid UTF-8
  /// (a stray continuation byte, an overlong form, a surrogate, past U+10FFFF, or cut short)
  /// gives (RuneError, 1), so each bad byte stands for one rune; an empty input (RuneError, 0).
  static func decodeRune(_ b: [UInt8], _ i: Int) -> (Int32, Int) {
    let n = b.count - i
    if n < 1 { return (runeError, 0) }
    let p0 = b[i]
    if p0 < 0x80 { return (Int32(p0), 1) }
    // utf8.go's `first` table and `acceptRanges`: the lead byte gives the length and the range
    // the second byte must be in (which is what excludes overlongs, surrogates and > U+10FFFF).
    var size = 0
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    switch p0 {
    case 0xC2...0xDF: size = 2
    case 0xE0:
      size = 3
      lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: size = 3
    case 0xED:
      size = 3
      hi = 0x9F
    case 0xF0:
      size = 4
      lo = 0x90
    case 0xF1...0xF3: size = 4
    case 0xF4:
      size = 4
      hi = 0x8F
    default: return (runeError, 1)
    }
    if n < size { return (runeError, 1) }
    let b1 = b[i + 1]
    if b1 < lo || hi < b1 { return (runeError, 1) }
    if size == 2 { return (Int32(p0 & 0x1F) << 6 | Int32(b1 & 0x3F), 2) }
    let b2 = b[i + 2]
    if b2 < 0x80 || 0xBF < b2 { return (runeError, 1) }
    if size == 3 { return (Int32(p0 & 0x0F) << 12 | Int32(b1 & 0x3F) << 6 | Int32(b2 & 0x3F), 3) }
    let b3 = b[i + 3]
    if b3 < 0x80 || 0xBF < b3 { return (runeError, 1) }
    return (Int32(p0 & 0x07) << 18 | Int32(b1 & 0x3F) << 12 | Int32(b2 & 0x3F) << 6 | Int32(b3 & 0x3F), 4)
  }

  /// utf8.DecodeLastRuneInString of `b[..<end]`: the last rune and its width. The rune starts
  /// at most UTFMax bytes back, at the nearest byte that can start one; if the bytes from there
  /// are not exactly one valid rune ending at `end`, the last byte alone is (RuneError, 1).
  static func decodeLastRune(_ b: [UInt8], end: Int) -> (Int32, Int) {
    if end == 0 { return (runeError, 0) }
    var start = end - 1
    if b[start] < 0x80 { return (Int32(b[start]), 1) }
    let lim = max(0, end - 4)
    start -= 1
    while start >= lim, b[start] & 0xC0 == 0x80 { start -= 1 }
    start = max(start, 0)
    let (r, size) = decodeRune(Array(b[start..<end]), 0)
    return start + size == end ? (r, size) : (runeError, 1)
  }

  /// utf8.RuneCount: runes as DecodeRune steps through them.
  static func runeCount(_ b: [UInt8]) -> Int {
    var n = 0
    var i = 0
    while i < b.count {
      if b[i] < 0x80 {
        i += 1
      } else {
        i += decodeRune(b, i).1
      }
      n += 1
    }
    return n
  }

  /// utf8.ValidRune: a code point that is not a surrogate half.
  static func validRune(_ r: Int32) -> Bool {
    (0 <= r && r < surrogateMin) || (surrogateMax < r && r <= maxRune)
  }

  /// utf8.RuneLen of a valid rune.
  static func runeLen(_ r: Int32) -> Int {
    if r < 0 { return -1 }
    if r < 0x80 { return 1 }
    if r < 0x800 { return 2 }
    if surrogateMin <= r && r <= surrogateMax { return -1 }
    if r < 0x10000 { return 3 }
    if r <= maxRune { return 4 }
    return -1
  }

  /// utf8.AppendRune: an invalid rune (negative, a surrogate, past U+10FFFF) appends RuneError.
  static func appendRune(_ buf: inout [UInt8], _ r: Int32) {
    var r = r
    if r >= 0 && r < 0x80 {
      buf.append(UInt8(r))
      return
    }
    if !validRune(r) { r = runeError }
    let u = UInt32(r)
    if u < 0x800 {
      buf.append(0xC0 | UInt8(u >> 6))
      buf.append(0x80 | UInt8(u & 0x3F))
    } else if u < 0x10000 {
      buf.append(0xE0 | UInt8(u >> 12))
      buf.append(0x80 | UInt8((u >> 6) & 0x3F))
      buf.append(0x80 | UInt8(u & 0x3F))
    } else {
      buf.append(0xF0 | UInt8(u >> 18))
      buf.append(0x80 | UInt8((u >> 12) & 0x3F))
      buf.append(0x80 | UInt8((u >> 6) & 0x3F))
      buf.append(0x80 | UInt8(u & 0x3F))
    }
  }
}

// MARK: - strconv/quote.go

enum GoStrconv {
  static let lowerhex: [UInt8] = Array("0123456789abcdef".utf8)
  static let upperhex: [UInt8] = Array("0123456789ABCDEF".utf8)

  /// The index of the first element >= v (quote.go `bsearch`), and whether it equals v.
  private static func bsearch<E: BinaryInteger>(_ s: [E], _ v: E) -> (Int, Bool) {
    var i = 0
    var j = s.count
    while i < j {
      let h = i + (j - i) >> 1
      if s[h] < v { i = h + 1 } else { j = h }
    }
    return (i, i < s.count && s[i] == v)
  }

  /// strconv.IsPrint (= unicode.IsPrint): Latin-1 by rule, the rest from isprint.go's tables of
  /// printable ranges (pairs lo, hi) minus the listed non-printable points.
  static func isPrint(_ r: Int32) -> Bool {
    if r <= 0xFF {
      if 0x20 <= r && r <= 0x7E { return true }  // ASCII from space through DEL-1
      if 0xA1 <= r && r <= 0xFF { return r != 0xAD }  // ¡ through ÿ except the soft hyphen
      return false
    }
    if 0 <= r && r < 1 << 16 {
      let rr = UInt16(r)
      let (i, _) = bsearch(strconv_isPrint16, rr)
      if i >= strconv_isPrint16.count || rr < strconv_isPrint16[i & ~1] || strconv_isPrint16[i | 1] < rr { return false }
      return !bsearch(strconv_isNotPrint16, rr).1
    }
    let rr = UInt32(bitPattern: r)
    let (i, _) = bsearch(strconv_isPrint32, rr)
    if i >= strconv_isPrint32.count || rr < strconv_isPrint32[i & ~1] || strconv_isPrint32[i | 1] < rr { return false }
    if r >= 0x20000 { return true }
    return !bsearch(strconv_isNotPrint32, UInt16(r - 0x10000)).1
  }

  /// appendQuotedWith: `quote`, each rune escaped as needed, `quote`; a byte that is not valid
  /// UTF-8 is `\xNN`.
  static func appendQuoted(_ buf: inout [UInt8], _ s: [UInt8], quote: UInt8, asciiOnly: Bool) {
    buf.append(quote)
    var i = 0
    while i < s.count {
      let (r, width) = GoUTF8.decodeRune(s, i)
      if width == 1 && r == GoUTF8.runeError {
        buf.append(contentsOf: [0x5C, 0x78])  // \x
        buf.append(lowerhex[Int(s[i] >> 4)])
        buf.append(lowerhex[Int(s[i] & 0xF)])
      } else {
        appendEscapedRune(&buf, r, quote: quote, asciiOnly: asciiOnly)
      }
      i += width
    }
    buf.append(quote)
  }

  /// appendQuotedRuneWith: an invalid rune is quoted as RuneError.
  static func appendQuotedRune(_ buf: inout [UInt8], _ r: Int32, asciiOnly: Bool) {
    buf.append(0x27)
    appendEscapedRune(&buf, GoUTF8.validRune(r) ? r : GoUTF8.runeError, quote: 0x27, asciiOnly: asciiOnly)
    buf.append(0x27)
  }

  /// appendEscapedRune: the quote and backslash escaped; a printable rune as itself (only ASCII
  /// ones when `asciiOnly`, as %+q asks); else \a \b \f \n \r \t \v, \xNN below space and for
  /// DEL, \uNNNN, or \UNNNNNNNN.
  static func appendEscapedRune(_ buf: inout [UInt8], _ r: Int32, quote: UInt8, asciiOnly: Bool) {
    if r == Int32(quote) || r == 0x5C {
      buf.append(0x5C)
      buf.append(UInt8(r))
      return
    }
    if asciiOnly {
      if r < GoUTF8.runeSelf && isPrint(r) {
        buf.append(UInt8(r))
        return
      }
    } else if isPrint(r) {
      GoUTF8.appendRune(&buf, r)
      return
    }
    func escape(_ s: String) { buf.append(contentsOf: s.utf8) }
    switch r {
    case 0x07: escape("\\a")
    case 0x08: escape("\\b")
    case 0x0C: escape("\\f")
    case 0x0A: escape("\\n")
    case 0x0D: escape("\\r")
    case 0x09: escape("\\t")
    case 0x0B: escape("\\v")
    default:
      var r = r
      if r < 0x20 || r == 0x7F {
        escape("\\x")
        buf.append(lowerhex[Int(UInt8(truncatingIfNeeded: r) >> 4)])
        buf.append(lowerhex[Int(UInt8(truncatingIfNeeded: r) & 0xF)])
        return
      }
      if !GoUTF8.validRune(r) { r = 0xFFFD }
      if r < 0x10000 {
        escape("\\u")
        for s in stride(from: 12, through: 0, by: -4) { buf.append(lowerhex[Int((r >> Int32(s)) & 0xF)]) }
      } else {
        escape("\\U")
        for s in stride(from: 28, through: 0, by: -4) { buf.append(lowerhex[Int((r >> Int32(s)) & 0xF)]) }
      }
    }
  }

  /// strconv.CanBackquote: no control characters but tab, no backquote, no DEL, no invalid
  /// UTF-8, no byte order mark.
  static func canBackquote(_ s: [UInt8]) -> Bool {
    var i = 0
    while i < s.count {
      let (r, wid) = GoUTF8.decodeRune(s, i)
      i += wid
      if wid > 1 {
        if r == 0xFEFF { return false }
        continue
      }
      if r == GoUTF8.runeError { return false }
      if (r < 0x20 && r != 0x09) || r == 0x60 || r == 0x7F { return false }
    }
    return true
  }

  // MARK: - itoa.go

  /// AppendUint in base 10.
  static func appendUint(_ dst: inout [UInt8], _ u: UInt64) {
    if u == 0 {
      dst.append(0x30)
      return
    }
    var a = [UInt8](repeating: 0, count: numDigits(u))
    formatBase10(&a, 0, a.count, u)
    dst.append(contentsOf: a)
  }

  /// AppendInt in base 10.
  static func appendInt(_ dst: inout [UInt8], _ i: Int64) {
    if i < 0 { dst.append(0x2D) }
    appendUint(&dst, i.magnitude)
  }

  /// formatBase10: the decimal digits of u into a[from..<to], right-aligned, zero-filled.
  static func formatBase10(_ a: inout [UInt8], _ from: Int, _ to: Int, _ u: UInt64) {
    var u = u
    var nd = to
    while nd > from {
      nd -= 1
      a[nd] = UInt8(0x30 + u % 10)
      u /= 10
    }
  }

  /// numDigits: the number of decimal digits of d >= 1.
  static func numDigits(_ d: UInt64) -> Int {
    let nd = log10Pow2(64 - d.leadingZeroBitCount)
    return nd + (d >= uint64pow10[nd] ? 1 : 0)
  }

  // MARK: - uscale.go: fast unrounded scaling

  /// An unrounded value: the integer part shifted left by 2, with a half bit and a sticky bit
  /// ("is the rest non-zero") below it, so every rounding mode is an add and a shift.
  typealias Unrounded = UInt64

  static func floor(_ u: Unrounded) -> UInt64 { u >> 2 }
  static func round(_ u: Unrounded) -> UInt64 { (u &+ 1 &+ ((u >> 2) & 1)) >> 2 }  // half to even
  static func ceil(_ u: Unrounded) -> UInt64 { (u &+ 3) >> 2 }
  static func nudge(_ u: Unrounded, _ d: Int) -> Unrounded { u &+ UInt64(bitPattern: Int64(d)) }
  static func div(_ u: Unrounded, _ d: UInt64) -> Unrounded { (u / d) | (u & 1) | (u % d != 0 ? 1 : 0) }
  /// The minimum unrounded that rounds to x.
  static func unmin(_ x: UInt64) -> Unrounded { x << 2 &- 2 }

  /// ⌊log₁₀ 2**x⌋ = ⌊x * log₁₀ 2⌋ (78913 / 2^18).
  static func log10Pow2(_ x: Int) -> Int { (x * 78913) >> 18 }
  /// ⌊log₂ 10**x⌋ (108853 / 2^15).
  static func log2Pow10(_ x: Int) -> Int { (x * 108853) >> 15 }

  static let uint64pow10: [UInt64] = (0..<20).map { k in (0..<k).reduce(UInt64(1)) { a, _ in a * 10 } }

  /// The scaling constants for multiplying by 2**e * 10**p (`prescale`): 10**p's 128-bit
  /// mantissa as hi<<64 - lo and the right shift that puts the integer part at bit 2.
  struct Scaler {
    let pmHi: UInt64
    let pmLo: UInt64
    let s: Int
    init(e: Int, p: Int, lp: Int) {
      let entry = strconv_pow10Tab[p - strconv_pow10Min]
      (pmHi, pmLo, s) = (entry.hi, entry.lo, -(e + lp + 3))
    }
  }

  /// uscale: unround(x * 2**e * 10**p) for a left-justified x.
  static func uscale(_ x: UInt64, _ c: Scaler) -> Unrounded {
    var (hi, mid) = x.multipliedFullWidth(by: c.pmHi)
    let s = UInt64(c.s & 63)
    if (hi >> s) << s != hi { return (hi >> s) | 1 }
    let mid2 = x.multipliedFullWidth(by: c.pmLo).high
    hi &-= mid < mid2 ? 1 : 0
    return (hi >> s) | (mid &- mid2 > 1 ? 1 : 0)
  }

  /// fixedWidthFloat: the n-digit (n <= 18) decimal form of m * 2**e as d * 10**p; for 'f', n
  /// is an upper bound and digits past `prec` after the point are dropped.
  static func fixedWidthFloat(_ m: UInt64, _ e: Int, _ n: Int, _ prec: Int, _ fmt: UInt8) -> (UInt64, Int) {
    var p = n - 1 - log10Pow2(e + 63)
    let pre = Scaler(e: e, p: p, lp: log2Pow10(p))
    var u = uscale(m, pre)
    if u >= unmin(uint64pow10[n]) {
      u = div(u, 10)
      p -= 1
    }
    if fmt == 0x66 {  // 'f'
      while p > prec {
        u = div(u, 10)
        p -= 1
      }
    }
    return (round(u), -p)
  }

  /// shortFloat: the fewest digits d * 10**p that still round-trip to the float m * 2**e (m
  /// left-justified): scale the interval of values that round to it, take d at one digit fewer
  /// if the interval holds such a number, else the correctly rounded value.
  static func shortFloat(_ m: UInt64, _ e: Int, mantBits: Int, minExp: Int) -> (UInt64, Int) {
    let p: Int
    let lo: UInt64
    let hi: UInt64
    var z = 63 - mantBits
    if m == 1 << 63 && e > minExp {
      // A power of two: the interval below is half as wide (skewed footprint).
      p = -skewed(e + z)
      lo = m - 1 << (z - 2)
      hi = m + 1 << (z - 1)
    } else if e >= minExp {
      p = -log10Pow2(e + z)
      lo = m - 1 << (z - 1)
      hi = m + 1 << (z - 1)
    } else {
      z = z + (minExp - e)
      p = -log10Pow2(e + z)
      lo = m - 1 << (z - 1)
      hi = m + 1 << (z - 1)
    }
    let odd = Int((m >> UInt64(z)) & 1)
    let pre = Scaler(e: e, p: p, lp: log2Pow10(p))
    let dmin = ceil(nudge(uscale(lo, pre), +odd))
    let dmax = floor(nudge(uscale(hi, pre), -odd))
    var d = dmax / 10
    if d * 10 >= dmin { return (d, -(p - 1)) }
    d = dmin
    if d < dmax { d = round(uscale(m, pre)) }
    return (d, -p)
  }

  /// ⌊log₁₀ 3/4 * 2**e⌋.
  static func skewed(_ e: Int) -> Int { (e * 631305 - 261663) >> 21 }

  /// setDigits: the digits of d into s; the decimal point (digits before it) and the digit
  /// count without trailing zeros.
  static func setDigits(_ s: inout [UInt8], _ d: UInt64, _ p: Int, _ nd: Int) -> (Int, Int) {
    formatBase10(&s, 0, nd, d)
    var nd = nd
    let dp = nd + p
    while nd > 0 && s[nd - 1] == 0x30 { nd -= 1 }
    return (dp, nd)
  }

  // MARK: - ftoa.go

  /// AppendFloat(dst, val, fmt, prec, bitSize): 'b' 'e' 'E' 'f' 'g' 'G' 'x' 'X'; prec -1 is the
  /// shortest that round-trips. bitSize 32 formats `val` as the float32 it holds.
  static func appendFloat(_ dst: inout [UInt8], _ val: Double, _ fmt: UInt8, _ prec: Int, _ bitSize: Int) {
    // The float's layout: float32 or float64 (ftoa32, ftoa64).
    let (bits, expBits, mantBits, bias, minExp): (UInt64, Int, Int, Int, Int) =
      bitSize == 32
      ? (UInt64(Float(val).bitPattern), 8, 23, -127, -189) : (val.bitPattern, 11, 52, -1023, -1085)
    let neg = bits >> UInt64(expBits + mantBits) != 0
    var exp = Int(bits >> UInt64(mantBits)) & (1 << expBits - 1)
    var mant = bits & (1 << UInt64(mantBits) - 1)
    if exp == 1 << expBits - 1 {
      if mant != 0 { return dst.append(contentsOf: "NaN".utf8) }
      return dst.append(contentsOf: (neg ? "-Inf" : "+Inf").utf8)
    }
    if exp == 0 {
      exp += 1  // denormal
    } else {
      mant |= 1 << UInt64(mantBits)
    }
    exp += bias

    // The easy binary and hex formats.
    if fmt == 0x62 { return fmtB(&dst, neg, mant, exp - mantBits) }
    if fmt == 0x78 || fmt == 0x58 { return fmtX(&dst, prec, fmt, neg, mant, exp, mantBits) }

    var prec = prec
    if mant == 0 { return fmtEFG(&dst, neg, [], 0, 0, prec, fmt, prec < 0) }

    if prec < 0 {
      // Shortest: fast unrounded scaling.
      var buf = [UInt8](repeating: 0, count: 32)
      let s = mant.leadingZeroBitCount
      let (d, p) = shortFloat(mant << UInt64(s), exp - s - mantBits, mantBits: mantBits, minExp: minExp)
      let (dp, nd) = setDigits(&buf, d, p, numDigits(d))
      switch fmt {
      case 0x65, 0x45: prec = max(nd - 1, 0)
      case 0x66: prec = max(nd - dp, 0)
      case 0x67, 0x47: prec = nd
      default: break
      }
      return fmtEFG(&dst, neg, buf, dp, nd, prec, fmt, true)
    }

    // A fixed number of digits: up to 18 by unrounded scaling.
    var digits = prec
    switch fmt {
    case 0x66:
      // %f's precision counts digits after the point: bound the total.
      digits = exp >= 0 ? 1 + log10Pow2(1 + exp) + prec : 1 + prec - log10Pow2(-exp)
    case 0x65, 0x45: digits += 1
    case 0x67, 0x47:
      if prec == 0 { prec = 1 }
      digits = prec
    default: digits = 1
    }
    if digits <= 18 {
      // digits <= 0 happens for %f of very small numbers: all zeros.
      var buf = [UInt8](repeating: 0, count: 24)
      var dp = 0
      var nd = 0
      if digits > 0 {
        let s = mant.leadingZeroBitCount
        let (d, p) = fixedWidthFloat(mant << UInt64(s), exp - s - mantBits, digits, prec, fmt)
        if d != 0 { (dp, nd) = setDigits(&buf, d, p, numDigits(d)) }
      }
      return fmtEFG(&dst, neg, buf, dp, nd, prec, fmt, false)
    }

    // More digits: the exact multiprecision decimal, rounded half to even.
    var d = GoDecimal()
    d.assign(mant)
    d.shift(exp - mantBits)
    switch fmt {
    case 0x65, 0x45: d.round(prec + 1)
    case 0x66: d.round(d.dp + prec)
    case 0x67, 0x47:
      if prec == 0 { prec = 1 }
      d.round(prec)
    default: break
    }
    fmtEFG(&dst, neg, d.d, d.dp, d.nd, prec, fmt, false)
  }

  /// fmtEFG: digits s[..<nd] with the decimal point after dp of them, as %e, %f or %g (which
  /// picks %e when the exponent is < -4 or >= the precision, 6 for shortest).
  static func fmtEFG(_ dst: inout [UInt8], _ neg: Bool, _ s: [UInt8], _ dp: Int, _ nd: Int, _ prec: Int, _ fmt: UInt8, _ shortest: Bool) {
    var prec = prec
    var fmt = fmt
    if fmt == 0x67 || fmt == 0x47 {
      // Trailing fractional zeros in 'e' form will be trimmed.
      var eprec = prec
      if eprec > nd && nd >= dp { eprec = nd }
      if shortest { eprec = 6 }
      let exp = dp - 1
      if exp < -4 || exp >= eprec {
        if prec > nd { prec = nd }
        prec -= 1
        fmt = fmt &+ 0x65 &- 0x67
      } else {
        if prec > dp { prec = nd }
        prec = max(prec - dp, 0)
        fmt = 0x66
      }
    }
    switch fmt {
    case 0x65, 0x45:  // %e: -d.ddddde±dd
      if neg { dst.append(0x2D) }
      dst.append(nd != 0 ? s[0] : 0x30)
      if prec > 0 {
        dst.append(0x2E)
        var i = 1
        let m = min(nd, prec + 1)
        if i < m {
          dst.append(contentsOf: s[i..<m])
          i = m
        }
        for _ in 0..<max(0, prec + 1 - i) { dst.append(0x30) }
      }
      appendExponent(&dst, fmt, nd == 0 ? 0 : dp - 1)  // 0 has exponent 0
    case 0x66:  // %f: -ddddddd.ddddd
      if neg { dst.append(0x2D) }
      if dp > 0 {
        let m = min(nd, dp)
        dst.append(contentsOf: s[0..<m])
        for _ in 0..<(dp - m) { dst.append(0x30) }
      } else {
        dst.append(0x30)
      }
      if prec > 0 {
        dst.append(0x2E)
        let lz = min(prec, max(0, -dp))  // leading zeros
        let off = dp + lz
        let m = min(prec - lz, max(0, nd - off))  // middle digits
        let tz = max(0, prec - lz - m)  // trailing zeros
        for _ in 0..<lz { dst.append(0x30) }
        for i in 0..<m { dst.append(s[off + i]) }
        for _ in 0..<tz { dst.append(0x30) }
      }
    default:
      dst.append(0x25)
      dst.append(fmt)
    }
  }

  /// %b: -ddddddddp±ddd.
  static func fmtB(_ dst: inout [UInt8], _ neg: Bool, _ mant: UInt64, _ exp: Int) {
    if neg { dst.append(0x2D) }
    appendUint(&dst, mant)
    dst.append(0x70)
    if exp >= 0 { dst.append(0x2B) }
    appendInt(&dst, Int64(exp))
  }

  /// %x: -0x1.yyyyyyyyp±ddd or -0x0p+0, rounded half to even to `prec` hex digits.
  static func fmtX(_ dst: inout [UInt8], _ prec: Int, _ fmt: UInt8, _ neg: Bool, _ mant: UInt64, _ exp: Int, _ mantBits: Int) {
    var mant = mant
    var exp = exp
    if mant == 0 { exp = 0 }
    // Shift digits so the leading 1 (if any) is at bit 1<<60.
    mant <<= UInt64(60 - mantBits)
    while mant != 0 && mant & (1 << 60) == 0 {
      mant <<= 1
      exp -= 1
    }
    if prec >= 0 && prec < 15 {
      let shift = UInt64(prec * 4)
      let extra = (mant << shift) & (1 << 60 - 1)
      mant >>= 60 - shift
      if extra | (mant & 1) > 1 << 59 { mant += 1 }
      mant <<= 60 - shift
      if mant & (1 << 61) != 0 {
        // Wrapped around.
        mant >>= 1
        exp += 1
      }
    }
    let hex = fmt == 0x58 ? upperhex : lowerhex
    if neg { dst.append(0x2D) }
    dst.append(contentsOf: [0x30, fmt, 0x30 + UInt8((mant >> 60) & 1)])
    mant <<= 4  // remove the leading 0 or 1
    if prec < 0 && mant != 0 {
      dst.append(0x2E)
      while mant != 0 {
        dst.append(hex[Int((mant >> 60) & 15)])
        mant <<= 4
      }
    } else if prec > 0 {
      dst.append(0x2E)
      for _ in 0..<prec {
        dst.append(hex[Int((mant >> 60) & 15)])
        mant <<= 4
      }
    }
    appendExponent(&dst, fmt == 0x58 ? 0x50 : 0x70, exp)
  }

  /// The exponent of %e (`e+07`) and %x (`p-1074`): the marker, the sign and at least two
  /// decimal digits, as fmtEFG and fmtX write them.
  private static func appendExponent(_ dst: inout [UInt8], _ marker: UInt8, _ exp: Int) {
    dst.append(marker)
    dst.append(exp < 0 ? 0x2D : 0x2B)
    let digits = Array(String(exp.magnitude).utf8)
    if digits.count < 2 { dst.append(0x30) }
    dst.append(contentsOf: digits)
  }

  /// strconv.FormatFloat as a String.
  static func formatFloat(_ f: Double, _ fmt: Character, _ prec: Int, _ bitSize: Int) -> String {
    var b: [UInt8] = []
    appendFloat(&b, f, fmt.asciiValue!, prec, bitSize)
    return String(decoding: b, as: UTF8.self)
  }
}

// MARK: - decimal.go: multiprecision decimal

/// A decimal number of up to 800 digits, exact for any float64 (2 divides 10): digits d[..<nd]
/// with the point after dp of them. Only assign, binary shifts and rounding.
struct GoDecimal {
  var d = [UInt8](repeating: 0, count: 800)
  var nd = 0
  var dp = 0
  /// Discarded non-zero digits beyond d[..<nd].
  var trunc = false

  /// Trailing zeros mean nothing (the point is kept apart).
  private mutating func trim() {
    while nd > 0 && d[nd - 1] == 0x30 { nd -= 1 }
    if nd == 0 { dp = 0 }
  }

  mutating func assign(_ v: UInt64) {
    var digits: [UInt8] = []
    var v = v
    while v > 0 {
      digits.append(UInt8(v % 10) + 0x30)
      v /= 10
    }
    nd = 0
    for c in digits.reversed() {
      d[nd] = c
      nd += 1
    }
    dp = nd
    trim()
  }

  /// The largest shift in one pass: 9<<k must fit a 64-bit word.
  static let maxShift = 60

  /// Binary shift right (/ 2) by k <= maxShift bits.
  private mutating func rightShift(_ k: Int) {
    var r = 0  // read index
    var w = 0  // write index
    var n: UInt64 = 0
    // Pick up enough leading digits to cover the first shift.
    while n >> UInt64(k) == 0 {
      if r >= nd {
        if n == 0 {
          nd = 0
          return
        }
        while n >> UInt64(k) == 0 {
          n *= 10
          r += 1
        }
        break
      }
      n = n * 10 + UInt64(d[r] - 0x30)
      r += 1
    }
    dp -= r - 1
    let mask: UInt64 = (1 << UInt64(k)) - 1
    // Pick up a digit, put down a digit.
    while r < nd {
      let c = UInt64(d[r])
      let dig = n >> UInt64(k)
      n &= mask
      d[w] = UInt8(dig) + 0x30
      w += 1
      n = n * 10 + c - 0x30
      r += 1
    }
    // Put down extra digits.
    while n > 0 {
      let dig = n >> UInt64(k)
      n &= mask
      if w < d.count {
        d[w] = UInt8(dig) + 0x30
        w += 1
      } else if dig > 0 {
        trunc = true
      }
      n *= 10
    }
    nd = w
    trim()
  }

  /// Leading digits of 5^k (1/2^k), and how many digits a shift left by k adds (one fewer when
  /// the number's prefix is below them): decimal.go's `leftcheats`, credited there to Ken.
  private static let leftCheats: [(delta: Int, cutoff: [UInt8])] = {
    var out: [(Int, [UInt8])] = [(0, [])]
    var pow5: [UInt8] = [1]  // little-endian decimal digits of 5^k
    for k in 1...60 {
      var carry = 0
      for i in pow5.indices {
        let v = Int(pow5[i]) * 5 + carry
        pow5[i] = UInt8(v % 10)
        carry = v / 10
      }
      while carry > 0 {
        pow5.append(UInt8(carry % 10))
        carry /= 10
      }
      // int(log10(2) * k + 1), as the table's generator computed it.
      out.append((Int(0.30102999566398119521 * Double(k) + 1), pow5.reversed().map { $0 + 0x30 }))
    }
    return out
  }()

  private func prefixIsLessThan(_ s: [UInt8]) -> Bool {
    for i in 0..<s.count {
      if i >= nd { return true }
      if d[i] != s[i] { return d[i] < s[i] }
    }
    return false
  }

  /// Binary shift left (* 2) by k <= maxShift bits.
  private mutating func leftShift(_ k: Int) {
    var delta = Self.leftCheats[k].delta
    if prefixIsLessThan(Self.leftCheats[k].cutoff) { delta -= 1 }
    var r = nd - 1  // read index
    var w = nd + delta  // write index
    var n: UInt64 = 0
    // Puts down n's last digit at the next place to the left (or notes a non-zero one that
    // falls off the end) and keeps the rest in n.
    func putDown() {
      let quo = n / 10
      let rem = n - 10 * quo
      w -= 1
      if w < d.count {
        d[w] = UInt8(rem) + 0x30
      } else if rem != 0 {
        trunc = true
      }
      n = quo
    }
    // Pick up a digit, put down a digit.
    while r >= 0 {
      n += UInt64(d[r] - 0x30) << UInt64(k)
      putDown()
      r -= 1
    }
    // Put down extra digits.
    while n > 0 { putDown() }
    nd += delta
    if nd >= d.count { nd = d.count }
    dp += delta
    trim()
  }

  /// Binary shift left (k > 0) or right (k < 0).
  mutating func shift(_ k: Int) {
    var k = k
    if nd == 0 { return }
    if k > 0 {
      while k > Self.maxShift {
        leftShift(Self.maxShift)
        k -= Self.maxShift
      }
      leftShift(k)
    } else if k < 0 {
      while k < -Self.maxShift {
        rightShift(Self.maxShift)
        k += Self.maxShift
      }
      rightShift(-k)
    }
  }

  /// Whether chopping at n digits should round up: half to even, up when digits were dropped.
  private func shouldRoundUp(_ n: Int) -> Bool {
    if n < 0 || n >= nd { return false }
    if d[n] == 0x35 && n + 1 == nd {  // exactly halfway
      if trunc { return true }
      return n > 0 && (d[n - 1] - 0x30) % 2 != 0
    }
    return d[n] >= 0x35
  }

  /// Rounds to n digits (or fewer); 0 rounds just left of the digits (0.09 -> 0.1).
  mutating func round(_ n: Int) {
    if n < 0 || n >= nd { return }
    if shouldRoundUp(n) {
      // Round up.
      for i in stride(from: n - 1, through: 0, by: -1) where d[i] < 0x39 {
        d[i] += 1
        nd = i + 1
        return
      }
      // All nines: a single 1 with the point moved.
      d[0] = 0x31
      nd = 1
      dp += 1
    } else {
      nd = n
      trim()
    }
  }
}
