import Foundation
import Testing

@testable import Regua

/// Account evaluation: each invoice decided by the core rules, contacts merged per channel and
/// day, limits across the account.
@Suite("Account plans")
struct AccountPlanTests {
  static let rules = """
    cadence "accounts"
      D-3   email reminder
      D+1   email overdue
      D+3   call
      D+5   suspend service
      limit call 7 per 7 days

    """

  static func invoice(
    _ id: String, amount: String = "100.00", due: String = "2026-03-10", history: [(String, String)] = [],
    payments: [(String, String)] = []
  ) throws -> Invoice {
    try Invoice(
      id: id, amount: Money(parsing: amount, currency: .brl), issued: day("2026-03-01"), due: day(due),
      payments: try payments.map { try Payment(date: day($0.0), amount: Money(parsing: $0.1, currency: .brl)) },
      history: history.map { HistoryEntry(step: $0.0, date: day($0.1)) })
  }

  static func account(_ invoices: [Invoice], customer: Customer = Customer(id: "C-42")) throws -> Account {
    try Account(customer: customer, invoices: invoices)
  }

  static func evaluator(_ rules: String = rules) throws -> Evaluator { try Evaluator(try Cadence(parsing: rules)) }

  @Test("five invoices due the same day get one D+1 e-mail listing the five")
  func fiveInvoicesOneEmail() throws {
    let invoices = try (1...5).map { try AccountPlanTests.invoice("INV-\($0)") }
    let plan = try AccountPlanTests.evaluator().plan(
      for: AccountPlanTests.account(invoices), on: day("2026-03-11"))
    #expect(plan.actions.count == 1)
    let email = try #require(plan.actions.first)
    #expect(email.id == "C-42/email/2026-03-11")
    #expect(email.step == "d+1-email")
    #expect(email.invoices == ["INV-1", "INV-2", "INV-3", "INV-4", "INV-5"])
    #expect(email.covers == (1...5).map { CoveredStep(invoice: "INV-\($0)", step: "d+1-email") })
    #expect(email.invoice == nil)
    // The D-3 reminders are missed, one per invoice, each naming it.
    #expect(plan.skipped.map(\.invoice) == ["INV-1", "INV-2", "INV-3", "INV-4", "INV-5"])
    #expect(plan.skipped.allSatisfy { $0.reason == .missed })
    #expect(plan.next == day("2026-03-13"))
    let json = plan.jsonLine
    #expect(json.contains(#""customer":"C-42""#))
    #expect(json.contains(#""invoice":null"#))
    #expect(json.contains(#""covers":[{"invoice":"INV-1","step":"d+1-email"}"#))
  }

  @Test("the latest-scheduled contact gives the merged action its step; non-contacts keep their invoice's form")
  func latestGivesTheStep() throws {
    // On 03-13, INV-B's D+3 call and INV-A's D+5 suspension: one day, ordered by declaration.
    let early = try AccountPlanTests.invoice(
      "INV-A", due: "2026-03-08", history: [("d+1-email", "2026-03-09"), ("d+3-call", "2026-03-11")])
    let late = try AccountPlanTests.invoice("INV-B", due: "2026-03-10", history: [("d+1-email", "2026-03-11")])
    let plan = try AccountPlanTests.evaluator().plan(
      for: AccountPlanTests.account([late, early]), on: day("2026-03-13"))
    let ids = plan.actions.map(\.id)
    #expect(ids == ["C-42/call/2026-03-13", "INV-A/d+5-suspend"])
    #expect(plan.actions[0].invoices == ["INV-B"])
    #expect(plan.actions[0].scheduled == day("2026-03-13"))
    #expect(plan.actions[1].invoice == "INV-A")
  }

