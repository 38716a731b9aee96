// Universe: what names mean before a program declares anything — Go's predeclared types,
// constants and builtins — and the packages gcsh knows (fmt, runtime, runtime/debug, time),
// member by member. A package or member gcsh does not have is named as such at compile time.

import GoHeap

/// What a name denotes.
enum Symbol {
  case variable(Variable)
  /// A constant; `untyped` for an untyped one (its type is then the default type).
  case constant(Constant, GoType, untyped: UntypedKind?)
  case type(GoType)
  case function(Function)
  /// A generic function or type (Checker+Generics.swift): usable only instantiated.
  case genericFunction(GenericFunction)
  case genericType(GenericType)
  /// A builtin function (len, make, append, ...).
  case builtin(String)
  /// An imported (or, in a .gcs script, implicitly available) package.
  case package(String)
  /// The predeclared nil.
  case nilValue
  /// A name whose declaration had an error. It is declared (so later uses do not report
  /// "undefined"), but a use abandons the statement without a message: the error was already
  /// reported where it was made, as go/types does with its invalid type.
  case poisoned
}

/// A block of declarations: the universe, the package (the script's top level), a function, a
/// block. Lookups walk outwards.
final class LexicalScope {
  let parent: LexicalScope?
  /// The function whose body this scope is in (nil for the universe and the package).
  let function: Function?
  var symbols: [String: Symbol] = [:]
  /// Variables declared directly in this scope, in order (for `roots`).
  var variables: [Variable] = []
  /// Names this scope hides from the ones around it: a Go file's scope hides the packages it
  /// does not import (which a script sees without an import).
  var hidden: Set<String> = []
  /// The package names found in this scope by a lookup: a Go file's imports that are used.
  var usedPackages: Set<String> = []

  init(parent: LexicalScope?, function: Function?) {
    self.parent = parent
    self.function = function
  }

  func lookup(_ name: String) -> Symbol? {
    var s: LexicalScope? = self
    while let scope = s {
      if let symbol = scope.symbols[name] {
        if case .package = symbol { scope.usedPackages.insert(name) }
        return symbol
      }
      if !scope.hidden.isEmpty && scope.hidden.contains(name) { return nil }
      s = scope.parent
    }
    return nil
  }

  /// The scope that declares `name`, if any.
  func owner(of name: String) -> LexicalScope? {
    var s: LexicalScope? = self
    while let scope = s {
      if scope.symbols[name] != nil { return scope }
      s = scope.parent
    }
    return nil
  }
}

enum Universe {
  /// Go's predeclared types gcsh has.
  static let types: [String: GoType] = [
    "bool": .bool, "int": .int, "int8": .int8, "int16": .int16, "int32": .int32, "int64": .int64,
    "uint": .uint, "uint8": .uint8, "uint16": .uint16, "uint32": .uint32, "uint64": .uint64,
    "uintptr": .uintptr, "float32": .float32, "float64": .float64, "string": .string,
    "byte": .uint8, "rune": .int32, "any": .any, "error": .error,
  ]

  /// Whether `t` is one of the predeclared basic types (not `any` or `error`).
  static func isPredeclaredType(_ t: GoType) -> Bool {
    t !== GoType.any && t !== GoType.error && types.values.contains { $0 === t }
  }

  /// Whether a name is predeclared: a type, a builtin function, true, false, nil, iota or the
  /// constraint comparable.
  static func isPredeclared(_ name: String) -> Bool {
    types[name] != nil || builtins.contains(name) || ["true", "false", "nil", "iota", "comparable"].contains(name)
  }

  /// Predeclared types gcsh does not have yet, with the construct they belong to.
  static let unsupportedTypes: [String: String] = [
    "complex64": "complex numbers",
    "complex128": "complex numbers",
  ]

  /// Builtin functions gcsh runs.
  static let builtins: Set<String> = [
    "len", "cap", "make", "new", "append", "copy", "panic", "min", "max", "clear", "print",
    "println", "delete", "close", "recover",
  ]

  /// Builtins gcsh does not have yet, with the construct they belong to.
  static let unsupportedBuiltins: [String: String] = [
    "complex": "complex numbers",
    "real": "complex numbers", "imag": "complex numbers",
  ]

  /// The scope every program starts in.
  static func scope() -> LexicalScope {
    let s = LexicalScope(parent: nil, function: nil)
    for (n, t) in types { s.symbols[n] = .type(t) }
    s.symbols["true"] = .constant(.bool(true), .bool, untyped: .bool)
    s.symbols["false"] = .constant(.bool(false), .bool, untyped: .bool)
    s.symbols["nil"] = .nilValue
    for b in builtins { s.symbols[b] = .builtin(b) }
    for p in Packages.known { s.symbols[p.key] = .package(p.key) }
    return s
  }
}

