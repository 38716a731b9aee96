// The timeline and the report, checked from outside by standard tools: Python's csv module reads
// `--timeline`, xmllint and Python's XML parser read `--report`, headless Chromium renders it.
// A test whose tool is missing is disabled with the reason (the CI script installs them).

import Foundation
import Testing

/// A program found on PATH, or nil.
func tool(_ name: String) -> String? {
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
  {
    let path = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}

let xmllint = tool("xmllint")
let chromium = tool("chromium") ?? tool("chromium-browser")
let python3 = tool("python3")

/// Runs a tool; returns its status and stdout (stderr appended on failure).
func runTool(_ path: String, _ args: [String]) throws -> (status: Int32, out: String) {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = args
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = err
  try p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let e = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  let text = String(decoding: o, as: UTF8.self)
  return (
    p.terminationStatus, p.terminationStatus == 0 ? text : text + String(decoding: e, as: UTF8.self)
  )
}

/// A fresh path in the temporary directory.
func temporaryFile(_ name: String) -> String {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
    "gcsh-report-tests-\(getpid())")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent(name).path
}

/// Python's csv.DictReader over the file, as JSON (a list of objects).
let readCSV = """
  import csv, json, sys
  with open(sys.argv[1], newline='') as f:
      print(json.dumps(list(csv.DictReader(f))))
  """

