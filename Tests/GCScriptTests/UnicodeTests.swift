// The unicode package against Tests/Recordings/runs/unicodepkg (Go 1.27.3 and 1.19.8): every
// class and case mapping of 61 runes (ASCII, Latin-1, Greek, Cyrillic, CJK, other scripts'
// digits, marks, symbols, spaces, İ and ı, the Kelvin and Ohm signs, titlecase digraphs, and
// values that are no rune), -m's lines (the inlined classes, the bounds check walk elides in
// them, rune constants printed as rune literals by Go 1.27) and the inliner's costs.

import Foundation
@testable import GCScript
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func unicodePackageIsGos(_ version: String) throws {
  let run = try RecordedRun("unicodepkg").compared(version) { $0.hasPrefix("./main.go:") }
  #expect(run.printed == run.expected)
  #expect(run.gcsh == run.go)
}

@Test(arguments: ["1.27.3", "1.19.8"])
func unicodeCostsWhatGoSays(_ version: String) throws {
  let checked = try expectInlineCosts(try RecordedRun("unicodepkg"), "inline/main.go", version) { line in
    line.contains(" main ") || line.contains(" main:")
  }
  #expect(checked == 16)
}
