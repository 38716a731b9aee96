package ckpt

import (
	"os"
	"testing"
)

// TestNoAlloc checks that a checkpoint does not allocate (stdout goes to
// /dev/null so the test output stays readable).
func TestNoAlloc(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = null
	n := testing.AllocsPerRun(100, func() { CP("test") })
	os.Stdout = saved
	null.Close()
	if n != 0 {
		t.Fatalf("checkpoint allocates: %v allocations per call", n)
	}
}
