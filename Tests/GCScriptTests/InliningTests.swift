// The inliner at run time: the recorded runs of Tests/Recordings/runs/inlinealloc (an inlined
// constructor allocates nothing, a //go:noinline one a 16-byte object per call, an inlined
// make of a size that is constant after inlining stays in the frame in Go 1.27 only), and
// what an inlined body must keep of a call: panics at the callee's line, values and control
// flow of returns inside loops.

import Foundation
@testable import GCScript
import GoHeap
import Testing

@Test(arguments: ["1.27.3", "1.19.8"])
func inlinedAllocationsMatchTheRecordedRun(_ version: String) throws {
  let run = try RecordedRun("inlinealloc")
  let expected = try run.recorded(version)
  let (mine, interp) = try run.gcsh(version == "1.27.3" ? .go127 : .go119)
  #expect(mine.words == expected.words)
  #expect(mine.deltas == expected.deltas)
  // Every -m line, the inliner's included, in Go's order.
  let url = run.directory.appendingPathComponent("go\(version).m.txt")
  let recorded = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
  #expect(interp.escapeDecisions == recorded)
}

/// stdlibinline: -m's `inlining call to` lines for the package functions Go inlines, and for
/// the calls inlined into them (`fmt.Errorf` then `errors.New`; `runtime.NumGoroutine`,
/// `runtime.gcount`, and in Go 1.27 `atomic.(*Int32).Load`; strings.Builder's copyCheck and
/// its noescape), in Go's order — level by level in Go 1.27, depth first in Go 1.19 — also
/// through `ng`, a function of the program inlined into main, and Go 1.27's `can inline main.func1`
/// for a literal.
@Test(arguments: ["1.27.3", "1.19.8"])
func packageFunctionsAreInlinedAsGoDoes(_ version: String) throws {
  let isInlining = { (line: String) in line.hasPrefix("./main.go") && line.contains("inlin") && !line.contains("main.func") }
  let r = try RecordedRun("stdlibinline").compared(version, isInlining, sorted: false)
  #expect(r.go.count >= 40)
  #expect(r.gcsh == r.go)
  #expect(r.printed == r.expected)
}

/// Returns from inside loops and branches of an inlined body, nested inlining, a recursive
/// function (Go 1.27 inlines it once into itself), and values that survive the copy.
@Test(arguments: ["go1.27", "go1.19", "go1.0"])
func inlinedBodiesComputeWhatCallsDo(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let (host, _, _) = try interpret("""
    func firstOver(s []int, limit int) int {
    	for i, v := range s {
    		if v > limit {
    			return i
    		}
    	}
    	return -1
    }
    func sign(n int) int {
    	if n < 0 {
    		return -1
    	} else if n == 0 {
    		return 0
    	}
    	return 1
    }
    func twice(n int) int { return sign(n) + sign(n) }
    func fact(n int) int {
    	if n <= 1 {
    		return 1
    	}
    	return n * fact(n-1)
    }
    type Pair struct{ a, b *int }
    func first(p *Pair) *int { return p.a }
    func main() {
    	s := []int{1, 5, 9, 12}
    	x, y := 3, 4
    	pr := Pair{a: &x, b: &y}
    	total := 0
    	for i := 0; i < 3; i++ {
    		total += firstOver(s, i*4) + twice(i-1)
    	}
    	println(total, fact(5), *first(&pr), firstOver(s, 100))
    }
    """, profile: profile)
  // firstOver: 0, 1, 2 (limits 0, 4, 8); twice: -2, 0, 2.
  #expect(host.errorText.split(separator: "\n").last == "3 120 3 -1")
}

/// A panic inside an inlined body reports the callee's line, as Go's traceback does.
@Test(arguments: [RuntimeProfile.go127, .go119])
func panicsInInlinedBodiesReportTheCalleesLine(_ profile: RuntimeProfile) throws {
  let source = """
    func at(s []int, i int) int {
    	return s[i]
    }
    func main() {
    	s := []int{1, 2}
    	println(at(s, 5))
    }
    """
  #expect(throws: ScriptError.self) { try interpret(source, profile: profile) }
  do {
    _ = try interpret(source, profile: profile)
  } catch let e as ScriptError {
    #expect(e.rendered.contains(":2:"), "\(e.rendered)")
  }
}
