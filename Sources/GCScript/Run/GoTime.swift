// GoTime: time.Time's value semantics, as Go's time package computes them (time/time.go,
// time/format.go), on the three words a Time is: wall, ext and loc.
//
//   wall  bit 63 hasMonotonic; with it, bits 30-62 the seconds since 1885-01-01 (33 bits) and
//         bits 0-29 the nanoseconds; without it, only the nanoseconds (bits 0-29).
//   ext   with hasMonotonic, the monotonic clock reading (ns since the process started);
//         without it, the seconds since January 1, year 1 (signed, 64 bits).
//   loc   *Location: nil for UTC (setLoc stores nil for &utcLoc), else &localLoc for Local.
//
// gcsh's clock is virtual: time.Now is the Go playground's fixed start, 2009-11-10 23:00:00
// UTC (runtime/time_fake.go's faketime, 1257894000 s after the Unix epoch), plus the virtual
// time the program has run; its monotonic reading is the virtual time itself. Every location
// is UTC (offset 0, named "UTC"): Local is the machine's /etc/localtime -> Etc/UTC, as on the
// machine the recordings were made on. So `time.Now().Format(...)` prints the same every run,
// as on the playground, and times made by time.Date or time.Unix print as in any Go.

/// One time.Time value.
struct GoTime: Equatable {
  var wall: UInt64
  var ext: Int64
  var loc: UInt64

  static let hasMonotonic: UInt64 = 1 << 63
  static let nsecShift: UInt64 = 30
  static let nsecMask: UInt64 = 1 << 30 - 1
  /// Seconds from January 1, year 1 to the Unix epoch (time.go unixToInternal).
  static let unixToInternal: Int64 = (1969 * 365 + 1969 / 4 - 1969 / 100 + 1969 / 400) * 86400
  /// Seconds from January 1, year 1 to 1885-01-01, where the wall seconds count from
  /// (wallToInternal).
  static let wallToInternal: Int64 = (1884 * 365 + 1884 / 4 - 1884 / 100 + 1884 / 400) * 86400
  /// The playground's start of time, in Unix seconds (2009-11-10 23:00:00 UTC).
  static let virtualEpochUnix: Int64 = 1_257_894_000

  init(wall: UInt64, ext: Int64, loc: UInt64) {
    self.wall = wall
    self.ext = ext
    self.loc = loc
  }

  /// time.Now at virtual time `mono` (ns), in the location `local` (time.go Now).
  static func now(mono: Int64, local: UInt64) -> GoTime {
    let unixSec = virtualEpochUnix + mono / 1_000_000_000
    let nsec = mono % 1_000_000_000
    let sec = unixSec + unixToInternal - wallToInternal
    if UInt64(bitPattern: sec) >> 33 != 0 {
      return GoTime(wall: UInt64(nsec), ext: sec + wallToInternal, loc: local)
    }
    return GoTime(wall: hasMonotonic | UInt64(sec) << nsecShift | UInt64(nsec), ext: mono, loc: local)
  }

  /// time.Unix(sec, nsec), nsec outside [0, 1e9) carried into sec.
  static func unix(_ sec: Int64, _ nsec: Int64, local: UInt64) -> GoTime {
    var sec = sec
    var nsec = nsec
    if nsec < 0 || nsec >= 1_000_000_000 {
      let n = nsec / 1_000_000_000
      sec &+= n
      nsec -= n * 1_000_000_000
      if nsec < 0 {
        nsec += 1_000_000_000
        sec &-= 1
      }
    }
    return GoTime(wall: UInt64(nsec), ext: sec &+ unixToInternal, loc: local)
  }

  var monotonic: Bool { wall & Self.hasMonotonic != 0 }
  /// Seconds since January 1, year 1.
  var sec: Int64 {
    monotonic ? Self.wallToInternal + Int64((wall << 1) >> (Self.nsecShift + 1)) : ext
  }
  var nsec: Int64 { Int64(wall & Self.nsecMask) }
  var unixSec: Int64 { sec &- Self.unixToInternal }

  var unixNano: Int64 { unixSec &* 1_000_000_000 &+ nsec }
  var unixMilli: Int64 { unixSec &* 1000 &+ nsec / 1_000_000 }
  var unixMicro: Int64 { unixSec &* 1_000_000 &+ nsec / 1000 }
  var isZero: Bool { sec == 0 && nsec == 0 }

