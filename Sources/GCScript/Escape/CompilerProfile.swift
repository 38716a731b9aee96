// CompilerProfile: the Go compiler's constants that decide where values live, per era (the
// runtime's are GoHeap's RuntimeProfile; these are cmd/compile's).

import GoHeap

/// What the compiler of a Go version does with allocations (cmd/compile/internal/ir/cfg.go,
/// escape/utils.go HeapAllocReason).
struct CompilerProfile {
  /// The largest `new`, `&T{}` or constant-size `make` kept on the stack, bytes
  /// (ir.MaxImplicitStackVarSize: 64 KiB).
  let maxImplicitStackVarSize: Int
  /// The largest declared variable kept on the stack, bytes (ir.MaxStackVarSize: 10 MiB until
  /// Go 1.24 — Tests/Recordings/escape: 1.19.8 keeps a 10 MiB array on the stack — and 128 KiB
  /// in 1.27.3, which moves `var a [131073]byte` to the heap).
  let maxStackVarSize: Int
  /// Go 1.25+: a non-escaping `make` of non-constant size (and the first growth of a
  /// non-escaping append) uses a 32-byte buffer in the frame when it fits
  /// (Tests/Recordings/runs/varmake: n = 32 bytes, 0 mallocs; 33, one). nil before.
  let stackBufferBytes: Int?
  /// -m reports each append's backing store ("append does not escape"): Go 1.27.3 does,
  /// 1.19.8 does not (Tests/Recordings/escape).
  let reportsAppend: Bool
  /// A `[]byte(s)` that does not escape and is never written shares the string's bytes
  /// (escape.go ZeroCopy, Go 1.22+): no allocation, and -m says "zero-copy string->[]byte
  /// conversion".
  let zeroCopyStringToBytes: Bool

  init(_ runtime: RuntimeProfile) {
    reportsAppend = runtime.version >= GoVersion(1, 25)
    zeroCopyStringToBytes = runtime.version >= GoVersion(1, 22)
    maxImplicitStackVarSize = 64 << 10
    if runtime.version >= GoVersion(1, 25) {
      maxStackVarSize = 128 << 10
      stackBufferBytes = 32
    } else {
      maxStackVarSize = 10 << 20
      stackBufferBytes = nil
    }
  }
}
