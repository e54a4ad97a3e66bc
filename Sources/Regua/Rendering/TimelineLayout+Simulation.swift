extension StepOutcome {
  /// What became of each step of `cadence` for `invoice`, by step id, in the simulated timeline
  /// (``Simulator/run(_:from:through:)``, from the issue date until nothing more is planned).
  ///
  /// A step fired in the simulation is ``fired(date:late:)``; one already in the invoice's
  /// history is ``recorded(date:)``; one the engine skips is ``skipped(_:detail:)`` with the
  /// reason it gives on the last day anything is scheduled or fires (so a step paused and then
  /// too late reads `missed`, and every step after a payment in full `stopped`).
  static func outcomes(of cadence: Cadence, for invoice: Invoice, environment: Environment) -> [String: StepOutcome] {
    let simulator = Simulator(cadence, environment: environment)
    let simulation = simulator.run(invoice)
    var outcomes: [String: StepOutcome] = [:]
    // Skips seen along the walk, later ones replacing earlier ones, then the last day's.
    for plan in simulation.plans {
      for skipped in plan.skipped {
        outcomes[StepOutcome.stepID(of: skipped.step)] = .skipped(skipped.reason, detail: skipped.detail)
      }
    }
    let schedule = Schedule(cadence: cadence, invoice: invoice, environment: environment)
    let lastScheduled = schedule.occurrences.last?.scheduled
    let lastFired = simulation.plans.last?.date
    if let last = [lastScheduled, lastFired].compactMap({ $0 }).max(), last >= invoice.issued {
      let plan = simulator.plan(for: invoice, on: last)
      for skipped in plan.skipped {
        outcomes[StepOutcome.stepID(of: skipped.step)] = .skipped(skipped.reason, detail: skipped.detail)
      }
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
