// stringsfuncs: what strings' searching, trimming, splitting, joining, case-mapping and
// replacing functions return and allocate. Each window counts Mallocs and TotalAlloc around
// calls whose results go to package variables (so they are kept), then prints the results.
// Inputs are built at run time (word) so that nothing is a constant.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

var (
	m     runtime.MemStats
	list  []string
	list2 []string
	list3 []string
	list4 []string
	s1    string
	s2    string
	s3    string
	s4    string
	s5    string
	n1    int
	n2    int
	n3    int
	n4    int
	b1    bool
	b2    bool
	b3    bool
	b4    bool
)

func word(parts ...string) string {
	out := ""
	for _, p := range parts {
		out += p
	}
	return out
}

func count() (uint64, uint64) {
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func window(label string, m0, t0 uint64) {
	m1, t1 := count()
	fmt.Printf("%-10s mallocs %d bytes %d\n", label, m1-m0, t1-t0)
}

func main() {
	csv := word("alpha,", "beta,", "gamma")
	spaced := word("  hello ", "wide\t", "world \n")
	accented := word("héllo ", "wörld ", "ça")
	long := strings.Repeat("ab,", 99) + "z"

	m0, t0 := count()
	b1 = strings.Contains(csv, "beta")
	b2 = strings.HasPrefix(csv, "alp")
	b3 = strings.HasSuffix(csv, "mma")
	b4 = strings.ContainsRune(accented, 'ö')
	n1 = strings.Index(csv, "gam")
	n2 = strings.IndexByte(csv, ',')
	n3 = strings.LastIndex(csv, "a")
	n4 = strings.Index(csv, "delta")
	window("search", m0, t0)
	fmt.Println(b1, b2, b3, b4, n1, n2, n3, n4)

	m0, t0 = count()
	s1 = strings.TrimSpace(spaced)
	s2 = strings.TrimPrefix(csv, "alpha,")
	s3 = strings.TrimSuffix(csv, ",gamma")
	s4 = strings.TrimSpace(word(" \u00a0", "ünï", "\u2003 "))
	window("trim", m0, t0)
	fmt.Printf("%q %q %q %q\n", s1, s2, s3, s4)

	m0, t0 = count()
	list = strings.Split(csv, ",")
	window("split3", m0, t0)
	m0, t0 = count()
	list2 = strings.Split(long, ",")
	window("split100", m0, t0)
	m0, t0 = count()
	list3 = strings.Split(accented, "")
	window("explode", m0, t0)
	m0, t0 = count()
	list4 = strings.Split(csv, ";")
	window("split1", m0, t0)
	fmt.Println(len(list), list, len(list2), cap(list2), len(list3), list3[1], list4)

	m0, t0 = count()
	list = strings.Fields(spaced)
	window("fields", m0, t0)
	m0, t0 = count()
	list2 = strings.Fields(accented)
	window("fieldsU", m0, t0)
	m0, t0 = count()
	list3 = strings.Fields(strings.Repeat("é ", 40))
	window("fields40", m0, t0)
	fmt.Println(len(list), list, len(list2), list2, len(list3))

	m0, t0 = count()
	s1 = strings.Join(list, "+")
	s2 = strings.Join(list[:1], "+")
	s3 = strings.Join(nil, "+")
	s4 = strings.Join(list2, "")
	window("join", m0, t0)
	fmt.Printf("%q %q %q %q\n", s1, s2, s3, s4)

	m0, t0 = count()
	s1 = strings.ToUpper(csv)
	s2 = strings.ToUpper(s1)
	s3 = strings.ToLower(word("ABC", "def"))
	window("caseASCII", m0, t0)
	m0, t0 = count()
	s4 = strings.ToUpper(accented)
	s5 = strings.ToLower(word("ÀÉÎ", "õü"))
	window("caseU", m0, t0)
	fmt.Printf("%q %q %q %q %q\n", s1, s2, s3, s4, s5)

	m0, t0 = count()
	s1 = strings.ReplaceAll(csv, ",", ", ")
	s2 = strings.Replace(csv, "a", "A", 2)
	s3 = strings.Replace(csv, "x", "y", -1)
	s4 = strings.ReplaceAll(word("ab", "c"), "", "-")
	s5 = strings.Replace(csv, "alpha,beta,gamma", "", 1)
	window("replace", m0, t0)
	fmt.Printf("%q %q %q %q %q\n", s1, s2, s3, s4, s5)
}
