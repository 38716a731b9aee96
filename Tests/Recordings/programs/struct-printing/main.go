// How fmt prints structs, pointers to structs, nested slices and zero
// values with %v, %+v, %#v and %T.
package main

import "fmt"

type size struct {
	bytes uint64
	unit  string
}

type sample struct {
	name   string
	sizes  []size
	ptr    *size
	counts [3]int
	ok     bool
	ratio  float64
}

func main() {
	s := sample{
		name:   "heap",
		sizes:  []size{{1024, "KiB"}, {1 << 20, "MiB"}},
		ptr:    &size{8, "B"},
		counts: [3]int{1, 2, 3},
		ok:     true,
		ratio:  2.0 / 3.0,
	}
	fmt.Printf("%v\n", s.sizes)
	fmt.Printf("%+v\n", s.sizes[1])
	fmt.Printf("%#v\n", s.sizes[0])
	fmt.Printf("%v %+v\n", *s.ptr, s.counts)
	fmt.Printf("%T %T %T %T\n", s, s.sizes, s.ptr, s.counts)
	fmt.Println(s.name, s.ok, s.ratio)
	fmt.Printf("%.3f %8.4f|%-8.2f|%g\n", s.ratio, s.ratio, s.ratio, s.ratio)
	var zero sample
	fmt.Printf("%+v\n", zero)
	fmt.Printf("%v %d %x %X\n", []byte("hi"), []byte("hi"), []byte("hi"), "hi")
	fmt.Printf("%5.1f|%-5d|%05d|%x\n", []float64{1, 2.25}, []int{1, 22}, []int{3, 44}, []int{255, 16})
	fmt.Println(&s.counts, &s.sizes[0])
}
