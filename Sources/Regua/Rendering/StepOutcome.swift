/// What became of one occurrence of a step when a cadence is drawn with an invoice, in the
/// simulated timeline (the host executes every action on the day it is planned): a view of the
/// engine's own values — the simulator's entry, the history's, the plan's skip with its typed
/// reason and detail — put into words only when drawn.
///
/// ``TimelineLayout`` finds it per occurrence, by occurrence id (``OccurrenceID``): a step that
/// comes due several times has one mark, and one outcome, per occurrence.
public enum StepOutcome: Sendable, Hashable {
  /// It fired in the simulation: the simulator's timeline entry for it (what a
  /// ``SimulationEvent/action(_:)`` event carries), with the day and how many days late.
  case fired(TimelineEntry)
  /// It was already in the invoice's history before the simulation: the occurrence's earliest
  /// entry.
  case recorded(HistoryEntry)
  /// It did not fire: the engine's skip on the day it was due (that day's plan's, which the
  /// day's ``Explanation`` gives as ``StepStatus/skipped(_:)``), its reason and detail as data.
  /// `then` is, for a step a pause or a limit held back, its skip on the last day anything is
  /// scheduled or fires when the reason differs by then (a step paused and then too late is
  /// `missed`); `nil` otherwise.
  case skipped(SkippedStep, then: SkippedStep?)
  /// The occurrence never came due in the simulated period (nothing was evaluated on or after
  /// its date).
  case notDue

  /// A short phrase for a label: `done 2026-03-24`, `done 2026-03-26 (2 days late)`,
  /// `done 2026-03-07, before (history)`, `skipped: paused`, `not due`.
  public var summary: String {
    switch self {
    case .fired(let entry): return "done \(entry.date)" + (entry.note.isEmpty ? "" : " " + entry.note)
    case .recorded(let entry): return "done \(entry.date), before (history)"
    case .skipped(let skip, _): return "skipped: \(skip.reason.rawValue)"
    case .notDue: return "not due"
    }
  }

  /// The whole explanation, for a tooltip or a table: a skip's sentence for a collections clerk
  /// (``SkippedStep/detail``), followed by `Then: ` and the later skip's sentence when there is
  /// one; otherwise the summary.
  public var explanation: String {
    guard case .skipped(let skip, let then) = self else { return summary }
    return skip.detail + (then.map { " Then: " + $0.detail } ?? "")
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
