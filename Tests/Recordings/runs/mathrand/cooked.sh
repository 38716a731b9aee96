#!/bin/sh
# Writes Sources/GCScript/Run/RandCooked.swift from Go's math/rand/rng.go (the rngCooked table,
# identical in Go 1.19.8 and 1.27.3): GO127 names the toolchain whose source is read.
set -eu
GO127=${GO127:-/work/tools/gobin/lib/python3.11/site-packages/go/bin/go}
root=$(cd "$(dirname "$0")/../../../.." && pwd)
python3 - "$("$GO127" env GOROOT)/src/math/rand/rng.go" "$root/Sources/GCScript/Run/RandCooked.swift" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
body = re.search(r'rngCooked \[rngLen\]int64 = \[\.\.\.\]int64\{(.*?)\n\t\}', src, re.S).group(1)
nums = [int(x) for x in re.findall(r'-?\d+', body)]
assert len(nums) == 607
rows = ["    " + ", ".join(str(n) for n in nums[i:i + 4]) + "," for i in range(0, 607, 4)]
open(sys.argv[2], "w").write("""// math/rand's rngCooked table: the 607 values rngSource.Seed mixes into its state
// (math/rand/rng.go, the same in Go 1.19.8 and 1.27.3: the state of the additive lagged
// Fibonacci generator after 780e10 iterations, as gen_cooked.go computes it). Copied from Go
// 1.27.3's rng.go by Tests/Recordings/runs/mathrand/cooked.sh.

enum RandCooked {
  static let values: [Int64] = [
""" + "\n".join(rows) + """
  ]
}
""")
PY
