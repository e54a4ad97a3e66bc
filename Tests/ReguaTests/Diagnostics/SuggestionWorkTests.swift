import Testing

@testable import Regua

/// "Did you mean" costs a bounded amount of work: per word, and per file through a budget.
@Suite("Bounded suggestion work")
struct SuggestionWorkTests {
  /// The full optimal-string-alignment distance, as a reference.
  static func referenceDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  @Test("the banded distance equals the full one whenever it is within the limit")
  func bandedDistance() {
    var generator = SeededRandom(seed: 11)
    let letters: [Character] = ["a", "b", "c", "é", "/"]
    for _ in 0..<3000 {
      let a = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
        letters.randomElement(using: &generator) ?? "a"
      }
      let b = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
        letters.randomElement(using: &generator) ?? "a"
      }
      let reference = SuggestionWorkTests.referenceDistance(a, b)
      for limit in 0...4 {
        var work = 0
        let banded = Suggestions.distance(a, b, atMost: limit, work: &work)
        #expect(banded == (reference <= limit ? reference : nil), "\(a) \(b) limit \(limit)")
        #expect(-work <= (a.count + 1) * (2 * limit + 1))
      }
    }
  }

  @Test("a budget caps the work of every suggestion together, and a spent one gives none")
  func budget() {
    var budget = 1_000
    #expect(Suggestions.closest(to: "emial", among: ["email", "sms"], budget: &budget) == "email")
    #expect(budget > 900)
    let candidates = (0..<10_000).map { "channel-\($0)" }
    budget = 5_000
    #expect(Suggestions.closest(to: "channel-99x", among: candidates, budget: &budget) == nil)
    #expect(budget <= 0)
    #expect(Suggestions.closest(to: "emial", among: ["email"], budget: &budget) == nil)
  }

  @Test("1,030 unknown short time zones cost a bounded amount of suggestion work")
  func manyShortTimeZones() {
    // Short enough to be compared with hundreds of real zones each: without a budget, 4 s in a
    // debug build.
    var generator = SeededRandom(seed: 3)
    let text = (0..<1030).map { index in
      let name = (0..<4).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement(using: &generator) ?? "a" }
      return "cadence \"c\(index)\"\n  timezone \"America/\(String(name))\"\n"
    }.joined()
    var file: RuleFile?
    let seconds = ScalingTests.cpuTime { file = compile(text) }
    #expect(file?.diagnostics.count == 1030)
    #expect(file?.diagnostics.allSatisfy { $0.code == "unknown-time-zone" } == true)
    // Against the same file with known zones, so that the bound holds in any build (debug,
    // release, under a sanitizer): the suggestions' budget (2,000,000 units, about 20 times the
    // compiling here) bounds the rest; without it, 4 s in a debug build (300 times).
    let known = (0..<1030).map { "cadence \"c\($0)\"\n  timezone \"America/Sao_Paulo\"\n" }.joined()
    let baseline = ScalingTests.cpuTime { _ = compile(known) }
    #expect(seconds < 30 * baseline + 0.05, "\(seconds) s against \(baseline) s")
    // The first typos still get their suggestion.
    #expect(
      compile("cadence \"c\"\n  timezone \"America/Sao_Paolo\"").diagnostics.first?.help
        == "did you mean `America/Sao_Paulo`?")
  }

  @Test("a thousand limits naming unknown channels among twenty thousand cost a small multiple of compiling")
  func manyChannels() {
    let steps = (0..<20_000).map { "  D+\($0 % 3000) notify team-\($0) as s\($0)\n" }.joined()
    let limits = (0..<1000).map { "  limit tean-\($0) 1 per 7 days\n" }.joined()
    var file: RuleFile?
    let seconds = ScalingTests.cpuTime { file = compile("cadence \"c\"\n" + steps + limits) }
    #expect(file?.diagnostics.count == 1000)
    // Against the same file whose limits name known channels: the suggestions cost a small
    // multiple of compiling it, in any build.
    let fine = (0..<1000).map { "  limit team-\($0) 1 per 7 days\n" }.joined()
    let baseline = ScalingTests.cpuTime { _ = compile("cadence \"c\"\n" + steps + fine) }
    #expect(seconds < 4 * baseline + 0.05, "\(seconds) s against \(baseline) s")
    let help = file?.diagnostics.last?.help ?? ""
    #expect(help.hasSuffix("`team-10002` and 19993 more"), "\(help)")
  }
}
