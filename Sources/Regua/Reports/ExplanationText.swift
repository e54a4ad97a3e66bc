/// The human-readable form of an ``Explanation``: the state of collection, the limits, then
/// every step in declaration order with what decided it and the values its conditions saw.
///
/// Every piece of input text goes through ``SafeText``, as in ``PlanTable``.
enum ExplanationText {
  /// The report. `chosen`, in an account's report, gives the member each merged contact was
  /// chosen from, and leaves out the limits and the next line, which the account's report gives
  /// once for all its invoices.
  static func render(_ explanation: Explanation, chosen: [String: CoveredStep]? = nil) -> String {
    let plan = explanation.plan
    let values = explanation.values
    var lines = [PlanTable.title(plan)]
    let customer = values.customer
    let profile = [customer.kind?.rawValue ?? "", customer.segment].filter { !$0.isEmpty }
    let tags = values.invoiceTags + customer.tags
    lines.append(
      "amount \(values.amount) · issued \(explanation.schedule.issued) · due \(explanation.schedule.due) "
        + "· days-overdue \(values.daysOverdue)")
    if let line = StepDateText.effectiveDue(explanation.schedule, closed: explanation.dueClosed) { lines.append(line) }
    // On the day a charge fires, conditions read the amounts without it (it is not in the
    // history yet); the title's balance counts it.
    if values.balance != plan.balance.total {
      lines.append(
        "before this plan's charges (they count once recorded), conditions read balance \(values.balance) "
          + "(principal \(values.principal.amountString) + fees \(values.fees.amountString) + interest "
          + "\(values.interest.amountString))")
    }
    // An invoice without a customer says so, rather than an empty name.
    let who = customer.id.isEmpty ? (profile.isEmpty ? "none" : "without an id") : customer.id
    lines.append(
      "customer "
        + SafeText.escaped(who + (profile.isEmpty ? "" : " (" + profile.joined(separator: ", ") + ")"))
        + " · tags " + (tags.isEmpty ? "none" : SafeText.escaped(tags.joined(separator: ", ")))
        + (values.disputed ? " · disputed" : ""))
    lines.append("")
    lines.append("COLLECTION")
    lines += collection(explanation).map { "  " + $0 }
    if explanation.amounts != nil || !explanation.caps.isEmpty {
      lines.append("")
      lines.append("AMOUNTS")
      if let amounts = explanation.amounts { lines += AmountsDerivationText.lines(amounts).map { "  " + $0 } }
      if !explanation.caps.isEmpty {
        lines.append(
          "  " + explanation.caps.map(\.description).joined(separator: " · ")
            + " (every charge step is within: checked when the rules compile)")
      }
    }
    lines += limits(explanation.limits, waits: explanation.waits, on: plan.date)
    if !explanation.historyProblems.isEmpty {
      lines.append("")
      lines.append("HISTORY")
      lines += explanation.historyProblems.map { "  " + $0.description }
    }
    lines.append("")
    lines.append("STEPS")
    let rows = explanation.steps.map { row($0, invoice: plan.invoice, chosen: chosen ?? [:]) }
    let idWidth = rows.map(\.id.count).max() ?? 0
    let verdictWidth = rows.map(\.verdict.count).max() ?? 0
    for row in rows {
      lines.append(
        "  " + pad(row.id, idWidth) + "  " + pad(row.verdict, verdictWidth) + "  " + row.scheduled + "  " + row.step)
      let indent = String(repeating: " ", count: 4 + idWidth)
      lines += row.details.map { indent + $0 }
    }
    if chosen == nil {
      lines.append("")
      lines.append(PlanTable.nextLine(explanation))
    }
    return lines.joined(separator: "\n")
  }

  /// Whether collection runs on the date, and each stop and pause rule with its values.
  private static func collection(_ explanation: Explanation) -> [String] {
    var lines: [String] = []
    let date = explanation.plan.date
    if date < explanation.schedule.issued {
      lines.append("not issued yet: the invoice is issued on \(explanation.schedule.issued); nothing is due before")
    } else if let stop = explanation.stop {
      lines.append("stopped: " + SafeText.escaped(stop.description))
    } else if let pause = explanation.pause {
      lines.append("paused by `pause when \(SafeText.escaped(explanation.pauseRules[pause].expression.text))`")
    } else {
      lines.append("running: not stopped, not paused")
    }
    lines += explanation.stopRules.flatMap { traceLines($0, label: "stop when ") }
    lines += explanation.pauseRules.flatMap { traceLines($0, label: "pause when ") }
    if let promise = explanation.promise {
      var line = "promise to pay"
      if let amount = promise.amount { line += " \(amount)" }
      line += " by \(promise.date)"
      if let made = promise.made { line += ", made \(made)" }
      line += explanation.values.promised ? ": it stands" : (promise.stands(on: date) ? ": paid" : ": not in force")
      lines.append(line)
    }
    return lines
  }

  /// The LIMITS section, after a blank line: each limit's window and each conversation wait;
  /// nothing when the cadence has neither.
  static func limits(_ limits: [LimitWindow], waits: [ConversationWaitState], on date: CivilDate) -> [String] {
    guard !limits.isEmpty || !waits.isEmpty else { return [] }
    var lines = ["", "LIMITS"]
    let width = limits.map { SafeText.escaped($0.limit.description).count }.max() ?? 0
    lines += limits.map { "  " + limit($0, on: date, width: width) }
    for state in waits {
      if let conversation = state.conversation, let until = state.until {
        lines.append("  \(state.wait): a conversation on \(conversation) holds them; they may go from \(until)")
      } else {
        lines.append("  \(state.wait): no conversation holds contacts today")
      }
    }
    return lines
  }

