import Foundation
import Testing

/// `regua plan` and `regua explain` say which history entries count for nothing.
@Suite("History checks, end to end", .serialized)
struct HistoryCheckCommandTests {
  static let cadence = """
    cadence "c"
      D+1 email overdue
      D+3 call

    """

  static let invoice = """
    {"id": "INV-1", "amount": "100.00", "currency": "BRL", "issued": "2026-03-01", "due": "2026-03-10",
     "history": [{"step": "INV-1/d+1-email", "date": "2026-03-11"}, {"step": "d+3-call", "date": "2026-03-20"}]}
    """

  @Test("plan warns on standard error, and its JSON stays the plan's")
  func planWarns() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", Self.cadence)
    let invoice = try ReguaBinary.temporaryFile("invoice.json", Self.invoice)
    let result = try ReguaBinary.run(["plan", rules, "--invoice", invoice, "--on", "2026-03-13", "--json"])
    #expect(result.status == 0)
    #expect(result.stderr.contains(#"warning: invoice INV-1: history[0]: "INV-1/d+1-email" is not a step"#))
    #expect(result.stderr.contains(#"did you mean "d+1-email"?"#))
    #expect(result.stderr.contains("history[1]: \"d+3-call\" is dated 2026-03-20, after the evaluation date"))
    #expect(result.stdout.hasPrefix("{"))
    #expect(!result.stdout.contains("warning"))
  }

  @Test("explain lists them under HISTORY")
  func explainLists() throws {
    let rules = try ReguaBinary.temporaryFile("c.regua", Self.cadence)
    let invoice = try ReguaBinary.temporaryFile("invoice.json", Self.invoice)
    let result = try ReguaBinary.run(["explain", rules, "--invoice", invoice, "--on", "2026-03-13"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("HISTORY\n  history[0]: \"INV-1/d+1-email\" is not a step of the cadence"))
  }
}
