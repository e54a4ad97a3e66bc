/// The words for how dates follow from offsets and the calendar, as `regua explain` prints
/// them: the effective due date, a business-day offset's count, a step moved off a closed day.
///
/// Holiday names come from the calendar or a host, so they go through ``SafeText``.
enum StepDateText {
  /// `due 2026-03-07 (a Saturday); effective due date 2026-03-09: D0 and D+N count from it,
  /// payment on it is on time`; `nil` when the stated due date is the effective one.
  static func effectiveDue(_ schedule: Schedule, closed: NonBusinessDay?) -> String? {
    guard schedule.effectiveDue != schedule.due else { return nil }
    let why = closed.map { " (" + article($0) + ")" } ?? ""
    return "due \(schedule.due)\(why); effective due date \(schedule.effectiveDue): "
      + "D0 and D+N count from it, payment on it is on time"
  }

  /// What a step's date says beyond the date itself, one line each: what a business-day offset
  /// counts (`D+5 business days: the 5th business day after the effective due date
  /// 2026-03-10`), and a closed day it moved off (`D+5 falls on Sunday 2026-03-15; moved to
  /// Monday 2026-03-16`) or stayed on (`any day`). None for a plain offset on a business day.
  static func lines(_ date: StepDate, step: Step) -> [String] {
    var lines: [String] = []
    if let count = date.businessDays {
      let anchor: String
      switch date.baseKind {
      case .issueDate: anchor = "the issue date"
      case .dueDate: anchor = "the due date"
      case .effectiveDueDate: anchor = "the effective due date"
      }
      lines.append(
        "\(step.offset.description): the \(ordinal(Int(count.magnitude))) business day "
          + "\(count < 0 ? "before" : "after") \(anchor) \(date.base)")
    }
    if date.waitsForWindow {
      let falls = "\(step.offset.count) falls on " + day(date.named, date.closed)
      let channel = step.channel.map { "`\(SafeText.escaped($0))` " } ?? ""
      lines.append(falls + "; moved to " + day(date.scheduled) + ", the first day its \(channel)window opens")
    } else if let closed = date.closed {
      let falls = "\(step.offset.count) falls on " + day(date.named, closed)
      lines.append(
        date.isMoved ? falls + "; moved to " + day(date.scheduled) : falls + "; stays on it (any day)")
    }
    return lines
  }

  /// `Sunday 2026-03-15`; with a holiday, `Tiradentes, Tuesday 2026-04-21`.
  static func day(_ date: CivilDate, _ closed: NonBusinessDay? = nil) -> String {
    let weekday = String(describing: date.weekday).capitalized + " \(date)"
    if case .holiday(let name) = closed { return SafeText.escaped(name) + ", " + weekday }
    return weekday
  }

  /// `a Saturday`; `Tiradentes, a Tuesday`.
  private static func article(_ closed: NonBusinessDay) -> String {
    switch closed {
    case .weekend(let weekday): return "a " + String(describing: weekday).capitalized
    case .holiday(let name): return SafeText.escaped(name)
    }
  }

  /// `1st`, `2nd`, `3rd`, `4th`, `11th`, `12th`, `13th`, `21st`, `112th`.
  static func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }
}
