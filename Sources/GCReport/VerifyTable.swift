// VerifyTable: gcsh's numbers beside the real runtime's (`gcsh verify`).
//
// Both sides print the same JSON line for each checkpoint (`{"event":"stats",...}`: gcsh's
// `--format jsonl`, and the exported program's gcshStats), so they are read the same way and
// paired in order. Each judged value is marked when it is outside the fidelity tolerances of
// ../shared/anchors — the ones every anchor test uses:
//
//   HeapAlloc, TotalAlloc, HeapSys, HeapIdle, HeapInuse, NextGC, Sys   max(2 %, 1 MiB)
//   HeapReleased                                                       4 MiB
//   RSS                                                                max(2 %, 2 MiB)
//   NumGC, NumForcedGC                                                 exactly
//
// The other fields (Mallocs, Frees, HeapObjects, the stacks, GCSys, OtherSys, PauseTotalNs) are
// shown but not judged: the runtime's own start-up objects, GC work buffers and pause times are
// outside GoHeap's model (grammar.md, runtime.ReadMemStats). Then both trace streams
// (gctrace and scavtrace) are interleaved by their time.

import GoHeap

public enum VerifyTable {
  /// One checkpoint: its label (nil for a bare `stats`), its time in seconds, and its fields.
  public struct Checkpoint: Sendable {
    public var label: String?
    public var t: Double
    public var values: [(String, Int)]
    public func value(_ name: String) -> Int? { values.first { $0.0 == name }?.1 }
  }

  /// A trace line with the time it is placed at: a gctrace line's own `@t`, a scavtrace line's
  /// event time (gcsh) or the time of the trace line before it (Go, whose scavtrace has none).
  public struct TraceLine: Sendable {
    public var t: Double
    public var text: String
    public init(t: Double, text: String) {
      self.t = t
      self.text = text
    }
  }

  /// How a field is judged.
  enum Rule {
    case size, released, rss, exact, shown
  }

  static func rule(_ field: String) -> Rule {
    switch field {
    case "HeapAlloc", "TotalAlloc", "HeapSys", "HeapIdle", "HeapInuse", "NextGC", "Sys": return .size
    case "HeapReleased": return .released
    case "RSS": return .rss
    case "NumGC", "NumForcedGC": return .exact
    default: return .shown
    }
  }

  /// Whether gcsh's value is within the tolerance of the real one (nil: the field is not judged).
  public static func withinTolerance(_ field: String, gcsh: Int, real: Int) -> Bool? {
    let d = Double(abs(gcsh - real))
    switch rule(field) {
    case .size: return d <= max(0.02 * Double(real), Double(MiB))
    case .released: return d <= Double(4 * MiB)
    case .rss: return d <= max(0.02 * Double(real), Double(2 * MiB))
    case .exact: return gcsh == real
    case .shown: return nil
    }
  }

  /// Reads the `stats` lines of a JSON-lines stream (gcsh's or the exported program's stdout);
  /// other lines (the program's own output, other events) are skipped.
  public static func checkpoints(_ lines: [String]) -> [Checkpoint] {
    lines.compactMap { line in
      guard line.hasPrefix("{\"event\":\"stats\"") else { return nil }
      var cp = Checkpoint(label: nil, t: 0, values: [])
      for (k, v) in JSONScan.fields(line) {
        switch k {
        case "event": continue
        case "t": cp.t = Double(v) ?? 0
        case "label": cp.label = v
        default: if let n = Int(v) { cp.values.append((k, n)) }
        }
      }
      return cp
    }
  }

  /// The result of a comparison: the text, and the counts of judged values.
  public struct Result: Sendable {
    public var text: String
    public var judged: Int
    public var outside: Int
    public var missing: Int
  }

  /// The fields a randomised heap base's extra chunk moves (render's `extraChunkBytes`).
  static let chunkFields: Set<String> = ["HeapSys", "HeapIdle", "HeapReleased", "Sys"]

