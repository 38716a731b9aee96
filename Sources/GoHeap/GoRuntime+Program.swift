// The program's side of the runtime: what a running Go program does to it besides allocating —
// spend CPU time, and store a run of equal elements the way a loop of stores would.

extension GoRuntime {
  /// The program spends `ns` whole nanoseconds of CPU: the clock moves and every runtime event
  /// due on the way runs, in order, before the program goes on (the interpreter calls this
  /// with the virtual cost of the instructions it ran). Inlinable: its fast case, nothing due
  /// before the new time, is a compare and an add in the VM's loop.
  @inlinable
  public func elapse(_ ns: Int) throws {
    guard ns > 0 else { return }
    try advance(wholeNs: ns)
  }

  /// A store loop's stores in one step: `bytes` of `pattern` (one element of `elemSize` bytes,
  /// repeated) at `a`, leaving memory, residency and the clock exactly as that many separate
  /// `store`s would — each page's first touch costs what a store's does; the stores themselves
  /// cost the loop's statements, which the caller charges. (A memclr or a `fillMemory` also
  /// charges every byte written, at memory speed.)
  public func fillMemoryAsStores(_ a: Address, bytes n: Int, pattern: UInt64, elemSize: Int) throws {
    try fill(a, bytes: n, pattern: pattern, elemSize: elemSize, asStores: true)
  }
}
