// GoExporter: a GCScript script as the real Go program it stands for (`gcsh export-go`).
//
// The script is parsed and checked first (nothing is exported from a program with an error);
// then its syntax tree is printed as Go, statement by statement, with what the checker decided
// where Go needs it spelled out:
//
// - Top-level variables are package-level globals in gcsh (roots for the whole run), so each is
//   declared at package level with the type the checker gave it, and its `:=` or `var x = e`
//   becomes an assignment in `main`, where the statement stood. Top-level statements run in
//   `main`, in order; types, constants and functions stay at package level.
// - GCScript's conveniences become Go: `x = e` that declares a local is `x := e`; `5s` is
//   `5 * time.Second`, `200MiB` is `200 << 20`; the runtime statements are calls —
//   `sleep d` time.Sleep(d), `gc` runtime.GC(), `free` debug.FreeOSMemory(), `set GOGC=n`
//   debug.SetGCPercent(n), `set GOMEMLIMIT=s` debug.SetMemoryLimit(s) (`off`: -1 and
//   math.MaxInt64), `print a, b` fmt.Println(a, b). (gcsh's print statement allocates nothing;
//   Go's fmt.Println takes a printer from its sync.Pool and boxes what is not pointer-shaped —
//   a few hundred bytes, seen in Mallocs and TotalAlloc, far inside the size tolerances.)
// - `stats "label"` is `gcshStats("label")`, a checkpoint that prints exactly the JSON line
//   `gcsh --format jsonl` prints for the statement (same keys, same order) without allocating:
//   GoCheckpoint.swift has its source.
// - What only gcsh can do — `expect`, `explain`, `why`, `roots`, `heap` — becomes a comment
//   naming it, so the program still reads as the script does.
//
// The output is gofmt's layout (GoLayout.swift for expressions; blocks on their own lines, one
// blank line between package-level declarations, struct fields aligned) and compiles with the
// Go of the profile it is exported for (go1.27: Go 1.27; go1.19: Go 1.19). A Go program (a
// file with a package clause) is refused: it is already the real program. So is go1.0, whose
// Go cannot build what the checkpoint needs (and is not installable today).

import GoHeap

/// Why a script was not exported (its words are the message).
public struct ExportRefusal: Error, Sendable {
  public let message: String
  /// Where the reason is in the script (nil: the whole script, or the profile).
  public let error: ScriptError?
}

/// Options of an export.
public struct GoExportOptions: Sendable {
  /// Each top-level `expect` also gets a checkpoint before it, labelled with its text, so that
  /// `gcsh verify` compares the numbers the expectation is about (and gcsh, run on the same
  /// tree — `withExpectCheckpoints` — stops at the same places).
  public var checkpointExpectations = false
  public init(checkpointExpectations: Bool = false) { self.checkpointExpectations = checkpointExpectations }
}

public enum GoExporter {
  /// The Go program for `source`, for the Go of `profile`. Throws `CompileErrors` when the
  /// script does not check (nothing is exported), `ExportRefusal` when it cannot be exported.
  public static func export(
    _ source: Source, profile: RuntimeProfile, options: GoExportOptions = GoExportOptions()
  ) throws -> String {
    guard profile.name != "go1.0" else {
      throw ExportRefusal(
        message: "go1.0 cannot be exported: Go 1.0's toolchain does not build on today's systems, and its "
          + "runtime has no MemStats fields the checkpoint prints (NumForcedGC, GCSys, OtherSys); "
          + "export for go1.19 or go1.27", error: nil)
    }
    let (parsed, errors, _) = Interpreter.parse(source)
    if !errors.isEmpty { throw CompileErrors(errors: errors) }
    if let p = parsed.first(where: { if case .package = $0.kind { return true } else { return false } }) {
      throw ExportRefusal(
        message: "\(source.name) is already a Go program: build it with go build as it is (export-go "
          + "turns a GCScript script into one)",
        error: ScriptError(.invalidSetting("already a Go program"), at: p.span).located(in: source))
    }
    let stmts = options.checkpointExpectations ? withExpectCheckpoints(parsed, source: source) : parsed
    let checker = Checker(profile: profile)
    guard let program = checker.check(stmts, source: source) else {
      throw CompileErrors(errors: checker.errors)
    }
    let printer = GoProgramPrinter(source: source, profile: profile, program: program, checker: checker)
    return printer.program(stmts)
  }

