#!/bin/sh
# timerdrain: Stop and Reset of a timer and a ticker that fired unreceived (Go 1.23+ drains), and
# the timer panics. One run.
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./timerdrain
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
