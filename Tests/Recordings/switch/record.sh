#!/bin/sh
# Runs each program of the switch corpus (programs/*.go: switch statements, labelled break
# and continue, fallthrough, written as a learner would) with Go 1.27.3 and keeps what it
# prints as go1.27.3/NAME.txt, the output gcsh must reproduce byte for byte
# (Tests/GCScriptTests/SwitchCorpusTests.swift). Every program exits 0.
#
#   GO127=/path/to/go1.27.3/bin/go ./record.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod GOOS=linux GOARCH=amd64 CGO_ENABLED=0

if [ ! -x "$GO127" ]; then
	echo "record.sh: $GO127 not found" >&2
	exit 1
fi
ver=$("$GO127" env GOVERSION)
mkdir -p "$here/$ver"
# Each program is built alone, outside the repository, in a module of its own.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'module gcsh.test/switch\n\ngo 1.27\n' >"$tmp/go.mod"
for src in "$here"/programs/*.go; do
	name=$(basename "$src" .go)
	cp "$src" "$tmp/main.go"
	(cd "$tmp" && "$GO127" build -o prog .)
	"$tmp/prog" >"$here/$ver/$name.txt.tmp"
	mv "$here/$ver/$name.txt.tmp" "$here/$ver/$name.txt"
	echo "$ver $name: $(wc -l <"$here/$ver/$name.txt") lines"
done
