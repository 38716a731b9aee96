// time.Time's methods and the time package's constructors at run time: the values are
// GoTime's (Run/GoTime.swift); this file reads and writes the three words and allocates what
// the time package allocates.
//
// What allocates (Tests/Recordings/runs/timeapi, Go 1.27.3 and 1.19.8):
//   - Format: `string(b)` of what it formatted — in a 64-byte buffer on the stack, or in a
//     make([]byte, 0, len(layout)+10) on the heap when the layout is 54 bytes or longer.
//   - String: Format's string, then for a Time with a monotonic reading `string(buf)` of the
//     " m=+..." suffix and the concatenation of the two (3 mallocs, 128 B for time.Now()).
//   - The first use of Local's zone (Format, String, Year and the other calendar fields of a
//     Local time; time.Date in Local) runs initLocal: with TZ unset it loads /etc/localtime
//     (here Etc/UTC), 17 mallocs, 3,800 B in Go 1.27.3 and 14, 3,904 B in Go 1.19.8; part of
//     it stays reachable from localLoc for good (measured after a GC: 7 objects, 1,944 B and 5,
//     1,904 B), the rest (the file's buffers) is garbage. TZ="" means UTC and loads nothing.
//   - Month.String and Weekday.String of a value out of range: the "%!Month(13)" string.
//   - ParseDuration's errors: errors.New of a concatenation with quote()d text (each quote a
//     buffer and its string).
// Nothing else allocates: Now, Unix, Date, Sub, Add and the comparisons work on the words.

import GoHeap

extension VM {
  /// A time.Time in three slots.
  func goTime(_ p: UnsafeMutablePointer<UInt64>) -> GoTime {
    GoTime(wall: p[0], ext: Int64(bitPattern: p[1]), loc: p[2])
  }

  func store(_ t: GoTime, _ out: UnsafeMutablePointer<UInt64>?) {
    guard let out else { return }
    (out[0], out[1], out[2]) = (t.wall, UInt64(bitPattern: t.ext), t.loc)
  }

  /// &localLoc: time.Local, a Time's loc when it is Local (read-only data to gcsh: its zone is
  /// the runtime's, allocated by `loadLocalZone`). Made once: time.Now reads it every call.
  var localLocation: UInt64 {
    if let a = timeLocations.local { return a }
    let a = session.rodataAddress(of: Array("time.localLoc\0\0\0".utf8))
    timeLocations.local = a
    return a
  }
  /// &utcLoc: time.UTC (a Time stores nil for it).
  var utcLocation: UInt64 {
    if let a = timeLocations.utc { return a }
    let a = session.rodataAddress(of: Array("time.utcLoc\0\0\0\0\0".utf8))
    timeLocations.utc = a
    return a
  }

  /// time.Now at the virtual clock.
  func timeNow() throws -> GoTime {
    try flushTime()
    return GoTime.now(mono: Int64(heap.virtualTime), local: localLocation)
  }

  /// A calendar field of `t` is about to be read: a Local time's zone is loaded first.
  private func usingZone(of t: GoTime) throws {
    if t.loc == localLocation { try loadLocalZone() }
  }

  /// initLocal (zoneinfo_unix.go), once per process: the recorded allocations of loading
  /// /etc/localtime, the kept ones held as the runtime's roots.
  func loadLocalZone() throws {
    guard !localZoneLoaded else { return }
    localZoneLoaded = true
    if host?.environment("TZ") == "" { return }
    let go127 = heap.profile.version >= GoVersion(1, 20)
    // Sizes in bytes; a small pointerful object is a zone or a name's string header, the
    // large ones byte buffers (noscan).
    let kept = go127 ? [8, 16, 16, 32, 32, 48, 1792] : [16, 16, 32, 48, 1792]
    let garbage = go127 ? [16, 16, 32, 32, 112, 128, 208, 416, 896] : [16, 16, 112, 128, 208, 208, 416, 896]
    let word = GoType.pointer(to: .uint8)
    func allocate(_ size: Int) throws -> Address {
      size <= 48 ? try heap.allocate(word, count: size / 8) : try heap.allocate(.uint8, count: size)
    }
    for size in kept { localZone.append(try allocate(size)) }
    for size in garbage { _ = try allocate(size) }
    // The zone's name, a 3-byte tiny allocation (it shared a tiny block in the recordings).
    _ = try heap.allocate(.uint8, count: 3)
  }

