// The simulated process's address space as the VM sees it: where each kind of memory lives,
// and loads and stores that go to the right one.
//
//   0 ..< 4 KiB            nil and the first page: any access panics (Go's nil dereference)
//   text     0x401000      code pointers only: functions' addresses (never loaded or stored)
//   zerobase               what a zero-byte allocation returns (runtime.zerobase)
//   globals  0x600000      package-level variables (the data and bss segments)
//   rodata   0x10000000    string constants (read-only data)
//   heap     0xc000000000  GoHeap's arena: objects at addresses, flat storage
//   stack    0x7f0000000000 the goroutine's stack: the VM's frames, slot by slot
//
// Go's linux/amd64 binaries put data at 0x5..., rodata below it and the heap at 0xc000000000;
// gcsh keeps that order where it can (a goroutine's stack is in the heap arena in Go; here it
// is its own range, so a stack pointer is told from a heap one by its address alone).

import GoHeap

enum AddressSpace {
  static let nilPage: Address = 0x1000
  /// Code pointers (a funcval's first word; what `%p` of a func prints): function k of the
  /// session's table is at textBase + k * textBytesPerFunction, as Go's text segment starts
  /// at 0x401000 on linux/amd64.
  static let textBase: Address = 0x40_1000
  static let textBytesPerFunction: UInt64 = 64
  static let globalsBase: Address = 0x60_0000
  /// Globals are limited to 64 MiB (a larger array belongs on the heap: `new` or `make`).
  static let globalsLimit = 64 << 20
  static let rodataBase: Address = 0x1000_0000
  static let rodataLimit = 1 << 30
  static let heapBase: Address = GoRuntime.heapBase
  static let stackBase: Address = 0x7f00_0000_0000
  /// The frames gcsh holds for a goroutine, bytes: 512 MiB, Go's largest stack (the largest
  /// power of two under maxstacksize, 1,000,000,000 B on 64-bit: runtime/stack.go newstack).
  /// The simulated stack, not this buffer, decides when a program dies of `fatal error: stack
  /// overflow` (GoHeap's growStack). A frame's simulated size is 16 B more than its slots
  /// (Program.swift `stackCheckBytes`), so a program reaches Go's limit before its frames fill
  /// this buffer; only an era without a limit (Go 1.0) can reach it, and gcsh then says so.
  /// The buffer grows with the simulated stack and is not zeroed ahead, so the host memory
  /// behind it is what the frames wrote.
  static let stackLimitBytes = 512 << 20
}

/// A VM panic or fault raised inside an instruction: located at the instruction by the loop.
struct VMTrap: Error {
  let kind: ErrorKind
  /// A panic raised while earlier ones were unwinding, by one of their deferred calls: those
  /// panics' lines, oldest first, as runtime/panic.go printpanics prints the chain it aborts.
  var aborted: [String] = []
  /// This panic's value is the one before it repanicked (`panic(recover())`): since Go 1.25
  /// printpanics marks the earlier `[recovered, repanicked]` and skips this one's line.
  var repeatsLast = false

  /// The kind an unrecovered panic reports: with the chain it aborted.
  var reportedKind: ErrorKind {
    aborted.isEmpty ? kind : .abortedPanics(aborted, kind, repeatsLast: repeatsLast)
  }
}

extension VM {
  /// Loads `size` bytes (1, 2, 4, 8) at `a`, little-endian, zero-extended.
  @inline(__always)
  func load(_ a: Address, _ size: Int) throws -> UInt64 {
    if a >= AddressSpace.heapBase && a < AddressSpace.stackBase {
      if let v = heap.loadIfPlain(a, size: size) { return v }
      return try heapLoad(a, size)
    }
    return try otherLoad(a, size)
  }

  @inline(never)
  func heapLoad(_ a: Address, _ size: Int) throws -> UInt64 {
    do { return try heap.load(a, size: size) } catch let f as MemoryFault { throw trap(f) }
  }

  @inline(never)
  func otherLoad(_ a: Address, _ size: Int) throws -> UInt64 {
    let p = try hostPointer(a, size, writing: false)
    var v: UInt64 = 0
    withUnsafeMutableBytes(of: &v) { $0.baseAddress!.copyMemory(from: p, byteCount: size) }
    return v
  }

  /// Stores the low `size` bytes of `bits` at `a`.
  @inline(__always)
  func store(_ a: Address, _ bits: UInt64, _ size: Int) throws {
    if a >= AddressSpace.heapBase && a < AddressSpace.stackBase {
      if heap.storeIfPlain(a, bits, size: size) { return }
      return try heapStore(a, bits, size)
    }
    try otherStore(a, bits, size)
  }