  /// The script with a `stats "expect ... (line N)"` before each top-level `expect`: what
  /// `gcsh verify` runs on both sides, so that every expectation is a checkpoint compared with
  /// the real runtime. A stats statement allocates nothing, in gcsh and in the exported Go.
  public static func withExpectCheckpoints(_ stmts: [Stmt], source: Source) -> [Stmt] {
    stmts.flatMap { s -> [Stmt] in
      guard case .expect = s.kind else { return [s] }
      let label = expectationLabel(s, source: source)
      return [Stmt(.stats(label: [Expr(.string(label), s.span)], view: nil), s.span), s]
    }
  }

  /// The label of an expectation's checkpoint: its text and line (`expect RSS < 10MiB (line 12)`).
  public static func expectationLabel(_ s: Stmt, source: Source) -> String {
    "\(text(of: s.span, in: source)) (line \(source.location(of: s.span.start).line))"
  }

  /// The source text of a span, on one line.
  static func text(of span: Span, in source: Source) -> String {
    let bytes = Array(source.text.utf8)
    let slice = bytes[max(0, span.start)..<min(bytes.count, max(span.start, span.end))]
    return String(decoding: slice, as: UTF8.self).split(whereSeparator: \.isNewline)
      .map { $0.trimmingBlanks }.joined(separator: " ")
  }
}

extension Substring {
  var trimmingBlanks: String {
    var s = self
    while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\t" { s.removeLast() }
    return String(s)
  }
}

/// Prints a checked program as Go.
final class GoProgramPrinter {
  let source: Source
  let profile: RuntimeProfile
  let checker: Checker
  /// Where each package-level global is declared (byte offset of its name) and its type.
  private var globalAt: [Int: Variable] = [:]
  /// Where each local declared by GCScript's `x = e` (or `:=`) is: such an `=` is Go's `:=`.
  private var localAt: Set<Int> = []
  /// Names the script declares at its top level (a package name they shadow is not an import).
  private var declaredNames: Set<String> = []
  /// Packages the program uses (their import paths).
  private(set) var imports: Set<String> = ["runtime", "strconv", "syscall", "time"]

  /// The packages a script can use, by name (the checker's table).
  private static let packages = Packages.known

  init(source: Source, profile: RuntimeProfile, program: CheckedProgram, checker: Checker) {
    self.source = source
    self.profile = profile
    self.checker = checker
    for g in program.globals {
      globalAt[g.span.start] = g
      declaredNames.insert(g.name)
    }
    for f in program.functions + [program.script] where f.library == nil {
      for c in f.withLiterals {
        for v in c.locals where v.storage == .local { localAt.insert(v.span.start) }
      }
    }
  }

  // MARK: The file

