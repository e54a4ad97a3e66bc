extension Evaluator {
  /// The action plan for a customer's `account` on `date`.
  ///
  /// Each invoice is decided by the core rules, superseding included (``plan(for:on:)->ActionPlan``); then,
  /// unless the cadence says `group by invoice`, the contacts that fire on one channel merge
  /// into one action — the latest scheduled of them gives its step, arguments, `scheduled` and
  /// `late` (ties: declared last) — whose id is `<customer>/<channel>/<date>` and which lists the
  /// invoices and steps it covers; then the limits count contacts across the account, one
  /// channel's contacts on one day once. Deterministic like an invoice's plan, whatever the
  /// order of the invoices and of their histories.
  ///
  /// - Throws: ``InvalidInput`` when an invoice's amounts cannot be computed (``plan(for:on:)->ActionPlan``);
  ///   the message names the invoice.
  public func plan(for account: Account, on date: CivilDate) throws(InvalidInput) -> AccountPlan {
    let channels = channels(for: account.customer)
    var ledger = AccountLedger(account.invoices, evaluator: self, channels: channels)
    return try plan(for: account.invoices, of: account.customer, on: date, channels: channels, ledger: &ledger)
  }

  /// The account's plan, given its invoices (in the account's order) and their histories
  /// already indexed with the customer's `channels`: `ledger` has the plan's actions recorded
  /// on exit.
  func plan(
    for invoices: [Invoice], of customer: borrowing Customer, on date: CivilDate,
    channels: borrowing ChannelTable, ledger: inout AccountLedger
  ) throws(InvalidInput) -> AccountPlan {
    // Every invoice's decisions in one buffer, one slot per occurrence: nothing allocated per
    // invoice for them.
    let slots = ledger.schedules.reduce(0) { $0 + $1.occurrences.count }
    return try withUnsafeTemporaryAllocation(of: Decision.self, capacity: slots) { buffer throws(InvalidInput) in
      try plan(for: invoices, of: customer, on: date, channels: channels, ledger: &ledger, decisions: buffer)
    }
  }

  private func plan(
    for invoices: [Invoice], of customer: borrowing Customer, on date: CivilDate,
    channels: borrowing ChannelTable, ledger: inout AccountLedger,
    decisions buffer: UnsafeMutableBufferPointer<Decision>
  ) throws(InvalidInput) -> AccountPlan {
    let day = date.daysSinceEpoch
    var parts: [InvoicePart] = []
    parts.reserveCapacity(invoices.count)
    var base = 0
    // By index: an invoice is never copied whole.
    for index in invoices.indices {
      let count = ledger.schedules[index].occurrences.count
      parts.append(
        InvoicePart(
          inputs: try inputs(
            for: invoices[index], on: day, schedule: ledger.schedules[index], executions: ledger.executions[index],
            contacts: ledger.contacts),
          decisions: UnsafeMutableBufferPointer(rebasing: buffer[base..<(base + count)])))
      base += count
    }
    if compiled.program.readsAccount { Evaluator.gatherPeers(&parts, \.inputs) }
    for index in invoices.indices {
      decide(
        &parts[index], status: invoices[index].status, on: day, schedule: ledger.schedules[index],
        executions: ledger.executions[index], contacts: ledger.contacts, channels: channels)
    }
    let units = contactUnits(parts, channels: channels)
    admit(units, parts: &parts, on: day, contacts: ledger.contacts)
    for index in invoices.indices {
      for decision in parts[index].decisions where decision.verdict.isFiring {
        ledger.recordExecution(invoice: index, decision.occurrence, step: decision.step, on: day, cadence: compiled)
        guard !charges.isEmpty else { continue }
        do throws(InvalidInput) {
          if let charge = try charges.charge(
            decision.occurrence, schedule: ledger.schedules[index], counted: day,
            currency: invoices[index].amount.currency)
          {
            parts[index].firedCharges.append(charge)
          }
        } catch {
          throw Evaluator.about(invoices[index], error)
        }
      }
    }
    for unit in units where parts[unit.members[0].invoice].decisions[unit.members[0].decision].verdict.isFiring {
      ledger.recordContact(channel: unit.channel, on: day)
    }
    var next = Int.max
    // From here on the inputs are `next`'s: today's write-offs close, today's charges count —
    // for the account fields too. The parts keep the decisions' inputs, which skips quote.
    var balances: [String: AmountsOwed] = [:]
    balances.reserveCapacity(invoices.count)
    // Only account fields need every invoice's `next` inputs at once.
    var later: [ConditionInputs] = []
    if compiled.program.readsAccount { later.reserveCapacity(invoices.count) }
    for index in invoices.indices {
      var inputs = parts[index].inputs
      inputs.close(writeOffDay: ledger.executions[index].writeOffDay, status: invoices[index].status)
      if !parts[index].firedCharges.isEmpty {
        inputs.count(parts[index].firedCharges, payments: invoices[index].payments, tables: charges.tables)
        do throws(InvalidInput) {
          try Evaluator.check(inputs.timeline.amounts, on: day)
        } catch {
          throw Evaluator.about(invoices[index], error)
        }
      }
      let owed = inputs.timeline.amounts.owed(at: day)
      balances[invoices[index].id] = owed
      parts[index].priority = Evaluator.priority(owed, daysOverdue: day - inputs.timeline.due)
      if compiled.program.readsAccount {
        later.append(inputs)
      } else if let day = nextDay(after: day, index, parts: parts, inputs: inputs, channels: channels, ledger: ledger) {
        next = Swift.min(next, day)
      }
    }
    if compiled.program.readsAccount {
      Evaluator.gatherPeers(&later, \.self)
      for index in invoices.indices {
        if let day = nextDay(after: day, index, parts: parts, inputs: later[index], channels: channels, ledger: ledger)
        {
          next = Swift.min(next, day)
        }
      }
    }
    let (actions, skipped) = entries(
      invoices, of: customer, parts: parts, units: units, on: date, channels: channels, ledger: ledger)
    return AccountPlan(
      cadence: cadence.name, version: cadence.version, customer: customer.id, date: date, actions: actions,
      skipped: skipped, next: next == .max ? nil : CivilDate(daysSinceEpoch: next), balances: balances)
  }

  /// One invoice of an account on one day: what its conditions read, whether it is stopped,
  /// and the verdicts of its own phases.
  struct InvoicePart {
    var inputs: ConditionInputs
    var stop: StopCause? = nil
    /// Its decisions, in the account's buffer.
    var decisions: UnsafeMutableBufferPointer<Decision>
    var firedCharges: [CountedCharge] = []
    /// The amount at stake times the days overdue, once the day's charges count.
    var priority = 0
  }

  /// A contact an account offers to the limits: the firing contacts of one channel when they
  /// merge, or one invoice's contact under `group by invoice`.
  struct ContactUnit {
    /// The channel's number.
    let channel: Int
    /// Each member's invoice (its index in the account) and decision (its index in the
    /// invoice's decisions), the representative first.
    var members: [(invoice: Int, decision: Int)]
  }

  /// What an invoice's conditions read on `day`, with the charges of its history counting.
  private func inputs(
    for invoice: borrowing Invoice, on day: Int, schedule: Schedule, executions: ExecutionIndex,
    contacts: ContactLedger
  ) throws(InvalidInput) -> ConditionInputs {
    do throws(InvalidInput) {
      let inputs = ConditionInputs(
        timeline: try timeline(for: invoice, schedule: schedule, executions: executions, in: contacts),
        status: invoice.status, writeOffDay: executions.writeOffDay,
        invariants: InvariantAnswers(compiled.program, invoice: invoice))
      try Evaluator.check(inputs.timeline.amounts, on: day)
      return inputs
    } catch {
      throw Evaluator.about(invoice, error)
    }
  }

  /// Gives each invoice's inputs (at `path` in `items`) the account's invoices in its
  /// currency, for the account fields: one array per currency, shared.
  static func gatherPeers<Item>(_ items: inout [Item], _ path: WritableKeyPath<Item, ConditionInputs>) {
    var groups: [Currency: [AccountPeer]] = [:]
    var positions: [Int] = []
    positions.reserveCapacity(items.count)
    for item in items {
      let inputs = item[keyPath: path]
      let currency = inputs.timeline.currency
      positions.append(groups[currency, default: []].count)
      groups[currency, default: []].append(AccountPeer(timeline: inputs.timeline, closedDay: inputs.closedDay))
    }
    for index in items.indices {
      let currency = items[index][keyPath: path].timeline.currency
      items[index][keyPath: path].peers = groups[currency] ?? []
      items[index][keyPath: path].peerSelf = positions[index]
    }
  }

  /// The first day after `day` on which invoice `index` may have an action, given its `next`
  /// inputs; `nil` when its collection has stopped for good.
  private func nextDay(
    after day: Int, _ index: Int, parts: [InvoicePart], inputs: ConditionInputs, channels: borrowing ChannelTable,
    ledger: borrowing AccountLedger
  ) -> Int? {
    var lasting = parts[index].stop?.isPermanent ?? false
    if case .paid = parts[index].stop, !charges.isEmpty { lasting = false }
    guard !lasting else { return nil }
    return nextDay(
      after: day, schedule: ledger.schedules[index], channels: channels, executions: ledger.executions[index],
      contacts: ledger.contacts, inputs: inputs)
  }

  /// The invoice's own phases on `day`: its stop, and the verdicts of the core rules and of
  /// superseding.
  private func decide(
    _ part: inout InvoicePart, status: InvoiceStatus, on day: Int, schedule: Schedule,
    executions: ExecutionIndex, contacts: ContactLedger, channels: borrowing ChannelTable
  ) {
    guard day >= part.inputs.timeline.issued else {
      part.decisions = UnsafeMutableBufferPointer(rebasing: part.decisions[0..<0])
      return
    }
    part.stop = stopCause(on: day, status: status, part.inputs)
    part.decisions = candidates(
      on: day, schedule: schedule, channels: channels, executions: executions, in: contacts, inputs: part.inputs,
      stop: part.stop, into: part.decisions)
  }

  /// The account's firing contacts as the units the limits admit, in admission order: latest
  /// scheduled first, then declared last first, then the greater invoice id first. A merged
  /// unit is ranked by its representative, its latest-scheduled member.
  private func contactUnits(_ parts: [InvoicePart], channels: borrowing ChannelTable) -> [ContactUnit] {
    var units: [ContactUnit] = []
    var unitOfChannel: [Int: Int] = [:]
    for invoice in parts.indices {
      for (index, decision) in parts[invoice].decisions.enumerated() where decision.verdict.isFiring {
        let channel = channels[decision.step]
        guard channel >= 0 else { continue }
        if !cadence.groupsByInvoice, let unit = unitOfChannel[channel] {
          units[unit].members.append((invoice, index))
        } else {
          unitOfChannel[channel] = units.count
          units.append(ContactUnit(channel: channel, members: [(invoice, index)]))
        }
      }
    }
    func rank(_ member: (invoice: Int, decision: Int)) -> (Int, Int, Int) {
      let decision = parts[member.invoice].decisions[member.decision]
      return (decision.scheduled, decision.step, member.invoice)
    }
    for index in units.indices {
      units[index].members.sort { rank($0) > rank($1) }
    }
    units.sort { rank($0.members[0]) > rank($1.members[0]) }
    return units
  }

  /// The limits phase of an account: each unit is admitted, or all its members are limited.
  private func admit(_ units: [ContactUnit], parts: inout [InvoicePart], on day: Int, contacts: ContactLedger) {
    guard !cadence.limits.isEmpty, !units.isEmpty else { return }
    LimitAdmission.on(day, contacts: contacts, cadence: compiled) { admission in
      for unit in units {
        guard let exceeded = admission.admit(channel: unit.channel) else { continue }
        for member in unit.members {
          parts[member.invoice].decisions[member.decision].verdict = .limited(exceeded)
        }
      }
    }
  }

  /// Where an action or a skip goes in the plan, and what it is made from.
  private struct Entry {
    /// The pinned order: scheduled day, declaration order, invoice (its index in the account,
    /// which is by id), occurrence.
    let scheduled: Int, step: Int, invoice: Int, occurrence: Int
    /// The decision's index in its invoice's decisions.
    let decision: Int
    /// The merged contact's unit, or -1.
    let unit: Int

    @inline(__always)
    static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
      if lhs.scheduled != rhs.scheduled { return lhs.scheduled < rhs.scheduled }
      if lhs.step != rhs.step { return lhs.step < rhs.step }
      if lhs.invoice != rhs.invoice { return lhs.invoice < rhs.invoice }
      return lhs.occurrence < rhs.occurrence
    }
  }

  /// The plan's actions and skipped steps, in the pinned order: scheduled date, declaration
  /// order, invoice id. The order is settled on small keys first, so each action and skip is
  /// built once, in its place.
  private func entries(
    _ invoices: [Invoice], of customer: borrowing Customer, parts: [InvoicePart],
    units: [ContactUnit], on date: CivilDate, channels: borrowing ChannelTable, ledger: borrowing AccountLedger
  ) -> (actions: [PlannedAction], skipped: [SkippedStep]) {
    let day = date.daysSinceEpoch
    let merges = !cadence.groupsByInvoice
    var actionEntries: [Entry] = []
    var skipEntries: [Entry] = []
    let due = parts.reduce(0) { $0 + $1.decisions.count }
    skipEntries.reserveCapacity(due)
    for (index, unit) in units.enumerated() where merges {
      let first = unit.members[0]
      let decision = parts[first.invoice].decisions[first.decision]
      guard decision.verdict.isFiring else { continue }
      actionEntries.append(
        Entry(
          scheduled: decision.scheduled, step: decision.step, invoice: first.invoice, occurrence: decision.occurrence,
          decision: first.decision, unit: index))
    }
    for invoice in parts.indices {
      for (index, decision) in parts[invoice].decisions.enumerated() {
        let entry = Entry(
          scheduled: decision.scheduled, step: decision.step, invoice: invoice, occurrence: decision.occurrence,
          decision: index, unit: -1)
        if !decision.verdict.isFiring {
          skipEntries.append(entry)
        } else if !merges || channels[decision.step] < 0 {
          // Merged contacts are listed above, once.
          actionEntries.append(entry)
        }
      }
    }
    actionEntries.sort { Entry.precedes($0, $1) }
    skipEntries.sort { Entry.precedes($0, $1) }
    var zone: ZoneRules?
    func window(_ channel: Int) -> Range<Instant>? {
      guard channel >= 0, compiled.hasWindows, let windows = compiled.channelWindows[channel] else { return nil }
      let rules = zone ?? customerZone(customer)
      zone = rules
      return windows.openingHours(on: date, in: rules)
    }
    var actions: [PlannedAction] = []
    actions.reserveCapacity(actionEntries.count)
    for entry in actionEntries {
      let decision = parts[entry.invoice].decisions[entry.decision]
      let occurrence = ledger.schedules[entry.invoice].occurrences[decision.occurrence]
      let declared = channels.action(ofStep: decision.step, declared: cadence.steps[decision.step].action)
      let channel = channels.channel(ofStep: decision.step)
      let id = occurrence.id(stepID: cadence.steps[decision.step].id)
      let late = day.saturatingSubtracting(decision.scheduled)
      guard entry.unit >= 0 else {
        var action = PlannedAction(
          invoice: invoices[entry.invoice].id, step: id, action: declared.kind, arguments: declared.arguments,
          channel: channel, scheduled: occurrence.scheduled, late: late, window: window(channels[decision.step]))
        action.invoice = invoices[entry.invoice].id
        action.priority = parts[entry.invoice].priority
        actions.append(action)
        continue
      }
      let unit = units[entry.unit]
      var merged = PlannedAction(
        id: "\(customer.id)/\(channel?.name ?? "")/\(date)", step: id, action: declared.kind,
        arguments: declared.arguments, channel: channel, scheduled: occurrence.scheduled, late: late,
        window: window(unit.channel))
      var covers: [CoveredStep] = []
      covers.reserveCapacity(unit.members.count)
      var priority = 0
      for member in unit.members {
        let covered = parts[member.invoice].decisions[member.decision]
        let coveredOccurrence = ledger.schedules[member.invoice].occurrences[covered.occurrence]
        covers.append(
          CoveredStep(
            invoice: invoices[member.invoice].id,
            step: coveredOccurrence.id(stepID: cadence.steps[covered.step].id)))
        priority = priority.saturatingAdding(parts[member.invoice].priority)
      }
      covers.sort { ($0.invoice, $0.step) < ($1.invoice, $1.step) }
      var ids: [String] = []
      for cover in covers where ids.last != cover.invoice { ids.append(cover.invoice) }
      merged.covers = covers
      merged.invoices = ids
      merged.priority = priority
      actions.append(merged)
    }
    var skipped: [SkippedStep] = []
    skipped.reserveCapacity(skipEntries.count)
    // Each invoice's field values, computed once for its skips that quote them.
    var values = [FieldValues?](repeating: nil, count: invoices.count)
    for entry in skipEntries {
      let decision = parts[entry.invoice].decisions[entry.decision]
      let schedule = ledger.schedules[entry.invoice]
      skipped.append(
        self.skip(
          decision, id: schedule.occurrences[decision.occurrence].id(stepID: cadence.steps[decision.step].id),
          on: date, promise: invoices[entry.invoice].promise?.date,
          stop: parts[entry.invoice].stop, schedule: schedule, channels: channels, contacts: ledger.contacts,
          values: {
            let facts =
              values[entry.invoice] ?? FieldValues(invoices[entry.invoice], parts[entry.invoice].inputs, on: day)
            values[entry.invoice] = facts
            return facts
          }))
      // Named in place: a skip changed before it is appended is copied whole.
      skipped[skipped.count - 1].invoice = invoices[entry.invoice].id
    }
    return (actions, skipped)
  }

  /// How much an invoice is worth working first: what it owes, in whole currency units, times
  /// its days overdue (0 before its due date).
  static func priority(_ owed: AmountsOwed, daysOverdue: Int) -> Int {
    guard daysOverdue > 0 else { return 0 }
    var scale: Int64 = 1
    for _ in 0..<owed.currency.minorUnits { scale *= 10 }
    let units = Int(owed.total.minorUnits / scale)
    return units.multipliedReportingOverflow(by: daysOverdue).overflow ? .max : units * daysOverdue
  }

  /// An invoice's input error, naming the invoice.
  static func about(_ invoice: borrowing Invoice, _ error: InvalidInput) -> InvalidInput {
    let named = error.errors.map { problem in
      InputError(
        path: problem.path, message: "invoice `\(SafeText.excerpt(invoice.id))`: \(problem.message)",
        offset: problem.offset)
    }
    return InvalidInput(named, unlisted: error.unlisted) ?? error
  }
}
