/// Reads `rates "NAME" per month|year` declarations and their lines, each a period and its rate
/// (the line parsers are in `Parser+Rates.swift`).
final class RateTableDeclarationParser: DeclarationParser {
  static let keyword = "rates"
  /// A period at column 0 outside a table is read as a broken header, like any unknown word.
  static let reportsStrayBodyLines = false

  /// A line that starts with four digits is a table's line: `2026-01`, `2026-H1`, `2026`.
  static func startsBodyLine(_ word: String) -> Bool {
    word.utf8.count >= 4 && word.utf8.prefix(4).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  private var table: RateTableSyntax?
  /// How many lines the open table has, against ``Bounds/rateLinesPerTable``.
  private var lines = 0

  init() {}

  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool {
    lines = 0
    var header = try parser.parseRateTableHeader(line)
    header.trivia = trivia
    table = header
    return true
  }

  func openBroken(_ line: TokenLine, trivia: Trivia) {
    lines = 0
    var trivia = trivia
    trivia.trailing = nil
    table = RateTableSyntax(
      name: "", nameRange: line.range, period: .month, periodRange: line.range, range: line.range, trivia: trivia,
      brokenHeader: Parser.code(of: line))
  }

  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int {
    lines += 1
    do throws(Parser.LineError) {
      guard lines <= Bounds.rateLinesPerTable else {
        // The first line past the bound is reported; the ones after it are dropped quietly.
        guard lines == Bounds.rateLinesPerTable + 1 else { return 0 }
        let excess = Bounds.tooManyRateLines
        throw Parser.LineError(diagnostic: .error(excess.code, excess.message, at: line.range, help: excess.help))
      }
      // A line the lexer reported is an error node, as in a cadence.
      if !line.failed, let parsed = try parser.parseRateLine(line) {
        table?.items.append(RateItemSyntax(.rate(parsed), trivia: trivia))
        return 0
      }
    } catch {
      parser.report(error, on: line)
    }
    var trivia = trivia
    trivia.trailing = nil
    table?.items.append(RateItemSyntax(.error(Parser.errorLine(line)), trivia: trivia))
    return 0
  }

  func close() -> DeclarationSyntax? {
    defer { table = nil }
    return table.map(DeclarationSyntax.rates)
  }
}
