// time.Timer, time.Ticker and time.Duration's methods.
//
// NewTimer and NewTicker return the runtime's timer object (Go 1.23+: time.Timer is the prefix
// `C <-chan Time` of runtime.timeTimer, one 112-byte allocation; before, a Timer of C and a
// runtimeTimer, 80 bytes), with its buffered channel: 3 mallocs a call, 248 B in Go 1.27.3, as
// time.After (recorded: runs/timers). The program sees only the field C; the rest is the
// runtime's, laid out here as words so that the collector scans the timer as the runtime's
// type says (its channel pointer). Their methods and Duration's are package functions of gcsh's
// (Run/VM+Timers.swift) whose first argument is the receiver.

import GoHeap

enum TimeTypes {
  /// `*time.Timer`'s object for a profile (Go 1.23+'s timeTimer, else Timer with runtimeTimer).
  static func timer(_ p: RuntimeProfile) -> GoType { p.version >= GoVersion(1, 23) ? timer123 : timer119 }
  static func ticker(_ p: RuntimeProfile) -> GoType { p.version >= GoVersion(1, 23) ? ticker123 : ticker119 }

  private static let channel = GoType(.chan(timeType, .receive))
  /// C, the runtime's channel pointer, the function's argument (time.AfterFunc's f: the timer
  /// keeps it alive), and the rest of the runtime's timer, pointer-free to the collector:
  /// 112 B from Go 1.23 (timeTimer), 80 B before (Timer with its runtimeTimer).
  private static func layout(_ name: String, words: Int) -> GoType {
    .structure(
      [("C", channel), ("c", .pointer(to: .uint8)), ("arg", .pointer(to: .uint8)), ("r", .array(of: .uint64, count: words - 1))],
      name: name)
  }
  /// Where AfterFunc's function is kept in a timer.
  static let argOffset = 16
  private static let timer123 = layout("time.Timer", words: 12)
  private static let ticker123 = layout("time.Ticker", words: 12)
  private static let timer119 = layout("time.Timer", words: 8)
  private static let ticker119 = layout("time.Ticker", words: 8)

  /// The timer types of every profile (a receiver's type is one of them).
  static func isTimer(_ t: GoType) -> Bool { t === timer123 || t === timer119 }
  static func isTicker(_ t: GoType) -> Bool { t === ticker123 || t === ticker119 }
}

