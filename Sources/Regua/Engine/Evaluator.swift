/// Evaluates one cadence against invoices: a pure function of the cadence, the environment, the
/// invoice's state and a date.
///
/// Create one evaluator per cadence and reuse it: it compiles the cadence's conditions and lays
/// its steps out once. It holds no mutable state, so one evaluator may serve many threads.
///
/// ```swift
/// let evaluator = try Evaluator(cadence)
/// let plan = evaluator.plan(for: invoice, on: try CivilDate(parsing: "2026-03-24"))
/// for action in plan.actions { /* execute, then record action.step in the history */ }
/// ```
public struct Evaluator: Sendable {
  /// The cadence evaluated.
  public let cadence: Cadence
  /// What evaluations may consult besides the cadence and the invoice (calendars).
  public let environment: Environment
  let compiled: CompiledCadence
  /// The calendar the cadence names, resolved in the environment once, with the cadence's own
  /// `holiday` and `workday` lines added.
  let calendar: BusinessCalendar
  /// The cadence's time zone, resolved in the environment once: where windows are placed for a
  /// customer without a zone of their own (UTC when the cadence names none).
  let cadenceZone: ZoneRules
  /// The cadence's charge steps, resolved in the environment once.
  let charges: ChargeRules

  /// Prepares a cadence for evaluation.
  ///
  /// - Parameters:
  ///   - cadence: The cadence.
  ///   - environment: Calendars and other data evaluations consult; ``Environment/standard``
  ///     by default.
  /// - Throws: ``EnvironmentError`` when the cadence names a calendar, a time zone or a rate
  ///   table the environment does not have: a calendar that is not there never silently moves
  ///   nothing, a rate table never silently charges nothing.
  public init(_ cadence: Cadence, environment: Environment = .standard) throws(EnvironmentError) {
    guard let calendar = environment.calendar(named: cadence.calendar) else {
      throw .unknownCalendar(cadence.calendar ?? "", cadence: cadence.name, known: environment.calendarNames)
    }
    if let zone = cadence.timeZone {
      guard let rules = environment.timeZones.rules(for: zone) else {
        throw .unknownTimeZone(zone, cadence: cadence.name)
      }
      cadenceZone = rules
    } else {
      cadenceZone = .utc
    }
    charges = try ChargeRules(cadence, environment: environment)
    self.cadence = cadence
    self.environment = environment
    let extended = calendar.adding(holidays: cadence.holidays, workdays: cadence.workdays)
    self.compiled = CompiledCadence(cadence, calendar: extended)
    self.calendar = extended
  }

  /// When each step comes due for `invoice`: the dates every plan for it reads.
  public func schedule(for invoice: borrowing Invoice) -> Schedule {
    Schedule(steps: compiled.order, invoice: invoice, calendar: calendar, windows: compiled.sharedWindows)
  }

