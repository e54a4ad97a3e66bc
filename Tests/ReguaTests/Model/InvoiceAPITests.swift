import Foundation
import Regua
import Testing

/// The seams a host developer meets first: how an invoice changes, and what type a plan's
/// channel has.
@Suite("The invoice API as a host uses it")
struct InvoiceAPITests {
  @Test("update throws InvalidInput, the type the initialisers and record throw, and leaves the invoice whole")
  func updateThrowsInvalidInput() throws {
    var invoice = try loadSampleInvoice("b2b-invoice.json")
    let before = invoice
    let yen = Money(minorUnits: 100, currency: .jpy)
    let due = invoice.due
    do {
      try invoice.update { $0.payments.append(Payment(date: due, amount: yen)) }
      Issue.record("a payment in another currency was accepted")
    } catch {
      // `error` is statically an `InvalidInput`: this line does not compile with untyped throws.
      let problems: [InputError] = error.errors
      #expect(problems.contains { $0.path.hasPrefix("payments[") })
    }
    #expect(invoice == before)
  }

  @Test("a planned action's channel is a Channel, comparable with the customer's opt-outs")
  func channelIsAChannel() throws {
    let file = try loadRuleFile("b2b-standard.regua")
    let cadence = try #require(file.cadences.first)
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    let plans = try Simulator(cadence).run(invoice).plans
    let channels = plans.flatMap(\.actions).compactMap(\.channel)
    #expect(!channels.isEmpty)
    #expect(channels.allSatisfy { Channel.builtIn.contains($0) })
    let optOuts: Set<Channel> = [.sms]
    #expect(channels.contains { optOuts.contains($0) } == channels.contains(.sms))
  }

  @Test("a plan, an action and a skip print as a line of words, not as a dump")
  func plansPrintAsWords() throws {
    let cadence = try #require(try loadRuleFile("b2b-standard.regua").cadences.first)
    var invoice = try loadSampleInvoice("b2b-invoice.json")
    try invoice.update { $0.promise = nil }
    let plan = try Evaluator(cadence).plan(for: invoice, on: try CivilDate(parsing: "2026-03-26"))
    #expect("\(plan)" == "INV-1001 on 2026-03-26: 1 action, 2 skipped, next 2026-04-09")
    #expect(plan.actions.map(\.description) == ["INV-1001/d+14-call: call (scheduled 2026-03-24, 2 days late)"])
    #expect(plan.skipped.first.map { "\($0)" }?.hasPrefix("d+7-whatsapp skipped (missed): The D+7 whatsapp") == true)
  }
}
