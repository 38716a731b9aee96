#!/bin/sh
# generics: generic functions and types (Stack[T], List[T], Map/Filter/Reduce, Pair[K, V],
# constraints, inference), what they allocate and print (one run: nothing varies). Exact
# command (per Go version, binary built from main.go by ../lib.sh):
#   ./generics
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