  /// Renders the checkpoints side by side: per checkpoint a row per field — gcsh, Go, the
  /// difference, and `OUTSIDE` where a judged value is out of tolerance.
  /// `extraChunkBytes`: the profile's randomised heap base's extra chunk
  /// (RuntimeProfile.randomHeapBaseChunkBytes). When the real run's first checkpoint shows
  /// HeapSys that much above gcsh's (within half a MiB), the run drew a start that mapped it:
  /// HeapSys, HeapIdle, HeapReleased and Sys are judged with it taken off (as
  /// ../shared/tools/anchor-diff does), and a note says so.
  public static func render(
    title: String, gcsh: [Checkpoint], real: [Checkpoint], gcshTrace: [TraceLine], realTrace: [TraceLine],
    realVersion: String, extraChunkBytes: Int = 0
  ) -> Result {
    var out = title + "\n"
    var judged = 0
    var outside = 0
    var shift = 0
    if extraChunkBytes > 0, let a = gcsh.first?.value("HeapSys"), let b = real.first?.value("HeapSys"),
      abs(b - a - extraChunkBytes) <= MiB / 2
    {
      shift = b - a
      out += "(the real run started with one more heap chunk: Go 1.26+ randomises the heap base, and about one"
        + " start in eight maps a second 4 MiB chunk at once; HeapSys, HeapIdle, HeapReleased and Sys are judged"
        + " \(StatsTable.fixed1(Double(shift) / Double(MiB))) MiB lower. Run verify again for the common start.)\n"
    }
    let n = max(gcsh.count, real.count)
    for k in 0..<n {
      let a = k < gcsh.count ? gcsh[k] : nil
      let b = k < real.count ? real[k] : nil
      let label = (a ?? b)?.label ?? "stats"
      out += "\n#\(k + 1) \(label)"
      out += "   (gcsh t=\(a.map { seconds($0.t) } ?? "-"), \(realVersion) t=\(b.map { seconds($0.t) } ?? "-"))\n"
      if a == nil || b == nil {
        out += "  missing on the \(a == nil ? "gcsh" : "Go") side\n"
        continue
      }
      guard let a, let b else { continue }
      out += "  " + StatsTable.pad("field", 14) + StatsTable.lpad("gcsh", 14) + StatsTable.lpad(realVersion, 14)
        + StatsTable.lpad("difference", 14) + "\n"
      for (f, x) in a.values {
        guard let y = b.value(f) else { continue }
        let verdict = withinTolerance(f, gcsh: x, real: chunkFields.contains(f) ? y - shift : y)
        if let verdict {
          judged += 1
          if !verdict { outside += 1 }
        }
        let bytes = isBytes(f)
        let show = { (v: Int) in bytes ? StatsTable.fixed1(Double(v) / Double(MiB)) + " MiB" : "\(v)" }
        let diff = x - y
        let d = bytes ? (diff >= 0 ? "+" : "-") + StatsTable.fixed1(Double(abs(diff)) / Double(MiB)) + " MiB"
          : (diff > 0 ? "+\(diff)" : "\(diff)")
        let mark = verdict == false ? "  OUTSIDE" : verdict == nil ? "  (not judged)" : ""
        out += "  " + StatsTable.pad(f, 14) + StatsTable.lpad(show(x), 14) + StatsTable.lpad(show(y), 14)
          + StatsTable.lpad(d, 14) + mark + "\n"
      }
    }
    let missing = abs(gcsh.count - real.count)
    out += "\ntrace (gcsh's virtual time | \(realVersion)'s wall time, interleaved by time)\n"
    let merged = (gcshTrace.map { ($0, true) } + realTrace.map { ($0, false) }).enumerated()
      .sorted { ($0.element.0.t, $0.offset) < ($1.element.0.t, $1.offset) }.map(\.element)
    for (line, mine) in merged {
      out += (mine ? "  gcsh  " : "  go    ") + line.text + "\n"
    }
    out += "\n\(judged - outside) of \(judged) judged values within tolerance"
      + (missing > 0 ? "; \(missing) checkpoint\(missing == 1 ? "" : "s") missing on one side" : "") + "\n"
    out += "(tolerances: sizes max(2 %, 1 MiB), HeapReleased 4 MiB, RSS max(2 %, 2 MiB), NumGC and NumForcedGC exactly)\n"
    return Result(text: out, judged: judged, outside: outside, missing: missing)
  }

