// Bytecode: the typed, register-based instruction set the VM runs (one instruction array per
// function), after Lua's lopcodes.h and CPython's bytecodes.c.
//
// A function's frame is an array of 8-byte slots on the goroutine's stack. Every variable and
// every temporary has fixed slots, as many as its type needs: one for a bool, an integer, a
// float or a pointer (held unboxed: integers normalised to 64 bits — sign-extended for signed
// types, zero-extended for unsigned —, a float32 as the double it rounds to), two for a string
// (data address, length), three for a slice (data address, length, capacity), and a struct's or
// an array's memory image (its bytes as Go lays them out, rounded up to whole slots). The frame
// is simulated memory: `&x` of a variable that stays on the stack is the address of its slots.
//
// An instruction has an opcode, the virtual CPU cost it charges when it runs (the statement
// cost, on a statement's first instruction), and up to four operands: slot numbers, immediates,
// jump targets (instruction indexes), or indexes into the function's tables (constants, types,
// descriptors). The comment on each opcode says what it means; `A`..`D` are the operands, `s[A]`
// a slot, `mem[x]` simulated memory at address x (heap, stack, globals or read-only data).

import GoHeap

/// One VM operation. Operands are documented per case.
enum Opcode: UInt8 {
  // Moves and constants.
  /// s[A] = s[B].
  case move
  /// s[A ..< A+C] = s[B ..< B+C] (C words; the ranges may overlap).
  case moveWords
  /// s[A] = constants[B] (any 64-bit pattern).
  case constant
  /// s[A] = Int64(B) (a small integer).
  case immediate
  /// s[A ..< A+B] = 0.
  case zero
  /// s[A ..< A+C] = globals[B ..< B+C].
  case loadGlobal
  /// globals[A ..< A+C] = s[B ..< B+C].
  case storeGlobal

  // Integer arithmetic on 64-bit words, wrapping (narrow types are re-normalised by `extend`).
  /// s[A] = s[B] + s[C], and -, *, &, |, ^, &^.
  case add, sub, mul, and, or, xor, andNot
  /// s[A] = s[B] + Int64(C), and -, *, &.
  case addImm, subImm, mulImm, andImm
  /// s[A] = s[B] / Int64(C) and %, signed (C != 0) and unsigned (C > 0): a constant divisor
  /// cannot be zero.
  case divSImm, remSImm, divUImm, remUImm
  /// s[A] = s[B] / s[C], signed and unsigned; a zero divisor panics (Go's message).
  case divS, divU, remS, remU
  /// s[A] = s[B] << s[C], >> (arithmetic, logical); the count is unsigned: 64 or more gives 0
  /// (or -1 for a negative >> ). `D` = 1: the count is signed and a negative one panics.
  case shl, shrS, shrU
  /// s[A] = -s[B], ^s[B], !s[B] (a bool: 1 - s[B]).
  case neg, complement, not
  /// s[A] = s[B] narrowed to C bits and sign-extended (D = 1) or zero-extended (D = 0).
  case extend

  // Comparisons: s[A] = 1 if the relation holds, else 0.
  /// s[B] == s[C], !=, < and <= signed, < and <= unsigned.
  case eq, ne, ltS, leS, ltU, leU
  /// The same with the immediate Int64(C) on the right, and > / >= (signed).
  case eqImm, neImm, ltSImm, leSImm, gtSImm, geSImm

  // Floating point (slots hold doubles' bits; float32 values are rounded with `roundF32`).
  /// s[A] = s[B] + s[C], -, *, /.
  case fadd, fsub, fmul, fdiv
  /// s[A] = -s[B].
  case fneg
  /// s[A] = (s[B] == s[C]), !=, <, <=.
  case feq, fne, flt, fle
  /// s[A] = the double nearest float32(s[B]).
  case roundF32
  /// s[A] = Double(Int64(s[B])), Double(UInt64(s[B])).
  case intToFloat, uintToFloat
  /// s[A] = Int64(s[B]) truncated, UInt64(s[B]) truncated (amd64's result when out of range).
  case floatToInt, floatToUint

