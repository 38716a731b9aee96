// Units used throughout the simulated runtime.
//
// Every quantity in GoHeap is an `Int`: bytes for sizes, nanoseconds for times, pages for page
// counts. The names below make the unit visible where a constant is written.

/// One kibibyte (2^10 bytes).
let KiB = 1 << 10
/// One mebibyte (2^20 bytes); the runtime's own traces call this "MB".
public let MiB = 1 << 20
/// One gibibyte (2^30 bytes).
public let GiB = 1 << 30
/// One tebibyte (2^40 bytes).
let TiB = 1 << 40

/// Nanoseconds per unit of time, as Go's `time` package defines them.
public enum Duration {
  static let nanosecond = 1
  static let microsecond = 1_000
  static let millisecond = 1_000_000
  public static let second = 1_000_000_000
  public static let minute = 60 * second
  static let hour = 60 * minute
}

/// Rounds `x` up to a multiple of `align` (a power of two or any positive number).
@inline(__always)
func alignUp(_ x: Int, _ align: Int) -> Int {
  (x + align - 1) / align * align
}

/// Rounds `x` down to a multiple of `align`.
@inline(__always)
func alignDown(_ x: Int, _ align: Int) -> Int {
  x / align * align
}

extension Int {
  /// `d` rounded toward zero, saturating at Int.min and Int.max (NaN is 0): for a ratio of
  /// runtime quantities that may exceed what an Int holds (a debt or an extension far past a
  /// goal), where Int(d) would trap. The runtime's own uint64/int64 arithmetic would wrap or
  /// saturate there too; the pacer already clamps the results.
  init(saturating d: Double) {
    if d.isNaN { self = 0 } else if d >= 9.2233720368547748e18 { self = .max }
    else if d <= -9.2233720368547758e18 { self = .min } else { self = Int(d) }
  }
}
