import Testing

@testable import Regua

/// One expected diagnostic: where, what, and the help line.
struct ExpectedDiagnostic: Sendable, CustomTestStringConvertible {
  var body: String
  var line: Int
  var column: Int
  var message: String
  var help: String?
  var testDescription: String { message }
}

func compile(_ text: String) -> RuleFile {
  RuleCompiler.compile(SourceFile(path: "test.regua", text: text))
}

/// A cadence whose body is `body` (indented lines), starting at line 2.
func cadence(_ body: String) -> String {
  "cadence \"t\"\n" + body
}

@Suite("Diagnostics")
struct DiagnosticTests {
  static let cases: [ExpectedDiagnostic] = [
    .init(
      body: "  D+1 emial overdue", line: 2, column: 7, message: "unknown action `emial`", help: "did you mean `email`?"),
    .init(
      body: "  D+14 call when balance = 500", line: 2, column: 26, message: "`=` is not a comparison",
      help: "to compare, write `==`"),
    .init(
      body: "  D+14 call when balance >= 500,00", line: 2, column: 29, message: "`500,00` is not a number",
      help: "write decimals with a point: `500.00`"),
    .init(
      body: "  D+14 call when balnce >= 5", line: 2, column: 18, message: "unknown name `balnce`",
      help: "did you mean `balance`?"),
    .init(
      body: "  D+14 call when balance >= \"x\"", line: 2, column: 18,
      message: "cannot compare `balance` (an amount) with `\"x\"` (text)",
      help: "text compares with quoted text, e.g. `customer.kind == \"company\"`"),
    .init(
      body: "  D+1 email a\n  D+1 email b", line: 3, column: 3, message: "two steps have the id `d+1-email`",
      help: "give one of them its own id with `as`, e.g. `as d+1-email-2`"),
    .init(
      body: "  D+4000 email x", line: 2, column: 3, message: "the offset is more than 3650 days from its anchor",
      help: "offsets are at most 3650 days (ten years) before or after"),
    .init(body: "  d+3 email x", line: 2, column: 3, message: "offset bases are upper-case", help: "write `D+3`"),
    .init(
      body: "  D3 email x", line: 2, column: 3, message: "`D3` needs a sign",
      help: "write `D+3` for after, or `D-3` for before"),
    .init(
      body: "  I-3 email x", line: 2, column: 3, message: "a step cannot be scheduled before the invoice is issued",
      help: "use `I+3` or count from the due date with `D-3`"),
    .init(
      body: "  P+1 email x", line: 2, column: 3,
      message: "`P+` offsets are reserved for promise-to-pay steps, which are not available yet",
      help: "count from the due date (`D+N`) or the issue date (`I+N`)"),
    .init(
      body: "  D+1 email \"overdue", line: 2, column: 13, message: "unterminated string",
      help: "add a closing `\"` on the same line"),
    .init(
      body: "  pasue when disputed", line: 2, column: 3, message: "unknown setting `pasue`",
      help: "did you mean `pause`? write `pause when disputed`"),
    .init(
      body: "  D+1 call when balance > 5 BRR", line: 2, column: 27, message: "`BRR` is not a currency code",
      help: "did you mean `BRL`?"),
    .init(
      body: "  D+1 call when balance", line: 2, column: 17,
      message: "a condition must be true or false, but this is an amount",
      help: "compare it, e.g. `balance >= 500.00`"),
    .init(
      body: "  limit cal 1 per 7 days", line: 2, column: 9, message: "unknown channel `cal`",
      help: "did you mean `call`?"),
    .init(
      body: "  D+1 call when customer.segment > \"a\"", line: 2, column: 34, message: "`>` cannot order text",
      help: "compare text with `==`, `!=` or `in [...]`"),
    .init(
      body: "  D+1 call when days-overdue > 1.5", line: 2, column: 32,
      message: "`days-overdue` is a whole number of days, but `1.5` is not",
      help: "write a whole number such as `30`"),
    .init(
      body: "  timezone \"America/Sao_Pablo\"", line: 2, column: 12, message: "unknown time zone `America/Sao_Pablo`",
      help: "did you mean `America/Sao_Paulo`?"),
    .init(
      body: "  catch up 3 days\n  catch up 5 days", line: 3, column: 3, message: "`catch up` is set twice",
      help: "keep one"),
    .init(
      body: "D+1 email x", line: 2, column: 1, message: "`D+1` must be indented under a `cadence` declaration",
      help: "indent the line by two spaces"),
    .init(
      body: "  D+1 call when ! disputed", line: 2, column: 17, message: "`!` is not an operator",
      help: "write `not` to negate, or `!=` for ‘not equal’"),
    .init(
      body: "  D+1", line: 2, column: 6, message: "the step has no action", help: "add one, e.g. `D+1 email reminder`"),
    .init(
      body: "  D+1 call when disputed when promised", line: 2, column: 26,
      message: "the step has two `when` conditions",
      help: "combine them into one with `and`"),
    .init(
      body: "  D+1 call when 1 < days-overdue < 5", line: 2, column: 34, message: "comparisons cannot be chained",
      help: "join two comparisons with `and`, e.g. `a >= 1 and a <= 9`"),
    .init(
      body: "  D+1 call as First", line: 2, column: 15, message: "`First` is not a valid step id",
      help: "ids are lower-case letters, digits and `_.+-`, starting with a letter or digit, e.g. `first-call`"),
    .init(
      body: "  D+1 email >= 5", line: 2, column: 13, message: "unexpected `>=` in the arguments of `email`",
      help: "a condition starts with `when`, e.g. `when balance >= 500`"),
    .init(
      body: "  D+1 call when disputed and", line: 2, column: 29, message: "expected a value or a field",
      help: "e.g. `balance`, `500.00` or `\"smb\"`"),
    .init(body: "  D+1 call when (disputed", line: 2, column: 17, message: "this `(` is not closed", help: "add `)`"),
    .init(
      body: "  D+1 refer agency", line: 2, column: 13, message: "expected `refer to agency`",
      help: "write `refer to agency`"),
    .init(
      body: "  D+1 notify", line: 2, column: 13, message: "`notify` needs a channel",
      help: "write `notify slack \"template\"`"),
    .init(
      body: "  D+1 notify email x", line: 2, column: 7,
      message: "`notify email` duplicates the built-in `email` action", help: "write `email` instead"),
    .init(
      body: "  D+1 call when tagged", line: 2, column: 23, message: "`tagged` needs a tag",
      help: "write `tagged \"vip\"`"),
    .init(
      body: "  D+1 call when segment == \"smb\"", line: 2, column: 17, message: "unknown name `segment`",
      help: "did you mean `customer.segment`?"),
    .init(
      body: "  limit call 0 per 7 days", line: 2, column: 14, message: "`0` is out of range",
      help: "use a whole number from 1 to 1000"),
    .init(
      body: "  D+1 call when balance > 5.0001 BRL", line: 2, column: 27,
      message: "`5.0001` has more decimals than BRL allows",
      help: "BRL has 2 decimals"),
    .init(
      body: "  D+1 call when balance > 5.001 BRL", line: 2, column: 27,
      message: "`5.001` has more decimals than BRL allows",
      help: "the point is a decimal point: for 5001, write `5001.00 BRL`"),
    .init(
      body: "  D+1 call when customer.kind in []", line: 2, column: 34,
      message: "the list is empty, so this is never true",
      help: "add values, or remove the condition"),
    .init(
      body: "  D+1 call, email", line: 2, column: 11, message: "unexpected `,`",
      help: "separate arguments with spaces; commas only go between list items"),
  ]

