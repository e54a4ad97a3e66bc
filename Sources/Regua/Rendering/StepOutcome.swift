/// What became of a step when a cadence is drawn with an invoice: the simulated timeline's
/// verdict, assuming the host executes every action on the day it is planned.
public enum StepOutcome: Sendable, Hashable {
  /// The step fired in the simulation on `date`, `late` days after its scheduled date.
  case fired(date: CivilDate, late: Int)
  /// The step was already in the invoice's history before the simulation, done on `date`.
  case recorded(date: CivilDate)
  /// The step did not fire: the engine's reason, and its sentence for a collections clerk.
  case skipped(SkipReason, detail: String)
  /// The step never came due in the simulated period (its date lies outside the calendar, or
  /// nothing was evaluated on or after it).
  case notDue

  /// A short phrase for a label: `sent 2026-03-24`, `skipped: paused`.
  public var summary: String {
    switch self {
    case .fired(let date, let late):
      return "done \(date)" + (late == 0 ? "" : " (\(late) day\(late == 1 ? "" : "s") late)")
    case .recorded(let date): return "done \(date), before (history)"
    case .skipped(let reason, _): return "skipped: \(reason.rawValue)"
    case .notDue: return "not due"
    }
  }

  /// The whole explanation, for a tooltip or a table: the skip's sentence, or the summary.
  public var explanation: String {
    if case .skipped(_, let detail) = self { return detail }
    return summary
  }

  /// A stable name for styling and tests: `fired`, `recorded`, `skipped`, `not-due`.
  public var name: String {
    switch self {
    case .fired: return "fired"
    case .recorded: return "recorded"
    case .skipped: return "skipped"
    case .notDue: return "not-due"
    }
  }
}
