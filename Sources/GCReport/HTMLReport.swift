// HTMLReport: `--report out.html`, the REPL's `:report`, and `gcsh compare --report`.
//
// One self-contained file: no network, no external scripts, fonts or images, and no script at
// all — the chart is inline SVG, the links between the script's lines and the chart's moments
// are fragment links (`#st-N` highlights the statement's band through CSS `:target`, a band
// links back to its line), and tooltips are SVG `<title>`s, so everything reads with scripts
// off and in print. Light and dark colour schemes follow `prefers-color-scheme`.
//
// Sections: the chart; the `stats` checkpoints (numbered as the chart's badges); the script
// with line numbers, each statement's line linked to its moment; the GC cycles; the run's
// configuration; the final `stats all`. The document is well-formed XML (written by `Markup`),
// which the tests check with xmllint and read back for their structure goldens.

import GoHeap

public enum HTMLReport {
  /// One recorded run and what the report says about it.
  public struct Run {
    public var timeline: Timeline
    /// The run's name in a comparison (`--profile go1.19`); empty for a single run.
    public var name: String
    /// `stats all` at the end of the run.
    public var finalStats: String

    public init(timeline: Timeline, name: String = "", finalStats: String) {
      self.timeline = timeline
      self.name = name
      self.finalStats = finalStats
    }

    /// The run's `stats all` now.
    public init(timeline: Timeline, name: String = "", runtime: GoRuntime) {
      self.init(timeline: timeline, name: name, finalStats: Views.all(runtime, label: nil))
    }
  }

  /// The report of one run.
  public static func render(_ run: Run, title: String) -> String {
    document(title: "gcsh report: " + title) { m in
      let t = run.timeline
      header(&m, title: title, runs: [run])
      section(&m, id: "chart", "Memory over virtual time") { m in
        m.open("figure")
        m.raw(SVGChart.render(t, title: title + " — " + configLine(t), linked: true))
        figureCaption(&m, [run])
        m.close()
      }
      checkpointTable(&m, [run])
      scriptListing(&m, [run])
      cycleTable(&m, run, id: "gcs")
      configuration(&m, [run])
      finalStats(&m, [run])
    }
  }

  /// Two runs of one script (`gcsh compare --report`): both on one chart, then each on its own.
  public static func compare(_ a: Run, _ b: Run, title: String) -> String {
    document(title: "gcsh compare: " + title) { m in
      header(&m, title: title, runs: [a, b])
      section(&m, id: "chart", "Both runs over virtual time") { m in
        m.open("figure")
        m.raw(
          SVGChart.compare(
            a.timeline, b.timeline, names: (a.name, b.name),
            title: "\(title): \(a.name) vs \(b.name)"))
        figureCaption(&m, [a, b])
        m.close()
      }
      checkpointTable(&m, [a, b])
      for (k, r) in [a, b].enumerated() {
        let ids = k == 0 ? "a-" : "b-"
        section(&m, id: ids + "chart", r.name) { m in
          m.open("figure")
          m.raw(SVGChart.render(r.timeline, title: "\(title) — \(r.name)", ids: ids, linked: false))
          m.close()
        }
      }
      scriptListing(&m, [a, b])
      cycleTable(&m, a, id: "a-gcs", name: a.name)
      cycleTable(&m, b, id: "b-gcs", name: b.name)
      configuration(&m, [a, b])
      finalStats(&m, [a, b])
    }
  }

  // MARK: Sections

  static func document(title: String, _ body: (inout Markup) -> Void) -> String {
    var m = Markup()
    m.raw("<!DOCTYPE html>\n")
    m.open("html", [("lang", "en")])
    m.open("head")
    m.empty("meta", [("charset", "utf-8")])
    m.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
    m.empty("meta", [("name", "color-scheme"), ("content", "light dark")])
    m.element("title", text: title)
    m.open("style")
    m.raw(css)
    m.close()
    m.close()
    m.raw("\n")
    m.open("body")
    body(&m)
    m.open("footer")
    m.add(
      "Made by gcsh. Every number is simulated: a modelled Go runtime on a modelled machine, "
        + "in virtual time; the same script and flags always give the same report.")
    m.close()
    m.close()
    m.close()
    m.raw("\n")
    return m.text
  }

