import Testing

@testable import Regua

/// The send-time re-check, recording an executed action, and the history check: what makes "a
/// reminder after the customer paid" and "a step sent twice" impossible.
@Suite("Send-time checks and histories")
struct SendCheckTests {
  static let rules = """
    cadence "c"
      D+1  email overdue
      D+3  call
      D+14 call second

    """

  static func invoice(_ id: String = "INV-1", history: [HistoryEntry] = []) throws -> Invoice {
    try Invoice(
      id: id, amount: Money(parsing: "300.00", currency: .brl), issued: day("2026-03-01"), due: day("2026-03-10"),
      history: history)
  }

  static var evaluator: Evaluator { get throws { try Evaluator(Cadence(parsing: rules)) } }

  @Test("the send-time check refuses an action once a payment covers the balance")
  func refusesAfterPayment() throws {
    let evaluator = try SendCheckTests.evaluator
    let invoice = try SendCheckTests.invoice()
    let morning = try evaluator.plan(for: invoice, on: day("2026-03-11"))
    let email = try #require(morning.actions.first)
    #expect(try evaluator.recheck(email, for: invoice, on: day("2026-03-11")) == .send(email))
    let paid = try invoice.paying("300.00", on: "2026-03-11")
    let check = try evaluator.recheck(email, for: paid, on: day("2026-03-11"))
    #expect(!check.isDue)
    #expect(check == .hold(nil) || { if case .hold(let skip?) = check { skip.reason == .stopped } else { false } }())
    // Once executed and recorded, it is not due again.
    var sent = invoice
    try sent.record(email, on: day("2026-03-11"))
    #expect(sent.history == [HistoryEntry(step: "d+1-email", date: day("2026-03-11"))])
    #expect(try evaluator.recheck(email, for: sent, on: day("2026-03-11")) == .hold(nil))
  }

  @Test("an account's merged e-mail is re-checked to cover only the invoices still owing")
  func accountMerged() throws {
    let evaluator = try SendCheckTests.evaluator
    let account = try Account(
      customer: Customer(id: "C"), invoices: [SendCheckTests.invoice("A"), SendCheckTests.invoice("B")])
    let morning = try evaluator.plan(for: account, on: day("2026-03-11"))
    let email = try #require(morning.actions.first)
    #expect(email.invoices == ["A", "B"])
    var later = account
    let paidA = try account.invoices[0].paying("300.00", on: "2026-03-11")
    try later.update { _, invoices in invoices[0] = paidA }
    guard case .send(let fresh) = try evaluator.recheck(email, for: later, on: day("2026-03-11")) else {
      Issue.record("the e-mail is still due for B")
      return
    }
    #expect(fresh.invoices == ["B"])
    #expect(fresh.covers == [CoveredStep(invoice: "B", step: "d+1-email")])
    var allPaid = later
    let paidB = try later.invoices[1].paying("300.00", on: "2026-03-11")
    try allPaid.update { _, invoices in invoices[1] = paidB }
    #expect(try !evaluator.recheck(email, for: allPaid, on: day("2026-03-11")).isDue)
  }

  @Test("recording an action about another invoice is refused")
  func recordsOnlyItsInvoice() throws {
    let evaluator = try SendCheckTests.evaluator
    let email = try #require(
      try evaluator.plan(for: SendCheckTests.invoice("A"), on: day("2026-03-11")).actions.first)
    var other = try SendCheckTests.invoice("B")
    #expect(throws: InvalidInput.self) { try other.record(email, on: day("2026-03-11")) }
    #expect(other.history.isEmpty)
  }

  @Test("the history check reports unknown step ids, with the step meant, and entries dated after the date")
  func historyCheck() throws {
    let evaluator = try SendCheckTests.evaluator
    let invoice = try SendCheckTests.invoice(history: [
      HistoryEntry(step: "INV-1/d+1-email", date: day("2026-03-11")),
      HistoryEntry(step: "d+3-cal", date: day("2026-03-13")),
      HistoryEntry(step: "d+3-call", date: day("2026-03-20")),
      HistoryEntry(step: "manual", date: day("2026-03-12"), channel: .call),
      .conversation(on: day("2026-03-12")),
      HistoryEntry(step: "d+14-call", date: day("2026-03-15")),
    ])
    let problems = evaluator.checkHistory(of: invoice, on: day("2026-03-15"))
    #expect(problems.map(\.kind) == [.unknownStep, .unknownStep, .future])
    #expect(problems.map(\.index) == [0, 1, 2])
    #expect(problems.map(\.suggestion) == ["d+1-email", "d+3-call", nil])
    #expect(problems[0].description.contains("not the action's"))
    #expect(evaluator.checkHistory(of: invoice, on: day("2026-03-20")).count == 2)
    // The explanation says so too.
    let explanation = try evaluator.explain(invoice, on: day("2026-03-15"))
    #expect(explanation.historyProblems == problems)
    #expect(explanation.report.contains("HISTORY"))
  }

  @Test("a merged contact's id recorded as a step says to record its covers instead")
  func mergedIDRecorded() throws {
    let invoice = try SendCheckTests.invoice(history: [
      HistoryEntry(step: "C-8/email/2026-03-12", date: day("2026-03-12")),
      HistoryEntry(step: "a/b", date: day("2026-03-12")),
    ])
    let problems = try SendCheckTests.evaluator.checkHistory(of: invoice, on: day("2026-03-15"))
    #expect(problems.count == 2)
    #expect(problems.first?.description.contains("record each step its `covers` lists") == true)
    #expect(problems.last?.description.contains("covers") == false)
  }
}
