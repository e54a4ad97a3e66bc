/// A contact frequency cap: `limit call 1 per 7 days`.
public struct ContactLimit: Sendable, Hashable, CustomStringConvertible {
  /// The channel counted, or `nil` for `any` (every contact channel).
  public var channel: String?
  /// The most contacts allowed in the window.
  public var count: Int
  /// The window's length in days, ending on the evaluation date (included).
  public var days: Int

  /// Creates a limit; `channel: nil` counts every contact channel.
  public init(channel: String?, count: Int, days: Int) {
    self.channel = channel
    self.count = count
    self.days = days
  }

  /// Whether the limit counts contacts on `channel`.
  public func applies(to channel: String) -> Bool {
    self.channel.map { $0 == channel } ?? true
  }

  /// The limit as written: `limit call 1 per 7 days`.
  public var description: String {
    "limit \(channel ?? "any") \(count) per \(days) \(days == 1 ? "day" : "days")"
  }
}
