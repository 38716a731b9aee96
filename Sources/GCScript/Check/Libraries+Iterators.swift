// The iterator packages, compiled from Go 1.27.3's source (Libraries.swift): iter's Seq and
// Seq2, slices' iterator functions (slices/iter.go) beside the slices functions gcsh runs
// natively (SlicesPackage.swift), and maps (maps/iter.go, maps/maps.go). They are ordinary
// generic Go: a range over one of them is rewritten like any range over a function
// (Checker+RangeFunc.swift), and the literals they return are closures escape analysis
// judges. Go 1.23 brought iter and the iterator functions, Go 1.21 the maps package itself
// (Equal, EqualFunc, Copy, DeleteFunc), Go 1.24 strings' sequences (strings/iter.go).
// Not here: iter.Pull and Pull2 (coroutines) and maps.Clone (a runtime function that copies
// the table as it is), which gcsh names as missing.

import GoHeap

extension Library {
  /// iter/iter.go: the sequence types.
  static let iter = Library(package: "iter", path: "iter", text: """
    type Seq[V any] func(yield func(V) bool)

    type Seq2[K, V any] func(yield func(K, V) bool)
    """)

  /// slices/iter.go: the functions that make and consume sequences. Sort, SortFunc and
  /// SortStableFunc are gcsh's native slices functions.
  static let slicesIterators = Library(package: "slices", path: "slices", text: """
    func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
    	return func(yield func(int, E) bool) {
    		for i, v := range s {
    			if !yield(i, v) {
    				return
    			}
    		}
    	}
    }

    func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
    	return func(yield func(int, E) bool) {
    		for i := len(s) - 1; i >= 0; i-- {
    			if !yield(i, s[i]) {
    				return
    			}
    		}
    	}
    }

    func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
    	return func(yield func(E) bool) {
    		for _, v := range s {
    			if !yield(v) {
    				return
    			}
    		}
    	}
    }

    func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
    	for v := range seq {
    		s = append(s, v)
    	}
    	return s
    }

    func Collect[E any](seq iter.Seq[E]) []E {
    	return AppendSeq([]E(nil), seq)
    }

    func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
    	s := Collect(seq)
    	slices.Sort(s)
    	return s
    }

    func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
    	s := Collect(seq)
    	slices.SortFunc(s, cmp)
    	return s
    }

    func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
    	s := Collect(seq)
    	slices.SortStableFunc(s, cmp)
    	return s
    }

    func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
    	if n < 1 {
    		panic("cannot be less than 1")
    	}
    	return func(yield func(Slice) bool) {
    		for i := 0; i < len(s); i += n {
    			end := min(n, len(s[i:]))
    			if !yield(s[i : i+end : i+end]) {
    				return
    			}
    		}
    	}
    }
    """)

  /// maps/maps.go (but Clone) and, from Go 1.23, maps/iter.go.
  static func maps(_ profile: RuntimeProfile) -> Library {
    profile.version >= GoVersion(1, 23) ? mapsWithIterators : mapsBefore123
  }

  private static let mapsFunctions = """
    func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
    	if len(m1) != len(m2) {
    		return false
    	}
    	for k, v1 := range m1 {
    		if v2, ok := m2[k]; !ok || v1 != v2 {
    			return false
    		}
    	}
    	return true
    }

    func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
    	if len(m1) != len(m2) {
    		return false
    	}
    	for k, v1 := range m1 {
    		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
    			return false
    		}
    	}
    	return true
    }

    func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
    	for k, v := range src {
    		dst[k] = v
    	}
    }

    func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
    	for k, v := range m {
    		if del(k, v) {
    			delete(m, k)
    		}
    	}
    }
    """

  private static let mapsBefore123 = Library(package: "maps", path: "maps", text: mapsFunctions)

  private static let mapsWithIterators = Library(package: "maps", path: "maps", text: mapsFunctions + """


    func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] {
    	return func(yield func(K, V) bool) {
    		for k, v := range m {
    			if !yield(k, v) {
    				return
    			}
    		}
    	}
    }

    func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] {
    	return func(yield func(K) bool) {
    		for k := range m {
    			if !yield(k) {
    				return
    			}
    		}
    	}
    }

    func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] {
    	return func(yield func(V) bool) {
    		for _, v := range m {
    			if !yield(v) {
    				return
    			}
    		}
    	}
    }

    func Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) {
    	for k, v := range seq {
    		m[k] = v
    	}
    }

    func Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V {
    	m := make(map[K]V)
    	Insert(m, seq)
    	return m
    }
    """)

  /// strings/iter.go (Go 1.24): sequences of substrings of s, which share its bytes (nothing
  /// is copied). Index, IndexByte and the unicode functions are gcsh's native ones; asciiSpace
  /// is strings.go's table, static data as in Go.
  static let stringsIterators = Library(package: "strings", path: "strings", text: """
    var asciiSpace = [256]uint8{'\\t': 1, '\\n': 1, '\\v': 1, '\\f': 1, '\\r': 1, ' ': 1}

    func Lines(s string) iter.Seq[string] {
    	return func(yield func(string) bool) {
    		for len(s) > 0 {
    			var line string
    			if i := strings.IndexByte(s, '\\n'); i >= 0 {
    				line, s = s[:i+1], s[i+1:]
    			} else {
    				line, s = s, ""
    			}
    			if !yield(line) {
    				return
    			}
    		}
    	}
    }

    func splitSeq(s, sep string, sepSave int) iter.Seq[string] {
    	return func(yield func(string) bool) {
    		if len(sep) == 0 {
    			for len(s) > 0 {
    				_, size := utf8.DecodeRuneInString(s)
    				if !yield(s[:size]) {
    					return
    				}
    				s = s[size:]
    			}
    			return
    		}
    		for {
    			i := strings.Index(s, sep)
    			if i < 0 {
    				break
    			}
    			frag := s[:i+sepSave]
    			if !yield(frag) {
    				return
    			}
    			s = s[i+len(sep):]
    		}
    		yield(s)
    	}
    }

    func SplitSeq(s, sep string) iter.Seq[string] {
    	return splitSeq(s, sep, 0)
    }

    func SplitAfterSeq(s, sep string) iter.Seq[string] {
    	return splitSeq(s, sep, len(sep))
    }

    func FieldsSeq(s string) iter.Seq[string] {
    	return func(yield func(string) bool) {
    		start := -1
    		for i := 0; i < len(s); {
    			size := 1
    			r := rune(s[i])
    			isSpace := asciiSpace[s[i]] != 0
    			if r >= utf8.RuneSelf {
    				r, size = utf8.DecodeRuneInString(s[i:])
    				isSpace = unicode.IsSpace(r)
    			}
    			if isSpace {
    				if start >= 0 {
    					if !yield(s[start:i]) {
    						return
    					}
    					start = -1
    				}
    			} else if start < 0 {
    				start = i
    			}
    			i += size
    		}
    		if start >= 0 {
    			yield(s[start:])
    		}
    	}
    }

    func FieldsFuncSeq(s string, f func(rune) bool) iter.Seq[string] {
    	return func(yield func(string) bool) {
    		start := -1
    		for i := 0; i < len(s); {
    			r, size := utf8.DecodeRuneInString(s[i:])
    			if f(r) {
    				if start >= 0 {
    					if !yield(s[start:i]) {
    						return
    					}
    					start = -1
    				}
    			} else if start < 0 {
    				start = i
    			}
    			i += size
    		}
    		if start >= 0 {
    			yield(s[start:])
    		}
    	}
    }
    """)
}
