#!/bin/sh
# multilinepanic: panic values with newlines in a chain of panics, as the
# runtime prints them when the program dies (exit status 2).
# One run: nothing in it varies but the goroutine trace's addresses.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./multilinepanic
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
