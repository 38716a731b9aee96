// LineReader: where the REPL's lines come from — GNU readline on a terminal (editing, history,
// completion), plain stdin otherwise, or a script in tests.
//
// Readline runs through its callback interface (rl_callback_handler_install and
// rl_callback_read_char, fed from a poll loop), as CPython's readline module does: a Ctrl-C at
// the prompt interrupts the poll (EINTR), and the reader returns `.interrupted` after cleaning
// up readline's line state, so that the REPL can drop the pending entry. A signal handler never
// calls into readline.

@preconcurrency import CReadline
import GCScript

#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

/// What one read produced.
enum LineInput: Equatable {
  /// A line, without its newline.
  case line(String)
  /// The input ended (a pipe's end; on a terminal, Ctrl-D on an empty line).
  case endOfInput
  /// Ctrl-C at the prompt: the line typed so far is gone.
  case interrupted
}

/// A source of input lines.
protocol LineReader {
  /// The next line, or why there is none.
  func readLine(prompt: String) -> LineInput
  /// Records a complete entry (possibly several lines) as one history item.
  func addHistory(_ entry: String)
  /// Whether a person types the lines (Ctrl-D at `...>` then cancels an entry instead of
  /// ending the input).
  var isTerminal: Bool { get }
  func close()
}

/// Plain reading from stdin (not a terminal): no prompt editing.
struct PlainReader: LineReader {
  func readLine(prompt: String) -> LineInput {
    fputs(prompt, stdout)
    fflush(stdout)
    return Swift.readLine(strippingNewline: true).map { .line($0) } ?? .endOfInput
  }
  func addHistory(_ entry: String) {}
  var isTerminal: Bool { false }
  func close() {}
}

/// A pipe the SIGINT handler writes a byte to (the self-pipe trick): the signal may be delivered
/// to any thread, and the REPL runs on its own (runOnLargeStack), but its poll wakes either way.
nonisolated(unsafe) var interruptPipe: (read: Int32, write: Int32) = (-1, -1)

/// Makes `interruptPipe` (both ends non-blocking, closed on exec).
func openInterruptPipe() {
  var fds: [Int32] = [-1, -1]
  guard pipe(&fds) == 0 else { return }
  for fd in fds {
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
  }
  interruptPipe = (fds[0], fds[1])
}

/// The line readline's callback interface handed over, once `lineIsReady` is set.
nonisolated(unsafe) private var finishedLine: UnsafeMutablePointer<CChar>? = nil
nonisolated(unsafe) private var lineIsReady = false

/// readline's line handler (a C function pointer: top level, no captures). Removing the
/// handler here keeps readline from printing the prompt again before the REPL has run the line.
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
  finishedLine = line
  lineIsReady = true
  rl_callback_handler_remove()
}

/// GNU readline with a history file (HistoryFile.swift) and completion (Completion.swift).
final class ReadlineReader: LineReader {
  let history: HistoryFile
  /// The entries of this session, oldest first (appended to the file at exit).
  private var added: [String] = []
  /// The newest entry in the history, to skip an identical one (bash's ignoredups): an entry
  /// recalled and run again as it was would otherwise come back twice on the next Up.
  private var lastEntry: String?

  init(historyPath: String) {
    history = HistoryFile(path: historyPath)
    gcsh_rl_set_name("gcsh")
    installCompletion()
    stifle_history(Int32(HistoryFile.limit))
    let loaded = history.load()
    for entry in loaded { add_history(entry) }
    lastEntry = loaded.last
    if let warning = history.warning { write("gcsh: \(warning)\n", to: stderr) }
  }

  var isTerminal: Bool { true }

  func readLine(prompt: String) -> LineInput {
    lineIsReady = false
    finishedLine = nil
    rl_callback_handler_install(prompt, lineHandler)
    while !lineIsReady {
      if Interrupt.requested { return interrupted() }
      var fds = [
        pollfd(fd: fileno(rl_instream ?? stdin), events: Int16(POLLIN), revents: 0),
        pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, interruptPipe.read >= 0 ? 2 : 1, -1)
      if ready < 0 {
        if errno == EINTR { continue }  // Ctrl-C (checked above) or another signal
        rl_callback_handler_remove()
        return .endOfInput
      }
      if fds[1].revents != 0 { drainInterruptPipe() }
      if fds[0].revents != 0 { rl_callback_read_char() }
    }
    guard let p = finishedLine else { return .endOfInput }
    defer { free(p) }
    return .line(String(cString: p))
  }

  /// Empties the wake-up pipe (the flag says what happened).
  private func drainInterruptPipe() {
    var sink = [UInt8](repeating: 0, count: 64)
    while read(interruptPipe.read, &sink, sink.count) > 0 {}
  }

  /// Ctrl-C at the prompt: the partial line is dropped and the terminal restored (CPython's
  /// readline_until_enter_or_signal does the same four steps), and the cursor moves to a new
  /// line under the `^C`.
  private func interrupted() -> LineInput {
    Interrupt.requested = false
    rl_echo_signal_char(SIGINT)
    rl_free_line_state()
    rl_callback_sigcleanup()
    rl_cleanup_after_signal()
    rl_callback_handler_remove()
    write("\n", to: stdout)
    fflush(stdout)
    return .interrupted
  }

  func addHistory(_ entry: String) {
    let e = entry.trimmingCharacters()
    guard !e.isEmpty, e != lastEntry else { return }
    add_history(e)
    added.append(e)
    lastEntry = e
  }

  func close() {
    if let problem = history.save(adding: added) { write("gcsh: \(problem)\n", to: stderr) }
  }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\t" || f == "\n" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" || l == "\n" { s.removeLast() }
    return String(s)
  }
}