  /// package main, the imports, the package-level declarations in source order, `main` with
  /// the top-level statements, then the checkpoint's code.
  func program(_ stmts: [Stmt]) -> String {
    for s in stmts {
      switch s.kind {
      case .typeDecl(let n, _), .typeAlias(let n, _), .genericTypeDecl(let n, _, _): declaredNames.insert(n)
      case .funcDecl(let f) where f.receiver == nil: declaredNames.insert(f.name)
      case .constDecl(let names, _, _, _): for (n, _) in names { declaredNames.insert(n) }
      default: break
      }
    }
    var decls: [String] = []
    var body: [String] = []
    let declaresMain = stmts.contains { if case .funcDecl(let f) = $0.kind { return f.name == "main" && f.receiver == nil } else { return false } }
    func topLevel(_ s: Stmt) {
      switch s.kind {
      case .typeDecl, .typeAlias, .genericTypeDecl, .funcDecl, .constDecl:
        decls.append(statement(s, indent: 0).joined(separator: "\n"))
      case .declGroup(let group):
        if group.contains(where: { if case .constDecl = $0.kind { return true } else { return false } }) {
          decls.append(statement(s, indent: 0).joined(separator: "\n"))
        } else {
          for g in group { topLevel(g) }
        }
      case .varDecl(let names, let type, let values):
        for (n, span) in names where n != "_" {
          if let g = globalAt[span.start] { decls.append("var \(n) \(typeName(g.type))") }
        }
        if !values.isEmpty {
          body += assignment(names.map { GoNode.text($0.0) }, "=", values, indent: 1, typeHint: type)
        } else if type == nil {
          body += statement(s, indent: 1)
        }
      case .assign(let lhs, let op, let rhs) where op == ":=":
        for l in lhs {
          if case .identifier(let n) = l.kind, let g = globalAt[l.span.start] {
            decls.append("var \(n) \(typeName(g.type))")
          }
        }
        body += assignment(lhs.map(expr), "=", rhs, indent: 1)
      case .assign(let lhs, "=", _):
        // `x = e` that declares x (GCScript's convenience) at the top level: a global.
        for l in lhs {
          if case .identifier(let n) = l.kind, let g = globalAt[l.span.start] {
            decls.append("var \(n) \(typeName(g.type))")
          }
        }
        body += statement(s, indent: 1)
      case .package, .imports, .empty: break
      default:
        body += statement(s, indent: 1)
      }
    }
    for s in stmts { topLevel(s) }
    let header = """
      // Code generated by gcsh export-go from \(source.name) for \(profile.name); the real program
      // the script stands for. Each stats statement is a call of gcshStats, which prints the JSON
      // line gcsh --format jsonl prints for it (real numbers: MemStats and the RSS) without
      // allocating. Run it as: GODEBUG=gctrace=1,scavtrace=1 go run main.go
      """
    let mainName = declaresMain ? "init" : "main"
    let mainFunc = "func \(mainName)() {\n" + body.joined(separator: "\n") + (body.isEmpty ? "" : "\n") + "}"
    let helpers = GoCheckpoint.source(profile: profile)
    let importBlock = "import (\n" + imports.sorted().map { "\t\"\($0)\"" }.joined(separator: "\n") + "\n)"
    var parts = [header + "\npackage main", importBlock]
    if declaresMain { parts.append(mainFunc) }
    // Consecutive one-line `var` declarations stay together; other declarations are set apart
    // by a blank line (gofmt keeps both).
    for d in decls {
      if d.hasPrefix("var "), !d.contains("\n"), let last = parts.last, last.hasPrefix("var "),
        !last.hasSuffix("}")
      {
        parts[parts.count - 1] += "\n" + d
      } else {
        parts.append(d)
      }
    }
    if !declaresMain { parts.append(mainFunc) }
    parts.append(helpers)
    return parts.joined(separator: "\n\n") + "\n"
  }

  // MARK: Statements

  private func tabs(_ n: Int) -> String { String(repeating: "\t", count: n) }

