// Which package functions Go's inliner inlines into their callers, and what it inlines into them
// in turn: -m's `inlining call to fmt.Println` lines for the standard library gcsh runs in its
// own runtime. Their bodies are Go's (gcsh runs them natively), so only the lines are made, at
// the call's `(` — and, in an inlined body, at the outermost call's, as Go reports them.
//
// Recorded with -gcflags=-m and -m=2 from Go 1.27.3 and Go 1.19.8 (one call of each function
// gcsh provides; Tests/Recordings/escape/corpus/escape_stdlib.go): Print, Println and Printf
// are inlined in both (Sprint*, Fprint* are not), errors.New and Unwrap in both (runs/errorswrap),
// Errorf only in Go 1.27
// (with the errors.New inside it); strconv.Itoa in both (Go 1.27's calls internal/strconv's,
// also named `strconv.Itoa`), FormatInt in Go 1.27; sort.Ints, Strings and Float64s in Go 1.19
// (Go 1.22+'s slices.Sort is generic and not inlined); strings.Builder's small methods, whose
// copyCheck hides the receiver with noescape; runtime.NumGoroutine (gcount inside, and Go 1.27's
// atomic load in it), NumCPU, Gosched (checkTimeouts); debug's SetGCPercent, SetMemoryLimit and
// FreeOSMemory; time.After and time.Tick, Timer.Stop and Ticker.Stop, time.Duration's methods
// but Round (String only in Go 1.27: runs/timers); sync's WaitGroup.Done and Mutex Lock, Unlock and
// TryLock (Go 1.27's sync wraps internal/sync's, whose methods have the same names).

import GoHeap

/// One call the inliner inlines: the callee as -m names it, and the calls inlined into its body.
struct PackageInline: Sendable {
  let name: String
  var calls: [PackageInline] = []
  init(_ name: String, _ calls: [PackageInline] = []) {
    self.name = name
    self.calls = calls
  }
}

