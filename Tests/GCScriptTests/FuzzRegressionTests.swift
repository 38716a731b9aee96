// Inputs the libFuzzer target (Sources/gcsh-fuzz) found, each kept as a test.

import Testing

@testable import GCScript
import GoHeap

/// An interface type whose input ends inside its braces, after a constraint element: the parser
/// appended a constraint per turn at the end of the input until the host ran out of memory
/// (libFuzzer: out-of-memory, 1.8 GB in Parser.interfaceElements, after 580,686 executions).
@Test(arguments: ["x := interface{ ~int |", "x := interface{{{{ interface", "type T interface{ int | string"])
func interfaceCutOffAtTheEndIsAnError(_ text: String) {
  let (_, errors, _) = Interpreter.parse(Source(name: "fuzz.gcs", text: text))
  #expect(!errors.isEmpty)
}

/// A local array too large for the stack moves to the heap, and its declaration clears it there:
/// past 2 GiB the size did not fit the clear instruction's 32-bit operand and lowering trapped
/// (libFuzzer: `Not enough bits to represent the passed value` in Lowerer.statement, on merged
/// main). Now the program runs, and its 800 TiB allocation dies as Go's does: newobject has no
/// maxAlloc check, so mheap.grow cannot reserve it (Tests/Recordings/runs/hugelocal, Go 1.27.3:
/// `runtime: out of memory: cannot allocate 879609302220800-byte block (3932160 in use)` in run
/// 3, then `fatal error: out of memory`).
@Test func aLocalArrayPastTwoGiBIsClearedWithA64BitCount() throws {
  let f = "func f() int {\n\tvar pad [100 << 40]int\n\tpad[0] = 1\n\treturn pad[0]\n}\n"
  let (out, _, _) = try run(f + "print 1\n")
  #expect(out == "1\n")
  let error = failure(f + "print f()\n")
  #expect(
    error?.kind.message == "runtime: out of memory: cannot allocate 879609302220800-byte block (3932160 in use)\n"
      + "fatal error: out of memory", "\(String(describing: error))")
  #expect(error?.kind.goExitStatus == 2)
  let (small, _, _) = try run("func g() int {\n\tvar pad [3 << 28]int\n\tpad[5] = 2\n\treturn pad[5] + pad[0]\n}\nprint g()\n")
  #expect(small == "2\n")
}

/// `expect` with a float constant past Int128's range converted it with a trapping initializer
/// (libFuzzer: `value cannot be converted to Int128` in Checker.expectation, after 32,814
/// executions of the session's 1M run). It is the overflow error every constant past int64 gets.
@Test(arguments: [("1e50", "1e+50"), ("-1e300", "-1e+300"), ("1e30", "1e+30")])
func anExpectationPastInt128IsAnOverflowError(_ value: String, _ shown: String) {
  let error = failure("expect NumGC == \(value)\n")
  #expect(
    error?.kind.message == "cannot use \(value) (untyped float constant \(shown)) as int64 value in expect (overflows)")
  #expect(error?.span.start == 16)
}

/// Goroutines made under a memory limit: a new goroutine's stack grew the heap, whose eager
/// scavenging left page-allocator work pending, and the allocation of its g record then found
/// work uncharged on its fast path (an assertion: gen_programs, seed 379, with --os plan9
/// --memlimit 64MiB). The stack's work is now charged with the stack.
@Test func goroutinesUnderAMemoryLimitChargeTheirStacksWork() throws {
  let program = """
    for i1 := range 20 {
    	ch2 := make(chan int)
    	for i := 0; i < 100; i++ {
    		go func() {
    			b := make([]byte, 8 << 20)
    			<-ch2
    			b[0] = 1
    		}()
    	}
    	time.Sleep(time.Millisecond)
    	runtime.GC()
    	close(ch2)
    	_ = i1
    }
    print runtime.NumGoroutine()
    """
  let (host, rt, _) = try interpret(program, machine: MachineConfig(os: .plan9)) { rt in _ = try? rt.setMemoryLimit(64 << 20) }
  // (How many goroutines are still parked at the end is the scheduler's business, not this
  // test's: that it runs, to the end, with the heap's invariants intact, is.)
  #expect(Int(host.text.split(separator: "\n").last ?? "") != nil, "\(host.text)")
  try rt.checkInvariants()
}

/// The active tiny block is black from a cycle's start (mgc.go gcStart → gcMarkTinyAllocs). A
/// tiny object packed into the block while the mark runs is not marked by itself, so when the
/// block's earlier objects had died the sweep freed the block under the new one, and reading it
/// was `internal error: access of 8 bytes ...: not a heap object` (CI's program generator, seed
/// 505: a range-over-func loop's 8-byte state box packed beside the previous loop's). In every
/// commit before the fix; now the object is kept, as in Go.
@Test(arguments: ["go1.27", "go1.19"])
func aTinyObjectPackedDuringTheMarkKeepsItsBlock(_ profile: String) throws {
  let script = """
    var g *int
    var keep *int
    var big []byte
    g = new(int)
    g = nil
    big = make([]byte, 64 << 20)
    keep = new(int)
    *keep = 7
    sleep 1s
    gc
    print *keep
    """
  let (out, _, rt) = try run(script, profile: try #require(RuntimeProfile.named(profile)))
  #expect(out == "7\n")
  #expect(rt.memStats().numGC == 2)
}