  mutating func stripMono() {
    if monotonic {
      ext = sec
      wall &= Self.nsecMask
    }
  }

  /// setLoc: UTC is stored as nil; the monotonic reading goes.
  mutating func setLoc(_ l: UInt64) {
    stripMono()
    loc = l
  }

  mutating func addSec(_ d: Int64) {
    if monotonic {
      let s = Int64((wall << 1) >> (Self.nsecShift + 1))
      let (dsec, overflow) = s.addingReportingOverflow(d)
      if !overflow, 0 <= dsec, dsec <= 1 << 33 - 1 {
        wall = wall & Self.nsecMask | UInt64(dsec) << Self.nsecShift | Self.hasMonotonic
        return
      }
      stripMono()
    }
    let (sum, overflow) = ext.addingReportingOverflow(d)
    if !overflow {
      ext = sum
    } else {
      ext = d > 0 ? Int64.max : -Int64.max
    }
  }

  func adding(_ d: Int64) -> GoTime {
    var t = self
    var dsec = d / 1_000_000_000
    var n = nsec + d % 1_000_000_000
    if n >= 1_000_000_000 {
      dsec += 1
      n -= 1_000_000_000
    } else if n < 0 {
      dsec -= 1
      n += 1_000_000_000
    }
    t.wall = t.wall & ~Self.nsecMask | UInt64(n)
    t.addSec(dsec)
    if t.monotonic {
      let te = t.ext &+ d
      if d < 0 && te > t.ext || d > 0 && te < t.ext {
        t.stripMono()
      } else {
        t.ext = te
      }
    }
    return t
  }

  /// t.Sub(u), saturating at the Duration range (time.go Sub).
  func sub(_ u: GoTime) -> Int64 {
    if monotonic && u.monotonic {
      let (d, overflow) = ext.subtractingReportingOverflow(u.ext)
      if !overflow { return d }
      return ext > u.ext ? Int64.max : Int64.min
    }
    let total = (Int128(sec) - Int128(u.sec)) * 1_000_000_000 + Int128(nsec - u.nsec)
    if total > Int128(Int64.max) { return Int64.max }
    if total < Int128(Int64.min) { return Int64.min }
    return Int64(total)
  }

  /// -1, 0 or +1 (Compare; Before, After and Equal are its cases).
  func compare(_ u: GoTime) -> Int {
    if monotonic && u.monotonic { return ext < u.ext ? -1 : ext > u.ext ? 1 : 0 }
    if sec != u.sec { return sec < u.sec ? -1 : 1 }
    return nsec < u.nsec ? -1 : nsec > u.nsec ? 1 : 0
  }

  /// Truncate(d) and Round(d) (time.go): the remainder of the time since year 1 by d.
  func truncated(_ d: Int64, round: Bool) -> GoTime {
    var t = self
    t.stripMono()
    guard d > 0 else { return t }
    let total = Int128(t.sec) * 1_000_000_000 + Int128(t.nsec)
    var r = total % Int128(d)
    if r < 0 { r += Int128(d) }
    if round && r + r >= Int128(d) { return t.adding(d - Int64(r)) }
    return t.adding(-Int64(r))
  }

  // MARK: The calendar (all locations are UTC)

  /// Days since 1970-01-01, and the seconds into that day.
  private var unixDaySeconds: (days: Int64, seconds: Int64) {
    let s = unixSec
    var days = s / 86400
    var rem = s % 86400
    if rem < 0 {
      rem += 86400
      days -= 1
    }
    return (days, rem)
  }

  /// Year, month (1-12) and day of a count of days since 1970-01-01 (the proleptic Gregorian
  /// calendar, as Go's absDays.date computes it).
  static func civil(_ days: Int64) -> (year: Int64, month: Int, day: Int) {
    let z = days &+ 719_468
    let era = (z >= 0 ? z : z &- 146_096) / 146_097
    let doe = z &- era &* 146_097
    let yoe = (doe &- doe / 1460 &+ doe / 36524 &- doe / 146_096) / 365
    let doy = doe &- (365 &* yoe &+ yoe / 4 &- yoe / 100)
    let mp = (5 &* doy &+ 2) / 153
    let d = doy &- (153 &* mp &+ 2) / 5 &+ 1
    let m = mp < 10 ? mp &+ 3 : mp &- 9
    return (yoe &+ era &* 400 &+ (m <= 2 ? 1 : 0), Int(m), Int(d))
  }