extension Builtin {
  /// What Go's inliner (`go127`: Go 1.20+'s, `false`: Go 1.19's) does with a call of this
  /// package function: nil when it is an ordinary call.
  func packageInlining(go127: Bool) -> PackageInline? {
    let noescape = PackageInline(go127 ? "abi.NoEscape" : "strings.noescape")
    let copyCheck = PackageInline("strings.(*Builder).copyCheck", [noescape])
    switch self {
    case .fmtPrint, .fmtPrintln, .fmtPrintf, .errorsNew, .errorsUnwrap, .errorsJoin, .runtimeNumCPU, .debugSetGCPercent,
      .debugSetMemoryLimit, .debugFreeOSMemory, .timeAfter, .timeTick, .syncWaitGroupDone,
      .builderLen, .builderCap, .builderString, .builderReset:
      return PackageInline(qualifiedName)
    case .timerStop, .tickerStop, .durationSeconds, .durationMinutes, .durationHours, .durationMilliseconds,
      .durationMicroseconds, .durationNanoseconds, .durationTruncate, .durationAbs:
      return PackageInline(rawValue)
    case .durationString: return go127 ? PackageInline(rawValue) : nil
    // runtime.Version, and bytes.NewBuffer and NewBufferString (Tests/Recordings/runs/bytesbuffer).
    case .runtimeVersion, .bytesNewBuffer, .bytesNewBufferString: return PackageInline(rawValue)
    // weak.Pointer's Value, named with its shape (`weak.Pointer[go.shape.int].Value`);
    // Make's shape instance calls the runtime and is not inlined (runs/weakpointer).
    case .weakValue: return PackageInline("weak.Pointer[T].Value")
    // atomic.Value's Load (its result is named: `atomic.val`); the writes loop and are calls.
    case .atomicValueLoad: return PackageInline(qualifiedForCompiler(rawValue, go127: go127))
    // atomic.Pointer[T]'s methods, named with T's shape (`atomic.(*Pointer[go.shape.int]).Load`);
    // Go 1.19 inlines no generic method: each is a call with its dictionary (genericCallText).
    case .atomicPointerLoad, .atomicPointerStore, .atomicPointerSwap, .atomicPointerCompareAndSwap:
      return go127 ? PackageInline(rawValue) : nil
    // strings.Clone is internal/stringslite's from Go 1.23, strings.Compare bytealg's
    // CompareString from Go 1.23 (runs/stringsclone, runs/slicesfuncs); bytes.Clone.
    case .stringsClone: return PackageInline(rawValue, go127 ? [PackageInline("stringslite.Clone")] : [])
    case .stringsCompare: return PackageInline(rawValue, go127 ? [PackageInline("bytealg.CompareString")] : [])
    case .bytesClone: return PackageInline(rawValue)
    // sort's searches, inlined from Go 1.20 with the function literal each passes to Search.
    case .sortSearch: return go127 ? PackageInline(rawValue) : nil
    case .sortSearchInts, .sortSearchStrings, .sortSearchFloat64s:
      return go127 ? PackageInline(rawValue, [PackageInline("sort.Search"), PackageInline(rawValue + ".func1")]) : nil
    // sync/atomic: the methods are inlined; the functions are intrinsics.
    case _ where atomicOperation != nil: return atomicOperation!.method ? PackageInline(rawValue) : nil
    // runtime/metrics (Tests/Recordings/runs/metricsread): Float64's math.Float64frombits too.
    case .metricsRead, .metricsAll, .metricsValueKind, .metricsValueUint64, .metricsValueFloat64Histogram:
      return PackageInline(rawValue)
    case .metricsValueFloat64: return PackageInline(rawValue, [PackageInline("math.Float64frombits")])
    // bytes.Buffer (runs/bytesbuffer): the small methods; the writes are calls.
    case .bufferLen, .bufferCap, .bufferBytes, .bufferReset, .bufferGrow, .bufferString: return PackageInline(rawValue)
    case .bufferTruncate:
      return PackageInline(rawValue, [PackageInline("bytes.(*Buffer).Reset"), PackageInline("bytes.(*Buffer).Len")])
    // math (Tests/Recordings/mathinline): what each inlines in turn; the intrinsics (Floor, Ceil,
    // Trunc, RoundToEven, and Sqrt in Go 1.19) are no calls.
    case .mathFloor, .mathCeil, .mathTrunc, .mathRoundToEven: return nil
    case .mathSqrt: return go127 ? PackageInline(rawValue) : nil
    case .mathAbs, .mathRound:
      return PackageInline(rawValue, [PackageInline("math.Float64bits"), PackageInline("math.Float64frombits")])
    case .mathInf, .mathNaN: return PackageInline(rawValue, [PackageInline("math.Float64frombits")])
    case .mathSignbit: return PackageInline(rawValue, [PackageInline("math.Float64bits")])
    case .mathCopysign:
      let bits = PackageInline("math.Float64bits")
      return PackageInline(rawValue, [bits, bits, PackageInline("math.Float64frombits")])
    case .mathIsInf:
      let abs = PackageInline("math.Abs", [PackageInline("math.Float64bits"), PackageInline("math.Float64frombits")])
      return PackageInline(rawValue, go127 ? [abs] : [])
    case .mathModf:
      let bits = PackageInline("math.Float64bits")
      let copysign = PackageInline("math.Copysign", [bits, bits, PackageInline("math.Float64frombits")])
      return PackageInline(rawValue, go127 ? [copysign] : [])
    case .mathLog10: return PackageInline(rawValue, [PackageInline("math.log10", [PackageInline("math.Log")])])
    case .mathAcos: return PackageInline(rawValue, [PackageInline("math.acos", [PackageInline("math.Asin")])])
    case .mathSin, .mathCos, .mathTan, .mathAsin, .mathAtan, .mathAtan2: return PackageInline(rawValue)
    case .mathPow, .mathMax, .mathMin, .mathMod, .mathHypot, .mathLog, .mathLog2, .mathExp, .mathCbrt, .mathIsNaN,
      .mathFloat64bits, .mathFloat64frombits, .mathFloat32bits, .mathFloat32frombits, .mathFrexp, .mathLdexp:
      return PackageInline(rawValue)
    case .fmtErrorf: return go127 ? PackageInline("fmt.Errorf", [PackageInline("errors.New")]) : nil
    case .strconvItoa: return PackageInline("strconv.Itoa", go127 ? [PackageInline("strconv.Itoa")] : [])
    case .strconvFormatInt, .strconvFormatUint: return go127 ? PackageInline(rawValue) : nil
    case .sortInts, .sortStrings, .sortFloat64s: return go127 ? nil : PackageInline(rawValue)
    // Go 1.22+: `return slices.IsSorted(x)`, inlined with cmp.Less and its isNaNs; Go 1.19:
    // `return IsSorted(IntSlice(x))` (runs/sortedchecks).
    case .sortIntsAreSorted, .sortStringsAreSorted, .sortFloat64sAreSorted:
      guard go127 else { return PackageInline(rawValue) }
      let isNaN = PackageInline("cmp.isNaN[E]")
      return PackageInline(rawValue, [PackageInline("slices.IsSorted[S,E]", [PackageInline("cmp.Less[E]", [isNaN, isNaN])])])
    // strconv (runs/strconvparse): FormatFloat from Go 1.20; FormatBool, whose Go 1.27 version
    // wraps internal/strconv's of the same name; Quote with quoteWith; Go 1.19's ParseBool
    // with its syntaxError.
    case .strconvFormatFloat: return go127 ? PackageInline(rawValue) : nil
    case .strconvFormatBool: return PackageInline(rawValue, go127 ? [PackageInline(rawValue)] : [])
    // The Appends (runs/strconvappend/inline): Go 1.27 inlines them all (AppendBool with the
    // internal/strconv function it wraps); Go 1.19 AppendBool, AppendQuote and AppendFloat.
    case .strconvAppendBool: return PackageInline(rawValue, go127 ? [PackageInline(rawValue)] : [])
    case .strconvAppendQuote, .strconvAppendFloat: return PackageInline(rawValue)
    case .strconvAppendInt, .strconvAppendUint: return go127 ? PackageInline(rawValue) : nil
    case .strconvQuote, .strconvQuoteToASCII: return PackageInline(rawValue, [PackageInline("strconv.quoteWith")])
    case .strconvParseBool: return go127 ? nil : PackageInline(rawValue, [PackageInline("strconv.syntaxError")])
    // math/rand (runs/mathrand/inline): New, NewSource (with Go 1.27's newSource in it), Int63
    // and the methods made of it; Go 1.19's package functions that are small enough.
    case .randNew, .randMethodInt63: return PackageInline(rawValue)
    case .randNewSource: return PackageInline(rawValue, go127 ? [PackageInline("rand.newSource")] : [])
    case .randMethodInt, .randMethodInt31, .randMethodUint32, .randMethodFloat64:
      return PackageInline(rawValue, [PackageInline("rand.(*Rand).Int63")])
    case .randIntn, .randPerm, .randSeed, .randInt31n, .randInt63n, .randFloat32, .randUint64, .randShuffle:
      return go127 ? nil : PackageInline(rawValue)
    case .randInt63: return go127 ? nil : PackageInline(rawValue, [PackageInline("rand.(*Rand).Int63")])
    case .randUint32, .randInt31:
      let method = "rand.(*Rand)." + rawValue.dropFirst(5)
      return go127 ? nil : PackageInline(rawValue, [PackageInline(method, [PackageInline("rand.(*Rand).Int63")])])
    case .runtimeNumGoroutine:
      let gcount = PackageInline("runtime.gcount", go127 ? [PackageInline("atomic.(*Int32).Load")] : [])
      return PackageInline("runtime.NumGoroutine", [gcount])
    case .runtimeGosched: return PackageInline("runtime.Gosched", [PackageInline("runtime.checkTimeouts")])
    case .builderWriteString, .builderWriteByte: return PackageInline(qualifiedName, [copyCheck])
    case .builderGrow:
      return go127 ? nil : PackageInline(qualifiedName, [copyCheck, PackageInline("strings.(*Builder).grow")])
    case .syncRWMutexRLock, .syncRWMutexRUnlock:
      return PackageInline(rawValue, go127 ? [PackageInline("atomic.(*Int32).Add")] : [])
    // Go 1.27's Once keeps done in an atomic.Bool; TryRLock loads and compares-and-swaps.
    case .syncOnceDo: return PackageInline(rawValue, go127 ? [PackageInline("atomic.(*Bool).Load")] : [])
    case .syncRWMutexTryRLock:
      let atomics = ["atomic.(*Int32).Load", "atomic.(*Int32).CompareAndSwap"].map { PackageInline($0) }
      return PackageInline(rawValue, go127 ? atomics : [])
    case .syncMutexLock, .syncMutexUnlock, .syncMutexTryLock:
      return PackageInline(rawValue, go127 ? [PackageInline(rawValue)] : [])
    // strings (Tests/Recordings/runs/stringsfuncs): Go 1.27's wrap internal/stringslite's.
    case .stringsSplit, .stringsReplaceAll, .stringsContainsRune, .stringsSplitN, .stringsContainsAny:
      return PackageInline(rawValue)
    case .stringsCut: return go127 ? PackageInline(rawValue) : nil
    // runs/stringsfuncpreds: IndexFunc and TrimLeftFunc with indexFunc from Go 1.20 (and the
    // predicate itself when it is a package function Go inlines: Inliner.packageInlined);
    // LastIndexFunc in both, lastIndexFunc in neither.
    case .stringsIndexFunc, .stringsTrimLeftFunc: return go127 ? PackageInline(rawValue, [PackageInline("strings.indexFunc")]) : nil
    case .stringsLastIndexFunc: return PackageInline(rawValue)
    case .stringsLastIndexByte: return PackageInline(rawValue, go127 ? [PackageInline("bytealg.LastIndexByteString")] : [])
    case .stringsIndex: return go127 ? PackageInline(rawValue) : nil
    case .stringsContains: return PackageInline(rawValue, go127 ? [PackageInline("strings.Index")] : [])
    case .stringsHasPrefix, .stringsHasSuffix, .stringsIndexByte:
      return PackageInline(rawValue, go127 ? [PackageInline("stringslite." + rawValue.dropFirst(8))] : [])
    case .stringsTrimPrefix, .stringsTrimSuffix:
      let test = self == .stringsTrimPrefix ? "HasPrefix" : "HasSuffix"
      return PackageInline(
        rawValue,
        go127
          ? [PackageInline("stringslite." + rawValue.dropFirst(8), [PackageInline("stringslite." + test)])]
          : [PackageInline("strings." + test)])
    // time (Tests/Recordings/runs/timeapi: -m of main.go and of inline/main.go's wrappers). The
    // calls each inlined body makes are listed in the order -m prints them: Go 1.27 prints a
    // body's own calls before theirs (unixSec, nsec, then unixSec's sec), Go 1.19 depth first.
    case .timeUnixMethod: return PackageInline(rawValue, [PackageInline("time.(*Time).unixSec", [PackageInline("time.(*Time).sec")])])
    case .timeUnixNano, .timeUnixMilliMethod, .timeUnixMicro:
      let names = go127 ? ["unixSec", "nsec", "sec"] : ["unixSec", "sec", "nsec"]
      return PackageInline(rawValue, names.map { PackageInline("time.(*Time).\($0)") })
    case .timeIsZero: return PackageInline(rawValue, go127 ? [] : [PackageInline("time.(*Time).sec"), PackageInline("time.(*Time).nsec")])
    case .timeHour, .timeMinute, .timeSecond: return PackageInline(rawValue)
    case .timeYear, .timeMonth, .timeDay, .timeYearDay: return go127 ? nil : PackageInline(rawValue)
    case .timeNanosecond: return PackageInline(rawValue, [PackageInline("time.(*Time).nsec")])
    case .timeWeekday:
      let calls = go127 ? ["time.absSeconds.days", "time.absDays.weekday"] : ["time.absWeekday"]
      return PackageInline(rawValue, calls.map { PackageInline($0) })
    case .timeUTC, .timeLocal:
      return PackageInline(rawValue, ["setLoc", "stripMono", "sec"].map { PackageInline("time.(*Time).\($0)") })
    case .timeUnix: return PackageInline(rawValue, [PackageInline("time.unixTime")])
    case .timeUnixMilli: return PackageInline(rawValue, [PackageInline("time.Unix"), PackageInline("time.unixTime")])
    case .monthString, .weekdayString: return PackageInline(rawValue, [PackageInline("time.fmtInt")])
    case _ where UnicodePackage.inlined.contains(self): return PackageInline(rawValue)
    // log (Tests/Recordings/runs/logpkg): Go 1.21+ inlines the prints and the accessors, with
    // the atomics they use; Go 1.19 the package's accessors, SetOutput and New.
    case _ where logOperation != nil:
      let op = logOperation!
      if !go127 {
        let inlined: Set<LogOperation.Kind> = [.setFlags, .setPrefix, .flags, .prefix, .setOutput, .new, .defaultLogger]
        return !op.method && inlined.contains(op.kind) ? PackageInline(rawValue) : nil
      }
      if op.ending != .none || op.kind == .new { return nil }
      let atomic: PackageInline? = switch op.kind {
      case .setFlags: PackageInline("atomic.(*Int32).Store")
      case .flags: PackageInline("atomic.(*Int32).Load")
      case .setPrefix: PackageInline("atomic.(*Pointer[go.shape.string]).Store")
      case .prefix: PackageInline("atomic.(*Pointer[go.shape.string]).Load")
      default: nil
      }
      if op.method || op.prints || op.kind == .setOutput || op.kind == .defaultLogger {
        if op.method && op.kind == .setOutput { return nil }
        return PackageInline(rawValue, atomic.map { [$0] } ?? [])
      }
      // The package's accessors call the standard logger's method, inlined too.
      let method = "log.(*Logger)." + rawValue.dropFirst(4)
      return PackageInline(rawValue, [PackageInline(method, atomic.map { [$0] } ?? [])])
    default: return nil
    }
  }

