// The inliner's cost model (Inline/InlineCost.swift) on one-line functions whose costs were
// measured with `go build -gcflags='-m -m'` (Go 1.27.3 and 1.19.8, package main, go 1.19 in
// go.mod): "can inline f with cost N". Each case is (function, Go 1.27.3's cost, Go 1.19.8's).

import Foundation
@testable import GCScript
import GoHeap
import Testing

let measuredCosts: [(String, Int, Int)] = [
  ("func mlen(m map[string]int) int { return len(m) }", 3, 3),
  ("func madd(m map[string]int, keys []string) { for _, k := range keys { m[k]++ } }", 11, 11),
  ("func mget(m map[string]int, k string) int { return m[k] }", 4, 4),
  ("func mset(m map[string]int, k string, v int) { m[k] = v }", 5, 5),
  ("func mok(m map[string]int, k string) bool { _, ok := m[k]; return ok }", 10, 10),
  ("func mdel(m map[string]int, k string) { delete(m, k) }", 3, 3),
  ("func mmake() map[string]int { return make(map[string]int) }", 3, 3),
  ("func mmakeN(n int) map[string]int { return make(map[string]int, n) }", 3, 3),
  ("func mlit() map[string]int { return map[string]int{\"a\": 1, \"b\": 2} }", 8, 8),
  ("func mrange(m map[string]int) int { t := 0; for _, v := range m { t += v }; return t }", 16, 16),
  ("func mopadd(m map[string]int) { m[\"a\"] += 2 }", 5, 5),
  ("func mnil(m map[string]int) bool { return m == nil }", 4, 4),
  ("func zeroVar() int { var x int; return x }", 6, 6),
  ("func withRange(s []int) int { t := 0; for _, v := range s { t += v }; return t }", 16, 16),
  ("func withPanic(n int) int { if n < 0 { panic(\"neg\") }; return n }", 9, 9),
  ("func printIt(n int) { fmt.Println(n) }", 78, 76),
  ("func strs(a, b string) string { return a + b }", 4, 4),
  ("func bs(s string) []byte { return []byte(s) }", 3, 3),
  ("func arr() [3]int { a := [3]int{1, 2, 3}; return a }", 10, 10),
  ("func sl(s []int) []int { return s[1:len(s)] }", 4, 6),
  ("func sl0(s []int) []int { return s[0:2] }", 4, 5),
  ("func brk(n int) int { for { if n > 10 { break }; n++ }; return n }", 11, 11),
  ("func pt(p *P) *int { return &p.x }", 2, 4),
  ("func pt2(p *P) *int { return &p.y }", 4, 4),
  ("func posLit() P { return P{1, 2} }", 6, 6),
  ("func elif(n int) int { if n > 1 { return 1 } else if n < 0 { return 2 } else { return 3 } }", 14, 14),
  ("func conv(n int) int64 { return int64(n) }", 2, 2),
  ("func logic(a, b bool) bool { return a && !b }", 5, 5),
  ("func shifts(a int, b uint) int { return a << b }", 4, 4),
  ("func neg(a int) int { return -a }", 3, 3),
  ("func minmax(a, b int) int { if a < b { return a }; return b }", 8, 8),
  ("func nilp() *int { return nil }", 2, 2),
  ("func multiassign() int { a, b := 1, 2; a, b = b, a; return a }", 16, 16),
  ("func strIndex(s string) byte { return s[0] }", 4, 4),
  ("func strLen(s string) int { return len(s) }", 3, 3),
  ("func cpy(a, b []int) { copy(a, b) }", 3, 3),
  ("func app2(a, b []int) []int { return append(a, b...) }", 4, 4),
  ("func arrIdx(a [4]int, i int) int { return a[i] }", 4, 4),
  ("func noResult(p *int) { *p = 1; return }", 5, 5),
  ("func sliceLit() []int { return []int{1, 2, 3} }", 6, 6),
  ("func addr2(n int) int { return n + 1 }", 4, 4),
  ("func nested() int { return addr2(1) + addr2(2) }", 16, 16),
  ("func incr(n int) int { n++; return n }", 5, 5),
  ("func rangeStr(s string) int { n := 0; for i, r := range s { n += i + int(r) }; return n }", 21, 21),
  ("func rangeInt(n int) int { t := 0; for i := 0; i < n; i++ { t += i }; return t }", 22, 22),
  ("func c2(n int) uint { return uint(n) }", 3, 3),
  ("func c3(n int32) int { return int(n) }", 3, 3),
  ("func c4(n uint8) int { return int(n) }", 3, 3),
  ("func c5(n int) float64 { return float64(n) }", 3, 3),
  ("func c6(b []byte) string { return string(b) }", 3, 3),
  ("func c7(n int64) int { return int(n) }", 2, 2),
  ("func c8(n uint64) int64 { return int64(n) }", 3, 3),
  ("func p0() { fmt.Println() }", 75, 74),
  ("func p2(a, b int) { fmt.Println(a, b) }", 80, 78),
  ("func q1(a int) { fmt.Print(a) }", 78, 76),
  ("func f1(a int) { fmt.Printf(\"%d\", a) }", 80, 78),
  ("func s1(a int) string { return fmt.Sprint(a) }", 64, 62),
  ("func s2(a int) string { return fmt.Sprintln(a) }", 64, 62),
  ("func s3(a int) string { return fmt.Sprintf(\"%d\", a) }", 65, 63),
  ("func g1() { runtime.GC() }", 59, 59),
  ("func t1() { time.Sleep(1) }", 60, 60),
  ("func k1(p *int) { runtime.KeepAlive(p) }", 4, 4),
  ("func d1() { debug.FreeOSMemory() }", 61, 61),
  ("func d2() int { return debug.SetGCPercent(100) }", 67, 67),
  ("func d3() int64 { return debug.SetMemoryLimit(100) }", 65, 65),
  ("func arrp(p *[4]int) int { return len(p) }", 2, 2),
  ("func rangeArr(a [4]int) int { t := 0; for i := range a { t += i }; return t }", 15, 15),
  ("func rangeSl(s []int) int { t := 0; for i, v := range s { t += i + v }; return t }", 20, 20),
  ("func cont(n int) int { t := 0; for i := 0; i < n; i++ { if i == 2 { continue }; t++ }; return t }", 27, 27),
  ("func zeroStruct() int { var p P; return p.x }", 7, 7),
  ("func nilCmp(p *int) bool { return p == nil }", 4, 4),
  ("func divide(a, b int) int { return a / b }", 4, 4),
  ("func strcat(a string) string { s := a; s += \"x\"; return s }", 10, 10),
  ("func slice3(s []int) []int { return s[1:2:3] }", 6, 6),
  ("func sliceArr(a *[4]int) []int { return a[:] }", 3, 3),
  ("func newP() *P { return new(P) }", 2, 3),
  ("func lit2() *P { return &P{} }", 3, 3),
  ("func assignField(p *P) { p.x = 1 }", 4, 4),
  ("func localField() int { var p P; p.y = 2; return p.y }", 11, 11),
  // Switches (OSWITCH, OCASE per clause, OFALL free), labels (OLABEL), and constant switches as
  // the frontend folds them (Go 1.27.3 drops tag and cases, Go 1.19.8 keeps the tag and the
  // case that matched: sw9..sw12, sw15).
  ("func sw1(x int) int { switch x { case 1: return 10; case 2, 3: return 20 }; return 0 }", 13, 13),
  ("func sw2(x int) int { switch x { case 1: return 10; default: return 0 } }", 9, 9),
  ("func sw3(x int) int { switch { case x > 1: return 1; case x < 0: return 2 }; return 3 }", 15, 15),
  ("func sw4(x int) int { switch y := x + 1; y { case 1: return 1 }; return 0 }", 15, 15),
  ("func sw5(x int) int { r := 0; switch x { case 1: r = 1; fallthrough; case 2: r += 2 }; return r }", 19, 19),
  ("func sw6(x int) int { for i := 0; i < x; i++ { switch i { case 3: break; case 4: continue } }; return x }", 22, 22),
  ("func sw7(x int) int { L: for i := 0; i < x; i++ { switch i { case 3: break L } }; return x }", 20, 20),
  ("func sw8(x int) int { L: for { break L }; return x }", 5, 5),
  ("func sw9(x int) int { switch 2 { case 1: return 1; case 2: return 2 }; return 0 }", 6, 8),
  ("func sw10(x int) int { switch { case true: return 1 }; return 0 }", 6, 7),
  ("func sw11(x int) int { switch 3 { case 1: return 1; default: return 5 } }", 4, 5),
  ("func sw12(x int) int { switch 3 { case 1: return 1 }; return 0 }", 3, 4),
  ("func sw13(x int) int { switch 2 { case x: return 1; case 2: return 2 }; return 0 }", 12, 12),
  ("func sw14(s string) int { switch s { case \"a\": return 1; case \"b\": return 2 }; return 0 }", 12, 12),
  ("func sw15(x int) int { switch { } ; return x }", 3, 3),
  ("func sw16(x int) int { L: switch x { case 1: break L }; return x }", 8, 8),
  ("func sw17(x int) int { switch x { }; return x }", 4, 4),
  ("func sw18(x int) int { switch x := x; x { default: return x } }", 10, 10),
  ("func sw19(x int) int { switch 2 { case 1: return 1; case 2: fallthrough; case 3: return 3 }; return 0 }", 14, 14),
  ("func sw20(x int) int { L: for i := 0; i < x; i++ { for { continue L } }; return x }", 17, 17),
  ("func sw21(x int) int { L: for { switch { case x > 0: continue L }; break }; return x }", 11, 11),
  ("func sw22(x int) int { switch { case x > 1, x < -1: return 1 }; return 0 }", 12, 12),
  ("func sw23(x int) int { switch x { case 1: default: }; return x }", 7, 7),
  // Interfaces and the library's errors (measured with -m -m the same way, both versions).
  ("func atoiCost(s string) (int, error) { return strconv.Atoi(s) }", 70, 70),
  ("func newErrCost(s string) error { return errors.New(s) }", 10, 10),
  ("func icallCost(s fmt.Stringer) string { return s.String() }", 61, 61),
  ("func assertCost(a any) int { return a.(int) }", 3, 3),
  ("func convCost(n int) any { return n }", 3, 3),
  ("func okCost(a any) bool { _, ok := a.(string); return ok }", 9, 9),
  ("func switchCost(a any) int { switch v := a.(type) { case int: return v; case string: return len(v) }; return 0 }", 15, 17),
  ("func ts1(a any) int { switch a.(type) { case int: return 1 }; return 0 }", 8, 9),
  ("func ts3(a any) int { switch a.(type) { case int, string: return 1 }; return 0 }", 8, 10),
  ("func ts5(a any) int { switch a.(type) { case int: return 1; default: return 2 } }", 9, 10),
  ("func ts6(a any) int { switch v := a.(type) { case int, string: _ = v; return 1 }; return 0 }", 13, 15),
  ("func ts8(a any) int { switch a.(type) { case nil: return 1 }; return 0 }", 9, 9),
  ("func sbw1(b *strings.Builder, s string) { b.WriteString(s) }", 35, 46),
  ("func sbw2(b *strings.Builder, c byte) { b.WriteByte(c) }", 33, 44),
  ("func sbw3(b *strings.Builder, r rune) { b.WriteRune(r) }", 60, 61),
  ("func sbw4(b *strings.Builder, n int) { b.Grow(n) }", 60, 79),
  ("func sbw5(b *strings.Builder) int { return b.Len() }", 7, 8),
  ("func sbw6(b *strings.Builder) string { return b.String() }", 11, 8),
  ("func sbw7(b *strings.Builder) { b.Reset() }", 10, 11),
  ("func sbw8(b *strings.Builder) int { return b.Cap() }", 7, 8),
  ("func sbw9(s, t string) int { return strings.Count(s, t) }", 62, 62),
  ("func ts9(a any) int { switch v := a.(type) { case int: return 1; default: _ = v }; return 0 }", 15, 16),
]

