// A corpus of fmt calls, one output line each (a line that prints addresses starts with
// "ptr ": addresses differ between runs, so FmtTests compares only their shape there).
// Written in the part of Go that gcsh runs, so the same file is gcsh's program too:
// Tests/GCScriptTests/FmtTests.swift runs it and compares its lines with go1.27.3.txt,
// which record.sh makes with Go 1.27.3.
package main

import (
	"fmt"
	"time"
)

type Point struct {
	X int
	Y int
}

type Inner struct {
	Name string
	Vals []int
}

type Outer struct {
	ID    int
	In    Inner
	P     *Point
	Arr   [2]bool
	small int8
}

type Mixed struct {
	A uint8
	B float32
	C string
	D time.Duration
	d time.Duration
}

type Blob struct {
	B []byte
	N [2]uint8
}

type MyInt int
type MyBytes []byte
type Celsius float64
type Name string

func main() {
	// Floats that only run time makes: NaN, infinities, negative zero, 0.1+0.2.
	var zero float64
	nan := zero / zero
	posInf := 1 / zero
	negInf := -1 / zero
	negZero := -zero
	a := 0.1
	b := 0.2
	sum := a + b
	third := 1.0 / 3
	var f32 float32 = 0.1
	var big32 float32 = 16777216
	var f32max float32 = 3.4028234663852886e38
	var tiny32 float32 = 1e-45
	var one32 float32 = 1

	// Integers: width, flags, precision.
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|\n", 42, 42, 42, 42, 42, 42)
	fmt.Printf("%d|%5d|%-5d|%05d|%+d|% d|\n", -42, -42, -42, -42, -42, -42)
	fmt.Printf("%.3d|%8.3d|%08.3d|%-8.3d|%.0d|%5.0d|%.d|\n", 7, 7, 7, 7, 0, 0, 0)
	fmt.Printf("%+08d|% 08d|%-010d|%+.3d|%x|%X|\n", -42, 42, 5, 5, -255, -255)
	fmt.Printf("%b|%o|%O|%x|%X|%#b|%#o|%#O|%#x|%#X|\n", 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)
	fmt.Printf("%#o|%#x|%#08x|%#8x|%+x|%08b|%o|%#O|\n", 0, 0, 255, 255, 255, 5, -8, 8)
	fmt.Printf("%.3x|%#.3o|%#.5x|%#-8x|%#x|%x|\n", 255, 8, 255, 255, -1, int8(-128))
	fmt.Printf("%d %d %d %d\n", int8(-128), int16(-32768), int32(-2147483648), -9223372036854775808)
	fmt.Printf("%d %d %d %d %d\n", int8(127), int16(32767), int32(2147483647), int64(9223372036854775807), 9223372036854775807)
	fmt.Printf("%d %x %X %o %b\n", uint64(18446744073709551615), uint64(18446744073709551615), uint32(4294967295), uint16(65535), uint8(255))
	fmt.Printf("%v %v %v %v %v\n", uintptr(4096), uint(7), uint8(200), uint16(60000), uint32(4000000000))
	fmt.Printf("%#v %#v %#v %#v %#v %#v\n", 42, uint(42), int8(-3), uintptr(255), uint64(18446744073709551615), uint8(200))
	fmt.Printf("%v|%6v|%-6v|%06v|%+v|\n", -7, -7, -7, -7, 7)
	fmt.Printf("%x|% x|%#x|%# x|%X|\n", 3054, 3054, 3054, 3054, 3054)
	fmt.Println(MyInt(-5), MyInt(9))
	fmt.Printf("%v|%d|%#v|%x|%T|\n", MyInt(-5), MyInt(-5), MyInt(-5), MyInt(-5), MyInt(-5))

	// Runes: %c %q %U.
	fmt.Printf("%c|%c|%c|%c|%c|%c|\n", 65, 0x263A, 'é', 0x1F600, -1, '世')
	fmt.Printf("%c|%c|%3c|%-3c|\n", 0xD800, 0x110000, 'x', 'y')
	fmt.Printf("%q|%q|%q|%q|%q|%q|\n", 'a', '\n', 0x263A, 0x7f, '\'', '"')
	fmt.Printf("%+q|%+q|%#q|%q|%q|%q|\n", 0x263A, 'é', 'x', 0x10FFFF, 0xD800, -1)
	fmt.Printf("%q|%q|%q|%q|%q|\n", 0, 7, 0x1b, 0xad, 0x200b)
	fmt.Printf("%08q|%-6q|%6q|\n", 'x', 'y', 'z')
	fmt.Printf("%U|%#U|%#U|%#U|%.6U|%#10U|%-8U|\n", 0x1F600, 'x', 0x7f, 0x263A, 0x41, 'y', 0x41)
	fmt.Printf("%U|%#U|%U|%#.2U|\n", -1, 0x110000, 0, 'é')
	fmt.Printf("%v %d %c %q %U\n", 'A', 'A', 'A', 'A', 'A')

	// Bools.
	fmt.Printf("%t|%v|%5t|%-6t|%#v|%T|\n", true, false, true, false, true, true)
	fmt.Printf("%d|%q|%s|%x|\n", true, false, true, false)

	// Floats: the shortest form, %e %f %g and their edges.
	fmt.Println(0.0, negZero, 1e21, 1e20, 1e-7, 1e-4, 1e-5, 123456789.0)
	fmt.Println(sum, nan, posInf, negInf, third, 100000.0, 1000000.0, 2.5e-5)
	fmt.Println(5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e23, 9007199254740993.0)
	fmt.Printf("%v|%g|%e|%E|%f|%F|%G|\n", 123456789.0, 123456789.0, 123456789.0, 123456789.0, 123456789.0, 123456789.0, 123456789.0)
	fmt.Printf("%v|%g|%e|%E|%f|%F|%G|\n", 1e21, 1e21, 1e21, 1e21, 1e21, 1e21, 1e21)
	fmt.Printf("%v|%g|%e|%E|%f|%F|%G|\n", 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-7)
	fmt.Printf("%v|%g|%e|%f|%G|\n", sum, sum, sum, sum, sum)
	fmt.Printf("%v|%g|%e|%f|\n", 0.000123, 0.000123, 0.000123, 0.000123)
	fmt.Printf("%g|%g|%g|%g|%G|\n", 100000.0, 1000000.0, 1e-4, 1e-5, 1e-10)
	fmt.Printf("%.2f|%.0f|%.3e|%.10g|%.3g|%.1g|%.0g|\n", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159)
	fmt.Printf("%10.3f|%-10.3f|%+.2f|% .2f|%010.3f|%+010.3f|%08.3f|\n", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159)
	fmt.Printf("%12.4e|%-12.4E|%+.3e|%6.2v|%.3v|\n", 1234.5678, 1234.5678, 1234.5678, 3.14159, 1234.5678)
	fmt.Printf("%.0f %.0f %.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5, -0.5, -1.5)
	fmt.Printf("%.2f %.2f %.1f %.1f %.1f %.3f\n", 1.005, 2.675, 0.25, 0.35, 0.05, 1.0005)
	fmt.Printf("%.0e %.0e %.1e %.2e %.3g %.3g\n", 5.5, 4.5, 0.25, 1.125, 1234.5, 0.0001234)
	fmt.Printf("%.15f|%.17f|%.20f|\n", 0.1, 0.1, 0.1)
	fmt.Printf("%.25f|%.40e|\n", third, third)
	fmt.Printf("%.17g|%.20g|%.30g|\n", 0.1, 0.1, 0.1)
	fmt.Printf("%.50f|\n", 1e-10)
	fmt.Printf("%f|\n", 1e21)
	fmt.Printf("%f|\n", 1e300)
	fmt.Printf("%.3e|%e|%g|%.3g|\n", 5e-324, 2.2250738585072014e-308, 1e-320, 1e-320)
	fmt.Printf("%.2f|%.2e|%.2g|%e|%.0f|%f|\n", 0.0, 0.0, 0.0, 0.0, 0.0, 123.0)
	fmt.Printf("%#g|%#.3g|%#.0f|%#e|%#.0e|%#v|%#v|%#v|\n", 1.0, 1.0, 3.0, 1.0, 3.0, 1.0, 1e21, 1e-7)
	fmt.Printf("%#g|%#.4g|%#f|%#g|%#.3x|\n", 1e6, 123.0, 3.0, 0.0, 1.0)
	fmt.Printf("%b|%b|%x|%X|%x|%.3x|%.0x|%x|\n", 1.0, 0.1, 1.0, 3.5, 0.0, third, 1.5, -2.5)
	fmt.Printf("%x|%X|%.1x|%x|%x|\n", 1e300, 1e-300, 1.96875, 5e-324, float32(0.1))
	fmt.Printf("%v|%5v|%-5v|%05v|%+v|% v|%f|%.2e|\n", nan, nan, nan, nan, nan, nan, nan, nan)
	fmt.Printf("%v|%+v|%08.2f|%-8v|%e|%g|% v|\n", posInf, posInf, posInf, posInf, posInf, posInf, posInf)
	fmt.Printf("%v|%08.2f|%e|%G|%x|\n", negInf, negInf, negInf, negInf, negInf)
	fmt.Printf("%v|%.2f|%+v|%e|%g|%x|%b|\n", negZero, negZero, negZero, negZero, negZero, negZero, negZero)
	fmt.Println(f32, one32/3, big32, big32+1, float32(1e10), f32max, tiny32)
	fmt.Printf("%v|%.10f|%e|%g|%g|%b|%x|\n", f32, f32, f32, float64(f32), f32*3, f32, f32)
	fmt.Printf("%.3f|%.20f|%e|\n", float32(2.675), float32(0.1), float32(1)/3)
	// Pseudo-random floats over the whole exponent range (xorshift; the same arithmetic in
	// gcsh): shortest, fixed and exponent forms, float32 too.
	var seed uint64 = 88172645463325252
	for i := 0; i < 100; i++ {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		x := float64(seed>>11) / 9007199254740992.0
		y := x
		e := int(seed%640) - 330
		for k := 0; k < e; k++ {
			x *= 10
		}
		for k := 0; k > e; k-- {
			x /= 10
		}
		for k := 0; k < e%20; k++ {
			y *= 10
		}
		if seed&1 == 1 {
			x = -x
			y = -y
		}
		f := float32(x)
		fmt.Printf("%v|%.3e|%.10g|%#.5g|%x|%.30e|%.4f|%.19f|%v|%e|%.12g|%b\n", x, x, x, x, x, x, y, y, f, f, f, f)
	}
	fmt.Println(Celsius(36.6), Celsius(-40))
	fmt.Printf("%v|%.1f|%T|%#v|%6.2f|\n", Celsius(36.6), Celsius(36.6), Celsius(36.6), Celsius(36.6), Celsius(36.6))

	// Strings.
	fmt.Printf("%s|%10s|%-10s|%.2s|%5.1s|%.0s|%q|\n", "hello", "hello", "hello", "hello", "hello", "hello", "hello")
	fmt.Printf("%x|%X|% x|%#x|%# X|%.1x|%5.1x|%-6x|\n", "hi", "hi", "hi", "hi", "hi", "hi", "hi", "hi")
	fmt.Printf("%x|%5x|%q|%s|%v|\n", "", "", "", "", "")
	fmt.Printf("%q\n", "quote\"back\\slash\ttab\nnl")
	fmt.Printf("%q|%+q|%#q|%#q|%#q|\n", "héllo, 世界", "héllo, 世界", "raw`tick", "plain", "a\tb")
	fmt.Printf("%q|%+q|\n", "\x00\x07\x7f\u00ad\u200b\ufeff", "😀 \U0010ffff")
	// Bytes that are not UTF-8, made at run time (gcsh's string constants are text).
	bad := string([]byte{0xff, 0xfe}) + " bad"
	cut := string([]byte{0xc3})
	ff := string([]byte{0xff})
	fmt.Printf("%q|%+q|%x|%#q|%#q|% X|%.2q|\n", bad, cut, ff, "\xef\xbb\xbfbom", ff, bad, bad)
	fmt.Printf("%5q|%-8q|%.3q|%08q|\n", "ab", "ab", "abcdef", "ab")
	fmt.Printf("%5s|%-6s|%.2s|%.4s|%3.1s|\n", "日本語", "日本", "日本語", "日本語", "日本語")
	fmt.Printf("%08s|%-08s|%+s|% s|\n", "ab", "ab", "ab", "ab")
	fmt.Printf("%#v|%#v|%T|\n", "a\"b", "", "s")
	fmt.Printf("%s|%v|%q|%#v|%T|%x|\n", Name("nm"), Name("nm"), Name("nm"), Name("nm"), Name("nm"), Name("nm"))
	fmt.Printf("%d|%t|%c|%e|\n", "hi", "hi", "s", "x")

	// Pointers: at the top level a pointer to a struct, array or slice prints as &value.
	p := &Point{1, 2}
	var np *Point
	ip := new(int)
	*ip = 5
	fmt.Println(p, np)
	fmt.Printf("%v|%+v|%#v|%s|%d|%x|\n", p, p, p, p, p, p)
	fmt.Printf("%v|%+v|%#v|%p|%d|%s|\n", np, np, np, np, np, np)
	sl := []int{1, 2}
	fmt.Println(&sl, &[2]string{"a", "b"})
	fmt.Printf("%v|%#v|\n", &sl, &[2]string{"a", "b"})
	fmt.Printf("ptr %p %v %v\n", p, ip, &p)
	fmt.Printf("ptr %#v|%#p|%20p|%-20p|\n", ip, ip, ip, ip)
	fmt.Printf("ptr %x|%X|%#x|\n", ip, ip, ip)
	fmt.Printf("ptr %v\n", []*Point{p, nil})
	fmt.Printf("ptr %+v\n", Outer{ID: 3, P: p})
	fmt.Printf("ptr %#v\n", Outer{ID: 3, P: p})
	fmt.Printf("ptr %s\n", ip)
	fmt.Printf("%v|%#v|\n", []*Point{nil}, []*Point{nil})

	// Slices and arrays, nil and empty.
	var ns []int
	var nb []byte
	fmt.Println(ns, nb, []int{}, []string{})
	fmt.Printf("%v|%#v|%#v|%#v|%#v|%p|\n", ns, ns, nb, []int{}, []byte{}, ns)
	fmt.Printf("%s|%q|%x|%d|\n", nb, nb, nb, nb)
	fmt.Printf("%v|%#v|%T|\n", [0]int{}, [0]int{}, [0]int{})
	s := []int{1, -2, 3}
	fmt.Printf("%v|%d|%x|%05d|%+d|%-4v|%08v|\n", s, s, s, s, s, s, s)
	fmt.Printf("%#v|%T|%q|%c|\n", s, s, s, s)
	fmt.Printf("%s|%t|\n", s, s)
	bs := []byte("hi!")
	fmt.Printf("%v|%s|%x|%X|% x|%#x|%# x|%q|\n", bs, bs, bs, bs, bs, bs, bs, bs)
	fmt.Printf("%#v|%T|%d|%o|%c|%U|%5v|%.2s|\n", bs, bs, bs, bs, bs, bs, bs, bs)
	fmt.Printf("%v|%#v|%s|%x|%T|\n", MyBytes("ok"), MyBytes("ok"), MyBytes("ok"), MyBytes("ok"), MyBytes("ok"))
	fmt.Printf("% x|%# x|%#X|\n", []byte{1, 171}, []byte{1, 171}, []byte{1, 171})
	arr := [3]int{1, 2, 3}
	fmt.Printf("%v|%#v|%T|%x|\n", arr, arr, arr, arr)
	ba := [4]byte{'a', 'b', 'c', 'd'}
	fmt.Printf("%v|%s|%x|%q|%#v|%T|\n", ba, ba, ba, ba, ba, ba)
	strs := []string{"a", "b c", ""}
	fmt.Printf("%v|%q|%#v|%x|%5s|%-3s|\n", strs, strs, strs, strs, strs, strs)
	floats := []float64{1.5, nan, -0.25, posInf}
	fmt.Printf("%v|%.2f|%e|%#v|%6.1f|\n", floats, floats, floats, floats, floats)
	nested := [][]int{{1, 2}, {3}, nil}
	fmt.Printf("%v|%#v|%T|\n", nested, nested, nested)
	grid := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	fmt.Printf("%v|%#v|%T|\n", grid, grid, grid)
	bools := []bool{true, false}
	fmt.Printf("%v|%t|%#v|%5v|\n", bools, bools, bools, bools)
	words := [][]string{{"x"}, {"y", "z"}}
	fmt.Printf("%v|%q|%#v|\n", words, words, words)
	big := make([]int, 150)
	for i := range big {
		big[i] = i * i
	}
	fmt.Println(big)
	fmt.Println(len(fmt.Sprint(make([]uint16, 1000))))

	// Structs: %v %+v %#v, nested values, unexported fields.
	pt := Point{1, 2}
	fmt.Printf("%v|%+v|%#v|%T|\n", pt, pt, pt, pt)
	fmt.Printf("%d|%x|%05d|%6v|%s|\n", pt, pt, pt, pt, pt)
	in := Inner{"n", []int{1}}
	fmt.Printf("%v|%+v|%#v|\n", in, in, in)
	o := Outer{ID: 1, In: in, Arr: [2]bool{true, false}, small: -1}
	fmt.Printf("%v|%+v|\n", o, o)
	fmt.Printf("%#v\n", o)
	fmt.Printf("%T|%T|\n", o, &o)
	m := Mixed{A: 200, B: 0.1, C: "x", D: 90 * time.Second, d: 90 * time.Second}
	fmt.Printf("%v|%+v|\n", m, m)
	fmt.Printf("%#v|%s|\n", m, m)
	bl := Blob{B: []byte{1, 2}, N: [2]uint8{3, 4}}
	fmt.Printf("%v|%+v|%#v|%x|%s|\n", bl, bl, bl, bl, bl)
	anon := struct {
		A int
		B string
	}{1, "x"}
	fmt.Printf("%v|%+v|%#v|%T|\n", anon, anon, anon, anon)
	empty := struct{}{}
	fmt.Printf("%v|%+v|%#v|%T|\n", empty, empty, empty, empty)
	pts := []Point{{1, 2}, {3, 4}}
	fmt.Printf("%v|%+v|%#v|%T|\n", pts, pts, pts, pts)
	fmt.Printf("%v|%+v|\n", &pts, &pt)
	fmt.Println(pt, p, arr, bs, in, m)

	// time.Duration: a Stringer for %v %s %x %X %q; an integer otherwise.
	d := 1500 * time.Millisecond
	fmt.Println(d, time.Duration(0), time.Duration(1), 2*time.Hour+3*time.Minute, -d, time.Microsecond, 3*time.Hour)
	fmt.Println(time.Duration(-9223372036854775808), time.Duration(9223372036854775807), 1234567*time.Nanosecond)
	fmt.Printf("%v|%s|%d|%x|%X|%q|%8v|%-8v|%.2s|\n", d, d, d, d, d, d, d, d, d)
	fmt.Printf("%#v|%T|%t|%f|%e|%b|%o|%+d|%08d|\n", d, d, d, d, d, d, d, d, d)
	ds := []time.Duration{time.Second, 1500 * time.Millisecond}
	fmt.Printf("%v|%d|%#v|%T|%s|%q|\n", ds, ds, ds, ds, ds, ds)
	pd := &d
	var npd *time.Duration
	fmt.Println(pd, npd)
	fmt.Printf("%v|%s|%q|%v|%s|%d|%#v|%T|\n", pd, pd, pd, npd, npd, npd, npd, pd)
	fmt.Printf("%v|%+v|\n", []*time.Duration{pd, npd}, struct{ P *time.Duration }{pd})
	fmt.Printf("%v|%d|\n", [2]time.Duration{time.Minute, time.Millisecond}, [2]time.Duration{time.Minute, time.Millisecond})
	fmt.Printf("%*v|%-*d|%.*v|\n", 8, d, 12, d, 3, d)

	// %T.
	fmt.Printf("%T %T %T %T %T %T %T %T %T\n", 1, "s", 1.5, true, 'x', byte(1), []byte(nil), [3]int{}, &pt)
	fmt.Printf("%T %T %T %T %T %T %T %T\n", time.Second, ds, pd, words, []*Point{}, f32, uint64(1), uintptr(1))
	fmt.Printf("%T %T %T %T %T %T\n", int8(1), int16(1), int32(1), int64(1), uint(1), uint32(1))
	fmt.Printf("%T|%10T|%-10T|%.3T|\n", MyBytes(nil), 1, 1, "abc")
	fmt.Printf("%T|%T|\n", struct {
		A int
		b []string
	}{}, []struct{ X *int }{})

	// Errors: bad verbs, missing and extra operands, bad widths and indexes.
	fmt.Printf("%z|%!|%e|%p|%w|\n", 3, 3, 3, 3, 3)
	fmt.Printf("%s|%d|%c|%t|%x|\n", 3.5, 3.5, 3.5, 3.5, 3.5)
	fmt.Printf("%5t|%.2s|%-5q|%05p|\n", 3, 12345, 1.5, 7)
	fmt.Printf("%p|%d|%s|\n", pt, []string{"a"}, in)
	fmt.Printf("%d %d|\n", 1)
	fmt.Printf("%v %v|\n")
	fmt.Println(fmt.Sprintf("%d", 1, 2, "x"))
	fmt.Println(fmt.Sprintf("x", pt, []int{1}))
	fmt.Println(fmt.Sprintf("%", 1))
	fmt.Println(fmt.Sprintf("%-", 1))
	fmt.Println(fmt.Sprintf("%d %", 1))
	fmt.Println(fmt.Sprintf("%.", 1))
	fmt.Printf("%*d|%-*d|%*d|%.*f|%.*d|\n", 5, 1, 5, 1, -5, 1, 2, 3.14159, uint8(3), 7)
	fmt.Printf("%*d|%.*f|%*d|%*d|\n", "x", 1, -1, 3.14159, 10000000, 1, 1.5, 2)
	fmt.Printf("%*d|%*d|\n", uint64(18446744073709551615), 1, d, 2)
	fmt.Printf("%[2]d %[1]d|%[1]d %[1]x %[1]o|\n", 1, 2, 64)
	fmt.Printf("%[3]d|%[0]d|%[x]d|%[1|%[]d|\n", 1, 2)
	fmt.Printf("%[2]*[1]d|%[1]*d|%d %d %[1]d %d|\n", 12, 5, 3)
	fmt.Printf("%[1]d %d|\n", 1, 2, 3)
	fmt.Printf("%[2]d|\n", 1, 2, 3)
	fmt.Printf("%[1]2d|%[1].2d|%-[1]5d|\n", 7)
	fmt.Printf("%%|%5%|%-5%|%.2%|\n")
	fmt.Printf("%v|%d\n", 1)
	fmt.Printf("%é|%☺|\n", 1, 2)

	// Print's spacing: a space between operands when neither is a string; Println always.
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print(Name("n"), 1, 2, Name("m"), "\n")
	fmt.Print(pt, pt, s, "|", d, d, "\n")
	fmt.Println("a", 1, "b", true, 2.5, nil == np)
	fmt.Println()
	fmt.Print("x\n")
	fmt.Println(fmt.Sprint(1, 2, "x", 3, "y", "z"))
	fmt.Print(fmt.Sprintln("a", 1, s))
	fmt.Println(fmt.Sprint(), fmt.Sprintln() == "\n")
	fmt.Println(fmt.Sprintf("%d-%s-%v", 1, "two", 3.0))

	// Untyped nil passed to ...any is the nil interface.
	fmt.Println(nil, 1, nil)
	fmt.Print(nil, nil, "\n")
	fmt.Printf("%v|%+v|%#v|%T|%p|%d|%s|%q|%x|%t|%5v|%-6v|\n", nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	fmt.Println(fmt.Sprint(nil) + fmt.Sprintln(nil) + fmt.Errorf("e %v", nil).Error())
}
