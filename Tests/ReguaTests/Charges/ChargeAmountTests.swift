import Testing

@testable import Regua

/// Amounts computed by hand, as exact fractions, and checked to the cent.
@Suite("Charges to the cent")
struct ChargeAmountTests {
  /// An invoice whose charge steps were executed on the day they were due (their history).
  static func invoice(
    _ amount: String, currency: Currency = .brl, due: String = "2026-03-10", issued: String = "2026-01-01",
    executed: [(String, String)] = [],
    payments: [(String, String)] = []
  ) throws -> Invoice {
    try Invoice(
      id: "INV-1", amount: try Money(parsing: amount, currency: currency), issued: day(issued), due: day(due),
      payments: try payments.map { Payment(date: day($0.0), amount: try Money(parsing: $0.1, currency: currency)) },
      history: executed.map { HistoryEntry(step: $0.0, date: day($0.1)) })
  }

  static let legal = """
    cadence "legal"
      D+1 fee 2% as multa
      D+1 interest 1% per month as juros

    """

  static func owed(_ rules: String, _ invoice: Invoice, on date: String, environment: Environment = .standard) throws
    -> AmountsOwed
  {
    let cadence = try Cadence(parsing: rules, rateTables: Set(environment.rateTables.keys))
    return try Evaluator(cadence, environment: environment).amounts(for: invoice, on: day(date))
  }

  static func components(_ owed: AmountsOwed) -> [String] {
    [owed.principal, owed.fees, owed.interest, owed.discount, owed.total].map(\.amountString)
  }

  @Test("R$ 1,000.00 due 2026-03-10, 2% fee and 1% a month from D+1: on 2026-04-09 the fee is 20.00, interest 10.00")
  func feeAndInterest() throws {
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    // Interest: 1,000.00 × 1%/30 × 30 days (2026-03-11 through 2026-04-09) = 10.00.
    let owed = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-04-09")
    #expect(ChargeAmountTests.components(owed) == ["1000.00", "20.00", "10.00", "0.00", "1030.00"])
    #expect(owed.description == "1030.00 BRL (principal 1000.00 + fees 20.00 + interest 10.00)")
  }

  @Test("with 400.00 paid on 2026-03-25 the payment pays interest, then the fee, then principal")
  func paymentAllocation() throws {
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")], payments: [("2026-03-25", "400.00")])
    // To 2026-03-25: 15 days on 1,000.00 = 5.00 interest (its own day included); 400.00 pays
    // 5.00 interest, 20.00 fee, 375.00 principal. Then 15 days on 625.00 = 3.125 → 3.13.
    let atPayment = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-03-25")
    #expect(ChargeAmountTests.components(atPayment) == ["625.00", "0.00", "0.00", "0.00", "625.00"])
    let later = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-04-09")
    #expect(ChargeAmountTests.components(later) == ["625.00", "0.00", "3.13", "0.00", "628.13"])
  }

