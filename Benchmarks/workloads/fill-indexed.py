# The CPython twin of fill-indexed.gcs: an 800 MB array of int64 ("q"), filled by an indexed loop.
from array import array

s = array("q", bytes(8 * 100_000_000))
for i in range(len(s)):
    s[i] = 7
print(len(s), s[0], s[len(s) // 2], s[len(s) - 1])