  /// `limit call 1 per 7 days  1 of 1 used 2026-03-18 – 2026-03-24; room again on 2026-03-31`.
  static func limit(_ window: LimitWindow, on date: CivilDate, width: Int = 0) -> String {
    var line =
      pad(SafeText.escaped(window.limit.description), width)
      + "  \(window.used) of \(window.limit.count) used \(window.from) – \(date), today's actions included"
    if window.isFull {
      line += window.frees.map { "; full, room again on \($0)" } ?? "; full"
    }
    return line
  }

  private struct Row {
    var id: String
    var verdict: String
    var scheduled: String
    var step: String
    var details: [String] = []
  }

  private static func row(_ step: StepExplanation, invoice: String, chosen: [String: CoveredStep]) -> Row {
    var row = Row(
      id: SafeText.escaped(step.id), verdict: "", scheduled: step.scheduled.map { "\($0)" } ?? "no date",
      step: PlanTable.describe(step.step))
    if let date = step.date { row.details += StepDateText.lines(date, step: step.step) }
    switch step.outcome {
    case .fires(let action):
      row.verdict = "FIRES today"
      // A merged contact's `late` is its chosen step's: this step's own is from its date.
      let late =
        action.covers.isEmpty ? action.late : step.scheduled.map { action.late + action.scheduled.days(since: $0) } ?? 0
      if late > 0 { row.details.append("\(late) day\(late == 1 ? "" : "s") late") }
      if let merged = merged(action, invoice: invoice, step: step, chosen: chosen[action.id]) {
        row.details.append(merged)
      }
      if let channel = action.channel, channel.name != step.step.channel {
        row.details.append(
          "goes out on \(channel.name), not \(step.step.channel ?? ""): the customer's opt-outs and preferred channels "
            + "choose among the step's `fallback` channels")
      }
    case .done(let date):
      row.verdict = "done \(date)"
    case .upcoming:
      row.verdict = "upcoming"
    case .notIssued:
      row.verdict = "not issued"
    case .unscheduled:
      row.verdict = "no date"
      row.details.append("this step has no date for this invoice")
    case .skipped(let skip):
      row.verdict = skip.reason.rawValue
      // A condition's skip is told by its traces below, which say more than the sentence.
      if skip.reason == .missed {
        row.details += PlanTable.missedLines(step, skip)
      } else if skip.reason != .condition {
        row.details.append(SafeText.escaped(skip.detail))
      }
    }
    let preview = step.outcome == .upcoming ? " (as of today)" : ""
    if let when = step.when { row.details += traceLines(when, label: "when ", suffix: preview) }
    if let unless = step.unless { row.details += traceLines(unless, label: "unless ", suffix: preview) }
    return row
  }

  /// How a merged contact covers a step of `invoice`: `merged with INV-2 (d+3-email) and INV-5
  /// (d+7-email) into C-42/email/2026-03-11; step d+7-email of INV-5 chosen (the latest
  /// scheduled, then declared last, then the greater invoice id)`;
  /// `nil` for an action that covers nothing else.
  ///
  /// At most ``mergedNamesListed`` others are named, the rest counted, so a contact covering a
  /// thousand invoices costs each of them one short line.
  static func merged(_ action: PlannedAction, invoice: String, step: StepExplanation, chosen: CoveredStep?) -> String? {
    let others = action.covers.filter { $0.invoice != invoice || $0.step != step.id }
    guard !others.isEmpty else { return nil }
    var names = others.prefix(mergedNamesListed).map { $0.invoice == invoice ? $0.step : "\($0.invoice) (\($0.step))" }
    if others.count > mergedNamesListed { names.append("\(others.count - mergedNamesListed) more") }
    let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    let which: String
    if let chosen, chosen.invoice == invoice, chosen.step == step.id {
      which = "this step"
    } else if let chosen, chosen.invoice != invoice {
      which = "step \(chosen.step) of \(chosen.invoice)"
    } else {
      which = "step \(action.step)"
    }
    return SafeText.escaped(
      "merged with \(list) into \(action.id); \(which) chosen (the latest scheduled, then declared last, then "
        + "the greater invoice id)")
  }

  /// The most other steps a merged contact's line names.
  static let mergedNamesListed = 5

  /// A condition's trace: its line, the whole condition written once, then its parts indented
  /// under it, each by its ``ConditionTrace/partLine``. A run of one connective reads as one
  /// list: the parts of `a and b and c` sit side by side, not one level deeper each, so the text
  /// grows with the condition's length, not with its length times its depth.
  static func traceLines(_ trace: ConditionTrace, label: String = "", suffix: String = "") -> [String] {
    var lines = [label + trace.line + suffix]
    func visit(_ trace: ConditionTrace, depth: Int) {
      for child in trace.children {
        if child.continues(trace) {
          visit(child, depth: depth)
        } else {
          lines.append(String(repeating: "  ", count: depth) + child.partLine)
          visit(child, depth: depth + 1)
        }
      }
    }
    visit(trace, depth: 1)
    lines += trace.notes.map { "  note: " + SafeText.escaped($0) }
    return lines
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}

extension ConditionTrace {
  /// Whether this evaluated trace is an `and` under an `and`, or an `or` under an `or`: its
  /// parts read as the parent's own (the parent holds exactly when all of them, or one of them,
  /// does).
  fileprivate func continues(_ parent: ConditionTrace) -> Bool {
    guard !children.isEmpty else { return false }
    switch (expression, parent.expression) {
    case (.and, .and), (.or, .or): return true
    default: return false
    }
  }
}

extension Expression {
  /// The expression as written in a rule file.
  fileprivate var text: String { Condition(self).description }
}
