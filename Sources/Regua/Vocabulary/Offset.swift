/// When a step is scheduled: a number of calendar days, or of business days, from an anchor date.
public struct Offset: Sendable, Hashable, CustomStringConvertible {
  /// What an offset counts.
  public enum Unit: Sendable, Hashable {
    /// Calendar days (`D+14`).
    case days
    /// Business days of the cadence's calendar (`D+5 business days`): the 5th business day after
    /// the effective due date; with `calendar none`, every day is one.
    case businessDays
  }

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
  /// The signed number of days (calendar days, or business days when ``unit`` says so).
  public var days: Int
  /// What ``days`` counts.
  public var unit: Unit

  /// Creates an offset.
  public init(_ anchor: Anchor, _ days: Int, unit: Unit = .days) {
    self.anchor = anchor
    self.days = days
    self.unit = unit
  }

  /// `days` after (or before, when negative) the due date: `.due(14)` is `D+14`.
  public static func due(_ days: Int) -> Offset { Offset(.due, days) }

  /// `days` after the issue date: `.issue(14)` is `I+14`.
  public static func issue(_ days: Int) -> Offset { Offset(.issue, days) }

  /// `days` business days after (or before, when negative) the due date:
  /// `.due(businessDays: 5)` is `D+5 business days`.
  public static func due(businessDays days: Int) -> Offset { Offset(.due, days, unit: .businessDays) }

  /// `days` business days after the issue date: `.issue(businessDays: 3)` is `I+3 business days`.
  public static func issue(businessDays days: Int) -> Offset { Offset(.issue, days, unit: .businessDays) }

  /// The anchor and the signed count, as written canonically: `D+14`, `D-3`, `D0`, `I+14`
  /// (a business-day offset's unit is written after it).
  public var count: String {
    if days == 0 { return "\(anchor.rawValue)0" }
    return "\(anchor.rawValue)\(days > 0 ? "+" : "-")\(days.magnitude)"
  }

  /// The offset as written canonically: `D+14`, `D-3`, `D0`, `I+14`, `D+5 business days`,
  /// `D-1 business day`.
  public var description: String {
    switch unit {
    case .days: return count
    case .businessDays: return count + (days.magnitude == 1 ? " business day" : " business days")
    }
  }

  /// The lower-case form used in step ids: `d+14`, `d-3`, `d0`, `i+14`; a business-day offset
  /// ends in `bd` (`d+5bd`), so `D+5 call` and `D+5 business days call` never share an id.
  public var idPrefix: String {
    switch unit {
    case .days: return count.lowercased()
    case .businessDays: return count.lowercased() + "bd"
    }
  }
}