  @Test("each kind of mistake gets its exact message, position and help", arguments: cases)
  func diagnostic(_ expected: ExpectedDiagnostic) throws {
    let file = compile(cadence(expected.body))
    let diagnostic = try #require(file.diagnostics.first, "no diagnostic for \(expected.body)")
    #expect(file.diagnostics.count == 1, "\(file.diagnostics)")
    #expect(diagnostic.message == expected.message)
    #expect(diagnostic.range.start == SourcePosition(line: expected.line, column: expected.column))
    #expect(diagnostic.help == expected.help)
    #expect(file.cadences.isEmpty)
  }

  @Test("the parser recovers at the next line and reports every mistake once, in order")
  func severalPerRun() {
    let file = compile(
      """
      cadence "t"
        D+1 emial x
        D+2 email overdue
        D+3 call when balance = 5 and = 3
        limit call 1 per 7 dayz
      """)
    #expect(file.diagnostics.map(\.range.start.line) == [2, 4, 5])
    #expect(file.diagnostics.map(\.code) == ["unknown-action", "single-equals", "expected-keyword"])
  }

  @Test("columns count characters a person sees, not bytes")
  func unicodeColumns() throws {
    let file = compile(cadence("  D+1 email \"açúcar\" emial"))
    // No error: `emial` is just an argument here. Force one after the accented string:
    #expect(file.diagnostics.isEmpty)
    let bad = compile(cadence("  D+1 email \"açúcar\" = x"))
    let diagnostic = try #require(bad.diagnostics.first)
    #expect(diagnostic.range.start.column == 22)  // 24 if counted in bytes
  }

  @Test("a diagnostic renders like the Swift compiler's, with gutter, caret and help")
  func rendering() throws {
    let file = compile(cadence("  D+1 emial overdue"))
    let diagnostic = try #require(file.diagnostics.first)
    let rendered = DiagnosticRenderer().render(diagnostic, in: file.source)
    #expect(
      rendered == """
        test.regua:2:7: error: unknown action `emial`
         2 |   D+1 emial overdue
           |       ^~~~~
           = help: did you mean `email`?

        """)
  }

  @Test("a cadence declared twice in one file is an error with a note")
  func duplicateCadence() throws {
    let file = compile("cadence \"a\"\n  D0 email x\ncadence \"a\"\n  D0 sms y\n")
    let diagnostic = try #require(file.diagnostics.first)
    #expect(diagnostic.message == "a cadence named `a` is already declared")
    #expect(diagnostic.notes == ["the first is on line 1"])
  }

  @Test(
    "hostile input gets diagnostics, never a crash",
    arguments: [
      String(repeating: "(", count: 500),
      "cadence \"x\"\n  D+1 call when " + String(repeating: "not ", count: 200) + "disputed",
      "cadence \"x\"\n  D+99999999999999999999999 email x", "\u{0}\u{1}\u{2}", "cadence", "cadence \"\"", "  \"",
      "cadence x version -1",
      "cadence \"x\"\n  D+1 call when " + String(repeating: "(", count: 100) + "disputed"
        + String(repeating: ")", count: 100),
    ])
  func hostile(_ text: String) {
    let file = compile(text)
    #expect(!file.diagnostics.isEmpty)
  }
}
