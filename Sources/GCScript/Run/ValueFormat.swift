// ValueFormat: the value walk of Go's fmt — print.go's printValue, which Go does with reflect —
// over gcsh's values where they are: a call's frame slots or simulated memory. Printf.swift's
// printer formats each scalar it reaches; here are the composite kinds (structs, arrays,
// slices, pointers), the type names %T and %#v print (reflect's Type.String), and the calls
// the VM makes (Print, Println, Printf and their S forms).
//
// Slices and arrays print in full, as Go prints them; the printer hands its buffer to the host
// between elements, so a Print of a huge slice streams (see Printf.swift).

import GoHeap

/// Where a value to format is.
enum ValueSource {
  /// Frame slots: a scalar normalised in its slot, an aggregate's memory image.
  case slots(UnsafeMutablePointer<UInt64>)
  /// Simulated memory.
  case memory(Address)
}

extension VM {
  /// The scalar of type `t` at `offset` bytes into a value, normalised (sign-extended, float32
  /// as a double).
  func scalar(_ t: GoType, _ src: ValueSource, _ offset: Int, topLevel: Bool) throws -> UInt64 {
    let size = max(1, min(8, t.size))
    let raw: UInt64
    switch src {
    case .slots(let p):
      if topLevel { return p[offset / 8] }
      var v: UInt64 = 0
      withUnsafeMutableBytes(of: &v) { $0.baseAddress!.copyMemory(from: UnsafeRawPointer(p) + offset, byteCount: size) }
      raw = v
    case .memory(let a): raw = try load(a &+ UInt64(offset), size)
    }
    switch t.kind {
    case .int(let bits, true) where bits < 64:
      let shift = UInt64(64 - bits)
      return UInt64(bitPattern: Int64(bitPattern: raw << shift) >> Int64(shift))
    case .float(32): return Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw))).bitPattern
    default: return raw
    }
  }

  /// The word at `offset` of a value (a pointer, a length).
  func word(_ src: ValueSource, _ offset: Int) throws -> UInt64 {
    switch src {
    case .slots(let p): return p[offset / 8]
    case .memory(let a): return try load(a &+ UInt64(offset), 8)
    }
  }

  /// `count` bytes at `offset` of a value.
  func rawBytes(_ src: ValueSource, _ offset: Int, _ count: Int) throws -> [UInt8] {
    switch src {
    case .slots(let p): return Array(UnsafeRawBufferPointer(start: UnsafeRawPointer(p) + offset, count: count))
    case .memory(let a): return try bytes(a &+ UInt64(offset), count)
    }
  }

  // MARK: The calls

  /// fmt.Sprint (or Sprintln) of operands in slots.
  func sprint(_ args: [(GoType, UnsafeMutablePointer<UInt64>)], newline: Bool = false) throws -> [UInt8] {
    let p = Printer(self)
    let a = try args.map { try fmtOperand($0.0, $0.1) }
    if newline { try p.doPrintln(a) } else { try p.doPrint(a) }
    try growPrinterBuffer()
    return p.buf
  }

  /// fmt.Sprintf.
  func sprintf(_ format: [UInt8], _ args: [(GoType, UnsafeMutablePointer<UInt64>)]) throws -> [UInt8] {
    let p = Printer(self)
    try p.doPrintf(format, try args.map { try fmtOperand($0.0, $0.1) })
    try growPrinterBuffer()
    return p.buf
  }

  /// What Fprint, Fprintln (`format` nil) or Fprintf prints, for a writer of the program's.
  func sprintBytes(format: [UInt8]?, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], newline: Bool) throws -> [UInt8] {
    if let format { return try sprintf(format, args) }
    return try sprint(args, newline: newline)
  }

  /// fmt.Print, Println (`format` nil) or Printf to the host, in chunks as the text is made;
  /// the bytes printed.
  @discardableResult
  func fprint(format: [UInt8]?, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], newline: Bool, stderr: Bool = false) throws -> Int {
    let host = self.host
    let p = Printer(self) {
      if stderr { host?.errorOutput(bytes: $0) } else { host?.output(bytes: $0) }
    }
    let a = try args.map { try fmtOperand($0.0, $0.1) }
    if let format {
      try p.doPrintf(format, a)
    } else if newline {
      try p.doPrintln(a)
    } else {
      try p.doPrint(a)
    }
    p.finish()
    try growPrinterBuffer()
    return p.written
  }

  /// Fprint, Fprintln (`format` nil) or Fprintf to an io.Writer of the program's: print.go's
  /// `n, err = w.Write(p.buf)`. The text is made in the printer's buffer — the pooled one,
  /// grown as it needs (VM+PrinterPool.swift), or, for a print nested in another's method, a
  /// buffer of its own — and the writer's Write is called through the interface with that
  /// slice, as the dynamic type's method (a nil interface panics as the call would). Write's
  /// results, n and err, are the call's. The buffer is the printer's: a Write that keeps p
  /// keeps memory fmt reuses, as in Go.
  func writeThroughInterface(
    _ iface: GoType, _ writer: (UInt64, UInt64), format: [UInt8]?, _ args: [(GoType, UnsafeMutablePointer<UInt64>)],
    newline: Bool
  ) throws -> [UInt64] {
    let pool = printerPool
    let pooled = pool.active && pool.lastGetPooled
    // The text is made first (its String methods run), then `w.Write` panics on a nil writer.
    let text = try sprintBytes(format: format, args, newline: newline)
    if writer.0 == 0 { throw VMTrap(kind: .nilDereference) }
    var buffer: (address: UInt64, capacity: Int) = (0, 0)
    if pooled, let a = pool.buffer, pool.capacity >= text.count {
      buffer = (a, pool.capacity)
    } else if !text.isEmpty {
      let capacity = grownCapacity(old: 0, needed: text.count, elem: .uint8)
      buffer = (try heap.allocate(.uint8, count: capacity), capacity)
    }
    return try callWrite(iface, writer, text, in: buffer, what: "fmt called Write methods")
  }

  /// `w.Write(p)` through the interface `iface` (its itab and data word): `text` written into
  /// the buffer at `buffer` (fmt's printer's, log's), the slice of it passed, Write's results'
  /// words (n, err) returned. The writer and the buffer stay reachable while Write runs, as the
  /// caller's frame holds them.
  func callWrite(
    _ iface: GoType, _ writer: (UInt64, UInt64), _ text: [UInt8], in buffer: (address: UInt64, capacity: Int), what: String
  ) throws -> [UInt64] {
    if !text.isEmpty { try write(text, at: buffer.address) }
    let held = [writer.1, buffer.address].filter { $0 != 0 }
    inFlight.append(contentsOf: held)
    defer { inFlight.removeLast(held.count) }
    guard
      let words = try callDynamicMethod(
        iface, writer, "Write", arguments: [buffer.address, UInt64(text.count), UInt64(buffer.capacity)],
        resultWords: 3, what: what)
    else {
      throw VMTrap(kind: .internalFault("an io.Writer without a Write method"))
    }
    return words
  }
}

