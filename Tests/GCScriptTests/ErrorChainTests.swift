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
  // A package-level errors.New: data in Go 1.27 (no line), a start-up allocation in Go 1.19.
  #expect(mine.contains(global) == (version == "1.19.8") && goLines.contains(global) == (version == "1.19.8"))
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

/// errorsjoin: errors.Join as Go 1.27.3 runs it — its text (each error's on a line of its
/// own), nil for no non-nil error, `%T` *errors.joinError, Is and As through it and through a
/// %w of it, and its allocations (Join of two: 2 mallocs, 56 B; Error of two: 2, 48 B; of three
/// with a program's Error that formats: 5, 128 B). -m as Go's but for gaps gcsh has: it does
/// not devirtualize a joinError's Error (`devirtualizing joined.Error to *errors.joinError`, so
/// the `&errors.joinError{...}` such a call keeps in the frame escapes in gcsh), does not
/// inline literals.
/// Go 1.19.8 has no errors.Join: its compiler's eight errors, position for position.
@Test func errorsJoinIsGos() throws {
  let run = try RecordedRun("errorsjoin")
  let c = try run.compared("1.27.3") { line in
    !line.hasPrefix("#") && !line.contains("devirtualizing")
      && !line.contains(".Error(") && !line.contains(".Error()")
      && !line.hasPrefix("./main.go:45:23: &errors.joinError")
  }
  #expect(c.printed == c.expected)
  #expect(c.expected.contains("Join 2: 2 56 Join 1: 2 40 Join nil: 0 0 Error 2: 2 48 Error 1: 0 0 Error 3: 5 128"))
  #expect(c.go.count > 40)
  #expect(c.gcsh == c.go)
  #expect(try expectInlineCosts(run, "inline/main.go", "1.27.3") { _ in false } == 1)
  // Go 1.19: `undefined: errors.Join` at each Join.
  let go119 = try String(contentsOf: run.directory.appendingPathComponent("go1.19.8.m.txt"), encoding: .utf8)
    .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(2)) }
  let source = Source(name: "main.go", text: run.source)
  var parser = Parser(source)
  let checker = Checker(profile: .go119)
  #expect(checker.check(parser.parseProgram(), source: source) == nil)
  #expect(checker.errors.map { "main.go:\($0.line):\($0.column): \($0.kind.message)" } == go119)
}

/// joinError's Error grows its buffer between calls of the errors' own Error methods, which may
/// allocate and collect: the buffer must survive them (64 KiB of garbage a call, GOGC=10).
@Test func joinedErrorTextSurvivesCollections() throws {
  let (host, rt, _) = try interpret("""
    type loud struct{ n int }
    var garbage []byte
    func (l *loud) Error() string {
      garbage = make([]byte, 64<<10)
      return fmt.Sprintf("error number %d", l.n)
    }
    set GOGC=10
    var errs []error
    for i := 0; i < 40; i++ { errs = append(errs, &loud{i}) }
    err := errors.Join(errs...)
    fmt.Println(len(err.Error()), strings.Count(err.Error(), "\\n"))
    fmt.Println(strings.Split(err.Error(), "\\n")[39])
    """)
  #expect(host.text == "\(40 * 15 - 10 + 39) 39\nerror number 39\n")
  #expect(rt.memStats().numGC > 5)
  try rt.checkInvariants()
}

/// globalerrors: `var E = errors.New("...")` at package level, eight times. Go 1.27.3 lays the
/// errorStrings out as data (Mallocs at main's start as without them, no -m line); Go 1.19.8
/// allocates each at start-up (8 more mallocs, `&errors.errorString{...} escapes to heap`).
/// Mallocs exactly as recorded, HeapAlloc within 64 bytes, -m line for line.
@Test(arguments: ["1.27.3", "1.19.8"])
func packageLevelErrorsAreDataInGo127(_ version: String) throws {
  let run = try RecordedRun("globalerrors")
  let profile: RuntimeProfile = version == "1.27.3" ? .go127 : .go119
  for (file, recorded) in [("main.go", "go\(version).stdout"), ("base/main.go", "go\(version).base.stdout")] {
    let source = try String(contentsOf: run.directory.appendingPathComponent(file), encoding: .utf8)
    let go = try String(contentsOf: run.directory.appendingPathComponent(recorded), encoding: .utf8).split(separator: " ")
    let (host, _, interp) = try interpret(source, name: "./main.go", profile: profile)
    let mine = host.text.split(separator: " ")
    #expect(mine.first == go.first, "\(file): Mallocs")
    if let a = Int(mine[1].trimmingCharacters(in: .whitespacesAndNewlines)), let b = Int(go[1].trimmingCharacters(in: .whitespacesAndNewlines)) {
      #expect(abs(a - b) <= 64, "\(file): HeapAlloc \(a) vs \(b)")
    }
    if file == "main.go" {
      let goLines = try String(contentsOf: run.directory.appendingPathComponent("go\(version).m.txt"), encoding: .utf8)
        .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
      #expect(interp.escapeDecisions.sorted() == goLines.sorted())
    }
  }
}
