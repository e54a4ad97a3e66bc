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

  /// The day's three-letter English name, as rule files write it: `mon` … `sun`.
  public var abbreviation: String {
    Weekday.abbreviations[rawValue - 1]
  }

  /// The weekday a three-letter English name (`mon` … `sun`) names, or `nil`.
  ///
  /// ```swift
  /// Weekday(abbreviation: "fri")   // .friday
  /// Weekday(abbreviation: "Fri")   // nil: rule files write days in lower case
  /// ```
  public init?(abbreviation: String) {
    guard let index = Weekday.abbreviations.firstIndex(of: abbreviation) else { return nil }
    self.init(rawValue: index + 1)
  }

  static let abbreviations = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  /// The day's English name, capitalized: `Monday` … `Sunday`.
  public var name: String {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue - 1]
  }

  /// Orders weekdays Monday first.
  public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
