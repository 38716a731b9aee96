#!/bin/sh
# goroutinepanic: a goroutine's panic whose deferred call sleeps: the call runs
# and prints, then the panic ends the program (exit status 2) while main sleeps.
# One run: nothing in it varies but the goroutine trace's addresses.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./goroutinepanic
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
