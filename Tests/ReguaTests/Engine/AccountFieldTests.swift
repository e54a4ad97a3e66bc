import Testing

@testable import Regua

/// The `account.` fields: what they count, in which currency, and how conditions on them move.
@Suite("Account fields in conditions")
struct AccountFieldTests {
  static func invoice(
    _ id: String, amount: String, issued: String = "2026-01-01", due: String, currency: Currency = .brl,
    payments: [(String, String)] = [], status: InvoiceStatus = .open
  ) throws -> Invoice {
    var invoice = try Invoice(
      id: id, amount: Money(parsing: amount, currency: currency), issued: day(issued), due: day(due),
      payments: try payments.map { try Payment(date: day($0.0), amount: Money(parsing: $0.1, currency: currency)) })
    invoice.status = status
    return invoice
  }

  /// Four invoices of one customer: A and B overdue, C not yet due, D paid; and one in USD.
  static func account() throws -> Account {
    try Account(
      customer: Customer(id: "C-1"),
      invoices: [
        invoice("A", amount: "600.00", due: "2026-03-01"),
        invoice("B", amount: "300.00", due: "2026-03-05", payments: [("2026-03-06", "100.00")]),
        invoice("C", amount: "50.00", due: "2026-04-01"),
        invoice("D", amount: "999.00", due: "2026-02-01", payments: [("2026-02-10", "999.00")]),
        invoice("E", amount: "5000.00", due: "2026-02-01", currency: .usd),
        invoice("F", amount: "700.00", due: "2026-02-01", status: .cancelled),
      ])
  }

  /// The values the D+10 step of invoice A sees on 2026-03-11, from its skip's explanation.
  @Test("each field counts the open, or the overdue, invoices in the evaluated invoice's currency")
  func values() throws {
    let cadence = try Cadence(parsing: "cadence \"x\"\n  D+10 call when account.balance > 1000000\n")
    let plan = try Evaluator(cadence).plan(for: AccountFieldTests.account(), on: day("2026-03-11"))
    let skip = try #require(plan.skipped.first { $0.invoice == "A" })
    guard case .condition(_, _, let values, _) = skip.explanation else {
      Issue.record("expected a condition skip, got \(skip.explanation)")
      return
    }
    // Open: A (600), B (200 after its payment), C (50); D is paid, F cancelled, E in USD.
    #expect(values.account.balance == Money(minorUnits: 85_000, currency: .brl))
    #expect(values.account.overdueBalance == Money(minorUnits: 80_000, currency: .brl))
    #expect(values.account.openInvoices == 3)
    #expect(values.account.overdueInvoices == 2)
    #expect(values.account.oldestDaysOverdue == 10)
    #expect(skip.detail.contains("account.balance is 850.00 BRL"), "\(skip.detail)")
  }

  @Test("an invoice evaluated alone is an account of one")
  func alone() throws {
    let cadence = try Cadence(
      parsing: """
        cadence "x"
          D+1 email one when account.open-invoices == 1 and account.overdue-balance == 600.00
          D+2 email two when account.oldest-days-overdue == 2 and account.balance >= amount

        """)
    let invoice = try AccountFieldTests.invoice("A", amount: "600.00", due: "2026-03-01")
    let evaluator = try Evaluator(cadence)
    #expect(try evaluator.plan(for: invoice, on: day("2026-03-02")).actions.map(\.step) == ["d+1-email"])
    #expect(try evaluator.plan(for: invoice, on: day("2026-03-03")).actions.map(\.step) == ["d+2-email"])
    var cancelled = invoice
    cancelled.status = .cancelled
    #expect(try evaluator.plan(for: cancelled, on: day("2026-03-02")).actions.isEmpty)
  }

  @Test("a condition on the account waits for the other invoices: `next` is the day the second falls overdue")
  func nextFollowsTheAccount() throws {
    let cadence = try Cadence(
      parsing: """
        cadence "x"
          D+1 call when account.overdue-invoices >= 2
          catch up 30 days

        """)
    let account = try Account(
      customer: Customer(id: "C-1"),
      invoices: [
        AccountFieldTests.invoice("A", amount: "100.00", due: "2026-03-01"),
        AccountFieldTests.invoice("B", amount: "100.00", due: "2026-03-09"),
      ])
    let evaluator = try Evaluator(cadence)
    let early = try evaluator.plan(for: account, on: day("2026-03-02"))
    #expect(early.actions.isEmpty)
    #expect(early.next == day("2026-03-10"))
    let then = try evaluator.plan(for: account, on: day("2026-03-10"))
    #expect(then.actions.map(\.invoices) == [["A", "B"]])
    // A payment of B on 03-09 leaves one overdue invoice: nothing, ever.
    let paid = try Account(
      customer: Customer(id: "C-1"),
      invoices: [
        AccountFieldTests.invoice("A", amount: "100.00", due: "2026-03-01"),
        AccountFieldTests.invoice("B", amount: "100.00", due: "2026-03-09", payments: [("2026-03-09", "100.00")]),
      ])
    let never = try evaluator.plan(for: paid, on: day("2026-03-02"))
    #expect(never.next == nil)
  }

  @Test(
    "an account field compares with a value or `amount`, never another field",
    arguments: [
      ("account.balance > balance", false), ("account.overdue-invoices > days-overdue", false),
      ("account.balance >= amount", true), ("account.open-invoices in [1, 2]", true),
      ("1000.00 BRL <= account.overdue-balance", true), ("account.balance == account.balance", true),
    ])
  func comparisons(condition: String, valid: Bool) throws {
    let file = RuleCompiler.compile(SourceFile(path: "x.regua", text: "cadence \"x\"\n  D+1 call when \(condition)\n"))
    let errors = file.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty == valid, "\(errors)")
    if !valid { #expect(errors.first?.code == DiagnosticCode.typeMismatch.rawValue) }
  }

  @Test("the builder refuses an account field compared with another field")
  func builder() {
    #expect((MoneyField.accountBalance < MoneyField.balance).problem != nil)
    #expect((MoneyField.accountBalance < MoneyField.amount).problem == nil)
    #expect((DayCountField.accountOpenInvoices >= 2).problem == nil)
  }
}