  /// A statement's lines at an indentation.
  func statement(_ s: Stmt, indent: Int) -> [String] {
    let pad = tabs(indent)
    let layout = GoLayout(indent: indent)
    switch s.kind {
    case .expression(let e): return [pad + layout.expr(expr(e))]
    case .assign(let lhs, let op, let rhs):
      var op = op
      if op == "=", lhs.contains(where: { if case .identifier = $0.kind { return localAt.contains($0.span.start) } else { return false } }) {
        op = ":="
      }
      return assignment(lhs.map(expr), op, rhs, indent: indent)
    case .incDec(let x, let inc):
      return [pad + layout.expr1(expr(x), 0, 2) + (inc ? "++" : "--")]
    case .varDecl(let names, let type, let values):
      var line = pad + "var " + names.map(\.0).joined(separator: ", ")
      if let type { line += " " + typeText(type, indent: indent) }
      if !values.isEmpty { line += " = " + layout.list(values.map(expr)) }
      return [line]
    case .constDecl:
      return [pad + "const " + constSpec(s, indent: indent)]
    case .typeDecl(let name, let te):
      return [pad + "type \(name) " + typeText(te, indent: indent)]
    case .typeAlias(let name, let te):
      return [pad + "type \(name) = " + typeText(te, indent: indent)]
    case .genericTypeDecl(let name, let params, let te):
      return [pad + "type \(name)" + typeParamsText(params, indent: indent) + " " + typeText(te, indent: indent)]
    case .funcDecl(let f):
      // The directive the script wrote keeps its meaning in the real program (a function the
      // compiler must not inline allocates what the lesson says it does).
      let directive = f.noinline ? [pad + "//go:noinline"] : []
      return directive + [pad + funcHeader(f, indent: indent) + block(f.body, indent: indent)]
    case .declGroup(let group):
      if group.contains(where: { if case .constDecl = $0.kind { return true } else { return false } }) {
        return constGroup(group, indent: indent)
      }
      return group.flatMap { statement($0, indent: indent) }
    case .block(let body): return [pad + block(body, indent: indent)]
    case .ifStmt: return [pad + ifText(s, indent: indent)]
    case .forStmt(let initial, let cond, let post, let body):
      var head = "for"
      if initial != nil || post != nil {
        head += " " + (initial.map { simple($0, indent: indent) } ?? "") + "; "
          + (cond.map { layout.expr(stripParens(expr($0))) } ?? "") + "; "
          + (post.map { simple($0, indent: indent) } ?? "")
        head = head.trimmingTrailingBlank
      } else if let cond {
        head += " " + layout.expr(stripParens(expr(cond)))
      }
      return [pad + head + " " + block(body, indent: indent)]
    case .rangeStmt(let key, let value, let define, let over, let body):
      var head = "for "
      if let key {
        head += layout.expr(expr(key))
        if let value { head += ", " + layout.expr(expr(value)) }
        head += define ? " := " : " = "
      }
      head += "range " + layout.expr(stripParens(expr(over)))
      return [pad + head + " " + block(body, indent: indent)]
    case .returnStmt(let e): return [pad + "return" + (e.map { " " + layout.expr(expr($0)) } ?? "")]
    case .returnValues(let es): return [pad + "return " + layout.list(es.map(expr))]
    case .breakStmt: return [pad + "break"]
    case .continueStmt: return [pad + "continue"]
    case .labeledBranch(let keyword, let label): return [pad + keyword + " " + label]
    case .labeled(let label, let inner):
      // gofmt writes a label one level out, and the statement on its own line.
      return [tabs(max(0, indent - 1)) + label + ":"] + statement(inner, indent: indent)
    case .gotoStmt(let label): return [pad + "goto " + label]
    case .fallthroughStmt: return [pad + "fallthrough"]
    case .switchStmt(let initial, let tag, let binding, let clauses):
      var head = "switch "
      if let initial { head += simple(initial, indent: indent) + "; " }
      if let tag {
        if let binding { head += binding + " := " }
        head += layout.expr(stripParens(expr(tag)))
      }
      head = head.trimmingTrailingBlank
      return [pad + head + " {"] + clauses.flatMap { clause($0, indent: indent) } + [pad + "}"]
    case .selectStmt(let clauses):
      return [pad + "select {"] + clauses.flatMap { clause($0, indent: indent) } + [pad + "}"]
    case .goStmt(let e): return [pad + "go " + layout.expr(expr(e))]
    case .deferStmt(let e): return [pad + "defer " + layout.expr(expr(e))]
    case .send(let ch, let v): return [pad + layout.expr(expr(ch)) + " <- " + layout.expr(expr(v))]
    case .sleep(let d):
      return [pad + layout.expr(.call(.text("time.Sleep"), [expr(d)], ellipsis: false))]
    case .gc: return [pad + "runtime.GC()"]
    case .free:
      imports.insert("runtime/debug")
      return [pad + "debug.FreeOSMemory()"]
    case .stats(let label, _):
      return [pad + layout.expr(.call(.text("gcshStats"), label.map(expr), ellipsis: false))]
    case .expect, .why, .roots, .heapMap:
      return [pad + "// gcsh: " + GoExporter.text(of: s.span, in: source)]
    case .explain(let on):
      return [pad + "// gcsh: explain" + (on ? "" : " off") + " (its narration)"]
    case .set(let name, let value):
      imports.insert("runtime/debug")
      let off: Bool = { if case .string("off") = value.kind { return true } else { return false } }()
      if name.uppercased() == "GOGC" {
        return [pad + "debug.SetGCPercent(" + (off ? "-1" : layout.expr(expr(value))) + ")"]
      }
      if off {
        imports.insert("math")
        return [pad + "debug.SetMemoryLimit(math.MaxInt64)"]
      }
      if case .string(let text) = value.kind, let bytes = parseSize(text) {
        return [pad + "debug.SetMemoryLimit(" + layout.expr(sizeNode(bytes, unitOf: text)) + ")"]
      }
      return [pad + "debug.SetMemoryLimit(" + layout.expr(expr(value)) + ")"]
    case .print(let args, let newline):
      imports.insert("fmt")
      return [pad + layout.expr(.call(.text(newline ? "fmt.Println" : "fmt.Print"), args.map(expr), ellipsis: false))]
    case .builtinPrint(let args, let newline):
      return [pad + layout.expr(.call(.text(newline ? "println" : "print"), args.map(expr), ellipsis: false))]
    case .printf(let f, let args):
      imports.insert("fmt")
      return [pad + layout.expr(.call(.text("fmt.Printf"), ([f] + args).map(expr), ellipsis: false))]
    case .package, .imports, .empty: return []
    }
  }

