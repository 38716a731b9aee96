#!/bin/sh
# nestedpanic: panics raised by deferred calls while a panic unwinds — recovered
# where raised, by a later deferred call, or aborting the first (the program
# ends with the chain printed and exit status 2). One run: nothing in it varies
# but the goroutine trace's addresses.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./nestedpanic
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
