#!/bin/sh
# formatuint: strconv.FormatUint's text in bases 2-36 and its allocations per call.
# Exact command (per Go version, binary built from main.go by ../lib.sh): ./formatuint
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
