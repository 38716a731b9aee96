// math's trigonometric functions, ported operation for operation from the pure Go that runs on
// linux/amd64 (stubs.go: no assembly for any of them), identical in Go 1.19.8 and 1.27.3:
// sin.go (Cephes' sin and cos), tan.go, atan.go, asin.go, atan2.go and trig_reduce.go (the
// Payne-Hanek reduction of arguments of 2^29 and more). The order of every operation is Go's,
// so every result is Go's to the last bit (Tests/Recordings/runs/mathtrig); amd64 has no fused
// multiply-add here, in Go or in Swift.

extension GoMath {
  /// Go's constants of the functions below, each the exact value rounded once, as Go's untyped
  /// constant arithmetic rounds it: 4/Pi, Pi/2, Pi/4, 3*Pi/4.
  private static let fourOverPi = Double(bitPattern: 0x3FF4_5F30_6DC9_C883)
  private static let piOver2 = Double.pi / 2
  private static let piOver4 = Double.pi / 4
  private static let threePiOver4 = Double(bitPattern: 0x4002_D97C_7F33_21D2)

  /// Pi/4 split into three parts (sin.go PI4A, PI4B, PI4C): `x - y*Pi/4` in extended precision.
  private static let pi4A = 7.85398125648498535156e-1
  private static let pi4B = 3.77489470793079817668e-8
  private static let pi4C = 2.69515142907905952645e-15

  private static let sinCoefficients: [Double] = [
    1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
    -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1,
  ]
  private static let cosCoefficients: [Double] = [
    -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
    2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2,
  ]

  /// trig_reduce.go reduceThreshold: from here on, x*(4/Pi) loses the octant's bits.
  private static let reduceThreshold = Double(1 << 29)

  /// trig_reduce.go mPi4: the binary digits of 4/Pi.
  private static let mPi4: [UInt64] = [
    0x0000_0000_0000_0001, 0x45f3_06dc_9c88_2a53, 0xf84e_afa3_ea69_bb81, 0xb6c5_2b32_7887_2083,
    0xfca2_c757_bd77_8ac3, 0x6e48_dc74_849b_a5c0, 0x0c92_5dd4_13a3_2439, 0xfc3b_d639_6253_4e7d,
    0xd104_6bea_5d76_8909, 0xd338_e04d_68be_fc82, 0x7323_ac73_06a6_73e9, 0x3908_bf17_7bf2_5076,
    0x3ff1_2fff_bc0b_301f, 0xde5e_2316_b414_da3e, 0xda6c_fd9e_4f96_136e, 0x9e8c_7ecd_3cbf_d45a,
    0xea4f_758f_d7cb_e2f6, 0x7a0e_73ef_14a5_25d4, 0xd7f6_bf62_3f1a_ba10, 0xac06_608d_f8f6_d757,
  ]

  /// trigReduce: for x >= reduceThreshold, the octant j and the remainder z of x mod Pi/4 in
  /// [0, Pi/4), from the product of x's mantissa and the 192 bits of 4/Pi at x's exponent.
  private static func trigReduce(_ x: Double) -> (j: UInt64, z: Double) {
    if x < piOver4 { return (0, x) }
    let shift = 52, bias = 1023
    var ix = x.bitPattern
    let exp = Int(ix >> UInt64(shift) & 0x7FF) - bias - shift
    ix &= ~(UInt64(0x7FF) << UInt64(shift))
    ix |= 1 << UInt64(shift)
    let digit = (exp + 61) / 64, bitshift = UInt64((exp + 61) % 64)
    // Go's shifts by 64 give 0; Swift's masking shifts would not, so they are smart shifts.
    let z0 = (mPi4[digit] << bitshift) | (mPi4[digit + 1] >> (64 - bitshift))
    let z1 = (mPi4[digit + 1] << bitshift) | (mPi4[digit + 2] >> (64 - bitshift))
    let z2 = (mPi4[digit + 2] << bitshift) | (mPi4[digit + 3] >> (64 - bitshift))
    let z2hi = z2.multipliedFullWidth(by: ix).high
    let (z1hi, z1lo) = z1.multipliedFullWidth(by: ix)
    let z0lo = z0 &* ix
    let (lo, c) = z1lo.addingReportingOverflow(z2hi)
    var hi = z0lo &+ z1hi &+ (c ? 1 : 0)
    var j = hi >> 61
    hi = hi << 3 | lo >> 61
    let lz = UInt64(hi.leadingZeroBitCount)
    let e = UInt64(bitPattern: Int64(bias) - Int64(lz + 1))
    hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
    hi >>= UInt64(64 - shift)
    hi |= e << UInt64(shift)
    var z = Double(bitPattern: hi)
    if j & 1 == 1 {
      j += 1
      j &= 7
      z -= 1
    }
    return (j, z * piOver4)
  }

  /// The octant and the remainder of x (>= 0) by Pi/4, as sin, cos and tan reduce it; the
  /// octant made even (zeros and singularities mapped to the origin).
  private static func reduce(_ x: Double) -> (j: UInt64, z: Double) {
    if x >= reduceThreshold { return trigReduce(x) }
    var j = UInt64(x * fourOverPi)  // the integer part of x/(Pi/4)
    var y = Double(j)
    if j & 1 == 1 {
      j += 1
      y += 1
    }
    return (j, ((x - y * pi4A) - y * pi4B) - y * pi4C)
  }

  private static func sinPolynomial(_ z: Double, _ zz: Double) -> Double {
    let s = sinCoefficients
    return z + z * zz * ((((((s[0] * zz) + s[1]) * zz + s[2]) * zz + s[3]) * zz + s[4]) * zz + s[5])
  }