  /// What `invoice` owes at the end of `date`, component by component, as conditions on that
  /// date see it: the charges of the steps in its history count, from the day they were
  /// recorded.
  ///
  /// The one calculation of amounts owed: plans, explanations and simulations read the same.
  ///
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed (see
  ///   ``plan(for:on:)->ActionPlan``).
  public func amounts(for invoice: Invoice, on date: CivilDate) throws(InvalidInput) -> AmountsOwed {
    let schedule = schedule(for: invoice)
    let ledger = HistoryLedger(
      invoice.history, schedule: schedule, cadence: compiled, channels: channels(for: invoice.customer))
    let amounts = try timeline(for: invoice, schedule: schedule, ledger: ledger).amounts
    try Evaluator.check(amounts, on: date.daysSinceEpoch)
    return amounts.owed(at: date.daysSinceEpoch)
  }

  /// The invoice's dated facts, with the charge steps executed in `ledger` counting from the day
  /// they were.
  ///
  /// - Throws: ``InvalidInput`` when a charge is in another currency than the invoice's.
  func timeline(
    for invoice: borrowing Invoice, schedule: borrowing Schedule, ledger: borrowing HistoryLedger
  ) throws(InvalidInput) -> InvoiceTimeline {
    try timeline(for: invoice, schedule: schedule, executions: ledger.executions, in: ledger.contacts)
  }

  /// The invoice's dated facts, with the charge steps executed (`executions`, whose days are in
  /// `ledger`) counting from the day they were.
  func timeline(
    for invoice: borrowing Invoice, schedule: borrowing Schedule, executions: ExecutionIndex,
    in ledger: borrowing ContactLedger
  ) throws(InvalidInput) -> InvoiceTimeline {
    guard !charges.isEmpty else { return InvoiceTimeline(invoice, effectiveDue: schedule.effectiveDue) }
    return InvoiceTimeline(
      invoice, effectiveDue: schedule.effectiveDue,
      charges: try charges.counted(for: invoice, schedule: schedule, executions: executions, in: ledger),
      tables: charges.tables)
  }

  /// Throws when the amounts are unknown on `day`: a rate table has no rate for a month interest
  /// accrues on, or an amount overflows.
  static func check(_ amounts: AmountsTimeline, on day: Int) throws(InvalidInput) {
    guard day > amounts.horizon else { return }
    let from = CivilDate(daysSinceEpoch: amounts.horizon.saturatingAdding(1))
    throw InvalidInput(
      InputError(
        path: "",
        message: "the amounts owed cannot be computed from \(from): \(amounts.problem ?? "an amount overflows")"))
  }

  /// The action plan for `invoice` on `date`, with `next` and skip reasons.
  ///
  /// Deterministic: the same cadence, invoice and date give an equal plan, whatever the order of
  /// the invoice's history and payments and whatever the process's time zone or locale. Costs
  /// O((steps + history + payments) × log) and memory proportional to the input.
  ///
  /// - Throws: ``InvalidInput`` when something only evaluation can find makes the invoice's
  ///   amounts unknowable — a charge written in another currency than the invoice's, a month
  ///   missing from a rate table — rather than a plan computed as if the charge were absent.
  ///   Like a document's problems, it concerns this invoice only: a portfolio reports it on the
  ///   invoice's line and goes on.
  public func plan(for invoice: Invoice, on date: CivilDate) throws(InvalidInput) -> ActionPlan {
    let schedule = schedule(for: invoice)
    let channels = channels(for: invoice.customer)
    var ledger = HistoryLedger(invoice.history, schedule: schedule, cadence: compiled, channels: channels)
    return try plan(for: invoice, on: date, schedule: schedule, channels: channels, ledger: &ledger, newSkips: nil)
  }

  /// The channel each step contacts `customer` on.
  func channels(for customer: borrowing Customer) -> ChannelTable { ChannelTable(compiled, customer: customer) }

  /// The plan, given the invoice's history already indexed with the customer's `channels`:
  /// `ledger` indexes `invoice.history` on entry and has the plan's actions recorded on exit, so a simulation keeps one ledger for
  /// its whole walk. With `newSkips`, the plan lists only the skips whose reason differs from
  /// the one `newSkips` remembers, and `newSkips` remembers this plan's; without, it lists all.
  func plan(
    for invoice: borrowing Invoice, on date: CivilDate, schedule: borrowing Schedule, channels: borrowing ChannelTable,
    ledger: inout HistoryLedger, newSkips: NewSkips?
  ) throws(InvalidInput) -> ActionPlan {
    let day = date.daysSinceEpoch
    // One set of inputs, whose timeline is never copied: conditions and skips read the amounts
    // with the history's charges only; the plan's balance and `next` also count the charges this
    // plan fires (`firedCharges`; a second timeline is made only when one fires).
    var inputs = ConditionInputs(
      timeline: try self.timeline(for: invoice, schedule: schedule, ledger: ledger), status: invoice.status,
      writeOffDay: ledger.writeOffDay, invariants: InvariantAnswers(compiled.program, invoice: invoice))
    try Evaluator.check(inputs.timeline.amounts, on: day)
    var firedCharges: [CountedCharge] = []
    var actions: [PlannedAction] = []
    var skipped: [SkippedStep] = []
    var stop: StopCause?
    if day >= inputs.timeline.issued {
      stop = stopCause(on: day, status: invoice.status, inputs)
      try withUnsafeTemporaryAllocation(of: Decision.self, capacity: schedule.occurrences.count) {
        buffer throws(InvalidInput) in
        let decisions = decide(
          on: day, schedule: schedule, channels: channels, ledger: ledger, inputs: inputs, stop: stop, into: buffer)
        var firing = 0
        for decision in decisions where decision.verdict.isFiring {
          ledger.record(decision.occurrence, step: decision.step, on: day, cadence: compiled, channels: channels)
          firing += 1
          if !self.charges.isEmpty,
            let charge = try self.charges.charge(
              decision.occurrence, schedule: schedule, counted: day, currency: invoice.amount.currency)
          {
            firedCharges.append(charge)
          }
        }
        actions.reserveCapacity(firing)
        skipped.reserveCapacity(decisions.count - firing)
        var values: FieldValues?
        var zone: ZoneRules?
        for decision in decisions {
          let occurrence = schedule.occurrences[decision.occurrence]
          let step = decision.step
          let scheduled = occurrence.scheduled
          let id = occurrence.id(stepID: cadence.steps[step].id)
          guard let reason = decision.verdict.reason else {
            let action = channels.action(ofStep: step, declared: cadence.steps[step].action)
            var window: Range<Instant>?
            if compiled.hasWindows, channels[step] >= 0, let windows = compiled.channelWindows[channels[step]] {
              let rules = zone ?? customerZone(invoice.customer)
              zone = rules
              window = windows.openingHours(on: date, in: rules)
            }
            actions.append(
              PlannedAction(
                invoice: invoice.id, step: id, action: action.kind, arguments: action.arguments,
                channel: channels.channel(ofStep: step), scheduled: scheduled,
                late: day.saturatingSubtracting(decision.scheduled), window: window))
            continue
          }
          if let newSkips, !newSkips.isNew(decision.occurrence, reason) { continue }
          skipped.append(
            skip(
              decision, id: id, on: date, promise: invoice.promise?.date, stop: stop, schedule: schedule,
              channels: channels, contacts: ledger.contacts
            ) {
              let facts = values ?? FieldValues(invoice, inputs, on: day)
              values = facts
              return facts
            })
        }
      }
    }
    var next: Int?
    // Paid lasts unless a charge executed later, already in the history, makes it owe again.
    var lasting = stop?.isPermanent ?? false
    if case .paid = stop, !charges.isEmpty { lasting = false }
    // From here on the inputs are `next`'s: today's actions recorded (a write-off closes) and
    // counted (a charge fired today counts).
    inputs.close(writeOffDay: ledger.writeOffDay, status: invoice.status)
    if !firedCharges.isEmpty {
      inputs.count(firedCharges, payments: invoice.payments, tables: charges.tables)
      // A charge fired today may read a rate-table month the table lacks, or overflow: the
      // plan's balance is then unknown, never the amounts without it.
      try Evaluator.check(inputs.timeline.amounts, on: day)
    }
    if !lasting {
      next = nextDay(
        after: day, schedule: schedule, channels: channels, executions: ledger.executions, contacts: ledger.contacts,
        inputs: inputs)
    }
    let balance = inputs.timeline.amounts.owed(at: day)
    return ActionPlan(
      cadence: cadence.name, version: cadence.version, invoice: invoice.id, date: date, actions: actions,
      skipped: skipped, next: next.map(CivilDate.init(daysSinceEpoch:)), balance: balance)
  }

  /// The zone a customer's windows are placed in: their own, else the cadence's, else UTC. A
  /// customer's zone the environment's database does not know (the reader checks it against
  /// the platform's) falls back the same way.
  func customerZone(_ customer: borrowing Customer) -> ZoneRules {
    guard let name = customer.timeZone, let rules = environment.timeZones.rules(for: name) else { return cadenceZone }
    return rules
  }

  /// Why collection is stopped on `day`, or `nil`.
  func stopCause(on day: Int, status: InvoiceStatus, _ inputs: borrowing ConditionInputs) -> StopCause? {
    if inputs.timeline.isPaid(at: day) { return .paid }
    switch status {
    case .cancelled: return .cancelled
    case .writtenOff: return .writtenOffStatus
    case .open, .disputed: break
    }
    if inputs.closedDay <= day { return .writeOffStep(CivilDate(daysSinceEpoch: inputs.closedDay)) }
    for (index, rule) in compiled.stopRules.enumerated() where compiled.program.holds(rule, at: day, inputs) {
      return .rule(cadence.stopConditions[index])
    }
    return nil
  }
}

/// The action plan for `invoice` under `cadence` on `date`.
///
/// A convenience for ``Evaluator/plan(for:on:)->ActionPlan`` in the ``Environment/standard`` environment;
/// create an ``Evaluator`` to evaluate many invoices against one cadence.
///
/// - Throws: ``EnvironmentError`` when the cadence names a calendar that is not built in;
///   ``InvalidInput`` when the invoice's charges cannot be computed.
public func evaluate(_ cadence: Cadence, _ invoice: Invoice, on date: CivilDate) throws -> ActionPlan {
  try Evaluator(cadence).plan(for: invoice, on: date)
}

/// What a walk that lists only new skips remembers between plans: per occurrence, the reason it
/// was skipped in the last plan handed out, and the reasons of the plan being made.
final class NewSkips {
  private var previous: [SkipReason?]
  private var current: [SkipReason?]

  init(occurrences: Int) {
    previous = Array(repeating: nil, count: occurrences)
    current = previous
  }

  /// Records the reason an occurrence is skipped in the plan being made, and whether it differs
  /// from the last plan's.
  func isNew(_ occurrence: Int, _ reason: SkipReason) -> Bool {
    current[occurrence] = reason
    return previous[occurrence] != reason
  }

  /// Starts a plan: forgets the reasons of a plan that was not handed out.
  func begin() {
    for index in current.indices { current[index] = nil }
  }

  /// The plan being made was handed out: its reasons are now the ones to compare with.
  func commit() {
    swap(&previous, &current)
  }
}
