extension Evaluator {
  /// Why the plan for `invoice` on `date` is what it is: every step with what decided it and
  /// the values its conditions saw, the stop and pause rules, the promise, the limits' windows,
  /// and what `next` brings.
  ///
  /// Computed only when asked, and costlier than ``plan(for:on:)->ActionPlan``: besides the plan it
  /// evaluates the day before (to tell which skips are new) and each day a missed step could
  /// still have gone out (to tell what held it then) — up to the catch-up's length times the
  /// steps. `held` narrows that work to the missed steps a reader will see.
  ///
  /// - Parameters:
  ///   - invoice: The invoice.
  ///   - date: The evaluation date.
  ///   - held: Which missed steps get ``StepExplanation/held``: every one (the default), or only
  ///     those whose skip is new today (what `regua plan` lists).
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed
  ///   (``plan(for:on:)->ActionPlan``).
  public func explain(
    _ invoice: Invoice, on date: CivilDate, held: HeldDaysScope = .all
  ) throws(InvalidInput) -> Explanation {
    try explain(invoice, on: date, held: held, share: nil)
  }

  /// What an invoice's explanation takes from its account's explanation.
  struct AccountShare {
    /// The invoice's share of the account's plan: the actions that cover it, its skips.
    var plan: ActionPlan
    /// The account's invoices the account fields read, and which of them this one is.
    var peers: [AccountPeer]
    var peerSelf: Int
    /// Why each of its steps was skipped in the account's plan the day before, by step id.
    var yesterday: [String: SkipReason]
  }

  /// The explanation of `invoice` alone, or (with `share`) as part of an account: then its
  /// outcomes are the account's, its conditions read the account fields, and the limits, waits,
  /// next actions and held days are left to the account's explanation.
  func explain(
    _ invoice: Invoice, on date: CivilDate, held: HeldDaysScope, share: AccountShare?
  ) throws(InvalidInput) -> Explanation {
    let day = date.daysSinceEpoch
    let schedule = schedule(for: invoice)
    let channels = channels(for: invoice.customer)
    let history = HistoryLedger(invoice.history, schedule: schedule, cadence: compiled, channels: channels)
    var ledger = history
    let plan: ActionPlan
    if let share {
      plan = share.plan
    } else {
      plan = try self.plan(
        for: invoice, on: date, schedule: schedule, channels: channels, ledger: &ledger, newSkips: nil)
    }
    let timeline = try self.timeline(for: invoice, schedule: schedule, ledger: history)
    var inputs = ConditionInputs(
      timeline: timeline, status: invoice.status, writeOffDay: history.writeOffDay,
      invariants: InvariantAnswers(compiled.program, invoice: invoice))
    if let share {
      inputs.peers = share.peers
      inputs.peerSelf = share.peerSelf
    }
    let values = FieldValues(invoice, inputs, on: day)
    let stop = day >= timeline.issued ? stopCause(on: day, status: invoice.status, inputs) : nil

    var yesterday: [String: SkipReason] = share?.yesterday ?? [:]
    if share == nil, day > CivilDate.earliest.daysSinceEpoch {
      var copy = history
      let plan = try self.plan(
        for: invoice, on: CivilDate(daysSinceEpoch: day - 1), schedule: schedule, channels: channels, ledger: &copy,
        newSkips: nil)
      for skip in plan.skipped { yesterday[skip.step] = skip.reason }
    }
    // Each step's occurrences in schedule order, and today's outcomes by occurrence id: built
    // once, so a large cadence costs no search per step.
    var occurrences: [[Int]] = Array(repeating: [], count: cadence.steps.count)
    for (index, occurrence) in schedule.occurrences.enumerated() { occurrences[occurrence.step].append(index) }
    var outcomes: [String: StepStatus] = [:]
    for action in plan.actions {
      // A merged contact fires every step it covers of this invoice.
      guard !action.covers.isEmpty else {
        outcomes[action.step] = .fires(action)
        continue
      }
      for cover in action.covers where cover.invoice == invoice.id { outcomes[cover.step] = .fires(action) }
    }
    for skip in plan.skipped { outcomes[skip.step] = .skipped(skip) }
    if share != nil {
      // The account's plan fired these: recorded, as the invoice's own plan records its actions,
      // so the amounts below count today's charges as the plan's balance does.
      for (index, occurrence) in schedule.occurrences.enumerated() where history.executedDay(index) > day {
        let id = occurrence.id(stepID: cadence.steps[occurrence.step].id)
        if case .fires = outcomes[id] {
          ledger.record(index, step: occurrence.step, on: day, cadence: compiled, channels: channels)
        }
      }
    }
    var steps: [StepExplanation] = []
    steps.reserveCapacity(schedule.occurrences.count)
    for (step, indices) in occurrences.enumerated() {
      guard !indices.isEmpty else {
        steps.append(
          StepExplanation(step: cadence.steps[step], id: cadence.steps[step].id, scheduled: nil, outcome: .unscheduled))
        continue
      }
      for index in indices {
        steps.append(
          explainOccurrence(
            index, on: day, outcomes: outcomes, yesterday: yesterday, schedule: schedule, history: history,
            values: values))
      }
    }
    if share == nil {
      try fillHeldDays(
        &steps, scope: held, invoice: invoice, schedule: schedule, channels: channels, history: history)
    }
    var nextActions: [PlannedAction] = []
    if share == nil, let next = plan.next {
      var after = ledger
      nextActions = try self.plan(
        for: invoice, on: next, schedule: schedule, channels: channels, ledger: &after, newSkips: nil
      ).actions
    }
    var explanation = Explanation(
      plan: plan, values: values, schedule: schedule, stop: stop,
      stopRules: cadence.stopConditions.map { $0.trace(values) },
      pauseRules: cadence.pauseConditions.map { $0.trace(values) }, promise: invoice.promise,
      limits: share == nil ? cadence.limits.map { limitWindow($0, on: day, contacts: ledger.contacts) } : [],
      steps: steps,
      nextActions: nextActions,
      dueClosed: schedule.effectiveDue == schedule.due ? nil : schedule.nonBusinessDay(schedule.due),
      amounts: charges.isEmpty ? nil : try derivation(for: invoice, on: day, schedule: schedule, ledger: ledger),
      caps: cadence.caps)
    if share == nil { explanation.waits = waits(after: [invoice], on: day) }
    explanation.historyProblems = checkHistory(of: invoice, on: date)
    return explanation
  }