  // Strings: two slots, (data address, length).
  /// s[A] = string s[B..] compared with s[C..]: ==, !=, <, <= (byte-wise).
  case strEq, strNe, strLt, strLe
  /// s[A] = the struct or array at s[B..] == the one at s[C..], field by field and element by
  /// element, each by its type's rule (type D of `equalities`).
  case aggEq
  /// s[A] = the struct or array at address s[B] == the one at address s[C], compared where they
  /// are, a megabyte at a time (memequal on the operands' memory: a value of a gigabyte or more
  /// is never loaded into the frame); type D of `equalities`.
  case aggEqMemory
  /// s[A..A+2] = s[B..] + s[C..] (a new string; descriptor D: its allocation site).
  case concat
  /// s[A] = the byte s[B..][s[C]] (bounds checked).
  case strIndex

  // Control flow.
  /// Jump to A.
  case jump
  /// Jump to B if s[A] != 0 / == 0.
  case jumpIf, jumpIfNot
  /// Jump to C if s[A] < s[B] (signed), and the other relations.
  case brLtS, brLeS, brEq, brNe
  /// Jump to C if s[A] < Int64(B) (signed), and >=, ==, !=.
  case brLtSImm, brGeSImm, brEqImm, brNeImm
  /// A loop's back edge: Ctrl-C is honoured here; jump to A.
  case loop

  // Memory. Addresses are slot values; nil (and any address below 4 KiB) panics as Go does.
  /// s[A] = mem[s[B] + C], 1/2/4/8 bytes, sign-extended (S) or zero-extended (U).
  case load1S, load1U, load2S, load2U, load4S, load4U, load8
  /// s[A] = the double of the float32 at mem[s[B] + C].
  case loadF32
  /// mem[s[B] + C] = the low 1/2/4/8 bytes of s[A].
  case store1, store2, store4, store8
  /// mem[s[B] + C] = float32(s[A]).
  case storeF32
  /// s[A ..] = mem[s[B] + C ..< + D] (D bytes, a whole number of slots' worth rounded up).
  case loadBlock
  /// mem[s[B] + C ..< + D] = the first D bytes of s[A ..].
  case storeBlock
  /// mem[s[A] ..< + C] = mem[s[B] ..< + C]: an aggregate copied between memory places (memmove).
  case copyBlock
  /// mem[s[A] + B ..< + C] = 0: an aggregate variable in memory zeroed in place (`var x T`).
  case clearBlock
  /// s[A] = the stack address of slot B of this frame.
  case frameAddress
  /// s[A] = the address of globals slot B.
  case globalAddress
  /// s[A] = s[B] + C, after a nil check of s[B] (`&p.f`).
  case offsetAddress
  /// Panics if s[A] is nil (a dereference whose value is not read).
  case nilCheck