/// The standard-library packages gcsh knows, by the name a program uses (`debug` for
/// "runtime/debug").
enum Packages {
  /// Import path → package name, for the packages gcsh runs.
  static let known: [String: String] = [
    "fmt": "fmt", "runtime": "runtime", "debug": "runtime/debug", "time": "time", "os": "os",
    "strconv": "strconv", "strings": "strings", "sync": "sync", "errors": "errors", "sort": "sort",
    "metrics": "runtime/metrics", "math": "math", "bytes": "bytes", "atomic": "sync/atomic",
    "unsafe": "unsafe", "rand": "math/rand", "slices": "slices", "cmp": "cmp", "log": "log", "unicode": "unicode",
    "list": "container/list", "weak": "weak", "context": "context", "utf8": "unicode/utf8",
    "heap": "container/heap", "reflectlite": "internal/reflectlite", "maps": "maps", "iter": "iter",
    "io": "io", "bufio": "bufio",
  ]

  /// Packages younger than Go 1.0, by import path, with the feature that names their arrival.
  /// An import of one is refused in a profile whose Go lacks it (Go's `package weak is not in
  /// GOROOT`), and so is a script's use of it (scripts name packages without importing them).
  static let arrivals: [String: RuntimeFeature] = [
    "slices": .slicesPackage, "cmp": .cmpPackage, "weak": .weakPackage, "context": .contextPackage,
    "maps": .mapsPackage, "iter": .iterPackage, "runtime/metrics": .metrics,
  ]

  /// Whether an import path names a package gcsh has.
  static func isSupported(importPath: String) -> Bool {
    known.values.contains(importPath)
  }

  /// A package member as the checker sees it.
  enum Member {
    case function(Builtin)
    case constant(Constant, GoType)
    /// An untyped constant (math.Pi, math.MaxInt64).
    case untypedConstant(Constant, UntypedKind)
    /// A sync/atomic function and the integer type it works on (AddInt64: .atomicAdd, int64).
    case atomicFunction(Builtin, GoType)
    case type(GoType)
    /// A function of a library package compiled from source (Check/Libraries.swift). Only the
    /// checker that loaded it makes or reads one (Member is Sendable for the static tables of
    /// the builtin members).
    case libraryFunction(UncheckedFunction)
    /// A package-level variable of a library (`context.Canceled`).
    case libraryVariable(UncheckedVariable)
    /// A generic function or type of a library (`slices.Collect`, `iter.Seq`).
    case libraryGenericFunction(UncheckedGeneric<GenericFunction>)
    case libraryGenericType(UncheckedGeneric<GenericType>)
    /// A package variable the runtime provides (its value read by the builtin).
    case variable(Builtin, GoType)
    /// A member gcsh does not have yet: the construct, named.
    case unsupported(String)
    /// A member the profile's Go did not have yet (sync.Pool in go1.0).
    case missing(RuntimeFeature)
  }

  /// A member as the era `profile` has it (runtime.MemStats's fields differ by era).
  /// A name gcsh lacks is named as such only if the profile's Go has it (GoAPI): otherwise it
  /// is Go's `undefined: strings.CutPrefix` (Go 1.20's) in go1.19, or of a misspelt name.
  static func member(_ package: String, _ name: String, _ profile: RuntimeProfile) -> Member? {
    let m = modelledMember(package, name, profile)
    if case .unsupported? = m, let path = known[package], GoAPI.names[path] != nil,
      !GoAPI.has(path, name, in: profile.version)
    {
      return nil
    }
    return m
  }

