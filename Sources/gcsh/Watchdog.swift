// Watchdog: `--timeout DURATION`, a wall-clock limit on a script. When it passes, SIGALRM asks the
// interpreter to stop at its next statement, loop iteration or call (as Ctrl-C does), and the
// error names the limit instead of saying "interrupted".

import GCScript

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

#if canImport(Glibc)
  private let realTimer = __itimer_which_t(ITIMER_REAL.rawValue)
#else
  private let realTimer = ITIMER_REAL
#endif

enum Watchdog {
  /// Set by the SIGALRM handler when the limit passed.
  nonisolated(unsafe) static var fired = false
  /// The limit as the user wrote it (`10s`).
  nonisolated(unsafe) static var limit = ""

  /// Starts the clock: `seconds` of wall time from now.
  static func arm(seconds: Double, written: String) {
    limit = written
    fired = false
    signal(SIGALRM) { _ in
      Watchdog.fired = true
      Interrupt.requested = true
    }
    var t = itimerval()
    t.it_value.tv_sec = Int(seconds)
    t.it_value.tv_usec = max(1, Int((seconds - Double(Int(seconds))) * 1e6))
    setitimer(realTimer, &t, nil)
  }

  /// Stops the clock (the REPL after `-i` has no limit).
  static func disarm() {
    var t = itimerval()
    setitimer(realTimer, &t, nil)
    fired = false
  }

  /// A wall-clock duration in Go's syntax (`500ms`, `10s`, `1m30s`, `2h`), in seconds; nil when
  /// malformed or not positive.
  static func seconds(_ s: String) -> Double? {
    let units: [(String, Double)] = [("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9), ("h", 3600), ("m", 60), ("s", 1)]
    var rest = Substring(s)
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard let v = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
      rest = rest.dropFirst(unit.count)
      total += v * scale
    }
    return total > 0 && total < 1e9 ? total : nil
  }
}
