#!/bin/sh
# mapclear: clear(m) on a small and a 5,000-entry map (Go 1.21+: Go 1.27.3 only).
# Exact command (binary built from main.go by ../lib.sh):
#   ./mapclear
. "$(dirname "$0")/../lib.sh"
REPS=1
GO119=/nonexistent
record
