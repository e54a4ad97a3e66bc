/// A holiday on the same month and day every year, such as a city's anniversary: what a rule
/// file's `holiday 01-25 "Aniversário de São Paulo"` adds to a calendar.
///
/// An annual holiday is a rule, not a list of dates: it closes its day in every year, 1900–2200
/// and beyond. `02-29` is a holiday only in leap years.
///
/// ```swift
/// let anniversary = AnnualHoliday(month: 1, day: 25, name: "Aniversário de São Paulo")!
/// let saoPaulo = BusinessCalendar.brazil.adding(annualHolidays: [anniversary])
/// saoPaulo.isBusinessDay(try CivilDate(parsing: "2027-01-25"))   // false
/// ```
public struct AnnualHoliday: Sendable, Hashable {
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to the month's length in a leap year.
  public let day: Int
  /// The holiday's name.
  public let name: String

  /// Creates an annual holiday, or `nil` when `month` and `day` are no day of any year
  /// (`02-30`, `04-31`, `13-01`).
  ///
  /// - Parameters:
  ///   - month: The month, 1 to 12.
  ///   - day: The day of the month; `29` in February is a holiday in leap years only.
  ///   - name: The holiday's name, listed by ``BusinessCalendar/holidays(in:)``.
  public init?(month: Int, day: Int, name: String) {
    // 2000 is a leap year: every day that some year has.
    guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: 2000)).contains(day) else {
      return nil
    }
    self.month = month
    self.day = day
    self.name = name
  }

  /// The holiday's date in `year`, or `nil` when the year has no such day (`02-29` in a common
  /// year) or lies outside 1 through 9999.
  public func date(in year: Int) -> CivilDate? {
    guard (1...9999).contains(year) else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// The month and day as a rule file writes them: `01-25`.
  public var monthDay: String {
    (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
  }

  /// The rule a calendar evaluates for it.
  var rule: HolidayRule { HolidayRule(name, .fixed(month: month, day: day)) }
}
