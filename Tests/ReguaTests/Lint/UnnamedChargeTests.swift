import Testing

@testable import Regua

/// `unnamed-action` on charge steps: a `fee`, `interest` or `discount` is not a contact, so
/// without `as` editing its offset would charge it again.
@Suite("Lint: charge steps without `as`")
struct UnnamedChargeTests {
  @Test(
    "a charge step without `as` is an unnamed action, and its help pins the id it has",
    arguments: [
      ("D+1 fee 15.00", "d+1-fee"), ("D+1 fee 2% max 50.00", "d+1-fee"),
      ("D+1 interest 1% per month", "d+1-interest"), ("I0 discount 2% until I+10", "i0-discount"),
      ("D+2 business days fee 15.00", "d+2bd-fee"),
    ])
  func unnamedCharge(line: String, id: String) throws {
    let text = "cadence \"t\"\n  \(line)\n"
    let found = LintTests.warnings(text)
    let warning = try #require(found.first)
    #expect(found.map(\.code) == ["unnamed-action"])
    #expect(warning.help == "pin its id: add `as \(id)` at the end of the line")
    #expect(LintTests.warnings(try HelpFollower.applyingHelp(of: warning, to: text)).isEmpty)
  }
}