  /// The package function given as a value to a call whose inlined body calls it, which Go
  /// inlines there too (ir.StaticValue of the inlined parameter): from Go 1.20 IndexFunc and
  /// TrimLeftFunc are inlined with indexFunc, and `strings.IndexFunc(s, unicode.IsDigit)`
  /// inlines unicode.IsDigit (runs/stringsfuncpreds). nil for any other call.
  func inlinedPredicate(_ args: [TypedExpr], go127: Bool) -> Builtin? {
    guard go127, self == .stringsIndexFunc || self == .stringsTrimLeftFunc, args.count > 1,
      case .functionValue(let f) = args[1].kind
    else { return nil }
    return f.packageFunction
  }

  /// A method of a package type (its receiver is the first argument): `(*T).M`, `T.M`, and
  /// strings.Builder's.
  var isMethod: Bool {
    rawValue.contains("(*") || rawValue.hasPrefix("strings.Builder.") || rawValue.hasPrefix("time.Duration.")
      || rawValue.hasPrefix("metrics.Value.") || rawValue.hasPrefix("time.Time.") || rawValue.hasPrefix("time.Month.")
      || rawValue.hasPrefix("time.Weekday.") || self == .weakValue
  }

  /// A method as Go's IR prints a call of it that is not inlined, its receiver first:
  /// `(*time.Timer).Reset`, `time.Duration.Round`, `(*strings.Builder).WriteRune`.
  var methodExpressionName: String {
    if rawValue.hasPrefix("strings.Builder.") { return "(*strings.Builder)." + rawValue.dropFirst(16) }
    guard let r = rawValue.firstRange(of: ".(*") else { return rawValue }
    return "(*" + rawValue[..<r.lowerBound] + "." + rawValue[r.upperBound...]
  }

