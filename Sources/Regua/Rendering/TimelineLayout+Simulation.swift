extension TimelineLayout {
  /// What became of each occurrence of `cadence`'s steps for `invoice`, by occurrence id, in
  /// the simulated timeline (``Simulator/walk(_:from:through:listing:_:)-(Invoice,_,_,_,_)``, from the issue date
  /// until nothing more is planned).
  ///
  /// An occurrence fired in the simulation is ``StepOutcome/fired(_:)`` with the simulator's
  /// entry; one already in the invoice's history is ``StepOutcome/recorded(_:)``; one the engine
  /// skips is ``StepOutcome/skipped(_:then:)`` with the engine's skip on the day it falls due
  /// (the ``SkippedStep`` of that day's plan, which an ``Explanation`` of the day gives as
  /// ``StepStatus/skipped(_:)``) — why it did not go out when it was due: its condition, a
  /// pause, a stop — and, for one held back by a pause or a limit, the skip on the last day
  /// anything is scheduled or fires when its reason differs.
  ///
  /// Linear in the occurrences and the days evaluated: the walk keeps only the actions it fires,
  /// and each day's plan is read once, its skips filed by occurrence id, never searched per
  /// occurrence. (Not ``Evaluator/explain(_:on:held:)`` on each day: it also evaluates the day
  /// before and `next`, and traces every later step's conditions, ten times the cost.)
  static func outcomes(
    of evaluator: Evaluator, for invoice: Invoice, schedule: Schedule
  ) throws(InvalidInput) -> [String: StepOutcome] {
    let cadence = evaluator.cadence
    let simulator = Simulator(evaluator)
    var plans: [ActionPlan] = []
    try simulator.walk(invoice, listing: .new) { plan in
      var actions = plan
      actions.skipped = []
      plans.append(actions)
    }
    let fired = TimelineEntry.entries(of: plans, in: cadence)
    // Each occurrence is read in the plan of the day it falls due (not before the issue), and
    // all of them in the plan of the last day anything is scheduled or fires, in one walk.
    let issued = invoice.issued
    let last = ([schedule.occurrences.last?.scheduled, fired.last?.date, issued].compactMap { $0 }).max() ?? issued
    var first: [String: SkippedStep] = [:]
    var final: [String: SkippedStep] = [:]
    let dueDays = schedule.occurrences.map { Swift.max($0.scheduled, issued) }
    try simulator.forEachPlan(for: invoice, on: dueDays + [last]) { plan in
      for skip in plan.skipped {
        if Swift.max(skip.scheduled, issued) == plan.date { first[skip.step] = skip }
        if plan.date == last { final[skip.step] = skip }
      }
    }

    var outcomes: [String: StepOutcome] = [:]
    var ids: Set<String> = []
    for occurrence in schedule.occurrences {
      let id = occurrence.id(stepID: cadence.steps[occurrence.step].id)
      ids.insert(id)
      let final = final[id]
      guard let skip = first[id] ?? final else { continue }
      // A pause or a limit holds a step back for a while: say what became of it afterwards.
      let heldBack = skip.reason == .paused || skip.reason == .limited
      outcomes[id] = .skipped(skip, then: final.flatMap { heldBack && $0.reason != skip.reason ? $0 : nil })
    }
    for entry in invoice.history where ids.contains(entry.step) {
      if case .recorded(let earlier) = outcomes[entry.step], earlier.date <= entry.date { continue }
      outcomes[entry.step] = .recorded(entry)
    }
    for entry in fired {
      outcomes[entry.step] = .fired(entry)
    }
    return outcomes
  }

  /// The invoice's payments, promise and recorded contacts outside the cadence (history entries
  /// that name neither a step nor one of `occurrences`, the invoice's occurrence ids), to draw.
  static func events(of invoice: Invoice, cadence: Cadence, occurrences: Set<String>) -> [PendingEvent] {
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
    where !steps.contains(entry.step) && !occurrences.contains(entry.step) {
      guard let channel = entry.channel else { continue }
      events.append(
        PendingEvent(
          kind: .recordedContact(step: entry.step, channel: channel.name), date: entry.date,
          lane: .channel(channel.name), label: "\(entry.step) (recorded)"))
    }
    return events
  }
}
