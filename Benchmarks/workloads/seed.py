# A CPython equivalent of examples/seed.go WITHOUT its sleeps (the Go program sleeps 20 s of real
# time; gcsh's sleeps are virtual): twice, allocate 100 million zeroed uint32 (400 MB, every page
# written) and drop them. Go compiles seed.go's `for kk := range tmp { tmp[kk] = 0 }` into a
# memory clear (gcsh runs it as one fill), so the Python equivalent is a zeroed array built in C,
# not a 100-million-step loop.
from array import array


def round_():
    global tmp
    print("getting memory")
    tmp = array("I", bytes(4 * 100_000_000))
    print("returning memory")
    tmp = array("I", [0])
    tmp = None


tmp = None
round_()
round_()
