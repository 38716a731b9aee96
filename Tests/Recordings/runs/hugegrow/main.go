// hugegrow: append whose new length overflows int (zero-size elements need no memory, so the
// length can reach 1<<62 for free): growslice's panic.
package main

func main() {
	s := make([]struct{}, 1<<62)
	s = append(s, s...)
	println(len(s))
	s = append(s, s...)
	println(len(s))
}
