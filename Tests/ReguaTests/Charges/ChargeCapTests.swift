import Testing

@testable import Regua

/// `cap fee R%` and `cap interest R% per PERIOD`: a ceiling a cadence declares on its own
/// charges, so that a rate above what the law or the contract allows does not compile.
@Suite("Charge caps")
struct ChargeCapTests {
  static func codes(_ text: String) -> [String] {
    RuleCompiler.compile(SourceFile(path: "caps.regua", text: text)).diagnostics.map(\.code)
  }

  static func cadence(_ caps: String, _ steps: String) -> String {
    "cadence \"c\"\n" + caps + steps
  }

  @Test(
    "a fee or an interest rate above the cap does not compile; at or below it does",
    arguments: [
      ("  cap fee 2%\n", "  D+1 fee 2% as multa\n", []),
      ("  cap fee 2%\n", "  D+1 fee 2.000001% as multa\n", ["above-cap"]),
      ("  cap fee 2%\n", "  D+1 fee 1.5% max 10.00 as multa\n", []),
      // A fixed fee is not a rate: `max` bounds it.
      ("  cap fee 2%\n", "  D+1 fee 400.00 as tarifa\n", []),
      ("  cap interest 1% per month\n", "  D+1 interest 1% per month as juros\n", []),
      ("  cap interest 1% per month\n", "  D+1 interest 1.01% per month as juros\n", ["above-cap"]),
      // 12% a year is 12/365 = 0.0329% a day, below 1/30 of 1% = 0.0333%; 12.2% is above.
      ("  cap interest 1% per month\n", "  D+1 interest 12% per year as juros\n", []),
      ("  cap interest 1% per month\n", "  D+1 interest 12.2% per year as juros\n", ["above-cap"]),
      ("  cap interest 1% per month\n", "  D+1 interest 0.04% per day as juros\n", ["above-cap"]),
      // The cap may come after the steps it caps.
      ("", "  D+1 fee 10% as multa\n  cap fee 2%\n", ["above-cap"]),
      // The steps add up: two fees, or two interest steps that end up accruing together.
      ("  cap fee 2%\n", "  D+1 fee 1% as a\n  D+30 fee 1% as b\n", []),
      ("  cap fee 2%\n", "  D+1 fee 1.5% as a\n  D+30 fee 1% as b\n", ["above-cap"]),
      (
        "  cap interest 1% per month\n", "  D+1 interest 1% per month as a\n  D+15 interest 1% per month as b\n",
        ["above-cap"]
      ),
      ("  cap interest 1% per month\n", "  D+1 interest 6% per year as a\n  D+15 interest 0.5% per month as b\n", []),
    ] as [(String, String, [String])])
  func capsSteps(caps: String, steps: String, codes: [String]) {
    #expect(ChargeCapTests.codes(ChargeCapTests.cadence(caps, steps)) == codes)
  }

  @Test(
    "a cap line that is not a rate gets the typed line as help",
    arguments: [
      ("  cap fee 15.00\n", "bad-charge", "write `cap fee 2%`"),
      ("  cap interest \"selic\"\n", "bad-charge", "write `cap interest 1% per month`"),
      ("  cap interest 1%\n", "bad-charge", "`cap interest 1% per month`"),
      ("  cap fee 2000%\n", "bad-rate", "write a rate such as `2%`"),
      ("  cap multa 2%\n", "bad-charge", "write `cap fee 2%`"),
      ("  cap fee 2%\n  cap fee 3%\n", "duplicate-setting", "keep one"),
    ])
  func badCaps(line: String, code: String, help: String) throws {
    let file = RuleCompiler.compile(SourceFile(path: "caps.regua", text: "cadence \"c\"\n" + line))
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.code == code)
    #expect(diagnostic.help?.contains(help) == true, "\(diagnostic.help ?? "")")
  }

  @Test("the caps are on the cadence, and the formatter writes them canonically")
  func model() throws {
    let text = "cadence \"c\"\n  cap   fee 2%\n  cap interest  12% per year  # usury\n  D+1 fee 2% as multa\n"
    let file = RuleCompiler.compile(SourceFile(path: "caps.regua", text: text))
    let cadence = try #require(file.cadences.first)
    #expect(
      cadence.caps == [
        ChargeCap(fee: try Rate(parsing: "2%")), ChargeCap(interest: try Rate(parsing: "12%"), per: .year),
      ])
    #expect(cadence.caps.map(\.description) == ["cap fee 2%", "cap interest 12% per year"])
    let formatted = try RuleFormatter.format(SourceFile(path: "caps.regua", text: text)).get()
    #expect(formatted.contains("  cap fee 2%\n  cap interest 12% per year  # usury\n"))
  }

  @Test("a rate table above the cap on some day is an error where the step names it, or for the evaluator")
  func tables() throws {
    let rules = """
      cadence "c"
        cap interest 1% per month
        D+1 interest "selic" plus 0.5% as juros

      rates "selic" per month
        2026-01  0.4%
        2026-02  0.5%

      """
    // February's 1% over its 28 days costs more a day than 1% over 30.
    let file = RuleCompiler.compile(SourceFile(path: "caps.regua", text: rules))
    #expect(file.diagnostics.map(\.code) == ["above-cap"])
    #expect(
      file.diagnostics.first?.message
        == "rates `selic` plus 0.5% for 2026-02 is above the cadence's `cap interest 1% per month`")
    // A host's table is checked when the evaluator is built.
    let cadence = try Cadence(
      parsing: "cadence \"c\"\n  cap interest 1% per month\n  D+1 interest \"selic\" as juros\n", rateTables: ["selic"])
    let table = try RateTable(
      name: "selic", per: .month,
      entries: [RateTable.Entry(month: day("2026-03-01"), months: 1, rate: try Rate(parsing: "1.1%"))])
    #expect(throws: EnvironmentError.rateTableAboveCap("selic", cadence: "c", cap: cadence.caps[0], period: "2026-03"))
    {
      try Evaluator(cadence, environment: Environment(rateTables: [table]))
    }
    let fine = try RateTable(
      name: "selic", per: .month,
      entries: [RateTable.Entry(month: day("2026-04-01"), months: 1, rate: try Rate(parsing: "1%"))])
    #expect(throws: Never.self) { try Evaluator(cadence, environment: Environment(rateTables: [fine])) }
  }
}
