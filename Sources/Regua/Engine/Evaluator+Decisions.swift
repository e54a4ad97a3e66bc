extension Evaluator {
  /// The verdict on every occurrence due by `day` and not yet executed, in schedule order: the
  /// invoice's own phases, then the limits over its contacts. The decisions are written into
  /// `buffer` (one slot per occurrence), and the filled part of it is returned.
  func decide(
    on day: Int, schedule: Schedule, channels: borrowing ChannelTable, ledger: HistoryLedger, inputs: ConditionInputs,
    stop: StopCause?, into buffer: UnsafeMutableBufferPointer<Decision>
  ) -> UnsafeMutableBufferPointer<Decision> {
    let decisions = candidates(
      on: day, schedule: schedule, channels: channels, executions: ledger.executions, in: ledger.contacts,
      inputs: inputs, stop: stop, into: buffer)
    applyLimits(decisions, on: day, channels: channels, contacts: ledger.contacts)
    return decisions
  }

  /// The per-invoice phases: the verdict of the core rules on every occurrence due by `day` and
  /// not executed (reasons `missed` through `opted-out`), then superseding among the invoice's
  /// own contacts. Limits are the account's phase, and come after.
  func candidates(
    on day: Int, schedule: Schedule, channels: borrowing ChannelTable, executions: borrowing ExecutionIndex,
    in ledger: borrowing ContactLedger, inputs: ConditionInputs, stop: StopCause?,
    into buffer: UnsafeMutableBufferPointer<Decision>
  ) -> UnsafeMutableBufferPointer<Decision> {
    let program = compiled.program
    let pause = stop == nil ? compiled.pauseRules.firstIndex { program.holds($0, at: day, inputs) } : nil
    let weekdayBit = compiled.hasWindows ? WeekdaySet.bit(CivilDate(daysSinceEpoch: day).weekday) : 0
    var count = 0
    for (index, occurrence) in schedule.occurrences.enumerated() {
      let scheduled = occurrence.scheduled.daysSinceEpoch
      if scheduled > day { break }
      if executions.isExecuted(index, asOf: day, in: ledger) { continue }
      let step = occurrence.step
      let channel = channels[step]
      let verdict: Verdict
      if channel >= 0, day.saturatingSubtracting(scheduled) > cadence.catchUpDays {
        verdict = .missed(late: day.saturatingSubtracting(scheduled))
      } else if stop != nil {
        verdict = .stopped
      } else if let pause {
        verdict = .paused(pause)
      } else if compiled.whenRoots[step] >= 0, !program.holds(compiled.whenRoots[step], at: day, inputs) {
        verdict = .condition(unlessHolds: false)
      } else if compiled.unlessRoots[step] >= 0, program.holds(compiled.unlessRoots[step], at: day, inputs) {
        verdict = .condition(unlessHolds: true)
      } else if compiled.hasWindows, channel >= 0, !compiled.opens(channel, weekdayBit: weekdayBit) {
        verdict = .window
      } else if channels.isOptedOut(step) {
        verdict = .optedOut
      } else if !compiled.waits.isEmpty, let held = ledger.heldBy(channel: channel, on: day, cadence: compiled) {
        verdict = .held(conversation: held.conversation, wait: held.wait)
      } else {
        verdict = .fire
      }
      buffer.initializeElement(
        at: count, to: Decision(occurrence: index, step: step, scheduled: scheduled, verdict: verdict))
      count += 1
    }
    let decisions = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
    supersede(decisions, on: day, schedule: schedule, channels: channels, executions: executions, in: ledger)
    return decisions
  }

  /// Marks candidates older than the newest executed-or-candidate contact on their channel.
  /// Occurrences are in schedule order, so "newer" is simply a later index.
  private func supersede(
    _ decisions: UnsafeMutableBufferPointer<Decision>, on day: Int, schedule: Schedule,
    channels: borrowing ChannelTable, executions: ExecutionIndex, in ledger: ContactLedger
  ) {
    guard decisions.contains(where: { $0.verdict.isFiring && channels[$0.step] >= 0 }) else { return }
    withUnsafeTemporaryAllocation(of: (occurrence: Int, executed: Bool).self, capacity: compiled.channelCount) {
      newest in
      newest.initialize(repeating: (-1, false))
      for index in schedule.occurrences.indices where executions.isExecuted(index, asOf: day, in: ledger) {
        let channel = channels[schedule.occurrences[index].step]
        if channel >= 0, index > newest[channel].occurrence { newest[channel] = (index, true) }
      }
      for decision in decisions where decision.verdict.isFiring {
        let channel = channels[decision.step]
        if channel >= 0, decision.occurrence > newest[channel].occurrence {
          newest[channel] = (decision.occurrence, false)
        }
      }
      for index in decisions.indices where decisions[index].verdict.isFiring {
        let channel = channels[decisions[index].step]
        guard channel >= 0, newest[channel].occurrence != decisions[index].occurrence else { continue }
        decisions[index].verdict = .superseded(by: newest[channel].occurrence, executed: newest[channel].executed)
      }
    }
  }

  /// The account phase for a single invoice: its firing contacts are offered to the limits
  /// latest scheduled first (ties: declared last first); one that would exceed a limit is
  /// limited.
  private func applyLimits(
    _ decisions: UnsafeMutableBufferPointer<Decision>, on day: Int, channels: borrowing ChannelTable,
    contacts: borrowing ContactLedger
  ) {
    guard !cadence.limits.isEmpty else { return }
    LimitAdmission.on(day, contacts: contacts, cadence: compiled) { admission in
      for index in decisions.indices.reversed() where decisions[index].verdict.isFiring {
        let channel = channels[decisions[index].step]
        guard channel >= 0 else { continue }
        if let exceeded = admission.admit(channel: channel) { decisions[index].verdict = .limited(exceeded) }
      }
    }
  }
}