  @Test("R$ 100.00 five days late: 2% fee and 1% a month pro rata die make 102.17")
  func fiveDaysLate() throws {
    let invoice = try ChargeAmountTests.invoice("100.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    // 100.00 × 1%/30 × 5 = 0.1666… → 0.17; 100.00 + 2.00 + 0.17.
    let owed = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-03-15")
    #expect(ChargeAmountTests.components(owed) == ["100.00", "2.00", "0.17", "0.00", "102.17"])
  }

  @Test("a currency without minor units (JPY) rounds each component to the yen")
  func yen() throws {
    let invoice = try ChargeAmountTests.invoice(
      "12345", currency: .jpy, executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    // Fee 246.9 → 247; interest 12,345 × 1%/30 × 10 = 41.15 → 41.
    let owed = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-03-20")
    #expect(ChargeAmountTests.components(owed) == ["12345", "247", "41", "0", "12633"])
  }

  @Test("a three-decimal currency (BHD) keeps its three decimals")
  func threeDecimals() throws {
    let bhd = try #require(Currency("BHD"))
    let invoice = try ChargeAmountTests.invoice(
      "100.005", currency: bhd, executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    // Fee 2.0001 → 2.000; interest 100.005 × 1%/30 × 7 = 0.233345 → 0.233.
    let owed = try ChargeAmountTests.owed(ChargeAmountTests.legal, invoice, on: "2026-03-17")
    #expect(ChargeAmountTests.components(owed) == ["100.005", "2.000", "0.233", "0.000", "102.238"])
  }

  @Test("a 2/10 discount: 980.00 paid in its period settles 1,000.00")
  func discount() throws {
    let rules = """
      cadence "2/10"
        I0 discount 2% until I+10 as desconto

      """
    let open = try ChargeAmountTests.invoice("1000.00", issued: "2026-03-01", executed: [("desconto", "2026-03-01")])
    let during = try ChargeAmountTests.owed(rules, open, on: "2026-03-11")
    #expect(ChargeAmountTests.components(during) == ["1000.00", "0.00", "0.00", "20.00", "980.00"])
    let after = try ChargeAmountTests.owed(rules, open, on: "2026-03-12")
    #expect(ChargeAmountTests.components(after) == ["1000.00", "0.00", "0.00", "0.00", "1000.00"])
    let paid = try ChargeAmountTests.invoice(
      "1000.00", issued: "2026-03-01", executed: [("desconto", "2026-03-01")], payments: [("2026-03-08", "980.00")])
    #expect(try ChargeAmountTests.owed(rules, paid, on: "2026-03-08").isSettled)
    #expect(try ChargeAmountTests.owed(rules, paid, on: "2026-04-30").isSettled)
  }

  @Test("a fee's max caps it; a fixed fee is its amount")
  func caps() throws {
    let rules = """
      cadence "caps"
        D+1 fee 2% max 15.00 as capped
        D+2 fee 3.50 as fixed

      """
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("capped", "2026-03-11"), ("fixed", "2026-03-12")])
    let owed = try ChargeAmountTests.owed(rules, invoice, on: "2026-03-12")
    #expect(ChargeAmountTests.components(owed) == ["1000.00", "18.50", "0.00", "0.00", "1018.50"])
  }

  @Test("a charge counts from the day it was executed, and computes from its scheduled date")
  func countsFromExecution() throws {
    // The interest step was executed five days late: before that conditions see no interest,
    // from then on they see it accrued since D+1.
    let invoice = try ChargeAmountTests.invoice("3000.00", executed: [("juros", "2026-03-16")])
    let rules = "cadence \"late\"\n  D+1 interest 1% per month as juros\n"
    #expect(try ChargeAmountTests.owed(rules, invoice, on: "2026-03-15").total.amountString == "3000.00")
    // 3,000.00 × 1%/30 × 6 days (2026-03-11 through 2026-03-16) = 6.00.
    #expect(try ChargeAmountTests.owed(rules, invoice, on: "2026-03-16").interest.amountString == "6.00")
  }

  @Test("a plan's balance counts the charges it fires; its conditions do not")
  func planCountsItsCharges() throws {
    let rules = """
      cadence "p"
        D+1 fee 2% as multa
        D+1 email x when balance > 1000.00 as e

      """
    let invoice = try ChargeAmountTests.invoice("1000.00")
    let plan = try Evaluator(try Cadence(parsing: rules)).plan(for: invoice, on: day("2026-03-11"))
    #expect(plan.actions.map(\.step) == ["multa"])
    #expect(plan.skipped.map(\.reason) == [.condition])
    #expect(plan.balance.total.amountString == "1020.00")
    // Tomorrow the fee is in the history: the e-mail goes out, within its catch-up.
    #expect(plan.next == day("2026-03-12"))
  }

  @Test("a charge in another currency than the invoice's is an input error for that invoice")
  func otherCurrency() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 fee 15.00 EUR as f\n"))
    let invoice = try ChargeAmountTests.invoice("100.00")
    #expect(throws: InvalidInput.self) { try evaluator.plan(for: invoice, on: day("2026-03-11")) }
    do {
      _ = try evaluator.plan(for: invoice, on: day("2026-03-11"))
    } catch {
      #expect(error.errors.first?.path == "currency")
      #expect(error.errors.first?.message.contains("`f` charges `15.00 EUR`") == true)
    }
  }

  static func table() throws -> RateTable {
    try RateTable(
      name: "taxa-legal", per: .month,
      entries: [("2026-01-01", "0.5%"), ("2026-02-01", "0.4%"), ("2026-03-01", "0.6%")].map {
        RateTable.Entry(month: day($0.0), months: 1, rate: try Rate(parsing: $0.1))
      })
  }

  @Test("three months of a monthly rate table: each month's rate spread over its calendar days")
  func rateTable() throws {
    let rules = "cadence \"t\"\n  D+1 interest \"taxa-legal\" as juros\n"
    let environment = Environment(rateTables: [try ChargeAmountTests.table()])
    let invoice = try ChargeAmountTests.invoice("1000.00", due: "2026-01-10", executed: [("juros", "2026-01-11")])
    // January: 1,000.00 × 0.5% × 21/31 = 3.387096…; February 1,000.00 × 0.4% = 4; March
    // 1,000.00 × 0.6% = 6: 13.387096… → 13.39.
    let owed = try ChargeAmountTests.owed(rules, invoice, on: "2026-03-31", environment: environment)
    #expect(ChargeAmountTests.components(owed) == ["1000.00", "0.00", "13.39", "0.00", "1013.39"])
    // April has no rate: the amounts are unknown, and the error names the month and the fix.
    do {
      _ = try ChargeAmountTests.owed(rules, invoice, on: "2026-04-01", environment: environment)
      Issue.record("a month missing from the table was not reported")
    } catch {
      #expect(String(describing: error).contains("rates `taxa-legal` has no rate for 2026-04"))
      #expect(String(describing: error).contains("`2026-04  R%`"))
    }
    // Without the table in the environment the evaluator is never built.
    #expect(throws: EnvironmentError.self) { try Evaluator(try Cadence(parsing: rules, rateTables: ["taxa-legal"])) }
  }

