/// Which days are business days: the piece of an ``Environment`` that moves dates.
///
/// A calendar is a pure value: a set of weekdays that are never business days, plus dated
/// exceptions (holidays that are not business days, working days that are). ``none``, the
/// default, makes every day a business day, so it moves nothing.
///
/// ```swift
/// let tiradentes = try CivilDate(parsing: "2026-04-21")
/// if let calendar = BusinessCalendar(weekend: [.saturday, .sunday], holidays: [tiradentes]) {
///   calendar.isBusinessDay(tiradentes)   // false
/// }
/// ```
public struct BusinessCalendar: Sendable, Hashable {
  /// Every day is a business day: nothing moves.
  public static let none = BusinessCalendar(checkedWeekend: [], holidays: [], workdays: [])

  /// The calendar's days, shared and never mutated, so copying a calendar (a schedule holds
  /// one) costs one reference; `nil` for a calendar that moves nothing.
  private final class Storage: Sendable {
    let weekend: Set<Weekday>
    let holidays: Set<CivilDate>
    let workdays: Set<CivilDate>

    init(weekend: Set<Weekday>, holidays: Set<CivilDate>, workdays: Set<CivilDate>) {
      self.weekend = weekend
      self.holidays = holidays
      self.workdays = workdays
    }
  }

  private let storage: Storage?

  /// Weekdays that are not business days (unless listed in ``workdays``).
  public var weekend: Set<Weekday> { storage?.weekend ?? [] }
  /// Days that are not business days.
  public var holidays: Set<CivilDate> { storage?.holidays ?? [] }
  /// Days that are business days even on a weekend or a holiday.
  public var workdays: Set<CivilDate> { storage?.workdays ?? [] }

  /// Creates a calendar, or `nil` when `weekend` names all seven days (a calendar needs a
  /// working weekday).
  ///
  /// - Parameters:
  ///   - weekend: Weekdays that are not business days; at most six.
  ///   - holidays: Days that are not business days.
  ///   - workdays: Days that are business days whatever the other two say.
  public init?(weekend: Set<Weekday> = [], holidays: Set<CivilDate> = [], workdays: Set<CivilDate> = []) {
    guard weekend.count < 7 else { return nil }
    self.init(checkedWeekend: weekend, holidays: holidays, workdays: workdays)
  }

  private init(checkedWeekend weekend: Set<Weekday>, holidays: Set<CivilDate>, workdays: Set<CivilDate>) {
    storage =
      weekend.isEmpty && holidays.isEmpty && workdays.isEmpty
      ? nil : Storage(weekend: weekend, holidays: holidays, workdays: workdays)
  }

  /// Calendars are equal when they have the same days.
  public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
    (lhs.weekend, lhs.holidays, lhs.workdays) == (rhs.weekend, rhs.holidays, rhs.workdays)
  }

  /// Hashes the days.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(weekend)
    hasher.combine(holidays)
    hasher.combine(workdays)
  }

  /// Whether nothing is ever a non-business day, so the calendar moves no date.
  public var movesNothing: Bool { storage.map { $0.weekend.isEmpty && $0.holidays.isEmpty } ?? true }

  /// Whether `date` is a business day.
  public func isBusinessDay(_ date: CivilDate) -> Bool {
    guard let storage, !movesNothing, !storage.workdays.contains(date) else { return true }
    return !storage.weekend.contains(date.weekday) && !storage.holidays.contains(date)
  }

  /// The first business day on or after `date`, or `nil` past 9999-12-31 (or for a date
  /// outside 0001–9999).
  ///
  /// Terminates quickly: a week always has a working weekday, and holidays are finitely many.
  public func businessDay(onOrAfter date: CivilDate) -> CivilDate? {
    guard date.isRepresentable else { return nil }
    var day = date
    while !isBusinessDay(day) {
      day = day.adding(days: 1)
      guard day.isRepresentable else { return nil }
    }
    return day
  }
}
