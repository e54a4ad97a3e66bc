/// One non-business day of a ``BusinessCalendar`` other than its weekend: a holiday, on the
/// day it is observed.
///
/// `date` is the day that is not a business day; `actualDate` is the holiday's own date. They
/// differ only where a calendar observes a weekend holiday on a weekday: in `US`, Independence
/// Day 2026 (a Saturday) is observed on Friday 2026-07-03.
///
/// ```swift
/// let holidays = BusinessCalendar.unitedStates.holidays(in: 2027)
/// holidays.last?.name         // "New Year's Day"
/// holidays.last?.date         // 2027-12-31 (observed)
/// holidays.last?.actualDate   // 2028-01-01
/// ```
public struct Holiday: Sendable, Hashable {
  /// The day that is not a business day: the observed date.
  public let date: CivilDate
  /// The holiday's own date; the same as ``date`` unless the holiday was moved.
  public let actualDate: CivilDate
  /// The holiday's name: Portuguese for `BR` (as ANBIMA writes it), English for `US` (as OPM
  /// writes it), the host's for holidays a host adds.
  public let name: String

  /// Creates a holiday.
  ///
  /// - Parameters:
  ///   - date: The day it is observed, which is not a business day.
  ///   - actualDate: Its own date; `date` unless it was moved.
  ///   - name: Its name.
  public init(date: CivilDate, actualDate: CivilDate? = nil, name: String) {
    self.date = date
    self.actualDate = actualDate ?? date
    self.name = name
  }

  /// Whether the holiday is observed on another day than its own.
  public var isMoved: Bool { date != actualDate }
}
