import ReguaTesting
import Testing

@testable import Regua

@Suite("Skip details quote input safely")
struct SkipDetailTextTests {
  @Test("a condition's text with ESC and a bidirectional override is escaped in the sentence")
  func escapedCondition() throws {
    // Rule files and invoices cannot carry these characters; a cadence built in Swift can.
    let cadence = try Cadence("c\u{202E}") {
      Step(.due(1), .call).when(.customerSegment == "x\u{1B}[2J\u{202E}")
    }
    let invoice = try Invoice.make(due: "2026-03-10", customer: Customer(id: "C-1", segment: "smb"))
    let plan = try evaluate(cadence, invoice, on: day("2026-03-11"))
    let detail = try #require(plan.skipped.first?.detail)
    #expect(
      detail
        == #"The D+1 call is skipped because `customer.segment == "x\u{1B}[2J\u{202E}"` does not hold (customer.segment is "smb")."#
    )
    #expect(plan.jsonLine.contains(#"x\\u{1B}[2J\\u{202E}"#), "the sentence is escaped before JSON sees it")
    #expect(plan.jsonLine.contains(#""cadence":"c\u202e""#))
    #expect(!plan.jsonLine.unicodeScalars.contains(where: SafeText.isUnsafe))
  }

  @Test("a sentence without such characters is unchanged")
  func plainSentence() {
    let skip = SkippedStep(step: "s", scheduled: day("2026-03-11"), reason: .condition, detail: "São Paulo — “ok”.")
    #expect(skip.detail == "São Paulo — “ok”.")
    let hostile = SkippedStep(step: "s", scheduled: day("2026-03-11"), reason: .condition, detail: "a\u{7}b")
    #expect(hostile.detail == "a\\u{7}b")
  }

  /// A `pause when` or `stop when` rule holds back every step, and every step's sentence names
  /// it: quoted whole, a long rule made a plan grow with steps × rule.
  @Test(
    "a long pause or stop rule is quoted short in each step's sentence, so a plan stays linear in the file",
    arguments: ["pause", "stop"])
  func longSharedRule(keyword: String) throws {
    let terms = (1...150).map { "balance > \($0)" }.joined(separator: " and ")
    func plan(steps: Int) throws -> (file: Int, plan: String) {
      let text =
        "cadence \"c\"\n" + (0..<steps).map { "  D+1 task t\($0) as s\($0)\n" }.joined()
        + "  \(keyword) when \(terms)\n"
      let cadence = try #require(compile(text).cadences.first)
      let invoice = try Invoice.make(due: "2026-03-10")
      return (text.utf8.count, try evaluate(cadence, invoice, on: day("2026-03-11")).jsonLine)
    }
    for steps in [10, 200] {
      let (file, line) = try plan(steps: steps)
      #expect(line.utf8.count <= 16 * file, "\(steps) steps: \(line.utf8.count) bytes of plan for \(file) of file")
    }
    let (_, line) = try plan(steps: 1)
    #expect(line.contains("balance > 1 and balance > 2"))
    #expect(line.contains("…`"))
    #expect(!line.contains("balance > 150"))
  }
}