  /// The member as gcsh models it, or names it unsupported.
  private static func modelledMember(_ package: String, _ name: String, _ profile: RuntimeProfile) -> Member? {
    switch (package, name) {
    case ("fmt", "Println"): return .function(.fmtPrintln)
    case ("fmt", "Print"): return .function(.fmtPrint)
    case ("fmt", "Printf"): return .function(.fmtPrintf)
    case ("fmt", "Sprint"): return .function(.fmtSprint)
    case ("fmt", "Sprintln"): return .function(.fmtSprintln)
    case ("fmt", "Sprintf"): return .function(.fmtSprintf)
    case ("fmt", "Fprintln"): return .function(.fmtFprintln)
    case ("fmt", "Fprint"): return .function(.fmtFprint)
    case ("fmt", "Fprintf"): return .function(.fmtFprintf)
    // Go 1.19 added the Appends (print.go).
    case ("fmt", "Append"), ("fmt", "Appendln"), ("fmt", "Appendf"):
      return profile.version >= GoVersion(1, 19) ? .function(Builtin(rawValue: "fmt." + name)!) : nil
    case ("os", "Exit"): return .function(.osExit)
    case ("os", "Getenv"): return .function(.osGetenv)
    case ("os", "Args"): return .variable(.osArgs, .slice(of: .string))
    // The write system call of os's File (Libraries+IO.swift), for its source alone.
    case ("os", "write"): return .function(.osWrite)
    case ("os", "writeString"): return .function(.osWriteString)
    case ("fmt", "Errorf"): return .function(.fmtErrorf)
    case ("fmt", "Stringer"): return .type(stringerType)
    case ("errors", "New"): return .function(.errorsNew)
    case ("errors", "Is"): return .function(.errorsIs)
    case ("errors", "As"): return .function(.errorsAs)
    case ("errors", "Unwrap"): return .function(.errorsUnwrap)
    // Go 1.20 added Join: Go 1.19's compiler says `undefined: errors.Join` (runs/errorsjoin).
    case ("errors", "Join"): return profile.version >= GoVersion(1, 20) ? .function(.errorsJoin) : nil
    case ("errors", _): return .unsupported("errors.\(name)")
    case ("time", "Sleep"): return .function(.timeSleep)
    case ("time", "Duration"): return .type(durationType)
    case ("time", "Nanosecond"): return .constant(.int(1), durationType)
    case ("time", "Microsecond"): return .constant(.int(1_000), durationType)
    case ("time", "Millisecond"): return .constant(.int(1_000_000), durationType)
    case ("time", "Second"): return .constant(.int(1_000_000_000), durationType)
    case ("time", "Minute"): return .constant(.int(60_000_000_000), durationType)
    case ("time", "Hour"): return .constant(.int(3_600_000_000_000), durationType)
    case ("time", "Now"): return .function(.timeNow)
    case ("time", "Since"): return .function(.timeSince)
    case ("time", "Time"): return .type(timeType)
    case ("time", "After"): return .function(.timeAfter)
    case ("time", "Tick"): return .function(.timeTick)
    case ("time", "NewTimer"): return .function(.timeNewTimer)
    case ("time", "NewTicker"): return .function(.timeNewTicker)
    case ("time", "Timer"): return .type(TimeTypes.timer(profile))
    case ("time", "Ticker"): return .type(TimeTypes.ticker(profile))
    case ("time", "Until"): return .function(.timeUntil)
    case ("time", "Date"): return .function(.timeDate)
    case ("time", "Unix"): return .function(.timeUnix)
    case ("time", "UnixMilli"): return .function(.timeUnixMilli)
    case ("time", "ParseDuration"): return .function(.timeParseDuration)
    case ("time", "Month"): return .type(monthType)
    case ("time", "Weekday"): return .type(weekdayType)
    case ("time", "Location"): return .type(locationType)
    case ("time", "UTC"): return .variable(.timeUTCLocation, .pointer(to: locationType))
    case ("time", "Local"): return .variable(.timeLocalLocation, .pointer(to: locationType))
    // The months, the weekdays and the layouts (time/format.go; DateTime, DateOnly and
    // TimeOnly arrived in Go 1.20).
    case ("time", _) where timeMonths.contains(name):
      return .constant(.int(Int128(timeMonths.firstIndex(of: name)! + 1)), monthType)
    case ("time", _) where timeWeekdays.contains(name):
      return .constant(.int(Int128(timeWeekdays.firstIndex(of: name)!)), weekdayType)
    case ("time", "DateTime"), ("time", "DateOnly"), ("time", "TimeOnly"):
      guard profile.version >= GoVersion(1, 20) else { return nil }  // Go 1.19's `undefined: time.DateTime`
      return .untypedConstant(.string(timeLayouts[name]!), .string)
    case ("time", _) where timeLayouts[name] != nil: return .untypedConstant(.string(timeLayouts[name]!), .string)
    case ("time", "AfterFunc"): return .function(.timeAfterFunc)
    case ("time", "Parse"), ("time", "ParseInLocation"), ("time", "LoadLocation"),
      ("time", "FixedZone"), ("time", "UnixMicro"), ("time", "ParseError"), ("time", "LoadLocationFromTZData"):
      return .unsupported("time.\(name)")
    case ("runtime", "GC"): return .function(.runtimeGC)
    case ("runtime", "KeepAlive"): return .function(.runtimeKeepAlive)
    case ("runtime", "MemStats"): return .type(profile.memStatsType)
    case ("runtime", "ReadMemStats"): return .function(.runtimeReadMemStats)
    case ("runtime", "NumGoroutine"): return .function(.runtimeNumGoroutine)
    case ("runtime", "NumCPU"): return .function(.runtimeNumCPU)
    case ("runtime", "GOMAXPROCS"): return .function(.runtimeGOMAXPROCS)
    case ("runtime", "Gosched"): return .function(.runtimeGosched)
    case ("runtime", "Version"): return .function(.runtimeVersion)
    case ("sync", "WaitGroup"): return .type(SyncTypes.waitGroup)
    case ("sync", "Mutex"): return .type(SyncTypes.mutex)
    case ("sync", "RWMutex"): return .type(SyncTypes.rwMutex)
    case ("sync", "Once"): return .type(SyncTypes.once)
    case ("sync", "Pool"): return profile.has(.syncPool) ? .type(SyncTypes.pool) : .missing(.syncPool)
    case ("sync", _): return .unsupported("sync.\(name)")
    case ("runtime", "SetFinalizer"): return .function(.runtimeSetFinalizer)
    // Go 1.24 added AddCleanup and its Cleanup (mcleanup.go); Go 1.19's compiler has neither.
    case ("runtime", "AddCleanup"): return profile.version >= GoVersion(1, 24) ? .function(.runtimeAddCleanup) : nil
    case ("runtime", "Cleanup"): return profile.version >= GoVersion(1, 24) ? .type(cleanupType) : nil
    case ("runtime", "Goexit"),
      ("runtime", "Caller"), ("runtime", "Stack"):
      return .unsupported("runtime.\(name)")
    case ("debug", "FreeOSMemory"): return .function(.debugFreeOSMemory)
    case ("debug", "SetGCPercent"): return .function(.debugSetGCPercent)
    case ("debug", "SetMemoryLimit"): return .function(.debugSetMemoryLimit)
    case ("debug", "ReadGCStats"): return .function(.debugReadGCStats)
    case ("debug", "GCStats"): return .type(gcStatsType)
    case ("debug", "PrintStack"), ("debug", "Stack"),
      ("debug", "SetMaxStack"), ("debug", "SetMaxThreads"), ("debug", "WriteHeapDump"):
      return .unsupported("debug.\(name)")
    case ("strconv", "Itoa"): return .function(.strconvItoa)
    case ("strconv", "Atoi"): return .function(.strconvAtoi)
    case ("strconv", "NumError"): return .type(numErrorType)
    case ("strconv", "FormatInt"): return .function(.strconvFormatInt)
    case ("strconv", "FormatUint"): return .function(.strconvFormatUint)
    case ("strconv", "ErrSyntax"): return .variable(.strconvErrSyntax, .error)
    case ("strconv", "ErrRange"): return .variable(.strconvErrRange, .error)
    case ("strconv", _) where Builtin(rawValue: "strconv.\(name)")?.stringsSignature != nil:
      return .function(Builtin(rawValue: "strconv.\(name)")!)
    case ("strings", "Repeat"): return .function(.stringsRepeat)
    case ("strings", "Count"): return .function(.stringsCount)
    case ("strings", "Builder"): return .type(stringsBuilderType)
    case ("strings", "Clone"): return profile.has(.stringsClone) ? .function(.stringsClone) : .missing(.stringsClone)
    case ("bytes", "Clone"): return profile.has(.bytesClone) ? .function(.bytesClone) : .missing(.bytesClone)
    case ("strings", _) where Builtin(rawValue: "strings.\(name)")?.stringsSignature != nil:
      return .function(Builtin(rawValue: "strings.\(name)")!)
    // The rest of strconv and strings exist in Go: named, not "undefined".
    case ("sort", "Ints"): return .function(.sortInts)
    case ("sort", "Strings"): return .function(.sortStrings)
    case ("sort", "Float64s"): return .function(.sortFloat64s)
    case ("sort", "IntsAreSorted"): return .function(.sortIntsAreSorted)
    case ("sort", "StringsAreSorted"): return .function(.sortStringsAreSorted)
    case ("sort", "Float64sAreSorted"): return .function(.sortFloat64sAreSorted)
    case ("sort", "Slice"): return .function(.sortSlice)
    case ("sort", "SliceStable"): return .function(.sortSliceStable)
    case ("sort", "SliceIsSorted"): return .function(.sortSliceIsSorted)
    case ("sort", "Interface"): return .type(sortInterfaceType)
    case ("sort", "Sort"): return .function(.sortSort)
    case ("sort", "Stable"): return .function(.sortStable)
    case ("sort", "IsSorted"): return .function(.sortIsSorted)
    case ("sort", "Search"): return .function(.sortSearch)
    case ("sort", "SearchInts"): return .function(.sortSearchInts)
    case ("sort", "SearchStrings"): return .function(.sortSearchStrings)
    case ("sort", "SearchFloat64s"): return .function(.sortSearchFloat64s)
    case ("strconv", _), ("strings", _), ("sort", _): return .unsupported("\(package).\(name)")
    case ("metrics", _): return MetricsTypes.member(name, profile)
    case ("math", _): return MathPackage.member(name)
    case ("log", _): return LogPackage.member(name, profile)
    case ("unicode", _): return UnicodePackage.member(name)
    case ("atomic", _): return AtomicPackage.member(name, profile)
    case ("bytes", "Buffer"): return .type(bytesBufferType)
    case ("bytes", "NewBuffer"): return .function(.bytesNewBuffer)
    case ("bytes", "NewBufferString"): return .function(.bytesNewBufferString)
    case ("bytes", _): return .unsupported("bytes.\(name)")
    // io's and bufio's writers are libraries (Libraries+IO.swift); their readers are not.
    case ("io", _), ("bufio", _): return .unsupported("\(package).\(name)")
    // unsafe's functions are the checker's at the call (Checker+Unsafe.swift); Pointer is a
    // type.
    case ("unsafe", "Pointer"): return .type(unsafePointerType)
    case ("unsafe", _): return .unsupported("unsafe.\(name)")
    case ("rand", _): return RandPackage.member(name)
    case ("weak", _): return WeakPackage.member(name)
    case ("reflectlite", _): return ReflectlitePackage.member(name)
    case ("slices", _), ("cmp", _):
      if let b = Builtin.slicesMember(package, name) { return .function(b) }
      // cmp.Ordered, a constraint (Checker+Generics.swift); the rest of slices (iterators,
      // BinarySearchFunc, Chunk, Repeat, ...) is named.
      if package == "cmp", name == "Ordered" { return .type(cmpOrderedType) }
      return .unsupported("\(package).\(name)")
    default: return nil
    }
  }
}

