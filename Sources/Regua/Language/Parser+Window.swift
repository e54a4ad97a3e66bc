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

  /// `mon-fri`, or `days` and days or ranges of days. A range may be spaced, `mon - fri`.
  private func parseDays(_ cursor: inout TokenCursor) throws(LineError) -> (WeekdaySet, SourceRange) {
    let start = cursor.here
    let keyword = cursor.peek()?.isWord("days") ?? false
    if keyword { cursor.advance() }
    // Each item as written, with its range: `mon`, `mon-fri`, or `mon - fri` joined.
    var items: [(text: String, range: SourceRange)] = []
    while let token = cursor.peek(), token.kind == .word, keyword || items.isEmpty {
      cursor.advance()
      if let dash = cursor.peek(), dash.isWord("-"), let end = cursor.peek(1), end.kind == .word {
        cursor.advance()
        cursor.advance()
        items.append((token.text + "-" + end.text, token.range.extended(to: end.range)))
      } else {
        items.append((token.text, token.range))
      }
    }
    guard let last = items.last else {
      throw cursor.error(.badWeekday, "`days` needs at least one day", help: "write `days mon wed fri` or `mon-fri`")
    }
    var days = WeekdaySet.empty
    for item in items {
      guard let set = Parser.weekdays(item.text) else {
        throw LineError(
          diagnostic: .error(
            .badWeekday, Parser.badDays(item.text), at: item.range,
            help: Parser.daysHelp(items.map(\.text), keyword: keyword)))
      }
      if !keyword, set.count == 1, !item.text.contains("-") {
        throw LineError(
          diagnostic: .error(
            .badWeekday, "a single day after the hours is written with `days`", at: item.range,
            help: "write `days \(item.text)`"))
      }
      days = days.union(set)
    }
    return (days, start.extended(to: last.range))
  }

  /// The days one item names: a day (`sat`) or a range (`mon-fri`, which may wrap past
  /// Sunday), or `nil`.
  static func weekdays(_ item: String) -> WeekdaySet? {
    let parts = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let days = parts.compactMap(Weekday.init(abbreviation:))
    guard days.count == parts.count else { return nil }
    return days.count == 2 ? WeekdaySet(days[0], through: days[1]) : WeekdaySet(days)
  }

  /// What is wrong with an item that names no days.
  static func badDays(_ item: String) -> String {
    let parts = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let wrong = parts.first { Weekday(abbreviation: $0) == nil } ?? item
    return "`\(SafeText.excerpt(wrong))` is not a day of the week"
  }

  /// The days as they should be written, when every item can be read as days (`seg-sex`,
  /// `Mon`, `sábado`, `weekdays`); else how days are written.
  static func daysHelp(_ items: [String], keyword: Bool) -> String {
    let fixed = items.map { item -> String? in
      if let whole = Habits.weekdays(for: item) { return whole }
      let parts = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      let days = parts.map { Weekday(abbreviation: $0)?.abbreviation ?? Habits.weekday(for: $0) }
      guard days.allSatisfy({ $0 != nil }) else { return nil }
      return days.compactMap { $0 }.joined(separator: "-")
    }
    guard fixed.allSatisfy({ $0 != nil }) else {
      return "write days as `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, e.g. `mon-fri` or `days sat sun`"
    }
    let items = fixed.compactMap { $0 }
    let written = items.joined(separator: " ")
    let needsKeyword = keyword || items.count > 1 || !(items.first?.contains("-") ?? false)
    return
      "did you mean `\(needsKeyword && !written.hasPrefix("days") ? "days " : "")\(written)`? days are written `mon` … `sun`"
  }
}
