import Testing

@testable import Regua

/// `discount-after-due` and `discount-ends-before-start`: discounts that reward paying late, and
/// discounts over before they start.
@Suite("Lint: discounts")
struct DiscountRulesTests {
  static let codes: Set = ["discount-after-due", "discount-ends-before-start"]

  /// The warnings of the discount rules for a whole file.
  static func warnings(_ text: String) -> [Diagnostic] {
    LintTests.warnings(text).filter { codes.contains($0.code) }
  }

  @Test(
    "each discount warning's help, applied where it points, gives a file that lints clean",
    arguments: [
      "cadence \"t\"\n  D-10 discount 2% until D+5 as desconto\n",
      "cadence \"t\"\n  I0 discount 2% until D+3 business days as desconto\n",
      "cadence \"t\"\n  D+3 discount 2% until D+10 as desconto\n",
      "cadence \"t\"\n  D+3 discount 2% until D+1 as desconto\n",
      "cadence \"t\"\n  D-3 discount 2% until D-5 as desconto\n",
      "cadence \"t\"\n  I+20 discount 5% until I+10 as desconto\n",
      "cadence \"t\"\n  D-2 business days discount 2% until D-5 business days as desconto\n",
    ])
  func helpLintsClean(text: String) throws {
    try HelpFollower.expectCleanAfterHelps(text, codes: Self.codes)
  }

  // MARK: discount-after-due

  @Test("a discount that lasts past the due date is warned about at its `until`")
  func discountAfterDue() throws {
    let found = Self.warnings("cadence \"t\"\n  D-10 discount 2% until D+5 as desconto\n")
    let warning = try #require(found.first)
    #expect(found.count == 1)
    #expect(warning.code == "discount-after-due")
    #expect(warning.message == "`discount 2% until D+5` lasts past the due date: it rewards paying late")
    #expect(
      warning.help == "end it on or before the due date: write `until D0`, or `until D-10` to reward paying early")
    #expect(warning.range.start.column == 20 && warning.range.end.column == 29)
  }

  @Test("a discount whose step is after the due date too is warned about once, with a help that moves both ends")
  func discountWhollyAfterDue() throws {
    let found = LintTests.warnings("cadence \"t\"\n  D+3 discount 2% until D+1 as desconto\n")
    #expect(found.map(\.code) == ["discount-after-due"], "not also `discount-ends-before-start`")
    let warning = try #require(found.first)
    #expect(
      warning.message == "`D+3 discount 2% until D+1` is in force only after the due date: it rewards paying late")
    #expect(warning.help == "offer it before the due date and end it by then: write `I0 discount 2% until D0`")
  }

  @Test(
    "every `until` after D0 is past the due date, in calendar or business days",
    arguments: ["D+1", "D+30", "D+1 business day", "D+5 business days"])
  func untilAfterDue(until: String) {
    let found = Self.warnings("cadence \"t\"\n  D-10 discount 2% until \(until) as desconto\n")
    #expect(found.map(\.code) == ["discount-after-due"])
  }

  @Test(
    "a discount that ends on or before the due date, or by the issue date, is not warned about",
    arguments: [
      "D-10 discount 2% until D0", "D-10 discount 2% until D-5", "I0 discount 2% until D0",
      "I0 discount 2% until I+10", "I0 discount 2% until I+400", "D0 discount 2% until D0",
      "D-5 business days discount 2% until D-1 business day", "D-3 discount 2% until I+10",
      "I+40 discount 2% until D-5",
    ])
  func discountQuiet(line: String) {
    let found = Self.warnings("cadence \"t\"\n  \(line) as desconto\n")
    #expect(found.isEmpty, "\(found.map(\.message))")
  }

  // MARK: discount-ends-before-start

  @Test("a discount scheduled after its last day is never in force")
  func endsBeforeStart() throws {
    let found = Self.warnings("cadence \"t\"\n  D-3 discount 2% until D-5 as desconto\n")
    let warning = try #require(found.first)
    #expect(found.count == 1)
    #expect(warning.code == "discount-ends-before-start")
    #expect(warning.message == "`D-3 discount 2% until D-5` ends before it starts: it is never in force")
    #expect(
      warning.help == "schedule it on or before its last day: write `D-5 discount 2% until D-5`, or an earlier day")
  }

  @Test(
    "offsets of the same anchor and unit are compared; others cannot be",
    arguments: [
      ("I+20 discount 2% until I+10", true), ("D-2 business days discount 2% until D-5 business days", true),
      ("D-1 discount 2% until D-2", true), ("I+10 discount 2% until I+10", false),
      ("D-2 business days discount 2% until D-5", false), ("D-2 discount 2% until D-5 business days", false),
      ("I+20 discount 2% until D-5", false), ("D-2 discount 2% until I+1", false),
    ])
  func endsBeforeStartAnchors(line: String, warned: Bool) {
    let found = Self.warnings("cadence \"t\"\n  \(line) as desconto\n")
    #expect(found.map(\.code) == (warned ? ["discount-ends-before-start"] : []))
  }

  @Test(
    "`# regua: ignore CODE` silences each discount warning, on its line or the line before",
    arguments: [
      ("discount-after-due", "D-10 discount 2% until D+5 as desconto"),
      ("discount-ends-before-start", "D-3 discount 2% until D-5 as desconto"),
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
