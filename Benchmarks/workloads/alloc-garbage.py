# The CPython twin of ../alloc-garbage.gcs: 10 million 2-element lists, each garbage at once
# (reference counting frees each one when the next replaces it). It prints nothing: the Go twin
# prints its NumGC, which CPython has no counterpart for.
p = None
for i in range(10_000_000):
    p = [0, 0]
