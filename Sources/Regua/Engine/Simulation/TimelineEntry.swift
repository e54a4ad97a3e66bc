/// One fired action in a simulated timeline: when, which step, what, and a note.
public struct TimelineEntry: Sendable, Hashable {
  /// The day it fired.
  public var date: CivilDate
  /// The step's offset, e.g. `D+14`.
  public var offset: Offset
  /// The step's id.
  public var step: String
  /// What was done.
  public var action: ActionKind
  /// The step's arguments (its template and other words).
  public var arguments: [String]
  /// How many days after its scheduled date it fired.
  public var late: Int

  /// Creates an entry.
  public init(date: CivilDate, offset: Offset, step: String, action: ActionKind, arguments: [String], late: Int) {
    self.date = date
    self.offset = offset
    self.step = step
    self.action = action
    self.arguments = arguments
    self.late = late
  }

  /// Every action of `plans`, in order, one entry each; offsets come from `cadence`'s steps.
  public static func entries(of plans: [ActionPlan], in cadence: Cadence) -> [TimelineEntry] {
    var offsets: [String: Offset] = [:]
    for step in cadence.steps where offsets[step.id] == nil { offsets[step.id] = step.offset }
    return plans.flatMap { plan in
      plan.actions.map { action in
        TimelineEntry(
          date: plan.date, offset: offsets[String(OccurrenceID.stepPart(of: action.step))] ?? .due(0),
          step: action.step, action: action.action, arguments: action.arguments, late: action.late)
      }
    }
  }

  /// The arguments as one string: `registered formal-notice`.
  public var template: String { arguments.joined(separator: " ") }

  /// `(2 days late)` when the action fired late, empty otherwise.
  public var note: String { late == 0 ? "" : "(\(late) day\(late == 1 ? "" : "s") late)" }

  /// The entry in timeline notation: `2026-03-24  D+14  call  (2 days late)`.
  ///
  /// The same notation is used by `regua simulate`, `ReguaTesting` expectations and `timeline`
  /// blocks of rule-file tests; those compare lines with runs of white space folded.
  public var line: String {
    [date.description, offset.description, action.keywords.joined(separator: " "), template, note]
      .filter { !$0.isEmpty }.joined(separator: "  ")
  }
}

extension Array where Element == TimelineEntry {
  /// The entries as aligned lines, one per entry.
  public var lines: [String] {
    let actionWidth = map { $0.action.keywords.joined(separator: " ").count }.max() ?? 0
    let offsetWidth = map { $0.offset.description.count }.max() ?? 0
    return map { entry in
      let action = entry.action.keywords.joined(separator: " ")
      var line = entry.date.description + "  " + entry.offset.description.padded(to: offsetWidth) + "  "
      line += [action.padded(to: actionWidth), entry.template, entry.note].filter { !$0.isEmpty }.joined(
        separator: "  ")
      return line.droppingTrailingBlanks
    }
  }
}

extension String {
  fileprivate func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }

  /// The line with runs of white space folded to one space and the ends trimmed, for comparing
  /// timeline lines.
  public var foldingWhitespace: String {
    split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
  }
}
