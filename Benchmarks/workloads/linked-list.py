# The CPython twin of linked-list.gcs: a class with __slots__ per node, as a Python programmer
# would write a linked list. Dropping the head frees the nodes by reference counting; gc.collect()
# stands for runtime.GC().
import gc


class Node:
    __slots__ = ("next", "v")

    def __init__(self, next, v):
        self.next = next
        self.v = v


head = None
for i in range(1_000_000):
    head = Node(head, i)
total = 0
n = head
while n is not None:
    total += n.v
    n = n.next
head = None
gc.collect()
print(total)