  @Test("a charge firing in the plan whose table lacks a month is an input error, never a balance without it")
  func firedChargeOverMissingMonth() throws {
    let rules = "cadence \"t\"\n  D+1 fee 2% as multa\n  D+1 interest \"taxa-legal\" as juros\n"
    let environment = Environment(rateTables: [try ChargeAmountTests.table()])
    let evaluator = try Evaluator(try Cadence(parsing: rules, rateTables: ["taxa-legal"]), environment: environment)
    // Due 2026-03-30: the charges first fire on 2026-03-31, then (unrecorded, late) in April.
    let invoice = try ChargeAmountTests.invoice("1000.00", due: "2026-03-30")
    let march = try evaluator.plan(for: invoice, on: day("2026-03-31"))
    #expect(march.actions.count == 2)
    // 1,000.00 × 2% and one day of March: 1,000.00 × 0.6%/31 = 0.193548… → 0.19.
    #expect(march.balance.total.amountString == "1020.19")
    #expect(throws: InvalidInput.self) { try evaluator.plan(for: invoice, on: day("2026-04-01")) }
    #expect(throws: InvalidInput.self) { try evaluator.explain(invoice, on: day("2026-04-06")) }
  }

  @Test("a half-yearly table of yearly rates with a margin: the EU's reference rate plus 8 points")
  func halfYearly() throws {
    let ecb = try RateTable(
      name: "ecb", per: .year,
      entries: [
        RateTable.Entry(month: day("2026-01-01"), months: 6, rate: try Rate(parsing: "2.15%")),
        RateTable.Entry(month: day("2026-07-01"), months: 6, rate: try Rate(parsing: "2.4%")),
      ])
    let rules = "cadence \"eu\"\n  D+1 interest \"ecb\" plus 8% as interest\n"
    let invoice = try ChargeAmountTests.invoice(
      "10000.00", currency: .eur, due: "2026-06-20", executed: [("interest", "2026-06-21")])
    // 10 days at 10.15%/365 and 31 days at 10.4%/365 on 10,000.00: 27.808219… + 88.328767… =
    // 116.136986… → 116.14.
    let owed = try ChargeAmountTests.owed(rules, invoice, on: "2026-07-31", environment: Environment(rateTables: [ecb]))
    #expect(owed.interest.amountString == "116.14")
  }

  @Test("explain gives the plan's balance and, on the day a charge fires, the amounts conditions read")
  func explainBothAmounts() throws {
    let rules = "cadence \"p\"\n  D+1 fee 2% as multa\n  D+1 email x when balance > 1000.00 as e\n"
    let explanation = try Evaluator(try Cadence(parsing: rules)).explain(
      try ChargeAmountTests.invoice("1000.00"), on: day("2026-03-11"))
    let lines = explanation.report.split(separator: "\n").map(String.init)
    #expect(lines[0].hasSuffix("balance 1020.00 BRL (principal 1000.00 + fees 20.00)"))
    #expect(
      lines.contains(
        "before this plan's charges (they count once recorded), conditions read balance 1000.00 BRL "
          + "(principal 1000.00 + fees 0.00 + interest 0.00)"))
  }
}

@Suite("A charge fired today that the history dates later")
struct FiredChargeDatedLaterTests {
  @Test("it counts once, from today: `next` agrees with a daily walk")
  func countsOnce() throws {
    let rules = """
      cadence "c"
        D+13 interest 12% per year as juros
        D+23 email b when interest >= 4.00

      """
    let evaluator = try Evaluator(try Cadence(parsing: rules))
    // The host recorded the interest step ahead of time, dated 03-26; it fires on 03-17 all the same.
    let invoice = try ChargeAmountTests.invoice("1000.00", due: "2026-03-04", executed: [("juros", "2026-03-26")])
    let plan = try evaluator.plan(for: invoice, on: day("2026-03-17"))
    #expect(plan.actions.map(\.step) == ["juros"])
    let walked = try walkDaily(evaluator, invoice, from: day("2026-03-17"), days: 30)
    let firstEmail = walked.dropFirst().first { !$0.actions.isEmpty }?.date
    #expect(firstEmail != nil)
    #expect(plan.next == firstEmail)
  }
}
