// A compact S-expression rendering of parsed trees, so parser tests can check the tree itself.

@testable import GCScript

func dump(_ t: TypeExpr) -> String {
  switch t {
  case .name(let n, _): return n
  case .qualified(let p, let n, _): return "\(p).\(n)"
  case .pointer(let e): return "*\(dump(e))"
  case .slice(let e): return "[]\(dump(e))"
  case .array(let n, let e): return "[\(dump(n))]\(dump(e))"
  case .structure(let fs):
    return "struct{" + fs.map { $0.embedded ? "embedded \(dump($0.type))" : "\($0.name) \(dump($0.type))" }.joined(separator: "; ") + "}"
  case .inferredArray(let e, _): return "[...]\(dump(e))"
  case .map(let k, let v, _): return "map[\(dump(k))]\(dump(v))"
  case .chan(let e, let dir, _):
    switch dir {
    case .both: return "chan \(dump(e))"
    case .send: return "chan<- \(dump(e))"
    case .receive: return "<-chan \(dump(e))"
    }
  case .function(let params, let results, _, _):
    return "func(" + params.map { dump($0.type) }.joined(separator: ", ") + ")(" + results.map { dump($0.type) }.joined(separator: ", ") + ")"
  case .interface(let elements, _):
    if elements.isEmpty { return "interface" }
    return "interface{" + elements.map { el -> String in
      switch el {
      case .method(let name, let params, let results, _, _):
        return name + "(" + params.map { dump($0.type) }.joined(separator: ", ") + ")(" + results.map { dump($0.type) }.joined(separator: ", ") + ")"
      case .embedded(let t): return dump(t)
      case .union(let terms, _): return terms.map { ($0.tilde ? "~" : "") + dump($0.type) }.joined(separator: "|")
      }
    }.joined(separator: "; ") + "}"
  case .instance(let b, let arguments, _): return "generic(\(([b] + arguments).map(dump).joined(separator: ", ")))"
  case .unsupportedStruct(let what, _): return "struct(\(what))"
  }
}

/// `[T any, N ~int|float64]`; nothing without type parameters.
func dump(_ ps: [TypeParam]) -> String {
  ps.isEmpty ? "" : "[" + ps.map { "\($0.name) \(dump($0.constraint))" }.joined(separator: ", ") + "]"
}

func dump(_ e: Expr) -> String {
  switch e.kind {
  case .int(let v): return "\(v)"
  case .float(let v): return "\(v)"
  case .rune(let v): return "'\(v)'"
  case .string(let s): return "\"\(s)\""
  case .unitLiteral(let s): return s
  case .identifier(let n): return n
  case .unary(let o, let x): return "(\(o) \(dump(x)))"
  case .binary(let o, let l, let r): return "(\(o) \(dump(l)) \(dump(r)))"
  case .call(let f, let args, let ell):
    return "(call \(dump(f))" + args.map { " " + dump($0) }.joined() + (ell ? " ..." : "") + ")"
  case .index(let b, let i): return "(index \(dump(b)) \(dump(i)))"
  case .slice(let b, let lo, let hi, let mx):
    return "(slice \(dump(b)) \(lo.map(dump) ?? "_") \(hi.map(dump) ?? "_") \(mx.map(dump) ?? "_"))"
  case .selector(let b, let n): return "(. \(dump(b)) \(n))"
  case .composite(let t, let elems):
    return "(lit \(t.map(dump) ?? "_")" + elems.map { " " + ($0.key.map { dump($0) + ":" } ?? "") + dump($0.value) }.joined() + ")"
  case .type(let t): return "(type \(dump(t)))"
  case .paren(let x): return dump(x)
  case .funcLit(let f): return "(funclit \(f.params.count) \(f.body.count))"
  case .typeAssert(let x, let t): return "(assert \(dump(x)) \(t.map(dump) ?? "type"))"
  case .instantiation(let x, let arguments): return "(instantiate \(([x] + arguments).map(dump).joined(separator: " ")))"
  }
}

