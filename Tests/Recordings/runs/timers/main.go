// time.NewTimer and time.NewTicker: their channel C, Stop and Reset and what they return, what
// they allocate (Mallocs and TotalAlloc per call), a ticker's ticks on the virtual clock; and
// time.Duration's methods.
package main

import (
	"fmt"
	"runtime"
	"time"
)

var timers []*time.Timer
var tickers []*time.Ticker

func count(what string, f func()) {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	for i := 0; i < 100; i++ {
		f()
	}
	runtime.ReadMemStats(&b)
	fmt.Printf("%-12s %d mallocs %d bytes per call\n", what, (b.Mallocs-a.Mallocs)/100, (b.TotalAlloc-a.TotalAlloc)/100)
}

func main() {
	t := time.NewTimer(20 * time.Millisecond)
	start := time.Now()
	<-t.C
	fmt.Println("timer fired after >= 20ms:", time.Since(start) >= 20*time.Millisecond)
	fmt.Println("Stop after firing:", t.Stop(), "Reset:", t.Reset(10*time.Millisecond))
	<-t.C
	fmt.Println("fired again; Stop:", t.Stop())
	t2 := time.NewTimer(time.Hour)
	fmt.Println("Stop pending:", t2.Stop(), "again:", t2.Stop(), "Reset:", t2.Reset(5*time.Millisecond))
	<-t2.C
	tk := time.NewTicker(10 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 3 {
			break
		}
	}
	tk.Reset(30 * time.Millisecond)
	s := time.Now()
	<-tk.C
	tk.Stop()
	fmt.Println("ticks:", n, "after Reset >= 30ms:", time.Since(s) >= 30*time.Millisecond)
	select {
	case <-tk.C:
		fmt.Println("tick after Stop")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("no tick after Stop")
	}
	count("NewTimer", func() { timers = append(timers[:0], time.NewTimer(time.Hour)) })
	count("NewTicker", func() { tickers = append(tickers[:0], time.NewTicker(time.Hour)) })
	count("Stop", func() { timers[0].Stop() })
	count("Reset", func() { timers[0].Reset(time.Hour) })
	d := 1500*time.Millisecond + 300*time.Microsecond
	fmt.Println(d, d.Seconds(), d.Milliseconds(), d.Microseconds(), d.Nanoseconds(), d.Minutes(), d.Hours())
	fmt.Println(d.Round(time.Millisecond), d.Truncate(time.Second), d.String(), (-d).Abs(), d.Round(0))
	fmt.Printf("%v %s %d %.3f\n", d, d, d, d.Seconds())
}