@Test(.enabled(if: python3 != nil, "python3 is not installed"))
func csvRowsReproduceTheStatsCheckpoints() throws {
  for profile in ["go1.27", "go1.19", "go1.0"] {
    let csv = temporaryFile("seed-\(profile).csv")
    let r = try gcsh([
      "--format", "jsonl", "--profile", profile, "--timeline", csv, "examples/seed.gcs",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let raw = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(raw.hasPrefix("t,event,source,detail,TotalAlloc,"))
    // RFC 4180: every record ends with CRLF.
    #expect(raw.hasSuffix("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    let parsed = try runTool(python3!, ["-c", readCSV, csv])
    #expect(parsed.status == 0, "\(parsed.out)")
    let rows = try JSONSerialization.jsonObject(with: Data(parsed.out.utf8)) as! [[String: String]]
    let statsRows = rows.filter { $0["event"] == "stats" }
    let events = r.stdout.split(separator: "\n")
      .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
      .filter { $0["event"] as? String == "stats" }
    #expect(statsRows.count == 4 && events.count == 4)
    for (row, e) in zip(statsRows, events) {
      #expect(row["detail"] == e["label"] as? String)
      #expect(abs(Double(row["t"]!)! - (e["t"] as! Double)) < 1e-9)
      for (k, v) in e where k != "event" && k != "t" && k != "label" {
        #expect(row[k] == "\((v as! NSNumber).intValue)", "\(profile) \(row["detail"]!): \(k)")
      }
    }
    // Rows are in time order, start with the process's start and end with the run's end.
    let times = rows.map { Double($0["t"]!)! }
    #expect(times == times.sorted())
    #expect(rows.first?["event"] == "start" && rows.last?["event"] == "end")
    #expect(rows.contains { $0["event"] == "gc" })
  }
}

/// JSON lines carry every timeline row: each CSV row (but the closing `end`) is an event of the
/// stream with the same time and state.
@Test(.enabled(if: python3 != nil, "python3 is not installed"))
func jsonlRebuildsTheTimeline() throws {
  let csv = temporaryFile("seed-jsonl.csv")
  let r = try gcsh(["--format", "jsonl", "--timeline", csv, "examples/drop-and-wait.gcs"])
  #expect(r.status == 0)
  let events = r.stdout.split(separator: "\n")
    .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    .filter { $0["RSS"] != nil }
  let states = Set(
    events.map { e in
      "\(Int(((e["t"] as! Double) * 1e9).rounded())) \(e["RSS"]!) \(e["HeapAlloc"]!) \(e["HeapReleased"]!) \(e["NumGC"]!)"
    })
  let parsed = try runTool(python3!, ["-c", readCSV, csv])
  let rows = try JSONSerialization.jsonObject(with: Data(parsed.out.utf8)) as! [[String: String]]
  #expect(rows.count > 20)
  for row in rows where row["event"] != "end" {
    let ns = Int((Double(row["t"]!)! * 1e9).rounded())
    let key = "\(ns) \(row["RSS"]!) \(row["HeapAlloc"]!) \(row["HeapReleased"]!) \(row["NumGC"]!)"
    #expect(states.contains(key), "\(row["event"]!) at \(row["t"]!)")
  }
  #expect(
    events.contains { $0["event"] as? String == "sample" && $0["cause"] as? String == "start" })
}

@Test(.enabled(if: python3 != nil, "python3 is not installed"))
func csvQuotesFieldsWithCommasAndQuotes() throws {
  let csv = temporaryFile("quotes.csv")
  let code = "x := make([]byte, 1<<20)\nprint \"a, b\", len(x)\nstats \"say \\\"hi\\\", then\""
  let r = try gcsh(["--timeline", csv, "-e", code])
  #expect(r.status == 0, "\(r.stderr)")
  let parsed = try runTool(python3!, ["-c", readCSV, csv])
  let rows = try JSONSerialization.jsonObject(with: Data(parsed.out.utf8)) as! [[String: String]]
  #expect(rows.contains { $0["detail"] == "x := make([]byte, 1<<20)" && $0["source"] == "<-e>:1" })
  #expect(rows.contains { $0["event"] == "stats" && $0["detail"] == "say \"hi\", then" })
}

/// The seed's report, written once per profile.
func seedReport(_ profile: String) throws -> String {
  let html = temporaryFile("seed-\(profile).html")
  let r = try gcsh(["--profile", profile, "--report", html, "examples/seed.gcs"])
  #expect(r.status == 0, "\(r.stderr)")
  return html
}

@Test(.enabled(if: xmllint != nil, "xmllint (Debian's libxml2-utils) is not installed"))
func reportAndChartAreWellFormedXML() throws {
  for profile in ["go1.27", "go1.0"] {
    let html = try seedReport(profile)
    let whole = try runTool(xmllint!, ["--noout", html])
    #expect(whole.status == 0, "\(whole.out)")
    // The chart on its own, as an SVG file.
    let text = try String(contentsOfFile: html, encoding: .utf8)
    let start = text.range(of: "<svg")!.lowerBound
    let end = text.range(of: "</svg>")!.upperBound
    let svg = temporaryFile("seed-\(profile).svg")
    try String(text[start..<end]).write(toFile: svg, atomically: true, encoding: .utf8)
    let chart = try runTool(xmllint!, ["--noout", svg])
    #expect(chart.status == 0, "\(chart.out)")
    // Self-contained: nothing is fetched (no src=, no external href, no @import), no script.
    let withoutNamespace = text.replacingOccurrences(
      of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
    #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:"))
    #expect(
      !text.contains("src=") && !text.contains("@import") && !text.contains("<script")
        && !text.contains("url("))
  }
}

/// The report's element tree, with ids' numbers as N and repeated siblings as `×n`: its
/// structure, without the numbers a recalibrated runtime would change.
let outline = """
  import re, sys, xml.etree.ElementTree as ET
  def local(t): return t.split('}')[-1]
  def sig(e):
      s = local(e.tag)
      if e.get('id'): s += '#' + re.sub(r'\\d+', 'N', e.get('id'))
      if e.get('class'): s += '.' + e.get('class').replace(' ', '.')
      if e.get('href'): s += ' ->' + re.sub(r'\\d+', 'N', e.get('href'))
      if local(e.tag) in ('h1', 'h2', 'h3', 'th', 'summary'):
          s += ' "' + re.sub(r'\\d+(\\.\\d+)?', 'N', ''.join(e.itertext())) + '"'
      return s
  def lines(e, depth):
      if local(e.tag) in ('head', 'style', 'title', 'desc', 'pre', 'code'): return []
      out = ['  ' * depth + sig(e)]
      kids = [lines(k, depth + 1) for k in e]
      i = 0
      while i < len(kids):
          j = i
          while j + 1 < len(kids) and kids[j + 1] == kids[i]: j += 1
          if kids[i]:
              n = j - i + 1
              out.append(kids[i][0] + (' x%d' % n if n > 1 else ''))
              out.extend(kids[i][1:])
          i = j + 1
      return out
  print('\\n'.join(lines(ET.parse(sys.argv[1]).getroot(), 0)))
  """

/// Golden structure of the seed's report in two profiles (go1.27: two GCs at the goal; go1.0:
/// its own era: no NumForcedGC, a GC at start-up, the 60 s scavenger never reached in 20 s). Checked by hand against the
/// report and its screenshot; GCSH_RECORD_REPORT_GOLDEN=1 rewrites them for review.
@Test(.enabled(if: python3 != nil, "python3 is not installed"), arguments: ["go1.27", "go1.0"])
func reportStructureGolden(_ profile: String) throws {
  let html = try seedReport(profile)
  let o = try runTool(python3!, ["-c", outline, html])
  #expect(o.status == 0, "\(o.out)")
  let golden = packageRoot.appendingPathComponent(
    "Tests/gcshTests/ReportGolden/seed.gcs@\(profile).structure")
  if ProcessInfo.processInfo.environment["GCSH_RECORD_REPORT_GOLDEN"] == "1" {
    try o.out.write(to: golden, atomically: true, encoding: .utf8)
  }
  #expect(o.out == (try String(contentsOf: golden, encoding: .utf8)))
}

/// PNG facts from the file itself: its size (IHDR) and, decoded with zlib and the five PNG
/// filters, how many distinct colours it has and what share of pixels differ from the corner's.
let pngFacts = """
  import struct, sys, zlib
  data = open(sys.argv[1], 'rb').read()
  assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
  pos, idat = 8, b''
  while pos < len(data):
      n, kind = struct.unpack('>I4s', data[pos:pos + 8])
      body = data[pos + 8:pos + 8 + n]
      if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
      if kind == b'IDAT': idat += body
      pos += 12 + n
  bpp = {2: 3, 6: 4}[ctype]
  raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
  for y in range(h):
      f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
      for i in range(stride):
          a = line[i - bpp] if i >= bpp else 0
          b, c = prev[i], prev[i - bpp] if i >= bpp else 0
          if f == 1: line[i] = (line[i] + a) & 255
          elif f == 2: line[i] = (line[i] + b) & 255
          elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
          elif f == 4:
              p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
              line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
      rows.append(bytes(line)); prev = line
  px = [r[i:i + 3] for r in rows for i in range(0, stride, bpp)]
  bg = px[0]
  print(w, h, len(set(px)), sum(1 for p in px if p != bg) / len(px))
  """

@Test(
  .enabled(
    if: chromium != nil && python3 != nil,
    "chromium (Debian's chromium) or python3 is not installed"))
func reportRendersInHeadlessChromium() throws {
  let html = try seedReport("go1.27")
  let png = temporaryFile("seed.png")
  try? FileManager.default.removeItem(atPath: png)
  let r = try runTool(
    chromium!,
    [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
      "--window-size=1280,800", "file://\(html)",
    ])
  #expect(r.status == 0, "\(r.out)")
  let facts = try runTool(python3!, ["-c", pngFacts, png])
  #expect(facts.status == 0, "\(facts.out)")
  let f = facts.out.split(separator: " ").map {
    Double($0.trimmingCharacters(in: .whitespacesAndNewlines))!
  }
  #expect(f[0] == 1280 && f[1] == 800, "the window's size")
  // Not blank: a chart has many colours (lines, text, the band's anti-aliasing) and covers a
  // good share of the page (measured: about 500 colours, 17 % of pixels off the background).
  #expect(f[2] > 50, "distinct colours")
  #expect(f[3] > 0.05, "share of non-background pixels")
}

@Test func compareWritesBothRunsOnOneChart() throws {
  let html = temporaryFile("compare.html")
  let r = try gcsh([
    "compare", "--profile", "go1.19", "--profile", "go1.27", "--report", html, "examples/seed.gcs",
  ])
  #expect(r.status == 0, "\(r.stderr)")
  #expect(r.stdout.hasPrefix("compare examples/seed.gcs: --profile go1.19 | --profile go1.27"))
  let text = try String(contentsOfFile: html, encoding: .utf8)
  #expect(text.contains("<g class=\"series\">") && text.contains("<g class=\"series second\">"))
  #expect(text.contains(">RSS (--profile go1.19)<") && text.contains(">RSS (--profile go1.27)<"))
  #expect(text.contains("class=\"line rss second\""))
  #expect(text.contains("id=\"a-chart\"") && text.contains("id=\"b-chart\""))
  if let xmllint {
    #expect(try runTool(xmllint, ["--noout", html]).status == 0)
  }
}

@Test func plotDrawsTheSessionInBlocksOrASCII() throws {
  let setup = "x := make([]byte, 64<<20)\nfor i := range x { x[i] = 1 }\nx = nil\nsleep 5m"
  let ascii = try gcsh(
    ["-i", "-e", setup], stdin: "plot\n", env: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""])
  #expect(ascii.status == 0)
  #expect(
    ascii.stdout.contains("memory over 5m0s") && ascii.stdout.contains("RSS")
      && ascii.stdout.contains("#"))
  #expect(!ascii.stdout.contains("█"))
  let blocks = try gcsh(["-i", "-e", setup], stdin: "plot\n", env: ["LANG": "C.UTF-8"])
  #expect(blocks.stdout.contains("█") && blocks.stdout.contains("└"))
}

