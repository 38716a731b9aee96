#!/bin/sh
# callarith: arithmetic on package calls as fmt operands (the -m lines name them),
# printing to stdout (one run:
# nothing in it varies).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./callarith
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
