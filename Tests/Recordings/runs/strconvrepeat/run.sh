#!/bin/sh
# strconvrepeat: Mallocs and TotalAlloc around strconv.Itoa in two loops and
# three strings.Repeat calls, printed on stdout (one run: the numbers do not
# vary).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./strconvrepeat
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