  /// `a, b = x, y` (go/printer: depth 2 when both sides have several expressions).
  func assignment(_ lhs: [GoNode], _ op: String, _ rhs: [Expr], indent: Int, typeHint: TypeExpr? = nil) -> [String] {
    let depth = lhs.count > 1 && rhs.count > 1 ? 2 : 1
    let layout = GoLayout(indent: indent)
    return [tabs(indent) + layout.list(lhs, depth: depth) + " \(op) " + layout.list(rhs.map(expr), depth: depth)]
  }

  /// A simple statement in an if/for/switch header (no indentation of its own).
  func simple(_ s: Stmt, indent: Int) -> String {
    (statement(s, indent: indent).first ?? "").trimmingLeadingTabs
  }

  /// `{`, the body one level in, `}` at the statement's indentation.
  func block(_ body: [Stmt], indent: Int) -> String {
    let lines = body.flatMap { statement($0, indent: indent + 1) }
    if lines.isEmpty { return "{\n" + tabs(indent) + "}" }
    return "{\n" + lines.joined(separator: "\n") + "\n" + tabs(indent) + "}"
  }

  func ifText(_ s: Stmt, indent: Int) -> String {
    guard case .ifStmt(let initial, let cond, let then, let other) = s.kind else { return "" }
    var head = "if "
    if let initial { head += simple(initial, indent: indent) + "; " }
    head += GoLayout(indent: indent).expr(stripParens(expr(cond)))
    var out = head + " " + block(then, indent: indent)
    if let other {
      if case .ifStmt = other.kind {
        out += " else " + ifText(other, indent: indent)
      } else if case .block(let body) = other.kind {
        out += " else " + block(body, indent: indent)
      } else {
        out += " else " + block([other], indent: indent)
      }
    }
    return out
  }

  func clause(_ c: CaseClause, indent: Int) -> [String] {
    let layout = GoLayout(indent: indent)
    var head: String
    if c.isDefault {
      head = "default:"
    } else if let comm = c.communication {
      head = "case " + simple(comm, indent: indent) + ":"
    } else {
      head = "case " + layout.list(c.values.map(caseValue)) + ":"
    }
    return [tabs(indent) + head] + c.body.flatMap { statement($0, indent: indent + 1) }
  }

  /// A case's value: an expression, or a type in a type switch (a type expression, or a name).
  func caseValue(_ e: Expr) -> GoNode { expr(e) }

  // MARK: Declarations

  func funcHeader(_ f: FuncDecl, indent: Int) -> String {
    var out = "func "
    if let r = f.receiver {
      out += "(" + (r.name.map { $0 + " " } ?? "") + typeText(r.type, indent: indent) + ") "
    }
    return out + f.name + typeParamsText(f.typeParams, indent: indent) + signature(f, indent: indent) + " "
  }

