// `why rss`: the resident set by cause adds up exactly to the RSS, over random programs.

@testable import GoHeap
import Testing

/// A small deterministic random generator (SplitMix64), so failures replay.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

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
  let rt = GoRuntime(profile: RuntimeProfile.named(c.profile)!, machine: MachineConfig(release: c.release, os: c.os))
  let roots = RootTable()
  rt.addRoots(roots)
  let node = GoType.structure([("next", .pointer(to: .int)), ("v", .array(of: .uint64, count: 4))])
  for step in 0..<300 {
    rt.beginStatement()
    let name = "v\(Int.random(in: 0..<8, using: &rng))"
    switch Int.random(in: 0..<10, using: &rng) {
    case 0, 1, 2:
      let n = [16, 1000, 40_000, 3 * MiB][Int.random(in: 0..<4, using: &rng)]
      let s = try rt.makeSlice(of: .uint8, len: n, cap: n)
      roots[name] = .slice(s)
      if Bool.random(using: &rng) { try rt.clear(s.object!, bytes: 0..<n) }
    case 3, 4:
      let p = try rt.allocate(node)
      if case .pointer(let q)? = roots[name] { try rt.store(.pointer(q), p.object, at: 0, size: 8) }
      try rt.store(.scalar(UInt64(step)), p.object, at: 8, size: 8)
      roots[name] = .pointer(p)
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
  let rt = GoRuntime(profile: .go127)
  let roots = RootTable()
  rt.addRoots(roots)
  try bigSlice(rt, roots)
  #expect(rt.rssBreakdownByCause().liveObjects > 399_000_000)
  roots["tmp"] = nil
  #expect(rt.rssBreakdownByCause().garbage > 399_000_000)
  try rt.collect()
  #expect(rt.rssBreakdownByCause().freeNotScavenged > 399_000_000)
  let lazy = GoRuntime(profile: .go119, machine: MachineConfig(release: .free))
  let r2 = RootTable()
  lazy.addRoots(r2)
  try bigSlice(lazy, r2)
  r2["tmp"] = nil
  try lazy.freeOSMemory()
  #expect(lazy.rssBreakdownByCause().releasedButResident > 399_000_000)
}
