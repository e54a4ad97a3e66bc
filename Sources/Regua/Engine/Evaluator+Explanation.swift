extension Evaluator {
  /// Why the plan for `invoice` on `date` is what it is: every step with what decided it and
  /// the values its conditions saw, the stop and pause rules, the promise, the limits' windows,
  /// and what `next` brings.
  ///
  /// Computed only when asked, and costlier than ``plan(for:on:)``: besides the plan it
  /// evaluates the day before (to tell which skips are new) and, for each missed step, the days
  /// it could still have gone out (to tell what held it then).
  public func explain(_ invoice: Invoice, on date: CivilDate) -> Explanation {
    let day = date.daysSinceEpoch
    let schedule = schedule(for: invoice)
    let history = HistoryLedger(invoice.history, schedule: schedule, cadence: compiled)
    var ledger = history
    let plan = plan(for: invoice, on: date, schedule: schedule, ledger: &ledger, newSkips: nil)
    let timeline = InvoiceTimeline(invoice, effectiveDue: schedule.effectiveDue)
    let values = FieldValues(invoice, timeline, on: day)
    let inputs = ConditionInputs(
      timeline: timeline, status: invoice.status, writeOffDay: history.writeOffDay,
      invariants: InvariantAnswers(compiled.program, invoice: invoice))
    let stop = day >= timeline.issued ? stopCause(on: day, invoice: invoice, inputs) : nil

    var days = DayPlans(evaluator: self, invoice: invoice, schedule: schedule, history: history)
    let yesterday = day > CivilDate.earliest.daysSinceEpoch ? days.plan(on: day - 1) : nil
    let steps = cadence.steps.indices.flatMap { step in
      let occurrences = schedule.occurrences.indices.filter { schedule.occurrences[$0].step == step }
      guard !occurrences.isEmpty else {
        return [
          StepExplanation(step: cadence.steps[step], id: cadence.steps[step].id, scheduled: nil, outcome: .unscheduled)
        ]
      }
      return occurrences.map { index in
        explainOccurrence(
          index, on: day, plan: plan, yesterday: yesterday, schedule: schedule, history: history, values: values,
          days: &days)
      }
    }
    var nextActions: [PlannedAction] = []
    if let next = plan.next {
      var after = ledger
      nextActions = self.plan(for: invoice, on: next, schedule: schedule, ledger: &after, newSkips: nil).actions
    }
    return Explanation(
      plan: plan, values: values, schedule: schedule, stop: stop,
      stopRules: cadence.stopConditions.map { $0.trace(values) },
      pauseRules: cadence.pauseConditions.map { $0.trace(values) }, promise: invoice.promise,
      limits: cadence.limits.map { limitWindow($0, on: day, ledger: ledger) }, steps: steps, nextActions: nextActions)
  }

  private func explainOccurrence(
    _ index: Int, on day: Int, plan: ActionPlan, yesterday: ActionPlan?, schedule: Schedule, history: HistoryLedger,
    values: FieldValues, days: inout DayPlans
  ) -> StepExplanation {
    let occurrence = schedule.occurrences[index]
    let step = cadence.steps[occurrence.step]
    let id = occurrence.id(stepID: step.id)
    var explanation = StepExplanation(step: step, id: id, scheduled: occurrence.scheduled, outcome: .upcoming)
    let executed = history.executedDay(index)
    if executed <= day {
      explanation.outcome = .done(CivilDate(daysSinceEpoch: executed))
      return explanation
    }
    let scheduled = occurrence.scheduled.daysSinceEpoch
    var judgedByConditions = scheduled > day
    if scheduled <= day {
      if day < schedule.issued.daysSinceEpoch {
        explanation.outcome = .notIssued
        return explanation
      }
      if let action = plan.actions.first(where: { $0.step == id }) {
        explanation.outcome = .fires(action)
        judgedByConditions = true
      } else if let skip = plan.skipped.first(where: { $0.step == id }) {
        explanation.outcome = .skipped(skip)
        explanation.isNewSkip = yesterday?.skipped.first { $0.step == id }?.reason != skip.reason
        judgedByConditions = [.condition, .optedOut, .superseded, .limited].contains(skip.reason)
        if skip.reason == .missed {
          explanation.held = heldDays(of: id, scheduled: scheduled, issued: schedule.issued.daysSinceEpoch, &days)
        }
      } else {
        explanation.outcome = .notIssued
        return explanation
      }
    }
    if judgedByConditions {
      explanation.when = step.when?.trace(values)
      if explanation.when?.value ?? true { explanation.unless = step.unless?.trace(values) }
    }
    return explanation
  }

  /// What held a missed step on each day it could still go out, in runs of one reason.
  private func heldDays(of id: String, scheduled: Int, issued: Int, _ days: inout DayPlans) -> [HeldDays] {
    let first = Swift.max(scheduled, issued)
    let last = scheduled.saturatingAdding(cadence.catchUpDays)
    guard first <= last else { return [] }
    var runs: [HeldDays] = []
    for day in first...last {
      let plan = days.plan(on: day)
      let hold = plan.skipped.first { $0.step == id }
      let date = CivilDate(daysSinceEpoch: day)
      if let last = runs.last, last.hold?.reason == hold?.reason {
        runs[runs.count - 1].through = date
      } else {
        runs.append(HeldDays(from: date, through: date, hold: hold))
      }
    }
    return runs
  }

  /// A limit's window ending on `day`, counted in `ledger` (today's actions recorded).
  private func limitWindow(_ limit: ContactLimit, on day: Int, ledger: HistoryLedger) -> LimitWindow {
    let channel = limit.channel.flatMap { compiled.channelNumbers.index(of: $0) } ?? compiled.otherChannel
    let from = day.saturatingSubtracting(limit.days) + 1
    let used = ledger.count(limit, channel: channel, from: from, through: day)
    var frees: CivilDate?
    if used >= limit.count {
      let room = ledger.nextRoom(limit, channel: channel, from: day.saturatingAdding(1))
      if room <= CivilDate.latest.daysSinceEpoch { frees = CivilDate(daysSinceEpoch: room) }
    }
    return LimitWindow(
      limit: limit, from: CivilDate(daysSinceEpoch: Swift.max(from, CivilDate.earliest.daysSinceEpoch)), used: used,
      frees: frees)
  }
}

/// The plans of past days an explanation consults, each computed once, as they stood on their
/// day (the history as of that day).
private struct DayPlans {
  let evaluator: Evaluator
  let invoice: Invoice
  let schedule: Schedule
  let history: HistoryLedger
  var plans: [Int: ActionPlan] = [:]

  init(evaluator: Evaluator, invoice: Invoice, schedule: Schedule, history: HistoryLedger) {
    self.evaluator = evaluator
    self.invoice = invoice
    self.schedule = schedule
    self.history = history
  }

  mutating func plan(on day: Int) -> ActionPlan {
    if let plan = plans[day] { return plan }
    var ledger = history
    let plan = evaluator.plan(
      for: invoice, on: CivilDate(daysSinceEpoch: day), schedule: schedule, ledger: &ledger, newSkips: nil)
    plans[day] = plan
    return plan
  }
}
