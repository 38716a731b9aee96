# The CPython twin of alloc-store-append.gcs: a 2-element list per object.
keep = []
for i in range(10_000_000):
    p = [0, 0]
    p[0] = i
    if i % 1000 == 0:
        keep.append(p)
print(len(keep), sum(p[0] for p in keep))