  /// Days since 1970-01-01 of year-month-day (month 1-12, day 1-31).
  static func days(year: Int64, month: Int, day: Int) -> Int64 {
    let y = month <= 2 ? year &- 1 : year
    let era = (y >= 0 ? y : y &- 399) / 400
    let yoe = y &- era &* 400
    let m = Int64(month)
    let doy = (153 &* (m > 2 ? m &- 3 : m &+ 9) &+ 2) / 5 &+ Int64(day) &- 1
    let doe = yoe &* 365 &+ yoe / 4 &- yoe / 100 &+ doy
    return era &* 146_097 &+ doe &- 719_468
  }

  static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

  var date: (year: Int64, month: Int, day: Int) { Self.civil(unixDaySeconds.days) }
  var clock: (hour: Int, minute: Int, second: Int) {
    let s = Int(unixDaySeconds.seconds)
    return (s / 3600, s / 60 % 60, s % 60)
  }
  /// 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday).
  var weekday: Int {
    let w = (unixDaySeconds.days + 4) % 7
    return Int(w < 0 ? w + 7 : w)
  }
  /// 1 to 366.
  var yearDay: Int {
    let (y, _, _) = date
    return Int(unixDaySeconds.days - Self.days(year: y, month: 1, day: 1)) + 1
  }

  /// time.Date(year, month, day, hour, min, sec, nsec, loc), out-of-range fields normalised as
  /// Go does (October 32 is November 1), in UTC.
  static func date(
    _ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64, _ second: Int64, _ nsec: Int64,
    loc: UInt64
  ) -> GoTime {
    func norm(_ hi: Int64, _ lo: Int64, _ base: Int64) -> (Int64, Int64) {
      var hi = hi
      var lo = lo
      if lo < 0 {
        let n = (0 &- lo &- 1) / base &+ 1
        hi &-= n
        lo &+= n &* base
      }
      if lo >= base {
        let n = lo / base
        hi &+= n
        lo &-= n &* base
      }
      return (hi, lo)
    }
    let (y, m0) = norm(year, month &- 1, 12)
    let m = m0 + 1
    let (s1, ns) = norm(second, nsec, 1_000_000_000)
    let (mi1, sc) = norm(minute, s1, 60)
    let (h1, mn) = norm(hour, mi1, 60)
    let (d, hr) = norm(day, h1, 24)
    let base = days(year: y, month: Int(m), day: 1)
    let unixSec = (base &+ d &- 1) &* 86400 &+ hr &* 3600 &+ mn &* 60 &+ sc
    return GoTime(wall: UInt64(ns), ext: unixSec &+ unixToInternal, loc: loc)
  }

  // MARK: Formatting (format.go)

