// The lowered program: one CodeObject per function, the globals' layout, and the tables the
// instructions index (constants, types, descriptors of the operations too rich for four operands).

import GoHeap

/// A lowered function: its instructions and everything the VM and the collector need to run it
/// and to find its roots.
final class CodeObject {
  let name: String
  let source: Source
  /// A library function's (Check/Libraries.swift): an error inside it is reported at the
  /// program's call, not in the library's source.
  var isLibrary = false
  var instructions: [Instruction] = []
  /// The source span of each instruction (errors are located with it).
  var spans: [Span] = []
  /// 64-bit constants (`constant` reads them).
  var constants: [UInt64] = []
  /// Slots a call needs: result, parameters, locals, temporaries.
  var frameSize = 0
  /// What the prologue's stack check counts for a call of this function, bytes beyond 8 × its
  /// base slot and 16 B per frame below it (`stackCheckBytes(frameSize:)`; set by `finalize`).
  private(set) var stackCheckBytes = 0
  /// Slots of the result at the start of the frame, then of the parameters.
  var resultWords = 0
  /// Which of the result's slots may hold a pointer.
  var resultPointers: [Bool] = []
  var paramWords = 0
  /// Where the deferred calls run (a function with `defer`): every return jumps here with its
  /// results in place, and a panic unwinding through the frame resumes here (VM+Defer.swift).
  var deferExit: Int? = nil
  /// The stack map of each instruction: an index into `stackMaps`.
  var stackMapIndex: [Int32] = []
  /// Bitsets over the frame's slots: the slots that hold a live pointer there. An instruction
  /// that can start a collection (an allocation, a call, any runtime work) reads its map; a
  /// slot is a root exactly while the value in it will still be used (Go's stack maps).
  var stackMaps: [[UInt64]] = []
  /// Objects that live in the frame (address-taken variables that stay on the stack, and
  /// allocations escape analysis kept there): the collector scans one when a live pointer
  /// points into it (Go's stack objects).
  var stackObjects: [StackObject] = []
  var allocations: [AllocationDesc] = []
  var appends: [AppendDesc] = []
  var movesToHeap: [MoveToHeapDesc] = []
  var slices: [SliceDesc] = []
  var builtins: [BuiltinDesc] = []
  var fills: [FillDesc] = []
  var conversions: [ConversionDesc] = []
  /// The struct and array types `aggEq` compares.
  var equalities: [GoType] = []
  var concats: [ConcatDesc] = []
  var arrayIndexes: [ArrayIndexDesc] = []
  var mapOps: [MapOpDesc] = []
  /// The interface conversions and type assertions `makeInterface` and `typeAssert` make.
  var interfaceOps: [InterfaceOp] = []
  var allocationSites: [AllocationSite] = []
  /// Statement texts for `narrate`.
  var narrations: [String] = []
  /// Where each narrated statement is (parallel to `narrations`): the timeline links the moment
  /// it finished to its source lines.
  var narrationSpans: [Span] = []
  /// The instructions and constants in buffers the VM reads without bounds or reference-count
  /// checks (made by `finalize`).
  private(set) var compiled: UnsafeMutablePointer<Instruction> = .allocate(capacity: 1)
  private(set) var constantsPointer: UnsafeMutablePointer<UInt64> = .allocate(capacity: 1)
  /// For each allocation descriptor that is a plain heap `new(T)`, T; nil for the others: the
  /// VM allocates those without reading the descriptor.
  private(set) var objectTypes: UnsafeMutablePointer<Unmanaged<GoType>?> = .allocate(capacity: 1)

  init(name: String, source: Source) {
    self.name = name
    self.source = source
  }

  /// The simulated stack a frame of `frameSize` slots takes, as the prologue's check counts it.
  ///
  /// gcsh's frames are not Go's machine frames. A Go frame on amd64 holds the return address
  /// (8 B, pushed by CALL), the caller's frame pointer (8 B, pushed by the prologue of a
  /// function with a frame), its locals and the spill space of its callees' arguments; a
  /// gcsh frame holds slots of 8 B (result, parameters, locals, temporaries), and a callee's
  /// frame starts inside its caller's at the slots of its arguments, as Go's argument area
  /// belongs to the caller. So the goroutine's simulated stack is 8 B per slot up to the top of
  /// the innermost frame plus 16 B per frame (return address and frame pointer), and a call's
  /// check measures its frame the same way. A frame of at most StackSmall = 128 B (the
  /// return address not counted: cmd/internal/objabi, abi.StackSmall) is checked by comparing
  /// SP itself with the guard (stack.go's essay), which is as if the frame were 128 B.
  static func stackCheckBytes(frameSize: Int) -> Int {
    let frame = frameSize * 8 + 8  // slots and the saved frame pointer
    return max(frame, 128) + 8  // and the return address
  }