// MARK: - printValue

/// reflect's exported names: an upper-case first letter.
private func isExported(_ name: String) -> Bool { name.first?.isUppercase ?? false }

/// The predeclared types, which reflect names without a package.
private let predeclared: Set<ObjectIdentifier> = Set(
  [
    GoType.bool, .int, .int8, .int16, .int32, .int64, .uint, .uint8, .uint16, .uint32, .uint64, .uintptr,
    .float32, .float64, .string,
  ].map(ObjectIdentifier.init))

/// A type as reflect's Type.String names it (what %T and %#v print): package-qualified names
/// (`main.T`, `time.Duration`), `[]uint8` for []byte, `struct { A int; B string }`.
func goTypeString(_ t: GoType) -> String {
  // `any` is an alias: reflect names the type itself; `error` is predeclared.
  if t === GoType.any { return "interface {}" }
  if t === GoType.error { return "error" }
  // An instance names its type argument as reflect does: `weak.Pointer[main.point]`.
  if let e = WeakPackage.element(of: t) { return "weak.Pointer[\(goTypeString(e))]" }
  if let (generic, arguments) = t.instanceOf {
    let base = generic.contains(".") ? generic : "main." + generic
    return base + "[" + arguments.map(goTypeString).joined(separator: ",") + "]"
  }
  if let name = t.name {
    // gcsh's program is package main; time.Duration carries its package already.
    return predeclared.contains(ObjectIdentifier(t)) || name.contains(".") ? name : "main." + name
  }
  switch t.kind {
  case .pointer(let e): return "*" + goTypeString(e)
  case .slice(let e): return "[]" + goTypeString(e)
  case .array(let e, let n): return "[\(n)]" + goTypeString(e)
  case .map(let k, let v): return "map[" + goTypeString(k) + "]" + goTypeString(v)
  case .chan(let e, let dir):
    // reflect's chanType.String: `chan T`, `chan<- T`, `<-chan T`, and `chan (<-chan T)`.
    let elem = goTypeString(e)
    switch dir {
    case .both:
      if case .chan(_, .receive) = e.kind, e.name == nil { return "chan (" + elem + ")" }
      return "chan " + elem
    case .send: return "chan<- " + elem
    case .receive: return "<-chan " + elem
    }
  case .interface(let ms):
    // reflect's interfaceType.String: `interface {}`, `interface { M(int) string }`.
    if ms.isEmpty { return "interface {}" }
    return "interface { " + ms.map { $0.name + String(goTypeString($0.signature).dropFirst(4)) }.joined(separator: "; ") + " }"
  case .function(let params, let results, let variadic):
    // reflect's funcStr: `func(main.C, ...int) (int, error)`.
    var ps = params.map(goTypeString)
    if variadic, let last = params.last?.sliceElement { ps[ps.count - 1] = "..." + goTypeString(last) }
    let rs = results.map(goTypeString)
    let tail = rs.isEmpty ? "" : rs.count == 1 ? " " + rs[0] : " (" + rs.joined(separator: ", ") + ")"
    return "func(" + ps.joined(separator: ", ") + ")" + tail
  case .structure(let fs):
    if fs.isEmpty { return "struct {}" }
    return "struct { " + fs.map { "\($0.name) \(goTypeString($0.type))" }.joined(separator: "; ") + " }"
  default: return t.description
  }
}

