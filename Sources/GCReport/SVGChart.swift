// SVGChart: the timeline drawn over virtual time, as an SVG written with `Markup`.
//
// What is drawn, and how:
//   - HeapAlloc as a band (the live and not-yet-swept objects), HeapInuse, HeapSys, the heap
//     goal (NextGC, dashed), HeapReleased (dotted) and the RSS (thick) as step lines: a counter
//     holds its value until the next sample (Timeline.swift says why samples are where they are);
//   - GOMEMLIMIT (when set) and the container's limit as red lines; a limit far above the data
//     (more than 1.5 times its maximum) is named in the legend instead of flattening the chart;
//   - a vertical line per GC cycle at its start: grey when the heap reached its goal, orange when
//     the program forced it (runtime.GC, FreeOSMemory), purple when sysmon forced it (a tick
//     along the plot's top edge instead when there are more than one per 8 px);
//   - a tick in the strip under the plot per scavenger pass (background burst, go1.0 tick, or
//     FreeOSMemory's release);
//   - a numbered badge per `stats` checkpoint, with the labels listed under the legend;
//   - an invisible band per statement, from its start to its end, that shows when it is the
//     document's target (`#st-N`): the report's script lines link there, and it works with
//     scripts off.
// Every marker carries a `<title>` (the browser's tooltip) with its numbers. Colours come from
// the chart's own style sheet, with a dark variant under `prefers-color-scheme: dark`, so the
// SVG reads the same on its own and inside the report.

import GoHeap

public enum SVGChart {
  /// Canvas size in user units; the report scales it to the page width.
  static let width = 1200.0
  static let height = 520.0

  /// One line of the chart.
  struct Series: Sendable {
    let name: String
    let css: String
    let value: @Sendable (TimelineSample) -> Int?
  }

  static let series: [Series] = [
    Series(name: "HeapAlloc", css: "heapalloc") { $0.stats.heapAlloc },
    Series(name: "HeapInuse", css: "heapinuse") { $0.stats.heapInuse },
    Series(name: "heap goal (NextGC)", css: "goal") {
      $0.stats.nextGC == Int.max ? nil : $0.stats.nextGC
    },
    Series(name: "HeapSys", css: "heapsys") { $0.stats.heapSys },
    Series(name: "HeapReleased", css: "released") { $0.stats.heapReleased },
    Series(name: "RSS", css: "rss") { $0.stats.rss },
  ]
  static let footprint = Series(name: "footprint (Activity Monitor)", css: "footprint") {
    $0.stats.footprint
  }
  static let limit = Series(name: "GOMEMLIMIT", css: "limit") {
    $0.memoryLimit == Int.max ? nil : $0.memoryLimit
  }

  /// The plot's geometry: virtual time to x, bytes to y.
  struct Frame {
    let x0 = 84.0, x1 = width - 24
    let y0 = 92.0, y1 = height - 150
    let endNs: Int
    let topBytes: Int
    func x(_ ns: Int) -> Double { x0 + (x1 - x0) * Double(ns) / Double(max(endNs, 1)) }
    func y(_ b: Int) -> Double { y1 - (y1 - y0) * Double(b) / Double(max(topBytes, 1)) }
  }

  /// The chart of one run. `ids` prefixes element ids (two charts in one page); `linked` makes
  /// the checkpoint badges links to the report's table rows.
  public static func render(_ t: Timeline, title: String, ids: String = "", linked: Bool = false)
    -> String
  {
    render(runs: [(t, "")], title: title, ids: ids, linked: linked)
  }

  /// Two runs on one chart: the first in solid lines, the second dashed (`gcsh compare`).
  public static func compare(_ a: Timeline, _ b: Timeline, names: (String, String), title: String)
    -> String
  {
    render(runs: [(a, names.0), (b, names.1)], title: title, ids: "cmp-", linked: false)
  }

