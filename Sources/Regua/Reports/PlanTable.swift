/// The human-readable form of a plan: a short table.
///
/// It lists what to do today, the skips that are news today (a step skipped for the first time,
/// or for another reason than yesterday) with a count of the older ones, a missed step with what
/// held it on its days, and what `next` brings.
///
/// Every piece of input text — the cadence's name, the invoice id, step ids, arguments, details —
/// is escaped with ``SafeText``: an id with `ESC` or a newline cannot drive the terminal or forge
/// a line of the table.
enum PlanTable {
  /// The table; `all` lists every skip, not only today's news.
  static func render(_ explanation: Explanation, all: Bool = false) -> String {
    let plan = explanation.plan
    var lines = [title(plan), ""]
    if plan.actions.isEmpty {
      lines.append("Nothing to do today.")
    } else {
      lines.append("DO TODAY")
      // A column for windows only when one applies; every row has the same cells.
      let windowed = plan.actions.contains { $0.window != nil }
      lines += table(
        plan.actions.map { action in
          [
            SafeText.escaped(action.step),
            SafeText.escaped(([action.action.rawValue] + action.arguments).joined(separator: " ")),
            "scheduled \(action.scheduled)",
            action.late == 0 ? "on time" : "\(action.late) day\(action.late == 1 ? "" : "s") late",
          ] + (windowed ? [action.window.map { "window \($0.lowerBound) to \($0.upperBound)" } ?? ""] : [])
        })
    }
    let skipped = explanation.steps.compactMap { step -> (StepExplanation, SkippedStep)? in
      guard case .skipped(let skip) = step.outcome else { return nil }
      return (step, skip)
    }
    let listed = all ? skipped : skipped.filter { $0.0.isNewSkip }
    if !listed.isEmpty {
      lines.append("")
      lines.append("SKIPPED")
      lines += skipTable(listed)
    }
    let older = skipped.count - listed.count
    if older > 0 {
      let noun = older == 1 ? "older skipped step" : "older skipped steps"
      lines.append("")
      lines.append((listed.isEmpty ? "\(older) " : "and \(older) ") + noun + "; --all lists them")
    }
    lines.append("")
    lines.append(nextLine(explanation))
    return lines.joined(separator: "\n")
  }

  /// `b2b-standard v3 · invoice INV-1001 · 2026-03-24 · balance 1000.00 BRL`.
  static func title(_ plan: ActionPlan) -> String {
    let version = plan.version.map { " v\($0)" } ?? ""
    return "\(SafeText.escaped(plan.cadence))\(version) · invoice \(SafeText.escaped(plan.invoice)) · \(plan.date) "
      + "· balance \(plan.balance)"
  }

  /// `Next: 2026-04-09  D+30 letter registered formal-notice`: the date and what it brings.
  static func nextLine(_ explanation: Explanation) -> String {
    guard let next = explanation.plan.next else { return "Next: nothing more is planned" }
    var byID: [String: Step] = [:]
    for step in explanation.steps { byID[step.id] = step.step }
    let steps = explanation.nextActions.map { action in
      byID[action.step].map(describe) ?? SafeText.escaped(action.step)
    }
    return (["Next: \(next)"] + steps).joined(separator: "  ")
  }

  /// A step in timeline notation: `D+30 letter registered formal-notice`.
  static func describe(_ step: Step) -> String {
    SafeText.escaped(
      ([step.offset.description] + step.action.kind.keywords + step.action.arguments).joined(separator: " "))
  }

  /// What held a missed step on the days it could still go out, one line per run of days; the
  /// skip's sentence alone when that was not computed (``HeldDaysScope``).
  static func missedLines(_ step: StepExplanation, _ skip: SkippedStep) -> [String] {
    guard let held = step.held else { return [SafeText.escaped(skip.detail)] }
    guard let first = held.first, let last = held.last else {
      return [SafeText.escaped(skip.detail) + " Its days all fell before the invoice was issued."]
    }
    // With runs left out, the last one listed is not where its days end.
    let days = step.heldRunsOmitted > 0 ? "from \(first.from)" : span(first.from, last.through)
    var lines = ["it could go out \(days), but:"]
    for run in held {
      let what =
        run.hold.map { "\($0.reason.rawValue): " + SafeText.escaped($0.detail) }
        ?? "nothing held it: it was due to go out, but the history does not show it was sent"
      lines.append("  \(span(run.from, run.through))  \(what)")
    }
    if step.heldRunsOmitted > 0 {
      lines.append("  … and \(Plural.count(step.heldRunsOmitted, "more run")) of days")
    }
    return lines
  }

  private static func span(_ from: CivilDate, _ through: CivilDate) -> String {
    from == through ? "\(from)" : "\(from) to \(through)"
  }

  /// The skipped rows; a missed step's lines of what held it go under its row.
  private static func skipTable(_ skips: [(StepExplanation, SkippedStep)]) -> [String] {
    let cells = skips.map { step, skip in
      [SafeText.escaped(skip.step), skip.reason.rawValue, "scheduled \(skip.scheduled)"]
    }
    let widths = (0..<3).map { column in cells.map { $0[column].count }.max() ?? 0 }
    let indent = String(repeating: " ", count: 2 + widths.reduce(0, +) + 6)
    var lines: [String] = []
    for (index, (step, skip)) in skips.enumerated() {
      let details = skip.reason == .missed ? missedLines(step, skip) : [SafeText.escaped(skip.detail)]
      lines.append(row(cells[index] + [details[0]], widths: widths))
      lines += details.dropFirst().map { indent + $0 }
    }
    return lines
  }

  /// Columns padded to their widest cell; the last column is not padded.
  static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.first?.count else { return [] }
    let widths = (0..<columns - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row($0, widths: widths) }
  }

  private static func row(_ cells: [String], widths: [Int]) -> String {
    "  "
      + cells.enumerated().map { index, cell in
        index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ")
  }
}