extension Checker {
  /// `d.Seconds()`, `t.Stop()`, `k.Reset(d)`...: a method of time.Duration, *time.Timer or
  /// *time.Ticker (nil when x is none of them).
  func timeMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, _ span: Span
  ) throws -> Operand? {
    let at = Span(max(callee.start, callee.end - name.utf8.count), callee.end)
    if x.type === timeType || x.type === monthType || x.type === weekdayType {
      return try timeValueMethodCall(x, name, args, scope, callee: callee, at: at, span)
    }
    var receiver: TypedExpr
    let b: Builtin
    var want: [String] = []
    let result: GoType
    if x.type === durationType {
      receiver = x.untyped != nil ? try assign(x, to: durationType, "receiver") : x.expr
      switch name {
      case "Seconds": (b, result) = (.durationSeconds, .float64)
      case "Minutes": (b, result) = (.durationMinutes, .float64)
      case "Hours": (b, result) = (.durationHours, .float64)
      case "Milliseconds": (b, result) = (.durationMilliseconds, .int64)
      case "Microseconds": (b, result) = (.durationMicroseconds, .int64)
      case "Nanoseconds": (b, result) = (.durationNanoseconds, .int64)
      case "Round": (b, want, result) = (.durationRound, ["time.Duration"], durationType)
      case "Truncate": (b, want, result) = (.durationTruncate, ["time.Duration"], durationType)
      case "String": (b, result) = (.durationString, .string)
      case "Abs": (b, result) = (.durationAbs, durationType)
      default: throw fail(.typeError("\(syntaxText(callee)) undefined (type time.Duration has no field or method \(name))"), at: at)
      }
    } else {
      let base = x.type.name == nil ? (x.type.pointee ?? x.type) : x.type
      let timer = TimeTypes.isTimer(base)
      guard x.untyped == nil, timer || TimeTypes.isTicker(base) else { return nil }
      switch (name, timer) {
      case ("Stop", true): (b, result) = (.timerStop, .bool)
      case ("Reset", true): (b, want, result) = (.timerReset, ["time.Duration"], .bool)
      case ("Stop", false): (b, result) = (.tickerStop, noValueType)
      case ("Reset", false): (b, want, result) = (.tickerReset, ["time.Duration"], noValueType)
      default: throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
      }
      receiver = x.expr
      if x.type === base {
        receiver = try pointerReceiver(x, method: name, on: "\(base)", pointee: base, at: at)
      }
    }
    try arity(b.rawValue, args, want: want, scope, span)
    var typed = [receiver]
    for a in args { typed.append(try assign(try expression(a, scope), to: durationType, "argument to \(b.rawValue)")) }
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }

  /// A method of time.Time (value receiver, Run/GoTime.swift), or Month's or Weekday's String.
  private func timeValueMethodCall(
    _ x: Operand, _ name: String, _ args: [Expr], _ scope: LexicalScope, callee: Span, at: Span, _ span: Span
  ) throws -> Operand {
    let receiver = x.untyped != nil ? try assign(x, to: x.type, "receiver") : x.expr
    let b: Builtin
    var params: [GoType] = []
    let result: GoType
    if x.type !== timeType {
      guard name == "String" else {
        throw fail(.typeError("\(syntaxText(callee)) undefined (type \(x.type) has no field or method \(name))"), at: at)
      }
      (b, result) = (x.type === monthType ? .monthString : .weekdayString, .string)
    } else {
      switch name {
      case "Unix": (b, result) = (.timeUnixMethod, .int64)
      case "UnixNano": (b, result) = (.timeUnixNano, .int64)
      case "UnixMilli": (b, result) = (.timeUnixMilliMethod, .int64)
      case "UnixMicro": (b, result) = (.timeUnixMicro, .int64)
      case "Sub": (b, params, result) = (.timeSub, [timeType], durationType)
      case "Add": (b, params, result) = (.timeAdd, [durationType], timeType)
      case "Before": (b, params, result) = (.timeBefore, [timeType], .bool)
      case "After": (b, params, result) = (.timeAfterMethod, [timeType], .bool)
      case "Equal": (b, params, result) = (.timeEqual, [timeType], .bool)
      case "Compare" where profile.version >= GoVersion(1, 20): (b, params, result) = (.timeCompare, [timeType], .int)
      case "IsZero": (b, result) = (.timeIsZero, .bool)
      case "Year": (b, result) = (.timeYear, .int)
      case "Month": (b, result) = (.timeMonth, monthType)
      case "Day": (b, result) = (.timeDay, .int)
      case "Hour": (b, result) = (.timeHour, .int)
      case "Minute": (b, result) = (.timeMinute, .int)
      case "Second": (b, result) = (.timeSecond, .int)
      case "Nanosecond": (b, result) = (.timeNanosecond, .int)
      case "Weekday": (b, result) = (.timeWeekday, weekdayType)
      case "YearDay": (b, result) = (.timeYearDay, .int)
      case "Format": (b, params, result) = (.timeFormat, [.string], .string)
      case "String": (b, result) = (.timeString, .string)
      case "UTC": (b, result) = (.timeUTC, timeType)
      case "Local": (b, result) = (.timeLocal, timeType)
      case "Truncate": (b, params, result) = (.timeTruncate, [durationType], timeType)
      case "Round": (b, params, result) = (.timeRound, [durationType], timeType)
      case "AddDate": (b, params, result) = (.timeAddDate, [.int, .int, .int], timeType)
      case "Date", "Clock", "In", "Location", "Zone", "ISOWeek", "AppendFormat", "MarshalJSON", "MarshalText",
        "MarshalBinary", "GoString", "ZoneBounds", "UnmarshalJSON", "UnmarshalText", "UnmarshalBinary", "GobEncode",
        "GobDecode", "IsDST":
        throw fail(.notSupported("time.Time.\(name)", plural: false), at: at)
      default: throw fail(.typeError("\(syntaxText(callee)) undefined (type time.Time has no field or method \(name))"), at: at)
      }
    }
    try arity(text(callee), args, want: params.map(\.description), scope, span)
    var typed = [receiver]
    for (a, t) in zip(args, params) { typed.append(try assign(try expression(a, scope), to: t, "argument to \(b.rawValue)")) }
    var op = value(TypedExpr(.builtin(b, typed, spread: false), result, span))
    op.isCallResult = true
    return op
  }
}
