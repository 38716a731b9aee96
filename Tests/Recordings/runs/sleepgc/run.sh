#!/bin/sh
# sleepgc: a 400 MB fill, dropped, then 11 × time.Sleep(15s) with a checkpoint at each wake-up.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1,scavtrace=1 ./sleepgc
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1,scavtrace=1