  /// A name of atomic.Value's as the compiler prints it: Go 1.19 qualifies what it imported
  /// for Value by the package's path (`"sync/atomic".(*Value).Load`, `"sync/atomic".val`;
  /// runs/atomicvalue), as it does not for atomic.Int64's methods.
  func qualifiedForCompiler(_ name: String, go127: Bool) -> String {
    guard !go127, rawValue.hasPrefix("atomic.(*Value)") else { return name }
    return name.replacing("atomic.", with: "\"sync/atomic\".")
  }

  /// The function's name as -m prints it (a strings.Builder method as `strings.(*Builder).M`).
  private var qualifiedName: String {
    if rawValue.hasPrefix("strings.Builder.") { return "strings.(*Builder)." + rawValue.dropFirst(16) }
    return rawValue
  }
}

// MARK: Generic package functions

extension Builtin {
  /// The slices and cmp functions Go's inliner inlines (their generic body, instantiated for
  /// the call's shapes, costs 80 or less: Tests/Recordings/runs/slicesfuncs, -m=2), with what
  /// is inlined into them in turn, named by their type parameters as `S,E` for now; `Insert`,
  /// `Replace`, `DeleteFunc`, `CompactFunc`, `BinarySearch` and `Compare` are calls.
  var genericInlining: PackageInline? {
    let isNaN = PackageInline("cmp.isNaN[E]")
    switch self {
    case .slicesClone, .slicesClip, .slicesGrow, .slicesDelete, .slicesCompact, .slicesReverse, .slicesIndex,
      .slicesIndexFunc, .slicesEqual, .slicesEqualFunc, .slicesMax, .slicesMin, .slicesMaxFunc, .slicesMinFunc,
      .slicesSort, .slicesSortFunc, .slicesSortStableFunc, .slicesIsSortedFunc:
      return PackageInline(rawValue + (self == .slicesEqualFunc ? "[S,S2,E,E2]" : "[S,E]"))
    case .slicesContains: return PackageInline("slices.Contains[S,E]", [PackageInline("slices.Index[S,E]")])
    case .slicesContainsFunc: return PackageInline("slices.ContainsFunc[S,E]", [PackageInline("slices.IndexFunc[S,E]")])
    case .slicesIsSorted: return PackageInline("slices.IsSorted[S,E]", [PackageInline("cmp.Less[E]", [isNaN, isNaN])])
    case .cmpCompare, .cmpLess: return PackageInline(rawValue + "[E]", [isNaN, isNaN])
    default: return nil
    }
  }
}

