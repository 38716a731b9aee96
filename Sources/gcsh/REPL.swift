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

/// True while readline waits at the prompt (the SIGINT handler clears the line then).
nonisolated(unsafe) var atPrompt = false

/// Installs the Ctrl-C handler: at the prompt it clears the line; while a statement runs it asks
/// the interpreter to stop at its next statement or loop iteration.
func installInterruptHandler(readline: Bool) {
  // The terminal went away: stop at once (a runaway loop would otherwise spin on).
  signal(SIGHUP) { _ in _exit(129) }
  if readline {
    gcsh_rl_set_catch_signals(0)
    signal(SIGINT) { _ in
      if atPrompt {
        rl_replace_line("", 0)
        rl_crlf()
        rl_on_new_line()
        rl_redisplay()
      } else {
        Interrupt.requested = true
      }
    }
  } else {
    signal(SIGINT) { _ in Interrupt.requested = true }
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
  Ctrl-C interrupts a running statement; the heap stays as it was.
  """

let keywordsForCompletion = [
  "break", "const", "continue", "else", "for", "func", "if", "import", "package", "range", "return",
  "struct", "type", "var", "sleep", "gc", "free", "stats", "set", "print", "make", "new", "append",
  "len", "cap", "copy", "nil", "true", "false", "runtime.GC()", "debug.FreeOSMemory()",
  "debug.SetGCPercent(", "debug.SetMemoryLimit(", "time.Sleep(", "time.Second", "time.Minute",
  "fmt.Println(", "GOGC=", "GOMEMLIMIT=", ":help", ":reset", ":load", ":quit", "uint32", "uint64",
  "int", "byte", "string", "bool", "float64",
]

/// Runs the interactive loop until end of input or :quit.
func runREPL(_ session: Session, reader: LineReader, banner: Bool) {
  session.interpreter.echoExpressions = true
  if banner {
    let p = session.config.profile
    write("gcsh: the GC shell. Simulated \(p.name) on \(session.config.machine.os.rawValue), \(StatsTable.size(session.config.machine.ramBytes)) of RAM; time is virtual.\nType :help for help, Ctrl-D to exit.\n", to: stdout)
    fflush(stdout)
  }
  var buffer = ""
  while true {
    completionWords = keywordsForCompletion + session.interpreter.globalNames
    let clock = StatsTable.clock(session.runtime.virtualTime)
    let prompt = buffer.isEmpty ? "gcsh \(clock)> " : String(repeating: " ", count: 5 + clock.count - 3) + "...> "
    atPrompt = true
    guard let line = reader.readLine(prompt: prompt) else {
      atPrompt = false
      if !buffer.isEmpty { write("\n", to: stdout) }
      break
    }
    atPrompt = false
    Interrupt.requested = false
    if buffer.isEmpty && (line.trimmingCharacters().hasPrefix(":") || line.trimmingCharacters() == "plot") {
      reader.addHistory(line)
      if !meta(line.trimmingCharacters(), session) { break }
      continue
    }
    buffer += (buffer.isEmpty ? "" : "\n") + line
    let source = Source(name: "<repl>", text: buffer)
    let (stmts, errors, incomplete) = Interpreter.parse(source)
    if incomplete { continue }
    reader.addHistory(buffer)
    buffer = ""
    if !errors.isEmpty {
      for e in errors { session.report(e) }
      continue
    }
    do {
      try session.interpreter.run(stmts, source: source)
    } catch let e as CompileErrors {
      // A type error: nothing of the entry ran, and nothing it declared stays.
      for err in e.errors { session.report(err) }
    } catch let e as ScriptError {
      session.report(e)
      if session.runtime.deathCause != nil {
        session.reporter.note("the simulated process is dead; :reset starts a fresh one")
      }
    } catch {
      session.reporter.note("gcsh: internal error: \(error)")
    }
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
      session.reporter.note("gcsh: cannot read \(path)")
      return true
    }
    _ = session.runScript(Source(name: path, text: text))
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
