// ScriptError: every error GCScript reports, typed, with all wording in one place.
//
// One style everywhere: `file:line:col: error: message`, then the source line and a caret under
// the spot. Messages are lowercase with no final period. Runtime errors that the Go program itself
// would hit keep Go's own text (`panic: runtime error: index out of range [5] with length 3`).

import GoHeap

/// What went wrong.
public enum ErrorKind: Equatable, Sendable {
  // Lexical and syntax errors (nothing runs; exit status 65).
  case unexpectedCharacter(String)
  case invalidNUL
  case unterminatedString
  /// A raw string (`...`) still open at the end of the input: the REPL reads on, since one may
  /// span lines.
  case unterminatedRawString
  case unterminatedComment
  case badNumber(String)
  /// An integer literal past the 127 bits gcsh keeps untyped constants in (Go keeps at least 256).
  case integerTooLarge(String)
  case expected(String, after: String?, found: String)
  case unexpectedEndOfInput(String)
  case badUnitLiteral(String)
  case invalidAssignmentTarget
  case nonDeclarationOutsideFunction(String)
  /// Expressions or blocks nested deeper than the parser's limit.
  case nestingTooDeep(Int)
  /// More errors than are worth reading: the parse or check stops here, as go build's does
  /// after ten (cmd/compile/internal/base: `too many errors`).
  case tooManyErrors
  // Type errors: the checker's, before anything runs (exit status 65). The message is built
  // by the checker's diagnostics (Check/Diagnostics.swift), in go build's wording.
  case typeError(String)
  /// A Go construct gcsh does not run yet, named: `channels are not supported by gcsh yet`.
  case notSupported(String, plural: Bool)
  // Errors found when a statement is compiled or run (the program stops; exit status 70).
  case undefined(String)
  case alreadyDeclared(String)
  case noNewVariables
  case typeMismatch(String)
  case notAType(String)
  case notCallable(String)
  case wrongArgumentCount(String, expected: Int, got: Int)
  case unsupported(String)
  /// A struct or array too large to hold by value (its elements would all be materialised).
  case valueTooLarge(type: String, bytes: Int)
  case notConstant(String)
  case featureMissing(feature: String, since: String, profile: String)
  case invalidSetting(String)
  case divisionByZero
  case negativeShift
  case nilDereference
  case indexOutOfRange(index: Int, length: Int)
  case sliceOutOfRange(String)
  case goPanic(String)
  /// A panic raised by a deferred call while earlier panics unwound (their lines, oldest
  /// first), and the last one: printed as runtime/panic.go printpanics prints the chain.
  indirect case abortedPanics([String], ErrorKind, repeatsLast: Bool)
  /// os.Exit(n): the program ends with status n (deferred calls do not run).
  case programExit(Int)
  /// A run-time error the Go runtime raises itself (`makeslice: len out of range`).
  case goRuntimePanic(String)
  /// The simulated process died (fatal error, OOM kill, panic inside the runtime); the prefix is
  /// the era's fatal-error text (`fatal error: `, or Go 1.0's `throw: `).
  case death(ProcessDeath, fatalPrefix: String)
  case interrupted
  /// newstack's `fatal error: stack overflow`: the stack would outgrow maxstacksize.
  case stackOverflow
  /// checkdead's `fatal error: all goroutines are asleep - deadlock!`: no goroutine can run and
  /// no timer is pending; main's wait reason (`chan receive`, `sync.WaitGroup.Wait`, ...), and
  /// each other goroutine as the traceback shows it (printed after main's line).
  case deadlock(waitReason: String, others: [String])
  /// Another of the runtime's fatal errors (`fatal error: sync: unlock of unlocked mutex`).
  case fatalError(String)
  /// The goroutine's frames outgrew what gcsh holds for them (`bytes`), in an era without a
  /// stack limit (Go 1.0).
  case stackBeyondGcsh(bytes: Int)
  /// A state the interpreter should never reach (a bug, reported instead of crashing).
  case internalFault(String)
  /// An `expect` that did not hold (reported; the script goes on).
  case expectationFailed(check: String, actual: String)

  /// Errors found before anything runs: syntax, type and unsupported-construct errors.
  public var isCompileError: Bool {
    switch self {
    case .typeError, .notSupported, .featureMissing: return true
    default: return isSyntax
    }
  }

  /// The input ended inside an open construct (a block, a bracket, a comment, a raw string):
  /// more input could complete it.
  public var isEndOfInput: Bool {
    switch self {
    case .unexpectedEndOfInput, .unterminatedComment, .unterminatedRawString: return true
    default: return false
    }
  }

  /// Syntax errors stop anything from running.
  public var isSyntax: Bool {
    switch self {
    case .unexpectedCharacter, .invalidNUL, .unterminatedString, .unterminatedRawString, .unterminatedComment,
      .badNumber, .integerTooLarge, .expected, .unexpectedEndOfInput, .badUnitLiteral, .invalidAssignmentTarget,
      .nonDeclarationOutsideFunction, .nestingTooDeep, .tooManyErrors:
      return true
    default: return false
    }
  }

