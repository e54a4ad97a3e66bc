import Regua
import Testing

@Suite("Lint warnings")
struct LintTests {
  static func warnings(_ text: String) -> [Diagnostic] {
    let file = RuleCompiler.compile(SourceFile(path: "t.regua", text: text), lint: true)
    #expect(file.isValid, "\(file.diagnostics.filter { $0.severity == .error })")
    return file.diagnostics.filter { $0.severity == .warning }
  }

  /// A rule, a cadence body that triggers it, and the same body mended as the warning's help
  /// says, which must be clean.
  struct Case: Sendable, CustomStringConvertible {
    var code: String
    var bad: String
    var fixed: String
    var description: String { code }
  }

  static let cases: [Case] = [
    Case(
      code: "thousands-separator", bad: "  D+14 call when balance >= 1.000 as c",
      fixed: "  D+14 call when balance >= 1000.00 as c"),
    Case(
      code: "impossible-comparison", bad: "  D+14 call when customer.kind == \"PJ\"",
      fixed: "  D+14 call when customer.kind == \"company\""),
    Case(
      code: "after-write-off", bad: "  D+90 write off as w\n  D+120 call",
      fixed: "  D+90 write off as w\n  D+90 call"),
    Case(
      code: "never-sent", bad: "  catch up 0 days\n  D+14 call\n  D+15 call\n  limit call 1 per 7 days",
      fixed: "  catch up 0 days\n  D+14 call\n  D+21 call\n  limit call 1 per 7 days"),
    Case(
      code: "same-day-contact", bad: "  D+1 email overdue\n  D+1 email reminder as second",
      fixed: "  D+1 email overdue\n  D+2 email reminder as second"),
    Case(code: "unnamed-action", bad: "  D+45 suspend service", fixed: "  D+45 suspend service as d+45-suspend"),
    Case(code: "out-of-order", bad: "  D+14 call\n  D+7 email", fixed: "  D+7 email\n  D+14 call"),
    Case(
      code: "comment-in-timeline",
      bad:
        "  D+1 email x\ntest \"t\"\n  invoice 10.00 due 2026-03-10\n  timeline\n    2026-03-11  D+1  email  x  # one",
      fixed:
        "  D+1 email x\ntest \"t\"\n  invoice 10.00 due 2026-03-10\n  timeline\n    # one\n    2026-03-11  D+1  email  x"
    ),
  ]

  @Test("each lint code is triggered by its mistake, and its fix is clean", arguments: cases)
  func lintCase(_ example: Case) {
    let bad = Self.warnings("cadence \"t\"\n\(example.bad)\n")
    #expect(bad.map(\.code) == [example.code])
    #expect(Self.warnings("cadence \"t\"\n\(example.fixed)\n").isEmpty)
  }

  @Test("every registered code has a test case and a section in Lint.md")
  func registryIsCovered() throws {
    let others: Set = ["bidirectional-control", "unknown-lint-code"]
    #expect(Set(Linter.rules.map(\.code)).subtracting(others) == Set(Self.cases.map(\.code)))
    let lint = try String(
      contentsOf: packageRoot.appendingPathComponent("Documentation/Lint.md"), encoding: .utf8)
    for rule in Linter.rules {
      #expect(lint.contains("## `\(rule.code)`"), "Lint.md has no section for \(rule.code)")
    }
  }

  @Test("`# regua: ignore CODE` silences a warning on its line or the line after, and only that code")
  func ignoreComments() {
    #expect(Self.warnings("cadence \"t\"\n  D+45 suspend service  # regua: ignore unnamed-action\n").isEmpty)
    #expect(Self.warnings("cadence \"t\"\n  # regua: ignore unnamed-action\n  D+45 suspend service\n").isEmpty)
    #expect(
      Self.warnings("cadence \"t\"\n  # regua: ignore out-of-order\n  D+45 suspend service\n").map(\.code) == [
        "unnamed-action"
      ])
    // A blank line ends what a comment applies to.
    #expect(
      Self.warnings("cadence \"t\"\n  # regua: ignore unnamed-action\n\n  D+45 suspend service\n").map(\.code) == [
        "unnamed-action"
      ])
  }

  @Test("the lexer's warning about a bidirectional control in a comment can be silenced too")
  func ignoreLexerWarning() {
    let line = "  D+1 email x  # \u{202E}txet\u{202C}"
    #expect(Self.warnings("cadence \"t\"\n\(line)\n").map(\.code) == ["bidirectional-control"])
    #expect(Self.warnings("cadence \"t\"\n  # regua: ignore bidirectional-control\n\(line)\n").isEmpty)
  }

  @Test("an ignore comment naming no rule is itself a warning, with a suggestion")
  func unknownCode() throws {
    let warnings = Self.warnings("cadence \"t\"\n  D+1 email x  # regua: ignore unamed-action\n")
    let warning = try #require(warnings.first)
    #expect(warning.code == "unknown-lint-code")
    #expect(warning.help == "did you mean `unnamed-action`?")
  }

  @Test("warnings never stop a cadence from compiling")
  func warningsKeepCadences() {
    let file = RuleCompiler.compile(
      SourceFile(path: "t.regua", text: "cadence \"t\"\n  D+45 suspend service\n"), lint: true)
    #expect(file.isValid)
    #expect(file.cadences.map(\.name) == ["t"])
    #expect(file.diagnostics.map(\.severity) == [.warning])
  }

  @Test(
    "a comparison with a Brazilian abbreviation suggests what it means",
    arguments: [("PF", "person"), ("PJ", "company")])
  func kindSuggestion(written: String, meant: String) throws {
    let warning = try #require(Self.warnings("cadence \"t\"\n  D+1 call when customer.kind != \"\(written)\"\n").first)
    #expect(warning.message == "`customer.kind` is never `\(written)`: the comparison is always true")
    #expect(warning.help == "write `customer.kind != \"\(meant)\"`")
  }
}