  static func header(_ m: inout Markup, title: String, runs: [Run]) {
    m.open("header")
    m.element("h1", text: (runs.count > 1 ? "gcsh compare: " : "gcsh report: ") + title)
    for r in runs {
      let t = r.timeline
      let forced = t.cycles.filter { $0.trigger != .heap }.count
      let peak = t.samples.map(\.stats.rss).max() ?? 0
      m.element(
        "p", [("class", "sub")],
        text: (r.name.isEmpty ? "" : r.name + ": ")
          + configLine(t) + "; \(Units.clock(t.endNs)) of virtual time; \(t.cycleCount) GC cycle"
          + (t.cycleCount == 1 ? "" : "s")
          + " (\(forced) forced); RSS peaked at \(Units.bytes(peak))"
          + (t.death.map { "; the process died: " + $0.0 } ?? ""))
    }
    m.close()
  }

  static func configLine(_ t: Timeline) -> String {
    guard let c = t.configuration else { return "" }
    return "simulated \(c.profile) on \(c.os.rawValue)"
  }

  static func section(
    _ m: inout Markup, id: String, _ heading: String, _ body: (inout Markup) -> Void
  ) {
    m.raw("\n")
    m.open("section", [("id", id)])
    m.element("h2", text: heading)
    body(&m)
    m.close()
  }

  static func figureCaption(_ m: inout Markup, _ runs: [Run]) {
    m.open("figcaption")
    m.add(
      "Values hold between samples (taken at every runtime event and after every statement). "
        + "Hover a line or a marker for its numbers; a script line number below highlights the "
        + "statement's moment here, and a highlighted band links back to its line.")
    let thinned = runs.map(\.timeline.thinned).reduce(0, +)
    if thinned > 0 {
      m.add(
        " The run changed too often to keep every sample: \(thinned) rows, cycle markers and "
          + "scavenger passes were thinned, keeping each group's highest and lowest values.")
    }
    m.close()
  }

  static func checkpointTable(_ m: inout Markup, _ runs: [Run]) {
    let cols: [(String, (MemStats) -> Int)] = [
      ("HeapAlloc", { $0.heapAlloc }), ("HeapInuse", { $0.heapInuse }), ("HeapSys", { $0.heapSys }),
      ("HeapReleased", { $0.heapReleased }), ("NextGC", { $0.nextGC }), ("RSS", { $0.rss }),
    ]
    section(&m, id: "checkpoints", "stats checkpoints") { m in
      let count = runs.map(\.timeline.checkpoints.count).max() ?? 0
      if count == 0 {
        m.element("p", text: "The script has no stats statement.")
        return
      }
      m.open("table", [("class", "numbers")])
      m.open("thead")
      m.open("tr")
      m.element("th", text: "#")
      m.element("th", [("class", "label")], text: "label")
      for h in ["t"] + cols.map(\.0) + ["NumGC"] { m.element("th", text: h) }
      m.close()
      m.close()
      m.open("tbody")
      for k in 0..<count {
        m.open("tr", runs.count == 1 ? [("id", "cp-\(k + 1)")] : [])
        let first = runs.compactMap {
          $0.timeline.checkpoints.indices.contains(k) ? $0.timeline.checkpoints[k] : nil
        }.first
        m.element("td", text: "\(k + 1)")
        m.element("td", [("class", "label")], text: first?.title ?? "")
        let each = runs.map {
          $0.timeline.checkpoints.indices.contains(k) ? $0.timeline.checkpoints[k] : nil
        }
        cell(&m, each.map { $0.map { Units.clock($0.stats.timeNs) } ?? "-" })
        for (_, get) in cols {
          cell(&m, each.map { $0.map { Units.bytes(get($0.stats)) } ?? "-" })
        }
        cell(&m, each.map { $0.map { "\($0.stats.numGC)" } ?? "-" })
        m.close()
      }
      m.close()
      m.close()
      if runs.count > 1 {
        m.element("p", [("class", "note")], text: "Each cell: \(runs[0].name) / \(runs[1].name).")
      }
    }
  }

