// The wrappers of a generic's instantiations, as -m shows them (Go 1.20+'s unified IR).
//
// Go compiles a generic's body once per GC shape (`Sum[go.shape.float64]` serves Sum[float64]
// and Sum[Celsius]) and makes, for each list of type arguments the package uses, a wrapper
// (`Sum[main.Celsius]`, noder/reader.go's instantiation wrapper) that passes the dictionary and
// calls the shaped body — inlining it when it can be inlined. -m therefore prints, per
// instantiation at the generic's declaration: `can inline Sum[main.Celsius]`, `inlining call to
// Sum[go.shape.float64]`, and the shaped body's own lines again (inlined positions are printed
// at the outermost call, here the declaration), a self-assignment named for the wrapper
// (`(*Stack[int]).Pop ignoring self-assignment in ...`). Recorded: runs/generics (Go 1.27.3).
//
// gcsh compiles one body per type-argument list; the first of each shape reports its lines
// (EscapeAnalysis.report, Inliner.working), and this stage adds the wrappers' from them.

enum GenericWrappers {
  /// The wrappers' -m lines: the inliner's (`can inline`, `inlining call to`) and escape
  /// analysis's, each at its instance's declaration.
  static func lines(
    _ functions: [Function], inliner: [EscapeDiagnostic], escape: EscapeAnalysis
  ) -> (inlined: [EscapeDiagnostic], escaped: [EscapeDiagnostic]) {
    guard escape.compiler.unifiedGenerics else { return ([], []) }
    var inlined: [EscapeDiagnostic] = []
    var escaped: [EscapeDiagnostic] = []
    for f in functions {
      guard let instance = f.instance, f.inlineCost != nil, let decl = f.decl, f.library == nil else { continue }
      let at = f.declarationOffset
      inlined.append(EscapeDiagnostic(offset: at, message: "can inline \(instance.concrete)"))
      inlined.append(EscapeDiagnostic(offset: at, message: "inlining call to \(f.name)"))
      // The shaped body's inlined calls, inlined again into the wrapper.
      for line in inliner where decl.span.start <= line.offset && line.offset < decl.span.end
        && line.message.hasPrefix("inlining call to ")
      {
        inlined.append(EscapeDiagnostic(offset: at, message: line.message))
      }
      for (g, line) in escape.instanceLines where g.name == f.name {
        var message = line.message
        if message.hasPrefix(f.name + " ignoring self-assignment") {
          message = instance.concrete + message.dropFirst(f.name.count)
        }
        escaped.append(EscapeDiagnostic(offset: at, message: message))
      }
    }
    return (inlined, escaped)
  }
}
