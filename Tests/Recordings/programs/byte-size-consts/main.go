// Size constants with iota and shifts, the untyped-constant arithmetic
// behind them, and conversions that wrap at the type's width.
package main

import "fmt"

const (
	_   = iota
	KiB = 1 << (10 * iota)
	MiB
	GiB
	TiB
)

const big = 1 << 70

func main() {
	fmt.Println(KiB, MiB, GiB, TiB)
	fmt.Println(big>>60, big/TiB/TiB)
	var u8 uint8 = 250
	u8 += 10
	var i8 int8 = 127
	i8++
	u32 := uint32(1<<32 - 1)
	i16 := int16(-32768)
	fmt.Println(u8, i8, u32+1, i16-1)
	x := 300
	fmt.Println(byte(x), uint16(70000+x), int64(x)*GiB)
	fmt.Printf("%d MiB = %d bytes = %.3f GiB\n", 1536, 1536*MiB, float64(1536*MiB)/GiB)
	fmt.Println(7/2, -7/2, 7%3, -7%3, 7.0/2, 1<<3|1, 6&^4)
}
