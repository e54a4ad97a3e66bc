import Testing

@testable import Regua

/// `regua explain`'s AMOUNTS: every component's derivation, written out from the amounts
/// calculation itself.
@Suite("The derivation of the amounts owed")
struct DerivationTests {
  static func amounts(
    _ rules: String, _ invoice: Invoice, on date: String, environment: Environment = .standard
  ) throws -> [String] {
    let cadence = try Cadence(parsing: rules, rateTables: Set(environment.rateTables.keys))
    let explanation = try Evaluator(cadence, environment: environment).explain(invoice, on: day(date))
    let derivation = try #require(explanation.amounts)
    #expect(derivation.owed == explanation.plan.balance)
    return AmountsDerivationText.lines(derivation)
  }

  @Test("a fee and a month of interest: interest: 1,000.00 × 1%/30 × 30 days = 10.00")
  func feeAndInterest() throws {
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    let lines = try DerivationTests.amounts(ChargeAmountTests.legal, invoice, on: "2026-04-09")
    #expect(
      lines == [
        "interest:  1,000.00 × 1%/30 × 30 days = 10.00 (juros, 2026-03-11 to 2026-04-09)",
        "fee:       1,000.00 × 2% = 20.00 (multa, 2026-03-11)",
        "owed:      principal 1,000.00 + fees 20.00 + interest 10.00 = 1,030.00 BRL",
      ])
  }

  @Test("a payment pays interest, then fees, then principal, and interest restarts on what is left")
  func payment() throws {
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")], payments: [("2026-03-25", "400.00")])
    let lines = try DerivationTests.amounts(ChargeAmountTests.legal, invoice, on: "2026-04-09")
    #expect(
      lines == [
        "interest:  1,000.00 × 1%/30 × 15 days = 5.00 (juros, 2026-03-11 to 2026-03-25)",
        "fee:       1,000.00 × 2% = 20.00 (multa, 2026-03-11)",
        "payment:   400.00 on 2026-03-25 pays interest 5.00, fees 20.00, principal 375.00",
        "interest:  625.00 × 1%/30 × 15 days = 3.125 (juros, 2026-03-26 to 2026-04-09)",
        "owed:      principal 625.00 + interest 3.13 = 628.13 BRL, each component rounded half-up",
      ])
  }

  @Test("an amount that is no finite decimal shows four more decimals and an ellipsis")
  func inexact() throws {
    let invoice = try ChargeAmountTests.invoice("100.00", executed: [("multa", "2026-03-11"), ("juros", "2026-03-11")])
    let lines = try DerivationTests.amounts(ChargeAmountTests.legal, invoice, on: "2026-03-15")
    #expect(lines.first == "interest:  100.00 × 1%/30 × 5 days = 0.166666… (juros, 2026-03-11 to 2026-03-15)")
    #expect(
      lines.last
        == "owed:      principal 100.00 + fees 2.00 + interest 0.17 = 102.17 BRL, each component rounded half-up")
  }

  @Test("a capped fee, a fixed fee and a discount in force say what they are")
  func capsFixedAndDiscount() throws {
    let rules = """
      cadence "c"
        I0 discount 2% until I+10 as desconto
        D+1 fee 2% max 15.00 as multa
        D+1 fee 40.00 as custo

      """
    let early = try ChargeAmountTests.invoice("1000.00", executed: [("desconto", "2026-01-01")])
    #expect(
      try DerivationTests.amounts(rules, early, on: "2026-01-08") == [
        "discount:  1,000.00 × 2% = 20.00 off if paid by 2026-01-11 (desconto)",
        "owed:      principal 1,000.00 − discount 20.00 = 980.00 BRL",
      ])
    let late = try ChargeAmountTests.invoice(
      "1000.00", executed: [("desconto", "2026-01-01"), ("multa", "2026-03-11"), ("custo", "2026-03-11")])
    #expect(
      try DerivationTests.amounts(rules, late, on: "2026-03-12") == [
        "fee:       1,000.00 × 2% = 20.00, max 15.00 → 15.00 (multa, 2026-03-11)",
        "fee:       40.00 (custo, 2026-03-11)",
        "owed:      principal 1,000.00 + fees 55.00 = 1,055.00 BRL",
      ])
  }

  @Test("a payment under a discount settles more principal than it pays")
  func paymentUnderDiscount() throws {
    let rules = """
      cadence "c"
        I0 discount 2% until I+10 as desconto

      """
    let invoice = try ChargeAmountTests.invoice(
      "1000.00", executed: [("desconto", "2026-01-01")], payments: [("2026-01-08", "490.00")])
    #expect(
      try DerivationTests.amounts(rules, invoice, on: "2026-01-09") == [
        "payment:   490.00 on 2026-01-08 pays principal 490.00, settling 500.00 of principal under the discount",
        "discount:  500.00 × 2% = 10.00 off if paid by 2026-01-11 (desconto)",
        "owed:      principal 500.00 − discount 10.00 = 490.00 BRL",
      ])
  }

  @Test("a rate table's interest is written month by month, each month's rate over its days")
  func rateTable() throws {
    let table = try ChargeAmountTests.table()
    let rules = """
      cadence "c"
        D+1 interest "taxa-legal" as juros

      """
    let invoice = try ChargeAmountTests.invoice("1000.00", due: "2026-01-10", executed: [("juros", "2026-01-11")])
    #expect(
      try DerivationTests.amounts(rules, invoice, on: "2026-03-31", environment: Environment(rateTables: [table])) == [
        "interest:  1,000.00 × 0.5%/31 × 21 days = 3.387096… (juros, rates taxa-legal, 2026-01-11 to 2026-01-31)",
        "interest:  1,000.00 × 0.4%/28 × 28 days = 4.00 (juros, rates taxa-legal, 2026-02-01 to 2026-02-28)",
        "interest:  1,000.00 × 0.6%/31 × 31 days = 6.00 (juros, rates taxa-legal, 2026-03-01 to 2026-03-31)",
        "owed:      principal 1,000.00 + interest 13.39 = 1,013.39 BRL, each component rounded half-up",
      ])
  }

  @Test(
    "digits are grouped by thousands",
    arguments: [
      ("0.50", "0.50"), ("999.00", "999.00"), ("1000.00", "1,000.00"), ("1234567.891", "1,234,567.891"),
      ("-12345", "-12,345"), ("0.166666…", "0.166666…"),
    ])
  func grouping(text: String, grouped: String) {
    #expect(AmountsDerivationText.grouped(text) == grouped)
  }

  @Test("each term prints as explain writes it, and a fee says what it charged")
  func termDescriptions() throws {
    let rules = "cadence \"c\"\n  D+1 fee 2% max 15.00 as multa\n"
    let invoice = try ChargeAmountTests.invoice("1000.00", executed: [("multa", "2026-03-11")])
    let cadence = try Cadence(parsing: rules)
    let derivation = try #require(try Evaluator(cadence).explain(invoice, on: day("2026-03-12")).amounts)
    let fee = try #require(derivation.terms.first)
    #expect(fee.description == "fee:       1,000.00 × 2% = 20.00, max 15.00 → 15.00 (multa, 2026-03-11)")
    #expect(fee.charged?.amountString == "15.00")
    #expect(derivation.description.hasSuffix("owed:      principal 1,000.00 + fees 15.00 = 1,015.00 BRL"))
  }
}

