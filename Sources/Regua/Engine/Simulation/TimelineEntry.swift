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
  /// For a cadence with charge steps, the total owed at the end of the day, counting the
  /// charges that fired that day (the plan's balance); `nil` without charges.
  public var owed: Money?

  /// Creates an entry.
  public init(
    date: CivilDate, offset: Offset, step: String, action: ActionKind, arguments: [String], late: Int,
    owed: Money? = nil
  ) {
    self.date = date
    self.offset = offset
    self.step = step
    self.action = action
    self.arguments = arguments
    self.late = late
    self.owed = owed
  }

  /// Every action of `plans`, in order, one entry each; offsets come from `cadence`'s steps,
  /// and for a cadence with charge steps each entry has the total owed that day.
  public static func entries(of plans: [ActionPlan], in cadence: Cadence) -> [TimelineEntry] {
    var offsets: [String: Offset] = [:]
    for step in cadence.steps where offsets[step.id] == nil { offsets[step.id] = step.offset }
    let charges = cadence.steps.contains { $0.charge != nil }
    return plans.flatMap { plan in
      plan.actions.map { action in
        TimelineEntry(
          date: plan.date, offset: offsets[String(OccurrenceID.stepPart(of: action.step))] ?? .due(0),
          step: action.step, action: action.action, arguments: action.arguments, late: action.late,
          owed: charges ? plan.balance.total : nil)
      }
    }
  }

  /// The arguments as one string: `registered formal-notice`.
  public var template: String { arguments.joined(separator: " ") }

  /// `(2 days late)` when the action fired late, empty otherwise.
  public var note: String { late == 0 ? "" : "(\(late) day\(late == 1 ? "" : "s") late)" }

  /// `owed 1030.00` when the entry has the total owed, empty otherwise.
  public var owedNote: String { owed.map { "owed \($0.amountString)" } ?? "" }

  /// The entry in timeline notation: `2026-03-24  D+14  call  (2 days late)`, with the total
  /// owed that day for a cadence with charges: `2026-03-11  D+1  fee  2%  owed 1020.00`.
  ///
  /// The same notation is used by `regua simulate`, `ReguaTesting` expectations and `timeline`
  /// blocks of rule-file tests; those compare lines with runs of white space folded, and an
  /// expected line without `owed …` is compared without it.
  public var line: String {
    [date.description, offset.description, action.keywords.joined(separator: " "), template, note, owedNote]
      .filter { !$0.isEmpty }.joined(separator: "  ")
  }
}

extension Array where Element == TimelineEntry {
  /// The entries as aligned lines, one per entry.
  public var lines: [String] {
    let actionWidth = map { $0.action.keywords.joined(separator: " ").count }.max() ?? 0
    let offsetWidth = map { $0.offset.description.count }.max() ?? 0
    // The total owed, when entries have it, in a column of its own after the widest entry.
    var owedColumn = 0
    if contains(where: { $0.owed != nil }) {
      owedColumn =
        (map { entry in
          entry.date.description.count + 2 + offsetWidth + 2 + actionWidth
            + [entry.template, entry.note].filter { !$0.isEmpty }.reduce(0) { $0 + 2 + $1.count }
        }.max() ?? 0) + 2
    }
    return map { entry in
      let action = entry.action.keywords.joined(separator: " ")
      var line = entry.date.description + "  " + entry.offset.description.padded(to: offsetWidth) + "  "
      line += [action.padded(to: actionWidth), entry.template, entry.note].filter { !$0.isEmpty }.joined(
        separator: "  ")
      return line.droppingTrailingBlanks.padded(to: owedColumn) + entry.owedNote
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