@Test func replReportWritesTheSession() throws {
  let html = temporaryFile("session.html")
  let r = try gcsh(
    ["-i", "-e", "x := make([]byte, 8<<20)"], stdin: "x = nil\ngc\n:report \(html)\n")
  #expect(r.stdout.contains("wrote \(html)"))
  let text = try String(contentsOfFile: html, encoding: .utf8)
  // Both entries are listed, the REPL's with the time it started.
  #expect(text.contains("<h3>&lt;-e&gt;") && text.contains("<h3>&lt;repl&gt; (at"))
}

@Test func unwritableTimelineIsAnIOError() throws {
  let r = try gcsh(["--timeline", "/nonexistent-dir/x.csv", "-e", "gc"])
  #expect(r.status == 74)
  #expect(r.stderr.hasPrefix("gcsh: cannot write '/nonexistent-dir/x.csv': "))
}

/// A day of virtual time with a forced GC every 2 minutes (sysmon's, while the program sleeps
/// between small allocations): the report stays small and quick to write, and coalescing keeps
/// the timeline to the samples where something changed.
@Test func dayLongRunGivesASmallReport() throws {
  let html = temporaryFile("day.html")
  let csv = temporaryFile("day.csv")
  let code = """
    keep := make([]byte, 64<<20)
    for i := range keep { keep[i] = 1 }
    for h := 0; h < 24; h++ {
      tmp := make([]byte, 32<<20)
      tmp[0] = 1
      sleep 1h
    }
    stats "a day later"
    """
  let start = Date()
  let r = try gcsh(["--report", html, "--timeline", csv, "-e", code])
  let seconds = Date().timeIntervalSince(start)
  #expect(r.status == 0, "\(r.stderr)")
  let size = try FileManager.default.attributesOfItem(atPath: html)[.size] as! Int
  #expect(size < 2_000_000, "report of \(size) bytes")
  #expect(seconds < 10, "gcsh took \(seconds) s")
  let text = try String(contentsOfFile: html, encoding: .utf8)
  // 24 h / 2 min = 720 of sysmon's forced GCs.
  let sysmonGCs = text.components(separatedBy: "<g class=\"gc gc-sysmon\">").count - 1
  #expect(sysmonGCs >= 700, "\(sysmonGCs) sysmon GCs")
}
