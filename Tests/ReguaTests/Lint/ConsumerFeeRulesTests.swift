import Testing

@testable import Regua

/// `uncapped-fee` and `fee-above-consumer-cap`: the fees of a consumer cadence, held to the
/// Código de Defesa do Consumidor; and what makes a cadence a consumer cadence.
@Suite("Lint: fees in consumer cadences")
struct ConsumerFeeRulesTests {
  static let codes: Set = ["uncapped-fee", "fee-above-consumer-cap"]

  /// The warnings of the consumer fee rules for a whole file.
  static func warnings(_ text: String) -> [Diagnostic] {
    LintTests.warnings(text).filter { codes.contains($0.code) }
  }

  @Test(
    "each fee warning's help, applied where it points, gives a file that lints clean",
    arguments: [
      "cadence \"consumer\"\n  D+1 fee 2% as multa\n",
      "cadence \"consumer\"\n  D+1 fee 10% max 50.00 as multa\n",
      "cadence \"consumer\"\n  D+1 fee 0.5% as multa\n",
      "cadence \"t\"\n  D+1 fee 2% when customer.kind in [\"person\"] as multa\n",
      "cadence \"t\"\n  D+1 fee 2% as multa\n  D+5 email x when customer.kind == \"person\"\n",
      "cadence \"t\"\n  D+1 fee 5% max 50.00 as d+1-fee\n  stop when \"person\" == customer.kind\n",
    ])
  func helpLintsClean(text: String) throws {
    try HelpFollower.expectCleanAfterHelps(text, codes: Self.codes)
  }

  // MARK: Consumer cadences

  @Test(
    "a cadence's name makes it a consumer cadence when it has a consumer word",
    arguments: [
      ("consumer", true), ("Consumer-BR", true), ("cobranca_pf", true), ("PF", true), ("consumidores 2026", true),
      ("retail consumers", true), ("b2b-standard", false), ("pfizer", false), ("consumerism", false),
      ("pessoa fisica", false),
    ])
  func consumerName(name: String, consumer: Bool) {
    let found = Self.warnings("cadence \"\(name)\"\n  D+1 fee 2% as multa\n")
    #expect(found.map(\.code) == (consumer ? ["uncapped-fee"] : []))
  }

  @Test(
    "a cadence whose conditions test for a person is a consumer cadence",
    arguments: [
      ("  D+5 email x when customer.kind == \"person\"", true),
      ("  D+5 email x when balance > 10.00 and \"person\" == customer.kind", true),
      ("  D+5 email x unless customer.kind in [\"company\", \"person\"]", true),
      ("  stop when customer.kind == \"person\" and balance < 1.00", true),
      ("  pause when not (customer.kind == \"person\")", true),
      ("  D+5 email x when customer.kind == \"company\"", false),
      ("  D+5 email x when customer.kind != \"company\"", false),
      ("  D+5 email x when customer.segment == \"person\"", false),
      ("  D+5 email x when tagged \"person\"", false),
    ])
  func consumerCondition(line: String, consumer: Bool) {
    let found = Self.warnings("cadence \"t\"\n  D+1 fee 2% as multa\n\(line)\n")
    #expect(found.map(\.code) == (consumer ? ["uncapped-fee"] : []))
  }