  // Slices and arrays: a slice is three slots (data address, length, capacity).
  /// s[A] = the data address of slice s[B..], after checking that its length is at least C
  /// (`(*[C]T)(s)`, and `[C]T(s)` through it: runtime boundsConvert).
  case sliceToArrayPointer
  /// s[A] = the address of element s[C] of slice s[B..], elements of D bytes (bounds checked).
  case elementAddress
  /// s[A] = element s[C] of slice s[B..], an element of 1/2/4/8 bytes (signedness as for load),
  /// or a float32.
  case loadElem1S, loadElem1U, loadElem2S, loadElem2U, loadElem4S, loadElem4U, loadElem8,
    loadElemF32
  /// Element s[C] of slice s[B..] = s[A].
  case storeElem1, storeElem2, storeElem4, storeElem8, storeElemF32
  /// s[A] = s[B] + s[C] * D after checking s[C] against the constant length in constants[...]:
  /// the address of an array element through a pointer (descriptor `arrayIndex` D).
  case arrayElementAddress
  /// s[A..] = s[B..][lo:hi:max] (descriptor C: which bounds, where, the element size, base kind).
  case slice
  /// s[A..] = the allocation the descriptor B describes: `new(T)`, `make([]T, len, cap)`, a
  /// slice literal's backing array — on the heap, or in this frame when escape analysis
  /// keeps it there.
  case allocate
  /// s[A..] = append(s[B..], values) (descriptor C: element type, the values, or a spread slice
  /// or string, and the frame buffer it may grow into).
  case append
  /// s[A..A+3] = move2heap(s[A..]): when the slice's data pointer is in this frame (a buffer an
  /// append grew into), a heap copy of it; else unchanged (descriptor B: `MoveToHeapDesc`).
  case moveToHeap
  /// s[A] = copy(s[B..], s[C..]) (element size D; a negative D: the source is a string and
  /// the elements are its -D-byte bytes).
  case copy
  /// Every element of slice s[A..] is zeroed (element size B).
  case clear
  /// A store loop in one step: descriptor A (see `FillLoop`).
  case fill
  /// s[A..] = a conversion between strings and byte or rune slices, or a rune to a string
  /// (descriptor B).
  case convertString

  // Calls.
  /// Calls function A of the program with its frame starting at slot B of this one (its
  /// result slots, then its parameters, already stored there).
  case call
  /// Calls the function value s[A] (the address of a funcval, whose first word is the code
  /// pointer; nil panics) with its frame at slot B, as `call`; the funcval is the callee's
  /// closure context.
  case callValue
  /// s[A] = the closure context this frame was called with (a funcval's address).
  case closureContext
  /// Returns: the result (B slots at A) goes to the frame's first slots.
  case ret
  /// A builtin or package function, or a runtime statement: descriptor A.
  case builtin
  /// A top-level statement (or one of main's) finished: narrate it (statement A of the table).
  case narrate
  /// Range over a string: s[A] = the rune at byte offset s[C] of string s[B..], and s[C] moves
  /// past it; jumps to D when the offset is at the end.
  case nextRune
  /// A map operation: descriptor B (`MapOpDesc`), result at A; an iterator's end jumps to C.
  case mapOp

  // Interfaces: two slots, the type (or itab) word and the data word (Lower/Lowering+Interfaces,
  // Run/VM+TypeAssertions).
  /// s[A..A+2] = the value at s[B..] converted to an interface (descriptor C, `InterfaceOp`):
  /// its type word, and its data word — the value itself when pointer-shaped, else the address
  /// of static data, of a temporary in this frame, or of a new box on the heap (convT*).
  case makeInterface
  /// s[A..] = a type assertion of the interface at s[B..B+2] (descriptor C): the value, the
  /// value and ok, or whether it holds the type (a type switch's test); a failed `x.(T)`
  /// panics with Go's `interface conversion: ...`.
  case typeAssert
  /// s[A] = the interfaces at s[B..B+2] and s[C..C+2] are equal (efaceeq/ifaceeq): same dynamic
  /// type, and equal values by that type's ==, which panics for an uncomparable type; D >> 1:
  /// the descriptor naming their static type, D & 1 = 1: !=.
  case ifaceEq
  /// Calls method D >> 16 of the interface at s[A..A+2] (its itab's fun entry; a nil interface
  /// panics) with its frame at slot B of this one, C slots already stored there of which the
  /// first D & 0xFFFF are results and the next one the receiver slot holding the data word:
  /// a value receiver that is not pointer-shaped is copied from the data word into the frame.
  case callInterface
}

/// One instruction: 20 bytes. `cost` is the virtual nanoseconds it charges (Go's compiled code
/// for the statement it begins, per CostModel.statementNs; 0 for the others).
struct Instruction {
  var op: Opcode
  var cost: UInt8 = 0
  var a: Int32 = 0
  var b: Int32 = 0
  var c: Int32 = 0
  var d: Int32 = 0
}
