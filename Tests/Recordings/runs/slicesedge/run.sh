#!/bin/sh
# slicesedge: the slices and cmp packages' panics, orders and in-place edits (main.go lists
# them; Go 1.27.3 only: the packages arrived in Go 1.21). One run: nothing in it varies.
# Exact command (binary built from main.go by ../lib.sh):
#   ./slicesedge
REPS=${REPS:-1}
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record
