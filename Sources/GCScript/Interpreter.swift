// Interpreter: runs GCScript on a simulated Go runtime.
//
// Each top-level statement is compiled (names resolved to frame slots, static types checked,
// AST turned into Swift closures) right before it runs, so a script's earlier statements have run
// when a later one fails — as the REPL runs each entry. Function and type declarations are
// hoisted first, so code can call a function declared further down, as in Go; a `func main` runs
// after the top-level statements.
//
// Variables are roots: the globals frame and the call stack (the frames of calls in progress,
// CallStack.swift) are the runtime's RootSources, and a block's variables are cleared when the
// block ends, so they stop keeping objects alive exactly when Go's would (DESIGN.md).
//
// Speed: the compiled closures are built so that a loop step costs few closure calls and no
// reference counting — closures travel in small structs, never bare in Arrays or Optionals
// (Compiler+Expressions.swift says why), integers are evaluated and stored unboxed, and hot
// statements run their statement step inline (`step`). Local variables are reached through
// the running frame's slot buffer (`locals`), not the frame object; what the compiler knows
// statically it uses: an assignment to a variable writes the slot itself, `p = new(T)`
// allocates into it, `i < n` with a constant reads the slot in the operator's closure, and a
// counting loop runs its test and `i++` inline (Compiler+Loops.swift).

import GoHeap

/// Where program output and `stats` requests go (GCReport renders them).
public protocol ScriptHost: AnyObject {
  /// Program output (print, fmt.Println): one chunk of text, newline included.
  func output(_ text: String)
  /// A `stats` statement: the label, and the view asked for (`memstats`, `gctrace`, ...).
  func stats(label: String?, view: String?)
  /// An `expect` statement ran: whether it held, the check as written, and the actual value.
  func expectation(_ result: ExpectationResult)
  /// `why`: break a number down by cause (`rss` by default).
  func why(_ what: String?)
  /// `roots`: variables that are roots, with the objects and bytes each keeps alive.
  func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)])
  /// A top-level statement (or one of `main`'s) finished: its source text, for explanations.
  func statementFinished(_ text: String)
  /// `explain` / `explain off`: narrate what the runtime did after each statement.
  func setExplain(_ on: Bool)
  /// `heap`: draw the span map.
  func heapMap()
}

extension ScriptHost {
  public func statementFinished(_ text: String) {}
  public func setExplain(_ on: Bool) {}
  public func heapMap() {}
  public func why(_ what: String?) {}
  public func roots(_ list: [(name: String, type: String, objects: Int, bytes: Int)]) {}
}

/// The outcome of one `expect`.
public struct ExpectationResult: Sendable {
  public let passed: Bool
  /// The check as written: `RSS < 20MiB`.
  public let check: String
  /// The measured quantity and its value, formatted: `RSS is 381.9 MiB`.
  public let actual: String
  /// Where the expect statement is, located.
  public let error: ScriptError
}

/// How a statement ended.
enum Flow {
  case normal, breakLoop, continueLoop, returned
}

/// Set from a signal handler: the running script should stop at its next loop iteration or
/// statement (Ctrl-C).
public enum Interrupt {
  nonisolated(unsafe) public static var requested = false
}

/// Runs programs, keeping variables, types and functions across runs (the REPL's session).
public final class Interpreter {
  public let heap: GoRuntime
  public weak var host: ScriptHost?
  let globals = Frame(size: 0)
  /// The running call's slots: what compiled code reads and writes for a local variable. The
  /// buffer, not its Frame: a class reference cost a retain and a release per access and per
  /// call; the call stack keeps the frames alive. (Top-level code has no locals — its variables
  /// are globals — so at top level this is `globals`' buffer and unused, as that buffer moves
  /// when a global is added.)
  var locals: Slots
  /// Frames of the user-function calls in progress (a root source).
  let callStack = CallStack()
  let globalScope: Scope
  var functions: [String: FunctionInfo] = [:]
  var returnValue: Value = .null
  /// REPL: a bare expression at top level prints its value instead of being an error.
  public var echoExpressions = false
  /// `expect` statements that failed so far.
  public internal(set) var failedExpectations = 0
  /// The source being run, for locating errors.
  var source: Source = Source(name: "<none>", text: "")

