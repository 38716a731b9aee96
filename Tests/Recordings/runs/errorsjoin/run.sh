#!/bin/sh
# errorsjoin: errors.Join (Go 1.20+; Go 1.19 refuses the program: undefined: errors.Join), its text,
# Is and As, and its allocations
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./errorsjoin
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
# Go 1.19 stops at the build: its -m output, go1.19.8.m.txt, is the compiler's errors.
(record) || true
# (lib.sh then ran the binary Go 1.27 built: its output is not Go 1.19's.)
rm -f "$(dirname "$0")"/go1.19.*.stdout "$(dirname "$0")"/go1.19.*.stderr
# The cost of a one-line wrapper (inline/main.go), with -m=2, as go<version>.inl.txt (Go 1.27
# only: Go 1.19 has no errors.Join).
record_inline "$GO127"