  /// Format's result: the formatted bytes as a new string (none for "", the runtime's static
  /// byte for one byte), after the heap buffer of a long layout.
  private func formatted(_ t: GoTime, layout: [UInt8], into out: UnsafeMutablePointer<UInt64>?) throws -> [UInt8] {
    try usingZone(of: t)
    let text = t.format(layout)
    if layout.count + 10 >= 64 { _ = try heap.allocate(.uint8, count: layout.count + 10) }
    if let out { try newTimeString(text, into: out) }
    return text
  }

  /// slicebytetostring of `text`.
  private func newTimeString(_ text: [UInt8], into out: UnsafeMutablePointer<UInt64>) throws {
    switch text.count {
    case 0: (out[0], out[1]) = (0, 0)
    case 1: (out[0], out[1]) = (session.staticBytesAddress &+ UInt64(text[0]) &* 8, 1)
    default: try newString(text, into: out)
    }
  }

  /// Time.String: Format's string, plus the monotonic suffix (its own string and the
  /// concatenation) for a time with a monotonic reading.
  func timeString(_ t: GoTime, into out: UnsafeMutablePointer<UInt64>?) throws -> [UInt8] {
    var s: [UInt64] = [0, 0]
    let text = try formatted(t, layout: GoTime.stringLayout, into: &s)
    guard let suffix = t.monotonicSuffix else {
      if let out { (out[0], out[1]) = (s[0], s[1]) }
      return text
    }
    inFlight.append(s[0])
    defer { inFlight.removeLast() }
    var m: [UInt64] = [0, 0]
    try newTimeString(suffix, into: &m)
    inFlight.append(m[0])
    defer { inFlight.removeLast() }
    var whole: [UInt64] = [0, 0]
    try newString(text + suffix, into: &whole)
    if let out { (out[0], out[1]) = (whole[0], whole[1]) }
    return text + suffix
  }

  /// Month.String / Weekday.String: a constant name, or the concatenation for a bad value.
  func monthOrWeekdayString(_ b: Builtin, _ v: Int64, into out: UnsafeMutablePointer<UInt64>?) throws -> [UInt8] {
    let valid = b == .monthString ? (1...12).contains(v) : (0...6).contains(v)
    let text = Array((b == .monthString ? GoTime.monthName(v) : GoTime.weekdayName(v)).utf8)
    guard let out else {
      if !valid { _ = try heap.allocate(.uint8, count: text.count) }
      return text
    }
    if valid {
      (out[0], out[1]) = (session.rodataAddress(of: text), UInt64(text.count))
    } else {
      try newString(text, into: out)
    }
    return text
  }

