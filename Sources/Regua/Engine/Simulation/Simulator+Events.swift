extension Simulator {
  /// Every event of a walk in date order: its actions, and the changes of state around them —
  /// the payments and the promise dated in the walk, and the days a `pause when` or `stop when`
  /// rule begins or ends to hold, and collection stops for good.
  ///
  /// - Parameters:
  ///   - summary: Where the walk started and ended, with its final state (every executed action
  ///     in the history, so a `write off` it executed stops collection).
  ///   - actions: The walk's actions (``TimelineEntry/entries(of:in:)`` of its plans).
  /// - Returns: The events dated from the summary's start through its end; on one day, payments
  ///   and promises first, then actions, then stops and pauses.
  /// - Throws: ``InvalidInput`` when the invoice's amounts cannot be computed on a payment's day.
  public func events(
    of summary: SimulationSummary, actions: [TimelineEntry]
  ) throws(InvalidInput) -> [SimulationEvent] {
    let invoice = summary.finalState
    let (start, end) = (summary.start, summary.end)
    var events = actions.map(SimulationEvent.action)
    for payment in invoice.payments where start <= payment.date && payment.date <= end {
      events.append(.payment(payment, balance: try evaluator.amounts(for: invoice, on: payment.date).total))
    }
    if let promise = invoice.promise {
      let made = promise.made ?? start
      if start <= made, made <= end, made <= promise.date { events.append(.promise(promise, on: made)) }
    }
    events += try stateEvents(invoice, from: Swift.max(start, invoice.issued), through: end)
    return events.enumerated().sorted { a, b in
      (a.element.date, a.element.rank, a.offset) < (b.element.date, b.element.rank, b.offset)
    }.map(\.element)
  }

  /// The days collection stops for good, and the days each `stop when` and `pause when` rule
  /// begins and ends to hold, in `first...last` (pauses only before a stop for good).
  private func stateEvents(
    _ invoice: Invoice, from first: CivilDate, through last: CivilDate
  ) throws(InvalidInput) -> [SimulationEvent] {
    guard first <= last else { return [] }
    let compiled = evaluator.compiled
    let schedule = evaluator.schedule(for: invoice)
    let ledger = HistoryLedger(
      invoice.history, schedule: schedule, cadence: compiled, channels: evaluator.channels(for: invoice.customer))
    let inputs = ConditionInputs(
      timeline: try evaluator.timeline(for: invoice, schedule: schedule, ledger: ledger), status: invoice.status,
      writeOffDay: ledger.writeOffDay, invariants: InvariantAnswers(compiled.program, invoice: invoice))
    var events: [SimulationEvent] = []
    var last = last.daysSinceEpoch
    let first = first.daysSinceEpoch
    let closed = inputs.firstClosedDay(from: first)
    if closed <= last {
      let cause = evaluator.stopCause(on: closed, status: invoice.status, inputs) ?? .paid
      events.append(.stopped(cause, on: CivilDate(daysSinceEpoch: closed)))
      last = closed - 1
    }
    let cadence = evaluator.cadence
    for (index, root) in compiled.stopRules.enumerated() {
      for (from, to) in holding(root, from: first, through: last, inputs) {
        events.append(.stopped(.rule(cadence.stopConditions[index]), on: CivilDate(daysSinceEpoch: from)))
        if let to { events.append(.stopEnds(cadence.stopConditions[index], on: CivilDate(daysSinceEpoch: to))) }
      }
    }
    for (index, root) in compiled.pauseRules.enumerated() {
      for (from, to) in holding(root, from: first, through: last, inputs) {
        events.append(.paused(cadence.pauseConditions[index], on: CivilDate(daysSinceEpoch: from)))
        if let to { events.append(.pauseEnds(cadence.pauseConditions[index], on: CivilDate(daysSinceEpoch: to))) }
      }
    }
    return events
  }

  /// The stretches of `first...last` on which a condition holds: the day each begins, and the
  /// day it ends (the first day it no longer holds) when that is within `last`. Found by
  /// jumping between the days the condition changes, never by walking the days.
  private func holding(
    _ root: Int, from first: Int, through last: Int, _ inputs: ConditionInputs
  ) -> [(from: Int, to: Int?)] {
    let program = evaluator.compiled.program
    var stretches: [(from: Int, to: Int?)] = []
    var day = first
    while day <= last {
      let from = program.nextTrue(root, from: day, inputs)
      guard from <= last else { break }
      let to = program.nextFalse(root, from: from, inputs)
      stretches.append((from, to <= last ? to : nil))
      day = to
    }
    return stretches
  }
}
