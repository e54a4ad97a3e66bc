/// Reads `pack "NAME"` declarations and their lines: the policy lines of a cadence's body that a
/// pack may hold (`limit`, `window`, `after conversation wait`), parsed as a cadence's are.
final class PackDeclarationParser: DeclarationParser {
  static let keyword = "pack"
  /// A policy line at column 0 outside a pack is a cadence's (its own parser reports it).
  static let reportsStrayBodyLines = false

  static func startsBodyLine(_ word: String) -> Bool {
    word == "limit" || word == "window" || word == "after"
  }

  private var pack: PackSyntax?

  init() {}

  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool {
    var cursor = TokenCursor(line)
    let name = try Parser.declarationName(&cursor, keyword: "pack", example: "us-reg-f", header: "pack \"us-reg-f\"")
    try cursor.expectEnd("after the pack's name")
    pack = PackSyntax(name: name.value, nameRange: name.range, range: line.range, trivia: trivia)
    return true
  }

  func openBroken(_ line: TokenLine, trivia: Trivia) {
    var trivia = trivia
    trivia.trailing = nil
    pack = PackSyntax(
      name: "", nameRange: line.range, range: line.range, trivia: trivia, brokenHeader: Parser.code(of: line))
  }

  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int {
    do throws(Parser.LineError) {
      if !line.failed, let parsed = try parser.parseBodyLine(line) {
        switch parsed {
        case .limit, .window, .conversationWait:
          pack?.items.append(CadenceItemSyntax(parsed, trivia: trivia))
          return 0
        default:
          throw Parser.LineError(
            diagnostic: .error(
              .packLine, "a pack holds only `limit`, `window` and `after conversation wait` lines", at: line.range,
              help: "put steps and other settings in the cadences that include the pack"))
        }
      }
    } catch {
      parser.report(error, on: line)
    }
    var trivia = trivia
    trivia.trailing = nil
    pack?.items.append(CadenceItemSyntax(.error(Parser.errorLine(line)), trivia: trivia))
    return 0
  }

  func close() -> DeclarationSyntax? {
    defer { pack = nil }
    return pack.map(DeclarationSyntax.pack)
  }
}
