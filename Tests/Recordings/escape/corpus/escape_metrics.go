// runtime/metrics: Read hands its samples to the runtime through a function without a body
// (sample.go runtime_readMetrics, no //go:noescape), so the slice's array leaks and a Name
// stored in it with it; All returns the package's table; Value's methods are inlined, and the
// panics inlined with Uint64, Float64 and Float64Histogram convert a constant string to `any`.
// A named constant passed to fmt is its value in Go 1.20+'s IR (`metrics.ValueKind(1)`).
package main

import (
	"fmt"
	"runtime/metrics"
)

//go:noinline
func metricsReadLocal() uint64 {
	s := make([]metrics.Sample, 1)
	s[0].Name = "/gc/heap/goal:bytes"
	metrics.Read(s)
	return s[0].Value.Uint64()
}

//go:noinline
func metricsReadNamed(name string) metrics.ValueKind {
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	return s[0].Value.Kind()
}

//go:noinline
func metricsReadArray() float64 {
	var one [1]metrics.Sample
	one[0].Name = "/cpu/classes/total:cpu-seconds"
	metrics.Read(one[:])
	return one[0].Value.Float64()
}

//go:noinline
func metricsHistogram() int {
	s := []metrics.Sample{{Name: "/gc/pauses:seconds"}}
	metrics.Read(s)
	return len(s[0].Value.Float64Histogram().Buckets)
}

//go:noinline
func metricsAllCount() int {
	return len(metrics.All())
}

//go:noinline
func metricsPrintKinds() {
	d := metrics.All()[0]
	fmt.Println(d.Name, d.Kind, metrics.KindUint64)
}