  @Test(
    "a merged e-mail takes the latest-scheduled step (ties: declared last) and covers each invoice's own",
    arguments: [("2026-03-10", "d+1-email", 0), ("2026-03-09", "d-3-email", 0)])
  func mergedStep(dueA: String, step: String, late: Int) throws {
    let a = try AccountPlanTests.invoice("INV-A", due: dueA)
    let b = try AccountPlanTests.invoice("INV-B", due: "2026-03-14")
    let plan = try AccountPlanTests.evaluator().plan(for: AccountPlanTests.account([b, a]), on: day("2026-03-11"))
    let email = try #require(plan.actions.first)
    #expect(plan.actions.count == 1)
    #expect(email.step == step)
    #expect(email.late == late)
    #expect(email.scheduled == day("2026-03-11"))
    #expect(email.covers.map(\.step) == ["d+1-email", "d-3-email"])
  }

  @Test("the order of the invoices and of their histories changes no byte")
  func shuffled() throws {
    var random = SeededRandom(seed: 16)
    let evaluator = try AccountPlanTests.evaluator()
    var invoices = try (1...8).map { index in
      try AccountPlanTests.invoice(
        "INV-\(index)", amount: "\(index * 150).00", due: "2026-03-\(10 + index % 4)",
        history: [("d-3-email", "2026-03-0\(5 + index % 3)"), ("d+1-email", "2026-03-1\(1 + index % 3)")],
        payments: index % 3 == 0 ? [("2026-03-12", "50.00")] : [])
    }
    let reference = try evaluator.plan(for: AccountPlanTests.account(invoices), on: day("2026-03-15")).jsonLine
    for _ in 0..<20 {
      invoices.shuffle(using: &random)
      let shuffled = try invoices.map { invoice in
        var invoice = invoice
        try invoice.update { $0.history.shuffle(using: &random) }
        return invoice
      }
      #expect(try evaluator.plan(for: AccountPlanTests.account(shuffled), on: day("2026-03-15")).jsonLine == reference)
    }
  }

  @Test("a 10-invoice account is never planned 8 calls within 7 days over 60 days")
  func neverEightCalls() throws {
    let rules = """
      cadence "calls"
        D+1 call
        D+2 call
        D+4 call
        D+6 call
        limit call 7 per 7 days
        group by invoice

      """
    let evaluator = try AccountPlanTests.evaluator(rules)
    var account = try AccountPlanTests.account(
      (1...10).map { try AccountPlanTests.invoice("INV-\($0)", due: "2026-03-\(10 + $0 % 5)") })
    var calls: [CivilDate] = []
    var limited = 0
    for offset in 0..<60 {
      let date = day("2026-03-01").adding(days: offset)
      let plan = try evaluator.plan(for: account, on: date)
      for action in plan.actions where action.channel == .call { calls.append(date) }
      limited += plan.skipped.filter { $0.reason == .limited }.count
      try AccountPlanTests.record(plan, in: &account)
    }
    // The limit is what holds them: 40 calls are due, and some wait.
    #expect(calls.count >= 7)
    #expect(limited > 0)
    for start in calls {
      let window = calls.filter { $0 >= start && $0 < start.adding(days: 7) }
      #expect(window.count <= 7, "\(window.count) calls from \(start)")
    }
  }

  @Test("`group by invoice` keeps each invoice's contact in its own form; admission ties go to the greater id")
  func groupedByInvoice() throws {
    let rules = """
      cadence "calls"
        D+1 call
        limit call 2 per 7 days
        group by invoice

      """
    let cadence = try Cadence(parsing: rules)
    #expect(cadence.groupsByInvoice)
    let account = try AccountPlanTests.account(
      (1...3).map { try AccountPlanTests.invoice("INV-\($0)", due: "2026-03-10") })
    let plan = try Evaluator(cadence).plan(for: account, on: day("2026-03-11"))
    #expect(plan.actions.map(\.id) == ["INV-2/d+1-call", "INV-3/d+1-call"])
    #expect(plan.actions.map(\.invoice) == ["INV-2", "INV-3"])
    #expect(plan.actions.allSatisfy { $0.covers.isEmpty && $0.invoices.isEmpty })
    #expect(plan.skipped.map(\.invoice) == ["INV-1"])
    #expect(plan.skipped.map(\.reason) == [.limited])
  }

