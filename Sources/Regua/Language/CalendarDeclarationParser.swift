/// Reads `calendar "name" extends BASE` declarations and their bodies: `holiday` and `workday`
/// lines (the line parsers are in `Parser+Calendars.swift`).
///
/// `calendar` is also a line of a cadence's body (`calendar BR`). At column 0 inside a cadence,
/// a `calendar` line with `extends` opens a declaration; one without it is the cadence's own
/// line that lost its indentation, reported as such and read as part of the cadence.
final class CalendarDeclarationParser: DeclarationParser {
  static let keyword = "calendar"
  /// A `holiday` or `workday` line at column 0 outside a calendar is a cadence's stray line.
  static let reportsStrayBodyLines = false

  static func startsBodyLine(_ word: String) -> Bool { word == "holiday" || word == "workday" }

  static func isHeader(_ line: TokenLine, after open: (any DeclarationParser)?) -> Bool {
    guard let open, let first = line.tokens.first, type(of: open).startsBodyLine(first.text) else { return true }
    return line.tokens.contains { $0.isWord("extends") }
  }

  private var calendar: CalendarSyntax?
  /// How many declarations the file has opened so far, against ``Bounds/calendarsPerFile``.
  private var count = 0

  init() {}

  func open(_ line: TokenLine, trivia: Trivia, in parser: inout Parser) throws(Parser.LineError) -> Bool {
    count += 1
    guard count <= Bounds.calendarsPerFile else {
      guard count == Bounds.calendarsPerFile + 1 else { return false }
      throw Parser.LineError(
        diagnostic: .error(
          .tooManyCalendars, "the file declares more than \(Bounds.calendarsPerFile) calendars", at: line.range,
          help: "declare each calendar once, in one file of the rules directory"))
    }
    var header = try parser.parseCalendarHeader(line)
    header.trivia = trivia
    calendar = header
    return true
  }

  func openBroken(_ line: TokenLine, trivia: Trivia) {
    var trivia = trivia
    trivia.trailing = nil
    calendar = CalendarSyntax(
      name: "", nameRange: line.range, base: "", baseRange: line.range, range: line.range, trivia: trivia,
      brokenHeader: Parser.code(of: line))
  }

  func read(_ line: TokenLine, trivia: Trivia, following: ArraySlice<TokenLine>, in parser: inout Parser) -> Int {
    do throws(Parser.LineError) {
      // A line the lexer reported is an error node, as in a cadence.
      if !line.failed, let parsed = try parser.parseCalendarLine(line) {
        calendar?.items.append(CalendarItemSyntax(parsed, trivia: trivia))
        return 0
      }
    } catch {
      parser.report(error, on: line)
    }
    var trivia = trivia
    trivia.trailing = nil
    calendar?.items.append(CalendarItemSyntax(.error(Parser.errorLine(line)), trivia: trivia))
    return 0
  }

  func close() -> DeclarationSyntax? {
    defer { calendar = nil }
    return calendar.map(DeclarationSyntax.calendar)
  }
}
