/// How a step's scheduled date follows from its offset for one invoice: the date the offset
/// counts from, the day it names, and, when the calendar closes that day, why, and whether the
/// step moved off it.
///
/// Facts only; `regua explain` puts them in words: `D+5 falls on Sunday 2026-03-15; moved to
/// Monday 2026-03-16`.
public struct StepDate: Sendable, Hashable {
  /// Which date an offset counts from.
  public enum Base: String, Sendable, Hashable, CaseIterable {
    /// The invoice's issue date (`I+N`).
    case issueDate = "issue-date"
    /// The stated due date (`D-N`).
    case dueDate = "due-date"
    /// The effective due date, the first business day on or after the due date (`D0`, `D+N`).
    case effectiveDueDate = "effective-due-date"
  }

  /// The date the offset counts from: the issue date for `I+N`, the stated due date for `D-N`,
  /// the effective due date for `D0` and `D+N`.
  public var base: CivilDate
  /// Which date ``base`` is.
  public var baseKind: Base
  /// For a business-day offset, the business days it counts (negative: before ``base``);
  /// `nil` for an offset in calendar days.
  public var businessDays: Int?
  /// The day the offset names before any move: `base` plus its days, or, for a business-day
  /// offset, the business day it counts to.
  public var named: CivilDate
  /// The date the step is scheduled for: ``named``, or the next business day after it, or the
  /// next day its channel's window opens (see ``waitsForWindow``).
  public var scheduled: CivilDate
  /// Why ``named`` is not a business day, when it is not; `nil` on a business day (and always
  /// without a calendar that moves dates).
  public var closed: NonBusinessDay?
  /// Whether the step waits past the day business-day shifting gives it, for a day its
  /// channel's `window` opens.
  public var waitsForWindow: Bool

  /// Creates a step date.
  public init(
    base: CivilDate, baseKind: Base, businessDays: Int? = nil, named: CivilDate, scheduled: CivilDate,
    closed: NonBusinessDay?, waitsForWindow: Bool = false
  ) {
    self.base = base
    self.baseKind = baseKind
    self.businessDays = businessDays
    self.named = named
    self.scheduled = scheduled
    self.closed = closed
    self.waitsForWindow = waitsForWindow
  }

  /// Whether the step moved off the day its offset names (to the next business day, or to a
  /// day its window opens).
  public var isMoved: Bool { scheduled != named }
}

/// Why a day is not a business day in a calendar.
public enum NonBusinessDay: Sendable, Hashable {
  /// A holiday observed that day, by its name (what the calendar, or a `holiday` line, calls
  /// it), whatever the weekday.
  case holiday(String)
  /// A weekend day that is no holiday.
  case weekend(Weekday)
}
