#!/bin/sh
# timeapi: time.Time's methods, time.Date, time.Unix, ParseDuration: their values and what each
# allocates (Format's string; the first use of Local loads the zone, here /etc/localtime ->
# Etc/UTC). Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./timeapi
REPS=${REPS:-2}
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
