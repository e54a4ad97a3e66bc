/// A `calendar "name" extends BASE` declaration and its body: a business calendar a rule file
/// declares, which a cadence of the same rules directory names in its `calendar` line.
///
/// ```
/// calendar "BR-SP" extends BR
///   holiday 01-25 "Aniversário de São Paulo"    # every year
///   holiday 2026-12-24 "Véspera de Natal"       # one day
///   workday 2026-02-18
/// ```
public struct CalendarSyntax: Sendable, Hashable {
  /// The calendar's name as written.
  public var name: String
  /// Where the name is.
  public var nameRange: SourceRange
  /// The calendar it extends: `BR`, `US`, `none`, or another declared calendar.
  public var base: String
  /// Where the base's name is.
  public var baseRange: SourceRange
  /// The header line's range.
  public var range: SourceRange
  /// The body's items in order.
  public var items: [CalendarItemSyntax]
  /// The comments and blank lines before the header, and its trailing comment.
  public var trivia = Trivia.none
  /// The header line as written, when it did not parse: the body is still read (so its errors
  /// are reported), but the calendar is never compiled.
  public var brokenHeader: String?

  /// Creates a calendar declaration.
  public init(
    name: String, nameRange: SourceRange, base: String, baseRange: SourceRange, range: SourceRange,
    items: [CalendarItemSyntax] = [], trivia: Trivia = .none, brokenHeader: String? = nil
  ) {
    self.name = name
    self.nameRange = nameRange
    self.base = base
    self.baseRange = baseRange
    self.range = range
    self.items = items
    self.trivia = trivia
    self.brokenHeader = brokenHeader
  }
}

/// One line of a calendar's body, with its comments and the blank lines before it.
public struct CalendarItemSyntax: Sendable, Hashable {
  /// What the line says.
  public enum Kind: Sendable, Hashable {
    /// `holiday MM-DD "name"` or `holiday YYYY-MM-DD "name"`.
    case holiday(CalendarHolidaySyntax)
    /// `workday YYYY-MM-DD`: the date, where it is, and the line's range.
    case workday(CivilDate, dateRange: SourceRange, range: SourceRange)
    /// A line that did not parse (the error was reported).
    case error(ErrorLineSyntax)
  }

  /// What the line says.
  public var kind: Kind
  /// The blank lines and comments before the line, and its trailing comment.
  public var trivia: Trivia

  /// Creates an item.
  public init(_ kind: Kind, trivia: Trivia = .none) {
    self.kind = kind
    self.trivia = trivia
  }

  /// The line's range.
  public var range: SourceRange {
    switch kind {
    case .holiday(let holiday): return holiday.range
    case .workday(_, _, let range): return range
    case .error(let line): return line.range
    }
  }
}

/// A calendar's `holiday` line as written: every year on a month and day, or one dated day.
public struct CalendarHolidaySyntax: Sendable, Hashable {
  /// When the holiday is.
  public enum Day: Sendable, Hashable {
    /// `MM-DD`: the same month and day every year (the month 1–12, the day one that month has in
    /// a leap year).
    case annual(month: Int, day: Int)
    /// `YYYY-MM-DD`: one day.
    case dated(CivilDate)
  }

  /// When the holiday is.
  public var day: Day
  /// Where the day is.
  public var dayRange: SourceRange
  /// The holiday's name.
  public var name: String
  /// The line's range.
  public var range: SourceRange

  /// Creates a holiday line.
  public init(day: Day, dayRange: SourceRange, name: String, range: SourceRange) {
    self.day = day
    self.dayRange = dayRange
    self.name = name
    self.range = range
  }
}
