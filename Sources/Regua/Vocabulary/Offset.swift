/// When a step is scheduled: a number of calendar days from an anchor date.
public struct Offset: Sendable, Hashable, CustomStringConvertible {
  /// The date an offset counts from.
  public enum Anchor: String, Sendable, Hashable, CaseIterable {
    /// The invoice's due date, written `D`.
    case due = "D"
    /// The invoice's issue date, written `I`.
    case issue = "I"
    /// A promise-to-pay's date, written `P` (reserved for the promise-to-pay issue).
    case promise = "P"
  }

  /// The largest number of days an offset may count, before or after its anchor.
  public static let maximumDays = Bounds.offsetDays

  /// What the offset counts from.
  public var anchor: Anchor
  /// The signed number of calendar days.
  public var days: Int

  /// Creates an offset.
  public init(_ anchor: Anchor, _ days: Int) {
    self.anchor = anchor
    self.days = days
  }

  /// `days` after (or before, when negative) the due date: `.due(14)` is `D+14`.
  public static func due(_ days: Int) -> Offset { Offset(.due, days) }

  /// `days` after the issue date: `.issue(14)` is `I+14`.
  public static func issue(_ days: Int) -> Offset { Offset(.issue, days) }

  /// The offset as written canonically: `D+14`, `D-3`, `D0`, `I+14`.
  public var description: String {
    if days == 0 { return "\(anchor.rawValue)0" }
    return "\(anchor.rawValue)\(days > 0 ? "+" : "-")\(days.magnitude)"
  }

  /// The lower-case form used in step ids: `d+14`, `d-3`, `d0`, `i+14`.
  public var idPrefix: String { description.lowercased() }
}
