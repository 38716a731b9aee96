#!/bin/sh
# Compiles the escape corpus (corpus/) with each Go toolchain and keeps the
# compiler's escape-analysis and inlining diagnostics, exactly as printed and in
# the order printed, as go<version>.m.txt (-gcflags=-m) and go<version>.mm.txt
# (-gcflags='-m -m', with the explanation chains).
#
#   GO127=/path/to/go1.27.3/bin/go GO119=/usr/lib/go-1.19/bin/go ./record.sh
#
# A toolchain whose binary is missing is skipped with a message. The build runs
# in corpus/ so the positions read ./file.go:line:col. GOOS/GOARCH are pinned
# (inlining budgets and sizes are per-architecture).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}

export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOOS=linux GOARCH=amd64 CGO_ENABLED=0

record() {
	go=$1
	if [ ! -x "$go" ]; then
		echo "record.sh: $go not found, skipped" >&2
		return 0
	fi
	ver=$("$go" env GOVERSION)
	for kind in m mm; do
		case $kind in
		m) flags=-m ;;
		mm) flags='-m -m' ;;
		esac
		out=$here/$ver.$kind.txt
		# The diagnostics go to stderr; a failed build must not leave a partial file.
		if ! (cd "$here/corpus" && "$go" build -gcflags="$flags" -o /dev/null .) 2>"$out.tmp"; then
			cat "$out.tmp" >&2
			rm -f "$out.tmp"
			exit 1
		fi
		mv "$out.tmp" "$out"
		echo "$ver -gcflags='$flags': $(wc -l <"$out") lines -> $(basename "$out")"
	done
}

record "$GO127"
record "$GO119"
