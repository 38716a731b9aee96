#!/bin/sh
# mathtrig: math.Sin, Cos, Tan, Asin, Acos, Atan and Atan2 to the last bit, over special
# values, ordinary angles, huge arguments and a deterministic spread (one run: nothing
# varies). Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./mathtrig
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