func dump(_ s: Stmt) -> String {
  func list(_ b: [Stmt]) -> String { "{" + b.map(dump).joined(separator: "; ") + "}" }
  switch s.kind {
  case .expression(let e): return dump(e)
  case .assign(let l, let op, let r):
    return "(\(op) " + l.map(dump).joined(separator: ",") + " " + r.map(dump).joined(separator: ",") + ")"
  case .incDec(let e, let inc): return "(\(inc ? "++" : "--") \(dump(e)))"
  case .varDecl(let ns, let t, let vs):
    return "(var " + ns.map(\.0).joined(separator: ",") + (t.map { " " + dump($0) } ?? "") + vs.map { " " + dump($0) }.joined() + ")"
  case .constDecl(let ns, let t, let vs, let iota):
    return "(const " + ns.map(\.0).joined(separator: ",") + (t.map { " " + dump($0) } ?? "") + vs.map { " " + dump($0) }.joined() + (iota > 0 ? " #\(iota)" : "") + ")"
  case .typeDecl(let n, let t): return "(type \(n) \(dump(t)))"
  case .typeAlias(let n, let t): return "(type \(n) = \(dump(t)))"
  case .genericTypeDecl(let n, let ps, let t): return "(type \(n)\(dump(ps)) \(dump(t)))"
  case .funcDecl(let f):
    let recv = f.receiver.map { "(\($0.name ?? "_") \(dump($0.type))) " } ?? ""
    let params = f.paramList.map { ($0.name ?? "_") + " " + dump($0.type) }.joined(separator: ", ")
    let results = f.results.map { ($0.name.map { $0 + " " } ?? "") + dump($0.type) }.joined(separator: ", ")
    return "(func \(recv)\(f.name)\(dump(f.typeParams))(\(params)\(f.variadic ? " ..." : ""))(\(results))\(f.noinline ? " noinline" : "") \(list(f.body)))"
  case .block(let b): return list(b)
  case .declGroup(let b): return list(b)
  case .ifStmt(let i, let c, let t, let e):
    return "(if \(i.map(dump) ?? "_") \(dump(c)) \(list(t)) \(e.map(dump) ?? "_"))"
  case .forStmt(let i, let c, let p, let b):
    return "(for \(i.map(dump) ?? "_") \(c.map(dump) ?? "_") \(p.map(dump) ?? "_") \(list(b)))"
  case .rangeStmt(let k, let v, let d, let o, let b):
    return "(range \(k.map(dump) ?? "_") \(v.map(dump) ?? "_") \(d ? ":=" : "=") \(dump(o)) \(list(b)))"
  case .returnStmt(let e): return "(return\(e.map { " " + dump($0) } ?? ""))"
  case .returnValues(let es): return "(return " + es.map(dump).joined(separator: " ") + ")"
  case .breakStmt: return "break"
  case .continueStmt: return "continue"
  case .labeledBranch(let k, let l): return "(\(k) \(l))"
  case .labeled(let l, let s): return "(label \(l) \(dump(s)))"
  case .gotoStmt(let l): return "(goto \(l))"
  case .fallthroughStmt: return "fallthrough"
  case .switchStmt(let i, let t, let b, let cs):
    return "(switch \(i.map(dump) ?? "_") \(b.map { $0 + " := " } ?? "")\(t.map(dump) ?? "_")"
      + cs.map { " (" + ($0.isDefault ? "default" : "case " + $0.values.map(dump).joined(separator: ",")) + " " + list($0.body) + ")" }.joined() + ")"
  case .selectStmt(let cs): return "(select \(cs.count))"
  case .goStmt(let e): return "(go \(dump(e)))"
  case .deferStmt(let e): return "(defer \(dump(e)))"
  case .send(let c, let v): return "(<- \(dump(c)) \(dump(v)))"
  case .sleep(let e): return "(sleep \(dump(e)))"
  case .gc: return "gc"
  case .free: return "free"
  case .stats(let l, let v): return "(stats\(v.map { " " + $0 } ?? "")" + l.map { " " + dump($0) }.joined() + ")"
  case .expect(let e): return "(expect \(dump(e)))"
  case .why(let w): return "(why\(w.map { " " + $0 } ?? ""))"
  case .roots: return "roots"
  case .explain(let on): return on ? "explain" : "(explain off)"
  case .heapMap: return "heap"
  case .set(let n, let v): return "(set \(n) \(dump(v)))"
  case .print(let args, _): return "(print" + args.map { " " + dump($0) }.joined() + ")"
  case .builtinPrint(let args, let newline):
    return "(" + (newline ? "println" : "print") + "-builtin" + args.map { " " + dump($0) }.joined() + ")"
  case .printf(let f, let args): return "(printf \(dump(f))" + args.map { " " + dump($0) }.joined() + ")"
  case .package(let n): return "(package \(n))"
  case .imports(let ps):
    return "(import " + ps.map { ($0.name.map { $0 + " " } ?? "") + $0.path }.joined(separator: " ") + ")"
  case .empty: return "()"
  }
}

/// The parsed program as one line per top-level statement.
func tree(_ source: String) -> String {
  var p = Parser(Source(name: "test.gcs", text: source))
  return p.parseProgram().map(dump).joined(separator: "\n")
}
