// errors.Is, errors.As, errors.Unwrap and fmt.Errorf's %w against recorded runs of Go 1.27.3 and
// 1.19.8 (Tests/Recordings/runs/errorswrap): what they find down a chain (a program type with
// Unwrap, fmt's wrapError, strconv's NumError, a program Is method), %w misused, and what
// Errorf allocates; and the -m decisions about them.

@testable import GCScript
import Foundation
import GoHeap
import Testing

/// errorswrap, byte for byte: `layer 2: layer 1: select: not found` found by Is and As through
/// two wrapErrors and a *QueryError, Unwrap step by step, TempErr's own Is, As into a value
/// type, strconv.ErrSyntax inside a *NumError, `%!w(int=5)` and %w outside Errorf, `%T` of
/// `*fmt.wrapError`; Errorf of a constant: 1 malloc (16 B) in Go 1.27.3, whose Errorf returns
/// errors.New(format), 2 (20 B) in 1.19.8, which copies the text; with %d 2 (24 B), with %w 2
/// (48 B: the text and a 32-byte wrapError); Is and As none.
///
/// -m: every line Go prints is gcsh's (`moved to heap: qe` — As's target leaks —, `TempErr{...}
/// escapes to heap` for a value converted to error, Go 1.27's inlined Errorf with its
/// `&errors.errorString{...}` and `inlining call to errors.Unwrap`), except where Go names an
/// inlined call's result inside a larger operand (`(~r0) == w1`, `fmt.err`, `... argument...`,
/// written as in the source by gcsh at the same place) and Go 1.27's devirtualized Unwrap; and
/// every gcsh line is at a place Go reports — but Go 1.27 puts the global ErrNotFound's
/// errorString in static data, which gcsh allocates.
@Test(arguments: ["1.27.3", "1.19.8"])
func errorChainsAsGo(_ version: String) throws {
  let run = try RecordedRun("errorswrap")
  let r = try run.compared(version, { $0.contains("main.go:") && !$0.contains("main.func") })
  #expect(r.printed == r.expected)
  let irTextGap = ["~r0", "~R0", "fmt.err", "... argument...", "devirtualizing", "(*QueryError).Unwrap"]
  let goLines = r.go.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }
  let kept = goLines.filter { line in !irTextGap.contains { line.contains($0) } }
  let mine = Set(r.gcsh.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 })
  #expect(kept.count > 60)
  #expect(kept.filter { !mine.contains($0) } == [])
  let place = { (line: String) in line.split(separator: ":").prefix(3).joined(separator: ":") }
  let goPlaces = Set(goLines.map(place))
  let extra = mine.filter { !goPlaces.contains(place($0)) }
  #expect(extra.isEmpty)
  let global = "main.go:13:29: &errors.errorString{...} escapes to heap"
  #expect(mine.contains(global) && goLines.contains(global) == (version == "1.19.8"))
}

/// Errorf wraps several errors from Go 1.20 (a wrapErrors, searched depth first), one in Go
/// 1.19 (a second %w is `%!w(...)` and nothing is wrapped); As into an interface; As's panics.
@Test func wrapErrorsAndAsPanics() throws {
  let code = """
    var a = errors.New("a")
    var b = errors.New("b")
    e := fmt.Errorf("both: %w and %w", a, b)
    fmt.Println(e, errors.Is(e, a), errors.Is(e, b))
    fmt.Printf("%T\\n", e)
    var s fmt.Stringer
    var anyErr error
    print errors.As(e, &anyErr), anyErr == e, errors.As(e, &s)
    func try(f func()) (err any) {
      defer func() { err = recover() }()
      f()
      return nil
    }
    n := 5
    print try(func() { errors.As(e, n) })
    print try(func() { errors.As(e, &n) })
    """
  let (new, _, _) = try run(code)
  #expect(new == "both: a and b true true\n*fmt.wrapErrors\ntrue true false\nerrors: target must be a non-nil pointer\nerrors: *target must be interface or implement error\n")
  let (old, _, _) = try run(code, profile: .go119)
  #expect(old.hasPrefix("both: a and %!w(*errors.errorString=&{b}) false false\n*errors.errorString\n"))
}
