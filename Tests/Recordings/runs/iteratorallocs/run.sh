#!/bin/sh
# iteratorallocs: see main.go's comment (one run: nothing varies). Go 1.27.3 only: Go 1.19 has
# no iterators.
# Exact command (binary built from main.go by ../lib.sh):
#   ./iteratorallocs
REPS=${REPS:-1}
GO119=/nonexistent
. "$(dirname "$0")/../lib.sh"
record
