// Go's math package, ported operation for operation so that every result is Go's to the last
// bit: what Go runs on linux/amd64 — the assembly of exp_amd64.s (its FMA path: the recording
// machine has AVX and FMA, as `internal/cpu` sees it) and log_amd64.s, the pure Go of pow.go,
// log10.go, cbrt.go, mod.go, frexp.go, ldexp.go, floor.go and dim.go (Go 1.27.3; the functions
// here compute the same in Go 1.19.8). Sqrt, Floor, Ceil, Trunc and RoundToEven are single
// instructions (compiler intrinsics), exact in both. None allocates.
//
// The C library's functions would print differently: checked against Go 1.27.3 on 1,600
// arguments, glibc's pow differed from Go's in 1,033 results, its log in 24 and exp in 105.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum GoMath {
  static let nanBits: UInt64 = 0x7FF8_0000_0000_0001  // uvnan
  static var nan: Double { Double(bitPattern: nanBits) }
  private static let smallestNormal = 2.2250738585072014e-308

  static func inf(_ sign: Int) -> Double { sign >= 0 ? .infinity : -.infinity }
  static func isInf(_ f: Double, _ sign: Int) -> Bool { sign >= 0 && f > .greatestFiniteMagnitude || sign <= 0 && f < -.greatestFiniteMagnitude }
  static func signbit(_ x: Double) -> Bool { x.bitPattern & (1 << 63) != 0 }
  static func copysign(_ f: Double, _ sign: Double) -> Double {
    Double(bitPattern: f.bitPattern & ~(1 << 63) | sign.bitPattern & (1 << 63))
  }
  static func abs(_ x: Double) -> Double { Double(bitPattern: x.bitPattern & ~(1 << 63)) }

  /// floor.go Round: half away from zero, by bits.
  static func round(_ x: Double) -> Double {
    var bits = x.bitPattern
    let e = UInt(bits >> 52) & 0x7FF
    if e < 1023 {
      bits &= 1 << 63
      if e == 1022 { bits |= 0x3FF0_0000_0000_0000 }
    } else if e < 1023 + 52 {
      let half: UInt64 = 1 << 51
      let shift = UInt64(e - 1023)
      bits &+= half >> shift
      bits &= ~(((1 << 52) - 1) >> shift)
    }
    return Double(bitPattern: bits)
  }

  /// dim.go max and min (archMax/archMin on amd64 compute the same).
  static func max(_ x: Double, _ y: Double) -> Double {
    if isInf(x, 1) || isInf(y, 1) { return .infinity }
    if x.isNaN || y.isNaN { return nan }
    if x == 0 && x == y { return signbit(x) ? y : x }
    return x > y ? x : y
  }
  static func min(_ x: Double, _ y: Double) -> Double {
    if isInf(x, -1) || isInf(y, -1) { return -.infinity }
    if x.isNaN || y.isNaN { return nan }
    if x == 0 && x == y { return signbit(x) ? x : y }
    return x < y ? x : y
  }

  private static func normalize(_ x: Double) -> (Double, Int) {
    abs(x) < smallestNormal ? (x * Double(1 << 52), -52) : (x, 0)
  }

  /// frexp.go.
  static func frexp(_ f: Double) -> (Double, Int) {
    if f == 0 || f.isInfinite || f.isNaN { return (f, 0) }
    let (g, e) = normalize(f)
    var x = g.bitPattern
    let exp = e + Int((x >> 52) & 0x7FF) - 1023 + 1
    x &= ~(UInt64(0x7FF) << 52)
    x |= UInt64(1023 - 1) << 52
    return (Double(bitPattern: x), exp)
  }

  /// ldexp.go.
  static func ldexp(_ frac: Double, _ e: Int) -> Double {
    if frac == 0 || frac.isInfinite || frac.isNaN { return frac }
    let (f, n) = normalize(frac)
    var exp = e &+ n
    var x = f.bitPattern
    exp = exp &+ Int((x >> 52) & 0x7FF) &- 1023  // (Go's int arithmetic wraps)
    if exp < -1075 { return copysign(0, f) }
    if exp > 1023 { return f < 0 ? -.infinity : .infinity }
    var m = 1.0
    if exp < -1022 {
      exp += 53
      m = 1.0 / Double(1 << 53)
    }
    x &= ~(UInt64(0x7FF) << 52)
    x |= UInt64(exp + 1023) << 52
    return m * Double(bitPattern: x)
  }

  /// modf.go: Trunc, and the rest with f's sign.
  static func modf(_ f: Double) -> (Double, Double) {
    let i = f.rounded(.towardZero)
    return (i, copysign(f - i, f))
  }

  /// mod.go.
  static func mod(_ x: Double, _ y: Double) -> Double {
    if y == 0 || x.isInfinite || x.isNaN || y.isNaN { return nan }
    let y = abs(y)
    let (yfr, yexp) = frexp(y)
    var r = x < 0 ? -x : x
    while r >= y {
      var (rfr, rexp) = frexp(r)
      if rfr < yfr { rexp -= 1 }
      r = r - ldexp(y, rexp - yexp)
    }
    return x < 0 ? -r : r
  }

  /// log_amd64.s archLog, instruction for instruction (its frexp reads the bits as they are:
  /// a subnormal is not normalized first).
  static func log(_ x: Double) -> Double {
    let bits = x.bitPattern
    if bits & ~(1 << 63) == 0 { return -.infinity }
    if Int64(bitPattern: bits) < 0 { return nan }
    if bits >= 0x7FF0_0000_0000_0000 { return x }
    var f1 = Double(bitPattern: bits & 0x000F_FFFF_FFFF_FFFF | 0.5.bitPattern)
    var k = Double(Int32(truncatingIfNeeded: Int((bits >> 52) & 0x7FF) - 0x3FE))
    // CMPSD X2, X0, 5: not (HSqrt2 < f1), so f1 <= HSqrt2.
    if f1 <= 0.70710678118654752440 {  // HSqrt2
      k -= 1
      f1 *= 2
    }
    let f = f1 - 1
    let s = f / (2 + f)
    let s2 = s * s
    let s4 = s2 * s2
    let t1 = s2 * ((((0.1479819860511658591 * s4 + 0.1818357216161805012) * s4 + 0.2857142874366239149) * s4)
      + 0.6666666666666735130)
    let t2 = s4 * (((0.1531383769920937332 * s4 + 0.2222219843214978396) * s4) + 0.3999999999940941908)
    let r = t1 + t2
    let hfsq = 0.5 * f * f
    let ln2Hi = 6.93147180369123816490e-01
    let ln2Lo = 1.90821492927058770002e-10
    return k * ln2Hi - ((hfsq - (s * (hfsq + r) + k * ln2Lo)) - f)
  }

  /// exp_amd64.s archExp, its FMA path (vfnmadd231sd, vfmadd213sd), instruction for
  /// instruction: the exponent k = x·log2(e) rounded to an int32 (cvtsd2sl, to nearest even),
  /// the argument reduced by k·ln2 in two parts and by 16, a Taylor series, four squarings
  /// (e^r = (e^(r/16))^16 as y(y+2) steps), then y·2^k.
  static func exp(_ x: Double) -> Double {
    let bits = x.bitPattern
    if bits & ~(1 << 63) >= 0x7FF0_0000_0000_0000 {
      return bits == (-Double.infinity).bitPattern ? 0 : x  // -Inf: 0; NaN, +Inf: x
    }
    if x > 7.09782712893384e+02 { return .infinity }
    let scaled = (1.4426950408889634073599246810018920 * x).rounded(.toNearestOrEven)
    // (Out of int32's range cvtsd2sl gives 0x80000000.)
    var e = scaled >= -2_147_483_648 && scaled < 2_147_483_648 ? Int(scaled) : Int(Int32.min)
    let k = Double(e)
    var r = x.addingProduct(-k, 0.69314718055966295651160180568695068359375)
    r = r.addingProduct(-k, 0.28235290563031577122588448175013436025525412068e-12)
    r *= 0.0625
    var p = 2.4801587301587301587e-5
    for c in [1.9841269841269841270e-4, 1.3888888888888888889e-3, 8.3333333333333333333e-3,
              4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0] {
      p = c.addingProduct(p, r)
    }
    var y = r * p
    for _ in 0..<3 { y *= y + 2.0 }
    y = 1.0.addingProduct(y, y + 2.0)
    // fr * 2**exponent.
    e += 0x3FF
    if e <= 0 {
      if e < -52 { return 0 }
      y *= Double(bitPattern: UInt64(e + 0x3FE) << 52)
      e = 1
    } else if e >= 0x7FF {
      return .infinity
    }
    return y * Double(bitPattern: UInt64(e) << 52)
  }

  /// log10.go: `Log(x) * (1 / Ln10)`, the constant folded exactly by the compiler (Log10E).
  static func log10(_ x: Double) -> Double { log(x) * 0.43429448190325182765112891891660508229439700580366656611445378 }
  static func log2(_ x: Double) -> Double {
    let (frac, exp) = frexp(x)
    if frac == 0.5 { return Double(exp - 1) }
    return log(frac) * 1.44269504088896340735992468100189213742664595415298593413544940693 + Double(exp)  // 1/Ln2
  }

  /// pow.go.
  static func pow(_ x: Double, _ y: Double) -> Double {
    if y == 0 || x == 1 { return 1 }
    if y == 1 { return x }
    if x.isNaN || y.isNaN { return nan }
    if x == 0 {
      if y < 0 { return signbit(x) && isOddInt(y) ? -.infinity : .infinity }
      if y > 0 { return signbit(x) && isOddInt(y) ? x : 0 }
    }
    if y.isInfinite {
      if x == -1 { return 1 }
      return (abs(x) < 1) == isInf(y, 1) ? 0 : .infinity
    }
    if x.isInfinite {
      if isInf(x, -1) { return pow(1 / x, -y) }
      if y < 0 { return 0 }
      if y > 0 { return .infinity }
    }
    if y == 0.5 { return x.squareRoot() }
    if y == -0.5 { return 1 / x.squareRoot() }
    var (yi, yf) = modf(abs(y))
    if yf != 0 && x < 0 { return nan }
    if yi >= 9.223372036854775808e18 {
      if x == -1 { return 1 }
      return (abs(x) < 1) == (y > 0) ? 0 : .infinity
    }
    var a1 = 1.0
    var ae = 0
    if yf != 0 {
      if yf > 0.5 {
        yf -= 1
        yi += 1
      }
      a1 = exp(yf * log(x))
    }
    var (x1, xe) = frexp(x)
    var i = Int64(yi)
    while i != 0 {
      if xe < -(1 << 12) || 1 << 12 < xe {
        ae += xe
        break
      }
      if i & 1 == 1 {
        a1 *= x1
        ae += xe
      }
      x1 *= x1
      xe <<= 1
      if x1 < 0.5 {
        x1 += x1
        xe -= 1
      }
      i >>= 1
    }
    if y < 0 {
      a1 = 1 / a1
      ae = -ae
    }
    return ldexp(a1, ae)
  }

  private static func isOddInt(_ x: Double) -> Bool {
    if abs(x) >= Double(1 << 53) { return false }
    let (xi, xf) = modf(x)
    return xf == 0 && Int64(xi) & 1 == 1
  }

  /// cbrt.go.
  /// hypot_amd64.s archHypot: +Inf if either is ±Inf, NaN if either is NaN, 0 for two zeros,
  /// else max·sqrt(1 + (min/max)²) — the assembly's order of operations (MAXSD, MINSD, DIVSD,
  /// MULSD, ADDSD 1.0, SQRTSD, MULSD).
  static func hypot(_ p: Double, _ q: Double) -> Double {
    let (p, q) = (abs(p), abs(q))
    let inf = Double.infinity.bitPattern
    if p.bitPattern >= inf || q.bitPattern >= inf {
      if p.bitPattern == inf || q.bitPattern == inf { return .infinity }
      return nan
    }
    if p.bitPattern | q.bitPattern == 0 { return 0 }
    // MAXSD/MINSD with neither a NaN: the larger and the smaller.
    let big = p >= q ? p : q
    let small = p >= q ? q : p
    var t = small / big
    t = t * t
    t = t + 1.0
    return big * t.squareRoot()
  }

  static func cbrt(_ x0: Double) -> Double {
    if x0 == 0 || x0.isNaN || x0.isInfinite { return x0 }
    var x = x0
    var sign = false
    if x < 0 {
      x = -x
      sign = true
    }
    let b1: UInt64 = 715_094_163
    let b2: UInt64 = 696_219_795
    var t = Double(bitPattern: x.bitPattern / 3 + b1 << 32)
    if x < smallestNormal {
      t = Double(1 << 54)
      t *= x
      t = Double(bitPattern: t.bitPattern / 3 + b2 << 32)
    }
    var r = t * t / x
    var s = 5.42857142857142815906e-01 + r * t
    t *= 3.57142857142857150787e-01 + 1.60714285714285720630e+00 / (s + 1.41428571428571436819e+00 + -7.05306122448979611050e-01 / s)
    t = Double(bitPattern: (t.bitPattern & (0xF_FFFF_FFFC << 28)) &+ 1 << 30)
    s = t * t
    r = x / s
    let w = t + t
    r = (r - t) / (w + r)
    t = t + t * r
    return sign ? -t : t
  }
}

