// Libraries: the parts of Go's standard library that gcsh compiles from Go source with the
// program, instead of running them natively in its runtime.
//
// Most packages gcsh offers are builtins (the VM runs strings.Split or sort.Sort itself, with
// what each allocates modelled). Some are better as Go: their memory behaviour is their code —
// container/list's elements are ordinary objects pointing at each other, sort.Reverse is a
// `&reverse{data}` — so gcsh checks their source as Go's compiler compiles a package, and they
// run, allocate, inline and escape exactly as the program's own functions do:
//
//   - The source below is Go's, the same in Go 1.19.8 and 1.27.3 (comments cut), with its own
//     package's functions that gcsh runs natively named with the package (`sort.Sort(x)` for
//     sort.go's `Sort(x)`) and `interface{}` for `any` (so that it checks in every profile).
//   - A library is loaded (parsed and checked, its functions added to the run) the first time
//     a run uses one of its names (Checker+Libraries.swift); its types and functions are named
//     as Go names them (`sort.IntSlice`, `list.(*List).PushBack`), and another package's code
//     sees only its exported names.
//   - Its functions are lowered with its own source; -m reports nothing of them but what Go
//     prints in the program's compile: a call inlined into the program (`inlining call to
//     sort.Reverse`) and what the inlined body allocates, at the call.

import GoHeap

/// A library package compiled from source.
final class Library: Sendable {
  /// The name a program qualifies its members with (`list`) and its import path.
  let package: String
  let path: String
  let source: Source
  /// The names a program loads the library for, when it adds to a package that is otherwise
  /// gcsh's runtime (os's File and streams beside os.Exit); nil: all of the package's.
  let members: Set<String>?

  init(package: String, path: String, text: String, members: Set<String>? = nil) {
    self.package = package
    self.path = path
    self.members = members
    source = Source(name: "\(path)/\(path.split(separator: "/").last ?? "")_gcsh.go", text: text)
  }

  /// The library of a package name in a profile's Go, or nil when the package is all builtins.
  static func named(_ package: String, _ profile: RuntimeProfile) -> Library? {
    switch package {
    case "sort": sort
    case "list": list
    case "sync": sync
    case "context": context(profile)
    case "utf8": utf8(profile)
    case "heap": heap
    case "iter" where profile.version >= GoVersion(1, 23): iter
    case "slices" where profile.version >= GoVersion(1, 23): slicesIterators
    case "maps" where profile.version >= GoVersion(1, 21): maps(profile)
    case "strings" where profile.version >= GoVersion(1, 24): stringsIterators
    case "cmp" where profile.version >= GoVersion(1, 22): cmpOr
    case "io": io(profile)
    case "bufio": bufio(profile)
    case "os": os(profile)
    default: nil
    }
  }

  /// cmp.Or (Go 1.22, cmp/cmp.go): the first of its arguments that is not the zero value.
  /// Compare and Less are gcsh's native ones.
  static let cmpOr = Library(package: "cmp", path: "cmp", text: """
    func Or[T comparable](vals ...T) T {
    	var zero T
    	for _, v := range vals {
    		if v != zero {
    			return v
    		}
    	}
    	return zero
    }
    """)

  /// sort/sort.go and search.go: the slice types that implement Interface, and Reverse.
  static let sort = Library(package: "sort", path: "sort", text: """
    type IntSlice []int

    func (x IntSlice) Len() int           { return len(x) }
    func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
    func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
    func (x IntSlice) Sort()              { sort.Sort(x) }
    func (p IntSlice) Search(x int) int   { return sort.SearchInts(p, x) }

    type Float64Slice []float64

    func (x Float64Slice) Len() int { return len(x) }
    func (x Float64Slice) Less(i, j int) bool { return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j])) }
    func (x Float64Slice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
    func (x Float64Slice) Sort()              { sort.Sort(x) }
    func (p Float64Slice) Search(x float64) int { return sort.SearchFloat64s(p, x) }

    func isNaN(f float64) bool {
    	return f != f
    }

    type StringSlice []string

    func (x StringSlice) Len() int           { return len(x) }
    func (x StringSlice) Less(i, j int) bool { return x[i] < x[j] }
    func (x StringSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
    func (x StringSlice) Sort()              { sort.Sort(x) }
    func (p StringSlice) Search(x string) int { return sort.SearchStrings(p, x) }

    type reverse struct {
    	sort.Interface
    }

    func (r reverse) Less(i, j int) bool {
    	return r.Interface.Less(j, i)
    }

    func Reverse(data sort.Interface) sort.Interface {
    	return &reverse{data}
    }

    """)

  /// The methods of the runtime's own types (Packages) that a library writes as functions,
  /// their receiver the first parameter: the library function's name, and its library, the
  /// method's type and name, and the Go version that added it.
  static let runtimeTypeMethods: [String: (library: String, type: GoType, method: String, since: GoVersion)] = [
    "waitGroupGo": ("sync", SyncTypes.waitGroup, "Go", GoVersion(1, 25))
  ]

  /// sync/waitgroup.go's WaitGroup.Go (Go 1.25+; the WaitGroup itself is the runtime's): the
  /// goroutine runs f, then Done — unless f panicked, which stays a panic of that goroutine.
  static let sync = Library(package: "sync", path: "sync", text: """
    func waitGroupGo(wg *sync.WaitGroup, f func()) {
    	wg.Add(1)
    	go func() {
    		defer func() {
    			if x := recover(); x != nil {
    				panic(x)
    			}
    			wg.Done()
    		}()
    		f()
    	}()
    }

    """)

