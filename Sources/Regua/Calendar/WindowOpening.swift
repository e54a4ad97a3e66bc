/// When a channel may contact a customer on one day: not restricted at all, closed all day, or
/// open between two instants.
///
/// The plan's `"window"` is `null` for ``unrestricted`` and `{"from": …, "to": …}` for
/// ``open(_:)``; a contact is never planned on a ``closed`` day (it waits for the next opening).
///
/// ```swift
/// switch windows.opening(of: .sms, on: day, in: zone) {
/// case .unrestricted: print("null")
/// case .closed: print("closed all day")
/// case .open(let hours): print(hours.lowerBound, hours.upperBound)   // 2026-03-09T12:00:00Z …
/// }
/// ```
public enum WindowOpening: Sendable, Hashable {
  /// No window applies to the channel: it may contact at any time.
  case unrestricted
  /// The channel has windows, and none opens on the day.
  case closed
  /// The channel may contact from the range's lower bound up to, not including, its upper
  /// bound: the day's first opening (see ``ChannelWindows/opening(on:in:)``).
  case open(Range<Instant>)
}
