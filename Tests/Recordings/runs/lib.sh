# Sourced by NAME/run.sh. For each Go toolchain (GO127, GO119; a missing one is
# skipped): builds NAME/main.go with -gcflags=-m (the diagnostics are kept as
# go<version>.m.txt), then runs the binary REPS times (default 3) with the
# environment given to `record` and keeps its output: run 1 as
# go<version>.stdout / go<version>.stderr, runs 2.. as go<version>.runN.stdout
# / .stderr. The checkpoints are JSON lines on stdout; gctrace and println go
# to stderr.
set -eu

GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
REPS=${REPS:-3}
# FIRST: the number of the first run written (default 1), to add replicates to a recording
# (FIRST=4 REPS=6 writes runs 4 to 6 and leaves 1 to 3 as they are).
FIRST=${FIRST:-1}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOOS=linux GOARCH=amd64 CGO_ENABLED=0

dir=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$dir")
# The program built is $src/main.go (default: NAME's own); a run.sh that records another
# scenario's program under other settings sets src (and dir, where the output goes) after
# sourcing this file.
src=$dir

# record VAR=VALUE... : the environment of the recorded command.
record() {
	bindir=$(mktemp -d)
	for go in "$GO127" "$GO119"; do
		if [ ! -x "$go" ]; then
			echo "$name: $go not found, skipped" >&2
			continue
		fi
		ver=$("$go" env GOVERSION)
		(cd "$src" && "$go" build -gcflags=-m -o "$bindir/$name" .) 2>"$dir/$ver.m.txt"
		r=$FIRST
		while [ "$r" -le "$REPS" ]; do
			out=$dir/$ver
			[ "$r" -eq 1 ] || out=$dir/$ver.run$r
			echo "$name ($ver) run $r: env $* ./$name"
			# A program that dies (stackoverflow) keeps its exit status in go<version>.status.
			rc=0
			env "$@" "$bindir/$name" >"$out.stdout" 2>"$out.stderr" || rc=$?
			rm -f "$out.status"
			[ "$rc" -eq 0 ] || echo "exit status $rc" >"$out.status"
			r=$((r + 1))
		done
	done
	rm -rf "$bindir"
}

# record_inline VERSIONS...: the costs of NAME/inline/main.go's one-line
# wrappers (functions named w...), with -m=2: their can/cannot inline lines,
# without the bodies, as go<version>.inl.txt, for each toolchain given
# ("$GO127", "$GO119").
record_inline() {
	for go in "$@"; do
		[ -x "$go" ] || continue
		ver=$("$go" env GOVERSION)
		(cd "$dir/inline" && "$go" build -gcflags=-m=2 -o /dev/null .) 2>&1 |
			grep -E '^\./main\.go:[0-9]+:[0-9]+: (can|cannot) inline w' | sed 's/ as: .*//' >"$dir/$ver.inl.txt"
	done
}
