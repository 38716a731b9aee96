// Roots: where the collector starts marking.
//
// In a Go program the roots are global variables, the live frames' locals and the registers.
// The interpreter registers two RootSources once: its globals and its call stack, which visits
// only the frames of calls in progress. A block clears its variables when it ends, so a
// block-local variable stops keeping its object alive the moment its block is left. Objects
// allocated by the statement in progress are roots until the next statement begins
// (GoRuntime.beginStatement): they are in registers in the real program.
//
// The address API (FlatMemory.swift) has its own kind of source, `AddressRootSource`, whose words
// are raw addresses. An object it allocates is a root only while `allocate(_:count:)` runs: the
// VM keeps it alive afterwards by holding its address in a register it reports.

/// Something that holds heap references the collector must treat as roots.
public protocol RootSource: AnyObject {
  /// Calls `visit` with every stored word that may reference a heap object.
  func forEachRoot(_ visit: (Word) -> Void)
}

/// Something that holds root pointer words as raw addresses (the VM's registers and globals).
/// Words that are not addresses of allocated heap objects (nil, scalars) are ignored.
public protocol AddressRootSource: AnyObject {
  /// Calls `visit` with every stored word that may be a pointer.
  func forEachRootAddress(_ visit: (Address) -> Void)
}

/// A simple named table of root words (global variables), for the Swift API and tests.
public final class RootTable: RootSource {
  /// Variable name → value.
  public private(set) var slots: [String: Word] = [:]
  public init() {}

  /// Sets a variable; nil drops the reference (`x = nil`).
  public subscript(name: String) -> Word? {
    get { slots[name] }
    set { slots[name] = newValue }
  }

  public func forEachRoot(_ visit: (Word) -> Void) {
    for w in slots.values { visit(w) }
  }
}