@Test(arguments: ["go1.27", "go1.19"])
func inlineCostsAreTheCompilers(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let source = Source(name: "costs.go", text: """
    package main
    import (
    \t"fmt"
    \t"runtime"
    \t"runtime/debug"
    \t"time"
    \t"strconv"
    \t"errors"
    \t"strings"
    )
    type P struct{ x, y int }

    """ + measuredCosts.map(\.0).joined(separator: "\n") + "\n")
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  let checker = Checker(profile: profile)
  let program = try #require(checker.check(stmts, source: source), "\(parser.errors + checker.errors)")
  Inliner(compiler: CompilerProfile(profile)).run(program, source: source)
  for (text, go127, go119) in measuredCosts {
    let fname = String(text.dropFirst(5).prefix { $0 != "(" })
    let f = program.functions.first { $0.name == fname }
    #expect(f?.inlineCost == (name == "go1.27" ? go127 : go119), "\(text): \(String(describing: f?.inlineCost))")
  }
}

/// Costs of several results, named results and variadic calls, measured the same way with these
/// helpers declared: OAS2FUNC (`a, b := f()`: 1 + its targets + the call), `f(g())` and
/// `return g()` through temporaries (2 per temporary declared, the OAS2, each use), a variadic
/// call's implicit slice literal (Go 1.27.3 builds it before inlining: 2 + its elements, or a
/// nil; Go 1.19.8 after), named results assigned and returned bare. A cost over 80 is the one
/// in "function too complex: cost N".
let measuredResultCosts: [(String, Int, Int)] = [
  ("func c1() int { return sumNo(1, 2, 3) }", 65, 63),
  ("func c2() int { return sumNo() }", 61, 60),
  ("func c3(s []int) int { return sumNo(s...) }", 61, 61),
  ("func c4() { a, b := swapNo(1, 2); _, _ = a, b }", 73, 73),
  ("func c5() (int, int) { return swapNo(1, 2) }", 71, 71),
  ("func c6() int { return bothNo(swapNo(3, 4)) }", 130, 130),
  ("func c7() int { a, b := swap(1, 2); return a + b }", 18, 18),
  ("func c8() (n int) { n = 1; return }", 4, 4),
  ("func c9() (n int) { return 1 }", 2, 2),
  ("func c10() (a, b int) { a, b = swapNo(1, 2); return }", 65, 65),
  ("func c11() int { var a, b = swapNo(1, 2); return a + b }", 72, 72),
  ("func c12() int { return inlSum(1, 2) }", 10, 8),
  ("func c13() int { return inlSum() }", 7, 6),
  ("func c14() int { return twoP(1, 2) }", 64, 62),
  ("func c15() int { return twoP(1) }", 62, 61),
  ("func c16() int { return sumNo(swapNo(1, 2)) }", 132, 130),
  ("func c17() int { return twoP(swapNo(1, 2)) }", 132, 130),
  ("func c18() { swapNo(1, 2) }", 61, 61),
  ("func c19() int { a, _ := swapNo(1, 2); return a }", 68, 68),
  ("func c20() (int, int) { return swap(1, 2) }", 17, 17),
  ("func c21() int { return bothNo(swap(3, 4)) }", 76, 76),
  ("func c22() (a int, b int) { return 1, 2 }", 3, 3),
  ("func c23() int { var a, b int; a, b = swapNo(1, 2); return a + b }", 76, 76),
  ("func c24() int { return inlSum(swap(1, 2)) }", 24, 22),
  ("func c25(s []int) int { return inlSum(s...) }", 7, 7),
  ("func c26() { swap(1, 2) }", 7, 7),
  ("func f1() { fmt.Println(swapNo(1, 2)) }", 148, 146),
  ("func f2() string { return fmt.Sprint(swapS(\"a\", \"b\")) }", 80, 78),
  ("func f3(p *int) { keepNo(p, p) }", 63, 61),
  ("func f5(x int) (n int, ok bool) { if x > 0 { n, ok = x, true }; return }", 10, 10),
  ("func f6() int { n, _ := f5(3); return n }", 20, 20),
  // A builtin's or package function's arguments from one call (min is Go 1.21+: no 1.19 cost).
  ("func m1() int { return min(swapNo(1, 2)) }", 72, -1),
  ("func m2() []int { return append(slNo()) }", 70, 70),
  ("func m3() { fmt.Printf(fmtNo()) }", 146, 144),
]

