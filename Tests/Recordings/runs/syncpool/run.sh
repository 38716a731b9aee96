#!/bin/sh
# syncpool: what sync.Pool allocates and keeps (sync/pool.go, poolqueue.go, and
# runtime/mgc.go's clearpools moving each pool to its victim cache), case by case
# (main.go lists them); one line per case: label, Mallocs, TotalAlloc, HeapAlloc
# change in KiB, and whether Get returned the object put before.
# Exact commands (per Go version, binary built from main.go by ../lib.sh):
#   ./syncpool                 (runs 1..5)
#   GOMAXPROCS=1 ./syncpool    (go<version>.procs1.stdout: main cannot change P)
. "$(dirname "$0")/../lib.sh"
REPS=5 record GODEBUG=gctrace=1
for go in "$GO127" "$GO119"; do
	[ -x "$go" ] || continue
	ver=$("$go" env GOVERSION)
	bin=$(mktemp -d)/syncpool
	(cd "$dir" && "$go" build -o "$bin" .)
	GOMAXPROCS=1 "$bin" >"$dir/$ver.procs1.stdout" 2>/dev/null
	rm -rf "$(dirname "$bin")"
done
# The costs of one-line wrappers of Get and Put (inline/main.go), with -m=2: the
# can/cannot inline lines as go<version>.inl.txt.
for go in "$GO127" "$GO119"; do
	[ -x "$go" ] || continue
	ver=$("$go" env GOVERSION)
	(cd "$dir/inline" && "$go" build -gcflags=-m=2 -o /dev/null .) 2>&1 |
		grep -E '^\./main\.go:[0-9]+:[0-9]+: (can|cannot) inline' >"$dir/$ver.inl.txt"
done