  /// Each `after conversation wait` line on `day`, with the latest conversation recorded in
  /// the histories of `invoices` if it still holds contacts.
  func waits(after invoices: [Invoice], on day: Int) -> [ConversationWaitState] {
    let latest = invoices.lazy.flatMap(\.history).filter { $0.kind == .conversation && $0.date.daysSinceEpoch <= day }
      .map(\.date).max()
    return cadence.conversationWaits.map { wait in
      guard let latest, latest.daysSinceEpoch.saturatingAdding(wait.days) > day else {
        return ConversationWaitState(wait: wait, conversation: nil, until: nil)
      }
      return ConversationWaitState(
        wait: wait, conversation: latest, until: CivilDate(daysSinceEpoch: latest.daysSinceEpoch + wait.days))
    }
  }

  /// Why the plan for `account` on `date` is what it is: the account's plan, its limits and
  /// waits across the invoices, what `next` brings, and each invoice explained as part of the
  /// account (``AccountExplanation/invoices``).
  ///
  /// Computed only when asked: besides the plan it evaluates the day before (to tell which
  /// skips are new) and the `next` day.
  ///
  /// - Throws: ``InvalidInput`` when an invoice's amounts cannot be computed
  ///   (``plan(for:on:)->AccountPlan``); the message names the invoice.
  public func explain(_ account: Account, on date: CivilDate) throws(InvalidInput) -> AccountExplanation {
    let day = date.daysSinceEpoch
    let channels = channels(for: account.customer)
    var ledger = AccountLedger(account.invoices, evaluator: self, channels: channels)
    let before = ledger
    let plan = try plan(for: account.invoices, of: account.customer, on: date, channels: channels, ledger: &ledger)
    var yesterday: [String: [String: SkipReason]] = [:]
    if day > CivilDate.earliest.daysSinceEpoch {
      var copy = before
      let earlier = try self.plan(
        for: account.invoices, of: account.customer, on: CivilDate(daysSinceEpoch: day - 1), channels: channels,
        ledger: &copy)
      for skip in earlier.skipped { yesterday[skip.invoice ?? "", default: [:]][skip.step] = skip.reason }
    }
    // What the account fields read: every invoice's amounts with its history's charges.
    var inputs: [ConditionInputs] = []
    for (index, invoice) in account.invoices.enumerated() {
      do throws(InvalidInput) {
        let history = before.executions[index]
        inputs.append(
          ConditionInputs(
            timeline: try timeline(
              for: invoice, schedule: before.schedules[index], executions: history, in: before.contacts),
            status: invoice.status, writeOffDay: history.writeOffDay,
            invariants: InvariantAnswers(compiled.program, invoice: invoice)))
      } catch {
        throw Evaluator.about(invoice, error)
      }
    }
    Evaluator.gatherPeers(&inputs, \.self)
    var invoices: [Explanation] = []
    invoices.reserveCapacity(account.invoices.count)
    for (index, invoice) in account.invoices.enumerated() {
      let share = ActionPlan(
        cadence: plan.cadence, version: plan.version, invoice: invoice.id, date: date,
        actions: plan.actions.filter { $0.invoice == invoice.id || $0.invoices.contains(invoice.id) },
        skipped: plan.skipped.filter { $0.invoice == invoice.id }, next: plan.next,
        balance: plan.balances[invoice.id] ?? inputs[index].timeline.amounts.owed(at: day))
      invoices.append(
        try explain(
          invoice, on: date, held: .newSkips,
          share: AccountShare(
            plan: share, peers: inputs[index].peers, peerSelf: inputs[index].peerSelf,
            yesterday: yesterday[invoice.id] ?? [:])))
    }
    var nextActions: [PlannedAction] = []
    if let next = plan.next {
      var after = ledger
      nextActions = try self.plan(
        for: account.invoices, of: account.customer, on: next, channels: channels, ledger: &after
      ).actions
    }
    // A merged contact takes the step id and date of the member it was chosen from: among its
    // covers with that step and date, the greatest invoice id (the last tie-break).
    var scheduled: [String: CivilDate] = [:]
    for explanation in invoices {
      for step in explanation.steps { scheduled[explanation.plan.invoice + "\u{0}" + step.id] = step.scheduled }
    }
    var chosen: [String: CoveredStep] = [:]
    for action in plan.actions where !action.covers.isEmpty {
      chosen[action.id] = action.covers.last { cover in
        cover.step == action.step && scheduled[cover.invoice + "\u{0}" + cover.step] == action.scheduled
      }
    }
    return AccountExplanation(
      plan: plan, invoices: invoices,
      limits: cadence.limits.map { limitWindow($0, on: day, contacts: ledger.contacts) },
      waits: waits(after: account.invoices, on: day), nextActions: nextActions, chosen: chosen)
  }

