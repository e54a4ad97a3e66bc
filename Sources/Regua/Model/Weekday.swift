/// A day of the week, numbered as ISO 8601 does (Monday is 1, Sunday is 7).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
  /// Monday, ISO day 1.
  case monday = 1
  /// Tuesday, ISO day 2.
  case tuesday
  /// Wednesday, ISO day 3.
  case wednesday
  /// Thursday, ISO day 4.
  case thursday
  /// Friday, ISO day 5.
  case friday
  /// Saturday, ISO day 6.
  case saturday
  /// Sunday, ISO day 7.
  case sunday

  /// Creates the weekday with an ISO number, 1 (Monday) through 7 (Sunday).
  public init?(isoNumber: Int) { self.init(rawValue: isoNumber) }

  /// Whether the day is Saturday or Sunday.
  public var isWeekend: Bool { self == .saturday || self == .sunday }

  /// Orders weekdays Monday first.
  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
