// The log package: its functions (the standard logger's), log.New and *Logger's methods, typed
// as Go declares them (log/log.go). Each call is a builtin whose first operand is the logger —
// the constant 0 for the standard one, else the *Logger — then what the Go function takes; the
// printing ones format their operands exactly as fmt.Print, Printf and Println do (the same
// conversions to `any`, which escape as fmt's do). Run/VM+Log.swift runs them.

import GoHeap

enum LogPackage {
  /// log.Logger as each era lays it out, in words the collector scans as Go's would:
  ///   Go 1.21+  outMu sync.Mutex, out io.Writer, prefix atomic.Pointer[string],
  ///             flag atomic.Int32, isDiscard atomic.Bool (40 bytes: class 48).
  ///   Go 1.19   mu sync.Mutex, prefix string, flag int, out io.Writer, buf []byte,
  ///             isDiscard int32 (80 bytes).
  /// gcsh's io.Writer here is a kind word (1 os.Stdout, 2 os.Stderr, 3 a *bytes.Buffer, 4 a
  /// *strings.Builder, 5 a nil io.Writer, else another io.Writer's itab) and the pointer (the interface's data
  /// word).
  static func logger(_ p: RuntimeProfile) -> GoType { p.version >= GoVersion(1, 21) ? logger121 : logger119 }

  private static let word = GoType.pointer(to: .uint8)
  private static let logger121 = GoType.structure(
    [("outMu", .uint64), ("outKind", .uintptr), ("out", word), ("prefix", .pointer(to: .string)), ("flag", .uint64)],
    name: "log.Logger")
  private static let logger119 = GoType.structure(
    [("mu", .uint64), ("prefix", .string), ("flag", .int), ("outKind", .uintptr), ("out", word),
     ("buf", .slice(of: .uint8)), ("isDiscard", .uint64)],
    name: "log.Logger")

  static func isLogger(_ t: GoType) -> Bool { t === logger121 || t === logger119 }

  /// Field offsets, per era.
  struct Layout {
    let prefix: Int, flag: Int, outKind: Int, out: Int
    /// Go 1.19's per-logger buffer.
    let buf: Int?
  }
  static func layout(_ p: RuntimeProfile) -> Layout {
    p.version >= GoVersion(1, 21)
      ? Layout(prefix: 24, flag: 32, outKind: 8, out: 16, buf: nil)
      : Layout(prefix: 8, flag: 24, outKind: 32, out: 40, buf: 48)
  }

  /// What a one-line wrapper of each costs in Go 1.27.3 and 1.19.8, with one string operand
  /// (two for the f functions; an int for SetFlags; a prefix and a flag for New; none for the
  /// accessors; the receiver too for the methods): Tests/Recordings/runs/logpkg/go*.inl.txt.
  static let wrapperCosts: [String: [Int]] = [
    "log.Print": [83, 61], "log.Printf": [84, 62], "log.Println": [83, 61],
    "log.Fatal": [63, 61], "log.Fatalf": [64, 62], "log.Fatalln": [63, 61],
    "log.Panic": [63, 61], "log.Panicf": [64, 62], "log.Panicln": [63, 61],
    "log.SetFlags": [16, 64], "log.SetPrefix": [75, 64], "log.Flags": [16, 64], "log.Prefix": [29, 64],
    "log.SetOutput": [64, 65], "log.New": [64, 29], "log.Default": [5, 5],
    "log.(*Logger).Print": [83, 62], "log.(*Logger).Printf": [84, 63], "log.(*Logger).Println": [83, 62],
    "log.(*Logger).Fatal": [63, 62], "log.(*Logger).Fatalf": [64, 63], "log.(*Logger).Fatalln": [63, 62],
    "log.(*Logger).Panic": [63, 62], "log.(*Logger).Panicf": [64, 63], "log.(*Logger).Panicln": [63, 62],
    "log.(*Logger).SetFlags": [13, 61], "log.(*Logger).SetPrefix": [72, 61], "log.(*Logger).Flags": [13, 61],
    "log.(*Logger).Prefix": [26, 61], "log.(*Logger).SetOutput": [61, 62],
  ]

  /// The flags (log.go): Ldate 1, Ltime 2, Lmicroseconds 4, Llongfile 8, Lshortfile 16, LUTC 32,
  /// Lmsgprefix 64, LstdFlags 3.
  static let flags: [String: Int] = [
    "Ldate": 1, "Ltime": 2, "Lmicroseconds": 4, "Llongfile": 8, "Lshortfile": 16, "LUTC": 32, "Lmsgprefix": 64,
    "LstdFlags": 3,
  ]

  static func member(_ name: String, _ profile: RuntimeProfile) -> Packages.Member? {
    if let v = flags[name] {
      // Lmsgprefix arrived in Go 1.14: every profile but go1.0's has it.
      return .untypedConstant(.int(Int128(v)), .int)
    }
    if name == "Logger" { return .type(logger(profile)) }
    if let b = Builtin(rawValue: "log." + name), b.logOperation != nil, !b.logOperation!.method { return .function(b) }
    if ["Writer", "Output"].contains(name) { return .unsupported("log.\(name)") }
    return nil
  }

  /// *Logger's method `name`, as a builtin.
  static func method(_ name: String) -> Builtin? {
    guard let b = Builtin(rawValue: "log.(*Logger)." + name), b.logOperation?.method == true else { return nil }
    return b
  }
}

