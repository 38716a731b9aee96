#!/bin/sh
# stringsedge: strings' functions at their edges (see main.go). One run.

# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./stringsedge
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