  /// `[K comparable, V any]`: type parameters, those sharing a constraint grouped as written
  /// (`[T, U any]`); an implicit union constraint written bare (`[N ~int | ~float64]`).
  func typeParamsText(_ params: [TypeParam], indent: Int) -> String {
    guard !params.isEmpty else { return "" }
    var groups: [(names: [String], constraint: TypeExpr)] = []
    for p in params {
      if let last = groups.last, last.constraint.span?.start == p.constraint.span?.start, p.constraint.span != nil {
        groups[groups.count - 1].names.append(p.name)
      } else {
        groups.append(([p.name], p.constraint))
      }
    }
    return "[" + groups.map { g in
      var c = typeText(g.constraint, indent: indent)
      if case .interface(let els, _) = g.constraint, els.count == 1, case .union(let terms, _) = els[0] { c = unionText(terms, indent: indent) }
      return g.names.joined(separator: ", ") + " " + c
    }.joined(separator: ", ") + "]"
  }

  func unionText(_ terms: [UnionTerm], indent: Int) -> String {
    terms.map { ($0.tilde ? "~" : "") + typeText($0.type, indent: indent) }.joined(separator: " | ")
  }

  /// `(a int, xs ...string) (int, error)`: parameters and results as declared.
  func signature(_ f: FuncDecl, indent: Int) -> String {
    let params = f.paramList.isEmpty ? f.params.map { Param(name: $0.0, type: $0.1, span: f.span) } : f.paramList
    return paramsText(params, variadic: f.variadic, indent: indent) + resultsText(f.results, indent: indent)
  }

  func paramsText(_ params: [Param], variadic: Bool, indent: Int) -> String {
    var parts: [String] = []
    for (k, p) in params.enumerated() {
      let dots = variadic && k == params.count - 1 ? "..." : ""
      parts.append((p.name.map { $0 + " " } ?? "") + dots + typeText(p.type, indent: indent))
    }
    return "(" + parts.joined(separator: ", ") + ")"
  }

  func resultsText(_ results: [Param], indent: Int) -> String {
    if results.isEmpty { return "" }
    if results.count == 1 && results[0].name == nil { return " " + typeText(results[0].type, indent: indent) }
    return " " + paramsText(results, variadic: false, indent: indent)
  }

  /// One constant spec (`a, b T = x, y`, or just the names in a group).
  func constSpec(_ s: Stmt, indent: Int, namePad: Int = 0) -> String {
    guard case .constDecl(let names, let type, let values, _) = s.kind else { return "" }
    var out = names.map(\.0).joined(separator: ", ")
    if values.isEmpty && type == nil { return out }
    out += String(repeating: " ", count: max(0, namePad - out.count))
    if let type { out += " " + typeText(type, indent: indent) }
    if !values.isEmpty { out += " = " + GoLayout(indent: indent).list(values.map(expr)) }
    return out
  }

  /// `const ( ... )`, with gofmt's alignment: in each run of specs that have values (a spec
  /// without one, which repeats the previous spec's, ends a run), names are padded to the
  /// widest.
  func constGroup(_ group: [Stmt], indent: Int) -> [String] {
    // A spec written without values repeats the previous spec's (the parser shares the same
    // expressions): print it as written, names only.
    var group = group
    for k in group.indices.dropFirst() {
      if case .constDecl(let names, let type, let values, let iota) = group[k].kind,
        case .constDecl(_, _, let previous, _) = group[k - 1].kind,
        let first = values.first, let prev = previous.first, first === prev
      {
        _ = type
        group[k] = Stmt(.constDecl(names, nil, [], iota: iota), group[k].span)
      }
    }
    var lines = [tabs(indent) + "const ("]
    var k = 0
    while k < group.count {
      var end = k
      var width = 0
      while end < group.count, case .constDecl(let names, let type, let values, _) = group[end].kind,
        !values.isEmpty || type != nil
      {
        width = max(width, names.map(\.0).joined(separator: ", ").count)
        end += 1
      }
      if end == k {
        lines.append(tabs(indent + 1) + constSpec(group[k], indent: indent + 1))
        k += 1
        continue
      }
      for j in k..<end { lines.append(tabs(indent + 1) + constSpec(group[j], indent: indent + 1, namePad: width)) }
      k = end
    }
    return lines + [tabs(indent) + ")"]
  }