@Test(arguments: ["go1.27", "go1.19"])
func resultAndVariadicCostsAreTheCompilers(_ name: String) throws {
  let profile = try #require(RuntimeProfile.named(name))
  let source = Source(name: "costs.go", text: """
    package main
    import "fmt"
    //go:noinline
    func sumNo(xs ...int) int { return len(xs) }
    //go:noinline
    func swapNo(a, b int) (int, int) { return b, a }
    //go:noinline
    func bothNo(a, b int) int { return a + b }
    //go:noinline
    func twoP(a int, xs ...int) int { return a }
    //go:noinline
    func keepNo(ps ...*int) {}
    //go:noinline
    func slNo() ([]int, int) { return nil, 2 }
    //go:noinline
    func fmtNo() (string, int) { return "%d", 2 }
    func swap(a, b int) (int, int) { return b, a }
    func swapS(a, b string) (string, string) { return b, a }
    func inlSum(xs ...int) int { return len(xs) }

    """ + measuredResultCosts.map(\.0).joined(separator: "\n") + "\n")
  var parser = Parser(source)
  let stmts = parser.parseProgram()
  let checker = Checker(profile: profile)
  let program = try #require(checker.check(stmts, source: source), "\(parser.errors + checker.errors)")
  Inliner(compiler: CompilerProfile(profile)).run(program, source: source)
  for (text, go127, go119) in measuredResultCosts {
    let fname = String(text.dropFirst(5).prefix { $0 != "(" })
    let f = try #require(program.functions.first { $0.name == fname })
    let want = name == "go1.27" ? go127 : go119
    if want < 0 { continue }
    if want <= InlineCostModel.maxBudget {
      #expect(f.inlineCost == want, "\(text): \(String(describing: f.inlineCost))")
    } else {
      #expect(f.inlineReason == "function too complex: cost \(want) exceeds budget 80", "\(text): \(String(describing: f.inlineReason))")
    }
  }
}
