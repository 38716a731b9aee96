// Views: one state in every vocabulary — MemStats, the last gctrace line, runtime/metrics, what
// the OS tools show — and `why`, the resident set broken down by cause.

import GoHeap

public enum Views {
  static func row(_ name: String, _ value: String, _ note: String = "") -> String {
    "  " + StatsTable.pad(name, 44) + StatsTable.lpad(value, 12) + (note.isEmpty ? "" : "   " + note) + "\n"
  }

  /// `stats memstats`: every MemStats field of the profile's era.
  public static func memstats(_ rt: GoRuntime) -> String {
    let m = rt.memStats()
    let have = rt.profile.memStatsFields
    var out = "runtime.MemStats at t=\(StatsTable.clock(m.timeNs)) (virtual, \(rt.profile.name))\n"
    let bytes: Set<String> = ["Alloc", "TotalAlloc", "Sys", "HeapAlloc", "HeapSys", "HeapIdle", "HeapInuse",
                              "HeapReleased", "StackInuse", "StackSys", "GCSys", "OtherSys", "NextGC"]
    for (k, v) in m.fields where have?.contains(k) ?? true {
      let shown = bytes.contains(k) ? "\(v)" + "  (" + StatsTable.size(v) + ")" : "\(v)"
      out += "  " + StatsTable.pad(k, 14) + shown + "\n"
    }
    if have?.contains("GCCPUFraction") ?? true, rt.profile.version >= GoVersion(1, 5) {
      out += "  " + StatsTable.pad("GCCPUFraction", 14) + "\(m.gcCPUFraction)\n"
    }
    return out
  }

  /// `stats gctrace`: the last cycle as the runtime's own trace line.
  public static func gctrace(_ rt: GoRuntime) -> String {
    guard let c = rt.lastCycle else { return "no GC has run yet (NumGC \(rt.memStats().numGC))\n" }
    return TraceLines.gcLine(c, format: rt.profile.traceFormat) + "\n"
  }

  /// `stats metrics`: what runtime/metrics.Read would give a program for the memory classes
  /// (which add up to the total: Sys) and the collector's counters (Go 1.16+), by the runtime's
  /// own arithmetic (GoRuntime.readMetric).
  public static func metrics(_ rt: GoRuntime) -> String {
    guard rt.profile.has(.metrics) else {
      return "runtime/metrics does not exist in \(rt.profile.name): it arrived in Go 1.16\n"
    }
    var out = "runtime/metrics at t=\(StatsTable.clock(rt.memStats().timeNs)) (virtual)\n"
    let shown: Set<String> = [
      "/gc/heap/goal:bytes", "/gc/heap/live:bytes", "/gc/cycles/total:gc-cycles", "/gc/cycles/forced:gc-cycles",
      "/gc/gogc:percent", "/gc/gomemlimit:bytes",
    ]
    let scheduler = SchedulerCounts(live: 1, runnable: 0, created: 0)
    let all = rt.profile.metricDescriptions
    // The memory classes first (they partition Sys), then the collector's.
    for d in all.filter({ $0.name.hasPrefix("/memory/classes/") }) + all.filter({ shown.contains($0.name) }) {
      let text: String
      switch rt.readMetric(d.name, scheduler: scheduler) {
      case .uint64(let v): text = d.name == "/gc/gogc:percent" ? "\(Int64(bitPattern: v))" : "\(v)"
      case .float64(let v): text = "\(v)"
      case .histogram, .bad: continue
      }
      out += "  " + StatsTable.pad(d.name, 46) + text + "\n"
    }
    return out
  }

  /// `stats os`: what `top`, `ps` and Activity Monitor would show.
  public static func os(_ rt: GoRuntime) -> String {
    let m = rt.memStats()
    var out = "the OS's view at t=\(StatsTable.clock(m.timeNs)) (virtual, \(rt.machine.os.rawValue), release with \(rt.releaseMechanism.rawValue))\n"
    switch rt.machine.os {
    case .darwin:
      out += row("Activity Monitor \"Memory\" (footprint)", StatsTable.size(m.footprint))
      out += row("resident size (ps RSS, top RSIZE)", StatsTable.size(m.rss))
    case .windows:
      out += row("Task Manager working set", StatsTable.size(m.rss))
    case .linux, .plan9:
      out += row("top RES / ps RSS", StatsTable.size(m.rss))
    }
    out += row("mapped by the runtime (Sys)", StatsTable.size(m.sys), "address space, not memory in use")
    return out
  }

