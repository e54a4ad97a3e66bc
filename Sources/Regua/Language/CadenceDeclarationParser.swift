/// Reads `cadence "name" [version N]` declarations and their bodies: settings, steps, policies
/// and limits (the line parsers are in `Parser.swift`).
final class CadenceDeclarationParser: DeclarationParser {
  static let keyword = "cadence"
  static let reportsStrayBodyLines = true

  /// The first words of a cadence's body lines: its settings and policies, and any offset.
  static func startsBodyLine(_ word: String) -> Bool {
    Parser.bodyKeywords.contains(word) || OffsetSyntax.looksLikeOffset(word)
  }

  private var cadence: CadenceSyntax?

  init() {}

  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool {
    parser.counts.closeCadence()
    var header = try parser.parseDeclaration(line)
    header.trivia = trivia
    cadence = header
    return true
  }

  func openBroken(_ line: TokenLine, trivia: Trivia) {
    var trivia = trivia
    trivia.trailing = nil
    cadence = CadenceSyntax(
      name: "", nameRange: line.range, version: nil, range: line.range, items: [], trivia: trivia,
      brokenHeader: Parser.code(of: line))
  }

  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int {
    do throws(Parser.LineError) {
      // A line the lexer reported is an error node, even if its first tokens would parse.
      if !line.failed, let parsed = try parser.parseBodyLine(line) {
        guard try parser.counts.count(Parser.BodyCounts.Counted(parsed), on: line) else { return 0 }
        cadence?.items.append(CadenceItemSyntax(parsed, trivia: trivia))
        return 0
      }
    } catch {
      parser.report(error, on: line)
    }
    var trivia = trivia
    trivia.trailing = nil
    cadence?.items.append(CadenceItemSyntax(.error(Parser.errorLine(line)), trivia: trivia))
    return 0
  }

  func close() -> DeclarationSyntax? {
    defer { cadence = nil }
    return cadence.map(DeclarationSyntax.cadence)
  }
}
