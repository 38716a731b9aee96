#!/bin/sh
# deferloop: allocations of defer statements inside loops (100 iterations per call) with
# no argument, an int argument, a closure over the shared loop variable and over a copy,
# a pointer argument; the int-argument loop again (warm defer pool), after runtime.GC()
# (central pool dropped), and a single open-coded defer. Three runs, gctrace on stderr.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   env GODEBUG=gctrace=1 ./deferloop
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
