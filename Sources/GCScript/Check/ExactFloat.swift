// The exact value of an untyped float constant, as go/constant keeps it: a fraction of
// arbitrary-precision integers (go/constant's ratVal), rounded to a float64 only when the
// constant meets a type. So `0.1 + 0.2` is 3/10 exactly and prints 0.3, as in Go, where the
// sum of the two float64s would be 0.30000000000000004; and `math.Pi / 6` is the 63-digit Pi
// over 6, rounded once (0.5235987755982989, where Double.pi / 6 is 0.5235987755982988).
//
// go/constant switches to a 512-bit big.Float past `maxExp` (4096 bits); here a value whose
// numerator or denominator grows past that many bits keeps only its float64 (`Constant.float`
// with no exact value), which no program printing float64s can tell apart.

import BigInt

public struct ExactFloat: Equatable, Sendable {
  /// The value is numerator / denominator, in lowest terms, the denominator positive.
  let numerator: BigInt
  let denominator: BigUInt

  /// go/constant's maxExp: larger fractions are not kept.
  static let maxBits = 4096

  private init(reducing n: BigInt, _ d: BigUInt) {
    let g = n.magnitude.greatestCommonDivisor(with: d)
    if g > 1 {
      numerator = BigInt(sign: n.sign, magnitude: n.magnitude / g)
      denominator = d / g
    } else {
      numerator = n
      denominator = d
    }
  }

  /// An integer.
  init(_ v: Int128) {
    self.init(reducing: BigInt(v), 1)
  }

  /// A float64's value, exactly (every finite double is a fraction with a power-of-two
  /// denominator); nil for an infinity or a NaN.
  init?(_ d: Double) {
    guard d.isFinite else { return nil }
    if d == 0 {
      self.init(reducing: 0, 1)
      return
    }
    // d = significand * 2^exponent with an integral significand of up to 53 bits, made odd:
    // then n / 2^-exp is in lowest terms (no GCD needed).
    var significand = d.significandBitPattern | (d.isNormal ? 1 << 52 : 0)
    var exp = d.isNormal ? Int(d.exponent) - 52 : -1074
    let zeros = significand.trailingZeroBitCount
    significand >>= UInt64(zeros)
    exp += zeros
    let n = d < 0 ? -BigInt(significand) : BigInt(significand)
    if exp >= 0 {
      self.init(reduced: n << exp, 1)
    } else {
      self.init(reduced: n, BigUInt(1) << -exp)
    }
  }

  /// A Go float literal's value (`0.1`, `1e-3`, `6.02214076e23`, `1_000.5`, `0x1.8p1`); nil
  /// when it is not one or its exponent is too large to keep exactly.
  init?(literal text: String) {
    var s = Substring(text.filter { $0 != "_" })
    var base = 10
    if s.hasPrefix("0x") || s.hasPrefix("0X") {
      base = 16
      s = s.dropFirst(2)
    }
    // The mantissa's digits, with the position of the point; then the exponent.
    var digits = BigInt(0)
    var fractionDigits = 0
    var seenPoint = false
    var sawDigit = false
    var rest = s[...]
    while let c = rest.first {
      if c == "." {
        if seenPoint { return nil }
        seenPoint = true
      } else if let v = c.hexDigitValue, base == 16 || c.isASCII && c.isNumber {
        digits = digits * BigInt(base) + BigInt(v)
        if seenPoint { fractionDigits += 1 }
        sawDigit = true
      } else {
        break
      }
      rest = rest.dropFirst()
    }
    guard sawDigit else { return nil }
    var exponent = 0
    if let e = rest.first {
      guard base == 10 ? (e == "e" || e == "E") : (e == "p" || e == "P") else { return nil }
      guard let v = Int(rest.dropFirst()), abs(v) <= 100_000 else { return nil }
      exponent = v
    }
    if base == 10 {
      // digits * 10^(exponent - fractionDigits).
      let e10 = exponent - fractionDigits
      guard abs(e10) * 4 <= Self.maxBits else { return nil }
      let power = BigUInt(10).power(abs(e10))
      if e10 >= 0 {
        self.init(reducing: digits * BigInt(power), 1)
      } else {
        self.init(reducing: digits, power)
      }
    } else {
      // Hex: digits * 2^(exponent - 4*fractionDigits).
      let e2 = exponent - 4 * fractionDigits
      guard abs(e2) <= Self.maxBits else { return nil }
      if e2 >= 0 {
        self.init(reducing: digits << e2, 1)
      } else {
        self.init(reducing: digits, BigUInt(1) << -e2)
      }
    }
  }

  /// Whether the fraction is small enough to keep (go/constant's maxExp).
  var isKept: Bool { numerator.magnitude.bitWidth <= Self.maxBits && denominator.bitWidth <= Self.maxBits }

  var isZero: Bool { numerator.isZero }

  /// A fraction already in lowest terms.
  private init(reduced n: BigInt, _ d: BigUInt) {
    numerator = n
    denominator = d
  }

