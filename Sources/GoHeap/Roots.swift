// Roots: where the collector starts marking.
//
// In a Go program the roots are global variables, the live frames' locals and the registers.
// The interpreter registers `AddressRootSource`s once, for the runtime's life: its globals and
// its frames, whose registers it reports as raw 64-bit words. The collector treats a word as a
// pointer when it is the address of (a byte inside) an allocated heap object, and ignores any
// other word (nil, scalars, stack or global addresses): the VM need not know which of its
// registers hold pointers, though it may report only those.
//
// One more object is a root while an allocation runs: the new object (GoRuntime.heldObject).
// A cycle that the allocation starts — a refill crossing the trigger, a sysmon wake-up in the
// allocator's clock step — must keep it, although no register holds it yet. Once `allocate`
// returns, the caller keeps it alive by holding its address in a register it reports.

/// Something that holds root pointer words as raw addresses (the VM's registers and globals).
/// Words that are not addresses of allocated heap objects (nil, scalars) are ignored.
/// A root source the runtime does not keep alive (GoRuntime.addRoots).
struct WeakRootSource {
  weak var source: AddressRootSource?
}

public protocol AddressRootSource: AnyObject {
  /// Calls `visit` with every stored word that may be a pointer.
  func forEachRootAddress(_ visit: (Address) -> Void)
  /// The mark has ended: `isMarked` says whether the object holding an address survives this
  /// cycle. A source that keeps weak references (the runtime's timers on channels nobody
  /// waits on, Go 1.23+) drops those to objects about to be freed.
  func markFinished(_ isMarked: (Address) -> Bool)
}

extension AddressRootSource {
  public func markFinished(_ isMarked: (Address) -> Bool) {}
}
