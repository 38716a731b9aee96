#!/bin/sh
# fmtappend: fmt.Append, Appendln and Appendf (Go 1.19+): their results and what they allocate
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./fmtappend
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
