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
    let plan = evaluate(cadence, invoice, on: day("2026-03-11"))
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
}
