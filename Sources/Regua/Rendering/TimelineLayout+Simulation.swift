extension StepOutcome {
  /// What became of each step of `cadence` for `invoice`, by step id, in the simulated timeline
  /// (``Simulator/run(_:from:through:)``, from the issue date until nothing more is planned).
  ///
  /// A step fired in the simulation is ``fired(date:late:)``; one already in the invoice's
  /// history is ``recorded(date:)``; one the engine skips is ``skipped(_:detail:)`` with the
  /// reason it gives on the step's own date — why it did not go out when it was due: its
  /// condition, a pause, a stop — and, for a step held back by a pause or a limit, the reason on
  /// the last day anything is scheduled or fires when it differs (a step paused and then too
  /// late is `missed` by then), that one's sentence after it.
  static func outcomes(of cadence: Cadence, for invoice: Invoice, environment: Environment) -> [String: StepOutcome] {
    let simulator = Simulator(cadence, environment: environment)
    let simulation = simulator.run(invoice)
    let schedule = Schedule(cadence: cadence, invoice: invoice, environment: environment)
    // The plan of each day a step is due, and of the last day, in one walk.
    let dueDays = schedule.occurrences.map { max($0.scheduled, invoice.issued) }
    let last =
      ([schedule.occurrences.last?.scheduled, simulation.plans.last?.date].compactMap { $0 } + [invoice.issued])
      .max()
    let days = Array(Set(dueDays + [last].compactMap { $0 })).sorted()
    var plans: [CivilDate: ActionPlan] = [:]
    for (day, plan) in zip(days, simulator.plans(for: invoice, on: days)) { plans[day] = plan }
    func skip(of step: String, on day: CivilDate?) -> SkippedStep? {
      day.flatMap { plans[$0] }?.skipped.first { StepOutcome.stepID(of: $0.step) == step }
    }

    var outcomes: [String: StepOutcome] = [:]
    for (occurrence, day) in zip(schedule.occurrences, dueDays) {
      guard cadence.steps.indices.contains(occurrence.step) else { continue }
      let step = cadence.steps[occurrence.step].id
      let final = skip(of: step, on: last)
      guard let first = skip(of: step, on: day) ?? final else { continue }
      var detail = first.detail
      // A pause or a limit holds a step back for a while: say what became of it afterwards.
      if let final, final.reason != first.reason, [.paused, .limited].contains(first.reason) {
        detail += " Then: " + final.detail
      }
      outcomes[step] = .skipped(first.reason, detail: detail)
    }
    let steps = Set(cadence.steps.map(\.id))
    for entry in invoice.history.sorted(by: { $0.date > $1.date }) where steps.contains(entry.step) {
      outcomes[entry.step] = .recorded(date: entry.date)
    }
    for plan in simulation.plans {
      for action in plan.actions {
        outcomes[StepOutcome.stepID(of: action.step)] = .fired(date: plan.date, late: action.late)
      }
    }
    return outcomes
  }

  /// The step id of an occurrence id: `p+1-call@2026-03-20` → `p+1-call`.
  static func stepID(of occurrence: String) -> String {
    occurrence.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
      ?? occurrence
  }
}

extension TimelineLayout {
  /// The invoice's payments, promise and recorded contacts outside the cadence, to draw.
  static func events(of invoice: Invoice, cadence: Cadence) -> [PendingEvent] {
    var events: [PendingEvent] = []
    for payment in invoice.payments.sorted(by: { ($0.date, $0.amount.minorUnits) < ($1.date, $1.amount.minorUnits) }) {
      events.append(
        PendingEvent(
          kind: .payment(payment.amount), date: payment.date, lane: .payments, label: "paid \(payment.amount)"))
    }
    if let promise = invoice.promise {
      let amount = promise.amount.map { " \($0)" } ?? ""
      events.append(
        PendingEvent(
          kind: .promise(promise), date: promise.made ?? invoice.issued, endDate: promise.date, lane: .payments,
          label: "promise\(amount) by \(promise.date)"))
    }
    let steps = Set(cadence.steps.map(\.id))
    for entry in invoice.history.sorted(by: { ($0.date, $0.step) < ($1.date, $1.step) })
    where !steps.contains(entry.step) {
      guard let channel = entry.channel else { continue }
      events.append(
        PendingEvent(
          kind: .recordedContact(step: entry.step, channel: channel.name), date: entry.date,
          lane: .channel(channel.name), label: "\(entry.step) (recorded)"))
    }
    return events
  }
}