  static func isBytes(_ f: String) -> Bool {
    !["Mallocs", "Frees", "HeapObjects", "NumGC", "NumForcedGC", "PauseTotalNs"].contains(f)
  }

  static func seconds(_ t: Double) -> String {
    let ms = Int((t * 1000).rounded())
    let frac = String(ms % 1000)
    return "\(ms / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac + "s"
  }

  /// gcsh's trace lines from its JSON-lines stream: the `trace` of each `gc` and `scavenge`
  /// event, at the `@` time a gctrace line carries (the cycle's start), else the event's time.
  public static func gcshTraceLines(_ lines: [String]) -> [TraceLine] {
    var out: [TraceLine] = []
    for line in lines where line.hasPrefix("{\"event\":\"gc\"") || line.hasPrefix("{\"event\":\"scavenge\"") {
      let fields = JSONScan.fields(line)
      guard let trace = fields.first(where: { $0.0 == "trace" })?.1, !trace.isEmpty else { continue }
      let t = Double(fields.first { $0.0 == "t" }?.1 ?? "") ?? 0
      for text in trace.split(separator: "\n") {
        let own = traceLines([String(text)]).first
        out.append(TraceLine(t: text.hasPrefix("gc ") ? own?.t ?? t : t, text: String(text)))
      }
    }
    return out
  }

  /// A trace stream's lines with their times: gctrace's `gc N @T.TTTs ...` carries its own;
  /// any other line (scavtrace) takes the time of the line before it.
  public static func traceLines(_ lines: [String]) -> [TraceLine] {
    var last = 0.0
    return lines.compactMap { line -> TraceLine? in
      guard line.hasPrefix("gc ") || line.hasPrefix("scav") || line.hasPrefix("scvg") else { return nil }
      // `gc 3 @12.345s 0%: ...`: the third word, between "@" and "s".
      let words = line.split(separator: " ")
      if words.count > 2, words[2].hasPrefix("@"), words[2].hasSuffix("s"),
        let t = Double(words[2].dropFirst().dropLast())
      {
        last = t
      }
      return TraceLine(t: last, text: line)
    }
  }
}

/// A minimal reader of the flat JSON objects gcsh writes (string and number values only, keys
/// in order): enough for the `stats` lines, without Foundation.
enum JSONScan {
  static func fields(_ line: String) -> [(String, String)] {
    var out: [(String, String)] = []
    let s = Array(line.unicodeScalars)
    var i = 0
    func string() -> String {
      var v = ""
      i += 1
      while i < s.count && s[i] != "\"" {
        if s[i] == "\\" && i + 1 < s.count {
          i += 1
          switch s[i] {
          case "n": v += "\n"
          case "r": v += "\r"
          case "t": v += "\t"
          case "u" where i + 4 < s.count:
            let hex = String(String.UnicodeScalarView(s[(i + 1)...(i + 4)]))
            if let code = UInt32(hex, radix: 16), let u = Unicode.Scalar(code) { v.unicodeScalars.append(u) }
            i += 4
          default: v.unicodeScalars.append(s[i])
          }
        } else {
          v.unicodeScalars.append(s[i])
        }
        i += 1
      }
      i += 1
      return v
    }
    while i < s.count {
      guard s[i] == "\"" else {
        i += 1
        continue
      }
      let key = string()
      while i < s.count && (s[i] == ":" || s[i] == " ") { i += 1 }
      guard i < s.count else { break }
      if s[i] == "\"" {
        out.append((key, string()))
      } else {
        var v = ""
        while i < s.count && s[i] != "," && s[i] != "}" {
          v.unicodeScalars.append(s[i])
          i += 1
        }
        out.append((key, v))
      }
    }
    return out
  }
}