  public init(heap: GoRuntime, host: ScriptHost? = nil) {
    self.heap = heap
    self.host = host
    locals = globals.slots
    globalScope = Scope(parent: nil, function: nil)
    heap.addRoots(globals)
    heap.addRoots(callStack)
  }

  /// Names a REPL can complete: variables, constants, types and functions in the global scope.
  public var globalNames: [String] { globalScope.names.keys.sorted() }

  /// Global variables and their types (for `roots`-style listings).
  public var globalVariables: [(name: String, type: GoType, value: Value)] {
    globalScope.names.compactMap { (n, e) in
      if case .variable(let slot, true, let t) = e { return (n, t, globals[slot]) }
      return nil
    }.sorted { $0.name < $1.name }
  }

  /// Parses `source`; returns the statements or the syntax errors (located).
  public static func parse(_ source: Source) -> ([Stmt], [ScriptError], incomplete: Bool) {
    var parser = Parser(source)
    let stmts = parser.parseProgram()
    return (stmts, parser.errors.map { $0.located(in: source) }, parser.isIncomplete)
  }

  /// Runs parsed statements of `source`: hoists declarations, then runs each statement, then
  /// `main` if this run declared it. Throws the first runtime error, located.
  public func run(_ stmts: [Stmt], source: Source, runMain: Bool = true) throws {
    self.source = source
    do {
      try hoist(stmts)
      for s in stmts {
        let exec = try compileTopLevel(s)
        _ = try exec(self)
        finished(s)
      }
      if runMain, stmts.contains(where: { if case .funcDecl(let f) = $0.kind { return f.name == "main" }; return false }),
        let main = functions["main"]
      {
        _ = try call(main, args: [], span: main.decl.span)
      }
    } catch let e as ScriptError {
      locals = globals.slots
      callStack.unwind()
      throw e.located(in: source)
    }
  }

  /// Tells the host a narrated statement finished (declarations are not narrated).
  func finished(_ s: Stmt) {
    switch s.kind {
    case .funcDecl, .typeDecl, .package, .imports, .empty, .constDecl: return
    default: break
    }
    let text = source.text.utf8
    let a = text.index(text.startIndex, offsetBy: min(s.span.start, text.count))
    let b = text.index(text.startIndex, offsetBy: min(s.span.end, text.count))
    let line = (String(text[a..<b]) ?? "").split(separator: "\n").first.map(String.init) ?? ""
    host?.statementFinished(line)
  }

  /// Declares every top-level type and function before anything runs.
  func hoist(_ stmts: [Stmt]) throws {
    for s in stmts {
      switch s.kind {
      case .typeDecl(let name, _):
        if globalScope.names[name] == nil { globalScope.names[name] = .type(GoType.named(name)) }
      case .funcDecl(let f):
        functions[f.name] = FunctionInfo(decl: f)
        globalScope.names[f.name] = .function(f.name)
      default: break
      }
    }
  }

  /// The integer in a variable's slot (an operand the compiler resolved to `variableSlot`).
  @inline(__always)
  func int(slot: Int, global: Bool) -> Int64 {
    global ? globals.int(slot) : locals.int(slot)
  }

  /// The slice header in a variable's slot; nil for a nil slice.
  @inline(__always)
  func slice(slot: Int, global: Bool) -> SliceHeader? {
    global ? globals.slots.slice(slot) : locals.slice(slot)
  }

  /// Stores an integer in a variable's slot.
  @inline(__always)
  func setInt(slot: Int, global: Bool, _ v: Int64) {
    if global { globals[slot] = .int(v) } else { locals[slot] = .int(v) }
  }

  /// Stores a value in a variable's slot.
  @inline(__always)
  func setValue(slot: Int, global: Bool, _ v: __owned Value) {
    if global { globals[slot] = v } else { locals[slot] = v }
  }

  @inline(__always)
  func checkInterrupt(_ span: Span) throws {
    if Interrupt.requested {
      Interrupt.requested = false
      throw ScriptError(.interrupted, at: span)
    }
  }
}
