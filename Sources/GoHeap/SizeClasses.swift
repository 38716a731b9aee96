// Size classes: the fixed menu of object sizes small allocations are rounded up to.
//
// A small object (up to the profile's `maxSmallSize`) is rounded up to the smallest size class
// that fits, and lives in a span of `pages` pages that holds only objects of that class. The
// tables below are the runtime's own (`class_to_size`, `class_to_allocnpages`):
// src/runtime/sizeclasses.go (go1.19.8), src/internal/runtime/gc/sizeclasses.go (go1.27.3),
// byte-identical between the two versions (reference go-runtime-1.27.md §1.2, B.2).

/// One size class: every object in its spans occupies `size` bytes; a span is `pages` pages.
public struct SizeClass: Equatable, Sendable {
  /// Class number, 1-based (class 0 means "large object" in the runtime).
  let index: Int
  /// Object slot size, bytes.
  public let size: Int
  /// Span length, pages.
  let pages: Int
}

/// A profile's size-class table with the runtime's rounding rule.
public struct SizeClassTable: Sendable {
  /// Classes in increasing size; `classes[i].index == i + 1`.
  let classes: [SizeClass]
  /// Lookup by size in 8-byte steps: `bySize8[(size + 7) / 8]` is the class array index.
  let bySize8: [Int]

  init(sizes: [Int], pages: [Int]) {
    precondition(sizes.count == pages.count, "size and page tables differ in length")
    classes = sizes.indices.map { SizeClass(index: $0 + 1, size: sizes[$0], pages: pages[$0]) }
    let maxSize = sizes.last ?? 0
    var table = [Int](repeating: 0, count: maxSize / 8 + 2)
    var c = 0
    for step in 0..<table.count {
      let size = step * 8
      while c < sizes.count - 1 && sizes[c] < size { c += 1 }
      table[step] = c
    }
    bySize8 = table
  }

  /// The largest class size.
  var maxSize: Int { classes.last?.size ?? 0 }

  /// The class an object of `size` bytes (1...maxSize) is rounded up to.
  public func sizeClass(for size: Int) -> SizeClass {
    classes[bySize8[(size + 7) >> 3]]
  }

  /// The 67 classes of Go 1.5 through 1.27 with 8 KiB pages (sizeclasses.go).
  static let modern = SizeClassTable(
    sizes: [
      8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
      352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
      2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472,
      9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264,
      28672, 32768,
    ],
    pages: [Int](repeating: 1, count: 34) + [
      2, 1, 2, 1, 2, 1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2, 9, 7, 5, 8, 3, 10,
      7, 4,
    ])
}
