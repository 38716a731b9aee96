// Evaluation order within an expression (Lower/EvaluationOrder.swift) against the real runs of
// Tests/Recordings/runs/evalorder (Go 1.27.3 and 1.19.8 print the same).

import Foundation
@testable import GCScript
@testable import GoHeap
import Testing

/// A plain operand is read after the calls in its expression — `fmt.Println(x, f())` with f
/// changing x prints the new x, and so do `x + f()`, `s + k()`, a comparison, a user
/// function's, a function value's, a method's and an interface method's arguments, an inlined
/// call's, fmt.Sprint's, a pointer method's receiver field, a composite literal's elements, a
/// multiple assignment's and a return's values, and an assignment's index, pointer and map
/// key — while a struct converted to `any` is copied where it stands (`fmt.Println(p, h(), p)`
/// prints the old p first).
@Test(arguments: ["1.27.3", "1.19.8"])
func plainOperandsAreReadAfterCalls(_ version: String) throws {
  try expectRecordedOutput("evalorder", version)
}
