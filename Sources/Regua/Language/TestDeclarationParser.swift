/// Reads `test "name"` declarations and their bodies (the line parsers are in
/// `Parser+Tests.swift`).
final class TestDeclarationParser: DeclarationParser {
  static let keyword = "test"
  /// A test line at column 0 outside a test is read as a broken header, not as a stray line.
  static let reportsStrayBodyLines = false

  static func startsBodyLine(_ word: String) -> Bool { Parser.testKeywords.contains(word) }

  private var test: TestSyntax?

  init() {}

  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool {
    // Past the most tests, the rest are skipped, bodies and all.
    guard try parser.counts.countTest(line) else { return false }
    var header = try parser.parseTestHeader(line)
    header.trivia = trivia
    test = header
    return true
  }

  func openBroken(_ line: TokenLine, trivia: Trivia) {
    var trivia = trivia
    trivia.trailing = nil
    test = TestSyntax(
      name: "", range: line.range, items: [], hasErrors: true, trivia: trivia, brokenHeader: Parser.code(of: line))
  }

  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int {
    // The lines a timeline took are its own even when the line is then reported.
    var taken = 0
    do throws(Parser.LineError) {
      // Past the most test lines, the rest are skipped, unread.
      guard try parser.counts.countTestLines(1, at: line) else {
        parser.literalLines.insert(line.number)
        test?.hasErrors = true
        return 0
      }
      // A line the lexer reported is an error node, as in a cadence.
      if !line.failed {
        let (item, consumed) = try parser.parseTestLine(line, following: following)
        for literal in following.prefix(consumed) { parser.literalLines.insert(literal.number) }
        taken = consumed
        guard try parser.counts.countTestLines(consumed, at: line) else {
          test?.hasErrors = true
          return consumed
        }
        test?.items.append(TestItemSyntax(item, range: line.range, trivia: trivia))
        return consumed
      }
    } catch {
      parser.report(error, on: line)
    }
    var trivia = trivia
    trivia.trailing = nil
    test?.hasErrors = true
    test?.items.append(TestItemSyntax(.error(Parser.errorLine(line)), range: line.range, trivia: trivia))
    return taken
  }

  func close() -> DeclarationSyntax? {
    defer { test = nil }
    return test.map(DeclarationSyntax.test)
  }
}
