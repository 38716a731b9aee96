// builtinprint: what Go's builtins print and println write to standard error, for every kind
// they accept except addresses (pointers and slices print an address that changes from run to
// run: `0xc000012345`, `[2/2]0xc000012345`).
package main

func main() {
	x := 1.5
	var f32 float32 = 0.1
	var big float64 = 123456789
	s := []int{1, 2}
	p := &x
	println(1, "a", true, x, f32, 1e21, -0.0, 1e-7, big)
	print("no", "spaces", 3, "\n")
	println(len(s), s == nil, p != nil)
	var u uint64 = 1 << 63
	var neg int8 = -5
	println(u, neg, 'x', -2.5e-300, 1.0/3.0)
	println()
	var zero float64
	println(-zero, 1/zero, -1/zero, zero/zero)
	print(7)
	print("\n")
}
