extension Evaluator {
  /// How the amounts `invoice` owes at the end of `day` follow from its payments and the charge
  /// steps executed in `ledger` (today's actions recorded: the plan's balance), each term named
  /// by its step and written with its rate.
  ///
  /// - Throws: ``InvalidInput`` when a charge is in another currency than the invoice's.
  func derivation(
    for invoice: borrowing Invoice, on day: Int, schedule: borrowing Schedule, ledger: borrowing HistoryLedger
  ) throws(InvalidInput) -> AmountsDerivation {
    let counted = try charges.counted(
      for: invoice, schedule: schedule, executions: ledger.executions, in: ledger.contacts)
    let currency = invoice.amount.currency
    let (events, owed) = AmountsTimeline.derivation(
      invoiced: invoice.amount, payments: invoice.payments, charges: counted, tables: charges.tables, through: day)
    func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }
    func step(_ index: Int) -> (id: String, charge: Charge?) {
      let occurrence = schedule.occurrences[index]
      return (occurrence.id(stepID: cadence.steps[occurrence.step].id), cadence.steps[occurrence.step].charge)
    }
    var terms: [AmountTerm] = []
    // Interest terms in exact parts, by index of `terms`, so that adjacent stretches of one step
    // at one rate on one principal merge exactly; and each step's latest interest term.
    var interestParts: [Int: WideUInt] = [:]
    var latestInterest: [String: Int] = [:]
    for event in events {
      switch event {
      case .fee(let charge, let feeDay, let principal, let parts):
        let (id, written) = step(charge)
        guard case .fee(let amount, let maximum) = written else { continue }
        var rate: Rate?
        if case .percent(let percent) = amount { rate = percent }
        let cap = maximum.flatMap { CountedCharge.parts(of: $0.value, currency: currency) }
          .map { PreciseAmount.of($0, currency).rounded }
        terms.append(
          .fee(
            step: id, date: CivilDate(daysSinceEpoch: feeDay), principal: money(principal), rate: rate, maximum: cap,
            amount: PreciseAmount.of(parts, currency)))
      case .interest(let charge, let first, let last, let principal, let month, let parts):
        let (id, written) = step(charge)
        guard let rate = dailyRate(written, month: month) else { continue }
        if let index = latestInterest[id], let previous = interestParts[index],
          case .interest(id, let from, let through, money(principal), rate, _) = terms[index],
          through.daysSinceEpoch + 1 == first, let sum = previous.adding(parts)
        {
          interestParts[index] = sum
          terms[index] = .interest(
            step: id, from: from, through: CivilDate(daysSinceEpoch: last), principal: money(principal), rate: rate,
            amount: PreciseAmount.of(sum, currency))
          continue
        }
        interestParts[terms.count] = parts
        latestInterest[id] = terms.count
        terms.append(
          .interest(
            step: id, from: CivilDate(daysSinceEpoch: first), through: CivilDate(daysSinceEpoch: last),
            principal: money(principal), rate: rate, amount: PreciseAmount.of(parts, currency)))
      case .payment(let paymentDay, let amount, let interest, let fees, let principal, let paidToPrincipal):
        latestInterest = [:]
        terms.append(
          .payment(
            date: CivilDate(daysSinceEpoch: paymentDay), amount: money(amount), interest: money(interest),
            fees: money(fees), paidToPrincipal: money(paidToPrincipal), principal: money(principal)))
      case .discount(let charge, let principal, let amount):
        let (id, written) = step(charge)
        guard case .discount(let rate, let until) = written else { continue }
        terms.append(
          .discount(
            step: id, through: schedule.date(of: until), principal: money(principal), rate: rate,
            amount: money(amount)))
      }
    }
    return AmountsDerivation(terms: terms, owed: owed)
  }

  /// The daily rate of an interest charge: its fixed rate over its period's days, or its rate
  /// table's rate for `month` (months since year 0) with its margin.
  private func dailyRate(_ charge: Charge?, month: Int?) -> DailyRate? {
    switch charge {
    case .interest(.fixed(let rate, let period)):
      return DailyRate(rate: rate, days: period == .day ? 1 : period == .month ? 30 : 365)
    case .interest(.table(let name, let margin)):
      guard let month, let table = environment.rateTables[name], let rate = table.rate(inMonth: month) else {
        return nil
      }
      let days = table.period == .month ? CivilDate.daysIn(month: month % 12 + 1, year: month / 12) : 365
      return DailyRate(rate: rate, margin: margin, days: days, table: name)
    default:
      return nil
    }
  }
}
