// The REPL through a pseudo-terminal (Tests/gcshTests/repl_pty.py, one scenario per test): line
// editing, history in GCSH_HISTORY (multi-line entries whole, across sessions; an unusable file
// is a warning), context completion, `...>` continuation, Ctrl-C and Ctrl-D at either prompt,
// an error inside a block reported once, values echoed, the process's death said once, `:load`
// leaving no settings behind, trace lines printed with the entry that caused them, goroutines
// that wait between entries and a deadlock that ends the process, and closures
// living across entries.

import Foundation
import Testing

@Test(arguments: ["basics", "cancel", "block_error", "echo", "history", "completion", "death",
                  "load_settings", "trace", "closures", "goroutines"])
func replThroughAPseudoTerminal(_ scenario: String) throws {
  let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gcsh-repl-\(getpid())-\(scenario)")
  try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: dir) }
  let r = try python("Tests/gcshTests/repl_pty.py", [gcshBinary.path, dir.path, scenario])
  #expect(r.status == 0, "\(scenario): \(r.output)")
}