  /// container/list/list.go, whole.
  static let list = Library(package: "list", path: "container/list", text: """
    type Element struct {
    	next, prev *Element
    	list *List
    	Value interface{}
    }

    func (e *Element) Next() *Element {
    	if p := e.next; e.list != nil && p != &e.list.root {
    		return p
    	}
    	return nil
    }

    func (e *Element) Prev() *Element {
    	if p := e.prev; e.list != nil && p != &e.list.root {
    		return p
    	}
    	return nil
    }

    type List struct {
    	root Element
    	len  int
    }

    func (l *List) Init() *List {
    	l.root.next = &l.root
    	l.root.prev = &l.root
    	l.len = 0
    	return l
    }

    func New() *List { return new(List).Init() }

    func (l *List) Len() int { return l.len }

    func (l *List) Front() *Element {
    	if l.len == 0 {
    		return nil
    	}
    	return l.root.next
    }

    func (l *List) Back() *Element {
    	if l.len == 0 {
    		return nil
    	}
    	return l.root.prev
    }

    func (l *List) lazyInit() {
    	if l.root.next == nil {
    		l.Init()
    	}
    }

    func (l *List) insert(e, at *Element) *Element {
    	e.prev = at
    	e.next = at.next
    	e.prev.next = e
    	e.next.prev = e
    	e.list = l
    	l.len++
    	return e
    }

    func (l *List) insertValue(v interface{}, at *Element) *Element {
    	return l.insert(&Element{Value: v}, at)
    }

    func (l *List) remove(e *Element) {
    	e.prev.next = e.next
    	e.next.prev = e.prev
    	e.next = nil
    	e.prev = nil
    	e.list = nil
    	l.len--
    }

    func (l *List) move(e, at *Element) {
    	if e == at {
    		return
    	}
    	e.prev.next = e.next
    	e.next.prev = e.prev

    	e.prev = at
    	e.next = at.next
    	e.prev.next = e
    	e.next.prev = e
    }

    func (l *List) Remove(e *Element) interface{} {
    	if e.list == l {
    		l.remove(e)
    	}
    	return e.Value
    }

    func (l *List) PushFront(v interface{}) *Element {
    	l.lazyInit()
    	return l.insertValue(v, &l.root)
    }

    func (l *List) PushBack(v interface{}) *Element {
    	l.lazyInit()
    	return l.insertValue(v, l.root.prev)
    }

    func (l *List) InsertBefore(v interface{}, mark *Element) *Element {
    	if mark.list != l {
    		return nil
    	}
    	return l.insertValue(v, mark.prev)
    }

    func (l *List) InsertAfter(v interface{}, mark *Element) *Element {
    	if mark.list != l {
    		return nil
    	}
    	return l.insertValue(v, mark)
    }

    func (l *List) MoveToFront(e *Element) {
    	if e.list != l || l.root.next == e {
    		return
    	}
    	l.move(e, &l.root)
    }

    func (l *List) MoveToBack(e *Element) {
    	if e.list != l || l.root.prev == e {
    		return
    	}
    	l.move(e, l.root.prev)
    }

    func (l *List) MoveBefore(e, mark *Element) {
    	if e.list != l || e == mark || mark.list != l {
    		return
    	}
    	l.move(e, mark.prev)
    }

    func (l *List) MoveAfter(e, mark *Element) {
    	if e.list != l || e == mark || mark.list != l {
    		return
    	}
    	l.move(e, mark)
    }

    func (l *List) PushBackList(other *List) {
    	l.lazyInit()
    	for i, e := other.Len(), other.Front(); i > 0; i, e = i-1, e.Next() {
    		l.insertValue(e.Value, l.root.prev)
    	}
    }

    func (l *List) PushFrontList(other *List) {
    	l.lazyInit()
    	for i, e := other.Len(), other.Back(); i > 0; i, e = i-1, e.Prev() {
    		l.insertValue(e.Value, &l.root)
    	}
    }

    """)

  /// container/heap/heap.go, whole (the same in Go 1.19.8 and 1.27.3): the heap's operations
  /// are calls through the program's heap.Interface — its Push(x any) boxes x as the caller's
  /// conversion does, and Pop's result is the program's any.
  static let heap = Library(package: "heap", path: "container/heap", text: """
    type Interface interface {
    	sort.Interface
    	Push(x interface{})
    	Pop() interface{}
    }

    func Init(h Interface) {
    	n := h.Len()
    	for i := n/2 - 1; i >= 0; i-- {
    		down(h, i, n)
    	}
    }

    func Push(h Interface, x interface{}) {
    	h.Push(x)
    	up(h, h.Len()-1)
    }

    func Pop(h Interface) interface{} {
    	n := h.Len() - 1
    	h.Swap(0, n)
    	down(h, 0, n)
    	return h.Pop()
    }

    func Remove(h Interface, i int) interface{} {
    	n := h.Len() - 1
    	if n != i {
    		h.Swap(i, n)
    		if !down(h, i, n) {
    			up(h, i)
    		}
    	}
    	return h.Pop()
    }

    func Fix(h Interface, i int) {
    	if !down(h, i, h.Len()) {
    		up(h, i)
    	}
    }

    func up(h Interface, j int) {
    	for {
    		i := (j - 1) / 2
    		if i == j || !h.Less(j, i) {
    			break
    		}
    		h.Swap(i, j)
    		j = i
    	}
    }

    func down(h Interface, i0, n int) bool {
    	i := i0
    	for {
    		j1 := 2*i + 1
    		if j1 >= n || j1 < 0 {
    			break
    		}
    		j := j1
    		if j2 := j1 + 1; j2 < n && h.Less(j2, j1) {
    			j = j2
    		}
    		if !h.Less(j, i) {
    			break
    		}
    		h.Swap(i, j)
    		i = j
    	}
    	return i > i0
    }

    """)
}
