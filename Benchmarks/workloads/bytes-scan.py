# The CPython twin of bytes-scan.gcs: build a 10 MB bytearray of words, count the words with the
# same loop (not bytes.split(), which would run in C).
SIZE = 10_000_000
SPACE = ord(" ")
A = ord("a")

b = bytearray(SIZE)
gap = 0
for i in range(len(b)):
    if gap == 0:
        b[i] = SPACE
        gap = 3 + i % 7
    else:
        b[i] = A + i % 26
        gap -= 1
words = 0
in_word = False
for c in b:
    if c == SPACE:
        in_word = False
    elif not in_word:
        words += 1
        in_word = True
print(words)
