// The error values the library makes: fmt.Errorf's (fmt/errors.go: the text as Sprintf makes
// it, `s := string(p.buf)`, then errors.New(s) — a 16-byte *errors.errorString on the heap)
// and their Error method, which VM+TypeAssertions runs natively. errors.New itself is lowered
// inline (Lower/Lowering+Interfaces.swift), as Go inlines it into its caller.

import GoHeap

extension VM {
  /// fmt.Errorf without %w: the formatted text as a new string, then its errorString.
  func errorf(_ format: [UInt8], _ args: [(GoType, UnsafeMutablePointer<UInt64>)], into result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let text = try sprintf(format, args)
    let header = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
    defer { header.deallocate() }
    try newString(text, into: header)
    // The string is held (a local of Errorf) while errors.New allocates.
    if header[0] != 0 { inFlight.append(header[0]) }
    defer { if header[0] != 0 { inFlight.removeLast() } }
    let object = try heap.allocate(errorStringType, count: 1)
    try storeValue(.string, from: header, to: object)
    guard let out = result(), let itab = runtimeTypes.itab(.error, .pointer(to: errorStringType), session) else { return }
    (out[0], out[1]) = (itab, object)
  }
}
