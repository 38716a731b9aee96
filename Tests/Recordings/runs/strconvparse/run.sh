#!/bin/sh
# strconvparse: strconv's parsing and formatting functions and strings.EqualFold, their
# values, errors and allocations (main.go lists them).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   ./strconvparse
. "$(dirname "$0")/../lib.sh"
record
# The costs of one-line wrappers (inline/main.go), with -m=2: the can/cannot
# inline lines as go<version>.inl.txt.
for go in "$GO127" "$GO119"; do
	[ -x "$go" ] || continue
	ver=$("$go" env GOVERSION)
	(cd "$dir/inline" && "$go" build -gcflags=-m=2 -o /dev/null .) 2>&1 |
		grep -E '^\./main\.go:[0-9]+:[0-9]+: (can|cannot) inline' >"$dir/$ver.inl.txt"
done
