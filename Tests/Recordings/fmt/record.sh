#!/bin/sh
# Runs the fmt corpus (fmt.go) with Go 1.27.3 and keeps what it prints as
# go1.27.3.txt, the output gcsh's fmt must reproduce line for line
# (Tests/GCScriptTests/FmtTests.swift). Lines starting with "ptr " hold
# addresses, which differ from run to run.
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
# Built outside the repository: fmt.go is a lone file with no module of its own.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/fmt.go" "$tmp/fmt.go"
printf 'module gcsh.test/fmt\n\ngo 1.27\n' >"$tmp/go.mod"
(cd "$tmp" && "$GO127" build -o fmtcorpus .)
"$tmp/fmtcorpus" >"$here/$ver.txt.tmp"
mv "$here/$ver.txt.tmp" "$here/$ver.txt"
echo "$ver: $(wc -l <"$here/$ver.txt") lines -> $ver.txt"
