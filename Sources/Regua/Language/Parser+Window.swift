/// `window <channel|any> HH:MM-HH:MM [mon-fri | days LIST]`: the hours, and the days of the
/// week, in which a channel may contact a customer.
///
/// The hours are one word, `08:00-21:00` (or three, `08:00 - 21:00`); the days, when given, are
/// `days` followed by days and ranges of days (`days mon wed fri`, `days mon-fri sat`), or one
/// range alone (`mon-fri`). A range may wrap past Sunday (`fri-mon`). Whether the end of the
/// hours comes after their start is the checker's question, so that the Swift builder and rule
/// files share its message.
extension Parser {
  func parseWindow(_ cursor: inout TokenCursor, _ line: TokenLine) throws(LineError) -> WindowSyntax {
    cursor.advance()
    guard let channel = cursor.next(), channel.kind == .word else {
      throw cursor.error(
        .expectedChannel, "`window` needs a channel or `any`", help: "write `window call 08:00-21:00 mon-fri`")
    }
    try Parser.checkName(channel, "the channel")
    let (from, to, hoursRange) = try parseHours(&cursor, channel: channel.text)
    var days = WeekdaySet.everyDay
    var daysRange: SourceRange?
    if cursor.peek() != nil {
      (days, daysRange) = try parseDays(&cursor)
    }
    try cursor.expectEnd("after the window's days")
    return WindowSyntax(
      channel: channel.text, channelRange: channel.range, from: from, to: to, hoursRange: hoursRange, days: days,
      daysRange: daysRange, range: line.range)
  }

  /// `HH:MM-HH:MM`, as one word or as three (`08:00 - 21:00`).
  private func parseHours(_ cursor: inout TokenCursor, channel: String) throws(LineError) -> (
    LocalTime, LocalTime, SourceRange
  ) {
    let example = "window \(channel) 08:00-21:00"
    guard let first = cursor.next(), first.kind == .word else {
      throw cursor.error(.badTime, "`window` needs its hours", help: "write `\(example)`")
    }
    var range = first.range
    var parts = first.text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    if parts.count == 1, let dash = cursor.peek(), dash.isWord("-"), let end = cursor.peek(1), end.kind == .word {
      cursor.advance()
      cursor.advance()
      parts.append(end.text)
      range = range.extended(to: end.range)
    } else if parts.count == 2, parts[1].isEmpty, let end = cursor.peek(), end.kind == .word {
      // `08:00- 21:00`
      cursor.advance()
      parts[1] = end.text
      range = range.extended(to: end.range)
    }
    guard parts.count == 2 else {
      throw LineError(
        diagnostic: .error(
          .badTime, "`\(SafeText.excerpt(first.text))` is not a window's hours", at: first.range,
          help: "write the hours it opens and closes, `HH:MM-HH:MM`, e.g. `\(example)`"))
    }
    let from = try time(parts[0], at: range, example: example)
    let to = try time(parts[1], at: range, example: example)
    return (from, to, range)
  }

  private func time(_ text: String, at range: SourceRange, example: String) throws(LineError) -> LocalTime {
    do throws(LocalTimeError) {
      return try LocalTime(parsing: text)
    } catch {
      throw LineError(diagnostic: .error(.badTime, error.description, at: range, help: "e.g. `\(example)`"))
    }
  }

  /// `mon-fri`, or `days` and days or ranges of days.
  private func parseDays(_ cursor: inout TokenCursor) throws(LineError) -> (WeekdaySet, SourceRange) {
    let start = cursor.here
    var range = start
    let keyword = cursor.peek()?.isWord("days") ?? false
    if keyword { cursor.advance() }
    var days = WeekdaySet.empty
    var items = 0
    while let token = cursor.peek() {
      guard token.kind == .word else { break }
      if !keyword, items == 1 { break }
      cursor.advance()
      let set = try weekdays(token, alone: !keyword)
      days = days.union(set)
      items += 1
      range = start.extended(to: token.range)
    }
    guard items > 0 else {
      throw cursor.error(.badWeekday, "`days` needs at least one day", help: "write `days mon wed fri` or `mon-fri`")
    }
    return (days, range)
  }

  /// One day (`sat`) or a range of days (`mon-fri`); `alone` when no `days` came before, where
  /// only a range may stand.
  private func weekdays(_ token: Token, alone: Bool) throws(LineError) -> WeekdaySet {
    let parts = token.text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    var days: [Weekday] = []
    for part in parts {
      guard let day = Weekday(abbreviation: part) else {
        let meant = Habits.weekday(for: part)
        let fixed = parts.map { Weekday(abbreviation: $0)?.abbreviation ?? Habits.weekday(for: $0) ?? $0 }
          .joined(separator: "-")
        throw LineError(
          diagnostic: .error(
            .badWeekday, "`\(SafeText.excerpt(part))` is not a day of the week", at: token.range,
            help: meant != nil
              ? "did you mean `\(alone && parts.count == 1 ? "days " : "")\(fixed)`? days are written `mon` … `sun`"
              : "write days as `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, e.g. `mon-fri` or `days sat sun`"))
      }
      days.append(day)
    }
    if days.count == 2 { return WeekdaySet(days[0], through: days[1]) }
    guard !alone else {
      throw LineError(
        diagnostic: .error(
          .badWeekday, "a single day after the hours is written with `days`", at: token.range,
          help: "write `days \(token.text)`"))
    }
    return WeekdaySet(days)
  }
}
