// `why rss`: the resident set by cause adds up exactly to the RSS, over random programs.

@testable import GoHeap
import Testing

struct RandomCase: CustomTestStringConvertible, Sendable {
  let profile: String
  let os: OperatingSystem
  let release: ReleaseMechanism?
  let seed: UInt64
  var testDescription: String { "\(profile) \(os.rawValue) \(release?.rawValue ?? "default") seed \(seed)" }
}

@Test(arguments: [
  RandomCase(profile: "go1.27", os: .linux, release: nil, seed: 1),
  RandomCase(profile: "go1.19", os: .linux, release: nil, seed: 2),
  RandomCase(profile: "go1.0", os: .linux, release: nil, seed: 3),
  RandomCase(profile: "go1.19", os: .linux, release: .free, seed: 4),
  RandomCase(profile: "go1.27", os: .darwin, release: nil, seed: 5),
  RandomCase(profile: "go1.0", os: .windows, release: nil, seed: 6),
])
func rssComponentsAddUp(_ c: RandomCase) throws {
  var rng = SplitMix(state: c.seed)
  let (rt, roots) = runtime(
    RuntimeProfile.named(c.profile)!, machine: MachineConfig(release: c.release, os: c.os))
  // Which roots hold a node pointer (the others hold slices).
  var isNode: [String: Bool] = [:]
  let node = GoType.structure([("next", .pointer(to: .int)), ("v", .array(of: .uint64, count: 4))])
  for step in 0..<300 {
    let name = "v\(Int.random(in: 0..<8, using: &rng))"
    switch Int.random(in: 0..<10, using: &rng) {
    case 0, 1, 2:
      let n = [16, 1000, 40_000, 3 * MiB][Int.random(in: 0..<4, using: &rng)]
      let s = try rt.allocateSlice(of: .uint8, len: n, cap: n)
      roots[name] = s
      isNode[name] = false
      if Bool.random(using: &rng) { try rt.clearMemory(s, bytes: n) }
    case 3, 4:
      let p = try rt.allocate(node, count: 1)
      if let q = roots[name], isNode[name] == true { try rt.store(p, q, size: 8) }
      try rt.store(p + 8, UInt64(step), size: 8)
      roots[name] = p
      isNode[name] = true
    case 5: roots[name] = nil
    case 6: try rt.collect()
    case 7: try rt.sleep(Int.random(in: 1...90, using: &rng) * Duration.second)
    case 8: try rt.freeOSMemory()
    default: try rt.work(Double(Int.random(in: 1...1000, using: &rng)))
    }
    try rt.checkInvariants()
    let b = rt.rssBreakdownByCause()
    #expect(b.total == rt.rss, "step \(step): \(b) vs \(rt.rss)")
    if b.total != rt.rss { return }
  }
}

@Test func breakdownNamesTheCauses() throws {
  let (rt, roots) = runtime(.go127)
  try bigSlice(rt, roots)
  #expect(rt.rssBreakdownByCause().liveObjects > 399_000_000)
  roots["tmp"] = nil
  #expect(rt.rssBreakdownByCause().garbage > 399_000_000)
  try rt.collect()
  #expect(rt.rssBreakdownByCause().freeNotScavenged > 399_000_000)
  let (lazy, r2) = runtime(.go119, machine: MachineConfig(release: .free))
  try bigSlice(lazy, r2)
  r2["tmp"] = nil
  try lazy.freeOSMemory()
  #expect(lazy.rssBreakdownByCause().releasedButResident > 399_000_000)
}
