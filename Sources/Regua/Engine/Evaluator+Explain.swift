extension Evaluator {
  /// The skip of a decision that does not fire: its reason, the data that explains it, and for
  /// `limited` the retry date. `values` caches the day's field values across the plan's skips.
  func skip(
    _ decision: Decision, id: String, on date: CivilDate, invoice: borrowing Invoice, stop: StopCause?,
    schedule: borrowing Schedule, ledger: borrowing HistoryLedger, values: inout FieldValues?,
    timeline: borrowing InvoiceTimeline
  ) -> SkippedStep {
    let step = decision.step
    let scheduled = schedule.occurrences[decision.occurrence].scheduled
    let (reason, explanation, retry) = explain(
      decision, on: date, invoice: invoice, stop: stop, schedule: schedule, ledger: ledger, values: &values,
      timeline: timeline)
    return SkippedStep(
      step: id, scheduled: scheduled, reason: reason, explanation: explanation, offset: cadence.steps[step].offset,
      action: cadence.steps[step].action.kind, retry: retry)
  }

  private func explain(
    _ decision: Decision, on date: CivilDate, invoice: borrowing Invoice, stop: StopCause?,
    schedule: borrowing Schedule, ledger: borrowing HistoryLedger, values: inout FieldValues?,
    timeline: borrowing InvoiceTimeline
  ) -> (SkipReason, SkipDetail, retry: CivilDate?) {
    let step = cadence.steps[decision.step]
    switch decision.verdict {
    case .fire, .missed:
      let late = date.daysSinceEpoch - decision.scheduled
      return (.missed, .missed(late: late, catchUpDays: cadence.catchUpDays), nil)
    case .stopped:
      return (.stopped, .stopped(stop ?? .paid), nil)
    case .paused(let rule):
      return (.paused, .paused(cadence.pauseConditions[rule], promisedBy: invoice.promise?.date), nil)
    case .condition(let unlessHolds):
      let facts = values ?? FieldValues(invoice, timeline, on: date.daysSinceEpoch)
      values = facts
      let condition = (unlessHolds ? step.unless : step.when) ?? Condition(.literal(.boolean(true)))
      return (
        .condition, .condition(condition, unlessHolds: unlessHolds, values: facts, when: unlessHolds ? step.when : nil),
        nil
      )
    case .superseded(let newer, let executed):
      let occurrence = schedule.occurrences[newer]
      let other = cadence.steps[occurrence.step]
      return (
        .superseded,
        .superseded(
          by: occurrence.id(stepID: other.id), channel: other.channel ?? "", scheduled: occurrence.scheduled,
          executed: executed),
        nil
      )
    case .limited(let limitIndex):
      let retry = retryDay(for: decision, after: date.daysSinceEpoch, ledger: ledger).map(CivilDate.init)
      let detail = SkipDetail.limited(
        cadence.limits[limitIndex], day: date, retry: retry, catchUpDays: cadence.catchUpDays)
      return (.limited, detail, retry)
    }
  }

  /// The first day after `today` on which every limit counting the step has room for it, if
  /// the step is still within its catch-up then. `ledger` has today's fired actions recorded.
  func retryDay(for decision: Decision, after today: Int, ledger: HistoryLedger) -> Int? {
    let channel = compiled.stepChannels[decision.step]
    guard channel >= 0 else { return nil }
    let room = ledger.nextRoom(channel: channel, from: today + 1, cadence: compiled)
    let lastChance = Swift.min(decision.scheduled + cadence.catchUpDays, CivilDate.latest.daysSinceEpoch)
    return room <= lastChance ? room : nil
  }
}
