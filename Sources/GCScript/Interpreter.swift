// Interpreter: the pipeline, stage by stage, for each run (a script, `-e` code, stdin, or one
// REPL entry):
//
//   source ─► Lexer ─► Parser ─► Checker ─► Inliner ─► Escape ─► Lowering ─► VM ─► GoHeap
//            tokens    AST       typed tree  small calls heap or   bytecode    runs it; its frames
//                                            replaced    stack     per function are the GC's roots
//                                            by bodies
//
// Nothing runs unless the whole input parsed and checked (Syntax/, Check/). The inliner
// (Inline/) replaces calls of small functions by copies of their bodies, as the Go compiler
// does before its escape analysis; escape analysis (Escape/) decides where each allocation lives, lowering (Lower/) turns each function into
// register bytecode with its stack maps, and the VM (Run/) executes it on the simulated runtime.
// A session keeps its globals, types and functions from one run to the next.

import GoHeap

/// Every error the checker found in a run (nothing ran).
public struct CompileErrors: Error {
  public let errors: [ScriptError]
}

/// Runs programs on one simulated process, keeping variables, types and functions across runs
/// (the REPL's session).
public final class Interpreter {
  public let heap: GoRuntime
  public weak var host: ScriptHost? {
    didSet { vm.host = host }
  }
  let checker: Checker
  let inliner: Inliner
  let escape: EscapeAnalysis
  let session: LoweringSession
  let vm: VM

  deinit {
    checker.releaseGraph()
    for f in scripts { f.releaseGraph() }
  }

  /// Every run's top-level code (released with the functions when the interpreter goes).
  private var scripts: [Function] = []

  public init(heap: GoRuntime, host: ScriptHost? = nil) {
    self.heap = heap
    checker = Checker(profile: heap.profile)
    checker.goos = heap.machine.os.rawValue
    inliner = Inliner(compiler: CompilerProfile(heap.profile))
    escape = EscapeAnalysis(compiler: CompilerProfile(heap.profile))
    session = LoweringSession(profile: heap.profile)
    vm = VM(heap: heap, session: session)
    self.host = host
    vm.host = host
  }

  /// REPL: a bare expression at top level prints its value.
  public var echoExpressions: Bool {
    get { checker.echoExpressions }
    set { checker.echoExpressions = newValue }
  }

  /// Each run stops after this many steps — loop iterations and calls (`--max-steps`); nil: no
  /// limit.
  public var maxSteps: Int? {
    get { vm.maxSteps }
    set { vm.maxSteps = newValue }
  }

  /// `expect` statements that failed so far.
  public var failedExpectations: Int { vm.failedExpectations }

  /// Names a REPL can complete: globals, constants, types and functions declared so far.
  public var globalNames: [String] { checker.globalNames }

  /// Parses `source`; returns the statements or the syntax errors (located). `declared`: the
  /// names earlier runs declared (`globalNames`), so that a REPL entry calling the program's own
  /// `stats` function is not read as the `stats` statement.
  public static func parse(_ source: Source, declared: Set<String> = []) -> ([Stmt], [ScriptError], incomplete: Bool) {
    var parser = Parser(source, declared: declared)
    let stmts = parser.parseProgram()
    return (stmts, parser.errors.map { $0.located(in: source) }, parser.isIncomplete)
  }

  /// Which program the process should start as to run `stmts` first: a Go program (a `package`
  /// clause) with its imports — what ran before its main depends on them — or a script.
  public static func programStart(of stmts: [Stmt]) -> ProgramStart {
    guard stmts.contains(where: { if case .package = $0.kind { true } else { false } }) else { return .script }
    return .goProgram(imports: stmts.flatMap { s -> [String] in
      if case .imports(let specs) = s.kind { specs.map(\.path) } else { [] }
    })
  }