  /// Copies the instructions and constants into the VM's buffers.
  func finalize() {
    stackCheckBytes = Self.stackCheckBytes(frameSize: frameSize)
    compiled.deallocate()
    constantsPointer.deallocate()
    compiled = .allocate(capacity: max(1, instructions.count))
    compiled.initialize(from: instructions, count: instructions.count)
    constantsPointer = .allocate(capacity: max(1, constants.count))
    constantsPointer.initialize(from: constants, count: constants.count)
    objectTypes.deallocate()
    objectTypes = .allocate(capacity: max(1, allocations.count))
    for (k, d) in allocations.enumerated() {
      if case .object = d.kind, d.stackSlot == nil {
        (objectTypes + k).initialize(to: Unmanaged.passUnretained(d.type))
      } else {
        (objectTypes + k).initialize(to: nil)
      }
    }
  }

  deinit {
    compiled.deallocate()
    constantsPointer.deallocate()
    objectTypes.deallocate()
  }
}

/// An object in a frame, found by the collector through pointers into it.
struct StackObject {
  /// Its first slot.
  let slot: Int
  let type: GoType
  /// Elements of `type` it holds (a stack-allocated backing array: its capacity).
  let count: Int
  var bytes: Int { type.size * count }
}

/// How an `allocate` instruction allocates.
struct AllocationDesc {
  enum Kind {
    /// `new(T)`, `&T{...}`, or a variable moved to the heap: one T.
    case object
    /// `make([]T, len, cap)`: the length and capacity in slots (cap may be absent).
    case makeSlice(len: Int, cap: Int?)
    /// A slice literal's backing array of `count` elements.
    case literal(count: Int)
  }
  let kind: Kind
  /// The type allocated (for slices, the element type).
  let type: GoType
  /// Heap, or the frame's stack object at this slot (escape analysis decided).
  let stackSlot: Int?
  /// The largest element count the stack object holds (a make with a non-constant size that
  /// fits the stack buffer, Go 1.25+); nil: exactly the site's.
  let stackCapacity: Int?
  let site: AllocationSite

  /// The slots the instruction writes: a pointer, or a slice header for `make`.
  var resultWords: Int {
    if case .makeSlice = kind { return 3 }
    return 1
  }
}

struct AppendDesc {
  let elem: GoType
  /// The slot of each value to append (one element each), or
  let values: [Int]
  /// the slot of the slice (or string, for `append([]byte, s...)`) to append.
  let spread: Int?
  let spreadIsString: Bool
  let site: AllocationSite
  /// Where a growth may find a backing store in the frame before going to the heap (Go 1.26+).
  var buffer: AppendBuffer = .none
}

/// A frame buffer an append may grow into instead of growslice's heap array (Go 1.26+:
/// ssagen/ssa.go append; Lower/AppendBackingStores.swift says which appends get which).
enum AppendBuffer: Equatable {
  /// growslice: the heap.
  case none
  /// The standard strategy: when the slice is empty, the new length fits and the buffer has
  /// not been used in this call (the bool in slot `used`), the slice becomes the whole
  /// buffer, `count` elements at slot `store`, zeroed; `used` is set.
  case whole(store: Int, count: Int, used: Int)
  /// UseBuf (the move2heap pass saw the capacity observed): runtime growsliceBuf, the slice
  /// grows inside the buffer one size class at a time while the new length fits.
  case sizeClasses(store: Int, count: Int)
}

/// A `s = move2heap(s)` (ssa.go move2heap): the slice's element type, and whether the capacity
/// is kept (moveSlice) or may be the size class above the length (moveSliceNoCap).
struct MoveToHeapDesc {
  let elem: GoType
  let preserveCapacity: Bool
}

struct SliceDesc {
  enum Base {
    case slice
    case string
    /// An array through a pointer, of this many elements.
    case array(count: Int)
  }
  let base: Base
  let lo: Int?
  let hi: Int?
  let max: Int?
  let elemSize: Int
}

struct ArrayIndexDesc {
  let count: Int
  let elemSize: Int
}

struct ConversionDesc {
  enum Kind { case bytesToString, runesToString, stringToBytes, stringToRunes, runeToString }
  let kind: Kind
  let site: AllocationSite?
  /// The frame buffer a result that does not escape may use (string.go's `buf` argument:
  /// tmpBuf, [32]rune, [4]byte), and its size in elements; nil: the heap.
  let buffer: Int?
  let bufferCount: Int
  /// `[]byte(s)` shares the string's bytes (escape analysis: zero-copy, Go 1.22+).
  let zeroCopy: Bool
}

/// A string concatenation: one runtime.concatstrings of every operand (each two slots).
struct ConcatDesc {
  let operands: [Int]
  let site: AllocationSite?
  /// The frame's 32-byte tmpBuf when the result does not escape; nil: the heap.
  let buffer: Int?
}