  /// A cell with one value per run (`a / b` when they differ).
  static func cell(_ m: inout Markup, _ values: [String]) {
    let differ = Set(values).count > 1
    m.element(
      "td", differ ? [("class", "differ")] : [],
      text: differ ? values.joined(separator: " / ") : values[0])
  }

  static func scriptListing(_ m: inout Markup, _ runs: [Run]) {
    let t = runs[0].timeline
    section(&m, id: "script", t.sources.count > 1 ? "The session" : "The script") { m in
      if t.sources.isEmpty {
        m.element("p", text: "Nothing ran.")
        return
      }
      m.element(
        "p", [("class", "note")],
        text: "A linked line number shows the moment its statement ran on the chart; "
          + "the time is when the statement finished"
          + (runs.count > 1 ? " (\(runs[0].name) / \(runs[1].name))." : "."))
      for (k, src) in t.sources.enumerated() {
        // The first statement that starts on each line, per run.
        var starts: [[Int: Int]] = []
        for r in runs {
          var map: [Int: Int] = [:]
          for (i, s) in r.timeline.statements.enumerated()
          where s.source == k && map[s.lines.lowerBound] == nil {
            map[s.lines.lowerBound] = i
          }
          starts.append(map)
        }
        m.open("div", [("class", "source"), ("id", "src-\(k)")])
        m.element(
          "h3", text: src.name + (t.sources.count > 1 ? " (at \(Units.clock(src.startNs)))" : ""))
        m.open("table", [("class", "code")])
        let lines = src.text.split(separator: "\n", omittingEmptySubsequences: false)
        let count = lines.last == "" ? lines.count - 1 : lines.count
        for n in 1...max(count, 1) {
          let text = n <= lines.count ? String(lines[n - 1]) : ""
          m.open("tr", [("id", "L\(k)-\(n)")])
          m.open("td", [("class", "ln")])
          if let i = starts[0][n] {
            m.element(
              "a",
              [
                ("href", "#\(runs.count > 1 ? "cmp-" : "")st-\(i)"), ("title", "show on the chart"),
              ], text: "\(n)")
          } else {
            m.add("\(n)")
          }
          m.close()
          let times = runs.indices.map { r in
            starts[r][n].map { Units.clock(runs[r].timeline.statements[$0].endNs) }
          }
          m.element(
            "td", [("class", "when")], text: times.compactMap { $0 }.joined(separator: " / "))
          m.open("td", [("class", "text")])
          // Tabs as four spaces: a tab's width differs between browsers and print.
          m.element("code", text: text.replacing(every: "\t", with: "    "))
          m.close()
          m.close()
        }
        m.close()
        m.close()
      }
    }
  }

  static func cycleTable(_ m: inout Markup, _ run: Run, id: String, name: String = "") {
    let t = run.timeline
    section(&m, id: id, "GC cycles" + (name.isEmpty ? "" : " — " + name)) { m in
      if t.cycles.isEmpty {
        m.element("p", text: "No GC ran.")
        return
      }
      let big = t.cycles.count > 40
      if big {
        m.open("details")
        m.element(
          "summary",
          text: "\(t.cycleCount) cycles"
            + (t.cycles.count < t.cycleCount
              ? " (\(t.cycles.count) kept: the timeline was thinned, forced cycles all stay)" : ""))
      }
      m.open("table", [("class", "numbers")])
      m.open("thead")
      m.open("tr")
      for h in ["GC", "t", "why", "heap at start", "marked live", "freed", "goal", "pause"] {
        m.element("th", h == "why" ? [("class", "label")] : [], text: h)
      }
      m.close()
      m.close()
      m.open("tbody")
      // The first and the last 250 (a churning loop's thousands would make the page heavy).
      let shown =
        t.cycles.count <= 500
        ? Array(t.cycles.indices) : Array(0..<250) + Array((t.cycles.count - 250)..<t.cycles.count)
      for (n, k) in shown.enumerated() {
        let c = t.cycles[k]
        if n > 0 && k != shown[n - 1] + 1 {
          m.open("tr")
          m.element(
            "td", [("colspan", "8"), ("class", "label")], text: "… \(k - shown[n - 1] - 1) more …")
          m.close()
        }
        m.open("tr", [("class", "gc-" + c.trigger.rawValue)])
        m.element("td", text: "\(c.number)")
        m.element("td", text: Units.clock(c.startNs))
        m.element("td", [("class", "label")], text: Units.triggerName(c.trigger))
        m.element("td", text: Units.bytes(c.heapStart))
        m.element("td", text: Units.bytes(c.heapMarked))
        m.element("td", text: Units.bytes(c.freedBytes))
        m.element("td", text: Units.bytes(c.goal))
        m.element("td", text: "\(c.pauseNs / 1000) µs")
        m.close()
      }
      m.close()
      m.close()
      if big { m.close() }
      let released = t.releases.reduce(0) { $0 + $1.bytes }
      m.element(
        "p", [("class", "note")],
        text: "\(t.releases.count) scavenger pass"
          + (t.releases.count == 1 ? "" : "es")
          + " returned \(Units.bytes(released)) to the OS; sysmon woke "
          + "\(t.forcedWakeupCount) time\(t.forcedWakeupCount == 1 ? "" : "s") to force a GC.")
    }
  }