  @inline(never)
  func heapStore(_ a: Address, _ bits: UInt64, _ size: Int) throws {
    do { try heap.store(a, bits, size: size) } catch let f as MemoryFault { throw trap(f) }
  }

  @inline(never)
  func otherStore(_ a: Address, _ bits: UInt64, _ size: Int) throws {
    let p = try hostPointer(a, size, writing: true)
    var v = bits
    withUnsafeBytes(of: &v) { p.copyMemory(from: $0.baseAddress!, byteCount: size) }
  }

  /// The host memory behind a non-heap address range (stack, globals, read-only data).
  func hostPointer(_ a: Address, _ size: Int, writing: Bool) throws -> UnsafeMutableRawPointer {
    if a < AddressSpace.nilPage { throw VMTrap(kind: .nilDereference) }
    let n = UInt64(max(size, 0))
    if a >= AddressSpace.stackBase {
      let off = a - AddressSpace.stackBase
      if off + n <= UInt64(stackCapacity * 8) { return UnsafeMutableRawPointer(stack) + Int(off) }
    } else if a >= AddressSpace.rodataBase && a < AddressSpace.rodataBase + UInt64(AddressSpace.rodataLimit) {
      let off = a - AddressSpace.rodataBase
      if !writing, off + n <= UInt64(session.rodata.count) {
        return UnsafeMutableRawPointer(mutating: session.rodataPointer) + Int(off)
      }
    } else if a >= AddressSpace.globalsBase && a < AddressSpace.globalsBase + UInt64(AddressSpace.globalsLimit) {
      let off = a - AddressSpace.globalsBase
      if off + n <= UInt64(globalsCapacity * 8) { return UnsafeMutableRawPointer(globals) + Int(off) }
    } else if a == GoRuntime.zeroBaseAddress && n == 0 {
      return UnsafeMutableRawPointer(globals)
    }
    throw VMTrap(kind: .internalFault("bad \(writing ? "write" : "read") of \(size) bytes at 0x\(String(a, radix: 16))"))
  }

  /// A GoHeap fault as the VM reports it: nil is Go's panic, anything else an interpreter bug.
  func trap(_ f: MemoryFault) -> VMTrap {
    if f.reason == .nilDereference { return VMTrap(kind: .nilDereference) }
    return VMTrap(kind: .internalFault(f.description))
  }

  /// `count` bytes at `a` (string data, anywhere).
  func bytes(_ a: Address, _ count: Int) throws -> [UInt8] {
    if count == 0 { return [] }
    if a >= AddressSpace.heapBase && a < AddressSpace.stackBase {
      do { return try heap.readBytes(a, count: count) } catch let f as MemoryFault { throw trap(f) }
    }
    let p = try hostPointer(a, count, writing: false)
    return Array(UnsafeRawBufferPointer(start: p, count: count))
  }

  /// Writes bytes at `a`.
  func write(_ data: [UInt8], at a: Address) throws {
    if data.isEmpty { return }
    if a >= AddressSpace.heapBase && a < AddressSpace.stackBase {
      do { return try heap.writeBytes(a, data) } catch let f as MemoryFault { throw trap(f) }
    }
    let p = try hostPointer(a, data.count, writing: true)
    data.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: data.count) }
  }

  /// memmove of `n` bytes (heap to heap through GoHeap, so pages are touched and charged).
  func copyMemory(to dst: Address, from src: Address, _ n: Int) throws {
    if n <= 0 { return }
    let dstHeap = dst >= AddressSpace.heapBase && dst < AddressSpace.stackBase
    let srcHeap = src >= AddressSpace.heapBase && src < AddressSpace.stackBase
    if dstHeap && srcHeap {
      do { return try heap.copyMemory(to: dst, from: src, bytes: n) } catch let f as MemoryFault { throw trap(f) }
    }
    try write(try bytes(src, n), at: dst)
  }

  /// memclr of `n` bytes.
  func clearMemory(_ a: Address, _ n: Int) throws {
    if n <= 0 { return }
    if a >= AddressSpace.heapBase && a < AddressSpace.stackBase {
      do { return try heap.clearMemory(a, bytes: n) } catch let f as MemoryFault { throw trap(f) }
    }
    let p = try hostPointer(a, n, writing: true)
    p.initializeMemory(as: UInt8.self, repeating: 0, count: n)
  }
}
