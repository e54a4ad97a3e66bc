/// A calendar date without a time of day or a time zone: year, month and day.
///
/// The engine works in civil dates only. A `Foundation.Date` plus a time zone is converted to a
/// civil date at the edge of the program; nothing inside Regua reads a clock or a zone.
///
/// Day arithmetic is exact and proleptic Gregorian, after Howard Hinnant's `days_from_civil`:
///
/// ```swift
/// let due = try CivilDate(parsing: "2026-02-27")
/// due.adding(days: 2)          // 2026-03-01
/// due.weekday                  // .friday
/// ```
public struct CivilDate: Sendable, Hashable, Comparable {
  /// Days since 1970-01-01 (negative before it). The only stored property.
  public let daysSinceEpoch: Int

  /// Creates the date a number of days after (or before) 1970-01-01.
  public init(daysSinceEpoch: Int) {
    self.daysSinceEpoch = daysSinceEpoch
  }

  /// Creates a date from its parts, or `nil` when the parts name no real day (`2026-02-30`).
  ///
  /// - Parameters:
  ///   - year: The year, 1 through 9999.
  ///   - month: The month, 1 through 12.
  ///   - day: The day of the month, 1 through the month's length.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.daysSinceEpoch = CivilDate.daysFromCivil(year: year, month: month, day: day)
  }

  /// The earliest date Regua represents: 0001-01-01.
  public static let earliest = CivilDate(daysSinceEpoch: daysFromCivil(year: 1, month: 1, day: 1))
  /// The latest date Regua represents: 9999-12-31. No computed date goes past it.
  public static let latest = CivilDate(daysSinceEpoch: daysFromCivil(year: 9999, month: 12, day: 31))
  /// The days Regua represents, 0001-01-01 through 9999-12-31, as days since the epoch.
  static let representableDays = earliest.daysSinceEpoch...latest.daysSinceEpoch

  /// Whether the date lies within 0001-01-01 through 9999-12-31, the years a date can be written in.
  public var isRepresentable: Bool { CivilDate.representableDays.contains(daysSinceEpoch) }

  /// The year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    CivilDate.civilFromDays(daysSinceEpoch)
  }

  /// The year.
  public var year: Int { components.year }
  /// The month, 1 through 12.
  public var month: Int { components.month }
  /// The day of the month, 1 through 31.
  public var day: Int { components.day }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    let isoIndex = (daysSinceEpoch % 7 + 10) % 7  // 0 = Monday; no overflow at the extremes
    return Weekday(isoNumber: isoIndex + 1) ?? .monday
  }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate {
    CivilDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// The number of days from `other` to this date: positive when this date is later.
  public func days(since other: CivilDate) -> Int {
    daysSinceEpoch - other.daysSinceEpoch
  }

  /// Whether `year` is a leap year in the Gregorian calendar.
  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Compares two dates chronologically.
  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  // Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
    // Clamped so that no day count, however far out, overflows (only unrepresentable dates,
    // which Regua never computes, are affected).
    let z = Swift.min(Swift.max(days, Int.min / 2), Int.max / 2) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }
}
