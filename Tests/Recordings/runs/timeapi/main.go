// timeapi: time.Time's methods and the time package's constructors: what each returns and
// allocates. Mallocs and TotalAlloc deltas are taken with ReadMemStats into a global (no
// allocation of the checkpoint's own) and printed afterwards. The wall-clock values differ from
// run to run and are printed as relations; values of fixed dates print exactly.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var ms runtime.MemStats

type delta struct {
	what            string
	mallocs, totalB uint64
}

var deltas [32]delta
var nd int
var lastM, lastB uint64

func mark() {
	runtime.ReadMemStats(&ms)
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

func note(what string) {
	runtime.ReadMemStats(&ms)
	deltas[nd] = delta{what, ms.Mallocs - lastM, ms.TotalAlloc - lastB}
	nd++
	lastM, lastB = ms.Mallocs, ms.TotalAlloc
}

var sink string
var isink int64
var bsink bool

func main() {
	mark()
	t0 := time.Now()
	note("time.Now")
	isink = t0.UnixNano() + t0.Unix() + t0.UnixMilli() + t0.UnixMicro()
	note("Unix*")
	t1 := t0.Add(1500 * time.Millisecond)
	d := t1.Sub(t0)
	bsink = t1.After(t0) && t0.Before(t1) && !t0.Equal(t1)
	note("Add/Sub/Before/After/Equal")
	fixed := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	note("time.Date UTC")
	sink = fixed.Format("2006-01-02 15:04:05.000")
	note("Format UTC (first)")
	sink = fixed.Format(time.RFC3339)
	note("Format UTC (second)")
	sink = fixed.String()
	note("String UTC")
	before := ms.BySize
	h := t0.Hour()
	note("Hour Local (first Local use)")
	after := ms.BySize
	sink = t0.Format("15:04:05")
	note("Format Local")
	sink = t0.String()
	note("String Local")
	pd, err := time.ParseDuration("1h2m3.5s")
	note("ParseDuration")
	u := time.Unix(1700000000, 5).UTC()
	note("time.Unix(...).UTC()")
	el := time.Since(t0)
	rem := time.Until(t1)
	note("Since/Until")

	for k := 0; k < nd; k++ {
		fmt.Printf("%-32s mallocs %d bytes %d\n", deltas[k].what, deltas[k].mallocs, deltas[k].totalB)
	}
	fmt.Print("first Local use by size:")
	for k := range after {
		if n := after[k].Mallocs - before[k].Mallocs; n > 0 {
			fmt.Print(" ", after[k].Size, "x", n)
		}
	}
	fmt.Println()
	fmt.Println("sub", d, "after etc", bsink, "hour ok", h >= 0 && h < 24, "since ok", el >= 0, "until ok", rem <= 1500*time.Millisecond)
	fmt.Println("unix ok", t0.Unix() > 1600000000, t0.UnixNano()/1e9 == t0.Unix(), t0.UnixMilli()/1000 == t0.Unix())
	fmt.Println(fixed)
	fmt.Println(fixed.Format("2006-01-02 15:04:05.000"), "|", fixed.Format(time.RFC3339), "|", fixed.Format(time.RFC3339Nano))
	fmt.Println(fixed.Format(time.Kitchen), "|", fixed.Format(time.ANSIC), "|", fixed.Format(time.RFC1123), "|", fixed.Format("Mon Jan _2 3:4:5 PM 06 .999 ,000000"))
	fmt.Println(fixed.Year(), fixed.Month(), fixed.Day(), fixed.Hour(), fixed.Minute(), fixed.Second(), fixed.Nanosecond(), fixed.Weekday(), fixed.YearDay())
	fmt.Println(fixed.Unix(), fixed.UnixNano(), fixed.UnixMilli(), fixed.IsZero(), time.Time{}.IsZero())
	fmt.Println(fixed.Add(36*time.Hour), fixed.AddDate(0, 1, 1).Format("2006-01-02"), fixed.Truncate(time.Hour).Format("15:04:05"), fixed.Round(time.Second).Format("2006-01-02 15:04:05"))
	fmt.Println(u, u.Format("2006-01-02"), time.Unix(0, 0).UTC(), time.UnixMilli(1700000000123).UTC())
	fmt.Println(pd, err, pd.Seconds())
	_, err = time.ParseDuration("3x")
	fmt.Println(err)
	_, err = time.ParseDuration("")
	fmt.Println(err)
	pd2, _ := time.ParseDuration("-1.5us")
	pd3, _ := time.ParseDuration("300ms")
	pd4, _ := time.ParseDuration("2h45m")
	fmt.Println(pd2, pd3, pd4, time.Date(2023, 12, 31, 23, 59, 59, 0, time.UTC).Sub(fixed))
	fmt.Println(time.Date(2023, 14, 35, 25, 61, 0, 0, time.UTC), fixed.Month() == time.February, time.Saturday)
	var zero time.Time
	fmt.Println(zero, zero.Unix())
}