  // MARK: Types

  /// A type as written (struct and interface types with members span lines, as gofmt keeps
  /// them; their fields are aligned).
  func typeText(_ t: TypeExpr, indent: Int) -> String {
    switch t {
    case .name(let n, _): return n
    case .qualified(let p, let n, _):
      usePackage(p)
      return p + "." + n
    case .pointer(let e): return "*" + typeText(e, indent: indent)
    case .slice(let e): return "[]" + typeText(e, indent: indent)
    case .array(let n, let e): return "[" + GoLayout(indent: indent).expr(expr(n)) + "]" + typeText(e, indent: indent)
    case .inferredArray(let e, _): return "[...]" + typeText(e, indent: indent)
    case .map(let k, let v, _): return "map[" + typeText(k, indent: indent) + "]" + typeText(v, indent: indent)
    case .chan(let e, let dir, _):
      let elem = typeText(e, indent: indent)
      switch dir {
      case .both: return "chan " + elem
      case .send: return "chan<- " + elem
      case .receive: return "<-chan " + elem
      }
    case .function(let params, let results, let variadic, _):
      return "func" + paramsText(params, variadic: variadic, indent: indent) + resultsText(results, indent: indent)
    case .structure(let fields):
      if fields.isEmpty { return "struct{}" }
      let width = fields.map(\.name.count).max() ?? 0
      let lines = fields.map { f in
        tabs(indent + 1) + f.name + String(repeating: " ", count: width - f.name.count + 1) + typeText(f.type, indent: indent + 1)
      }
      return "struct {\n" + lines.joined(separator: "\n") + "\n" + tabs(indent) + "}"
    case .interface(let elements, _):
      if elements.isEmpty { return "interface{}" }
      var lines: [String] = []
      for el in elements {
        switch el {
        case .method(let name, let params, let results, let variadic, _):
          lines.append(tabs(indent + 1) + name + paramsText(params, variadic: variadic, indent: indent + 1) + resultsText(results, indent: indent + 1))
        case .embedded(let t): lines.append(tabs(indent + 1) + typeText(t, indent: indent + 1))
        case .union(let terms, _): lines.append(tabs(indent + 1) + unionText(terms, indent: indent + 1))
        }
      }
      return "interface {\n" + lines.joined(separator: "\n") + "\n" + tabs(indent) + "}"
    case .instance(let base, let arguments, _):
      // weak.Pointer[T], the one instantiated type the checker accepts.
      return typeText(base, indent: indent) + "[" + arguments.map { typeText($0, indent: indent) }.joined(separator: ", ") + "]"
    case .unsupportedStruct:
      // The checker refuses it (struct tags and embedding are not run by gcsh).
      return "/* unsupported */"
    }
  }

  /// A checked type as Go spells it (the checker's spelling; a type of the script is its name).
  func typeName(_ t: GoType) -> String {
    let text = t.description
    // A package's name as a qualifier: `weak.` not preceded by a letter of a longer name.
    for p in Self.packages.keys {
      var rest = Substring(text)
      while let r = rest.firstRange(of: p + ".") {
        let before = rest[..<r.lowerBound].last
        if !(before.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false) {
          usePackage(p)
          break
        }
        rest = rest[r.upperBound...]
      }
    }
    return text
  }

  private func usePackage(_ p: String) {
    if !declaredNames.contains(p), let path = Self.packages[p] { imports.insert(path) }
  }

  // MARK: Expressions

