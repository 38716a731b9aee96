#!/bin/sh
# memlimitdrop: 20 × (drop the 40 MiB slice, allocate a new one and write every page), under
# GOGC=off and GOMEMLIMIT=200MiB.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1,scavtrace=1 GOGC=off GOMEMLIMIT=200MiB ./memlimitdrop
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1,scavtrace=1 GOGC=off GOMEMLIMIT=200MiB
