// Builtins, the package functions gcsh knows, and the runtime statements: each reads its
// operands from the frame's slots and calls the runtime or the host.

import GoHeap

extension VM {
  func builtin(_ desc: BuiltinDesc, _ s: UnsafeMutablePointer<UInt64>) throws {
    var args = desc.args.map { ($0.type, s + $0.slot) }
    // fmt may call a String method of an operand (VM+Callbacks.swift), whose frames may move
    // the stack: the operands are read from a copy then (they stay roots in their slots, live
    // at this instruction), and a result is written where the frame is afterwards.
    var copied: UnsafeMutablePointer<UInt64>? = nil
    defer { copied?.deallocate() }
    if !session.stringMethods.isEmpty || session.runtimeTypes.hasProgramMethods, !args.isEmpty, desc.formatsOperands {
      let words = desc.args.reduce(0) { $0 + $1.type.words }
      let copy = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
      copied = copy
      var at = 0
      for (k, a) in desc.args.enumerated() {
        (copy + at).initialize(from: s + a.slot, count: a.type.words)
        args[k].1 = copy + at
        at += a.type.words
      }
    }
    // `fmt.Println(values...)`: the slice's elements are the operands. (`slices.Insert(s, i,
    // v...)` passes its slice as the variadic parameter, as a call of a Go function does.)
    var spreadWords: UnsafeMutablePointer<UInt64>? = nil
    defer { spreadWords?.deallocate() }
    var spreadsOperands = desc.spread
    if case .call(let b) = desc.kind, b.isSlicesFunction { spreadsOperands = false }
    if spreadsOperands, let (t, slice) = args.last {
      let (elements, words) = try spreadOperands(t, slice)
      spreadWords = words
      args = args.dropLast() + elements
    }
    // A Go fmt call's operands become interfaces first (the `...any` slice the call passes),
    // the boxes held until it returns.
    let boxes = desc.conversions.isEmpty ? 0 : try convertToInterfaces(desc.conversions, args)
    defer { inFlight.removeLast(boxes) }
    switch desc.kind {
    case .call(.fmtErrorf) where try errorfFastPath(args):
      // Go 1.26+'s Errorf with nothing to format takes no printer.
      try call(.fmtErrorf, args, result: desc.result)
    case .call(let b) where desc.pooledPrinter:
      // newPrinter, the print (the buffer's growths allocated when the text is made), free.
      let pooled = try getPrinter()
      do {
        try call(b, args, result: desc.result)
      } catch {
        if pooled { losePrinter() }
        throw error
      }
      if pooled {
        // The result (a Sprint's string, an Errorf's error) is live in fmt's frame while free
        // runs (print.go Sprint: `s := string(p.buf); p.free(); return s`), and free's Put may
        // allocate (pin's poolLocal array) and so start a cycle: the result is held as a root
        // meanwhile — the call's destination slot is not live until the call is done.
        var held = 0
        if let r = desc.result {
          let slots = stack + frames[frames.count - 1].base + r
          for k in 0..<desc.resultWords where slots[k] != 0 {
            inFlight.append(slots[k])
            held += 1
          }
        }
        defer { inFlight.removeLast(held) }
        try putPrinter()
      }
    case .call(let b): try call(b, args, result: desc.result, resultType: desc.resultType)
    case .sleep: try sleep(max(0, Int(Int64(bitPattern: args[0].1[0]))))
    case .goStatement(let launch): try goStatement(launch, args)
    case .deferPush(let d): try deferPush(d, s)
    case .deferPop(let records): if let r = desc.result { s[r] = UInt64(bitPattern: Int64(try deferPop(records, s))) }
    case .gc: try forcedGC()
    case .free: try heap.freeOSMemory()
    case .stats(let view):
      // The label's parts as fmt.Sprint joins them, formatted by gcsh itself.
      let label: String? = args.isEmpty ? nil : String(decoding: try sprint(args), as: UTF8.self)
      // A checkpoint is runtime.ReadMemStats (Tests/Recordings/runs/ckpt), which flushes the
      // mcaches first.
      heap.flushMCachesForReadMemStats()
      host?.stats(label: label, view: view)
    case .expect(let x): try expect(x, value: Int(Int64(bitPattern: args[0].1[0])))
    case .why(let what): host?.why(what)
    case .roots(let vars): try roots(vars, s)
    case .explain(let on):
      host?.setExplain(on)
      explaining = on
    case .heapMap: host?.heapMap()
    case .setGCPercent(let off):
      _ = try heap.setGCPercent(off ? -1 : Int(Int64(bitPattern: args[0].1[0])))
    case .setMemoryLimit(let off):
      let n = off ? Int.max : Int(Int64(bitPattern: args[0].1[0]))
      _ = try heap.setMemoryLimit(n < 0 ? heap.memoryLimit : n)
    }
  }

