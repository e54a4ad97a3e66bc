extension Evaluator {
  /// The earliest day after `date` on which an evaluation yields an action, given the ledger
  /// with today's actions recorded, or `nil`.
  ///
  /// The outcome of an evaluation can only start to include an action on a day when one of its
  /// inputs changes: a step's scheduled day, a dated fact (payment, promise, history entry)
  /// taking effect, a promise lapsing, a `days-overdue` threshold of a condition, a contact
  /// leaving a limit's window, or the issue date. Between such days, time only makes contacts
  /// later (which can only remove actions). So checking those days in order is exact, and costs
  /// a number of evaluations that grows with the number of steps and facts, not of days.
  func nextDate(after date: CivilDate, invoice: Invoice, ledger: HistoryLedger, schedule: [Int?]) -> CivilDate? {
    let today = date.daysSinceEpoch
    let issued = invoice.issued.daysSinceEpoch
    for day in changeDays(after: today, invoice: invoice, ledger: ledger, schedule: schedule) where day >= issued {
      let context = Context(
        facts: InvoiceFacts(invoice, on: CivilDate(daysSinceEpoch: day)), ledger: ledger, schedule: schedule)
      let stop = stopCause(context)
      if stop?.isPermanent == true { return nil }
      if decide(context, stop: stop).contains(where: \.verdict.isFiring) {
        return CivilDate(daysSinceEpoch: day)
      }
    }
    return nil
  }

  /// The days after `today` on which an evaluation's inputs change, sorted and unique.
  func changeDays(after today: Int, invoice: Invoice, ledger: HistoryLedger, schedule: [Int?]) -> [Int] {
    var days: [Int] = []
    days.append(invoice.issued.daysSinceEpoch)
    days += schedule.compactMap { $0 }
    days += invoice.payments.map(\.date.daysSinceEpoch)
    days += ledger.entryDays
    if let promise = invoice.promise {
      if let made = promise.made { days.append(made.daysSinceEpoch) }
      days.append(promise.date.daysSinceEpoch + 1)
    }
    let due = invoice.due.daysSinceEpoch
    for threshold in layout.daysOverdueThresholds {
      days.append(due + threshold)
      days.append(due + threshold + 1)
    }
    for (limitIndex, limit) in layout.limits.enumerated() {
      days += ledger.limitEntries[limitIndex].map { $0 + limit.days }
    }
    return Array(Set(days.filter { $0 > today })).sorted()
  }
}
