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
    Case(
      code: "invisible-character", bad: "  D+14 call when tagged \"v\u{200B}ip\"",
      fixed: "  D+14 call when tagged \"vip\""),
    Case(
      code: "look-alike-character", bad: "  D+14 call when customer.segment == \"sm\u{0432}\" or tagged \"v\u{0456}p\"",
      fixed: "  D+14 call when customer.segment == \"sm\u{0432}\" or tagged \"vip\""),
    Case(
      code: "mixed-indentation", bad: "  D+1 email x\n\tD+2 email y",
      fixed: "  D+1 email x\n  D+2 email y"),
    Case(
      code: "redundant-holiday", bad: "  calendar BR\n  holiday 2026-12-25 \"Christmas\"\n  D+1 email x",
      fixed: "  calendar BR\n  holiday 2026-12-24 \"Christmas Eve\"\n  D+1 email x"),
    Case(
      code: "any-day-non-contact", bad: "  calendar BR\n  D+45 suspend service any day as s",
      fixed: "  calendar BR\n  D+45 suspend service as s"),
    Case(
      code: "any-day-without-calendar", bad: "  D+6 sms x any day", fixed: "  calendar BR\n  D+6 sms x any day"),
    Case(
      code: "shifted-same-day", bad: "  calendar BR\n  D+5 email x\n  D+6 email y",
      fixed: "  calendar BR\n  D+5 email x any day\n  D+6 email y"),
    Case(
      code: "discount-after-due", bad: "  D-10 discount 2% until D+5 as desconto",
      fixed: "  D-10 discount 2% until D0 as desconto"),
    Case(
      code: "discount-ends-before-start", bad: "  D-3 discount 2% until D-5 as desconto",
      fixed: "  D-5 discount 2% until D-5 as desconto"),
    Case(
      code: "uncapped-fee", bad: "  D+1 fee 2% when customer.kind == \"person\" as multa",
      fixed: "  D+1 fee 2% max 50.00 when customer.kind == \"person\" as multa"),
    Case(
      code: "fee-above-consumer-cap", bad: "  D+1 fee 10% max 50.00 when customer.kind == \"person\" as multa",
      fixed: "  D+1 fee 2% max 50.00 when customer.kind == \"person\" as multa"),
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
  /// Where a string can be, and the line that puts `text` there.
  static let stringPlaces: [(String, @Sendable (String) -> String)] = [
    ("tagged", { "cadence \"t\"\n  D+1 call when tagged \"\($0)\"\n" }),
    ("a comparison", { "cadence \"t\"\n  D+1 call when customer.segment == \"\($0)\"\n" }),
    ("a list", { "cadence \"t\"\n  D+1 call when customer.segment in [\"a\", \"\($0)\"]\n" }),
    ("an argument", { "cadence \"t\"\n  D+1 email \"\($0)\"\n" }),
    ("a cadence name", { "cadence \"\($0)\"\n  D+1 email x\n" }),
    ("a stop condition", { "cadence \"t\"\n  stop when tagged \"\($0)\"\n  D+1 email x\n" }),
  ]

  @Test(
    "an invisible character in a string is a warning naming its code point, wherever the string is",
    arguments: [
      "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}", "\u{FE0F}", "\u{E0020}", "\u{3164}",
    ],
    0..<6)
  func invisibleCharacter(scalar: String, place: Int) throws {
    let (name, line) = Self.stringPlaces[place]
    let warnings = Self.warnings(line("v" + scalar + "ip"))
    let warning = try #require(warnings.first, "no warning in \(name)")
    #expect(warnings.map(\.code) == ["invisible-character"])
    let value = try #require(scalar.unicodeScalars.first?.value)
    #expect(warning.message.hasPrefix("invisible character \(SafeText.codePoint(value))"))
    #expect(warning.help == "remove it: the string shows as `vip` but is not equal to it")
    #expect(Self.warnings(line("vip")).isEmpty)
  }

  @Test("the zero-width space of `tagged \"v\u{200B}ip\"` is named, and silenced by its code")
  func invisibleMessage() throws {
    let warning = try #require(Self.warnings("cadence \"t\"\n  D+1 call when tagged \"v\u{200B}ip\"\n").first)
    #expect(warning.message == "invisible character U+200B ZERO WIDTH SPACE in the string `v\\u{200B}ip`")
    #expect(warning.range.start.column == 17)
    #expect(
      Self.warnings("cadence \"t\"\n  D+1 call when tagged \"v\u{200B}ip\"  # regua: ignore invisible-character\n")
        .isEmpty)
  }

  @Test(
    "a look-alike letter in an ASCII word of a string is a warning; a word of another script is not",
    arguments: [
      (
        "v\u{0456}p",
        "look-alike character `і` (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I) in the string `vіp`: it looks like `i`"
      ),
      (
        "\u{0441}\u{043E}\u{0440}",
        "look-alike character `с` (U+0441 CYRILLIC SMALL LETTER ES) in the string `сор`: it looks like `c`"
      ),
      (
        "key \u{0430}ccount",
        "look-alike character `а` (U+0430 CYRILLIC SMALL LETTER A) in the string `key аccount`: it looks like `a`"
      ),
      (
        "c\u{043E}brança",
        "look-alike character `о` (U+043E CYRILLIC SMALL LETTER O) in the string `cоbrança`: it looks like `o`"
      ),
      (
        "notifica\u{0441}a\u{0303}o",
        "look-alike character `с` (U+0441 CYRILLIC SMALL LETTER ES) in the string `notifica\u{0441}a\u{0303}o`: it looks like `c`"
      ),
      ("Привет", nil), ("São Paulo", nil), ("Ελλάδα", nil), ("notificação", nil), ("cobran\u{0063}\u{0327}a", nil),
    ] as [(String, String?)])
  func lookAlike(text: String, message: String?) {
    let warnings = Self.warnings("cadence \"t\"\n  D+1 call when tagged \"\(text)\"\n")
    #expect(warnings.map(\.message) == (message.map { [$0] } ?? []))
  }

  @Test(
    "tabs and spaces mixed in a line's indentation, or a block's, are a warning",
    arguments: [
      (
        "cadence \"t\"\n \tD+1 email x\n",
        ["the indentation mixes tabs and spaces: it is 2 columns, a tab counting as one"]
      ),
      (
        "cadence \"t\"\n  D+1 email x\n\tD+2 email y\n\tD+3 email z\n",
        ["this line is indented with tabs, line 2 of its block with spaces"]
      ),
      ("cadence \"t\"\n\tD+1 email x\n\tD+2 email y\n", []),
      ("cadence \"t\"\n  D+1 email x\n\ncadence \"u\"\n\tD+1 email x\n", []),
      ("cadence \"t\"\n  D+1 email x\n\t# a comment\n", []),
    ] as [(String, [String])])
  func mixedIndentation(text: String, messages: [String]) {
    #expect(Self.warnings(text).map(\.message) == messages)
  }

  @Test("a test line indented with a tab under a timeline indented with spaces is warned about")
  func mixedIndentationInTimeline() {
    let text = """
      cadence "t"
        D+1 email x
      test "t"
        invoice 10.00 due 2026-03-10
        timeline
      \t  2026-03-11  D+1  email  x
      """
    #expect(Self.warnings(text + "\n").map(\.code) == ["mixed-indentation"])
  }

  @Test("`# regua: ignore` that names no code is a warning, wherever the comment is")
  func bareIgnore() throws {
    for text in [
      "cadence \"t\"\n  D+1 email x  # regua: ignore\n", "cadence \"t\"\n  # regua: ignore\n  D+1 email x\n",
      "cadence \"t\"\n  # regua: ignore\n\n  D+1 email x\n", "cadence \"t\"\n  D+1 email x\n# regua: ignore ,\n",
    ] {
      let warning = try #require(Self.warnings(text).first, "no warning for \(text.debugDescription)")
      #expect(warning.code == "unknown-lint-code")
      #expect(warning.message == "`# regua: ignore` names no lint code, so it silences nothing")
      #expect(warning.help == "name the codes to silence: `# regua: ignore CODE[, CODE]`")
    }
  }

  @Test("an unknown lint code is quoted as a short, escaped excerpt")
  func longUnknownCode() throws {
    let code = String(repeating: "x", count: 500)
    let warning = try #require(Self.warnings("cadence \"t\"\n  D+1 email x  # regua: ignore \(code)\n").first)
    #expect(warning.message == "`\(String(repeating: "x", count: 40))… (500 bytes)` is not a lint code")
  }

  /// `-- agreed with legal` was read as three unknown codes (`--`, `agreed`, …) and a `#` after
  /// the codes as another.
  @Test(
    "an ignore comment's codes end at `--` or `#`: what follows is a reason for people",
    arguments: [
      ("  D+45 suspend service  # regua: ignore unnamed-action -- agreed with legal\n", []),
      ("  # regua: ignore unnamed-action # agreed with legal\n  D+45 suspend service\n", []),
      ("  D+45 suspend service  # regua: ignore   # names no code\n", ["unknown-lint-code", "unnamed-action"]),
      ("  D+45 suspend service  # regua: ignoreunnamed-action\n", ["unnamed-action"]),
    ] as [(String, [String])])
  func ignoreReason(line: String, codes: [String]) {
    #expect(Self.warnings("cadence \"t\"\n" + line).map(\.code).sorted() == codes)
  }
}