  private func call(
    _ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], result resultSlot: Int?, resultType: GoType? = nil
  ) throws {
    // The result's slots in the running frame, found when written (after any callback).
    var result: UnsafeMutablePointer<UInt64>? {
      resultSlot.map { stack + frames[frames.count - 1].base + $0 }
    }
    switch b {
    case .fmtPrintln, .fmtPrint:
      // The `print`/`println` statements are fmt.Println too (grammar.md).
      try fprint(format: nil, args, newline: b != .fmtPrint)
    case .print, .println: try runtimePrint(args, newline: b == .println)
    case .fmtFprint, .fmtFprintln, .fmtFprintf:
      let (streamType, stream) = (args[0].0, args[0].1[0])
      let rest = Array(args.dropFirst())
      let format = b == .fmtFprintf ? try string(rest[0].1) : nil
      let values = b == .fmtFprintf ? Array(rest.dropFirst()) : rest
      // Fprint*'s results are its Write's: n, and a nil error from gcsh's own writers.
      func written(_ n: Int) {
        result?[0] = UInt64(n)
        result?[1] = 0
        result?[2] = 0
      }
      if streamType.isInterface {
        let words = try writeThroughInterface(
          streamType, (stream, args[0].1[1]), format: format, values, newline: b == .fmtFprintln)
        for (k, w) in words.enumerated() { result?[k] = w }
        return
      }
      guard let writer = streamType.pointee else {
        written(try fprint(format: format, values, newline: b == .fmtFprintln, stderr: stream == 2))
        return
      }
      // Fprint*'s `w.Write(p.buf)`: the printed bytes appended to the Buffer or Builder.
      if stream == 0 { throw VMTrap(kind: .nilDereference) }
      inFlight.append(stream)
      defer { inFlight.removeLast() }
      let text = try sprintBytes(format: format, values, newline: b == .fmtFprintln)
      if writer === bytesBufferType {
        try appendToBuffer(stream, text)
      } else {
        try appendToBuilder(stream, text)
      }
      written(text.count)
    case .osWrite, .osWriteString:
      // os.File's write system call: the bytes to the host's stream (2: stderr, else stdout).
      let fd = Int64(bitPattern: args[0].1[0])
      let data = b == .osWrite ? try bytes(args[1].1[0], Int(args[1].1[1])) : Array(try string(args[1].1))
      if fd == 2 { host?.errorOutput(bytes: data) } else { host?.output(bytes: data) }
    case .runtimeNumGoroutine: result?[0] = UInt64(1 + otherGoroutineCount)
    case .runtimeNumCPU: result?[0] = UInt64(heap.gomaxprocs)  // the machine the profile models
    case .runtimeGOMAXPROCS:
      let n = Int64(bitPattern: args[0].1[0])
      if n > 0 && Int(n) != heap.gomaxprocs {
        throw VMTrap(kind: .goRuntimePanic(
          "gcsh models \(heap.gomaxprocs) Ps (the recorded machine's GOMAXPROCS); runtime.GOMAXPROCS(\(n)) would change the collector's workers, which gcsh does not model"))
      }
      result?[0] = UInt64(heap.gomaxprocs)
    case .timeNow: store(try timeNow(), result)
    case .timeSince: result?[0] = UInt64(bitPattern: try timeNow().sub(goTime(args[0].1)))
    case .timeUnixMethod, .timeUnixNano, .timeUnixMilliMethod, .timeUnixMicro, .timeSub, .timeAdd, .timeBefore,
      .timeAfterMethod, .timeEqual, .timeCompare, .timeIsZero, .timeYear, .timeMonth, .timeDay, .timeHour,
      .timeMinute, .timeSecond, .timeNanosecond, .timeWeekday, .timeYearDay, .timeFormat, .timeString, .timeUTC,
      .timeLocal, .timeTruncate, .timeRound, .timeAddDate, .monthString, .weekdayString, .timeDate, .timeUnix,
      .timeUnixMilli, .timeUntil, .timeParseDuration, .timeUTCLocation, .timeLocalLocation:
      try timeCall(b, args) { result }
    case .logPrint, .logPrintf, .logPrintln, .logFatal, .logFatalf, .logFatalln, .logPanic, .logPanicf, .logPanicln,
      .logSetFlags, .logSetPrefix, .logFlags, .logPrefix, .logSetOutput, .logNew, .logDefault, .loggerPrint,
      .loggerPrintf, .loggerPrintln, .loggerFatal, .loggerFatalf, .loggerFatalln, .loggerPanic, .loggerPanicf,
      .loggerPanicln, .loggerSetFlags, .loggerSetPrefix, .loggerFlags, .loggerPrefix, .loggerSetOutput:
      try logCall(b, args) { result }
    case .unicodeIsLetter, .unicodeIsDigit, .unicodeIsNumber, .unicodeIsSpace, .unicodeIsUpper, .unicodeIsLower,
      .unicodeIsTitle, .unicodeIsPunct, .unicodeIsSymbol, .unicodeIsControl, .unicodeIsPrint, .unicodeIsGraphic,
      .unicodeIsMark, .unicodeToUpper, .unicodeToLower, .unicodeToTitle:
      result?[0] = UInt64(bitPattern: UnicodeFunctions.call(b, Int32(truncatingIfNeeded: Int64(bitPattern: args[0].1[0]))))
    case .osGetenv:
      // The value lives in the process's environment block, set up before main (Go's
      // syscall.Getenv returns a substring of it): read-only data here, no allocation.
      let key = String(decoding: try string(args[0].1), as: UTF8.self)
      let value = Array((host?.environment(key) ?? "").utf8)
      result?[0] = value.isEmpty ? 0 : session.rodataAddress(of: value)
      result?[1] = UInt64(value.count)
    case .osExit: throw VMTrap(kind: .programExit(Int(Int64(bitPattern: args[0].1[0]))))
    case .strconvItoa: try formatInt(Int64(bitPattern: args[0].1[0]), base: 10, into: result)
    case .strconvFormatInt:
      try formatInt(Int64(bitPattern: args[0].1[0]), base: Int(Int64(bitPattern: args[1].1[0])), into: result)
    case .strconvFormatUint:
      try formatInt(args[0].1[0], base: Int(Int64(bitPattern: args[1].1[0])), into: result, unsigned: true)
    case .sortInts, .sortStrings, .sortFloat64s: try sortSlice(args[0].0, args[0].1)
    case .sortIntsAreSorted, .sortStringsAreSorted, .sortFloat64sAreSorted:
      let sorted = try sliceIsSorted(args[0].0, args[0].1)
      result?[0] = sorted ? 1 : 0
    case .sortSlice, .sortSliceStable, .sortSliceIsSorted:
      // (less runs on this stack, which may move: `result` finds the slot afresh.)
      let sorted = try sortSliceFunc(b, args[0].0, args[0].1, less: args[1].1[0])
      result?[0] = sorted ? 1 : 0
    case .stringsRepeat: try repeatString(args[0].1, Int(Int64(bitPattern: args[1].1[0])), into: result)
    case .fmtSprint, .fmtSprintln:
      let text = try sprint(args, newline: b == .fmtSprintln)
      if let result { try sprintResult(text, into: result) }
    case .fmtPrintf:
      try fprint(format: try string(args[0].1), Array(args.dropFirst()), newline: false)
    case .strconvAtoi: try atoi(args[0].1) { result }
    case .sortSort, .sortStable, .sortIsSorted, .sortSearch, .sortSearchInts, .sortSearchStrings, .sortSearchFloat64s:
      try sortInterface(b, args) { result }
    case .stringsClone: try stringsClone(args[0].1, into: args[1].1, result: result)
    case .bytesClone, .slicesClone, .slicesClip, .slicesGrow, .slicesInsert, .slicesDelete, .slicesDeleteFunc,
      .slicesReplace, .slicesCompact, .slicesCompactFunc, .slicesContains, .slicesContainsFunc, .slicesIndex,
      .slicesIndexFunc, .slicesEqual, .slicesEqualFunc, .slicesCompare, .slicesReverse, .slicesMax, .slicesMin,
      .slicesMaxFunc, .slicesMinFunc, .slicesSort, .slicesSortFunc, .slicesSortStableFunc, .slicesIsSorted,
      .slicesIsSortedFunc, .slicesBinarySearch, .cmpCompare, .cmpLess:
      try slicesFunction(b, args) { result }
    case .stringsCount:
      let n = stringsCount(try string(args[0].1), try string(args[1].1))
      result?[0] = UInt64(n)
    case .stringsContains, .stringsContainsRune, .stringsHasPrefix, .stringsHasSuffix, .stringsIndex,
      .stringsIndexByte, .stringsLastIndex, .stringsCompare, .stringsTrimSpace, .stringsTrimPrefix, .stringsTrimSuffix,
      .stringsSplit, .stringsFields, .stringsJoin, .stringsToUpper, .stringsToLower, .stringsReplace,
      .stringsReplaceAll, .stringsTrim, .stringsTrimLeft, .stringsTrimRight, .stringsSplitN, .stringsCut, .stringsIndexAny, .stringsLastIndexAny,
      .stringsContainsAny, .stringsLastIndexByte, .stringsIndexRune, .stringsTitle, .stringsFieldsFunc, .stringsMap, .stringsIndexFunc,
      .stringsLastIndexFunc, .stringsTrimFunc, .stringsTrimLeftFunc, .stringsTrimRightFunc:
      try stringsFunction(b, args.map(\.1)) { result }
    case .stringsEqualFold, .strconvParseInt, .strconvParseUint, .strconvParseFloat, .strconvParseBool,
      .strconvFormatFloat, .strconvFormatBool, .strconvQuote, .strconvQuoteToASCII, .osArgs:
      try strconvFunction(b, args.map(\.1)) { result }
    case .strconvAppendInt, .strconvAppendUint, .strconvAppendBool, .strconvAppendQuote, .strconvAppendFloat,
      .strconvUnquote:
      try strconvAppend(b, args.map(\.1)) { result }
    case .builderWriteString, .builderWriteByte, .builderWriteRune, .builderGrow, .builderLen,
      .builderCap, .builderString, .builderReset:
      try stringsBuilder(b, args) { result }
    case .bufferWrite, .bufferWriteString, .bufferWriteByte, .bufferWriteRune, .bufferGrow, .bufferTruncate,
      .bufferLen, .bufferCap, .bufferBytes, .bufferReset, .bufferString:
      try bytesBuffer(b, args) { result }
    case .bytesNewBuffer, .bytesNewBufferString: result?[0] = args[0].1[0]  // the literal's address
    case .fmtErrorf: try errorf(args) { result }
    case .timeNewTimer, .timeNewTicker:
      let object = try newTimer(Int(Int64(bitPattern: args[0].1[0])), ticker: b == .timeNewTicker)
      result?[0] = object
    case .timeAfterFunc: result?[0] = try afterFunc(Int(Int64(bitPattern: args[0].1[0])), args[1].1[0])
    case .timerStop, .tickerStop:
      let pending = try stopTimer(args[0].1[0])
      result?[0] = pending ? 1 : 0
    case .timerReset, .tickerReset:
      let pending = try resetTimer(args[0].1[0], Int(Int64(bitPattern: args[1].1[0])), ticker: b == .tickerReset)
      result?[0] = pending ? 1 : 0
    case .durationSeconds, .durationMinutes, .durationHours, .durationMilliseconds, .durationMicroseconds,
      .durationNanoseconds, .durationRound, .durationTruncate, .durationAbs:
      let m = args.count > 1 ? Int64(bitPattern: args[1].1[0]) : 0
      result?[0] = durationMethod(b, Int64(bitPattern: args[0].1[0]), m)
    case .durationString:
      // `return string(arr[n:])`: a new string of the text.
      if let out = result { try newString(Array(formatDuration(Int64(bitPattern: args[0].1[0])).utf8), into: out) }
    case .strconvErrSyntax, .strconvErrRange:
      if let out = result { (out[0], out[1]) = strconvError(b) }
    case .errorsIs, .errorsAs, .errorsUnwrap:
      // (The program's methods may run on this stack, which may move: the operands are read
      // first, and `result` finds the slot afresh.)
      let err = (args[0].1[0], args[0].1[1])
      switch b {
      case .errorsIs:
        let found = try errorsIs(err, (args[1].1[0], args[1].1[1]))
        result?[0] = found ? 1 : 0
      case .errorsAs:
        let found = try errorsAs(err, target: args[1].1[0], args[1].0)
        result?[0] = found ? 1 : 0
      default:
        let next = try errorsUnwrap(err)
        if let out = result { (out[0], out[1]) = next }
      }
    case .errorsJoin:
      // Each error's two words, or a spread []error's elements.
      let errs = try args.count == 1 && args[0].0.sliceElement != nil
        ? errorSlice(args[0].1[0], Int(args[0].1[1]))
        : args.map { ($0.1[0], $0.1[1]) }
      try errorsJoin(errs, into: result)
    case .recover: if let out = result { try recover(into: out) }
    case .errorsNew: throw VMTrap(kind: .internalFault("\(b.rawValue) is lowered inline"))
    case .fmtSprintf:
      let text = try sprintf(try string(args[0].1), Array(args.dropFirst()))
      if let result { try sprintResult(text, into: result) }
    case .fmtAppend, .fmtAppendln, .fmtAppendf:
      // print.go: the printer formats as Sprint's does, then `b = append(b, p.buf...)`.
      let rest = Array(args.dropFirst())
      let text = b == .fmtAppendf ? try sprintf(try string(rest[0].1), Array(rest.dropFirst())) : try sprint(rest, newline: b == .fmtAppendln)
      try appendBytes(args[0].1, text)
      if let result { (result[0], result[1], result[2]) = (args[0].1[0], args[0].1[1], args[0].1[2]) }
    case .panic:
      let (t, p) = args[0]
      if t.isInterface && p[0] == 0 {
        // panic(nil): since Go 1.21 a run-time error, *runtime.PanicNilError (panic.go
        // gopanic); before, a panic whose value prints as `nil` and which recover returns as
        // nil (checked with go run: Go 1.27.3 and 1.19.8).
        if heap.profile.version >= GoVersion(1, 21) { throw VMTrap(kind: .goRuntimePanic("panic called with nil argument")) }
        panicking.pending = (0, 0)
        throw VMTrap(kind: .goPanic("nil"))
      }
      if t.isInterface { panicking.pending = (p[0], p[1]) }
      throw VMTrap(kind: .goPanic(try panicText(t, p)))
    case .timeSleep: try sleep(max(0, Int(Int64(bitPattern: args[0].1[0]))))
    case .makeChan:
      guard let t = resultType else { throw VMTrap(kind: .internalFault("make(chan) without its type")) }
      let c = try makeChan(t, size: Int64(bitPattern: args[0].1[0]))
      result?[0] = c
    case .chanSend: try chanSend(args[0].1[0], args[1].1, args[1].0)
    case .chanRecv, .chanRecv2:
      guard let elem = args[0].0.chanInfo?.elem, let result else { throw VMTrap(kind: .internalFault("receive without a result")) }
      try chanRecv(args[0].1[0], into: result, elem, wantsOk: b == .chanRecv2)
    case .close:
      guard let elem = args[0].0.chanInfo?.elem else { throw VMTrap(kind: .internalFault("close of a non-channel")) }
      try closeChan(args[0].1[0], elem)
    case .select:
      guard let result else { throw VMTrap(kind: .internalFault("select without results")) }
      try select(args, into: result)
    case .timeAfter, .timeTick:
      guard let result else { return }
      try timeAfter(Int(Int64(bitPattern: args[0].1[0])), every: b == .timeTick, into: result)
    case .runtimeGosched:
      // The caller goes on after the call when it runs again.
      guard multipleGoroutines, canSwitchGoroutines, scheduler.othersRunnable else { break }
      frames[frames.count - 1].pc += 1
      try yieldProcessor()
    case .syncWaitGroupAdd: try waitGroupAdd(args[0].1[0], Int64(bitPattern: args[1].1[0]))
    case .syncWaitGroupDone: try waitGroupAdd(args[0].1[0], -1)
    case .syncWaitGroupWait: try waitGroupWait(args[0].1[0])
    case .syncMutexLock: try mutexLock(args[0].1[0])
    case .syncMutexUnlock: try mutexUnlock(args[0].1[0])
    case .syncMutexTryLock: result?[0] = try mutexTryLock(args[0].1[0]) ? 1 : 0
    case .syncRWMutexLock: try rwLock(args[0].1[0])
    case .syncRWMutexUnlock: try rwUnlock(args[0].1[0])
    case .syncRWMutexRLock: try rwRLock(args[0].1[0])
    case .syncRWMutexRUnlock: try rwRUnlock(args[0].1[0])
    case .syncRWMutexTryLock: result?[0] = try rwTryLock(args[0].1[0]) ? 1 : 0
    case .syncRWMutexTryRLock: result?[0] = try rwTryRLock(args[0].1[0]) ? 1 : 0
    case .syncOnceDo: try onceDo(args[0].1[0], args[1].1[0])
    case .syncPoolGet: try poolGet(args[0].1[0]) { result }
    case .randNew, .randNewSource, .randInt, .randIntn, .randInt31, .randInt31n, .randInt63, .randInt63n,
      .randUint32, .randUint64, .randFloat32, .randFloat64, .randPerm, .randShuffle, .randSeed, .randMethodInt,
      .randMethodIntn, .randMethodInt31, .randMethodInt31n, .randMethodInt63, .randMethodInt63n, .randMethodUint32,
      .randMethodUint64, .randMethodFloat32, .randMethodFloat64, .randMethodPerm, .randMethodShuffle, .randMethodSeed:
      try randCall(b, args) { result }
    case .syncPoolPut: try poolPut(args[0].1[0], (args[1].1[0], args[1].1[1]))
    case .runtimeGC: try forcedGC()
    case .runtimeSetFinalizer: try setFinalizer(args)
    case .runtimeAddCleanup:
      let (id, ptr) = try addCleanup(args)
      if let out = result { (out[0], out[1]) = (id, ptr) }
    case .cleanupStop: if args[0].1[0] != 0 { heap.stopCleanup(args[0].1[1], id: args[0].1[0]) }
    case .unsafeAdd:
      result?[0] = args[0].1[0] &+ args[1].1[0]
    case .unsafeSlice, .unsafeString:
      // runtime/unsafe.go unsafeslice, unsafestring: a negative length, or one that reaches
      // past the end of the address space from ptr, panics (a nil ptr with a length, so).
      let ptr = args[0].1[0]
      let len = Int64(bitPattern: args[1].1[0])
      let elemSize = b == .unsafeSlice ? UInt64(max(args[0].0.pointee?.size ?? 1, 0)) : 1
      let what = b == .unsafeSlice ? "unsafe.Slice" : "unsafe.String"
      if len < 0 || (args[1].0.isUnsigned && args[1].1[0] > UInt64(Int64.max)) {
        throw VMTrap(kind: .goRuntimePanic("\(what): len out of range"))
      }
      let (mem, overflow) = elemSize.multipliedReportingOverflow(by: UInt64(len))
      if (elemSize == 0 && ptr == 0 && len > 0) || overflow || mem > 0 &- ptr {
        throw VMTrap(kind: .goRuntimePanic(ptr == 0 ? "\(what): ptr is nil and len is not zero" : "\(what): len out of range"))
      }
      guard let out = result else { break }
      out[0] = ptr
      out[1] = UInt64(len)
      if b == .unsafeSlice { out[2] = UInt64(len) }
    case .unsafeStringData, .unsafeSliceData:
      result?[0] = args[0].1[0]
    case .panicRangeState:
      // runtime/panic.go panicrangestate: the runtime errors of a misbehaving iterator.
      switch RangeFuncState(rawValue: Int128(Int64(bitPattern: args[0].1[0]))) {
      case .done?: throw VMTrap(kind: .goRuntimePanic("range function continued iteration after function for loop body returned false"))
      case .panicking?: throw VMTrap(kind: .goRuntimePanic("range function continued iteration after loop body panic"))
      case .exhausted?: throw VMTrap(kind: .goRuntimePanic("range function continued iteration after whole loop exit"))
      case .missingPanic?: throw VMTrap(kind: .goRuntimePanic("range function recovered a loop body panic and did not resume panicking"))
      case .ready?, nil: throw VMTrap(kind: .internalFault("unexpected state passed to panicrangestate"))
      }
    case .weakMake:
      let handle = try weakMake(args[0].1[0])
      result?[0] = handle
    case .weakValue: result?[0] = weakValue(args[0].1[0])
    case .debugReadGCStats: try readGCStats(args[0].1[0])
    case .metricsRead: try metricsRead(args[0].1)
    case .atomicAdd, .atomicLoad, .atomicStore, .atomicCompareAndSwap, .atomicSwap, .atomicMethodAdd,
      .atomicMethodLoad, .atomicMethodStore, .atomicMethodCompareAndSwap, .atomicMethodSwap:
      try atomic(b, args) { result }
    case .atomicValueLoad, .atomicValueStore, .atomicValueSwap, .atomicValueCompareAndSwap:
      try atomicValue(b, args) { result }
    case .atomicPointerLoad, .atomicPointerStore, .atomicPointerSwap, .atomicPointerCompareAndSwap:
      try atomicPointer(b, args) { result }
    // reflectlite (ReflectlitePackage.swift): a type's name is read-only data.
    case .reflectliteTypeOf: result?[0] = args[0].1[0]
    case .reflectliteTypeString:
      if let out = result {
        let name = Array((try dynamicType(.any, args[0].1[0])).map(goTypeString)?.utf8 ?? "<nil>".utf8)
        (out[0], out[1]) = (session.rodataAddress(of: name), UInt64(name.count))
      }
    case .reflectliteTypeComparable:
      guard let t = try dynamicType(.any, args[0].1[0]) else { throw VMTrap(kind: .nilDereference) }
      result?[0] = t.isComparable ? 1 : 0
    case .runtimeVersion:
      // buildVersion, a constant string: nothing is allocated.
      if let out = result {
        let v = Array(heap.profile.toolchainVersion.utf8)
        (out[0], out[1]) = (session.rodataAddress(of: v), UInt64(v.count))
      }
    case .metricsAll: if let result { try metricsAll(into: result) }
    case .mathSqrt, .mathAbs, .mathFloor, .mathCeil, .mathTrunc, .mathRound, .mathRoundToEven, .mathLog,
      .mathLog2, .mathLog10, .mathExp, .mathCbrt, .mathPow, .mathMax, .mathMin, .mathMod, .mathCopysign, .mathHypot,
      .mathSin, .mathCos, .mathTan, .mathAsin, .mathAcos, .mathAtan, .mathAtan2,
      .mathInf, .mathNaN, .mathIsNaN, .mathIsInf, .mathSignbit, .mathFloat64bits, .mathFloat64frombits,
      .mathFloat32bits, .mathFloat32frombits, .mathModf, .mathFrexp, .mathLdexp:
      if let out = result { mathFunction(b, args.map { $0.1[0] }, into: out) }
    case .metricsValueKind, .metricsValueUint64, .metricsValueFloat64, .metricsValueFloat64Histogram:
      let v = try metricsValueMethod(b, args[0].1)
      result?[0] = v
    case .runtimeKeepAlive: break  // its operand was live up to here: that is all it does
    case .runtimeReadMemStats:
      // mstats.go: `_ = m.Alloc` faults on nil before the world stops.
      let p = args[0].1[0]
      guard p != 0 else { throw VMTrap(kind: .nilDereference) }
      var image = [UInt8](repeating: 0, count: heap.profile.memStatsType.size)
      try image.withUnsafeMutableBytes { try heap.readMemStats(into: $0) }
      try write(image, at: p)
    case .debugFreeOSMemory: try heap.freeOSMemory()
    case .debugSetGCPercent:
      let old = try heap.setGCPercent(Int(Int64(bitPattern: args[0].1[0])))
      result?[0] = UInt64(bitPattern: Int64(old))
    case .debugSetMemoryLimit:
      let n = Int64(bitPattern: args[0].1[0])
      let old = n < 0 ? heap.memoryLimit : try heap.setMemoryLimit(Int(n))
      result?[0] = UInt64(bitPattern: Int64(old))
    case .min, .max:
      guard let result else { return }
      var best = args[0]
      for x in args.dropFirst() where try better(x, than: best, min: b == .min) { best = x }
      result.update(from: best.1, count: best.0.words)
    case .len, .cap:
      // Of a channel (the other operands' are instructions of their own).
      result?[0] = UInt64(try chanLength(args[0].1[0], capacity: b == .cap))
    case .append, .copy, .clear, .delete:
      throw VMTrap(kind: .internalFault("builtin \(b.rawValue) reached the builtin instruction"))
    }
  }

  /// min/max's order (Go 1.21): a NaN wins, -0 is below +0, strings byte-wise.
  private func better(_ x: (GoType, UnsafeMutablePointer<UInt64>), than y: (GoType, UnsafeMutablePointer<UInt64>), min: Bool) throws -> Bool {
    let t = x.0
    if t.isFloat {
      let a = Double(bitPattern: x.1[0])
      let b = Double(bitPattern: y.1[0])
      if b.isNaN { return false }
      if a.isNaN { return true }
      if a == b { return min ? a.sign == .minus && b.sign == .plus : a.sign == .plus && b.sign == .minus }
      return min ? a < b : a > b
    }
    if t.isString {
      let a = try string(x.1)
      let b = try string(y.1)
      return min ? a.lexicographicallyPrecedes(b) : b.lexicographicallyPrecedes(a)
    }
    if t.isUnsigned { return min ? x.1[0] < y.1[0] : x.1[0] > y.1[0] }
    let a = Int64(bitPattern: x.1[0])
    let b = Int64(bitPattern: y.1[0])
    return min ? a < b : a > b
  }

  // MARK: expect and roots

  private func expect(_ x: Expectation, value: Int) throws {
    let m = heap.memStats()
    let actual = x.quantity == "Time" ? m.timeNs : (m.value(named: x.quantity) ?? 0)
    let passed: Bool
    switch x.op {
    case "==": passed = actual == value
    case "!=": passed = actual != value
    case "<": passed = actual < value
    case "<=": passed = actual <= value
    case ">": passed = actual > value
    default: passed = actual >= value
    }
    let shown: String
    if Checker.byteQuantities.contains(x.quantity) {
      shown = formatBytes(actual)
    } else if x.quantity == "Time" {
      shown = formatDuration(Int64(actual))
    } else {
      shown = "\(actual)"
    }
    if !passed { failedExpectations += 1 }
    host?.expectation(ExpectationResult(
      passed: passed, check: x.text, actual: "\(x.quantity) is \(shown)",
      error: located(.expectationFailed(check: x.text, actual: "\(x.quantity) is \(shown)"))))
  }

  /// `roots`: each variable that holds pointers, with the objects and bytes it keeps alive.
  private func roots(_ vars: [RootVariable], _ s: UnsafeMutablePointer<UInt64>) throws {
    var list: [(name: String, type: String, objects: Int, bytes: Int)] = []
    for v in vars {
      let source: ValueSource
      switch v.location {
      case .global(let g): source = .slots(globals + g)
      case .slots(let k): source = .slots(s + k)
      case .heap(let k): source = .memory(s[k])
      }
      var addresses: [Address] = []
      for (k, isPointer) in pointerWords(v.type).enumerated() where isPointer {
        let a = try word(source, k * 8)
        if a != 0 { addresses.append(a) }
      }
      if addresses.isEmpty { continue }
      let (objects, bytes) = heap.reachable(fromAddresses: addresses)
      list.append((v.name, "\(v.type)", objects, bytes))
    }
    host?.roots(list)
  }
}

extension Checker {
  /// Quantities `expect` shows as sizes.
  static let byteQuantities: Set<String> = [
    "Alloc", "TotalAlloc", "Sys", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse", "HeapReleased",
    "StackInuse", "StackSys", "GCSys", "OtherSys", "NextGC", "RSS", "Footprint",
  ]
}
