/// The lines of a `calendar` declaration: its header and its `holiday` and `workday` lines.
extension Parser {
  /// `calendar NAME extends BASE`.
  func parseCalendarHeader(_ line: TokenLine) throws(LineError) -> CalendarSyntax {
    var cursor = TokenCursor(line)
    let nameToken = try Parser.declarationName(
      &cursor, keyword: "calendar", example: "BR-SP", header: "calendar \"BR-SP\" extends BR")
    let quotedName = SyntaxPrinter.quoted(nameToken.value)
    guard let keyword = cursor.peek(), keyword.isWord("extends") else {
      if nameToken.kind == .word, let rest = Parser.unquotedName(after: nameToken, in: line) {
        throw LineError(
          diagnostic: .error(
            .unquotedName, "a name of several words must be quoted", at: nameToken.range.extended(to: rest.range),
            help: "write `calendar \(SyntaxPrinter.quoted(rest.name)) extends BR`"))
      }
      let meant = cursor.peek().flatMap { $0.kind == .word ? $0 : nil }.flatMap { word in
        ["estende", "extende", "herda", "base"].contains(Habits.folded(word.text))
          || Suggestions.closest(to: word.text, among: ["extends"]) != nil ? word : nil
      }
      let base = meant.flatMap { _ in cursor.peek(1).map(\.text) } ?? "BR"
      throw cursor.error(
        .expectedKeyword,
        meant.map { "expected `extends`, not `\($0.text)`" } ?? "a calendar declaration needs `extends`",
        help: "write `calendar \(quotedName) extends \(base)`: the calendar it adds to is `BR`, `US`, `none` or "
          + "another declared calendar")
    }
    cursor.advance()
    let base = try cursor.expectValue("the calendar it extends, e.g. `extends BR`")
    try Parser.checkName(base, "the calendar it extends")
    try cursor.expectEnd("after the calendar's header")
    return CalendarSyntax(
      name: nameToken.value, nameRange: nameToken.range, base: base.value, baseRange: base.range, range: line.range)
  }

  /// A line of a calendar's body: `holiday MM-DD "name"`, `holiday YYYY-MM-DD "name"` or
  /// `workday YYYY-MM-DD`.
  func parseCalendarLine(_ line: TokenLine) throws(LineError) -> CalendarItemSyntax.Kind? {
    var cursor = TokenCursor(line)
    guard let first = cursor.next() else { return nil }
    switch first.kind == .word ? first.text : "" {
    case "holiday":
      let (day, dayRange) = try parseCalendarDay(&cursor, line: "holiday")
      guard let name = cursor.next(), name.kind == .string || name.kind == .word, !name.value.isEmpty else {
        throw cursor.error(
          .missingName, "`holiday` needs a name",
          help: "write `holiday \(Parser.text(of: day)) \"name\"`")
      }
      try Parser.checkName(name, "the holiday's name")
      try cursor.expectEnd("after the holiday's name")
      return .holiday(CalendarHolidaySyntax(day: day, dayRange: dayRange, name: name.value, range: line.range))
    case "workday":
      let (day, dayRange) = try parseCalendarDay(&cursor, line: "workday")
      guard case .dated(let date) = day else {
        throw LineError(
          diagnostic: .error(
            .badDate, "a `workday` is one dated day, not one every year", at: dayRange,
            help: "write its year, e.g. `workday 2026-\(Parser.text(of: day))`"))
      }
      try cursor.expectEnd("after the date")
      return .workday(date, dateRange: dayRange, range: line.range)
    default:
      let meant = first.kind == .word ? Habits.setting(for: first.text) : nil
      let isCadenceLine =
        first.kind == .word && (Parser.bodyKeywords.contains(first.text) || OffsetSyntax.looksLikeOffset(first.text))
      throw LineError(
        diagnostic: .error(
          .unknownCalendarLine, "unexpected `\(first.text)` in a calendar", at: first.range,
          help: meant.flatMap { $0 == "holiday" || $0 == "workday" ? "did you mean `\($0)`?" : nil }
            ?? (isCadenceLine
              ? "a calendar holds `holiday` and `workday` lines; steps and settings go in a `cadence`"
              : "a calendar holds `holiday MM-DD \"name\"`, `holiday YYYY-MM-DD \"name\"` and `workday YYYY-MM-DD` lines")
        ))
    }
  }

  /// The day of a calendar's line: `MM-DD` (every year) or `YYYY-MM-DD`.
  private func parseCalendarDay(_ cursor: inout TokenCursor, line keyword: String) throws(LineError) -> (
    CalendarHolidaySyntax.Day, SourceRange
  ) {
    let example = keyword == "holiday" ? "holiday 07-09 \"Revolução Constitucionalista\"" : "workday 2026-06-06"
    guard let token = cursor.next(), token.kind == .word else {
      throw cursor.error(.expectedDate, "expected a date", help: "write `\(example)`")
    }
    let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
    let isNumber = { (part: Substring) in !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    if parts.count == 2, parts.allSatisfy(isNumber) {
      let (month, day) = (Int(parts[0]) ?? 0, Int(parts[1]) ?? 0)
      guard parts[0].count == 2, parts[1].count == 2 else {
        throw LineError(
          diagnostic: .error(
            .badMonthDay, "`\(SafeText.excerpt(token.text))` is not `MM-DD`", at: token.range,
            help: "write the month and the day with two digits each: "
              + "`\(Parser.text(of: .annual(month: month, day: day)))`"))
      }
      guard (1...12).contains(month) else {
        throw LineError(
          diagnostic: .error(
            .badMonthDay, "`\(token.text)` has no month \(month)", at: token.range,
            help: "write the month first, 01 to 12, then the day: `MM-DD`"))
      }
      // 2000 is a leap year: it has every day some year has.
      let days = CivilDate.daysIn(month: month, year: 2000)
      guard (1...days).contains(day) else {
        throw LineError(
          diagnostic: .error(
            .badMonthDay, "`\(token.text)` is no day of any year: month \(month) has \(days) days",
            at: token.range, help: "write a day from 01 to \(days) (`02-29` is a holiday in leap years only)"))
      }
      return (.annual(month: month, day: day), token.range)
    }
    let help =
      keyword == "holiday"
      ? "write `MM-DD` for every year or `YYYY-MM-DD` for one day, e.g. `\(example)`"
      : "write the day as `YYYY-MM-DD`, e.g. `\(example)`"
    return (.dated(try Parser.civilDate(token, help: help)), token.range)
  }

  /// A calendar line's day as a rule file writes it: `07-09` or `2026-07-09`.
  static func text(of day: CalendarHolidaySyntax.Day) -> String {
    switch day {
    case .annual(let month, let day): return LocalTime.twoDigits(month) + "-" + LocalTime.twoDigits(day)
    case .dated(let date): return date.description
    }
  }
}