/// What a log builtin does.
struct LogOperation {
  enum Kind { case print, printf, println, setFlags, setPrefix, flags, prefix, setOutput, new, defaultLogger }
  /// After printing: nothing, os.Exit(1) (Fatal), or panic(s) (Panic).
  enum Ending { case none, fatal, panic }
  let kind: Kind
  let ending: Ending
  /// A method of *Logger (its receiver the first operand).
  let method: Bool
  var prints: Bool { kind == .print || kind == .printf || kind == .println }
  /// The nodes of the recorded one-line wrapper besides the call itself: its operands, and
  /// the return of one with a result (LogPackage.wrapperCosts).
  var wrapperOperands: Int {
    let own: Int = switch kind {
    case .printf, .new: kind == .new ? 3 : 2
    case .print, .println, .setFlags, .setPrefix, .setOutput: 1
    case .flags, .prefix, .defaultLogger: 0
    }
    // (A wrapper that returns the result has its return's node too.)
    let returns = kind == .flags || kind == .prefix || kind == .defaultLogger || kind == .new
    return own + (method ? 1 : 0) + (returns ? 1 : 0)
  }
}

extension Builtin {
  /// What a log builtin does; nil for any other builtin. A table made once: the VM asks on
  /// every builtin call whether it formats its operands (BuiltinDesc.formatsOperands).
  var logOperation: LogOperation? { LogOperation.table[self] }
}

extension LogOperation {
  /// Every log function and *Logger method, by builtin: its kind and ending read off its name
  /// (`log.Fatalf` prints as Printf, then exits).
  fileprivate static let table: [Builtin: LogOperation] = {
    let kinds: [(String, Kind)] = [
      ("Print", .print), ("Printf", .printf), ("Println", .println), ("SetFlags", .setFlags),
      ("SetPrefix", .setPrefix), ("Flags", .flags), ("Prefix", .prefix), ("SetOutput", .setOutput),
      ("New", .new), ("Default", .defaultLogger),
    ]
    var table: [Builtin: LogOperation] = [:]
    for (prefix, method) in [("log.", false), ("log.(*Logger).", true)] {
      for (verb, kind) in kinds {
        let endings: [(String, Ending)] =
          kind == .print || kind == .printf || kind == .println
          ? [(verb, .none), ("Fatal" + verb.dropFirst(5), .fatal), ("Panic" + verb.dropFirst(5), .panic)]
          : [(verb, .none)]
        for (name, ending) in endings {
          if let b = Builtin(rawValue: prefix + name) { table[b] = LogOperation(kind: kind, ending: ending, method: method) }
        }
      }
    }
    return table
  }()
}

extension Checker {
  /// A log function (`logger` nil: the standard logger) or *Logger method call (`logger` the
  /// receiver).
  func logCall(
    _ b: Builtin, logger: TypedExpr?, _ args: [Expr], spread: Bool, _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand {
    guard let op = b.logOperation else { throw CheckFailure() }
    let receiver = logger ?? TypedExpr(.constant(.int(0)), .int, span)
    let name = logger == nil ? b.rawValue : text(callee)
    let loggerPointer = GoType.pointer(to: LogPackage.logger(profile))
    func call(_ operands: [TypedExpr], _ result: GoType) -> Operand {
      var o = value(TypedExpr(.builtin(b, [receiver] + operands, spread: false), result, span))
      o.isCallResult = true
      return o
    }
    switch op.kind {
    case .print, .printf, .println:
      // Formatted as fmt's own call would be (its operands' conversions and any spilled
      // results), with the logger first.
      let printed: Builtin = op.kind == .printf ? .fmtPrintf : op.kind == .println ? .fmtPrintln : .fmtPrint
      let formatted = try builtinCall(printed, args, spread: spread, scope, span)
      func withLogger(_ e: TypedExpr) -> TypedExpr {
        switch e.kind {
        case .builtin(_, let typed, let spread):
          return TypedExpr(.builtin(b, [receiver] + typed, spread: spread), noValueType, span)
        case .initialized(let stmts, let inner): return TypedExpr(.initialized(stmts, withLogger(inner)), noValueType, span)
        default: return e
        }
      }
      var o = value(withLogger(formatted))
      o.isCallResult = true
      return o
    case .setFlags:
      try arity(name, args, want: ["int"], scope, span)
      return call([try assign(try expression(args[0], scope), to: .int, "argument to \(name)")], noValueType)
    case .setPrefix:
      try arity(name, args, want: ["string"], scope, span)
      return call([try assign(try expression(args[0], scope), to: .string, "argument to \(name)")], noValueType)
    case .flags:
      try arity(name, args, want: [], scope, span)
      return call([], .int)
    case .prefix:
      try arity(name, args, want: [], scope, span)
      return call([], .string)
    case .setOutput:
      try arity(name, args, want: ["io.Writer"], scope, span)
      return call([try writerOperand(args[0], scope, name, anyWriter: true)], noValueType)
    case .defaultLogger:
      try arity(name, args, want: [], scope, span)
      return call([], loggerPointer)
    case .new:
      try arity(name, args, want: ["io.Writer", "string", "int"], scope, span)
      let w = try writerOperand(args[0], scope, name, anyWriter: true)
      let prefix = try assign(try expression(args[1], scope), to: .string, "argument to log.New")
      let flag = try assign(try expression(args[2], scope), to: .int, "argument to log.New")
      return call([w, prefix, flag], loggerPointer)
    }
  }

  /// `l.Println(...)` and the other methods of a *log.Logger (nil when x is none).
  func loggerMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], spread: Bool, _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    guard x.untyped == nil else { return nil }
    let base = x.type.pointee ?? x.type
    guard LogPackage.isLogger(base) else { return nil }
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    guard let b = LogPackage.method(name) else {
      if ["Writer", "Output"].contains(name) { throw fail(.notSupported("log.(*Logger).\(name)", plural: false), at: at) }
      throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
    }
    let receiver = x.type === base ? try pointerReceiver(x, method: name, on: "log.Logger", pointee: base, at: at) : x.expr
    return try logCall(b, logger: receiver, args, spread: spread, scope, callee: callee, span)
  }
}
