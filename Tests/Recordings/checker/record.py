# The checker's ground truth: each case is a small Go program; go build (Go 1.27.3, -gcflags=-e
# for every error) says what is wrong with it, and gcsh's checker must say the same (or name the
# construct gcsh lacks, where Go accepts the program). Usage: GO127=path/to/go python3 record.py
import json, os, subprocess, sys, tempfile
cases = [
 ("", 'var s string = 5; _ = s'),
 ("", 'x := 1; x'),
 ("", 'x := 1; len("abc"); _ = x'),
 ("", 's := []int{1}; len(s)'),
 ("", 'n := int(1e30); _ = n'),
 ("", 'x := [4]int{-1: 1}; _ = x'),
 ("type T [1]T", ''),
 ("type T struct { n int; t T }", ''),
 ("type A struct { b B }\ntype B struct { a A }", ''),
 ("", 'x := make([]uint33, 10); _ = x'),
 ("", 'm := map[string]int{}; _ = m'),
 ("", 'var x int = "a"; _ = x'),
 ("", 'var x int; x = 1.5'),
 ("", 'var x int; y := x + 1.5; _ = y'),
 ("", 'var x int; y := x + "a"; _ = y'),
 ("", 'var b bool; y := b + b; _ = y'),
 ("", 'var s []int; var t []int; _ = s == t'),
 ("", 'var x int; _ = !x'),
 ("", 'var x int; _ = *x'),
 ("", 'x := 5; x.f = 1'),
 ("type P struct{ x int }", 'p := P{}; p.y = 1'),
 ("type P struct{ x, y int }", 'p := P{1}; _ = p'),
 ("type P struct{ x, y int }", 'p := P{1, 2, 3}; _ = p'),
 ("type P struct{ x, y int }", 'p := P{z: 1}; _ = p'),
 ("type P struct{ x, y int }", 'p := P{x: 1, x: 2}; _ = p'),
 ("", 'a := [2]int{1, 2, 3}; _ = a'),
 ("", 'a := [3]int{}; _ = a[5]'),
 ("", 's := "abc"; s[0] = 1'),
 ("", 'const c = 1; c = 2'),
 ("", 'break'),
 ("", 'continue'),
 ("func f() int { }", ''),
 ("func f() int { return }", ''),
 ("func f() { return 1 }", ''),
 ("func f(a int) {}", 'f()'),
 ("func f(a int) {}", 'f(1, 2)'),
 ("func f(a int) {}", 'f("s")'),
 ("", 'x := 1; x()'),
 ("", 'undefinedFn()'),
 ("", 'var x uint8 = 256; _ = x'),
 ("", 'x := uint8(300); _ = x'),
 ("", 'x := 1 << 63; _ = x'),
 ("", 'var i int = -1; var u uint = 8; _ = u >> i'),
 ("", 'x := 1 << -1; _ = x'),
 ("", 'f := 1.5; _ = f % 2'),
 ("", 'x := 10 / 0; _ = x'),
 ("", 'x := 1; x := 2; _ = x'),
 ("", 'a, b := 1; _, _ = a, b'),
 ("", 'var s []int; s = append(s, "x")'),
 ("", 'var x int; _ = append(x, 1)'),
 ("", 'var x int; _ = copy(x, x)'),
 ("", 'x := make([]int); _ = x'),
 ("", 'x := make([]int, 5, 2); _ = x'),
 ("", 'x := new(int, 2); _ = x'),
 ("", 'if 1 { }'),
 ("", 'for i := 0; i; i++ { }'),
 ("", 'var p *int; _ = p.x'),
 ("", 'x := nil; _ = x'),
 ("", 'var x int = nil; _ = x'),
 ("", 's := []int{}; _ = s[1.5]'),
 ("", 's := []int{}; var f float64; _ = s[f]'),
 ("", 'var x string; _ = x < 1'),
 ("", 'x := "a" + 1; _ = x'),
 ("func g() {}", 'x := g(); _ = x'),
 ("", 'var a [3]int; _ = a[:5]'),
 ("", 'var s string; _ = s[1:2:3]'),
 ("", 'var x int; x++ ; var s string; s++'),
 ("", 'go f()'),
 ("", 'defer f()'),
 ("", 'var x int; switch x { }'),
 ("", 'x := 1; p := &x; _ = p'),
 ("", 'f := func() {}; f()'),
 ("", 'var e error; _ = e'),
 ("", 'var x any; _ = x'),
 ("type T struct{}\nfunc (t T) M() {}", ''),
 ("func f() (int, int) { return 1, 2 }", ''),
 ("", 'var x float32 = 1e40; _ = x'),
 ("", 'x := uint(-1); _ = x'),
 ("", 'var d time.Duration = 5; _ = d'),
]
go = os.environ.get("GO127", "/work/tools/gobin/lib/python3.11/site-packages/go/bin/go")
work = tempfile.mkdtemp()
open(os.path.join(work, "go.mod"), "w").write("module x\ngo 1.22\n")
res = []
for decls, body in cases:
    src = "package main\n\n" + ("import \"time\"\n\n" if "time." in body+decls else "") + decls + "\n\nfunc main() {\n" + body + "\n}\n"
    open(os.path.join(work, "main.go"),"w").write(src)
    p = subprocess.run([go, "build", "-gcflags=-e", "-o", "/dev/null", "."], cwd=work, capture_output=True, text=True,
                       env={"GOTOOLCHAIN":"local","GOFLAGS":"-mod=mod","HOME":"/root","PATH":"/usr/bin:/bin","GOCACHE":os.path.join(work, "cache")})
    lines = [l for l in p.stderr.splitlines() if not l.startswith("#")]
    res.append({"decls": decls, "body": body, "src": src, "go": lines})
json.dump(res, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "go1.27.3.json"), "w"), indent=1)
for r in res:
    print(repr(r["decls"]), repr(r["body"]), "=>", r["go"][:2])