/// The name the compiler gives the shape of a generic's type argument (typecheck.Shapify):
/// `go.shape.` and the argument's underlying type as the linker spells it — every pointer is
/// `*uint8`, named types inside are package-qualified (`[]main.pair`), a struct's unexported
/// fields too (`struct { X int; main.y string }`), a named basic type is its predeclared one
/// (`time.Duration` is `int64`). Checked against Go 1.27.3's -m for 13 element types.
func goShapeName(_ t: GoType) -> String {
  if t.pointee != nil { return "go.shape.*uint8" }
  if t === GoType.error { return "go.shape.interface { Error() string }" }
  return "go.shape." + linkString(t, underlying: true)
}

private func linkString(_ t: GoType, underlying: Bool) -> String {
  let named = t.name != nil || t === GoType.any || t === GoType.error
  // Inside a composite, a named type is its qualified name.
  if !underlying && named { return goTypeString(t) }
  let predeclared = Universe.isPredeclaredType(t)
  // At the top, a named type is its underlying type.
  if t.name != nil && !predeclared, let basic = t.basicName { return basic }
  switch t.kind {
  case .pointer(let e): return "*" + linkString(e, underlying: false)
  case .slice(let e): return "[]" + linkString(e, underlying: false)
  case .array(let e, let n): return "[\(n)]" + linkString(e, underlying: false)
  case .map(let k, let v): return "map[" + linkString(k, underlying: false) + "]" + linkString(v, underlying: false)
  case .structure(let fs):
    if fs.isEmpty { return "struct {}" }
    return "struct { " + fs.map { f in
      let exported = f.name.first.map { $0.isUppercase } ?? false
      return (exported ? f.name : "main." + f.name) + " " + linkString(f.type, underlying: false)
    }.joined(separator: "; ") + " }"
  case .int(let bits, let signed) where t.name != nil && !predeclared:
    return (signed ? "int" : "uint") + (bits == 64 ? "" : "\(bits)")
  default:
    // Basic types, channels, functions and interfaces as reflect spells them; a named type's
    // own structure by its kind.
    return goTypeString(t.name == nil || predeclared ? t : GoType(t.kind))
  }
}

