/// A time of day on a wall clock, to the minute, from `00:00` through `24:00`: the ends of a send
/// window.
///
/// `24:00` is the end of the day, the instant the next day's `00:00` begins, so a window can run
/// to midnight (`20:00-24:00`) without wrapping. It is a valid end and never a valid start: no
/// window can open after it.
///
/// A local time names no instant until it is placed on a ``CivilDate`` in a zone
/// (``ZoneRules/instant(of:at:)``); on a day with a daylight-saving change some local times occur
/// twice and others never.
///
/// ```swift
/// let opens = try LocalTime(parsing: "08:00")
/// let closes = LocalTime(hour: 21, minute: 0)      // Optional(21:00)
/// opens.minutesSinceMidnight                        // 480
/// LocalTime.endOfDay.description                    // "24:00"
/// ```
public struct LocalTime: Sendable, Hashable, Comparable {
  /// Minutes since the day's `00:00`, 0 through 1440 (`24:00`). The only stored property.
  public let minutesSinceMidnight: Int

  /// The start of the day, `00:00`.
  public static let startOfDay = LocalTime(unchecked: 0)
  /// The end of the day, `24:00`: the next day's `00:00`.
  public static let endOfDay = LocalTime(unchecked: minutesPerDay)

  /// Minutes in a day on a wall clock: 1440.
  static let minutesPerDay = 1440

  init(unchecked minutes: Int) { minutesSinceMidnight = minutes }

  /// Creates a time from its hour and minute, or `nil` outside `00:00`…`24:00`.
  ///
  /// ```swift
  /// LocalTime(hour: 8, minute: 30)    // 08:30
  /// LocalTime(hour: 24, minute: 0)    // 24:00, the end of the day
  /// LocalTime(hour: 24, minute: 1)    // nil
  /// ```
  ///
  /// - Parameters:
  ///   - hour: The hour, 0 through 24 (24 only with minute 0).
  ///   - minute: The minute, 0 through 59.
  public init?(hour: Int, minute: Int) {
    guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
    minutesSinceMidnight = hour * 60 + minute
  }

  /// Creates a time from minutes since `00:00`, or `nil` outside 0…1440.
  ///
  /// ```swift
  /// LocalTime(minutesSinceMidnight: 1260)   // 21:00
  /// ```
  public init?(minutesSinceMidnight minutes: Int) {
    guard (0...LocalTime.minutesPerDay).contains(minutes) else { return nil }
    minutesSinceMidnight = minutes
  }

  /// The hour, 0 through 24 (24 only for ``endOfDay``).
  public var hour: Int { minutesSinceMidnight / 60 }
  /// The minute, 0 through 59.
  public var minute: Int { minutesSinceMidnight % 60 }

  /// Orders times from `00:00` to `24:00`.
  public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
    lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
  }
}
