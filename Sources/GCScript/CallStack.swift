// Frames and the call stack: where GCScript variables live while a program runs.
//
// The top level's variables are the globals frame; each user-function call gets a frame of its
// own (its parameters, then its locals, numbered by the compiler). Frames are roots: the
// globals frame and the call stack are registered with the runtime once, and the call stack
// visits the frames of the calls in progress — a returned call's frame stops being a root, as
// a real goroutine's stack frame does. Frames are reused from call to call, so a call costs no
// allocation and no root registration.

import GoHeap

/// A function's or the top level's variable storage; a root source while it lives.
///
/// Slots are read and written on every interpreted step, so they live in one manually managed
/// buffer: no array bounds or copy-on-write uniqueness checks. Slot numbers come from the
/// compiler (a function's frame has `slotCount` slots; a global's slot is appended when it is
/// declared, before any code that names it runs), so every index is in range by construction.
final class Frame: RootSource {
  /// The slots, `count` of them initialised, room for `capacity`.
  private var base: UnsafeMutablePointer<Value>
  /// Slots in use.
  private(set) var count: Int
  /// Slots allocated.
  private var capacity: Int

  init(size: Int) {
    capacity = max(size, 4)
    base = .allocate(capacity: capacity)
    base.initialize(repeating: .null, count: size)
    count = size
  }

  /// Makes the frame `size` nil slots (a call reusing it); its old contents are dropped.
  func reset(size: Int) {
    // Only strings and aggregates need destroying (a generic deinitialize of the buffer went
    // through the runtime's array destroy, a tenth of a call).
    for k in 0..<count {
      switch base[k] {
      case .string, .aggregate: (base + k).deinitialize(count: 1)
      case .int, .float, .bool, .pointer, .slice, .null: break
      }
    }
    if size > capacity {
      base.deallocate()
      capacity = size
      base = .allocate(capacity: capacity)
    }
    base.initialize(repeating: .null, count: size)
    count = size
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  @inline(__always) subscript(slot: Int) -> Value {
    get {
      assert(slot >= 0 && slot < count, "frame slot \(slot) out of range")
      return base[slot]
    }
    set {
      assert(slot >= 0 && slot < count, "frame slot \(slot) out of range")
      slots[slot] = newValue
    }
  }

  /// The integer (or bool, as 0/1) in a slot, without copying the Value out.
  @inline(__always) func int(_ slot: Int) -> Int64 {
    assert(slot >= 0 && slot < count, "frame slot \(slot) out of range")
    return slots.int(slot)
  }

  /// The slot buffer, for the interpreter's running-call fast path. Valid until the frame is
  /// next reset or grown (a call reusing it, a new global).
  var slots: Slots { Slots(base: base) }

  /// Adds a slot holding `v` (a new global); returns its index.
  func append(_ v: Value) -> Int {
    if count == capacity {
      let grown = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
      grown.moveInitialize(from: base, count: count)
      base.deallocate()
      base = grown
      capacity *= 2
    }
    (base + count).initialize(to: v)
    count += 1
    return count - 1
  }

  func forEachRoot(_ visit: (Word) -> Void) {
    for k in 0..<count { base[k].forEachWord(visit) }
  }
}

/// A frame's slots as compiled code reads and writes them: the buffer itself, so an access is
/// a load or a store (reaching a slot through a Frame reference, even `unowned(unsafe)`,
/// retained the frame and copied the Value out on every read). The interpreter holds the
/// running call's Slots; the call stack holds the Frames.
struct Slots {
  let base: UnsafeMutablePointer<Value>

  @inline(__always) subscript(slot: Int) -> Value {
    get { base[slot] }
    nonmutating set {
      // Only strings and aggregates own memory: any other old value is overwritten, not
      // destroyed. A plain assignment calls Value's outlined assign-with-take witness, which
      // switches on both tags (about 60 instructions, a third of interpreting `p = new(T)`).
      // (Every case listed: a new case must decide which kind it is.)
      switch base[slot] {
      case .string, .aggregate: base[slot] = newValue
      case .int, .float, .bool, .pointer, .slice, .null: (base + slot).initialize(to: newValue)
      }
    }
  }

  /// The slice header in a slot (nil for a nil slice), without copying the Value out.
  @inline(__always) func slice(_ slot: Int) -> SliceHeader? {
    if case .slice(let s) = base[slot] { return s }
    return nil
  }

  /// The integer (or bool, as 0/1) in a slot, without copying the Value out.
  @inline(__always) func int(_ slot: Int) -> Int64 {
    switch base[slot] {
    case .int(let v): return v
    case .bool(let b): return b ? 1 : 0
    default: return 0
    }
  }
}

/// The frames of the user-function calls in progress, innermost last; one root source for all.
final class CallStack: RootSource {
  /// Frames; the first `depth` belong to calls in progress, the rest wait to be reused.
  private var frames: [Frame] = []
  /// Calls in progress.
  private(set) var depth = 0

  /// A frame of `size` nil slots for a new call, now a root; its slots.
  func push(size: Int) -> Slots {
    let f: Frame
    if depth == frames.count {
      f = Frame(size: size)
      frames.append(f)
    } else {
      f = frames[depth]
      f.reset(size: size)
    }
    depth += 1
    return f.slots
  }

  /// The innermost call returned: its frame stops being a root and lets go of its values.
  func pop() {
    depth -= 1
    frames[depth].reset(size: 0)
  }

  /// Pops every frame (after an error ended the run).
  func unwind() {
    while depth > 0 { pop() }
  }

  func forEachRoot(_ visit: (Word) -> Void) {
    for k in 0..<depth { frames[k].forEachRoot(visit) }
  }
}
