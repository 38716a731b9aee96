#!/bin/sh
# evalorder: when a plain operand is read relative to a call in the same expression (main.go
# lists the cases). One run: nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./evalorder
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
