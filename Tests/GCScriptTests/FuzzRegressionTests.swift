// Inputs the libFuzzer target (Sources/gcsh-fuzz) found, each kept as a test.

import Testing

@testable import GCScript

/// An interface type whose input ends inside its braces, after a constraint element: the parser
/// appended a constraint per turn at the end of the input until the host ran out of memory
/// (libFuzzer: out-of-memory, 1.8 GB in Parser.interfaceElements, after 580,686 executions).
@Test(arguments: ["x := interface{ ~int |", "x := interface{{{{ interface", "type T interface{ int | string"])
func interfaceCutOffAtTheEndIsAnError(_ text: String) {
  let (_, errors, _) = Interpreter.parse(Source(name: "fuzz.gcs", text: text))
  #expect(!errors.isEmpty)
}