  static let longMonthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]
  static let longDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

  /// Month.String and Weekday.String: the name, or `%!Month(13)`.
  static func monthName(_ m: Int64) -> String {
    (1...12).contains(m) ? longMonthNames[Int(m) - 1] : "%!Month(\(UInt64(bitPattern: m)))"
  }
  static func weekdayName(_ d: Int64) -> String {
    (0...6).contains(d) ? longDayNames[Int(d)] : "%!Weekday(\(UInt64(bitPattern: d)))"
  }

  /// The layout elements of format.go (std* constants), as nextStdChunk finds them.
  enum Std: Equatable {
    case longMonth, month, numMonth, zeroMonth, longWeekDay, weekDay, day, underDay, zeroDay
    case underYearDay, zeroYearDay, hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
    case longYear, year, pm, lowerPM, tz
    case iso8601TZ, iso8601SecondsTZ, iso8601ShortTZ, iso8601ColonTZ, iso8601ColonSecondsTZ
    case numTZ, numSecondsTZ, numShortTZ, numColonTZ, numColonSecondsTZ
    /// `.000` or `,999`: the separator, the digits, and whether trailing zeros are trimmed.
    case fracSecond(separator: UInt8, digits: Int, trim: Bool)
  }

  /// nextStdChunk: the text before the first layout element, the element, and the rest.
  static func nextStdChunk(_ layout: ArraySlice<UInt8>) -> (prefix: ArraySlice<UInt8>, std: Std?, suffix: ArraySlice<UInt8>) {
    let l = layout
    let s = l.startIndex
    func has(_ i: Int, _ text: String) -> Bool {
      let t = Array(text.utf8)
      return l.endIndex - i >= t.count && Array(l[i..<i + t.count]) == t
    }
    func lowerAt(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 0x61 && l[i] <= 0x7A }
    func digitAt(_ i: Int) -> Bool { i < l.endIndex && l[i] >= 0x30 && l[i] <= 0x39 }
    func cut(_ i: Int, _ std: Std, _ n: Int) -> (ArraySlice<UInt8>, Std?, ArraySlice<UInt8>) { (l[s..<i], std, l[(i + n)...]) }
    var i = s
    while i < l.endIndex {
      switch l[i] {
      case UInt8(ascii: "J"):
        if has(i, "Jan") {
          if has(i, "January") { return cut(i, .longMonth, 7) }
          if !lowerAt(i + 3) { return cut(i, .month, 3) }
        }
      case UInt8(ascii: "M"):
        if has(i, "Mon") {
          if has(i, "Monday") { return cut(i, .longWeekDay, 6) }
          if !lowerAt(i + 3) { return cut(i, .weekDay, 3) }
        }
        if has(i, "MST") { return cut(i, .tz, 3) }
      case UInt8(ascii: "0"):
        if i + 1 < l.endIndex, l[i + 1] >= 0x31, l[i + 1] <= 0x36 {
          let zero: [Std] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
          return cut(i, zero[Int(l[i + 1] - 0x31)], 2)
        }
        if has(i, "002") { return cut(i, .zeroYearDay, 3) }
      case UInt8(ascii: "1"):
        if has(i, "15") { return cut(i, .hour, 2) }
        return cut(i, .numMonth, 1)
      case UInt8(ascii: "2"):
        if has(i, "2006") { return cut(i, .longYear, 4) }
        return cut(i, .day, 1)
      case UInt8(ascii: "_"):
        if i + 1 < l.endIndex, l[i + 1] == UInt8(ascii: "2") {
          // `_2006` is a literal `_` and the year.
          if has(i + 1, "2006") { return (l[s..<i + 1], .longYear, l[(i + 5)...]) }
          return cut(i, .underDay, 2)
        }
        if has(i, "__2") { return cut(i, .underYearDay, 3) }
      case UInt8(ascii: "3"): return cut(i, .hour12, 1)
      case UInt8(ascii: "4"): return cut(i, .minute, 1)
      case UInt8(ascii: "5"): return cut(i, .second, 1)
      case UInt8(ascii: "P"): if has(i, "PM") { return cut(i, .pm, 2) }
      case UInt8(ascii: "p"): if has(i, "pm") { return cut(i, .lowerPM, 2) }
      case UInt8(ascii: "-"):
        if has(i, "-070000") { return cut(i, .numSecondsTZ, 7) }
        if has(i, "-07:00:00") { return cut(i, .numColonSecondsTZ, 9) }
        if has(i, "-0700") { return cut(i, .numTZ, 5) }
        if has(i, "-07:00") { return cut(i, .numColonTZ, 6) }
        if has(i, "-07") { return cut(i, .numShortTZ, 3) }
      case UInt8(ascii: "Z"):
        if has(i, "Z070000") { return cut(i, .iso8601SecondsTZ, 7) }
        if has(i, "Z07:00:00") { return cut(i, .iso8601ColonSecondsTZ, 9) }
        if has(i, "Z0700") { return cut(i, .iso8601TZ, 5) }
        if has(i, "Z07:00") { return cut(i, .iso8601ColonTZ, 6) }
        if has(i, "Z07") { return cut(i, .iso8601ShortTZ, 3) }
      case UInt8(ascii: "."), UInt8(ascii: ","):
        if i + 1 < l.endIndex, l[i + 1] == UInt8(ascii: "0") || l[i + 1] == UInt8(ascii: "9") {
          let ch = l[i + 1]
          var j = i + 1
          while j < l.endIndex && l[j] == ch { j += 1 }
          if !digitAt(j) {
            // stdFracSecond keeps at most 9 digits' worth (digitsLen).
            let std = Std.fracSecond(separator: l[i], digits: j - (i + 1), trim: ch == UInt8(ascii: "9"))
            return (l[s..<i], std, l[j...])
          }
        }
      default: break
      }
      i += 1
    }
    return (l, nil, l[l.endIndex...])
  }

  /// appendInt: x in decimal, zero-padded to width.
  static func appendInt(_ b: inout [UInt8], _ x: Int64, _ width: Int) {
    var u = x.magnitude
    if x < 0 { b.append(UInt8(ascii: "-")) }
    var digits: [UInt8] = []
    repeat {
      digits.append(UInt8(ascii: "0") + UInt8(u % 10))
      u /= 10
    } while u > 0
    if width > digits.count { b += [UInt8](repeating: UInt8(ascii: "0"), count: width - digits.count) }
    b += digits.reversed()
  }

  /// AppendFormat (format.go appendFormat) with offset 0 and zone name "UTC".
  func format(_ layout: [UInt8]) -> [UInt8] {
    var b: [UInt8] = []
    var rest = layout[...]
    let (year, month, day) = date
    let (hour, minute, second) = clock
    while !rest.isEmpty {
      let (prefix, std, suffix) = Self.nextStdChunk(rest)
      b += prefix
      guard let std else { break }
      rest = suffix
      switch std {
      case .year: Self.appendInt(&b, Int64(year.magnitude % 100), 2)
      case .longYear: Self.appendInt(&b, year, 4)
      case .month: b += Self.monthName(Int64(month)).utf8.prefix(3)
      case .longMonth: b += Self.monthName(Int64(month)).utf8
      case .numMonth: Self.appendInt(&b, Int64(month), 0)
      case .zeroMonth: Self.appendInt(&b, Int64(month), 2)
      case .weekDay: b += Self.longDayNames[weekday].utf8.prefix(3)
      case .longWeekDay: b += Self.longDayNames[weekday].utf8
      case .day: Self.appendInt(&b, Int64(day), 0)
      case .underDay:
        if day < 10 { b.append(UInt8(ascii: " ")) }
        Self.appendInt(&b, Int64(day), 0)
      case .zeroDay: Self.appendInt(&b, Int64(day), 2)
      case .underYearDay:
        if yearDay < 100 { b.append(UInt8(ascii: " ")) }
        if yearDay < 10 { b.append(UInt8(ascii: " ")) }
        Self.appendInt(&b, Int64(yearDay), 0)
      case .zeroYearDay: Self.appendInt(&b, Int64(yearDay), 3)
      case .hour: Self.appendInt(&b, Int64(hour), 2)
      case .hour12: Self.appendInt(&b, Int64(hour % 12 == 0 ? 12 : hour % 12), 0)
      case .zeroHour12: Self.appendInt(&b, Int64(hour % 12 == 0 ? 12 : hour % 12), 2)
      case .minute: Self.appendInt(&b, Int64(minute), 0)
      case .zeroMinute: Self.appendInt(&b, Int64(minute), 2)
      case .second: Self.appendInt(&b, Int64(second), 0)
      case .zeroSecond: Self.appendInt(&b, Int64(second), 2)
      case .pm: b += (hour >= 12 ? "PM" : "AM").utf8
      case .lowerPM: b += (hour >= 12 ? "pm" : "am").utf8
      case .iso8601TZ, .iso8601SecondsTZ, .iso8601ShortTZ, .iso8601ColonTZ, .iso8601ColonSecondsTZ:
        b.append(UInt8(ascii: "Z"))  // offset 0
      case .numTZ: b += "+0000".utf8
      case .numColonTZ: b += "+00:00".utf8
      case .numShortTZ: b += "+00".utf8
      case .numSecondsTZ: b += "+000000".utf8
      case .numColonSecondsTZ: b += "+00:00:00".utf8
      case .tz: b += "UTC".utf8
      case .fracSecond(let separator, let digits, let trim):
        if trim && nsec == 0 { break }
        var frac: [UInt8] = []
        Self.appendInt(&frac, nsec, 9)
        frac = Array(frac.prefix(min(digits, 9)))
        if trim { while frac.last == UInt8(ascii: "0") { frac.removeLast() } }
        if trim && frac.isEmpty { break }
        b.append(separator)
        b += frac
      }
    }
    return b
  }

  /// String's monotonic suffix, " m=+1.000000001" (time.go String).
  var monotonicSuffix: [UInt8]? {
    guard monotonic else { return nil }
    var m2 = UInt64(bitPattern: ext)
    var b = Array(" m=".utf8)
    if ext < 0 {
      b.append(UInt8(ascii: "-"))
      m2 = 0 &- m2
    } else {
      b.append(UInt8(ascii: "+"))
    }
    var m1 = m2 / 1_000_000_000
    m2 %= 1_000_000_000
    let m0 = m1 / 1_000_000_000
    m1 %= 1_000_000_000
    var wid = 0
    if m0 != 0 {
      Self.appendInt(&b, Int64(m0), 0)
      wid = 9
    }
    Self.appendInt(&b, Int64(m1), wid)
    b.append(UInt8(ascii: "."))
    Self.appendInt(&b, Int64(m2), 9)
    return b
  }

  static let stringLayout = Array("2006-01-02 15:04:05.999999999 -0700 MST".utf8)

  // MARK: ParseDuration (format.go)

  /// ParseDuration's value, or its error text.
  static func parseDuration(_ s: [UInt8]) -> Result<Int64, ParseDurationError> {
    let orig = s
    var s = s[...]
    var d: UInt64 = 0
    var neg = false
    func quoted() -> String { "\"" + String(decoding: orig, as: UTF8.self) + "\"" }
    if let c = s.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
      neg = c == UInt8(ascii: "-")
      s = s.dropFirst()
    }
    if s.count == 1 && s.first == UInt8(ascii: "0") { return .success(0) }
    if s.isEmpty { return .failure(.init(text: "time: invalid duration " + quoted())) }
    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    while !s.isEmpty {
      guard let c = s.first, c == UInt8(ascii: ".") || isDigit(c) else {
        return .failure(.init(text: "time: invalid duration " + quoted()))
      }
      // The integer part (leadingInt).
      var v: UInt64 = 0
      let before = s.count
      var overflow = false
      while let c = s.first, isDigit(c) {
        if v > (1 << 63 - 1) / 10 { overflow = true }
        v = v &* 10 &+ UInt64(c - 0x30)
        if v > 1 << 63 { overflow = true }
        s = s.dropFirst()
      }
      if overflow { return .failure(.init(text: "time: invalid duration " + quoted())) }
      let pre = before != s.count
      // The fraction (leadingFraction).
      var post = false
      var f: UInt64 = 0
      var scale: Double = 1
      if s.first == UInt8(ascii: ".") {
        s = s.dropFirst()
        let b2 = s.count
        var fracOverflow = false
        while let c = s.first, isDigit(c) {
          if !fracOverflow {
            if f > (1 << 63 - 1) / 10 {
              fracOverflow = true
            } else {
              let y = f * 10 + UInt64(c - 0x30)
              if y > 1 << 63 {
                fracOverflow = true
              } else {
                f = y
                scale *= 10
              }
            }
          }
          s = s.dropFirst()
        }
        post = b2 != s.count
      }
      if !pre && !post { return .failure(.init(text: "time: invalid duration " + quoted())) }
      // The unit.
      var i = s.startIndex
      while i < s.endIndex, s[i] != UInt8(ascii: "."), !isDigit(s[i]) { i += 1 }
      if i == s.startIndex { return .failure(.init(text: "time: missing unit in duration " + quoted())) }
      let u = String(decoding: s[s.startIndex..<i], as: UTF8.self)
      s = s[i...]
      guard let unit = durationUnits[u] else {
        return .failure(.init(text: "time: unknown unit \"\(u)\" in duration " + quoted()))
      }
      if v > (1 << 63) / unit { return .failure(.init(text: "time: invalid duration " + quoted())) }
      v *= unit
      if f > 0 {
        v += UInt64(Double(f) * (Double(unit) / scale))
        if v > 1 << 63 { return .failure(.init(text: "time: invalid duration " + quoted())) }
      }
      d &+= v
      if d > 1 << 63 { return .failure(.init(text: "time: invalid duration " + quoted())) }
    }
    if neg { return .success(Int64(bitPattern: 0 &- d)) }
    if d > 1 << 63 - 1 { return .failure(.init(text: "time: invalid duration " + quoted())) }
    return .success(Int64(d))
  }

  struct ParseDurationError: Error { let text: String }

  /// format.go unitMap: ns in each unit ParseDuration reads (µ as U+00B5 and U+03BC).
  private static let durationUnits: [String: UInt64] = [
    "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000, "s": 1_000_000_000,
    "m": 60_000_000_000, "h": 3_600_000_000_000,
  ]
}
