/// Evaluates one cadence against invoices: a pure function of the cadence, the invoice's state
/// and a date.
///
/// Create one evaluator per cadence and reuse it: it lays the cadence out once for fast
/// evaluation. It holds no mutable state, so one evaluator may serve many threads.
///
/// ```swift
/// let evaluator = Evaluator(cadence)
/// let plan = evaluator.plan(for: invoice, on: try CivilDate(parsing: "2026-03-24"))
/// for action in plan.actions { /* execute, then record action.step in the history */ }
/// ```
public struct Evaluator: Sendable {
  /// The cadence evaluated.
  public let cadence: Cadence
  let layout: CadenceLayout

  /// Prepares a cadence for evaluation.
  public init(_ cadence: Cadence) {
    self.cadence = cadence
    self.layout = CadenceLayout(cadence)
  }

  /// The action plan for `invoice` on `date`, with `next`, skip reasons and details.
  ///
  /// Deterministic: the same cadence, invoice and date give an equal plan, whatever the order of
  /// the invoice's history and payments and whatever the process's time zone or locale.
  public func plan(for invoice: Invoice, on date: CivilDate) -> ActionPlan {
    let schedule = scheduledDays(invoice)
    var ledger = HistoryLedger(invoice.history, layout: layout)
    let facts = InvoiceFacts(invoice, on: date)
    var actions: [PlannedAction] = []
    var skipped: [SkippedStep] = []
    var stop: StopCause?
    if date >= invoice.issued {
      let context = Context(facts: facts, ledger: ledger, schedule: schedule)
      stop = stopCause(context)
      var decisions = decide(context, stop: stop)
      decisions.sort { ($0.scheduled, $0.step) < ($1.scheduled, $1.step) }
      let fired = decisions.filter(\.verdict.isFiring)
      for decision in decisions {
        let step = cadence.steps[decision.step]
        let scheduled = CivilDate(daysSinceEpoch: decision.scheduled)
        if decision.verdict.isFiring {
          actions.append(
            PlannedAction(
              id: invoice.id + "/" + step.id, step: step.id, action: step.action.kind, arguments: step.action.arguments,
              channel: step.channel, scheduled: scheduled, late: date.daysSinceEpoch - decision.scheduled))
        } else if let skip = explain(decision, context: context, fired: fired) {
          skipped.append(skip)
        }
      }
      for decision in fired { ledger.record(step: decision.step, on: date.daysSinceEpoch, layout: layout) }
    }
    let next =
      (stop?.isPermanent ?? false) ? nil : nextDate(after: date, invoice: invoice, ledger: ledger, schedule: schedule)
    return ActionPlan(
      cadence: cadence.name, version: cadence.version, invoice: invoice.id, date: date, actions: actions,
      skipped: skipped, next: next, balance: facts.balance)
  }

  /// Everything one day's decision reads.
  struct Context {
    let facts: InvoiceFacts
    let ledger: HistoryLedger
    /// Per step: the scheduled day, or `nil` when its anchor does not exist for this invoice.
    let schedule: [Int?]
    var day: Int { facts.day.daysSinceEpoch }
  }

  /// Per step, the scheduled day for this invoice.
  func scheduledDays(_ invoice: Invoice) -> [Int?] {
    cadence.steps.map { step in
      switch step.offset.anchor {
      case .due: return invoice.due.daysSinceEpoch + step.offset.days
      case .issue: return invoice.issued.daysSinceEpoch + step.offset.days
      case .promise: return nil
      }
    }
  }

  func stopCause(_ context: Context) -> StopCause? {
    let facts = context.facts
    if facts.isPaid { return .paid }
    switch facts.invoice.status {
    case .cancelled: return .cancelled
    case .writtenOff: return .writtenOffStatus
    case .open, .disputed: break
    }
    if context.ledger.writeOffDay <= context.day { return .writeOffStep(day: context.ledger.writeOffDay) }
    var notes: [String] = []
    if let index = cadence.stopConditions.firstIndex(where: { $0.holds(for: facts, notes: &notes) }) {
      return .rule(index)
    }
    return nil
  }

