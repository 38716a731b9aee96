// The REPL: reads entries (continuing at `...> ` while a block is open), runs them in one
// session, keeps the heap across errors. Meta commands start with ':'.

@preconcurrency import CReadline
import GCReport
import GCScript
import GoHeap

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// Installs the Ctrl-C handler. It only sets a flag: a running statement stops at its next
/// statement or loop iteration; at the prompt, the poll in ReadlineReader wakes (EINTR) and the
/// pending entry is dropped.
func installInterruptHandler(readline: Bool) {
  // The terminal went away: stop at once (a runaway loop would otherwise spin on).
  signal(SIGHUP) { _ in _exit(129) }
  if readline {
    gcsh_rl_set_catch_signals(0)
    openInterruptPipe()
  }
  signal(SIGINT) { _ in
    Interrupt.requested = true
    var byte: UInt8 = 1
    if interruptPipe.write >= 0 { _ = write(interruptPipe.write, &byte, 1) }
  }
}

let replHelp = """
  GCScript statements run on a simulated Go runtime; time is virtual.
    x = make([]uint32, 100_000_000)   allocate (also :=, var, new, append, &T{...})
    for i := range x { x[i] = 0 }     touch every page (one memclr)
    x = nil                           drop a root: frees nothing by itself
    sleep 3m                          time.Sleep: sysmon and the scavenger run meanwhile
    gc / free                         runtime.GC() / debug.FreeOSMemory()
    stats ["label"]                   the runtime's numbers and the RSS
    set GOGC=50 / set GOMEMLIMIT=200MiB
    print x, len(x)                   fmt.Println
    stats memstats|gctrace|metrics|os|all   one state in every vocabulary
    why / why HeapSys                 the RSS (or HeapSys) broken down by cause
    roots / heap                      what each variable keeps alive / the span map
    explain / explain off             narrate what the runtime does after each statement
    expect RSS < 20MiB                check a number (exercises; gcsh check runs them)
  Meta commands:
    :help          this text
    :reset         start a fresh process (same profile and settings)
    :profile NAME  start a fresh process under go1.27, go1.19 or go1.0
    :load FILE     run a script in this session
    :report [FILE] write the session as an HTML report (default gcsh-report.html)
    plot           chart the RSS and the heap over the session so far
    :quit          exit (also Ctrl-D)
  Ctrl-C interrupts a running statement; the heap stays as it was. At a prompt, Ctrl-C
  drops the line; at ...> Ctrl-C or Ctrl-D drops the whole pending entry.
  Tab completes commands, names, package members and file names after :load.
  """

/// Runs the interactive loop until end of input or :quit.
///
/// An entry is read line by line while it is incomplete (an open block, bracket, comment or raw
/// string: the `...>` prompt), then parsed, checked and run as a whole. Ctrl-C or Ctrl-D at
/// `...>` drops the pending entry; Ctrl-D on an empty main prompt ends the session.
func runREPL(_ session: Session, reader: LineReader, banner: Bool) {
  session.interpreter.echoExpressions = true
  if banner {
    let p = session.config.profile
    write("gcsh: the GC shell. Simulated \(p.name) on \(session.config.machine.os.rawValue), \(StatsTable.size(session.config.machine.ramBytes)) of RAM; time is virtual.\nType :help for help, Ctrl-D to exit.\n", to: stdout)
    fflush(stdout)
  }
  var entry = ""
  reading: while true {
    completionNames = session.interpreter.globalNames
    let clock = StatsTable.clock(session.runtime.virtualTime)
    let prompt = entry.isEmpty ? "gcsh \(clock)> " : String(repeating: " ", count: 5 + clock.count - 3) + "...> "
    // A Ctrl-C that came after the last statement's final check is not meant for the prompt.
    Interrupt.requested = false
    let line: String
    switch reader.readLine(prompt: prompt) {
    case .interrupted:
      entry = ""
      continue reading
    case .endOfInput:
      if reader.isTerminal { write("\n", to: stdout) }
      if entry.isEmpty || !reader.isTerminal { break reading }
      entry = ""
      continue reading
    case .line(let l):
      line = l
    }
    if entry.isEmpty && (line.trimmingCharacters().hasPrefix(":") || line.trimmingCharacters() == "plot") {
      reader.addHistory(line)
      if !meta(line.trimmingCharacters(), session) { break }
      continue
    }
    entry += (entry.isEmpty ? "" : "\n") + line
    let source = Source(name: "<repl>", text: entry)
    let (stmts, errors, incomplete) = Interpreter.parse(source, declared: Set(session.interpreter.globalNames))
    if incomplete { continue }
    reader.addHistory(entry)
    entry = ""
    session.runEntry(stmts, errors: errors, source: source)
    fflush(stdout)
  }
  reader.close()
}

/// Runs a meta command; returns false to quit.
func meta(_ line: String, _ session: Session) -> Bool {
  let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
  switch parts[0] {
  case ":quit", ":q", ":exit": return false
  case ":help", ":h": write(replHelp + "\n", to: stdout)
  case ":reset":
    session.reset()
    write("fresh process: \(session.config.profile.name), clock at 0.000s\n", to: stdout)
  case ":profile":
    guard parts.count == 2, let p = RuntimeProfile.named(parts[1].trimmingCharacters()) else {
      session.reporter.note("usage: :profile go1.27|go1.19|go1.0 (now \(session.config.profile.name))")
      return true
    }
    session.reset(profile: p)
    write("fresh process: \(p.name), clock at 0.000s\n", to: stdout)
  case "plot", ":plot": write(session.plot(), to: stdout)
  case ":report":
    let path = parts.count == 2 ? parts[1].trimmingCharacters() : "gcsh-report.html"
    if session.writeReport(to: path, title: "gcsh session") {
      write("wrote \(path): the session's chart, entries and stats (open it in a browser)\n", to: stdout)
    }
  case ":load":
    guard parts.count == 2 else {
      session.reporter.note("usage: :load FILE")
      return true
    }
    let path = parts[1].trimmingCharacters()
    guard let text = readFile(path) else {
      session.reporter.note("gcsh: cannot read \(path): \(String(cString: strerror(errno)))")
      return true
    }
    session.load(Source(name: path, text: text))
  default:
    session.reporter.note("unknown command \(parts[0]) (try :help)")
  }
  fflush(stdout)
  return true
}

/// Reads a whole file, or nil.
func readFile(_ path: String) -> String? {
  guard let f = fopen(path, "rb") else { return nil }
  defer { fclose(f) }
  var bytes: [UInt8] = []
  var buf = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = fread(&buf, 1, buf.count, f)
    if n <= 0 { break }
    bytes += buf[0..<n]
  }
  if ferror(f) != 0 { return nil }
  return String(decoding: bytes, as: UTF8.self)
}