extension VM {
  /// A math function of the operands' words (float64s as their bits), into the result's slots
  /// (two for Modf and Frexp).
  func mathFunction(_ b: Builtin, _ w: [UInt64], into out: UnsafeMutablePointer<UInt64>) {
    let x = w.isEmpty ? 0 : Double(bitPattern: w[0])
    let y = w.count > 1 ? Double(bitPattern: w[1]) : 0
    let n = w.count > 1 ? Int(Int64(bitPattern: w[1])) : 0
    var r: Double
    switch b {
    case .mathSqrt: r = x.squareRoot()
    case .mathAbs: r = GoMath.abs(x)
    case .mathFloor: r = x.rounded(.down)
    case .mathCeil: r = x.rounded(.up)
    case .mathTrunc: r = x.rounded(.towardZero)
    case .mathRound: r = GoMath.round(x)
    case .mathRoundToEven: r = x.rounded(.toNearestOrEven)
    case .mathLog: r = GoMath.log(x)
    case .mathLog2: r = GoMath.log2(x)
    case .mathLog10: r = GoMath.log10(x)
    case .mathExp: r = GoMath.exp(x)
    case .mathCbrt: r = GoMath.cbrt(x)
    case .mathPow: r = GoMath.pow(x, y)
    case .mathHypot: r = GoMath.hypot(x, y)
    case .mathSin: r = GoMath.sin(x)
    case .mathCos: r = GoMath.cos(x)
    case .mathTan: r = GoMath.tan(x)
    case .mathAsin: r = GoMath.asin(x)
    case .mathAcos: r = GoMath.acos(x)
    case .mathAtan: r = GoMath.atan(x)
    case .mathAtan2: r = GoMath.atan2(x, y)
    case .mathMax: r = GoMath.max(x, y)
    case .mathMin: r = GoMath.min(x, y)
    case .mathMod: r = GoMath.mod(x, y)
    case .mathCopysign: r = GoMath.copysign(x, y)
    case .mathInf: r = GoMath.inf(Int(Int64(bitPattern: w[0])))
    case .mathNaN: r = GoMath.nan
    case .mathLdexp: r = GoMath.ldexp(x, n)
    case .mathIsNaN:
      out[0] = x.isNaN ? 1 : 0
      return
    case .mathIsInf:
      out[0] = GoMath.isInf(x, n) ? 1 : 0
      return
    case .mathSignbit:
      out[0] = GoMath.signbit(x) ? 1 : 0
      return
    case .mathFloat64bits, .mathFloat64frombits:
      out[0] = w[0]  // the same 64 bits, another type
      return
    case .mathFloat32bits:
      // A float32 is held widened to a float64: its own bits are the narrowed value's.
      out[0] = UInt64(Float(Double(bitPattern: w[0])).bitPattern)
      return
    case .mathFloat32frombits:
      out[0] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: w[0]))).bitPattern
      return
    case .mathModf:
      let (i, f) = GoMath.modf(x)
      out[0] = i.bitPattern
      out[1] = f.bitPattern
      return
    case .mathFrexp:
      let (f, e) = GoMath.frexp(x)
      out[0] = f.bitPattern
      out[1] = UInt64(bitPattern: Int64(e))
      return
    default: r = .nan
    }
    out[0] = r.bitPattern
  }
}