  @Test("the message says what made the cadence a consumer cadence")
  func consumerReason() {
    #expect(
      Self.warnings("cadence \"cobranca-pf\"\n  D+1 fee 2% as multa\n").map(\.message) == [
        "`fee 2%` has no `max` in a consumer cadence (its name has the word `pf`): on a large debt it is a large sum"
      ])
    #expect(
      Self.warnings("cadence \"t\"\n  D+1 fee 3% as multa\n  pause when customer.kind == \"person\"\n").map(\.message)
        == [
          "`fee 3%` has no `max` in a consumer cadence (it tests `customer.kind` for `\"person\"` on line 3): "
            + "on a large debt it is a large sum",
          "`fee 3%` is above the 2% cap on a consumer's late fine (it tests `customer.kind` for `\"person\"` on line 3)",
        ])
  }

  @Test(
    "a fee step whose own condition leaves people out is not held to consumer law",
    arguments: [
      "when customer.kind == \"company\"", "when customer.kind != \"person\"", "when customer.kind in [\"company\"]",
      "when balance > 100.00 and (customer.kind == \"company\")", "unless customer.kind == \"person\"",
      "unless tagged \"vip\" or customer.kind in [\"person\"]",
    ])
  func excludesPeople(condition: String) {
    let text = "cadence \"consumer\"\n  D+1 fee 2% max 50.00 as multa-pf\n  D+1 fee 10% \(condition) as multa-pj\n"
    #expect(Self.warnings(text).isEmpty, "\(Self.warnings(text).map(\.message))")
  }

  @Test(
    "a condition that may still hold for a person does not leave people out",
    arguments: [
      "when customer.kind == \"company\" or balance > 100.00", "when customer.kind in [\"company\", \"person\"]",
      "unless customer.kind == \"person\" and balance < 10.00", "when not (customer.kind == \"person\")",
    ])
  func stillPeople(condition: String) {
    let text = "cadence \"consumer\"\n  D+1 fee 10% max 50.00 \(condition) as multa\n"
    #expect(Self.warnings(text).map(\.code) == ["fee-above-consumer-cap"])
  }

  // MARK: uncapped-fee and fee-above-consumer-cap

  @Test(
    "fees a consumer cadence may charge are not warned about",
    arguments: [
      "D+1 fee 2% max 50.00", "D+1 fee 0.5% max 5.00 BRL", "D+1 fee 15.00", "D+1 fee 15.00 BRL",
      "D+1 interest 1% per month", "D+1 interest 12% per year", "I0 discount 5% until D-1",
    ])
  func consumerQuiet(line: String) {
    let found = Self.warnings("cadence \"consumer\"\n  \(line) as charge\n")
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  @Test(
    "outside a consumer cadence, uncapped and high fees are the author's business",
    arguments: ["D+1 fee 2%", "D+1 fee 10%", "D+1 fee 10% max 500.00"])
  func businessQuiet(line: String) {
    #expect(Self.warnings("cadence \"b2b-standard\"\n  \(line) as multa\n").isEmpty)
  }

  @Test("a fee above 2% is warned about, with the article, at the fee and its rate")
  func aboveCap() throws {
    let warning = try #require(Self.warnings("cadence \"consumer\"\n  D+1 fee 2.5% max 50.00 as multa\n").first)
    #expect(warning.code == "fee-above-consumer-cap")
    #expect(
      warning.message == "`fee 2.5%` is above the 2% cap on a consumer's late fine (its name has the word `consumer`)")
    #expect(
      warning.help == "write `fee 2%` or less: the Código de Defesa do Consumidor (art. 52 §1) caps the fine at 2%")
    #expect(warning.range.start.column == 7 && warning.range.end.column == 15)
  }

  @Test("fees that together come to more than 2% are warned about at the one that crosses the cap")
  func aboveCapTogether() throws {
    let text = """
      cadence "consumer"
        D+1  fee 1% max 20.00 as multa
        D+15 fee 1% max 20.00 as multa-2
        D+30 fee 0.5% max 10.00 as multa-3
        D+45 fee 0.25% max 10.00 when customer.kind == "company" as multa-pj

      """
    let found = Self.warnings(text)
    #expect(found.map(\.range.start.line) == [4])
    let warning = try #require(found.first)
    #expect(
      warning.message
        == "with the fees before it, `fee 0.5%` takes a consumer's late fines to 2.5%, above the 2% cap "
        + "(its name has the word `consumer`)")
    #expect(warning.notes == ["the first fee is on line 2"])
    #expect(Self.warnings(text.replacing("0.5%", with: "0%")).isEmpty, "exactly 2% is within the cap")
  }

  @Test("a fee above the cap without `max` gets both warnings, and both helps mend it")
  func bothFeeWarnings() {
    let found = Self.warnings("cadence \"consumer\"\n  D+1 fee 10% as multa\n")
    #expect(found.map(\.code) == ["uncapped-fee", "fee-above-consumer-cap"])
    #expect(Self.warnings("cadence \"consumer\"\n  D+1 fee 2% max 50.00 as multa\n").isEmpty)
  }

  @Test(
    "`# regua: ignore CODE` silences each fee warning, on its line or the line before",
    arguments: [
      ("uncapped-fee", "D+1 fee 2% as multa"), ("fee-above-consumer-cap", "D+1 fee 5% max 50.00 as multa"),
    ])
  func ignored(code: String, line: String) {
    let cadence = "cadence \"consumer\"\n"
    #expect(Self.warnings(cadence + "  \(line)\n").map(\.code) == [code])
    #expect(LintTests.warnings(cadence + "  \(line)  # regua: ignore \(code)\n").isEmpty)
    #expect(LintTests.warnings(cadence + "  # regua: ignore \(code) -- agreed with legal\n  \(line)\n").isEmpty)
    let other = Self.codes.subtracting([code]).sorted().joined(separator: ", ")
    #expect(LintTests.warnings(cadence + "  \(line)  # regua: ignore \(other)\n").map(\.code) == [code])
  }
}
