#!/bin/sh
# methodvalues: method values (`inc := c.Inc`, `get := c.Get`, `done := wg.Done`, `s.String` of a
# nil interface) — what they print, what they allocate (Mallocs/TotalAlloc around 1,000 of
# them, escaping or not) and -m's decisions for them. One run: nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./methodvalues
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
