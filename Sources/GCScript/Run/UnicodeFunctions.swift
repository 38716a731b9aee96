// The unicode package's answers (unicode/graphic.go, letter.go), from the general categories
// and case mappings of Swift's Unicode tables:
//   IsLetter L, IsDigit Nd, IsNumber N, IsUpper Lu, IsLower Ll, IsTitle Lt, IsPunct P,
//   IsSymbol S, IsMark M; IsSpace Go's Latin-1 list ('\t' '\n' '\v' '\f' '\r' ' ' U+0085
//   U+00A0) or the White_Space property above it; IsControl only Latin-1's C0 and C1
//   controls; IsPrint L M N P S and U+0020 alone of the spaces; IsGraphic L M N P S Zs.
//   ToUpper, ToLower and ToTitle are the simple (one-rune) mappings of CaseRanges: the full
//   mapping when it is one rune, else the rune itself (ß stays ß), but İ lowers to i.
// A value that is no rune (negative, a surrogate, past U+10FFFF) is in no class and maps to
// itself. Checked against Go 1.27.3 and 1.19.8 on 61 runes: Tests/Recordings/runs/unicodepkg.

import GoHeap

enum UnicodeFunctions {
  static func call(_ b: Builtin, _ r: Int32) -> Int64 {
    guard r >= 0, let s = Unicode.Scalar(UInt32(r)) else {
      return b.unicodeResult === GoType.bool ? 0 : Int64(r)
    }
    let c = s.properties.generalCategory
    func yes(_ x: Bool) -> Int64 { x ? 1 : 0 }
    switch b {
    case .unicodeIsLetter:
      return yes([.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(c))
    case .unicodeIsDigit: return yes(c == .decimalNumber)
    case .unicodeIsNumber: return yes([.decimalNumber, .letterNumber, .otherNumber].contains(c))
    case .unicodeIsUpper: return yes(c == .uppercaseLetter)
    case .unicodeIsLower: return yes(c == .lowercaseLetter)
    case .unicodeIsTitle: return yes(c == .titlecaseLetter)
    case .unicodeIsPunct: return yes(isPunct(c))
    case .unicodeIsSymbol: return yes(isSymbol(c))
    case .unicodeIsMark: return yes([.nonspacingMark, .spacingMark, .enclosingMark].contains(c))
    case .unicodeIsSpace:
      if r <= 0xFF { return yes([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0].contains(r)) }
      return yes(s.properties.isWhitespace)
    case .unicodeIsControl: return yes(r <= 0xFF && c == .control)
    case .unicodeIsPrint: return yes(r == 0x20 || isGraphicNotSpace(c))
    case .unicodeIsGraphic: return yes(c == .spaceSeparator || isGraphicNotSpace(c))
    case .unicodeToUpper: return Int64(simple(s, s.properties.uppercaseMapping))
    case .unicodeToLower:
      if r == 0x130 { return 0x69 }  // İ: its full mapping is i + U+0307; CaseRanges says i
      return Int64(simple(s, s.properties.lowercaseMapping))
    case .unicodeToTitle: return Int64(simple(s, s.properties.titlecaseMapping))
    default: return 0
    }
  }

  private static func isPunct(_ c: Unicode.GeneralCategory) -> Bool {
    [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
     .finalPunctuation, .otherPunctuation].contains(c)
  }

  private static func isSymbol(_ c: Unicode.GeneralCategory) -> Bool {
    [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol].contains(c)
  }

  private static func isGraphicNotSpace(_ c: Unicode.GeneralCategory) -> Bool {
    [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
     .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber].contains(c) || isPunct(c) || isSymbol(c)
  }

  /// The one-rune mapping: the full mapping when it is one scalar, else the rune.
  private static func simple(_ s: Unicode.Scalar, _ full: String) -> UInt32 {
    let scalars = full.unicodeScalars
    return scalars.count == 1 ? scalars.first!.value : s.value
  }
}