  // The operations keep the fractions in lowest terms with the GCDs of the smaller parts where
  // that suffices (Knuth 4.5.1): a sum over coprime denominators is already reduced; a product
  // reduces each numerator against the other denominator.

  static func + (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    let n = a.numerator * BigInt(b.denominator) + b.numerator * BigInt(a.denominator)
    if a.denominator == 1 && b.denominator == 1 { return ExactFloat(reduced: n, 1) }
    return ExactFloat(reducing: n, a.denominator * b.denominator)
  }

  static func - (a: ExactFloat, b: ExactFloat) -> ExactFloat { a + (-b) }

  static func * (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    let g1 = a.numerator.magnitude.greatestCommonDivisor(with: b.denominator)
    let g2 = b.numerator.magnitude.greatestCommonDivisor(with: a.denominator)
    let n1 = a.numerator.magnitude / g1, d2 = b.denominator / g1
    let n2 = b.numerator.magnitude / g2, d1 = a.denominator / g2
    let negative = (a.numerator.sign == .minus) != (b.numerator.sign == .minus) && !a.numerator.isZero && !b.numerator.isZero
    return ExactFloat(reduced: BigInt(sign: negative ? .minus : .plus, magnitude: n1 * n2), d1 * d2)
  }

  /// a / b for b not zero.
  static func / (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    let inverse = ExactFloat(reduced: BigInt(sign: b.numerator.sign, magnitude: b.denominator), b.numerator.magnitude)
    return a * inverse
  }

  static prefix func - (a: ExactFloat) -> ExactFloat { ExactFloat(reduced: -a.numerator, a.denominator) }

  static func < (a: ExactFloat, b: ExactFloat) -> Bool {
    a.numerator * BigInt(b.denominator) < b.numerator * BigInt(a.denominator)
  }

  /// The value as go/constant prints a float too large for a float64 (`%.6g`: `1e+309`).
  var text: String {
    if numerator.isZero { return "0" }
    let n = numerator.magnitude
    let d = denominator
    // E = floor(log10(n/d)), from an estimate by the bit widths, corrected.
    var e = Int((Double(n.bitWidth - d.bitWidth) * 0.30102999566398120).rounded(.down))
    func atLeast(_ k: Int) -> Bool {  // n/d >= 10^k
      k >= 0 ? n >= d * BigUInt(10).power(k) : n * BigUInt(10).power(-k) >= d
    }
    while !atLeast(e) { e -= 1 }
    while atLeast(e + 1) { e += 1 }
    // Six significant digits, rounded half to even.
    let shift = 5 - e
    let (num, den) = shift >= 0 ? (n * BigUInt(10).power(shift), d) : (n, d * BigUInt(10).power(-shift))
    var (q, r) = num.quotientAndRemainder(dividingBy: den)
    let twice = r << 1
    if twice > den || twice == den && q[bitAt: 0] { q += 1 }
    if q >= BigUInt(1_000_000) {
      q /= 10
      e += 1
    }
    var digits = String(q)
    while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
    let mantissa = digits.count > 1 ? "\(digits.first!).\(digits.dropFirst())" : digits
    let sign = numerator.sign == .minus ? "-" : ""
    if e < -4 || e >= 6 {
      let exp = abs(e) < 10 ? "0\(abs(e))" : "\(abs(e))"
      return "\(sign)\(mantissa)e\(e < 0 ? "-" : "+")\(exp)"
    }
    // (Only reached for values a float64 holds, which gcsh prints from the float64.)
    return sign + mantissa
  }

  /// The nearest float64 (ties to even, as big.Rat's Float64 rounds), ±Inf past the largest.
  var double: Double {
    if numerator.isZero { return 0 }
    let n = numerator.magnitude
    let d = denominator
    // value = q * 2^-shift + r/d * 2^-shift, with q of 53 bits (2^52 <= q < 2^53), or fewer
    // where the value is subnormal (its last bit is 2^-1074).
    // The quotient and remainder of n*2^shift / d, and the divisor they are of.
    func divide(_ shift: Int) -> (q: BigUInt, r: BigUInt, divisor: BigUInt) {
      let divisor = shift >= 0 ? d : d << -shift
      let qr = (shift >= 0 ? n << shift : n).quotientAndRemainder(dividingBy: divisor)
      return (qr.quotient, qr.remainder, divisor)
    }
    // n/d is in [2^(nb-db-1), 2^(nb-db+1)), so q has 53 or 54 bits: one step down at most.
    var shift = 53 - (n.bitWidth - d.bitWidth)
    var (q, r, divisor) = divide(shift)
    if q.bitWidth > 53 {
      shift -= 1
      (q, r, divisor) = divide(shift)
    }
    if shift > 1074 {
      shift = 1074
      (q, r, divisor) = divide(shift)
    }
    let twice = r << 1
    if twice > divisor || twice == divisor && q[bitAt: 0] { q += 1 }
    if q.bitWidth > 53 {
      q >>= 1
      shift -= 1
    }
    let magnitude = Double(sign: .plus, exponent: -shift, significand: Double(UInt64(q)))
    return numerator.sign == .minus ? -magnitude : magnitude
  }
}
