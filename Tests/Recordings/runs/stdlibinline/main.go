// One call of each package function gcsh provides, for -m's lines about the ones Go's inliner
// inlines (`inlining call to fmt.Println`, and the calls inlined into them one level down), in
// main and through an inlined function of the program (ng).
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type T struct{ x int }

func ng() int { return runtime.NumGoroutine() }

func main() {
	fmt.Print("a")
	fmt.Println("a")
	fmt.Printf("%d\n", 1)
	_ = fmt.Sprint("a")
	_ = fmt.Sprintln("a")
	_ = fmt.Sprintf("%d", 1)
	fmt.Fprint(os.Stderr, "a")
	fmt.Fprintln(os.Stderr, "a")
	fmt.Fprintf(os.Stderr, "%d\n", 1)
	_ = fmt.Errorf("x %d", 1)
	_ = errors.New("x")
	_ = strconv.Itoa(5)
	_, _ = strconv.Atoi("5")
	_ = strconv.FormatInt(1, 10)
	_ = strings.Repeat("a", 3)
	_ = strings.Count("aa", "a")
	x := []int{3, 1}
	sort.Ints(x)
	ss := []string{"b"}
	sort.Strings(ss)
	sort.Float64s(nil)
	_ = time.Since(time.Now())
	time.Sleep(1)
	<-time.After(1)
	_ = time.Tick(1)
	_ = runtime.NumGoroutine() + ng()
	_ = os.Getenv("A")
	var b strings.Builder
	b.WriteString("x")
	b.WriteByte('y')
	b.WriteRune('z')
	b.Grow(10)
	_ = b.Len() + b.Cap()
	_ = b.String()
	b.Reset()
	fmt.Println(runtime.NumCPU() > 0, runtime.GOMAXPROCS(0) > 0)
	runtime.KeepAlive(x)
	runtime.Gosched()
	debug.SetGCPercent(50)
	debug.SetMemoryLimit(1 << 30)
	debug.FreeOSMemory()
	var s debug.GCStats
	debug.ReadGCStats(&s)
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	t := &T{1}
	runtime.SetFinalizer(t, func(*T) {})
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Wait()
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	_ = mu.TryLock()
}
