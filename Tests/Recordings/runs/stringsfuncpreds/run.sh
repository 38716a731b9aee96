#!/bin/sh
# stringsfuncpreds: strings.IndexFunc, LastIndexFunc and the Trim*Func functions
# (one run: nothing varies). Exact command (per Go version, binary built from main.go by
# ../lib.sh):
#   ./stringsfuncpreds
REPS=${REPS:-1}
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2, as go<version>.inl.txt.
record_inline "$GO127" "$GO119"
