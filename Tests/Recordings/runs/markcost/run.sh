#!/bin/sh
# markcost: what a mark costs by the heap it walks (a ring of pointerful slices, the same sizes
# pointer-free, 262,144 small pointerful objects, one 32 MiB []*int, a chain of 16 KiB nodes),
# three runtime.GC() each with the program waiting. main.go is `gcsh export-go markcost.gcs`:
# its checkpoints print `t`, seconds since start. 6 runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./markcost
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
