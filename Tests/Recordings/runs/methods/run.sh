#!/bin/sh
# methods: 1,000 local structs whose inlined pointer method does not leak its
# receiver (they stay in the frame), then 1,000 whose method stores the
# receiver (each moves to the heap: 1,000 objects), then value-receiver calls
# through a pointer (a copy, no allocation).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./methods
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
