// A Go string is bytes, not text: "\xff" is one byte that is not UTF-8, and len("\xff") is 1.
// gcsh's tokens and constants hold strings as Swift Strings, which are Unicode. A byte that
// is not part of a valid UTF-8 sequence is kept in them as two code points: a marker (a
// private-use code point of plane 16) and the code point whose value is the byte; the marker
// itself, written in a literal, is kept doubled. Wherever a constant becomes bytes (its
// length, an index, read-only data, a comparison, a quoted message) they are turned back.

enum StringConstantBytes {
  /// The marker before a raw byte.
  static let marker = Unicode.Scalar(0x10FE00 as UInt32)!

  /// A string holding `bytes`: each valid UTF-8 sequence as its code point, each other byte
  /// as the marker and the byte.
  static func string(_ bytes: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    var i = 0
    while i < bytes.count {
      let (scalar, size) = decode(bytes, at: i)
      if let scalar {
        scalars.append(scalar)
        if scalar == marker { scalars.append(marker) }
      } else {
        scalars.append(marker)
        scalars.append(Unicode.Scalar(bytes[i]))
      }
      i += size
    }
    return String(scalars)
  }

  /// The bytes a string constant stands for.
  static func bytes(_ s: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    var afterMarker = false
    for scalar in s.unicodeScalars {
      if afterMarker {
        afterMarker = false
        if scalar != marker {
          out.append(UInt8(truncatingIfNeeded: scalar.value))
          continue
        }
      } else if scalar == marker {
        afterMarker = true
        continue
      }
      out.append(contentsOf: String(Character(scalar)).utf8)
    }
    return out
  }

  /// len(s) of a string constant.
  static func count(_ s: String) -> Int { bytes(s).count }

  /// The code point a valid UTF-8 sequence at `i` encodes (nil: the byte is not one), and the
  /// bytes it takes (1 for an invalid byte).
  private static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
    let c = b[i]
    if c < 0x80 { return (Unicode.Scalar(c), 1) }
    let n: Int
    let min: UInt32
    var v: UInt32
    switch c {
    case 0xC2...0xDF: (n, min, v) = (2, 0x80, UInt32(c & 0x1F))
    case 0xE0...0xEF: (n, min, v) = (3, 0x800, UInt32(c & 0x0F))
    case 0xF0...0xF4: (n, min, v) = (4, 0x10000, UInt32(c & 0x07))
    default: return (nil, 1)
    }
    guard i + n <= b.count else { return (nil, 1) }
    for k in 1..<n {
      guard b[i + k] & 0xC0 == 0x80 else { return (nil, 1) }
      v = v << 6 | UInt32(b[i + k] & 0x3F)
    }
    guard v >= min, let scalar = Unicode.Scalar(v) else { return (nil, 1) }
    return (scalar, n)
  }
}