  private static func cosPolynomial(_ zz: Double) -> Double {
    let c = cosCoefficients
    return 1.0 - 0.5 * zz + zz * zz * ((((((c[0] * zz) + c[1]) * zz + c[2]) * zz + c[3]) * zz + c[4]) * zz + c[5])
  }

  /// An odd function as sin.go and tan.go compute one: ±0 and NaN are themselves, ±Inf NaN,
  /// and a negative argument the negation of its absolute value's result (Go keeps a `sign`
  /// flag and negates at the end: the same bits).
  private static func odd(_ x: Double, _ positive: (Double) -> Double) -> Double {
    if x == 0 || x.isNaN { return x }
    if x.isInfinite { return nan }
    return x < 0 ? -positive(-x) : positive(x)
  }

  /// sin.go sin.
  static func sin(_ x: Double) -> Double {
    odd(x) { x in
      var (j, z) = reduce(x)
      j &= 7  // the octant modulo 2Pi
      var sign = false
      if j > 3 {
        sign = true
        j -= 4
      }
      let zz = z * z
      let y = j == 1 || j == 2 ? cosPolynomial(zz) : sinPolynomial(z, zz)
      return sign ? -y : y
    }
  }

  /// sin.go cos: NaN for NaN and ±Inf.
  static func cos(_ x: Double) -> Double {
    if x.isNaN || x.isInfinite { return nan }
    var sign = false
    var (j, z) = reduce(abs(x))
    j &= 7
    if j > 3 {
      j -= 4
      sign = !sign
    }
    if j > 1 { sign = !sign }
    let zz = z * z
    var y = j == 1 || j == 2 ? sinPolynomial(z, zz) : cosPolynomial(zz)
    if sign { y = -y }
    return y
  }

  private static let tanP: [Double] = [-1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7]
  private static let tanQ: [Double] = [
    1.00000000000000000000e0, 1.36812963470692954678e4, -1.32089234440210967447e6,
    2.50083801823357915839e7, -5.38695755929454629881e7,
  ]

  /// tan.go tan. (Its octant is not taken modulo 8: only bit 1 is read.)
  static func tan(_ x: Double) -> Double {
    odd(x) { x in
      let (j, z) = reduce(x)
      let zz = z * z
      var y = z
      if zz > 1e-14 {
        let p = tanP, q = tanQ
        y = z + z * (zz * (((p[0] * zz) + p[1]) * zz + p[2]) / ((((zz + q[1]) * zz + q[2]) * zz + q[3]) * zz + q[4]))
      }
      return j & 2 == 2 ? -1 / y : y
    }
  }

  /// atan.go xatan: atan of x in [0, 0.66], a rational approximation.
  private static func xatan(_ x: Double) -> Double {
    let p0 = -8.750608600031904122785e-01, p1 = -1.615753718733365076637e+01
    let p2 = -7.500855792314704667340e+01, p3 = -1.228866684490136173410e+02
    let p4 = -6.485021904942025371773e+01
    let q0 = +2.485846490142306297962e+01, q1 = +1.650270098316988542046e+02
    let q2 = +4.328810604912902668951e+02, q3 = +4.853903996359136964868e+02
    let q4 = +1.945506571482613964425e+02
    var z = x * x
    z = z * ((((p0 * z + p1) * z + p2) * z + p3) * z + p4) / (((((z + q0) * z + q1) * z + q2) * z + q3) * z + q4)
    return x * z + x
  }

  /// atan.go satan: atan of x >= 0, reduced to [0, 0.66].
  private static func satan(_ x: Double) -> Double {
    let morebits = 6.123233995736765886130e-17  // Pi/2 = PIO2 + Morebits
    let tan3pio8 = 2.41421356237309504880  // tan(3*Pi/8)
    if x <= 0.66 { return xatan(x) }
    if x > tan3pio8 { return piOver2 - xatan(1 / x) + morebits }
    return piOver4 + xatan((x - 1) / (x + 1)) + 0.5 * morebits
  }

  /// atan.go atan. A NaN comes back as itself, as from Go: on amd64 each operation returns its
  /// NaN operand, and the two negations of `-satan(-x)` cancel. LLVM does not promise to keep
  /// a NaN's sign through arithmetic, so that path is not left to it.
  static func atan(_ x: Double) -> Double {
    if x == 0 || x.isNaN { return x }
    return x > 0 ? satan(x) : -satan(-x)
  }

  /// asin.go asin: NaN outside [-1, 1].
  static func asin(_ x: Double) -> Double {
    if x == 0 { return x }
    var x = x
    var sign = false
    if x < 0 {
      x = -x
      sign = true
    }
    if x > 1 { return nan }
    var temp = (1 - x * x).squareRoot()
    temp = x > 0.7 ? piOver2 - satan(temp / x) : satan(x / temp)
    return sign ? -temp : temp
  }

  /// asin.go acos.
  static func acos(_ x: Double) -> Double { piOver2 - asin(x) }

  /// atan2.go atan2: the quadrant from the signs, its special cases for zeros and infinities.
  static func atan2(_ y: Double, _ x: Double) -> Double {
    if y.isNaN || x.isNaN { return nan }
    if y == 0 { return x >= 0 && !signbit(x) ? copysign(0, y) : copysign(.pi, y) }
    if x == 0 { return copysign(piOver2, y) }
    if x.isInfinite {
      if x > 0 { return y.isInfinite ? copysign(piOver4, y) : copysign(0, y) }
      return y.isInfinite ? copysign(threePiOver4, y) : copysign(.pi, y)
    }
    if y.isInfinite { return copysign(piOver2, y) }
    let q = atan(y / x)
    if x < 0 { return q <= 0 ? q + .pi : q - .pi }
    return q
  }
}