/// time's Month and Weekday constants, in order.
private let timeMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
private let timeWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
/// time's layout constants (format.go).
private let timeLayouts: [String: String] = [
  "Layout": "01/02 03:04:05PM '06 -0700",
  "ANSIC": "Mon Jan _2 15:04:05 2006",
  "UnixDate": "Mon Jan _2 15:04:05 MST 2006",
  "RubyDate": "Mon Jan 02 15:04:05 -0700 2006",
  "RFC822": "02 Jan 06 15:04 MST",
  "RFC822Z": "02 Jan 06 15:04 -0700",
  "RFC850": "Monday, 02-Jan-06 15:04:05 MST",
  "RFC1123": "Mon, 02 Jan 2006 15:04:05 MST",
  "RFC1123Z": "Mon, 02 Jan 2006 15:04:05 -0700",
  "RFC3339": "2006-01-02T15:04:05Z07:00",
  "RFC3339Nano": "2006-01-02T15:04:05.999999999Z07:00",
  "Kitchen": "3:04PM",
  "Stamp": "Jan _2 15:04:05",
  "StampMilli": "Jan _2 15:04:05.000",
  "StampMicro": "Jan _2 15:04:05.000000",
  "StampNano": "Jan _2 15:04:05.000000000",
  "DateTime": "2006-01-02 15:04:05", "DateOnly": "2006-01-02", "TimeOnly": "15:04:05",
]

/// A checked function held by a Packages.Member (see `libraryFunction`).
struct UncheckedFunction: @unchecked Sendable {
  let function: Function
}

/// A library's generic held by a Packages.Member (see `libraryGenericFunction`).
struct UncheckedGeneric<T>: @unchecked Sendable {
  let generic: T
}

/// A library's variable held by a Packages.Member (see `libraryVariable`).
struct UncheckedVariable: @unchecked Sendable {
  let variable: Variable
}

/// runtime.Cleanup (mcleanup.go): the cleanup's id and the object's address, as a uintptr
/// (the handle does not keep the object alive).
let cleanupType = GoType.structure([("id", .uint64), ("ptr", .uintptr)], name: "runtime.Cleanup")
