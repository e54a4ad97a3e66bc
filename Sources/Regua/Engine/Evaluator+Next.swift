extension Evaluator {
  /// The earliest day after `today` on which an evaluation yields an action, given the ledger
  /// with today's actions recorded, or `nil`.
  ///
  /// An evaluation yields an action on day `t` exactly when some occurrence could fire alone on
  /// `t`: it is due, not executed, within its catch-up (contacts), collection is neither stopped
  /// nor paused, its conditions hold, and (contacts) its channel's window opens that weekday, no
  /// newer occurrence on its channel is in the
  /// history and the channel's limits have room. Superseding among candidates and sharing a
  /// limit's room only decide *which* contact goes out, never *whether* one does. So `next` is
  /// the minimum, over occurrences, of the first day each could fire — and each of those is
  /// found by jumping between the days its conditions, the stop and pause rules and the limits
  /// change (``ConditionProgram``), never by walking days. The cost grows with the number of
  /// occurrences, history entries and payments, not with the number of days or with any product
  /// of them.
  func nextDay(
    after today: Int, schedule: Schedule, channels: borrowing ChannelTable, executions: ExecutionIndex,
    contacts: ContactLedger, inputs: ConditionInputs
  ) -> Int? {
    let program = compiled.program
    let timeline = inputs.timeline
    let latest = CivilDate.latest.daysSinceEpoch
    let start = Swift.max(today.saturatingAdding(1), timeline.issued)
    guard start <= latest, program.nextFalse(compiled.stopRoot, from: start, inputs) <= latest else { return nil }
    var best = Int.max
    let count = schedule.occurrences.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: count + compiled.channelCount) { scratch in
      // Per occurrence, the first day a newer occurrence on its channel is in the history (after
      // which it is superseded): one pass newest first, keeping a running minimum per channel.
      let newerExecuted = UnsafeMutableBufferPointer(rebasing: scratch[..<count])
      let perChannel = UnsafeMutableBufferPointer(rebasing: scratch[count...])
      perChannel.initialize(repeating: .max)
      for index in (0..<count).reversed() {
        let channel = channels[schedule.occurrences[index].step]
        guard channel >= 0 else {
          newerExecuted.initializeElement(at: index, to: .max)
          continue
        }
        newerExecuted.initializeElement(at: index, to: perChannel[channel])
        perChannel[channel] = Swift.min(perChannel[channel], executions.executedDay(index, in: contacts))
      }
      // Then oldest first: once an occurrence is scheduled after the best day found, so are all
      // the later ones.
      for index in 0..<count {
        let occurrence = schedule.occurrences[index]
        let scheduled = occurrence.scheduled.daysSinceEpoch
        let first = Swift.max(start, scheduled)
        if first >= best { break }
        let step = occurrence.step
        let channel = channels[step]
        if channels.isOptedOut(step) { continue }
        let executed = executions.executedDay(index, in: contacts)
        var last = Swift.min(latest, best - 1, executed == .max ? .max : executed - 1)
        if channel >= 0 {
          let superseded = newerExecuted[index]
          last = Swift.min(
            last, scheduled.saturatingAdding(cadence.catchUpDays), superseded == .max ? .max : superseded - 1)
        }
        guard first <= last else { continue }
        if let day = firstFiringDay(
          step: step, channel: channel, from: first, through: last, contacts, inputs)
        {
          best = day
        }
      }
    }
    return best == .max ? nil : best
  }

  /// The first day in `first...last` on which the occurrence of `step` could fire, skipping from
  /// one candidate day to the next until every requirement agrees.
  private func firstFiringDay(
    step: Int, channel: Int, from first: Int, through last: Int, _ contacts: borrowing ContactLedger,
    _ inputs: ConditionInputs
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
        if compiled.hasWindows {
          day = compiled.nextOpening(channel, onOrAfter: day)
          if day > last { return nil }
        }
        day = contacts.nextRoom(channel: channel, from: day, cadence: compiled)
        if day > last { return nil }
        day = contacts.endOfWaits(channel: channel, from: day, cadence: compiled)
        if day > last { return nil }
      }
      if day == candidate { return day }
    }
    return nil
  }
}