  static func render(runs: [(Timeline, String)], title: String, ids: String, linked: Bool) -> String
  {
    let endNs = runs.map { max($0.0.endNs, $0.0.samples.last?.timeNs ?? 0) }.max() ?? 0
    let darwin = runs.contains { $0.0.configuration?.os == .darwin }
    // Two runs on one chart show what the comparison is about — the RSS, HeapReleased and
    // HeapAlloc — each run in its own colours (the second dashed too); all six would be a tangle.
    var lines =
      runs.count > 1 ? series.filter { ["heapalloc", "released", "rss"].contains($0.css) } : series
    if darwin { lines.append(footprint) }
    // The data's maximum; limits join the scale only when near it.
    var dataMax = MiB
    for (t, _) in runs {
      for s in t.samples { for l in lines { if let v = l.value(s) { dataMax = max(dataMax, v) } } }
    }
    let ceiling = Int(Double(dataMax) * 1.5)
    var limitsShown: [(String, Int?)] = []
    var aboveChart: [String] = []
    var limitMax = 0
    for (t, _) in runs {
      let limits = Set(t.samples.map(\.memoryLimit)).filter { $0 != Int.max }
      for l in limits.sorted() {
        if l <= ceiling {
          limitMax = max(limitMax, l)
        } else {
          aboveChart.append("GOMEMLIMIT \(Units.bytes(l))")
        }
      }
      if let c = t.configuration?.containerLimit {
        if c <= ceiling {
          limitMax = max(limitMax, c)
        } else {
          aboveChart.append("container \(Units.bytes(c))")
        }
      }
    }
    let ticks = Units.byteTicks(maxBytes: max(dataMax, limitMax))
    let frame = Frame(endNs: max(endNs, 1), topBytes: ticks.last?.bytes ?? dataMax)

    var m = Markup()
    m.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("class", "gcsh-chart"),
        ("viewBox", "0 0 \(Int(width)) \(Int(height))"), ("role", "img"),
        ("aria-labelledby", ids + "chart-title " + ids + "chart-desc"),
      ])
    m.element("title", [("id", ids + "chart-title")], text: title)
    m.element("desc", [("id", ids + "chart-desc")], text: summary(runs, endNs: endNs))
    // Style sheets are raw text in HTML (entities are not decoded there): the CSS holds no `<`
    // or `&`, so it is the same in XML and in HTML.
    m.open("style")
    m.raw(style)
    m.close()
    m.empty(
      "rect",
      [("class", "bg"), ("x", "0"), ("y", "0"), ("width", fmt(width)), ("height", fmt(height))])
    m.element("text", [("class", "title"), ("x", fmt(frame.x0)), ("y", "22")], text: title)
    axes(&m, frame, ticks)
    // Statement bands under everything else.
    for (r, (t, _)) in runs.enumerated() {
      m.open("g", [("class", "moments")])
      for (k, s) in t.statements.enumerated() {
        let x = frame.x(s.startNs)
        let w = max(frame.x(s.endNs) - x, 6)
        if linked { m.open("a", [("href", "#\(ids)L\(s.source)-\(s.lines.lowerBound)")]) }
        m.open(
          "rect",
          [
            ("id", ids + (r == 0 ? "" : "r\(r)-") + "st-\(k)"), ("class", "moment"),
            ("x", fmt(x - (w == 6 ? 3 : 0))),
            ("y", fmt(frame.y0)), ("width", fmt(w)), ("height", fmt(frame.y1 - frame.y0)),
          ])
        m.element(
          "title",
          text:
            "\(t.location(of: s)): \(t.text(of: s)) (\(Units.clock(s.startNs)) to \(Units.clock(s.endNs)))"
        )
        m.close()
        if linked { m.close() }
      }
      m.close()
    }
    for (r, (t, _)) in runs.enumerated() {
      let dash = runs.count > 1 && r == 1 ? " second" : ""
      m.open("g", [("class", "series" + dash)])
      for l in lines {
        let pts = t.samples.map { ($0.timeNs, l.value($0)) }
        if l.css == "heapalloc" && runs.count == 1 {
          m.empty("path", [("class", "area heapalloc"), ("d", stepPath(pts, frame, area: true))])
        }
        m.empty(
          "path", [("class", "line " + l.css + dash), ("d", stepPath(pts, frame, area: false))])
      }
      let limitPts = t.samples.map {
        ($0.timeNs, limit.value($0).flatMap { $0 <= ceiling ? $0 : nil })
      }
      if limitPts.contains(where: { $0.1 != nil }) {
        m.empty("path", [("class", "line limit"), ("d", stepPath(limitPts, frame, area: false))])
        limitsShown.append(("GOMEMLIMIT", nil))
      }
      if let c = t.configuration?.containerLimit, c <= ceiling {
        m.empty(
          "path",
          [
            ("class", "line container"),
            ("d", "M\(fmt(frame.x0)) \(fmt(frame.y(c)))H\(fmt(frame.x1))"),
          ])
        limitsShown.append(("container limit", c))
      }
      m.close()
      markers(&m, t, frame, row: r, rows: runs.count)
    }
    checkpointBadges(&m, runs.map(\.0), frame, linked: linked, ids: ids)
    legend(
      &m, frame, lines: lines, limits: limitsShown.map(\.0), above: aboveChart, runs: runs.map(\.1),
      checkpoints: runs.count == 1 ? runs[0].0.checkpoints : [])
    m.close()
    return m.text
  }

  /// One sentence for screen readers and the SVG's `<desc>`.
  static func summary(_ runs: [(Timeline, String)], endNs: Int) -> String {
    runs.map { t, name in
      let peak = t.samples.map(\.stats.rss).max() ?? 0
      let last = t.samples.last?.stats.rss ?? 0
      return (name.isEmpty ? "" : name + ": ")
        + "\(t.cycleCount) GC cycles over \(Units.clock(endNs)) of virtual time; RSS peaks at "
        + "\(Units.bytes(peak)) and ends at \(Units.bytes(last))"
    }.joined(separator: "; ") + "."
  }

  static func axes(_ m: inout Markup, _ f: Frame, _ ticks: [(bytes: Int, label: String)]) {
    m.open("g", [("class", "axes")])
    for (b, label) in ticks {
      let y = fmt(f.y(b))
      m.empty(
        "line", [("class", "grid"), ("x1", fmt(f.x0)), ("x2", fmt(f.x1)), ("y1", y), ("y2", y)])
      m.element(
        "text", [("class", "ylabel"), ("x", fmt(f.x0 - 8)), ("y", fmt(f.y(b) + 4))], text: label)
    }
    for (ns, label) in Units.timeTicks(endNs: f.endNs) {
      let x = fmt(f.x(ns))
      m.empty(
        "line",
        [("class", "tick"), ("x1", x), ("x2", x), ("y1", fmt(f.y1)), ("y2", fmt(f.y1 + 18))])
      m.element("text", [("class", "xlabel"), ("x", x), ("y", fmt(f.y1 + 32))], text: label)
    }
    m.empty(
      "line",
      [
        ("class", "axis"), ("x1", fmt(f.x0)), ("x2", fmt(f.x1)), ("y1", fmt(f.y1)),
        ("y2", fmt(f.y1)),
      ])
    m.element(
      "text", [("class", "xlabel end"), ("x", fmt(f.x1)), ("y", fmt(f.y1 + 46))],
      text: "virtual time")
    m.close()
  }

  /// GC lines, the scavenger strip and the death marker of one run.
  static func markers(_ m: inout Markup, _ t: Timeline, _ f: Frame, row: Int, rows: Int) {
    m.open("g", [("class", "markers" + (rows > 1 && row == 1 ? " second" : ""))])
    let label = t.cycles.count <= 24
    // Dense cycles (a day of sysmon's 2-minute GCs: more than one per 8 px) would hatch the whole
    // plot: they become ticks in a strip along its top edge.
    let dense = Double(t.cycles.count) > (f.x1 - f.x0) / 8 || rows > 1
    let (top, bottom) =
      dense ? (f.y0 - 22 + Double(row) * 11, f.y0 - 13 + Double(row) * 11) : (f.y0, f.y1)
    for c in t.cycles {
      let css: String
      switch c.trigger {
      case .heap: css = "gc-heap"
      case .user: css = "gc-user"
      case .time: css = "gc-sysmon"
      }
      let x = fmt(f.x(c.startNs))
      m.open("g", [("class", "gc " + css)])
      // Dense markers go without tooltips: a pixel holds several, and the page stays light.
      if !dense {
        m.element(
          "title",
          text: "GC \(c.number) at \(Units.clock(c.startNs)): \(Units.triggerName(c.trigger)); "
            + "heap \(Units.bytes(c.heapStart)) -> \(Units.bytes(c.heapEnd)), \(Units.bytes(c.heapMarked)) marked live, "
            + "\(Units.bytes(c.freedBytes)) freed; goal \(Units.bytes(c.goal)); pause \(c.pauseNs / 1000) µs"
        )
      }
      m.empty("line", [("x1", x), ("x2", x), ("y1", fmt(top)), ("y2", fmt(bottom))])
      if label && rows == 1 {
        m.element("text", [("x", x), ("y", fmt(f.y0 - 4))], text: "GC \(c.number)")
      }
      m.close()
    }
    let strip = f.y1 + 4 + Double(row) * 6
    for r in t.releases {
      let x = fmt(f.x(r.timeNs))
      m.open("g", [("class", "scav " + r.kind.rawValue)])
      m.element(
        "title",
        text: (r.kind == .forced ? "debug.FreeOSMemory released " : "the scavenger released ")
          + "\(Units.bytes(r.bytes)) at \(Units.clock(r.timeNs))")
      m.empty("line", [("x1", x), ("x2", x), ("y1", fmt(strip)), ("y2", fmt(strip + 9))])
      m.close()
    }
    if let (what, ns) = t.death {
      let x = fmt(f.x(ns))
      m.open("g", [("class", "death")])
      m.element("title", text: "the process died at \(Units.clock(ns)): \(what)")
      m.empty("line", [("x1", x), ("x2", x), ("y1", fmt(f.y0)), ("y2", fmt(f.y1))])
      m.element("text", [("x", x), ("y", fmt(f.y0 - 4))], text: "died")
      m.close()
    }
    m.close()
  }

  /// Numbered badges above the plot, one per `stats`, staggered when they would overlap.
  static func checkpointBadges(
    _ m: inout Markup, _ runs: [Timeline], _ f: Frame, linked: Bool, ids: String
  ) {
    guard runs.count == 1, let t = runs.first else { return }
    m.open("g", [("class", "checkpoints")])
    var lastX = [-100.0, -100.0]
    for c in t.checkpoints {
      let x = f.x(c.stats.timeNs)
      let row = x - lastX[0] >= 20 ? 0 : (x - lastX[1] >= 20 ? 1 : 0)
      lastX[row] = x
      let y = f.y0 - 44 + Double(row) * 20
      if linked { m.open("a", [("href", "#\(ids)cp-\(c.number)")]) }
      m.open("g", [("class", "badge")])
      m.element(
        "title",
        text:
          "stats \"\(c.title)\" at \(Units.clock(c.stats.timeNs)): RSS \(Units.bytes(c.stats.rss)), "
          + "HeapAlloc \(Units.bytes(c.stats.heapAlloc)), HeapSys \(Units.bytes(c.stats.heapSys))")
      m.empty(
        "line",
        [
          ("class", "cpline"), ("x1", fmt(x)), ("x2", fmt(x)), ("y1", fmt(y + 9)),
          ("y2", fmt(f.y1)),
        ])
      m.empty("circle", [("cx", fmt(x)), ("cy", fmt(y)), ("r", "9")])
      m.element("text", [("x", fmt(x)), ("y", fmt(y + 4))], text: "\(c.number)")
      m.close()
      if linked { m.close() }
    }
    m.close()
  }

  static func legend(
    _ m: inout Markup, _ f: Frame, lines: [Series], limits: [String], above: [String],
    runs: [String],
    checkpoints: [TimelineCheckpoint]
  ) {
    var items: [(String, String)] = lines.reversed().map { ($0.css, $0.name) }
    if runs.count == 2 {
      items = runs.enumerated().flatMap { r, name in
        lines.reversed().map { ($0.css + (r == 1 ? " second" : ""), "\($0.name) (\(name))") }
      }
    }
    for l in Set(limits).sorted() { items.append((l == "GOMEMLIMIT" ? "limit" : "container", l)) }
    items += [
      ("gc-heap", "GC: heap reached goal"), ("gc-user", "GC forced (runtime.GC)"),
      ("gc-sysmon", "GC forced by sysmon"), ("scav", "scavenger released pages"),
    ]
    m.open("g", [("class", "legend")])
    var x = f.x0
    var y = f.y1 + 64
    for (css, name) in items {
      let w = 16 + Double(name.count) * 7.6 + 22
      if x + w > f.x1 {
        x = f.x0
        y += 20
      }
      if css.hasPrefix("gc") || css == "scav" {
        m.empty(
          "line",
          [
            ("class", "key " + css), ("x1", fmt(x + 8)), ("x2", fmt(x + 8)), ("y1", fmt(y - 9)),
            ("y2", fmt(y + 5)),
          ])
      } else {
        m.empty(
          "line",
          [
            ("class", "line " + css), ("x1", fmt(x)), ("x2", fmt(x + 24)), ("y1", fmt(y - 2)),
            ("y2", fmt(y - 2)),
          ])
      }
      m.element("text", [("x", fmt(x + 30)), ("y", fmt(y + 2))], text: name)
      x += w + 10
    }
    if runs.count == 2 {
      y += 20
      m.element(
        "text", [("x", fmt(f.x0)), ("y", fmt(y + 2))],
        text:
          "GC and scavenger markers: the upper row and the upper strip are \(runs[0]), the lower ones \(runs[1])"
      )
    }
    if !above.isEmpty {
      y += 20
      m.element(
        "text", [("x", fmt(f.x0)), ("y", fmt(y + 2))],
        text: "above the chart: " + above.joined(separator: ", "))
    }
    if !checkpoints.isEmpty {
      y += 22
      x = f.x0
      for c in checkpoints {
        let text = "\(c.number) \(c.title)"
        let w = Double(text.count) * 7.4 + 18
        if x + w > f.x1 {
          x = f.x0
          y += 18
        }
        m.element("text", [("class", "cpkey"), ("x", fmt(x)), ("y", fmt(y + 2))], text: text)
        x += w
      }
    }
    m.close()
  }

  /// A step line through the samples (a value holds until the next one), to the end of the
  /// frame; nil values lift the pen. `area` closes it down to the x axis.
  static func stepPath(_ pts: [(Int, Int?)], _ f: Frame, area: Bool) -> String {
    var d = ""
    var lastY: Double? = nil
    var lastX = f.x0
    for (ns, v) in pts {
      let x = f.x(ns)
      guard let v else {
        if lastY != nil {
          d += "H" + fmt(x)
          if area { d += "V" + fmt(f.y1) + "Z" }
        }
        lastY = nil
        continue
      }
      let y = (f.y(v) * 10).rounded() / 10
      if let ly = lastY {
        if y != ly { d += "H" + fmt(x) + "V" + fmt(y) }
      } else {
        d += area ? "M" + fmt(x) + " " + fmt(f.y1) + "V" + fmt(y) : "M" + fmt(x) + " " + fmt(y)
      }
      lastY = y
      lastX = x
    }
    if lastY != nil {
      d += "H" + fmt(max(lastX, f.x1))
      if area { d += "V" + fmt(f.y1) + "Z" }
    }
    return d
  }

  /// A coordinate with at most one decimal.
  static func fmt(_ v: Double) -> String {
    let tenths = Int((v * 10).rounded())
    let whole = tenths / 10
    let frac = abs(tenths % 10)
    if frac == 0 { return "\(whole)" }
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(frac)"
  }

  /// The chart's style sheet: light by default, dark under prefers-color-scheme (screens only:
  /// print stays light).
  static let style = """
    .gcsh-chart{--bg:#ffffff;--fg:#1f2328;--muted:#656d76;--grid:#d8dee4;--rss:#0550ae;--heapsys:#8a5a00;\
    --heapinuse:#1a7f37;--heapalloc:#bc4c00;--goal:#8250df;--released:#0a7b83;--limit:#cf222e;\
    --gcheap:#8c959f;--gcuser:#e16f24;--gcsysmon:#8250df;--badge:#0969da;--moment:#0969da;--footprint:#bf3989;\
    --rss2:#cf222e;--heapalloc2:#6639ba;--released2:#4d2d00;\
    font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:13px}
    @media screen and (prefers-color-scheme:dark){.gcsh-chart{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;\
    --grid:#30363d;--rss:#58a6ff;--heapsys:#d29922;--heapinuse:#3fb950;--heapalloc:#ffa657;--goal:#bc8cff;\
    --released:#39c5cf;--limit:#ff7b72;--gcheap:#6e7681;--gcuser:#ffa657;--gcsysmon:#bc8cff;--badge:#1f6feb;\
    --moment:#58a6ff;--footprint:#f778ba;--rss2:#ff7b72;--heapalloc2:#d2a8ff;--released2:#e3b341}}
    .gcsh-chart .bg{fill:var(--bg)}
    .gcsh-chart text{fill:var(--fg)}
    .gcsh-chart .title{font-size:15px;font-weight:600}
    .gcsh-chart .ylabel{text-anchor:end;fill:var(--muted)}
    .gcsh-chart .xlabel{text-anchor:middle;fill:var(--muted)}
    .gcsh-chart .xlabel.end{text-anchor:end}
    .gcsh-chart .grid{stroke:var(--grid);stroke-width:1}
    .gcsh-chart .axis,.gcsh-chart .tick{stroke:var(--muted);stroke-width:1}
    .gcsh-chart .line{fill:none;stroke-linejoin:round}
    .gcsh-chart .area{stroke:none;fill:var(--heapalloc);fill-opacity:.12}
    .gcsh-chart .line.rss{stroke:var(--rss);stroke-width:3}
    .gcsh-chart .line.footprint{stroke:var(--footprint);stroke-width:2}
    .gcsh-chart .line.heapsys{stroke:var(--heapsys);stroke-width:2}
    .gcsh-chart .line.heapinuse{stroke:var(--heapinuse);stroke-width:1.5}
    .gcsh-chart .line.heapalloc{stroke:var(--heapalloc);stroke-width:1.5}
    .gcsh-chart .line.goal{stroke:var(--goal);stroke-width:1.5;stroke-dasharray:7 4}
    .gcsh-chart .line.released{stroke:var(--released);stroke-width:2;stroke-dasharray:2 3}
    .gcsh-chart .line.limit{stroke:var(--limit);stroke-width:1.5;stroke-dasharray:12 4 2 4}
    .gcsh-chart .line.container{stroke:var(--limit);stroke-width:1.5}
    .gcsh-chart .line.second{stroke-dasharray:7 4}
    .gcsh-chart .line.rss.second{stroke:var(--rss2)}
    .gcsh-chart .line.heapalloc.second{stroke:var(--heapalloc2)}
    .gcsh-chart .line.released.second{stroke:var(--released2);stroke-dasharray:2 5}
    .gcsh-chart .series.second .area{display:none}
    .gcsh-chart .gc line,.gcsh-chart .key.gc-heap,.gcsh-chart .key.gc-user,.gcsh-chart .key.gc-sysmon{stroke-width:1.5}
    .gcsh-chart .gc-heap line,.gcsh-chart .key.gc-heap{stroke:var(--gcheap)}
    .gcsh-chart .gc-user line,.gcsh-chart .key.gc-user{stroke:var(--gcuser);stroke-dasharray:5 3}
    .gcsh-chart .gc-sysmon line,.gcsh-chart .key.gc-sysmon{stroke:var(--gcsysmon);stroke-dasharray:1 3;stroke-width:2}
    .gcsh-chart .gc text{font-size:11px;text-anchor:middle;fill:var(--muted)}
    .gcsh-chart .scav line,.gcsh-chart .key.scav{stroke:var(--released);stroke-width:2}
    .gcsh-chart .death line{stroke:var(--limit);stroke-width:3}
    .gcsh-chart .death text{fill:var(--limit);text-anchor:middle;font-weight:600}
    .gcsh-chart .badge circle{fill:var(--badge)}
    .gcsh-chart .badge text{fill:#ffffff;font-size:11px;font-weight:600;text-anchor:middle}
    .gcsh-chart .cpline{stroke:var(--badge);stroke-width:1;stroke-dasharray:2 2;opacity:.6}
    .gcsh-chart .cpkey{fill:var(--muted)}
    .gcsh-chart .moment{fill:var(--moment);fill-opacity:0}
    .gcsh-chart .moment:target{fill-opacity:.28;stroke:var(--moment);stroke-width:1}
    """
}
