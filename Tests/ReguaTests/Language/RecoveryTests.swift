import Regua
import Testing

@Suite("Recovery and the lossless tree")
struct RecoveryTests {
  /// Ten mistakes, each on its own line, none caused by another: a broken header, a column-0
  /// step, a broken test header among them.
  static let tenMistakes = """
    # ten independent mistakes
    cadense "broken-header" version 2
      D-3 email reminder
      D+1 emial overdue
    D+7 sms late
      D+14 call when balanse >= 500
      pause when disputd
      limit call 1 per 0 days

    cadence "second"
      D+1 email x
      D+3 sms y when balance = 5
      catch up three days

    cadence "valid"
      D+1 email x

    test sem aspas
      invoice 100.00 BRL due 2026-03-10
      on D+1 expect email
      on D+99999 expect call
    """

  @Test("a file with ten independent mistakes reports all ten, one per line, and its valid cadence compiles")
  func tenMistakes() {
    let file = RuleCompiler.compile(SourceFile(path: "ten.regua", text: Self.tenMistakes))
    let errors = file.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.range.start.line) == [2, 4, 5, 6, 7, 8, 12, 13, 18, 21])
    #expect(
      errors.map(\.code) == [
        "unknown-declaration", "unknown-action", "unindented-line", "unknown-name", "unknown-name", "out-of-range",
        "single-equals", "expected-number", "unquoted-name", "bad-date",
      ])
    #expect(!file.isValid)
    #expect(file.cadences.map(\.name) == ["valid"])
  }

  @Test("the test lines of a broken test are still checked")
  func brokenTestIsChecked() {
    let text =
      "cadence \"c\"\n  D+1 email x\ntest sem aspas\n  invoice 100.00 BRL due 2026-03-10\n  on D+1 expet email\n"
    let file = RuleCompiler.compile(SourceFile(path: "t.regua", text: text))
    #expect(file.diagnostics.map(\.range.start.line) == [3, 5])
    #expect(file.cadences.map(\.name) == ["c"])
  }

  @Test("every line of code is in the tree, and every comment and blank line is attached to one")
  func lossless() throws {
    let text = "# top\n\ncadence \"t\"  # header\n  # before\n  D+1 emial x  # broken line\n\n  D+2 email y\n# end\n"
    let (syntax, _) = RuleCompiler.parse(SourceFile(path: "t.regua", text: text))
    let cadence = try #require(syntax.cadences.first)
    #expect(cadence.trivia.leading == [.comment(cadence.trivia.leading.first.flatMap(\.comment)!), .blankLine])
    #expect(cadence.trivia.trailing?.text == " header")
    #expect(cadence.items.count == 2)
    guard case .error(let line) = cadence.items[0].kind else {
      Issue.record("expected an error node")
      return
    }
    #expect(line.text == "D+1 emial x  # broken line")
    #expect(cadence.items[0].trivia.leading.compactMap(\.comment).map(\.text) == [" before"])
    #expect(cadence.items[1].trivia.leading == [.blankLine])
    #expect(syntax.endTrivia.compactMap(\.comment).map(\.text) == [" end"])
  }

  @Test("arguments keep their quoting and range")
  func arguments() throws {
    let (syntax, _) = RuleCompiler.parse(
      SourceFile(path: "t.regua", text: "cadence \"t\"\n  D+1 email \"a b\" c as x\n"))
    guard case .step(let step) = try #require(syntax.cadences.first?.items.first).kind else {
      Issue.record("expected a step")
      return
    }
    #expect(step.arguments.map(\.value) == ["a b", "c"])
    #expect(step.arguments.map(\.isQuoted) == [true, false])
    #expect(step.arguments.map(\.range.start.column) == [13, 19])
    #expect(step.explicitID?.value == "x")
  }

  @Test("positions carry byte offsets; editors get UTF-16 columns")
  func offsetsAndUTF16() throws {
    // `é` is 2 bytes and 1 UTF-16 unit; `𝄞` is 4 bytes and 2 UTF-16 units, one character each.
    let text = "cadence \"é𝄞\"\n  D+1 emial x\n"
    let source = SourceFile(path: "t.regua", text: text)
    let (syntax, diagnostics) = RuleCompiler.parse(source)
    let name = try #require(syntax.cadences.first).nameRange
    #expect(name.start.offset == 8)
    #expect(name.end.offset == 16)
    #expect(name.end.column == 13)
    #expect(source.utf16Column(of: name.end) == 14)
    let error = try #require(diagnostics.first)
    #expect(error.range.start.offset == 23)
    #expect(source.utf16Column(of: error.range.start) == 7)
  }
}

extension TriviaPiece {
  fileprivate var comment: CommentSyntax? {
    if case .comment(let comment) = self { return comment }
    return nil
  }
}
