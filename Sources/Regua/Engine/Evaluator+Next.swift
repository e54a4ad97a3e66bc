extension Evaluator {
  /// The earliest day after `today` on which an evaluation yields an action, given the ledger
  /// with today's actions recorded, or `nil`.
  ///
  /// An evaluation yields an action on day `t` exactly when some occurrence could fire alone on
  /// `t`: it is due, not executed, within its catch-up (contacts), collection is neither stopped
  /// nor paused, its conditions hold, and (contacts) no newer occurrence on its channel is in the
  /// history and the channel's limits have room. Superseding among candidates and sharing a
  /// limit's room only decide *which* contact goes out, never *whether* one does. So `next` is
  /// the minimum, over occurrences, of the first day each could fire — and each of those is
  /// found by jumping between the days its conditions, the stop and pause rules and the limits
  /// change (``ConditionProgram``), never by walking days. The cost grows with the number of
  /// occurrences, history entries and payments, not with the number of days or with any product
  /// of them.
  func nextDay(after today: Int, schedule: Schedule, ledger: HistoryLedger, inputs: ConditionInputs) -> Int? {
    let program = compiled.program
    let timeline = inputs.timeline
    let latest = CivilDate.latest.daysSinceEpoch
    let start = Swift.max(today + 1, timeline.issued)
    guard start <= latest, program.nextFalse(compiled.stopRoot, from: start, inputs) <= latest else { return nil }
    var best = Int.max
    // Walk occurrences newest first, so the first day a newer occurrence on the same channel is
    // in the history (after which older ones are superseded) is known when each is reached.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: compiled.channelCount) { newerExecuted in
      newerExecuted.initialize(repeating: .max)
      for index in schedule.occurrences.indices.reversed() {
        let occurrence = schedule.occurrences[index]
        let step = occurrence.step
        let channel = compiled.stepChannels[step]
        let scheduled = occurrence.scheduled.daysSinceEpoch
        let executed = ledger.executedDay(index)
        var last = Swift.min(latest, best - 1, executed == .max ? .max : executed - 1)
        if channel >= 0 {
          last = Swift.min(
            last, scheduled + cadence.catchUpDays, newerExecuted[channel] == .max ? .max : newerExecuted[channel] - 1)
          newerExecuted[channel] = Swift.min(newerExecuted[channel], executed)
        }
        let first = Swift.max(start, scheduled)
        guard first <= last else { continue }
        if let day = firstFiringDay(step: step, channel: channel, from: first, through: last, ledger, inputs) {
          best = day
        }
      }
    }
    return best == .max ? nil : best
  }

  /// The first day in `first...last` on which the occurrence of `step` could fire, skipping from
  /// one candidate day to the next until every requirement agrees.
  private func firstFiringDay(
    step: Int, channel: Int, from first: Int, through last: Int, _ ledger: HistoryLedger, _ inputs: ConditionInputs
  ) -> Int? {
    let program = compiled.program
    let when = compiled.whenRoots[step]
    let unless = compiled.unlessRoots[step]
    var day = first
    while day <= last {
      let candidate = day
      day = program.nextFalse(compiled.stopRoot, from: day, inputs)
      if day > last { return nil }
      day = program.nextFalse(compiled.pauseRoot, from: day, inputs)
      if day > last { return nil }
      if when >= 0 {
        day = program.nextTrue(when, from: day, inputs)
        if day > last { return nil }
      }
      if unless >= 0 {
        day = program.nextFalse(unless, from: day, inputs)
        if day > last { return nil }
      }
      if channel >= 0 {
        day = ledger.nextRoom(channel: channel, from: day, cadence: compiled)
        if day > last { return nil }
      }
      if day == candidate { return day }
    }
    return nil
  }
}
