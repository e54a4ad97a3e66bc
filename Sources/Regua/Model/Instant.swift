/// A point in time, to the second: seconds since 1970-01-01T00:00:00Z, leap seconds not counted
/// (POSIX time, as `Foundation.Date` and every IANA time zone count it).
///
/// An instant is the same everywhere; ``ZoneRules`` says which ``CivilDate`` and ``LocalTime``
/// it is in a zone. Its text, ``description``, is the one shape the plan's windows use,
/// `YYYY-MM-DDTHH:MM:SSZ`, always in UTC:
///
/// ```swift
/// let opens = Instant(utc: try CivilDate(parsing: "2026-03-09"), secondOfDay: 12 * 3600)
/// opens.description                               // "2026-03-09T12:00:00Z"
/// Instant("2026-03-09T12:00:00Z") == opens        // true
/// opens.adding(seconds: 3600).description         // "2026-03-09T13:00:00Z"
/// ```
public struct Instant: Sendable, Hashable, Comparable {
  /// Seconds since 1970-01-01T00:00:00Z (negative before it). The only stored property.
  public let secondsSince1970: Int

  /// Seconds in a day of UTC (and of any zone's day without a change of offset): 86 400.
  public static let secondsPerDay = 86_400

  /// Creates the instant a number of seconds after (or before) 1970-01-01T00:00:00Z.
  ///
  /// ```swift
  /// Instant(secondsSince1970: 0).description   // "1970-01-01T00:00:00Z"
  /// ```
  public init(secondsSince1970: Int) {
    self.secondsSince1970 = secondsSince1970
  }

  /// Creates the instant `secondOfDay` seconds after the start of `date` in UTC.
  ///
  /// `secondOfDay` may be 86 400 or more (or negative): the instant then falls on a later (or
  /// earlier) day.
  ///
  /// ```swift
  /// Instant(utc: try CivilDate(parsing: "2026-11-01"), secondOfDay: 0).description
  /// // "2026-11-01T00:00:00Z"
  /// ```
  public init(utc date: CivilDate, secondOfDay: Int) {
    secondsSince1970 = Instant.sum(Instant.product(date.daysSinceEpoch, Instant.secondsPerDay), secondOfDay)
  }

  /// The date in UTC on which the instant falls.
  ///
  /// ```swift
  /// Instant(secondsSince1970: -1).utcDate   // 1969-12-31
  /// ```
  public var utcDate: CivilDate {
    CivilDate(daysSinceEpoch: Instant.floorDivide(secondsSince1970, Instant.secondsPerDay))
  }

  /// Seconds since the start of ``utcDate``, 0 through 86 399.
  public var utcSecondOfDay: Int {
    let remainder = secondsSince1970 % Instant.secondsPerDay
    return remainder < 0 ? remainder + Instant.secondsPerDay : remainder
  }

  /// The instant `seconds` seconds later (earlier when negative).
  ///
  /// ```swift
  /// Instant(secondsSince1970: 0).adding(seconds: -1).description   // "1969-12-31T23:59:59Z"
  /// ```
  public func adding(seconds: Int) -> Instant {
    Instant(secondsSince1970: Instant.sum(secondsSince1970, seconds))
  }

  /// The seconds from `other` to this instant: positive when this instant is later.
  public func seconds(since other: Instant) -> Int {
    secondsSince1970 - other.secondsSince1970
  }

  /// Orders instants in time.
  public static func < (lhs: Instant, rhs: Instant) -> Bool {
    lhs.secondsSince1970 < rhs.secondsSince1970
  }

  // Saturating arithmetic: no date or offset, however far out, traps (only instants that no
  // window computes, millions of years away, are affected).
  static func sum(_ lhs: Int, _ rhs: Int) -> Int {
    let (sum, overflow) = lhs.addingReportingOverflow(rhs)
    return overflow ? (rhs > 0 ? .max : .min) : sum
  }

  static func product(_ lhs: Int, _ rhs: Int) -> Int {
    let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
    return overflow ? ((lhs < 0) != (rhs < 0) ? .min : .max) : product
  }

  /// `value / divisor` rounded towards minus infinity (`divisor` > 0).
  static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }
}
