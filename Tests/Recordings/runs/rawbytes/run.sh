#!/bin/sh
# rawbytes: strings cut inside a rune, printed by fmt, println and log — the
# bytes go out unchanged (no U+FFFD). One run: nothing in it varies.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./rawbytes
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
