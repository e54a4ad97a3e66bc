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
  ///
  /// Linear in the steps and the days evaluated: the simulation keeps only the actions it fires,
  /// and each day's plan is read once into the first skip of each step, never searched per step.
  static func outcomes(of evaluator: Evaluator, for invoice: Invoice) -> [String: StepOutcome] {
    let cadence = evaluator.cadence
    let simulator = Simulator(evaluator)
    var fired: [(step: String, date: CivilDate, late: Int)] = []
    var lastPlan: CivilDate?
    simulator.walk(invoice, listing: .new) { plan in
      lastPlan = plan.date
      for action in plan.actions { fired.append((StepOutcome.stepID(of: action.step), plan.date, action.late)) }
    }
    let schedule = evaluator.schedule(for: invoice)
    // The plan of each day a step is due, and of the last day, in one walk.
    let dueDays = schedule.occurrences.map { max($0.scheduled, invoice.issued) }
    let last = ([schedule.occurrences.last?.scheduled, lastPlan].compactMap { $0 } + [invoice.issued]).max()
    // Which occurrences fall due on each day, to read each day's plan for those only.
    var dueOn: [CivilDate: [Int]] = [:]
    for (index, day) in dueDays.enumerated() { dueOn[day, default: []].append(index) }
    var first: [SkippedStep?] = Array(repeating: nil, count: dueDays.count)
    var final: [String: SkippedStep] = [:]
    simulator.forEachPlan(for: invoice, on: Array(dueOn.keys) + [last].compactMap { $0 }) { plan in
      // Each step's first skip in the plan, as a search from the front would find it.
      var skips: [String: SkippedStep] = [:]
      for skip in plan.skipped where skips[StepOutcome.stepID(of: skip.step)] == nil {
        skips[StepOutcome.stepID(of: skip.step)] = skip
      }
      for index in dueOn[plan.date] ?? [] {
        let occurrence = schedule.occurrences[index]
        guard cadence.steps.indices.contains(occurrence.step) else { continue }
        first[index] = skips[cadence.steps[occurrence.step].id]
      }
      if plan.date == last { final = skips }
    }

    var outcomes: [String: StepOutcome] = [:]
    for (index, occurrence) in schedule.occurrences.enumerated() {
      guard cadence.steps.indices.contains(occurrence.step) else { continue }
      let step = cadence.steps[occurrence.step].id
      let final = final[step]
      guard let first = first[index] ?? final else { continue }
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
    for action in fired {
      outcomes[action.step] = .fired(date: action.date, late: action.late)
    }
    return outcomes
  }

  /// The step id of an occurrence id: `p+1-call@2026-03-20` → `p+1-call`.
  static func stepID(of occurrence: String) -> String {
    occurrence.firstIndex(of: "@").map { String(occurrence[..<$0]) } ?? occurrence
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
