#!/bin/sh
# methodprint: fmt calls String methods (value and pointer receivers, inside
# slices and structs, through nil pointers), printing to stdout (one run:
# nothing in it varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./methodprint
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