  /// The message, as printed after `error: ` (or as the Go runtime prints it).
  public var message: String {
    switch self {
    case .unexpectedCharacter(let c): return "unexpected character '\(c)'"
    case .invalidNUL: return "invalid NUL character"
    case .unterminatedString: return "string literal not terminated"
    case .unterminatedRawString: return "raw string literal not terminated"
    case .unterminatedComment: return "comment not terminated"
    case .badNumber(let t): return "malformed number '\(t)'"
    case .integerTooLarge(let t):
      return "integer constant \(t.count > 40 ? String(t.prefix(20)) + "..." : t) too large: gcsh keeps untyped integer constants to 127 bits (Go to at least 256)"
    case .expected(let what, let after, let found):
      return "expected \(what)" + (after.map { " after \($0)" } ?? "") + ", found \(found)"
    case .unexpectedEndOfInput(let what): return "unexpected end of input, expected \(what)"
    case .badUnitLiteral(let t):
      return "malformed literal '\(t)' (durations use ns, us, ms, s, m, h; sizes B, KiB, MiB, "
        + "GiB, TiB, KB, MB, GB, TB)"
    case .invalidAssignmentTarget: return "cannot assign to this expression"
    case .nonDeclarationOutsideFunction(let what): return "non-declaration statement \(what)"
    case .nestingTooDeep(let n): return "expressions or blocks nested more than \(n) levels deep"
    case .tooManyErrors: return "too many errors"
    case .typeError(let m): return m
    case .notSupported(let what, let plural): return "\(what) \(plural ? "are" : "is") not supported by gcsh yet"
    case .undefined(let n): return "undefined: \(n)"
    case .alreadyDeclared(let n): return "\(n) redeclared in this block"
    case .noNewVariables: return "no new variables on left side of :="
    case .typeMismatch(let m): return m
    case .notAType(let n): return "\(n) is not a type"
    case .notCallable(let n): return "invalid operation: cannot call non-function \(n)"
    case .wrongArgumentCount(let f, let e, let g):
      return "\(g < e ? "not enough" : "too many") arguments in call to \(f) (want \(e), have \(g))"
    case .unsupported(let what): return "\(what) is not supported by gcsh"
    case .valueTooLarge(let t, let bytes):
      return "a \(t) (\(bytes) bytes) is too large to hold by value: allocate it with new(\(t)) and use a pointer"
    case .notConstant(let what): return "\(what) is not a constant"
    case .featureMissing(let f, let since, let profile):
      return "\(f) does not exist in \(profile): it arrived in \(since)"
    case .invalidSetting(let m): return m
    case .divisionByZero: return "panic: runtime error: integer divide by zero"
    case .negativeShift: return "panic: runtime error: negative shift amount"
    case .nilDereference:
      return "panic: runtime error: invalid memory address or nil pointer dereference"
    case .indexOutOfRange(let i, let n):
      return "panic: runtime error: index out of range [\(i)] with length \(n)"
    case .sliceOutOfRange(let m): return "panic: runtime error: slice bounds out of range \(m)"
    case .goPanic(let m): return "panic: \(m)"
    case .abortedPanics(let earlier, let last, let repeatsLast):
      return (earlier + (repeatsLast ? [] : [last.message])).joined(separator: "\n\t")
    case .programExit(let n): return "exit status \(n)"
    case .goRuntimePanic(let m): return "panic: runtime error: \(m)"
    case .death(let d, let prefix):
      switch d {
      case .panic(let m): return "panic: \(m)"
      case .runtimeOutOfMemory(let requested, let inUse):
        return "runtime: out of memory: cannot allocate \(requested)-byte block (\(inUse) in use)\n"
          + "\(prefix)out of memory"
      case .thrown(let m): return "\(prefix)\(m)"
      case .killedByKernel: return "Killed"
      }
    case .interrupted: return "interrupted"
    case .internalFault(let m): return "internal error in gcsh (please report it): \(m)"
    case .expectationFailed(let check, let actual): return "expectation failed: \(check) (\(actual))"
    case .stackOverflow:
      return "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow"
    case .fatalError(let m): return "fatal error: \(m)"
    case .deadlock(let reason, _):
      return "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [\(reason)]:"
    case .stackBeyondGcsh(let bytes):
      return "the goroutine's frames outgrew the \(bytes >> 20) MiB gcsh holds for them (this Go "
        + "version has no stack limit: the real program would grow its stack until memory ran out)"
    }
  }

  /// Whether the simulated process is gone after this error: the runtime's fatal errors (out
  /// of memory, stack overflow), the kernel's kill, os.Exit. A panic ends a Go program too,
  /// but a REPL session goes on after one: the heap is as it was and the runtime never failed.
  public var endsProcess: Bool {
    switch self {
    case .death, .stackOverflow, .stackBeyondGcsh, .programExit, .deadlock, .fatalError: return true
    default: return false
    }
  }