  @Test("`group by invoice` is a setting: given once, formatted as written, an error twice")
  func groupSyntax() throws {
    let text = "cadence \"c\"\n  D+1 call\n  group  by   invoice\n"
    #expect(try Cadence(parsing: text).groupsByInvoice)
    #expect(!(try Cadence(parsing: "cadence \"c\"\n  D+1 call\n").groupsByInvoice))
    #expect(try RuleFormatter.format(SourceFile(path: "c.regua", text: text)).get().contains("\n  group by invoice\n"))
    #expect(throws: (any Error).self) {
      try Cadence(parsing: "cadence \"c\"\n  D+1 call\n  group by invoice\n  group by invoice\n")
    }
    #expect(throws: (any Error).self) { try Cadence(parsing: "cadence \"c\"\n  D+1 call\n  group by customer\n") }
  }

  @Test("merged, the account's calls are one a day, and the limit counts that day once")
  func mergedCallsCountOnce() throws {
    let rules = """
      cadence "calls"
        D+1 call
        limit call 1 per 7 days

      """
    let evaluator = try AccountPlanTests.evaluator(rules)
    let account = try AccountPlanTests.account(
      (1...3).map { try AccountPlanTests.invoice("INV-\($0)", due: "2026-03-10") })
    let plan = try evaluator.plan(for: account, on: day("2026-03-11"))
    #expect(plan.actions.map(\.id) == ["C-42/call/2026-03-11"])
    #expect(plan.actions[0].invoices.count == 3)
    // A call already recorded today for one invoice and today's merged call count once
    // together; one recorded yesterday fills the limit.
    for (date, admitted) in [("2026-03-11", true), ("2026-03-10", false)] {
      var called = account
      try called.update { _, invoices in _ = try? invoices[0].record(HistoryEntry(step: "d+1-call", date: day(date))) }
      let plan = try evaluator.plan(for: called, on: day("2026-03-11"))
      #expect(plan.actions.isEmpty == !admitted, "call recorded on \(date)")
      #expect(plan.skipped.filter { $0.reason == .limited }.count == (admitted ? 0 : 2))
    }
  }

  @Test("an account plan's balances and priority follow its invoices")
  func balancesAndPriority() throws {
    let invoices = [
      try AccountPlanTests.invoice("INV-1", amount: "1000.00"),
      try AccountPlanTests.invoice("INV-2", amount: "250.50", payments: [("2026-03-05", "50.50")]),
    ]
    let plan = try AccountPlanTests.evaluator().plan(for: AccountPlanTests.account(invoices), on: day("2026-03-11"))
    #expect(plan.balances["INV-2"]?.total.amountString == "200.00")
    #expect(plan.balance?.total.amountString == "1200.00")
    // One day overdue: 1,000 + 200 whole units, times 1 day.
    #expect(plan.actions.first?.priority == 1200)
  }

  @Test("recording refuses another customer's merged contact, even over the same invoice ids")
  func recordRefusesAnotherCustomer() throws {
    let invoices = try ["INV-1", "INV-2"].map { try AccountPlanTests.invoice($0) }
    let other = try AccountPlanTests.account(invoices, customer: Customer(id: "C-7"))
    let plan = try AccountPlanTests.evaluator().plan(for: other, on: day("2026-03-11"))
    let email = try #require(plan.actions.first { !$0.covers.isEmpty })
    var account = try AccountPlanTests.account(invoices)
    #expect(throws: InvalidInput.self) { try account.record(email, on: plan.date) }
    #expect(account.invoices.allSatisfy { $0.history.isEmpty })
  }

  /// Records every action of `plan` in the histories it covers, as a host does.
  static func record(_ plan: AccountPlan, in account: inout Account) throws {
    for action in plan.actions { try account.record(action, on: plan.date) }
  }
}