  /// The verdict on every step due by the context's day and not yet executed, in declaration
  /// order.
  func decide(_ context: Context, stop: StopCause?) -> [Decision] {
    let day = context.day
    let facts = context.facts
    let pause = stop == nil ? pauseRule(facts) : nil
    var decisions: [Decision] = []
    for (index, step) in cadence.steps.enumerated() {
      guard let scheduled = context.schedule[index], scheduled <= day, !context.ledger.isExecuted(index, asOf: day)
      else {
        continue
      }
      let late = day - scheduled
      let verdict: Verdict
      if layout.channelNumbers[index] >= 0, late > cadence.catchUpDays {
        verdict = .missed(late: late)
      } else if let stop {
        verdict = .stopped(stop)
      } else if let pause {
        verdict = .paused(pause)
      } else {
        var notes: [String] = []
        if let when = step.when, !when.holds(for: facts, notes: &notes) {
          verdict = .condition(unlessHolds: false, notes: notes)
        } else if let unless = step.unless, unless.holds(for: facts, notes: &notes) {
          verdict = .condition(unlessHolds: true, notes: notes)
        } else {
          verdict = .fire
        }
      }
      decisions.append(Decision(step: index, scheduled: scheduled, verdict: verdict))
    }
    supersede(&decisions, context: context)
    applyLimits(&decisions, day: day, ledger: context.ledger)
    return decisions
  }

  private func pauseRule(_ facts: InvoiceFacts) -> Int? {
    var notes: [String] = []
    return cadence.pauseConditions.firstIndex { $0.holds(for: facts, notes: &notes) }
  }

  /// Marks candidates older than the newest executed-or-candidate contact on their channel.
  private func supersede(_ decisions: inout [Decision], context: Context) {
    guard layout.channelCount > 0 else { return }
    // Per channel: the newest (scheduled, declaration index) among executed steps and candidates.
    var newest: [(scheduled: Int, step: Int, executed: Bool)?] = Array(repeating: nil, count: layout.channelCount)
    func offer(_ step: Int, _ scheduled: Int, executed: Bool) {
      let channel = layout.channelNumbers[step]
      guard channel >= 0 else { return }
      if let current = newest[channel], (current.scheduled, current.step) >= (scheduled, step) { return }
      newest[channel] = (scheduled, step, executed)
    }
    for step in 0..<layout.stepCount where context.ledger.isExecuted(step, asOf: context.day) {
      if let scheduled = context.schedule[step] { offer(step, scheduled, executed: true) }
    }
    for decision in decisions where decision.verdict.isFiring {
      offer(decision.step, decision.scheduled, executed: false)
    }
    for index in decisions.indices where decisions[index].verdict.isFiring {
      let decision = decisions[index]
      let channel = layout.channelNumbers[decision.step]
      guard channel >= 0, let winner = newest[channel], winner.step != decision.step else { continue }
      decisions[index].verdict = .superseded(by: winner.step, executed: winner.executed)
    }
  }

  /// Admits candidates latest scheduled first; a contact that would exceed a limit is limited.
  private func applyLimits(_ decisions: inout [Decision], day: Int, ledger: HistoryLedger) {
    guard !layout.limits.isEmpty else { return }
    let order = decisions.indices.filter { decisions[$0].verdict.isFiring }.sorted {
      (decisions[$0].scheduled, decisions[$0].step) > (decisions[$1].scheduled, decisions[$1].step)
    }
    var admitted = Array(repeating: 0, count: layout.limits.count)
    for index in order {
      let limits = layout.stepLimits[decisions[index].step]
      let exceeded = limits.first { limitIndex in
        let limit = layout.limits[limitIndex]
        let counted = ledger.count(limit: limitIndex, from: day - limit.days + 1, through: day) + admitted[limitIndex]
        return counted + 1 > limit.count
      }
      if let exceeded {
        decisions[index].verdict = .limited(exceeded)
      } else {
        for limitIndex in limits { admitted[limitIndex] += 1 }
      }
    }
  }
}

/// The action plan for `invoice` under `cadence` on `date`.
///
/// A convenience for ``Evaluator/plan(for:on:)``; create an ``Evaluator`` to evaluate many
/// invoices against one cadence.
public func evaluate(_ cadence: Cadence, _ invoice: Invoice, on date: CivilDate) -> ActionPlan {
  Evaluator(cadence).plan(for: invoice, on: date)
}