/// A builtin, package function or runtime statement, with its operands' slots and types.
/// A defer statement as the runtime chains it (runtime/panic.go deferproc, deferprocStack).
struct ChainedDefer {
  /// The statement's index in its function (DeferredCall.index).
  let index: Int
  /// In a loop: a _defer record from the pools (newdefer) and, when it captures anything, a
  /// heap wrapper. Otherwise the record and the wrapper are the frame's (deferprocStack): the
  /// captured variables stay in their slots.
  let heap: Bool
  /// The wrapper closure's type: the code pointer, then each captured variable (nil: none is
  /// allocated — nothing captured, or the deferred call is a func value without parameters or
  /// results, which the record holds itself).
  let wrapper: GoType?
  /// The captured variables' slots and types, in the wrapper's order.
  let captures: [(slot: Int, type: GoType)]
  /// A closure captures a variable by value up to this size, else by reference (escape.go:
  /// `n.Type().Size() <= 128`): the wrapper then points to a heap copy.
  static let byValueLimit = 128
}

struct BuiltinDesc {
  enum Kind {
    case call(Builtin)
    case sleep, gc, free, stats(view: String?), expect(Expectation), why(String?), roots([RootVariable])
    case explain(Bool), heapMap, setGCPercent(off: Bool), setMemoryLimit(off: Bool)
    /// `go f(args)`: a new goroutine (Lowering+Goroutines.swift).
    case goStatement(GoLaunch)
    /// A defer statement of a function whose defers are a chain (Lowering+Defer.swift): its
    /// operands are the wrapper's captured variables.
    case deferPush(ChainedDefer)
    /// The exit's next deferred call: its statement's index into the result (-1: none left),
    /// its captured values back in the statement's variables.
    case deferPop([ChainedDefer])
  }
  let kind: Kind
  /// The operands: first slot and type of each.
  let args: [(slot: Int, type: GoType)]
  /// Where the result goes (first slot), if any.
  let result: Int?
  /// The result's slots.
  var resultWords = 0
  /// The result's type, where the runtime needs it (make(chan T): the element).
  var resultType: GoType? = nil
  /// For a Go fmt call, how each operand becomes an interface (nil: it does not, as the stream
  /// of Fprintln or the format of Printf); empty when none does (Escape/InterfaceConversion.swift).
  var conversions: [InterfaceConversion?] = []
  /// The last operand is a `[]any` passed as fmt's `...any` itself: its elements are the
  /// operands (VM+TypeAssertions.swift spreadOperands).
  var spread = false
  /// A Go fmt call: it takes fmt's pooled printer and grows its buffer (VM+PrinterPool.swift).
  var pooledPrinter = false

  /// It formats its operands with fmt, which may call their String methods back
  /// (VM+Callbacks.swift): fmt's functions, panic, and a `stats` label.
  var formatsOperands: Bool {
    switch kind {
    case .stats: return true
    case .call(let b):
      switch b {
      case .fmtPrintln, .fmtPrint, .fmtPrintf, .fmtSprint, .fmtSprintln, .fmtSprintf, .fmtFprint,
        .fmtAppend, .fmtAppendln, .fmtAppendf,
        .fmtFprintln, .fmtFprintf, .panic, .fmtErrorf:
        return true
      default: return b.logOperation?.prints == true
      }
    default: return false
    }
  }
}

/// A variable as `roots` reads it at run time.
struct RootVariable {
  enum Location {
    case global(Int)
    case slots(Int)
    /// Behind the pointer in this slot (a variable moved to the heap).
    case heap(Int)
  }
  let name: String
  let type: GoType
  let location: Location
}

/// A store loop run in one step: `for i := lo; i < hi; i++ { s[i] = v }` in any spelling
/// (Lowering+Loops.swift says which loops qualify).
struct FillDesc {
  /// The slice stored to (three slots).
  let slice: Int
  /// Lower bound and upper bound slots (the bounds already evaluated).
  let lo: Int
  let hi: Int
  /// `hi` is inclusive (`i <= n`).
  let inclusive: Bool
  /// The value slot.
  let value: Int
  let elem: GoType
  /// Where the fill leaves the loop variable's final value (the caller stores it): a range
  /// key ends at the last index stored (`rangeKey`), a three-clause counter at the first value
  /// that failed the test; at an index out of range, that index.
  let counter: Int
  let rangeKey: Bool
  /// Virtual ns each iteration charges (its test, its statements, a range loop's advance), and
  /// what an iteration whose store panics has charged by then (Lowering+Loops.swift).
  let iterationCost: Int
  let failingIterationCost: Int
}

/// The whole lowered program of a run.
final class LoweredProgram {
  /// Every function's code, by index (calls name functions by index).
  var functions: [CodeObject] = []
  /// The top-level code of the run.
  var script = 0
}