  private func explainOccurrence(
    _ index: Int, on day: Int, outcomes: [String: StepStatus], yesterday: [String: SkipReason],
    schedule: Schedule, history: HistoryLedger, values: FieldValues
  ) -> StepExplanation {
    let occurrence = schedule.occurrences[index]
    let step = cadence.steps[occurrence.step]
    let id = occurrence.id(stepID: step.id)
    var explanation = StepExplanation(step: step, id: id, scheduled: occurrence.scheduled, outcome: .upcoming)
    // A step that comes due once is on its offset's date; a keyed series has dates of its own.
    if occurrence.key == .single, let date = schedule.stepDate(of: step), date.scheduled == occurrence.scheduled {
      explanation.date = date
    }
    let executed = history.executedDay(index)
    if executed <= day {
      explanation.outcome = .done(CivilDate(daysSinceEpoch: executed))
      return explanation
    }
    let scheduled = occurrence.scheduled.daysSinceEpoch
    var judgedByConditions = scheduled > day
    if scheduled <= day {
      if day < schedule.issued.daysSinceEpoch {
        explanation.outcome = .notIssued
        return explanation
      }
      // Every occurrence due by the date and not executed is in the plan, fired or skipped.
      guard let outcome = outcomes[id] else { return explanation }
      explanation.outcome = outcome
      if case .skipped(let skip) = outcome {
        explanation.isNewSkip = yesterday[id] != skip.reason
        judgedByConditions = [.condition, .optedOut, .superseded, .limited].contains(skip.reason)
      } else {
        judgedByConditions = true
      }
    }
    if judgedByConditions {
      explanation.when = step.when?.trace(values)
      if explanation.when?.value ?? true { explanation.unless = step.unless?.trace(values) }
    }
    return explanation
  }

