#!/bin/sh
# fprintwriter: fmt's Fprint* to a *bytes.Buffer and a *strings.Builder (see main.go). Three runs.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./fprintwriter
REPS=${REPS:-3}
. "$(dirname "$0")/../lib.sh"
record
