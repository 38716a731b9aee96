// One-line wrappers of time.AfterFunc and a timer's Stop and Reset: -m=2's "can inline ...
// with cost N" gives what a call of each costs its caller in Go 1.27.3 and 1.19.8.
package main

import "time"

func wAfterFunc(d time.Duration, f func()) *time.Timer { return time.AfterFunc(d, f) }
func wStop(t *time.Timer) bool                         { return t.Stop() }
func wReset(t *time.Timer, d time.Duration) bool       { return t.Reset(d) }

func main() {}
