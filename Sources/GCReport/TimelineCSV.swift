// TimelineCSV: `--timeline out.csv`, one row per timeline sample (RFC 4180).
//
// Columns: `t` (virtual seconds, exact to the nanosecond), `event` (what caused the row:
// start, statement, stats, gc-start, gc, sysmon-forced-gc, scavenge, scavenger-burst,
// scavenger-tick, heap-growth, reclaimed, death, end), `source` (`file:line` of a statement),
// `detail` (the statement's text, the stats label, the GC's number and trigger, bytes released
// or mapped), then the MemStats fields by their Go names, `RSS` (and `Footprint` under darwin),
// `GOGC` and `GOMEMLIMIT` in force. NextGC is the heap goal; it is empty while GOGC=off leaves
// none. A field the profile's era lacks is empty. A `stats` row holds exactly the numbers the
// `stats` statement printed.
//
// RFC 4180: fields separated by commas, records by CRLF, a field with a comma, a quote, CR or
// LF is quoted and its quotes doubled; the first record is the header.

import GoHeap

public enum TimelineCSV {
  /// The MemStats columns, in MemStats's order (Alloc is HeapAlloc, so it is left out).
  static let memStatsColumns = [
    "TotalAlloc", "Sys", "Mallocs", "Frees", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse",
    "HeapReleased", "HeapObjects", "StackInuse", "StackSys", "GCSys", "OtherSys", "NextGC",
    "LastGC", "PauseTotalNs", "NumGC", "NumForcedGC",
  ]

  /// The whole file.
  public static func render(_ t: Timeline) -> String {
    let darwin = t.configuration?.os == .darwin
    let have = t.configuration?.memStatsFields
    var header = ["t", "event", "source", "detail"] + memStatsColumns + ["RSS"]
    if darwin { header.append("Footprint") }
    header += ["GOGC", "GOMEMLIMIT"]
    var out = record(header)
    for s in t.samples {
      let (source, detail) = t.detail(of: s)
      var row = [Units.seconds(s.timeNs), s.cause.name, source, detail]
      let fields = Dictionary(s.stats.fields, uniquingKeysWith: { a, _ in a })
      for c in memStatsColumns {
        guard have?.contains(c) ?? true, let v = fields[c] else {
          row.append("")
          continue
        }
        row.append(c == "NextGC" && v == Int.max ? "" : "\(v)")
      }
      row.append("\(s.stats.rss)")
      if darwin { row.append("\(s.stats.footprint)") }
      row.append(s.gcPercent < 0 ? "off" : "\(s.gcPercent)")
      row.append(s.memoryLimit == Int.max ? "off" : "\(s.memoryLimit)")
      out += record(row)
    }
    return out
  }

  /// One record, CRLF-terminated.
  static func record(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted when it holds a comma, a quote, CR or LF.
  static func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
    else { return s }
    return "\"" + s.replacing(every: "\"", with: "\"\"") + "\""
  }
}