extension Builtin {
  /// How -m spells a call of a slices function Go does not inline (its generic body costs more
  /// than 80: Compare, DeleteFunc, CompactFunc): a call of the shape instantiation with its
  /// dictionary first, `slices.Compare[go.shape.[]int,go.shape.int](&slices..dict.Compare[[]int,
  /// int], s, ints)` (Tests/Recordings/runs/slicesfuncs). nil for any other call.
  func genericCallText(_ args: [TypedExpr], _ text: (TypedExpr) -> String) -> String? {
    // Go 1.19's call of an atomic.Pointer[T] method: its shape instance (numbered `_0`) with its
    // dictionary, then the receiver as written and the arguments (runs/atomicpointer).
    if [.atomicPointerLoad, .atomicPointerStore, .atomicPointerSwap, .atomicPointerCompareAndSwap].contains(self),
      let receiver = args.first, let t = receiver.type.pointee.flatMap(AtomicPackage.pointerElement)
    {
      let method = rawValue.split(separator: ".").last.map(String.init) ?? ""
      let pkg = "\"sync/atomic\""
      return "\(pkg).(*Pointer[\(goShapeName(t))_0]).\(method)(&\(pkg)..dict.(*Pointer[\(goTypeString(t))]).\(method), "
        + args.map(text).joined(separator: ", ") + ")"
    }
    // weak.Make[go.shape.int](&weak..dict.Make[int], p): T is the pointer's element.
    if self == .weakMake, let p = args.first, let t = p.type.pointee {
      return "weak.Make[\(goShapeName(t))](&weak..dict.Make[\(goTypeString(t))], \(text(p)))"
    }
    guard [.slicesCompare, .slicesDeleteFunc, .slicesCompactFunc].contains(self), let s = args.first?.type,
      let e = s.sliceElement
    else { return nil }
    let name = String(rawValue.dropFirst("slices.".count))
    return "\(rawValue)[\(goShapeName(s)),\(goShapeName(e))](&slices..dict.\(name)[\(goTypeString(s)),\(goTypeString(e))], "
      + args.map(text).joined(separator: ", ") + ")"
  }
}
