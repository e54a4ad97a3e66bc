import Testing

@testable import Regua

/// Test blocks that declare several invoices: they check the customer's account plans.
@Suite("Test blocks with several invoices")
struct AccountTestBlockTests {
  static let cadence = """
    cadence "c"
      D+1 email overdue
      D+5 call

    """

  func run(_ body: String) -> (RuleFile, [PolicyTestResult]) {
    let file = compile(AccountTestBlockTests.cadence + "test \"t\"\n" + body)
    return (file, PolicyTestSuite.run([file]))
  }

  @Test(
    "each invoice's lines follow it, the customer's apply to all, and the plans are the account's",
    arguments: [
      ("  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10\n  on D+1 expect email\n", true),
      ("  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10\n  on D+1 expect nothing\n", false),
      ("  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10\n  on D+1 expect balance 150.00\n", true),
      (
        "  invoice 100.00 due 2026-03-10\n  payment 100.00 on D+0\n  invoice 50.00 due 2026-03-10\n"
          + "  on D+1 expect email\n  on D+1 expect balance 50.00\n", true
      ),
      (
        "  invoice 100.00 due 2026-03-10\n  payment 100.00 on D+0\n  invoice 50.00 due 2026-03-10\n"
          + "  payment 50.00 on D+0\n  on D+1 expect nothing\n", true
      ),
      // Two currencies: no one balance, but the plan's other expectations are still checked.
      ("  invoice 100.00 BRL due 2026-03-10\n  invoice 50.00 USD due 2026-03-10\n  on D+1 expect nothing\n", false),
      ("  invoice 100.00 BRL due 2026-03-10\n  invoice 50.00 USD due 2026-03-10\n  on D+1 expect email\n", true),
      (
        "  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10\n  opt-out call\n"
          + "  on D+5 expect skipped d+5-call opted-out\n", true
      ),
    ])
  func plans(body: String, passes: Bool) {
    let (file, results) = run(body)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(results.map(\.passed) == [passes], "\(results.flatMap(\.failures))")
  }

  @Test(
    "two invoices with one id, or a timeline of several, are errors",
    arguments: [
      (
        "  invoice 100.00 due 2026-03-10 id A\n  invoice 50.00 due 2026-03-10 id A\n  on D+1 expect email\n",
        "duplicate-setting"
      ),
      (
        "  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10 id INV-1\n  on D+1 expect email\n",
        "duplicate-setting"
      ),
      (
        "  invoice 100.00 due 2026-03-10\n  invoice 50.00 due 2026-03-10\n  timeline\n    2026-03-11 email overdue\n",
        "unknown-test-line"
      ),
    ])
  func errors(body: String, code: String) {
    let (file, _) = run(body)
    #expect(file.diagnostics.map(\.code).contains(code), "\(file.diagnostics)")
  }
}
