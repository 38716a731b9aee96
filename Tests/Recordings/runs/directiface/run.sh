#!/bin/sh
# directiface: which values are their interface's data word in each Go, what converting them allocates,
# and -m lines (one run: nothing varies). Exact command (per Go version, binary built
# from main.go by ../lib.sh):
#   ./directiface
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
