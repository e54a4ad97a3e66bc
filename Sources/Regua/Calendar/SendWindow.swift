/// One `window` line of a cadence: the hours of the day, and the days of the week, in which a
/// channel — or every channel, `any` — may contact a customer, on the customer's wall clock.
///
/// A window runs from ``from`` up to, not including, ``to`` (`08:00-21:00` closes as 21:00
/// begins); `24:00` ends a window at midnight. A window does not wrap past midnight: `21:00` to
/// `08:00` is two windows, `21:00-24:00` and `00:00-08:00`.
///
/// ```swift
/// let calls = try SendWindow(
///   channel: .call, from: try LocalTime(parsing: "09:00"), to: try LocalTime(parsing: "18:00"),
///   days: .mondayToFriday)
/// let anything = try SendWindow(
///   channel: nil, from: try LocalTime(parsing: "08:00"), to: try LocalTime(parsing: "21:00"))
/// ```
///
/// ``SendWindows`` combines a cadence's windows into each channel's hours.
public struct SendWindow: Sendable, Hashable {
  /// The channel the window restricts, or `nil` for `any`: every channel without windows of its
  /// own.
  public let channel: Channel?
  /// When the window opens.
  public let from: LocalTime
  /// When the window closes: the first minute not in it. Always after ``from``.
  public let to: LocalTime
  /// The weekdays the window opens; never empty.
  public let days: WeekdaySet

  /// Creates a window, or throws why it cannot be one.
  ///
  /// ```swift
  /// try SendWindow(channel: .sms, from: try LocalTime(parsing: "21:00"),
  ///                to: try LocalTime(parsing: "08:00"))
  /// // throws SendWindowError.endNotAfterStart
  /// ```
  ///
  /// - Parameters:
  ///   - channel: The channel, or `nil` for `any`.
  ///   - from: When it opens.
  ///   - to: When it closes; must be after `from`.
  ///   - days: The weekdays it opens; every day unless given; must not be empty.
  /// - Throws: ``SendWindowError``.
  public init(channel: Channel?, from: LocalTime, to: LocalTime, days: WeekdaySet = .everyDay) throws(SendWindowError) {
    guard from != .endOfDay else { throw .startsAtEndOfDay }
    guard from < to else { throw .endNotAfterStart(from: from, to: to) }
    guard !days.isEmpty else { throw .noDays }
    self.channel = channel
    self.from = from
    self.to = to
    self.days = days
  }

  /// The hours the window is open on a day it opens, from ``from`` up to ``to``.
  public var hours: Range<LocalTime> { from..<to }
}

extension SendWindow: CustomStringConvertible {
  /// The window as a rule file writes it: `window call 09:00-18:00 mon-fri`.
  public var description: String {
    let days = days.ruleSpelling
    return "window \(channel?.name ?? "any") \(from)-\(to)" + (days.isEmpty ? "" : " " + days)
  }
}

/// Why a window cannot be made, as a value a diagnostic can word.
///
/// ```swift
/// SendWindowError.endNotAfterStart(from: LocalTime(hour: 21, minute: 0)!,
///                                  to: LocalTime(hour: 8, minute: 0)!).description
/// // "a window's end `08:00` is not after its start `21:00`; …"
/// ```
public enum SendWindowError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The window closes at or before it opens (`21:00-08:00`, `09:00-09:00`).
  case endNotAfterStart(from: LocalTime, to: LocalTime)
  /// The window opens at `24:00`, the end of the day, when no window can open.
  case startsAtEndOfDay
  /// The window opens on no day.
  case noDays

  /// A sentence for people: what is wrong, and how to write it.
  public var description: String {
    switch self {
    case .endNotAfterStart(let from, let to) where to == .startOfDay:
      return "a window's end `\(to)` is not after its start `\(from)`; write `\(from)-24:00` for a window that closes "
        + "at midnight"
    case .endNotAfterStart(let from, let to) where to < from:
      return "a window's end `\(to)` is not after its start `\(from)`; a window does not wrap past midnight: "
        + "write two, `\(from)-24:00` and `00:00-\(to)`"
    case .endNotAfterStart(let from, let to):
      return "a window's end `\(to)` is not after its start `\(from)`; a window is open for at least a minute"
    case .startsAtEndOfDay:
      return "`24:00` ends a day, so no window starts at it; a window starts from `00:00` to `23:59`"
    case .noDays:
      return "a window opens on at least one day"
    }
  }
}
