#!/bin/sh
# smallobj50: smallobj's program (main.go is a copy) with GOGC=50.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 GOGC=50 ./smallobj50
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1 GOGC=50