@Suite("explain lists the caps a cadence declares")
struct ExplainedCapsTests {
  @Test("cap lines appear under AMOUNTS and in the JSON's caps, as written")
  func caps() throws {
    let rules = """
      cadence "c"
        cap fee 2%
        cap interest 1% per month
        D+1 fee 2% as multa

      """
    let invoice = try ChargeAmountTests.invoice("1000.00", executed: [])
    let explanation = try Evaluator(try Cadence(parsing: rules)).explain(invoice, on: day("2026-03-12"))
    #expect(explanation.caps.map(\.description) == ["cap fee 2%", "cap interest 1% per month"])
    let text = ExplanationText.render(explanation).split(separator: "\n").map(String.init)
    #expect(
      text.contains(
        "  cap fee 2% · cap interest 1% per month (every charge step is within: checked when the rules compile)"))
    let json = explanation.jsonLine
    #expect(json.contains(#""caps":["cap fee 2%","cap interest 1% per month"]"#))
  }

  @Test("a cadence without caps writes none")
  func none() throws {
    let explanation = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email\n")).explain(
      try ChargeAmountTests.invoice("1000.00", executed: []), on: day("2026-03-12"))
    #expect(!ExplanationText.render(explanation).contains("AMOUNTS"))
    #expect(explanation.jsonLine.contains(#""caps":[]"#))
  }
}
