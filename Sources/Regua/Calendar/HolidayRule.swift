/// How a built-in calendar finds one holiday in any year: the day it falls on, the year it was
/// introduced, and whether it is observed on a weekday when it falls on a weekend.
///
/// Rules are evaluated, never listed: the same rule gives the right date in 1900, in 2026 and in
/// 2200. A ``BusinessCalendar`` evaluates them once for the years it indexes, and directly for
/// a date outside them.
struct HolidayRule: Sendable, Hashable {
  /// The day of the year a holiday falls on.
  enum Day: Sendable, Hashable {
    /// The same month and day every year (`12-25`).
    case fixed(month: Int, day: Int)
    /// The `ordinal`-th given weekday of a month (the 4th Thursday of November).
    case nthWeekday(Int, Weekday, month: Int)
    /// The last given weekday of a month (the last Monday of May).
    case lastWeekday(Weekday, month: Int)
    /// A number of days from Easter Sunday (Good Friday is −2).
    case easter(days: Int)
  }

  /// Where a holiday that falls on a weekend is observed.
  enum Observance: Sendable, Hashable {
    /// On its own date, whatever the weekday (Brazil).
    case onTheDay
    /// On the Friday before when it falls on a Saturday, the Monday after on a Sunday: 5 U.S.C.
    /// 6103(b) and Executive Order 11582, as OPM applies them. The Friday may be in the year
    /// before (New Year's Day 2028 is observed on 2027-12-31).
    case nearestWeekday
  }

  /// The holiday's name, as the calendar's authority writes it.
  let name: String
  /// The day it falls on.
  let day: Day
  /// The first year it is a holiday, or `nil` for every year.
  let firstYear: Int?
  /// Where it is observed when it falls on a weekend.
  let observance: Observance

  init(_ name: String, _ day: Day, from firstYear: Int? = nil, observed observance: Observance = .onTheDay) {
    self.name = name
    self.day = day
    self.firstYear = firstYear
    self.observance = observance
  }

  /// The holiday's own date in `year`, or `nil` when it is not a holiday that year (before its
  /// first year, or outside the years a ``CivilDate`` holds).
  func actualDate(in year: Int) -> CivilDate? {
    guard (1...9999).contains(year), year >= firstYear ?? year else { return nil }
    switch day {
    case .fixed(let month, let day):
      return CivilDate(year: year, month: month, day: day)
    case .nthWeekday(let ordinal, let weekday, let month):
      guard let first = CivilDate(year: year, month: month, day: 1) else { return nil }
      let date = first.adding(days: HolidayRule.days(from: first.weekday, to: weekday) + 7 * (ordinal - 1))
      return date.month == month ? date : nil
    case .lastWeekday(let weekday, let month):
      guard let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year)) else {
        return nil
      }
      return last.adding(days: -HolidayRule.days(from: weekday, to: last.weekday))
    case .easter(let days):
      return Easter.sunday(in: year)?.adding(days: days)
    }
  }

  /// The day the holiday of `year` is observed on (a non-business day), which may fall in the
  /// year before; `nil` when it is not a holiday that year.
  func observedDate(in year: Int) -> CivilDate? {
    guard let actual = actualDate(in: year) else { return nil }
    guard observance == .nearestWeekday else { return actual }
    switch actual.weekday {
    case .saturday: return actual.adding(days: -1)
    case .sunday: return actual.adding(days: 1)
    default: return actual
    }
  }

  /// Whether the holiday is observed on `date`, whose year is `year` (the holiday of that year,
  /// or of a neighbouring year when an observed move crosses New Year).
  func isObserved(on date: CivilDate, year: Int) -> Bool {
    observedDate(in: year) == date
      || (observance == .nearestWeekday && (observedDate(in: year + 1) == date || observedDate(in: year - 1) == date))
  }

  /// Days forward from one weekday to the next `target` (0 when they are the same).
  private static func days(from start: Weekday, to target: Weekday) -> Int {
    (target.rawValue - start.rawValue + 7) % 7
  }
}
