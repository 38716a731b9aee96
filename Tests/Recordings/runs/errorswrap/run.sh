#!/bin/sh
# errorswrap: errors.Is, As and Unwrap along chains of wrapped errors, fmt.Errorf's %w (and misused),
# and the mallocs of Errorf, Is and As. One run: nothing in it varies.
# them, escaping or not) and -m's decisions for them. One run: nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./errorswrap
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
