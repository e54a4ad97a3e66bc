import Testing

@testable import Regua

/// A test's customer: `opt-out`, `prefers` and `timezone` lines, so that an expectation about
/// opt-outs, fallbacks and windows can hold — and fail.
@Suite("Test blocks: the customer's channels and time zone")
struct CustomerLineTests {
  static let cadence = """
    cadence "c"
      D+1 sms aviso fallback email
      D+2 call
      window call 09:00-17:00

    """

  func run(_ lines: String) -> (RuleFile, [PolicyTestResult]) {
    let file = compile(CustomerLineTests.cadence + "test \"t\"\n  invoice 100.00 BRL due 2026-03-10\n" + lines)
    return (file, PolicyTestSuite.run([file]))
  }

  @Test(
    "opt-outs and preferred channels reach the plan the test checks",
    arguments: [
      ("  opt-out sms\n  on D+1 expect email aviso\n", true),
      ("  on D+1 expect email\n", false),
      ("  opt-out sms email\n  on D+1 expect skipped d+1-sms opted-out\n", true),
      ("  on D+1 expect skipped d+1-sms opted-out\n", false),
      ("  prefers email\n  on D+1 expect email\n", true),
      ("  prefers whatsapp\n  on D+1 expect sms\n", true),
    ])
  func channels(lines: String, passes: Bool) throws {
    let (file, results) = run(lines)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(results.map(\.passed) == [passes], "\(results.flatMap(\.failures))")
  }

  @Test("the time zone reaches the customer the test evaluates")
  func timeZone() throws {
    let (file, _) = run("  timezone \"Asia/Tokyo\"\n  on D+2 expect call\n")
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    let test = try #require(file.tests.first)
    #expect(test.fixture.customer.timeZone == "Asia/Tokyo")
  }

  @Test(
    "bad lines are located errors",
    arguments: [
      ("  opt-out\n", "missing-channel"), ("  opt-out SMS\n", "bad-channel"), ("  opt-out emial\n", "bad-channel"),
      ("  prefers whatsap\n", "bad-channel"),
      ("  timezone \"Mars/Olympus\"\n", "unknown-time-zone"),
    ])
  func errors(line: String, code: String) {
    let (file, _) = run(line + "  on D+1 expect sms\n")
    #expect(file.diagnostics.map(\.code) == [code], "\(file.diagnostics)")
  }

  @Test("the formatter keeps the lines")
  func formatted() throws {
    let text =
      CustomerLineTests.cadence
      + "test \"t\"\n  invoice 100.00 BRL due 2026-03-10\n  opt-out  sms email\n  prefers whatsapp\n"
      + "  timezone   \"America/New_York\"\n  on D+1 expect email\n"
    let formatted = try RuleFormatter.format(SourceFile(path: "c.regua", text: text)).get()
    #expect(
      formatted.hasSuffix(
        "  opt-out sms email\n  prefers whatsapp\n  timezone \"America/New_York\"\n  on D+1 expect email\n"))
  }
}
