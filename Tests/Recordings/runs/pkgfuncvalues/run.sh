#!/bin/sh
# pkgfuncvalues: package functions used as values: static funcvals, nothing allocated,
# printing to stdout (one run:
# nothing in it varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./pkgfuncvalues
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
