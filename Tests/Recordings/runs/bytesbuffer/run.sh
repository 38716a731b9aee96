#!/bin/sh
# bytesbuffer: what bytes.Buffer allocates (bytes/buffer.go), case by case, with MemStats read
# into package variables around each case and printed at the end (main.go lists the cases).
# Exact command (per Go version, binary built from main.go by ../lib.sh):
#   GODEBUG=gctrace=1 ./bytesbuffer
# Besides main's -m (go<version>.m.txt), it keeps the compiler's diagnostics for
# bytes/buffer.go itself: go<version>.bytes.m.txt (`go build -gcflags=bytes=-m`, every
# buffer.go line) and go<version>.bytes.inl.txt (`-gcflags=bytes=-m=2`, its can/cannot
# inline lines, with costs), paths cut to bytes/buffer.go.
. "$(dirname "$0")/../lib.sh"
record GODEBUG=gctrace=1
for go in "$GO127" "$GO119"; do
	[ -x "$go" ] || continue
	ver=$("$go" env GOVERSION)
	(cd "$dir" && "$go" build -a -gcflags=bytes=-m -o /dev/null .) 2>&1 |
		grep 'src/bytes/buffer\.go:' | sed 's|^.*src/bytes/|bytes/|' >"$dir/$ver.bytes.m.txt"
	(cd "$dir" && "$go" build -a -gcflags=bytes=-m=2 -o /dev/null .) 2>&1 |
		grep 'src/bytes/buffer\.go:' | sed 's|^.*src/bytes/|bytes/|' |
		grep -E ': (can|cannot) inline ' >"$dir/$ver.bytes.inl.txt"
done
