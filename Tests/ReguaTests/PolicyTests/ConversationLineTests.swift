import Testing

@testable import Regua

/// A test's `conversation on DATE [channel C]` line: a cooldown after a conversation can be
/// tested in the rule file.
@Suite("Test blocks: a conversation in the history")
struct ConversationLineTests {
  static let cadence = """
    cadence "c"
      D+5 call first
      D+8 call second
      catch up 3 days
      after conversation wait 7 days for call

    """

  func run(_ lines: String) -> (RuleFile, [PolicyTestResult]) {
    let file = compile(Self.cadence + "test \"t\"\n  invoice 100.00 BRL due 2026-03-10\n" + lines)
    return (file, PolicyTestSuite.run([file]))
  }

  @Test(
    "a conversation holds the calls the cooldown covers, and only those",
    arguments: [
      ("  conversation on D+4\n  on D+5 expect no call\n", true),
      ("  on D+5 expect no call\n", false),
      ("  conversation on D+4 channel call\n  on D+5 expect skipped d+5-call limited\n", true),
      ("  conversation on D+4\n  on D+11 expect call second\n", true),
      ("  conversation on D-10\n  on D+5 expect call first\n", true),
    ])
  func holds(lines: String, passes: Bool) {
    let (file, results) = run(lines)
    #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    #expect(results.map(\.passed) == [passes], "\(results.flatMap(\.failures))")
  }

  @Test("the line reaches the fixture as a conversation entry")
  func fixture() throws {
    let (file, _) = run("  conversation on D+4 channel call\n  on D+5 expect nothing\n")
    let entry = try #require(file.tests.first?.fixture.history.first)
    #expect(entry.kind == .conversation)
    #expect(entry.channel == "call")
  }

  @Test(
    "bad lines are located errors, and the formatter keeps a good one",
    arguments: ["  conversation D+4\n", "  conversation on\n"])
  func errors(line: String) throws {
    let (file, _) = run(line + "  on D+5 expect nothing\n")
    #expect(file.diagnostics.count == 1, "\(file.diagnostics)")
    #expect(file.diagnostics.first?.range.start.line == 8)
    let text =
      Self.cadence
      + "test \"t\"\n  invoice 100.00 BRL due 2026-03-10\n  conversation   on D+4  channel call\n  on D+5 expect nothing\n"
    let formatted = try RuleFormatter.format(SourceFile(path: "c.regua", text: text)).get()
    #expect(formatted.hasSuffix("  conversation on D+4 channel call\n  on D+5 expect nothing\n"))
  }
}