  /// The `kind` field of a JSON error event.
  public var category: String {
    if isSyntax { return "syntax" }
    if isCompileError { return "type" }
    switch self {
    case .death(.killedByKernel, _): return "oom-kill"
    case .death(.runtimeOutOfMemory, _), .death(.thrown, _), .stackOverflow, .deadlock, .fatalError:
      return "fatal"
    case .interrupted: return "interrupted"
    case .internalFault(let m): return "internal error in gcsh (please report it): \(m)"
    case .expectationFailed: return "expect"
    case .programExit: return "exit"
    default: return "runtime"
    }
  }

  /// The exit status the real Go program would have had (2 for panics and fatal errors, 137
  /// when the kernel kills it), nil for errors only gcsh reports.
  public var goExitStatus: Int? {
    switch self {
    case .death(let d, _): return d.exitStatus
    case .nilDereference, .indexOutOfRange, .sliceOutOfRange, .divisionByZero, .negativeShift, .goPanic, .goRuntimePanic,
      .abortedPanics, .stackOverflow, .deadlock, .fatalError:
      return 2
    case .programExit(let n): return n & 0xFF  // the status the OS keeps
    default: return nil
    }
  }
}

/// An error with its place in a source.
public struct ScriptError: Error, Sendable {
  public let kind: ErrorKind
  public let span: Span
  /// The source's name and the 1-based line and column, filled in when rendered.
  public var file: String = ""
  public var line: Int = 0
  public var column: Int = 0
  public var sourceLine: String = ""

  public init(_ kind: ErrorKind, at span: Span) {
    self.kind = kind
    self.span = span
  }

  /// Fills in file, line, column and the source line.
  public func located(in source: Source) -> ScriptError {
    var e = self
    let (l, c) = source.location(of: span.start)
    e.file = source.name
    e.line = l
    e.column = c
    e.sourceLine = source.line(l)
    return e
  }

  /// Errors reported before a parse or a check gives up: go build's ten.
  public static let maxReported = 10

  /// `errors` as reported: the first ten, then `too many errors` where the eleventh was (as
  /// cmd/compile prints it), located in `source` when the others are.
  static func limited(_ errors: [ScriptError], in source: Source? = nil) -> [ScriptError] {
    guard errors.count > maxReported else { return errors }
    let eleventh = ScriptError(.tooManyErrors, at: errors[maxReported].span)
    return Array(errors.prefix(maxReported)) + [source.map { eleventh.located(in: $0) } ?? eleventh]
  }

  /// The error as gcsh prints it: `file:line:col: error: message`, the line, a caret. A line
  /// longer than `shownLineBytes` is shown as the stretch around the column, cut with `...`.
  public var rendered: String {
    let msg = kind.message
    var out = "\(file):\(line):\(column): error: \(msg)"
    if !sourceLine.isEmpty { out += "\n" + shownLine + "\n" + caret }
    if case .deadlock(_, let others) = kind, !others.isEmpty { out += "\n\n" + others.joined(separator: "\n\n") }
    return out
  }

  /// How much of a long source line a diagnostic shows (a generated or minified line can be
  /// megabytes; every error would print it whole).
  static let shownLineBytes = 160

  /// The part of the line shown, and the byte offset in it where the shown part starts.
  private var window: (text: String, start: Int, cutLeft: Bool, cutRight: Bool) {
    let bytes = Array(sourceLine.utf8)
    guard bytes.count > Self.shownLineBytes else { return (sourceLine, 0, false, false) }
    let col = max(0, min(column - 1, bytes.count))
    var lo = max(0, min(col - Self.shownLineBytes / 2, bytes.count - Self.shownLineBytes))
    var hi = min(bytes.count, lo + Self.shownLineBytes)
    // Cut on character boundaries (never inside a UTF-8 sequence).
    while lo > 0 && bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
    while hi < bytes.count && bytes[hi] & 0xC0 == 0x80 { hi += 1 }
    return (String(decoding: bytes[lo..<hi], as: UTF8.self), lo, lo > 0, hi < bytes.count)
  }

  /// The source line as shown under the message.
  public var shownLine: String {
    let w = window
    return (w.cutLeft ? "..." : "") + w.text + (w.cutRight ? "..." : "")
  }

  /// The caret under the error's column: the shown line's text before it (column counts bytes)
  /// as blanks, tabs kept so that it lines up in a terminal.
  public var caret: String {
    let w = window
    let before = String(
      decoding: Array(w.text.utf8.prefix(max(0, column - 1 - w.start))), as: UTF8.self)
    return (w.cutLeft ? "   " : "") + String(before.map { $0 == "\t" ? "\t" : " " }) + "^"
  }
}
