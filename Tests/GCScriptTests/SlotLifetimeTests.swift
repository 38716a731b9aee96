// A variable's frame slots are its own for as long as its scope: a statement that declares
// variables for the statements after it must not give their slots back when it ends.

import GoHeap
import Testing

/// runs/slotlifetimes: a grouped `var ( ... )` in a function, read after later declarations
/// (its variables' slots were given back at the group's end, and the next declarations took
/// them: a nil dereference), and a select case's received string and struct and their ok read
/// after the case declares variables of its own (the case's variables reused the select's
/// result slots: `!ok` read a word of the value). Output as Go 1.27.3's and 1.19.8's.
@Test(arguments: ["1.27.3", "1.19.8"])
func declaredVariablesKeepTheirSlots(_ version: String) throws {
  let run = try RecordedRun("slotlifetimes")
  let c = try run.compared(version) { _ in false }
  #expect(c.printed == c.expected)
  #expect(c.printed == "[1 2 3] hello 7 [x y] [9 9 9 9]\nstring ababab true false 6\npair p [t1 t2] true false\n\"\" false true\n")
}

/// The same in a script and through a function's inlined copy: a group's variables outlive it
/// wherever the group is.
@Test func aVariableGroupIsPartOfItsBlock() throws {
  let (host, rt, _) = try interpret("""
    func f() []string {
    \tvar (
    \t\ta = []string{"g1", "g2"}
    \t\tn = 2
    \t)
    \tb := make([]string, n)
    \tcopy(b, a)
    \treturn append(b, a...)
    }
    var (
    \tx = f()
    \ty = "y"
    )
    z := []int{1, 2}
    print x, y, z
    """)
  try rt.checkInvariants()
  #expect(host.text == "[g1 g2 g1 g2] y [1 2]\n")
}