  /// The time methods and functions (Checker+Time.swift types them; the receiver first).
  func timeCall(_ b: Builtin, _ args: [(GoType, UnsafeMutablePointer<UInt64>)], result: () -> UnsafeMutablePointer<UInt64>?) throws {
    func int(_ k: Int) -> Int64 { Int64(bitPattern: args[k].1[0]) }
    func set(_ v: Int64) { result()?[0] = UInt64(bitPattern: v) }
    func setBool(_ v: Bool) { result()?[0] = v ? 1 : 0 }
    switch b {
    case .timeDate:
      if args[7].1[0] == 0 { throw VMTrap(kind: .goPanic("time: missing Location in call to Date")) }
      let loc = args[7].1[0] == utcLocation ? 0 : args[7].1[0]
      if loc == localLocation { try loadLocalZone() }
      store(GoTime.date(int(0), int(1), int(2), int(3), int(4), int(5), int(6), loc: loc), result())
      return
    case .timeUnix: store(GoTime.unix(int(0), int(1), local: localLocation), result()); return
    case .timeUnixMilli:
      store(GoTime.unix(int(0) / 1000, (int(0) % 1000) * 1_000_000, local: localLocation), result())
      return
    case .timeUntil: set(goTime(args[0].1).sub(try timeNow())); return
    case .timeUTCLocation: result()?[0] = utcLocation; return
    case .timeLocalLocation: result()?[0] = localLocation; return
    case .timeParseDuration: try parseDuration(args[0].1, result: result); return
    case .monthString, .weekdayString:
      var s: [UInt64] = [0, 0]
      _ = try monthOrWeekdayString(b, int(0), into: &s)
      if let out = result() { (out[0], out[1]) = (s[0], s[1]) }
      return
    default: break
    }
    let t = goTime(args[0].1)
    switch b {
    case .timeUnixMethod: set(t.unixSec)
    case .timeUnixNano: set(t.unixNano)
    case .timeUnixMilliMethod: set(t.unixMilli)
    case .timeUnixMicro: set(t.unixMicro)
    case .timeSub: set(t.sub(goTime(args[1].1)))
    case .timeAdd: store(t.adding(int(1)), result())
    case .timeBefore: setBool(t.compare(goTime(args[1].1)) < 0)
    case .timeAfterMethod: setBool(t.compare(goTime(args[1].1)) > 0)
    case .timeEqual: setBool(t.compare(goTime(args[1].1)) == 0)
    case .timeCompare: set(Int64(t.compare(goTime(args[1].1))))
    case .timeIsZero: setBool(t.isZero)
    case .timeNanosecond: set(t.nsec)
    case .timeYear, .timeMonth, .timeDay, .timeHour, .timeMinute, .timeSecond, .timeWeekday, .timeYearDay:
      try usingZone(of: t)
      switch b {
      case .timeYear: set(t.date.year)
      case .timeMonth: set(Int64(t.date.month))
      case .timeDay: set(Int64(t.date.day))
      case .timeHour: set(Int64(t.clock.hour))
      case .timeMinute: set(Int64(t.clock.minute))
      case .timeSecond: set(Int64(t.clock.second))
      case .timeWeekday: set(Int64(t.weekday))
      default: set(Int64(t.yearDay))
      }
    case .timeFormat:
      var s: [UInt64] = [0, 0]
      _ = try formatted(t, layout: try string(args[1].1), into: &s)
      if let out = result() { (out[0], out[1]) = (s[0], s[1]) }
    case .timeString:
      var s: [UInt64] = [0, 0]
      _ = try timeString(t, into: &s)
      if let out = result() { (out[0], out[1]) = (s[0], s[1]) }
    case .timeUTC, .timeLocal:
      var u = t
      u.setLoc(b == .timeUTC ? 0 : localLocation)
      store(u, result())
    case .timeTruncate, .timeRound: store(t.truncated(int(1), round: b == .timeRound), result())
    case .timeAddDate:
      // Date(year+y, month+m, day+d, hour, min, sec, nsec, t.Location()).
      try usingZone(of: t)
      let (y, m, d) = t.date
      let (h, mi, s) = t.clock
      let u = GoTime.date(
        y &+ int(1), Int64(m) &+ int(2), Int64(d) &+ int(3), Int64(h), Int64(mi), Int64(s), t.nsec, loc: t.loc)
      store(u, result())
    default: throw VMTrap(kind: .internalFault("\(b.rawValue) is not a time function"))
    }
  }

  /// time.ParseDuration: the Duration, or errors.New(message) — its quote()d parts each a
  /// buffer and a string, then the message, then the errorString.
  private func parseDuration(_ s: UnsafeMutablePointer<UInt64>, result: () -> UnsafeMutablePointer<UInt64>?) throws {
    let text = try string(s)
    switch GoTime.parseDuration(text) {
    case .success(let d):
      if let out = result() { (out[0], out[1], out[2]) = (UInt64(bitPattern: d), 0, 0) }
    case .failure(let e):
      let message = Array(e.text.utf8)
      // Each quote(x): make([]byte, 1, len(x)+2) and string(buf).
      let quotes = message.split(separator: UInt8(ascii: "\""), omittingEmptySubsequences: false)
      for k in stride(from: 1, to: quotes.count - 1, by: 2) {
        _ = try heap.allocate(.uint8, count: quotes[k].count + 2)
        _ = try heap.allocate(.uint8, count: quotes[k].count + 2)
      }
      var str: [UInt64] = [0, 0]
      try newString(message, into: &str)
      inFlight.append(str[0])
      defer { inFlight.removeLast() }
      let object = try heap.allocate(errorStringType, count: 1)
      try store(object, str[0], 8)
      try store(object + 8, str[1], 8)
      let itab = runtimeTypes.itab(.error, .pointer(to: errorStringType), session) ?? 0
      if let out = result() { (out[0], out[1], out[2]) = (0, itab, object) }
    }
  }
}
