# The CPython twin of store-indexed.gcs: an 800 MB array of int64 ("q"), s[i] = i*3 by an indexed
# loop.
from array import array

s = array("q", bytes(8 * 100_000_000))
for i in range(len(s)):
    s[i] = i * 3
print(s[0], s[len(s) // 2], s[len(s) - 1], len(s))
