import Testing

@testable import Regua

@Suite("Test blocks that expect amounts owed")
struct BalanceExpectationTests {
  static let source = """
    cadence "juros" version 1
      D+1 fee 2% as multa
      D+1 interest 1% per month as juros

    test "to the cent"
      invoice 1000.00 BRL due 2026-03-10
      on D+30 expect balance 1030.00
      on D+30 expect balance fees 20.00
      on D+30 expect balance interest 10.00
      on D+30 expect balance principal 1000.00
      on D+30 expect balance total 1030.00
      on D+1 expect balance 1020.33

    test "a cent off"
      invoice 1000.00 BRL due 2026-03-10
      on D+30 expect balance interest 10.01

    """

  @Test("each component is checked against the plan's balance, and a miss says what it is")
  func amounts() throws {
    let file = RuleCompiler.compile(SourceFile(path: "t.regua", text: BalanceExpectationTests.source))
    #expect(file.isValid, "\(file.diagnostics)")
    let results = PolicyTestSuite.run([file])
    #expect(results.map(\.failures.count) == [0, 1])
    #expect(
      results[1].failures.first?.message
        == "on D+30 (2026-04-09): expected balance interest 10.01, but it is 10.00 "
        + "(1030.00 BRL (principal 1000.00 + fees 20.00 + interest 10.00))")
  }

  @Test(
    "the formatter keeps the lines, and an amount is required", arguments: ["balance", "balance fees", "balance x"])
  func syntax(line: String) throws {
    let file = RuleCompiler.compile(
      SourceFile(
        path: "t.regua",
        text:
          "cadence \"c\"\n  D+1 fee 2% as f\n\ntest \"t\"\n  invoice 10.00 BRL due 2026-03-10\n  on D+1 expect \(line)\n"
      ))
    #expect(file.diagnostics.map(\.code).contains(DiagnosticCode.badAmount.rawValue))
    let formatted = try RuleFormatter.format(
      SourceFile(path: "t.regua", text: BalanceExpectationTests.source)
    ).get()
    #expect(formatted.contains("  on D+30 expect balance interest 10.00\n"))
  }

  @Test("an amount written with its currency, or as an action's argument, gets the line to write")
  func habits() throws {
    let withCurrency = RuleCompiler.compile(
      SourceFile(
        path: "t.regua",
        text: "cadence \"c\"\n  D+1 fee 2% as f\n\ntest \"t\"\n  invoice 10.00 BRL due 2026-03-10\n"
          + "  on D+1 expect balance fees 0.20 BRL\n"))
    #expect(withCurrency.diagnostics.first?.help == "write `expect balance fees 0.20`")
    let asAction = RuleCompiler.compile(
      SourceFile(
        path: "t.regua",
        text: "cadence \"c\"\n  D+1 fee 2% as f\n\ntest \"t\"\n  invoice 10.00 BRL due 2026-03-10\n"
          + "  on D+1 expect interest 0.20\n"))
    #expect(asAction.isValid)
    let failure = PolicyTestSuite.run([asAction]).first?.failures.first?.message ?? ""
    #expect(failure.contains("to expect an amount owed, write `expect balance interest 0.20`"), "\(failure)")
  }
}