  /// Checks, analyses and lowers a run's statements, then runs them (and `main`, if the run
  /// declares it). Throws `CompileErrors` when the run does not check (nothing ran), or the
  /// first run-time error, located.
  public func run(_ stmts: [Stmt], source: Source) throws {
    guard let program = checker.check(stmts, source: source) else {
      scripts.append(checker.script)
      throw CompileErrors(errors: ScriptError.limited(checker.errors, in: source))
    }
    scripts.append(program.script)
    inliner.run(program, source: source)
    escape.analyse(program, source: source)
    let wrappers = GenericWrappers.lines(program.functions, inliner: inliner.diagnostics, escape: escape)
    inliner.append(wrappers.inlined)
    escape.append(wrappers.escaped)
    let everyFunction = (program.functions + [program.script]).flatMap(\.withLiterals)
    let frameErrors = FrameLimit(escape.compiler).errors(everyFunction)
    if !frameErrors.isEmpty { throw CompileErrors(errors: frameErrors.map { $0.located(in: source) }) }
    // Declared functions, the script, then function literals (each its own code: a funcval's
    // code pointer names it). Installed only once every one has lowered without an error.
    let declared = program.functions.count
    let order = program.functions + [program.script]
      + (program.functions + [program.script]).flatMap { $0.withLiterals.dropFirst() }
    var lowered: [(Function, CodeObject)] = []
    var loweringErrors: [ScriptError] = []
    for (k, f) in order.enumerated() {
      // A library's function is lowered in its own source (Check/Libraries.swift).
      let lowerer = Lowerer(session: session, function: f, source: f.library?.source ?? source)
      let code = lowerer.lower()
      code.isLibrary = f.library != nil
      lowered.append((f, code))
      loweringErrors += lowerer.errors
      if k < declared { session.noteMethod(f) }
    }
    if !loweringErrors.isEmpty {
      throw CompileErrors(errors: loweringErrors.sorted { $0.span.start < $1.span.start }.map { $0.located(in: source) })
    }
    for (f, code) in lowered { install(code, for: f) }
    for old in program.replacedGlobals {
      vm.clearGlobal(old)
      session.forgetGlobal(old)
    }
    do {
      try vm.ensureGlobals()
    } catch let t as VMTrap {
      throw CompileErrors(errors: [ScriptError(t.kind, at: Span(0, 0)).located(in: source)])
    }
    host?.runStarting(source)
    let file = source.name.split(separator: "/").last.map(String.init) ?? "main"
    vm.programName = file.hasPrefix("<") ? "gcsh" : String(file.split(separator: ".").first ?? "main")
    // An imported package's init runs before the program (runtime/metrics' allocates, Go
    // 1.19's math/rand makes its global Rand, log its standard Logger).
    if case .goProgram(let imports) = Self.programStart(of: stmts) {
      do {
        if imports.contains("runtime/metrics") { try vm.initMetricsPackage() }
        if imports.contains("math/rand"), vm.heap.profile.version < GoVersion(1, 20) { try vm.globalRand() }
        if imports.contains("log") { try vm.initLogPackage() }
      } catch let t as VMTrap {
        throw ScriptError(t.kind, at: Span(0, 0)).located(in: source)
      }
    }
    try vm.run(session.index(of: program.script), source: source)
  }

  /// The inliner's and escape analysis's decisions of the last run, as `go build -gcflags=-m`
  /// prints them (`file:line:col: message`): the inliner's first, in the compiler's order
  /// ("can inline f", "inlining call to f"), then escape analysis's in source order.
  public var escapeDecisions: [String] {
    let source = escape.source
    let escapeLines = escape.diagnostics.enumerated().sorted {
      ($0.element.order.batch, $0.element.order.group, $0.element.offset, $0.offset)
        < ($1.element.order.batch, $1.element.order.group, $1.element.offset, $1.offset)
    }
    return (inliner.diagnostics + escapeLines.map(\.element)).map {
      // A variable the compiler made without a position (a range-over-func's `#next`).
      if $0.offset < 0 { return $0.message }
      let (line, column) = source.location(of: $0.offset)
      return "\(source.name):\(line):\(column): \($0.message)"
    }
  }

  /// Puts a lowered function in the session's table.
  private func install(_ code: CodeObject, for f: Function) {
    let k = session.index(of: f)
    code.finalize()
    session.functions[k] = code
  }
}
