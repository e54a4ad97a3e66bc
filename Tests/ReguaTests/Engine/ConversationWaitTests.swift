import Foundation
import Testing

@testable import Regua

/// `after conversation wait N days [for CHANNEL]`: contacts held after a conversation with the
/// customer.
@Suite("Cooldown after a conversation")
struct ConversationWaitTests {
  static let rules = """
    cadence "c"
      catch up 30 days
      D+1  email reminder
      D+14 call
      D+16 email late
      after conversation wait 7 days for call

    """

  static func invoice(_ id: String = "I-1", history: [HistoryEntry] = []) throws -> Invoice {
    try Invoice(
      id: id, amount: Money(parsing: "100.00", currency: .usd), issued: day("2026-03-01"), due: day("2026-03-10"),
      history: history)
  }

  @Test("a conversation on D+14 holds calls until D+21, and `next` says so")
  func holdsCallsForSevenDays() throws {
    let evaluator = try Evaluator(Cadence(parsing: ConversationWaitTests.rules))
    let invoice = try ConversationWaitTests.invoice(history: [
      HistoryEntry(step: "d+1-email", date: day("2026-03-11")),
      .conversation(on: day("2026-03-24"), channel: .call),
    ])
    for date in ["2026-03-24", "2026-03-27", "2026-03-30"] {
      let plan = try evaluator.plan(for: invoice, on: day(date))
      #expect(!plan.actions.contains { $0.channel == .call }, "\(date)")
      let held = try #require(plan.skipped.first { $0.step == "d+14-call" }, "\(date)")
      #expect(held.reason == .limited)
      #expect(held.retry == day("2026-03-31"))
      #expect(held.detail.contains("conversation on 2026-03-24"))
    }
    // E-mails are not held by a wait `for call`.
    #expect(try evaluator.plan(for: invoice, on: day("2026-03-26")).actions.map(\.step) == ["d+16-email"])
    let first = try evaluator.plan(for: invoice, on: day("2026-03-24"))
    #expect(first.next == day("2026-03-26"))
    var executed = invoice
    executed.history.append(HistoryEntry(step: "d+16-email", date: day("2026-03-26")))
    #expect(try evaluator.plan(for: executed, on: day("2026-03-27")).next == day("2026-03-31"))
    #expect(try evaluator.plan(for: executed, on: day("2026-03-31")).actions.map(\.step) == ["d+14-call"])
  }

  @Test("without `for`, every contact waits; a conversation executes no step")
  func everyChannel() throws {
    let evaluator = try Evaluator(
      Cadence(parsing: "cadence \"c\"\n  D+1 email reminder\n  after conversation wait 2 days\n"))
    // A conversation whose host id is a step's does not execute it.
    let invoice = try ConversationWaitTests.invoice(history: [
      .conversation(on: day("2026-03-10"), id: "d+1-email")
    ])
    let held = try evaluator.plan(for: invoice, on: day("2026-03-11"))
    #expect(held.actions.isEmpty)
    #expect(held.skipped.map(\.reason) == [.limited])
    #expect(held.next == day("2026-03-12"))
    #expect(try evaluator.plan(for: invoice, on: day("2026-03-12")).actions.map(\.step) == ["d+1-email"])
  }

  @Test("in an account, a conversation about one invoice holds calls about all of them")
  func account() throws {
    let evaluator = try Evaluator(Cadence(parsing: ConversationWaitTests.rules))
    let account = try Account(
      customer: Customer(id: "C"),
      invoices: [
        ConversationWaitTests.invoice("A", history: [.conversation(on: day("2026-03-20"))]),
        ConversationWaitTests.invoice("B"),
      ])
    let plan = try evaluator.plan(for: account, on: day("2026-03-24"))
    #expect(!plan.actions.contains { $0.channel == .call })
    #expect(plan.skipped.filter { $0.step == "d+14-call" }.map(\.invoice) == ["A", "B"])
    #expect(plan.skipped.filter { $0.step == "d+14-call" }.allSatisfy { $0.retry == day("2026-03-27") })
  }

  @Test("a conversation entry reads without a step id, writes back, and a wrong kind is an error")
  func documents() throws {
    let text = """
      {"id": "I", "amount": "10.00", "currency": "USD", "issued": "2026-03-01", "due": "2026-03-10",
       "history": [{"kind": "conversation", "date": "2026-03-12", "channel": "call"}]}
      """
    let invoice = try Invoice(json: Data(text.utf8))
    #expect(invoice.history == [.conversation(on: day("2026-03-12"), channel: .call)])
    #expect(
      invoice.jsonLine.contains(#"{"channel":"call","date":"2026-03-12","kind":"conversation","step":"conversation"}"#))
    #expect(try Invoice(json: Data(invoice.jsonLine.utf8)) == invoice)
    #expect(throws: InvalidInput.self) {
      try Invoice(json: Data(text.replacingOccurrences(of: "\"conversation\"", with: "\"chat\"").utf8))
    }
  }

  @Test(
    "the line is checked and formatted",
    arguments: [
      ("  after conversation wait 0 days\n", ["out-of-range"]),
      ("  after conversation wait 7 days for fax\n", ["unknown-channel"]),
      ("  after conversation wait 7 weeks\n", ["expected-keyword"]),
      ("  after  conversation wait 1 day   for email\n", []),
    ])
  func checked(line: String, codes: [String]) throws {
    let text = "cadence \"c\"\n  D+1 email x\n" + line
    let file = RuleCompiler.compile(SourceFile(path: "x.regua", text: text))
    #expect(file.diagnostics.map(\.code) == codes, "\(file.diagnostics)")
    if codes.isEmpty {
      let formatted = try RuleFormatter.format(SourceFile(path: "x.regua", text: text)).get()
      #expect(formatted.hasSuffix("  after conversation wait 1 day for email\n"))
      #expect(file.cadences.first?.conversationWaits == [ConversationWait(channel: "email", days: 1)])
    }
  }
}
