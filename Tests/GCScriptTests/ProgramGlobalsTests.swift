// The program's package-level variables as the collector's roots: what the pacer counts of them
// (globalsScan: the pointerful ones, the data and bss sections; Pacer.setProgramGlobals).

@testable import GCScript
import GoHeap
import Testing

/// /gc/scan/globals:bytes, the pacer's globalsScan.
private func globalsScan(_ rt: GoRuntime) -> Int {
  guard case .uint64(let v) = rt.readMetric(
    "/gc/scan/globals:bytes", scheduler: SchedulerCounts(live: 1, runnable: 0, created: 1))
  else { return -1 }
  return Int(v)
}

/// A REPL declaring a global again scans the new one only (the old one's slots are zeroed and
/// forgotten), pointer-free globals add nothing (noptrbss), and the libraries' globals are the
/// profile's (os.Stdout and io.EOF are in the runtime's share, StartupState.globalsScanBytes).
@Test func theREPLsGlobalsAreScannedOnce() throws {
  let s = Session()
  let runtimeShare = globalsScan(s.rt)  // Go 1.27.3's runtime and libraries
  #expect(runtimeShare == 148_426)
  let stack = s.rt.memStats().stackInuse
  try s.enter("var t [1 << 20]*int")
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB)
  #expect(s.rt.memStats().nextGC == runtimeShare + 8 * MiB)  // the first goal: no heap, no stack yet
  try s.enter("var t [1 << 20]*int")  // declared again: still one 8 MiB array
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB)
  try s.enter("var counts [1 << 19]int\nvar name string\nvar pair struct{ n int; p *int }")
  #expect(globalsScan(s.rt) == runtimeShare + 8 * MiB + 16 + 16)
  try s.enter("var t int")  // the array is gone: an int holds no pointer
  #expect(globalsScan(s.rt) == runtimeShare + 32)
  // The stack never held the arrays' zero values (bss: no code runs for them).
  #expect(s.rt.memStats().stackInuse == stack)
  // A library's globals are not the program's.
  try s.enter("fmt.Fprintln(os.Stdout, io.EOF)")
  #expect(globalsScan(s.rt) == runtimeShare + 32)
}

/// `var t = [N]*int{}` and `var t [N]*int = [N]*int{}` are the zero value written as a literal.
/// In a Go package the compiler lays them out as bss like `var t [N]*int` and runs no code
/// (staticinit/sched.go StaticAssign): an initializer that ran first and wrote them keeps its
/// writes (Go 1.27.3 and 1.19.8 print `7 [1 0 0] [0 2]` for the program below). A script's (or
/// the REPL's) `var` runs where it stands and clears the variable in place. Neither builds the
/// zero value in the frame: the stack never holds the 8 MiB array (it would grow to 16 MiB).
@Test func aZeroLiteralGlobalIsBssToo() throws {
  let s = Session()
  let stack = s.rt.memStats().stackInuse
  try s.enter("var t = [1 << 20]*int{}")
  try s.enter("var u [1 << 19]*int = [1 << 19]*int{}")
  try s.enter("type pair struct{ a, b *int }\nvar p = pair{}")
  #expect(s.rt.memStats().stackInuse == stack)
  #expect(globalsScan(s.rt) == 148_426 + 8 * MiB + 4 * MiB + 16)
  try s.enter("x := 7\nt[5] = &x\np.a = &x\nfmt.Println(t[5] == &x, u[0] == nil, p.a == &x, p.b == nil)")
  #expect(s.host.text.hasSuffix("true true true true\n"))
  // A := that declares w and assigns the v declared before it in the same entry.
  try s.enter("v := [3]int{1, 2, 3}\nv, w := [3]int{}, [2]int{}\nfmt.Println(v, w)")
  #expect(s.host.text.hasSuffix("[0 0 0] [0 0]\n"))
  // A script's function that ran before the declarations wrote the variables: they are zeroed.
  try s.enter("func f() { g[0] = 1; h[1] = 2 }\nf()\nvar g = [3]int{}\nvar h [2]int\nfmt.Println(g, h)")
  #expect(s.host.text.hasSuffix("[0 0 0] [0 0]\n"))

  let program = """
    package main

    import "fmt"

    var x = f()

    var t = [3]int{}

    var u [2]int

    var big = [1 << 20]*int{}

    func f() int {
    \tt[0] = 1
    \tu[1] = 2
    \treturn 7
    }

    func main() {
    \tfmt.Println(x, t, u, big[0] == nil)
    }

    """
  let (host, rt, _) = try interpret(program, name: "main.go")
  #expect(host.text == "7 [1 0 0] [0 2] true\n")
  #expect(rt.memStats().stackInuse == stack)
}

/// One mechanism, any spelling: a variable declared with its zero value written as a literal
/// (`a := [N]int{}`, `var a = [N]int{}`) is `var a [N]int`, cleared in place, and costs the same
/// virtual time and stack — a local in a function (whose literal was already built in its
/// slots) and a script's global (whose literal went through the frame before: the stack grew
/// by the array).
@Test func aZeroLiteralCostsWhatVarCosts() throws {
  func run(_ code: String) throws -> (time: Int, stack: Int, text: String) {
    let (host, rt, _) = try interpret(code)
    return (rt.virtualTime, rt.memStats().stackInuse, host.text)
  }
  for (plain, spellings, use) in [
    ("var a [1 << 14]int", ["a := [1 << 14]int{}", "var a = [1 << 14]int{}", "var a [1 << 14]int = [1 << 14]int{}"],
     "func f() int {\n\tDECL\n\ta[7] = 3\n\treturn a[7] + a[1]\n}\nfor i := 0; i < 100; i++ {\n\tf()\n}\nfmt.Println(f())\n"),
    ("var g [1 << 17]int", ["var g = [1 << 17]int{}", "g := [1 << 17]int{}"], "DECL\ng[7] = 3\nfmt.Println(g[7] + g[1])\n"),
  ] {
    let base = try run(use.replacingOccurrences(of: "DECL", with: plain))
    #expect(base.text == "3\n")
    for spelling in spellings {
      let other = try run(use.replacingOccurrences(of: "DECL", with: spelling))
      #expect(other.text == base.text)
      #expect(other.time == base.time, "\(spelling): \(other.time) ns against \(base.time)")
      #expect(other.stack == base.stack, "\(spelling): stack \(other.stack) against \(base.stack)")
    }
  }
}
