// The math package gcsh runs natively (Run/GoMath.swift): its constants (const.go, untyped, at
// their full precision rounded to float64 as gcsh's constants are) and the functions whose
// results gcsh reproduces bit for bit, with their signatures (math/*.go, Go 1.19.8 and 1.27.3
// alike). The rest of the package — the trigonometric, hyperbolic and special functions — is
// named as unsupported.

import GoHeap

enum MathPackage {
  /// math.X as the checker sees it.
  static func member(_ name: String) -> Packages.Member? {
    if let b = Builtin(rawValue: "math.\(name)"), b.mathSignature != nil { return .function(b) }
    if let c = constants[name] { return c }
    if unsupported.contains(name) { return .unsupported("math.\(name)") }
    return nil
  }

  private static let constants: [String: Packages.Member] = {
    var c: [String: Packages.Member] = [
      "E": .untypedConstant(.exactFloat("2.71828182845904523536028747135266249775724709369995957496696763"), .float),
      "Pi": .untypedConstant(.exactFloat("3.14159265358979323846264338327950288419716939937510582097494459"), .float),
      "Phi": .untypedConstant(.exactFloat("1.61803398874989484820458683436563811772030917980576286213544862"), .float),
      "Sqrt2": .untypedConstant(.exactFloat("1.41421356237309504880168872420969807856967187537694807317667974"), .float),
      "SqrtE": .untypedConstant(.exactFloat("1.64872127070012814684865078831848970285374309385838244536543000"), .float),
      "SqrtPi": .untypedConstant(.exactFloat("1.77245385090551602729816748334114518279754945612238712821380779"), .float),
      "SqrtPhi": .untypedConstant(.exactFloat("1.27201964951406896425242246173749149171560804184009624861664038"), .float),
      "Ln2": .untypedConstant(.exactFloat("0.693147180559945309417232121458176568075500134360255254120680009"), .float),
      "Log2E": .untypedConstant(.exactFloat("1.44269504088896340735992468100189213742664595415298593413544940693"), .float),
      "Ln10": .untypedConstant(.exactFloat("2.30258509299404568401799145468436420760110148862877297603332790"), .float),
      "Log10E": .untypedConstant(.exactFloat("0.43429448190325182765112891891660508229439700580366656611445378"), .float),
      "MaxFloat32": .untypedConstant(.float(Double(Float.greatestFiniteMagnitude)), .float),
      "SmallestNonzeroFloat32": .untypedConstant(.float(Double(Float.leastNonzeroMagnitude)), .float),
      "MaxFloat64": .untypedConstant(.float(Double.greatestFiniteMagnitude), .float),
      "SmallestNonzeroFloat64": .untypedConstant(.float(Double.leastNonzeroMagnitude), .float),
      "MaxInt": .untypedConstant(.int(Int128(Int64.max)), .int),
      "MinInt": .untypedConstant(.int(Int128(Int64.min)), .int),
      "MaxUint": .untypedConstant(.int(Int128(UInt64.max)), .int),
    ]
    for bits in [8, 16, 32, 64] {
      c["MaxInt\(bits)"] = .untypedConstant(.int((Int128(1) << (bits - 1)) - 1), .int)
      c["MinInt\(bits)"] = .untypedConstant(.int(-(Int128(1) << (bits - 1))), .int)
      c["MaxUint\(bits)"] = .untypedConstant(.int((Int128(1) << bits) - 1), .int)
    }
    return c
  }()

  /// The rest of package math: Go has them; gcsh does not compute them (yet) as Go does.
  private static let unsupported: Set<String> = [
    "Sinh", "Cosh", "Tanh", "Asinh", "Acosh",
    "Atanh", "Sincos", "Exp2", "Expm1", "Log1p", "Logb", "Ilogb", "Gamma", "Lgamma", "Erf",
    "Erfc", "Erfinv", "Erfcinv", "J0", "J1", "Jn", "Y0", "Y1", "Yn", "Dim", "FMA", "Nextafter",
    "Nextafter32", "Remainder", "Pow10",
  ]
}

extension Builtin {
  /// The parameter and result types of a math function gcsh has; nil for any other builtin.
  var mathSignature: (params: [GoType], results: [GoType])? {
    let f: GoType = .float64
    switch self {
    case .mathSqrt, .mathAbs, .mathFloor, .mathCeil, .mathTrunc, .mathRound, .mathRoundToEven, .mathLog,
      .mathLog2, .mathLog10, .mathExp, .mathCbrt, .mathSin, .mathCos, .mathTan, .mathAsin, .mathAcos, .mathAtan:
      return ([f], [f])
    case .mathPow, .mathMax, .mathMin, .mathMod, .mathCopysign, .mathHypot, .mathAtan2: return ([f, f], [f])
    case .mathInf: return ([.int], [f])
    case .mathNaN: return ([], [f])
    case .mathIsNaN, .mathSignbit: return ([f], [.bool])
    case .mathIsInf: return ([f, .int], [.bool])
    case .mathFloat64bits: return ([f], [.uint64])
    case .mathFloat64frombits: return ([.uint64], [f])
    case .mathFloat32bits: return ([.float32], [.uint32])
    case .mathFloat32frombits: return ([.uint32], [.float32])
    case .mathModf: return ([f], [f, f])
    case .mathFrexp: return ([f], [f, .int])
    case .mathLdexp: return ([f, .int], [f])
    default: return nil
    }
  }
}
