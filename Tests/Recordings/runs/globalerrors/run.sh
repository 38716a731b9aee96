#!/bin/sh
# globalerrors: Mallocs and HeapAlloc at main's start with eight package-level errors.New
# variables (main.go) and without them (base/main.go), and -m for main.go; one run each of
# the binaries built by each Go (nothing in them varies but HeapAlloc by a few bytes).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
export GOTOOLCHAIN=local GO111MODULE=off GOOS=linux GOARCH=amd64 CGO_ENABLED=0
bin=$(mktemp -d)
for go in "$GO127" "$GO119"; do
	ver=$("$go" env GOVERSION)
	(cd "$here" && "$go" build -gcflags=-m -o "$bin/with" main.go) 2>"$here/$ver.m.txt"
	(cd "$here/base" && "$go" build -o "$bin/base" main.go)
	"$bin/with" >"$here/$ver.stdout"
	"$bin/base" >"$here/$ver.base.stdout"
done
rm -rf "$bin"
