// Embedded fields at run time: promoted methods called through interfaces, math/rand's
// sources and errors' chains with the receiver moved along the embedding path, fmt's promoted
// String and Error with Go's shadowing, and a struct whose embedded interface holds itself.

import Foundation
@testable import GCScript
import GoHeap
import Testing

/// Go 1.27.3 printed these lines for this program: a promoted Int63 at offset 8 of its struct
/// (rand.New of a program's Source), a Source embedded as an interface, errors.Is through a
/// promoted Error, unsafe.Offsetof of a promoted field (the offsets add up), an own
/// pointer-receiver String that hides the promoted one from a value (fmt prints `{inner}`),
/// os.Args written and sorted, ParseFloat to float32 rounded once, FormatFloat's bit-size
/// panic.
@Test func promotedMethodsRunAsGosWrappers() throws {
  let (out, _, _) = try run("""
    package main
    
    import (
    \t\"errors\"
    \t\"fmt\"
    \t\"math/rand\"
    \t\"os\"
    \t\"sort\"
    \t\"strconv\"
    \t\"unsafe\"
    )
    
    type base struct{ n int64 }
    
    func (b *base) Int63() int64 { b.n++; return b.n << 40 }
    func (b *base) Seed(s int64) { b.n = s }
    
    type src struct {
    \tp *int
    \tbase
    }
    
    type w struct{ rand.Source }
    
    type baseErr struct{ msg string }
    
    func (e baseErr) Error() string { return e.msg }
    
    type NotFound struct {
    \tid int
    \tbaseErr
    }
    
    type A struct{ a, X int }
    type S struct {
    \tp int
    \tA
    }
    
    type Inner struct{}
    
    func (Inner) String() string { return \"inner\" }
    
    type Outer struct{ Inner }
    
    func (*Outer) String() string { return \"outer\" }
    
    func main() {
    \tx := 1
    \tr := rand.New(&src{p: &x})
    \tfmt.Println(r.Intn(5), *(&x))
    \tr2 := rand.New(w{rand.NewSource(1)})
    \tfmt.Println(r2.Intn(100))
    \tvar e error = NotFound{1, baseErr{\"nf\"}}
    \tfmt.Println(errors.Is(e, e), e)
    \tvar s S
    \tfmt.Println(unsafe.Offsetof(s.X))
    \tfmt.Println(Outer{}, &Outer{})
    \tos.Args[0] = \"changed\"
    \tsort.Strings(os.Args)
    \tfmt.Println(len(os.Args), os.Args[0])
    \tf, err := strconv.ParseFloat(\"1.000000059604644775390625000001\", 32)
    \tfmt.Println(f, err)
    \tdefer func() { fmt.Println(\"r:\", recover()) }()
    \tfmt.Println(strconv.FormatFloat(1, 'e', 3, 16))
    }

    """)
  #expect(out == """
    1 1
    81
    true nf
    16
    {inner} outer
    1 changed
    1.0000001192092896 <nil>
    r: strconv: illegal FormatFloat bitSize

    """)
}

/// `e.error = e`: the wrapper calls itself through the interface until Go's stack overflows —
/// a fatal error, not a crash of gcsh, whether called directly or by fmt.
@Test(arguments: ["fmt.Println(e.Error())", "fmt.Println(e)"])
func selfEmbeddingOverflowsTheStack(_ call: String) throws {
  let error = failure("""
    package main

    import "fmt"

    type E struct{ error }

    func main() {
    \te := &E{}
    \te.error = e
    \t\(call)
    }

    """)
  #expect(error?.kind.message.contains("stack overflow") == true, "\(String(describing: error?.kind.message))")
}

/// A promoted pointer-receiver String is in the method set of *S and of a struct embedding *T,
/// not of S itself: fmt calls it on &s.T, and prints a plain S's fields. Go 1.27.3 printed these
/// lines.
@Test func promotedPointerStringThroughAPointer() throws {
  let (out, _, _) = try run("""
    package main

    import "fmt"

    type T struct{ n int }

    func (t *T) String() string { return fmt.Sprint("T#", t.n) }

    type S struct {
    \tT
    \tk int
    }

    type P struct{ *T }

    func main() {
    \ts := S{T{1}, 2}
    \tfmt.Println(s, &s)
    \tp := P{&T{3}}
    \tfmt.Println(p, &p)
    \tss := []*S{&s}
    \tfmt.Println(ss[0])
    }

    """)
  #expect(out == "{{1} 2} T#1\nT#3 T#3\nT#1\n")
}
