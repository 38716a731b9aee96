// The unicode package: its classes and case mappings of a rune (unicode/graphic.go,
// letter.go), and its constants. Each function takes a rune; the classes return a bool, the
// mappings a rune. None allocates. Run/UnicodeFunctions.swift answers them from the Unicode
// properties Swift's standard library carries, as Go's tables do.

import GoHeap

enum UnicodePackage {
  static func member(_ name: String) -> Packages.Member? {
    if let b = Builtin(rawValue: "unicode.\(name)"), b.unicodeResult != nil { return .function(b) }
    switch name {
    case "MaxRune": return .untypedConstant(.int(0x10FFFF), .rune)
    case "ReplacementChar": return .untypedConstant(.int(0xFFFD), .rune)
    case "MaxASCII": return .untypedConstant(.int(0x7F), .rune)
    case "MaxLatin1": return .untypedConstant(.int(0xFF), .rune)
    case "In", "Is", "IsOneOf", "SimpleFold", "To", "Upper", "Lower", "Title", "Letter", "Digit", "Number", "Space",
      "Punct", "Symbol", "Mark", "Latin", "Greek", "Han", "Cyrillic", "Scripts", "Categories", "RangeTable",
      "SpecialCase", "TurkishCase", "UpperCase", "LowerCase", "TitleCase", "Version":
      return .unsupported("unicode.\(name)")
    default: return nil
    }
  }

  /// What a one-line wrapper of each costs (`func w(r rune) bool { return unicode.IsSpace(r)
  /// }`), the same in Go 1.27.3 and 1.19.8: Tests/Recordings/runs/unicodepkg/go*.inl.txt.
  static let wrapperCosts: [Builtin: Int] = [
    .unicodeIsLetter: 80, .unicodeIsDigit: 78, .unicodeIsNumber: 80, .unicodeIsSpace: 61, .unicodeIsUpper: 80,
    .unicodeIsLower: 80, .unicodeIsTitle: 72, .unicodeIsPunct: 80, .unicodeIsSymbol: 80, .unicodeIsControl: 20,
    .unicodeIsPrint: 61, .unicodeIsGraphic: 61, .unicodeIsMark: 66, .unicodeToUpper: 61, .unicodeToLower: 61,
    .unicodeToTitle: 61,
  ]

  /// The inlined classes whose Latin-1 path indexes `properties[uint8(r)]` (walk reports the
  /// bounds check it elides there).
  static let latin1TableLookups: Set<Builtin> = [
    .unicodeIsLetter, .unicodeIsNumber, .unicodeIsUpper, .unicodeIsLower, .unicodeIsPunct, .unicodeIsSymbol,
    .unicodeIsControl,
  ]

  /// Inlined at a call (the Latin-1 fast path is small enough): the classes but IsSpace,
  /// IsPrint and IsGraphic; the mappings are calls. The same in both versions (runs/unicodepkg).
  static let inlined: Set<Builtin> = [
    .unicodeIsLetter, .unicodeIsDigit, .unicodeIsNumber, .unicodeIsUpper, .unicodeIsLower, .unicodeIsTitle,
    .unicodeIsPunct, .unicodeIsSymbol, .unicodeIsControl, .unicodeIsMark,
  ]
}

extension Builtin {
  /// The result type of a unicode function (its one parameter is a rune); nil for any other
  /// builtin.
  var unicodeResult: GoType? {
    switch self {
    case .unicodeIsLetter, .unicodeIsDigit, .unicodeIsNumber, .unicodeIsSpace, .unicodeIsUpper, .unicodeIsLower,
      .unicodeIsTitle, .unicodeIsPunct, .unicodeIsSymbol, .unicodeIsControl, .unicodeIsPrint, .unicodeIsGraphic,
      .unicodeIsMark:
      return .bool
    case .unicodeToUpper, .unicodeToLower, .unicodeToTitle: return .int32
    default: return nil
    }
  }
}
