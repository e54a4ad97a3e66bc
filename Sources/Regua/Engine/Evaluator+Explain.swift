extension Evaluator {
  /// The skip of a decision that does not fire: its reason, the data that explains it, and for
  /// `limited` and `window` the retry date. `values` gives the day's field values, for the
  /// skips of a condition (the caller computes them once for all its skips); `promise` is the
  /// invoice's promise date, for a pause.
  func skip(
    _ decision: Decision, id: String, on date: CivilDate, promise: CivilDate?, stop: StopCause?,
    schedule: borrowing Schedule, channels: borrowing ChannelTable, contacts: borrowing ContactLedger,
    values: () -> FieldValues
  ) -> SkippedStep {
    let step = decision.step
    let reason = decision.verdict.reason ?? .missed
    let explanation: SkipDetail
    var retry: CivilDate?
    switch decision.verdict {
    case .fire, .missed:
      explanation = .missed(
        late: date.daysSinceEpoch.saturatingSubtracting(decision.scheduled), catchUpDays: cadence.catchUpDays)
    case .stopped:
      explanation = .stopped(stop ?? .paid)
    case .paused(let rule):
      explanation = .paused(cadence.pauseConditions[rule], promisedBy: promise)
    case .condition(let unlessHolds):
      let facts = values()
      let when = cadence.steps[step].when
      let condition = (unlessHolds ? cadence.steps[step].unless : when) ?? Condition(.literal(.boolean(true)))
      explanation = .condition(condition, unlessHolds: unlessHolds, values: facts, when: unlessHolds ? when : nil)
    case .window:
      let channel = channels[step]
      retry = windowRetryDay(channel: channel, scheduled: decision.scheduled, after: date.daysSinceEpoch)
        .map(CivilDate.init)
      explanation = .window(
        channel: channels.channel(ofStep: step)?.name ?? "", day: date,
        windows: compiled.channelWindows[channel]?.windows ?? [], retry: retry, catchUpDays: cadence.catchUpDays)
    case .optedOut:
      explanation = .optedOut(channel: channels.channel(ofStep: step)?.name ?? "")
    case .superseded(let newer, let executed):
      let occurrence = schedule.occurrences[newer]
      explanation = .superseded(
        by: occurrence.id(stepID: cadence.steps[occurrence.step].id),
        channel: channels.channel(ofStep: occurrence.step)?.name ?? "", scheduled: occurrence.scheduled,
        executed: executed)
    case .held(let conversation, let wait):
      retry = retryDay(for: decision, after: date.daysSinceEpoch, channels: channels, contacts: contacts)
        .map(CivilDate.init)
      explanation = .conversation(
        cadence.conversationWaits[wait], conversation: CivilDate(daysSinceEpoch: conversation), day: date,
        retry: retry, catchUpDays: cadence.catchUpDays)
    case .limited(let limitIndex):
      retry = retryDay(for: decision, after: date.daysSinceEpoch, channels: channels, contacts: contacts)
        .map(CivilDate.init)
      explanation = .limited(cadence.limits[limitIndex], day: date, retry: retry, catchUpDays: cadence.catchUpDays)
    }
    return SkippedStep(
      step: id, scheduled: schedule.occurrences[decision.occurrence].scheduled, reason: reason,
      explanation: explanation, offset: cadence.steps[step].offset, action: cadence.steps[step].action.kind,
      retry: retry)
  }

  /// The first day after `today` on which channel number `channel` opens, if a contact
  /// scheduled on `scheduled` is still within its catch-up then.
  func windowRetryDay(channel: Int, scheduled: Int, after today: Int) -> Int? {
    let opening = compiled.nextOpening(channel, onOrAfter: today.saturatingAdding(1))
    let lastChance = Swift.min(scheduled.saturatingAdding(cadence.catchUpDays), CivilDate.latest.daysSinceEpoch)
    return opening <= lastChance ? opening : nil
  }

  /// The first day after `today` on which every limit counting the step has room for it, if
  /// the step is still within its catch-up then. `ledger` has today's fired actions recorded.
  func retryDay(
    for decision: Decision, after today: Int, channels: borrowing ChannelTable, contacts: borrowing ContactLedger
  ) -> Int? {
    let channel = channels[decision.step]
    guard channel >= 0 else { return nil }
    // The first day from tomorrow on which the limits have room and no conversation holds it.
    var room = today.saturatingAdding(1)
    while true {
      let day = contacts.endOfWaits(
        channel: channel, from: contacts.nextRoom(channel: channel, from: room, cadence: compiled), cadence: compiled)
      if day == room { break }
      room = day
      if day == .max { break }
    }
    let lastChance = Swift.min(
      decision.scheduled.saturatingAdding(cadence.catchUpDays), CivilDate.latest.daysSinceEpoch)
    return room <= lastChance ? room : nil
  }
}
