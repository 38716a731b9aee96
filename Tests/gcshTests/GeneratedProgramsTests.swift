// Generated programs (Tests/Fuzz/gen_programs.py): a grammar-aware generator's programs, each run
// through the built binary under random flags with --check-invariants, must keep the exit-status
// contract (0, 1, 64 for a rejected flag value, 65, 70; a located diagnostic; no signal, no
// hang, no internal error). A fixed seed keeps the test reproducible; `.ci/run` adds a
// time-bounded run with a seed per commit, and a longer run is
// `python3 Tests/Fuzz/gen_programs.py .build/debug/gcsh --seconds 600 --seed N --save DIR`.

import Foundation
import Testing

@Test func generatedProgramsKeepTheExitStatusContract() throws {
  let r = try python("Tests/Fuzz/gen_programs.py", [gcshBinary.path, "--count", "120", "--seed", "12"])
  #expect(r.status == 0, "\(r.output)")
}