  static func configuration(_ m: inout Markup, _ runs: [Run]) {
    section(&m, id: "config", "Configuration") { m in
      m.open("table", [("class", "kv")])
      let rows = runs.map { $0.timeline.configuration?.rows ?? [] }
      if runs.count > 1 {
        m.open("tr")
        m.element("th", text: "")
        for r in runs { m.element("th", text: r.name) }
        m.close()
      }
      for (k, (name, _)) in rows[0].enumerated() {
        m.open("tr")
        m.element("th", text: name)
        for r in rows { m.element("td", text: k < r.count ? r[k].1 : "") }
        m.close()
      }
      m.close()
    }
  }

  static func finalStats(_ m: inout Markup, _ runs: [Run]) {
    section(&m, id: "final", "Final stats all") { m in
      for r in runs {
        if !r.name.isEmpty { m.element("h3", text: r.name) }
        m.element("pre", text: r.finalStats)
      }
    }
  }

  /// The page's style: light by default, dark under prefers-color-scheme on screens, plain in
  /// print. System fonts only.
  static let css = """
    :root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#656d76;--line:#d8dee4;--code:#f6f8fa;\
    --link:#0969da;--mark:#fff8c5;--differ:#bc4c00}
    @media screen and (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--line:#30363d;\
    --code:#161b22;--link:#58a6ff;--mark:#3b2e00;--differ:#ffa657}}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:1240px;padding:16px 20px;background:var(--bg);color:var(--fg);\
    font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif}
    h1{font-size:22px;margin:4px 0}
    h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
    h3{font-size:15px;margin:14px 0 6px}
    .sub,.note,figcaption,footer{color:var(--muted);margin:2px 0}
    figure{margin:0}
    figure svg{display:block;width:100%;height:auto}
    a{color:var(--link)}
    table{border-collapse:collapse}
    table.numbers td,table.numbers th,table.kv td,table.kv th{padding:3px 10px;border-bottom:1px solid var(--line);\
    text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    table.numbers .label,table.kv th,table.kv td{text-align:left}
    table.numbers td.label{white-space:normal;min-width:12em}
    td.differ{color:var(--differ);font-weight:600}
    tr:target{background:var(--mark)}
    table.code{width:100%;background:var(--code);border-radius:6px;font:13px/1.5 ui-monospace,"SF Mono",Menlo,Consolas,monospace}
    table.code td{padding:0 8px;vertical-align:top}
    table.code td.ln{text-align:right;color:var(--muted);width:3.5em;user-select:none}
    table.code td.when{color:var(--muted);width:9em;text-align:right;white-space:nowrap}
    table.code td.text{white-space:pre-wrap}
    table.code code{font:inherit}
    pre{background:var(--code);padding:10px;border-radius:6px;overflow-x:auto;font:13px/1.45 ui-monospace,"SF Mono",Menlo,Consolas,monospace}
    footer{margin-top:32px;border-top:1px solid var(--line);padding-top:8px;font-size:13px}
    @media print{body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}section{break-inside:avoid-page}\
    figure{break-inside:avoid}}
    """
}
