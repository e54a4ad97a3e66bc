import ReguaTesting
import Testing

@testable import Regua

func rules(_ body: String) throws -> Cadence {
  try Cadence(parsing: "cadence \"test\" version 1\n" + body)
}

func day(_ text: String) -> CivilDate {
  CivilDate(text) ?? CivilDate(daysSinceEpoch: 0)
}

@Suite("Engine semantics")
struct EngineTests {
  @Test("a step fires on its scheduled date with a stable id and late 0")
  func firesOnDate() throws {
    let cadence = try rules("  D-3 email reminder\n  D+14 call\n")
    let invoice = try Invoice.make("INV-1001", due: "2026-03-10")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-07"))
    #expect(
      plan.actions == [
        PlannedAction(
          id: "INV-1001/d-3-email", step: "d-3-email", action: .email, arguments: ["reminder"], channel: .email,
          scheduled: day("2026-03-07"), late: 0)
      ])
    #expect(plan.skipped.isEmpty)
    #expect(plan.next == day("2026-03-24"))
    #expect(plan.cadence == "test")
    #expect(plan.version == 1)
  }

  @Test("before the issue date the plan is empty, and next is the first day something fires")
  func beforeIssue() throws {
    let cadence = try rules("  D-30 email early\n  D0 sms due\n")
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let plan = try evaluate(cadence, invoice, on: day("2026-02-01"))
    #expect(plan.actions.isEmpty && plan.skipped.isEmpty)
    // D-30 (2026-02-08) falls before the issue; on the issue date it is 21 days late: missed.
    #expect(plan.next == day("2026-03-10"))
  }

  @Test("a contact fires up to `catch up` days late, then is missed")
  func catchUp() throws {
    let cadence = try rules("  catch up 2 days\n  D+1 email overdue\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let late = try evaluate(cadence, invoice, on: day("2026-03-13"))
    #expect(late.actions.map(\.late) == [2])
    let missed = try evaluate(cadence, invoice, on: day("2026-03-14"))
    #expect(missed.actions.isEmpty)
    #expect(missed.skipped.map(\.reason) == [.missed])
    #expect(
      missed.skipped[0].detail
        == "The D+1 email was due on 2026-03-11 and is now 3 days late; contacts go out at most 2 days late, so it will not be sent."
    )
  }

  @Test("the default catch-up is 3 days")
  func defaultCatchUp() throws {
    let cadence = try rules("  D+1 email overdue\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    #expect(try evaluate(cadence, invoice, on: day("2026-03-14")).actions.count == 1)
    #expect(try evaluate(cadence, invoice, on: day("2026-03-15")).actions.isEmpty)
  }

  @Test("after a 10-day outage one message goes out, not a burst")
  func outage() throws {
    let cadence = try rules(
      "  D-3 email a\n  D+1 email b\n  D+3 email c\n  D+5 email d\n  D+7 email e\n  D+8 email f\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-20"))  // D+10, nothing sent since D-4
    #expect(plan.actions.map(\.step) == ["d+8-email"])
    #expect(plan.skipped.map(\.reason) == [.missed, .missed, .missed, .missed, .superseded])
    #expect(
      plan.skipped.last?.detail
        == "The D+7 email is not sent because a newer email message, `d+8-email` (scheduled 2026-03-18), goes out today instead."
    )
  }

  @Test("non-contact steps are never missed: an outage cannot lose an escalation")
  func nonContactsStayDue() throws {
    let cadence = try rules("  D+5 fee 2%\n  D+30 suspend service\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let plan = try evaluate(cadence, invoice, on: day("2026-05-01"))
    #expect(plan.actions.map(\.step) == ["d+5-fee", "d+30-suspend"])
    #expect(plan.actions.map(\.late) == [47, 22])
  }

  @Test("a paid invoice gets nothing, and nothing is ever next")
  func paidGetsNothing() throws {
    let cadence = try rules("  D-3 email a\n  D+1 email b\n  D+14 call\n  D+30 suspend service\n")
    let invoice = try Invoice.make(due: "2026-03-10", amount: "500.00").paying("200.00", on: "2026-03-05").paying(
      "300.00", on: "2026-03-12")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-24"))
    #expect(plan.actions.isEmpty)
    #expect(plan.skipped.map(\.reason) == [.missed, .missed, .stopped])
    #expect(plan.skipped.last?.detail == "The D+14 call is not done: the invoice is paid in full.")
    #expect(plan.next == nil)
    #expect(plan.balance.isSettled)
    // Before the second payment the invoice was still owed: a past date replays that day.
    #expect(try evaluate(cadence, invoice, on: day("2026-03-11")).actions.map(\.step) == ["d+1-email"])
  }

  @Test(
    "cancelled and written-off invoices stop",
    arguments: [(InvoiceStatus.cancelled, "cancelled"), (.writtenOff, "written off")])
  func statusStops(status: InvoiceStatus, words: String) throws {
    let cadence = try rules("  D+1 email b\n")
    let invoice = try Invoice.make(due: "2026-03-10", status: status)
    let plan = try evaluate(cadence, invoice, on: day("2026-03-11"))
    #expect(plan.actions.isEmpty)
    #expect(plan.skipped.map(\.detail) == ["The D+1 email is not done: the invoice is \(words)."])
    #expect(plan.next == nil)
  }

  @Test("a write-off step in the history stops collection from its date")
  func writeOffStops() throws {
    let cadence = try rules("  D+1 fee 2%\n  D+5 write off\n  D+9 email after\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("d+5-write-off", on: "2026-03-15")
    #expect(try evaluate(cadence, invoice, on: day("2026-03-14")).actions.map(\.step) == ["d+1-fee"])
    let plan = try evaluate(cadence, invoice, on: day("2026-03-19"))
    #expect(plan.actions.isEmpty)
    #expect(plan.skipped.map(\.reason) == [.stopped, .stopped])
    #expect(plan.skipped[0].detail == "The D+1 fee is not done: the invoice was written off on 2026-03-15.")
  }

  @Test("`stop when` stops while it holds, and its rule is named")
  func stopRule() throws {
    let cadence = try rules("  D+1 email b\n  stop when balance < 5.00\n")
    let invoice = try Invoice.make(due: "2026-03-10", amount: "100.00").paying("96.00", on: "2026-03-10")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-11"))
    #expect(
      plan.skipped.map(\.detail) == ["The D+1 email is not done: collection stops when `balance < 5.00`, and it holds."]
    )
  }

  @Test("a disputed invoice is paused, and the pause leaves no memory")
  func disputePause() throws {
    let cadence = try rules("  D+1 email b\n  D+20 email c\n  pause when disputed\n")
    let disputed = try Invoice.make(due: "2026-03-10", status: .disputed)
    let plan = try evaluate(cadence, disputed, on: day("2026-03-11"))
    #expect(plan.skipped.map(\.reason) == [.paused])
    #expect(plan.skipped[0].detail == "The D+1 email is on hold: the invoice is disputed.")
    #expect(plan.next == nil)  // nothing changes while the dispute stands
    var resolved = disputed
    resolved.status = .open
    // Resolved later: the D+1 email is judged by its own date, and is missed.
    let after = try evaluate(cadence, resolved, on: day("2026-03-25"))
    #expect(after.skipped.map(\.reason) == [.missed])
  }

  @Test("a promise to pay pauses from the day it is made through the promised date")
  func promisePause() throws {
    let cadence = try rules("  catch up 5 days\n  D+1 email b\n  D+5 sms c\n  pause when promised\n")
    let invoice = try Invoice.make(due: "2026-03-10").promising(by: "2026-03-16", madeOn: "2026-03-12")
    #expect(try evaluate(cadence, invoice, on: day("2026-03-11")).actions.map(\.step) == ["d+1-email"])
    let during = try evaluate(cadence, try invoice.recording("d+1-email", on: "2026-03-11"), on: day("2026-03-15"))
    #expect(during.skipped.map(\.detail) == ["The D+5 sms is on hold: the customer promised to pay by 2026-03-16."])
    #expect(during.next == day("2026-03-17"))
    #expect(try evaluate(cadence, invoice, on: day("2026-03-17")).actions.map(\.step) == ["d+5-sms"])
  }

  @Test("a promise made later does not pause today")
  func promiseAsOf() throws {
    let cadence = try rules("  D+1 email b\n  pause when promised\n")
    let invoice = try Invoice.make(due: "2026-03-10").promising(by: "2026-03-20", madeOn: "2026-03-12")
    #expect(try evaluate(cadence, invoice, on: day("2026-03-11")).actions.count == 1)
  }

  @Test("`when` and `unless` skip with the values that decided")
  func conditions() throws {
    let cadence = try rules("  D+14 call when balance >= 500.00\n  D+14 email x unless tagged \"vip\"\n")
    let invoice = try Invoice.make(due: "2026-03-10", amount: "300.00", tags: ["vip"])
    let plan = try evaluate(cadence, invoice, on: day("2026-03-24"))
    #expect(plan.actions.isEmpty)
    #expect(
      plan.skipped.map(\.detail) == [
        "The D+14 call is skipped because `balance >= 500.00` does not hold (balance is 300.00 BRL).",
        "The D+14 email is skipped because `tagged \"vip\"` holds.",
      ])
  }

  @Test("money in another currency compares false, and the detail says why")
  func currencyMismatch() throws {
    let cadence = try rules("  D+14 call when balance >= 100.00 USD\n")
    let invoice = try Invoice.make(due: "2026-03-10", amount: "300.00")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-24"))
    #expect(plan.skipped.map(\.reason) == [.condition])
    #expect(
      plan.skipped[0].detail
        == "The D+14 call is skipped because `balance >= 100.00 USD` does not hold (balance is 300.00 BRL). Note: `100.00 USD` is in USD but the invoice is in BRL, so the comparison is false."
    )
    let dollars = try Invoice.make(due: "2026-03-10", amount: "300.00", currency: "USD")
    #expect(try evaluate(cadence, dollars, on: day("2026-03-24")).actions.count == 1)
  }

  @Test("a number beside money compares exactly in the invoice's currency")
  func exactComparison() throws {
    let cadence = try rules("  D+1 call when balance > 100.005\n")
    let owed = try Invoice.make(due: "2026-03-10", amount: "100.01")
    let less = try Invoice.make(due: "2026-03-10", amount: "100.00")
    #expect(try evaluate(cadence, owed, on: day("2026-03-11")).actions.count == 1)
    #expect(try evaluate(cadence, less, on: day("2026-03-11")).actions.isEmpty)
  }

  @Test("an older message is superseded by a newer one already in the history")
  func supersededByHistory() throws {
    let cadence = try rules("  D+1 email b\n  D+3 email c\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("d+3-email", on: "2026-03-13")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-13"))
    #expect(plan.actions.isEmpty)
    #expect(
      plan.skipped.map(\.detail) == [
        "The D+1 email is not sent because a newer email message, `d+3-email` (scheduled 2026-03-13), was already sent."
      ])
  }

  @Test("steps on the same date and channel: the one declared later wins")
  func sameDateSupersede() throws {
    let cadence = try rules("  D+1 email first\n  D+1 email second as second\n")
    let plan = try evaluate(cadence, try Invoice.make(due: "2026-03-10"), on: day("2026-03-11"))
    #expect(plan.actions.map(\.step) == ["second"])
    #expect(plan.skipped.map(\.reason) == [.superseded])
  }

  @Test("a limit holds a call back and names the day it can go")
  func limitRetry() throws {
    let cadence = try rules("  D+14 call\n  limit call 1 per 7 days\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("manual-call", on: "2026-03-20", channel: "call")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-24"))
    #expect(plan.actions.isEmpty)
    let skipped = try #require(plan.skipped.first)
    #expect(skipped.reason == .limited)
    #expect(skipped.retry == day("2026-03-27"))
    #expect(
      skipped.detail
        == "The D+14 call is held back by `limit call 1 per 7 days`: it allows 1 `call` contact in any 7 days, and that one is already used up to 2026-03-24. It can go on 2026-03-27."
    )
    #expect(plan.next == day("2026-03-27"))
    for offset in 1...2 {
      #expect(try evaluate(cadence, invoice, on: day("2026-03-24").adding(days: offset)).actions.isEmpty)
    }
    #expect(try evaluate(cadence, invoice, on: day("2026-03-27")).actions.map(\.step) == ["d+14-call"])
  }

  @Test("a limited contact that could only go past its catch-up has no retry")
  func limitWithoutRetry() throws {
    let cadence = try rules("  catch up 1 day\n  D+14 call\n  limit call 1 per 7 days\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("manual-call", on: "2026-03-20", channel: "call")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-24"))
    #expect(plan.skipped.first?.reason == .limited)
    #expect(plan.skipped.first?.retry == nil)
    #expect(plan.next == nil)
  }

  @Test("limits admit the latest scheduled contact first; `any` counts every channel")
  func limitOrder() throws {
    let cadence = try rules("  D+1 email a\n  D+2 sms b\n  D+2 whatsapp c\n  limit any 1 per 1 day\n")
    let plan = try evaluate(cadence, try Invoice.make(due: "2026-03-10"), on: day("2026-03-12"))
    #expect(plan.actions.map(\.step) == ["d+2-whatsapp"])
    #expect(plan.skipped.map(\.reason) == [.limited, .limited])
    #expect(plan.skipped.map(\.retry) == [day("2026-03-13"), day("2026-03-13")])
  }

  @Test("history entries count toward limits only on their date window, and only when they are contacts")
  func limitCounting() throws {
    let cadence = try rules("  D+1 fee 2%\n  D+14 call\n  limit any 1 per 7 days\n")
    let invoice = try Invoice.make(due: "2026-03-10")
      .recording("d+1-fee", on: "2026-03-23")  // not a contact: does not count
      .recording("crm-note", on: "2026-03-23")  // unknown step, no channel: ignored
    #expect(try evaluate(cadence, invoice, on: day("2026-03-24")).actions.map(\.step) == ["d+14-call"])
    let contacted = try invoice.recording("crm-email", on: "2026-03-17", channel: "email")
    // The limit's window is 18..24.
    #expect(try evaluate(cadence, contacted, on: day("2026-03-24")).actions.map(\.step) == ["d+14-call"])
    let recent = try invoice.recording("crm-email", on: "2026-03-18", channel: "email")
    #expect(try evaluate(cadence, recent, on: day("2026-03-24")).skipped.map(\.reason) == [.limited])
  }

  @Test("a step in the history never fires again, whatever its date")
  func idempotent() throws {
    let cadence = try rules("  D+1 email b\n  D+1 fee 2%\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("d+1-fee", on: "2026-03-11").recording(
      "d+1-email", on: "2026-03-11")
    for offset in 0...40 {
      let plan = try evaluate(cadence, invoice, on: day("2026-03-11").adding(days: offset))
      #expect(plan.actions.isEmpty)
      #expect(plan.skipped.isEmpty)
    }
  }

  @Test("history and payments dated after the evaluation date have not happened yet")
  func asOf() throws {
    let cadence = try rules("  D+1 email b\n")
    let invoice = try Invoice.make(due: "2026-03-10").recording("d+1-email", on: "2026-03-12").paying(
      "1000.00", on: "2026-03-12")
    let plan = try evaluate(cadence, invoice, on: day("2026-03-11"))
    #expect(plan.actions.map(\.step) == ["d+1-email"])
    #expect(plan.balance.total.amountString == "1000.00")
  }

  @Test("the plan does not depend on the order of history and payments")
  func orderIndependent() throws {
    let cadence = try loadRuleFile("b2b-standard.regua").cadences[0]
    let invoice = try loadSampleInvoice("b2b-invoice.json")
    var reversed = invoice
    reversed.history.reverse()
    reversed.payments.reverse()
    for offset in stride(from: -20, through: 130, by: 1) {
      let date = invoice.due.adding(days: offset)
      let a = try evaluate(cadence, invoice, on: date)
      let b = try evaluate(cadence, reversed, on: date)
      #expect(a == b)
      #expect(a.jsonLine == b.jsonLine)
    }
  }

  @Test("`next` waits for a days-overdue threshold")
  func nextAtThreshold() throws {
    let cadence = try rules("  D+20 offer installments when days-overdue >= 25\n")
    let plan = try evaluate(cadence, try Invoice.make(due: "2026-03-10"), on: day("2026-03-30"))
    #expect(plan.skipped.map(\.reason) == [.condition])
    #expect(plan.next == day("2026-04-04"))
  }

  @Test("`next` sees payments dated in the future: none when the invoice will be paid first")
  func nextSeesFuturePayment() throws {
    let cadence = try rules("  D+14 call\n")
    let invoice = try Invoice.make(due: "2026-03-10").paying("1000.00", on: "2026-03-20")
    #expect(try evaluate(cadence, invoice, on: day("2026-03-11")).next == nil)
  }
}
