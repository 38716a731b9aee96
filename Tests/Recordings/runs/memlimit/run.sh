#!/bin/sh
# memlimit: 20 × a 40 MiB slice, every page written, the previous one dropped, under
# GOGC=off and GOMEMLIMIT=200MiB.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1,scavtrace=1 GOGC=off GOMEMLIMIT=200MiB ./memlimit
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1,scavtrace=1 GOGC=off GOMEMLIMIT=200MiB