extension Printer {
  /// The bytes of a []byte operand, and whether it is nil.
  func sliceBytes(_ v: FmtValue) throws -> ([UInt8], Bool) {
    let p = try vm.word(v.source, v.offset)
    let n = Int(try vm.word(v.source, v.offset + 8))
    return (try vm.bytes(p, n), p == 0)
  }

  /// printValue: a value by its kind. Below the top level (depth > 0) a value with methods
  /// prints through them first, unless it was reached through an unexported field. A struct is
  /// `{f1 f2}` (%+v `{A:1 B:2}`, %#v `main.T{A:1, B:2}`); an array or slice `[e1 e2]` (%#v
  /// `[]int{1, 2}`, a nil slice `[]int(nil)`), and one of bytes with %s %q %x %X is a string;
  /// a pointer to a struct, array or slice at the top level is `&` and the value, any other
  /// pointer its address.
  func printValue(_ value: FmtValue, _ verb: Int32, _ depth: Int) throws {
    if depth > 0 && !value.readOnly {
      // `arg := value.Interface()`, for handleMethods.
      try copyForInterface(value)
      if try handleMethods(value, verb) { return }
    }
    let t = value.type
    func scalar() throws -> UInt64 { try vm.scalar(t, value.source, value.offset, topLevel: value.inSlot) }
    switch t.kind {
    case .bool: try fmtBool(value, try scalar() != 0, verb)
    case .int(_, true): try fmtInteger(value, try scalar(), true, verb)
    case .int(_, false), .uintptr: try fmtInteger(value, try scalar(), false, verb)
    case .float(let bits): try fmtFloat(value, Double(bitPattern: try scalar()), bits, verb)
    case .string:
      let p = try vm.word(value.source, value.offset)
      let n = Int(try vm.word(value.source, value.offset + 8))
      try fmtString(value, try vm.bytes(p, n), verb)
    case .structure(let fields):
      if f.sharpV { writeString(goTypeString(t)) }
      writeByte(0x7B)
      for (i, field) in fields.enumerated() {
        if i > 0 {
          if f.sharpV { writeString(", ") } else { writeByte(0x20) }
        }
        if f.plusV || f.sharpV {
          // `f.Type().Field(i).Name`: reflect's structType.Field sets the field's Index to
          // []int{i}, a new 8-byte slice in Go 1.19.8; Go 1.27.3 points it into staticuint64s
          // for i < 256 (reflect/type.go). Tests/Recordings/runs/fmtprinter, "struct value".
          if allocates && (vm.heap.profile.version <= GoVersion(1, 19) || i >= 256) {
            _ = try vm.heap.allocate(.int, count: 1)
          }
          writeString(field.name)
          writeByte(0x3A)
        }
        let v = FmtValue(
          type: field.type, source: value.source, offset: value.offset + field.offset, inSlot: false,
          readOnly: value.readOnly || !isExported(field.name), addressable: value.addressable)
        try printValue(v, verb, depth + 1)
        flushIfFull()
      }
      writeByte(0x7D)
    case .array(let e, let n):
      try printList(value, e, count: n, isNil: false, verb, depth) { k in
        FmtValue(
          type: e, source: value.source, offset: value.offset + k * e.size, inSlot: false, readOnly: value.readOnly,
          addressable: value.addressable)
      }
    case .slice(let e):
      let p = try vm.word(value.source, value.offset)
      let n = Int(try vm.word(value.source, value.offset + 8))
      try printList(value, e, count: n, isNil: p == 0, verb, depth) { k in
        FmtValue(
          type: e, source: .memory(p &+ UInt64(k * e.size)), offset: 0, inSlot: false, readOnly: value.readOnly,
          addressable: true)
      }
    case .pointer(let e):
      // A pointer to an array, slice or struct is `&value` at the top level but not inside
      // another value (which avoids loops).
      if depth == 0 {
        let p = try vm.word(value.source, value.offset)
        switch e.kind {
        case .array, .slice, .structure:
          if p == 0 { break }
          writeByte(0x26)
          return try printValue(
            FmtValue(type: e, source: .memory(p), offset: 0, inSlot: false, readOnly: value.readOnly, addressable: true),
            verb, depth + 1)
        default: break
        }
      }
      try fmtPointer(value, verb)
    case .map:
      try printMap(value, verb, depth)
    case .function, .chan:
      // print.go printValue: a func (reflect.Func) prints as its pointer, the funcval's
      // address; a channel as its hchan's.
      try fmtPointer(value, verb)
    case .interface:
      // print.go printValue's reflect.Interface: the dynamic value one level down, or <nil>.
      guard let inner = try vm.dynamicValue(value) else {
        if f.sharpV { writeString(goTypeString(t) + "(nil)") } else { writeString("<nil>") }
        return
      }
      try printValue(inner, verb, depth + 1)
    case .undefined:
      writeString("?" + goTypeString(t) + "?")
    }
  }