  /// Fills in what held each missed step on each day it could still go out (its scheduled
  /// date through the end of its catch-up, from the issue date), in runs of one reason.
  ///
  /// The days are visited once, in order, each evaluated once for every missed step whose days
  /// include it, so the cost is the number of distinct days times the steps — never the days
  /// times the steps times the missed steps — and memory holds one day's plan at a time. A step
  /// lists its first ``StepExplanation/heldRunsListed`` runs and counts the others.
  private func fillHeldDays(
    _ steps: inout [StepExplanation], scope: HeldDaysScope, invoice: Invoice, schedule: Schedule,
    channels: ChannelTable, history: HistoryLedger
  ) throws(InvalidInput) {
    let issued = schedule.issued.daysSinceEpoch
    var windows: [(step: Int, first: Int, last: Int)] = []
    for (index, step) in steps.enumerated() {
      guard case .skipped(let skip) = step.outcome, skip.reason == .missed, scope == .all || step.isNewSkip else {
        continue
      }
      let scheduled = skip.scheduled.daysSinceEpoch
      let first = Swift.max(scheduled, issued)
      let last = scheduled.saturatingAdding(cadence.catchUpDays)
      // Computed: no runs yet, and none at all when every day fell before the issue date.
      steps[index].held = []
      if first <= last { windows.append((index, first, last)) }
    }
    windows.sort { $0.first < $1.first }
    var next = 0
    var active: [(step: Int, first: Int, last: Int)] = []
    // Per step, the reason of its latest day: where a run starts once runs are only counted.
    var lastReasons: [Int: SkipReason?] = [:]
    var day = windows.first?.first ?? 0
    while next < windows.count || !active.isEmpty {
      if active.isEmpty { day = Swift.max(day, windows[next].first) }
      while next < windows.count, windows[next].first <= day {
        active.append(windows[next])
        next += 1
      }
      var ledger = history
      let plan = try self.plan(
        for: invoice, on: CivilDate(daysSinceEpoch: day), schedule: schedule, channels: channels, ledger: &ledger,
        newSkips: nil)
      var skips: [String: SkippedStep] = [:]
      for skip in plan.skipped { skips[skip.step] = skip }
      let date = CivilDate(daysSinceEpoch: day)
      for window in active {
        let hold = skips[steps[window.step].id]
        var held = steps[window.step].held ?? []
        steps[window.step].held = nil  // so the runs are extended in place, not copied
        if steps[window.step].heldRunsOmitted > 0 {
          // Past the listed runs: only count where a new one starts.
          if hold?.reason != lastReasons[window.step] { steps[window.step].heldRunsOmitted += 1 }
        } else if let last = held.last, last.hold?.reason == hold?.reason {
          held[held.count - 1].through = date
        } else if held.count < StepExplanation.heldRunsListed {
          held.append(HeldDays(from: date, through: date, hold: hold))
        } else {
          steps[window.step].heldRunsOmitted = 1
        }
        lastReasons[window.step] = hold?.reason
        steps[window.step].held = held
      }
      active.removeAll { $0.last <= day }
      day += 1
    }
  }

  /// A limit's window ending on `day`, counted in `contacts` (today's actions recorded).
  private func limitWindow(_ limit: ContactLimit, on day: Int, contacts: ContactLedger) -> LimitWindow {
    let channel = limit.channel.flatMap { compiled.channelNumbers.index(of: $0) } ?? compiled.otherChannel
    let from = day.saturatingSubtracting(limit.days) + 1
    let used = contacts.count(limit, channel: channel, from: from, through: day)
    var frees: CivilDate?
    if used >= limit.count {
      let room = contacts.nextRoom(limit, channel: channel, from: day.saturatingAdding(1))
      if room <= CivilDate.latest.daysSinceEpoch { frees = CivilDate(daysSinceEpoch: room) }
    }
    return LimitWindow(
      limit: limit, from: CivilDate(daysSinceEpoch: Swift.max(from, CivilDate.earliest.daysSinceEpoch)), used: used,
      frees: frees)
  }
}