  /// A GCScript expression as a Go expression.
  func expr(_ e: Expr) -> GoNode {
    switch e.kind {
    case .string(let value):
      // As written, unless the tree made the string (an expectation's checkpoint label).
      let written = GoExporter.text(of: e.span, in: source)
      if written.hasPrefix("\"") || written.hasPrefix("`") { return .text(written) }
      return .text(goQuote(value))
    case .int, .float, .rune:
      return .text(GoExporter.text(of: e.span, in: source))
    case .unitLiteral(let t):
      if let ns = checker.parseDurationLiteral(t) { return durationNode(ns) }
      if let bytes = parseSize(t) { return sizeNode(bytes, unitOf: t) }
      return .text(t)
    case .identifier(let n): return .text(n)
    case .unary(let op, let x): return .unary(op, operand(x))
    case .binary(let op, let l, let r): return .binary(op, operand(l), operand(r))
    case .call(let f, let args, let ellipsis): return .call(expr(f), args.map(expr), ellipsis: ellipsis)
    case .index(let b, let i): return .index(operand(b), expr(i))
    case .slice(let b, let lo, let hi, let max):
      return .slice(operand(b), lo.map { expr($0) }, hi.map { expr($0) }, max.map { expr($0) })
    case .selector(let b, let name):
      if case .identifier(let p) = b.kind { usePackage(p) }
      return .selector(operand(b), name)
    case .composite(let te, let elements):
      return .composite(te.map { typeText($0, indent: 0) }, elements.map { el in (el.key.map { expr($0) }, expr(el.value)) })
    case .type(let te): return .text(typeText(te, indent: 0))
    case .paren(let x): return .paren(expr(x))
    case .funcLit(let f):
      let header = "func" + signature(f, indent: 0)
      let lines = f.body.flatMap { statement($0, indent: 1) }
      return .funcLit(header, lines)
    case .typeAssert(let x, let t): return .typeAssert(operand(x), t.map { typeText($0, indent: 0) })
    case .instantiation(let x, _): return expr(x)
    }
  }

  /// An operand of an operator: a literal the exporter spells as an expression of its own
  /// (`5 * time.Second`) is parenthesised, so `x / 5s` stays `x / (5 * time.Second)`.
  private func operand(_ e: Expr) -> GoNode {
    let n = expr(e)
    if case .unitLiteral = e.kind, case .binary = n { return .paren(n) }
    return n
  }

  /// A duration in the largest of time's units that divides it: `5 * time.Second`,
  /// `150 * time.Millisecond`, `time.Minute`.
  func durationNode(_ ns: Int64) -> GoNode {
    let units: [(Int64, String)] = [
      (3_600_000_000_000, "time.Hour"), (60_000_000_000, "time.Minute"), (1_000_000_000, "time.Second"),
      (1_000_000, "time.Millisecond"), (1_000, "time.Microsecond"), (1, "time.Nanosecond"),
    ]
    let (unit, name) = units.first { ns % $0.0 == 0 } ?? (1, "time.Nanosecond")
    let n = ns / unit
    return n == 1 ? .text(name) : .binary("*", .text(String(n)), .text(name))
  }

  /// A size: `200 << 20` for binary units (KiB … TiB), the number of bytes for decimal ones.
  func sizeNode(_ bytes: Int, unitOf text: String) -> GoNode {
    let binary = ["TiB": 40, "GiB": 30, "MiB": 20, "KiB": 10]
    if let (_, shift) = binary.first(where: { text.hasSuffix($0.key) }) {
      for s in stride(from: shift, through: 10, by: -10) where bytes % (1 << s) == 0 {
        return .binary("<<", .text(String(bytes >> s)), .text(String(s)))
      }
    }
    return .text(String(bytes))
  }

  /// A Go string literal for a value (strconv.Quote's escapes for what a label can hold).
  func goQuote(_ value: String) -> String {
    var out = "\""
    for u in value.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if u.value < 0x20 || u.value == 0x7f {
          let hex = String(u.value, radix: 16)
          out += "\\x" + (hex.count < 2 ? "0" : "") + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }

  /// gofmt drops the parentheses around a header's expression (stripParens).
  func stripParens(_ n: GoNode) -> GoNode {
    if case .paren(let x) = n, case .composite = x { return n }
    if case .paren(let x) = n { return stripParens(x) }
    return n
  }
}

extension String {
  fileprivate var trimmingTrailingBlank: String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
  fileprivate var trimmingLeadingTabs: String { String(drop { $0 == "\t" }) }
}