  /// Value.Interface (reflect/value.go packEfaceData): an addressable value that is not
  /// pointer-shaped is copied into a new object (unsafe_New: mallocgc of its size), so that the
  /// interface does not alias the variable. printValue asks for it of every value below the top
  /// level that is not behind an unexported field (print.go, Go 1.27.3 and 1.19.8): printing a
  /// []int copies each int (Tests/Recordings/runs/boxing: 3 more mallocs for [1 2 3]). Only in a
  /// Go fmt call: GCScript's print statement allocates nothing.
  func copyForInterface(_ value: FmtValue) throws {
    let t = value.type
    guard allocates, value.addressable, t.size > 0, !vm.isDirect(t) else { return }
    let copy = try vm.heap.allocate(t, count: 1)
    if case .memory(let a) = value.source {
      try vm.copyMemory(to: copy, from: a &+ UInt64(value.offset), t.size)
    } else {
      try vm.write(try vm.rawBytes(value.source, value.offset, t.size), at: copy)
    }
  }

  /// The Array and Slice case of printValue: the elements, each through printValue.
  private func printList(
    _ value: FmtValue, _ elem: GoType, count: Int, isNil: Bool, _ verb: Int32, _ depth: Int,
    _ element: (Int) -> FmtValue
  ) throws {
    switch verb {
    case Verb.s, Verb.q, Verb.x, Verb.X:
      // Bytes (any type whose kind is uint8) with these verbs are a string.
      if case .int(8, false) = elem.kind {
        let bytes: [UInt8]
        if case .slice = value.type.kind {
          bytes = try sliceBytes(value).0
        } else {
          bytes = try vm.rawBytes(value.source, value.offset, count)
        }
        return try fmtBytes(value, bytes, isNil: isNil, verb, goTypeString(value.type))
      }
    default: break
    }
    if f.sharpV {
      writeString(goTypeString(value.type))
      if isNil {
        writeString("(nil)")
        return
      }
      writeByte(0x7B)
      for k in 0..<count {
        if k > 0 { writeString(", ") }
        try printValue(element(k), verb, depth + 1)
        flushIfFull()
      }
      writeByte(0x7D)
    } else {
      writeByte(0x5B)
      for k in 0..<count {
        if k > 0 { writeByte(0x20) }
        try printValue(element(k), verb, depth + 1)
        flushIfFull()
      }
      writeByte(0x5D)
    }
  }
}