  /// `stats all`: every vocabulary, and how they relate.
  public static func all(_ rt: GoRuntime, label: String?) -> String {
    let m = rt.memStats()
    var out = StatsTable.render(m, label: label, fields: rt.profile.memStatsFields, os: rt.machine.os)
    out += memstats(rt) + gctrace(rt) + metrics(rt) + os(rt)
    out += "how they relate: HeapSys = HeapInuse + HeapIdle; HeapIdle - HeapReleased is free memory still "
      + "held; Sys counts mapped memory (released too); RSS counts only pages the OS keeps resident\n"
    return out
  }

  /// `why` / `why rss`: the resident set by cause, with what would make each part go away.
  public static func why(_ rt: GoRuntime, _ what: String?) -> String {
    let m = rt.memStats()
    switch (what ?? "rss").lowercased() {
    case "heapsys":
      return "HeapSys = \(StatsTable.size(m.heapSys)): mapped heap, never shrinks\n"
        + row("in use (HeapInuse)", StatsTable.size(m.heapInuse), "spans holding objects")
        + row("free, still held (HeapIdle - HeapReleased)", StatsTable.size(m.heapIdle - m.heapReleased), "the scavenger's work")
        + row("released (HeapReleased)", StatsTable.size(m.heapReleased), "returned to the OS, still mapped")
    default:
      let b = rt.rssBreakdownByCause()
      let goal = m.nextGC == Int.max ? "GOGC=off" : "the heap goal \(StatsTable.size(m.nextGC))"
      let forced = rt.nextForcedGCNs.map { " or a forced GC at t=" + StatsTable.clock($0) } ?? ""
      let lazyWhy = rt.releaseMechanism == .none
        ? "the OS never takes it back (release is a no-op here)"
        : "the OS takes it back under memory pressure"
      var out = "why RSS = \(StatsTable.size(rt.rss)) at t=\(StatsTable.clock(m.timeNs)) (virtual)\n"
      out += row("live objects", StatsTable.size(b.liveObjects), "reachable from the roots: drop them first")
      out += row("garbage not yet collected", StatsTable.size(b.garbage), "freed by the next GC: at \(goal)\(forced)")
      out += row("free heap not yet returned", StatsTable.size(b.freeNotScavenged), "the scavenger's next pass, or debug.FreeOSMemory()")
      out += row("released but still resident", StatsTable.size(b.releasedButResident), lazyWhy)
      out += row("runtime heap data", StatsTable.size(b.runtimeHeapData), "the runtime's own objects")
      out += row("runtime metadata", StatsTable.size(b.metadata), "span tables and heap bitmap: stays")
      out += row("binary, stacks, runtime start-up", StatsTable.size(b.binaryAndStacks), "stays")
      out += row("= RSS", StatsTable.size(b.total))
      out += "  (not resident: \(StatsTable.size(b.untouched)) of heap mapped but never touched)\n"
      return out
    }
  }
}

extension Views {
  /// `heap`: the span map along the address space, with a legend and sizes. Colour only when
  /// asked for (a terminal without NO_COLOR and TERM=dumb).
  public static func heapMap(_ rt: GoRuntime, color: Bool, width: Int = 64) -> String {
    let (cells, bytes) = rt.pageMap(columns: width)
    let colors: [PageState: String] = [
      .inUse: "\u{1B}[41m", .inUseUntouched: "\u{1B}[43m", .freeResident: "\u{1B}[44m",
      .freeNotResident: "", .releasedResident: "\u{1B}[45m",
    ]
    let names: [(PageState, String)] = [
      (.inUse, "in use, resident"), (.inUseUntouched, "in use, never written (not resident)"),
      (.freeResident, "free, not yet returned (resident)"), (.releasedResident, "released, still counted by the OS"),
      (.freeNotResident, "free, not resident (released or untouched)"),
    ]
    var line = ""
    for c in cells {
      if color, let code = colors[c], !code.isEmpty {
        line += code + String(c.rawValue) + "\u{1B}[0m"
      } else {
        line += String(c.rawValue)
      }
    }
    let m = rt.memStats()
    var out = "heap map at t=\(StatsTable.clock(m.timeNs)) (virtual): \(StatsTable.size(m.heapSys + m.stackSys)) of address space, low to high\n"
    out += "  [" + line + "]\n"
    for (s, n) in names where (bytes[s] ?? 0) > 0 || s == .inUse {
      out += "  " + String(s.rawValue) + " " + StatsTable.pad(n, 44) + StatsTable.lpad(StatsTable.size(bytes[s] ?? 0), 12) + "\n"
    }
    return out
  }
}
