/// A cadence's charge steps resolved once per evaluator: fixed rates as daily factors, rate
/// tables found in the environment and laid out once, and what each invoice's history makes
/// count.
struct ChargeRules: Sendable {
  /// What one step charges, resolved against the environment.
  enum StepCharge: Sendable {
    case fee(percent: Rate?, fixed: ChargeAmount?, maximum: ChargeAmount?)
    case interest(perDay: UInt64)
    case tableInterest(Int)
    case discount(Rate, until: Offset)
  }

  /// Per step: what it charges, `nil` for other steps.
  let steps: [StepCharge?]
  /// The rate tables (with their margins) interest steps read.
  let tables: [TableFactors]
  /// Whether any step charges.
  let isEmpty: Bool
  /// The amounts written with a currency, with their step's id: an invoice in another currency
  /// cannot take them.
  private let currencies: [(step: String, amount: ChargeAmount)]

  /// Resolves a cadence's charges.
  ///
  /// - Throws: ``EnvironmentError/unknownRateTable(_:cadence:known:)`` when a step names a rate
  ///   table the environment does not have.
  init(_ cadence: Cadence, environment: Environment) throws(EnvironmentError) {
    var steps: [StepCharge?] = []
    var tables: [TableFactors] = []
    var tableIndex: [String: Int] = [:]
    var currencies: [(step: String, amount: ChargeAmount)] = []
    steps.reserveCapacity(cadence.steps.count)
    for step in cadence.steps {
      guard let charge = step.charge else {
        steps.append(nil)
        continue
      }
      switch charge {
      case .fee(let amount, let maximum):
        if let maximum, maximum.currency != nil { currencies.append((step.id, maximum)) }
        switch amount {
        case .percent(let rate): steps.append(.fee(percent: rate, fixed: nil, maximum: maximum))
        case .fixed(let fixed):
          if fixed.currency != nil { currencies.append((step.id, fixed)) }
          steps.append(.fee(percent: nil, fixed: fixed, maximum: maximum))
        }
      case .interest(.fixed(let rate, let period)):
        steps.append(.interest(perDay: DailyFactors.perDay(rate, per: period)))
      case .interest(.table(let name, let margin)):
        guard let table = environment.rateTables[name] else {
          throw .unknownRateTable(name, cadence: cadence.name, known: environment.rateTables.keys.sorted())
        }
        if let cap = cadence.caps.first(where: { $0.kind == .interest }),
          let period = table.firstPeriod(plus: margin, above: cap.perDay)
        {
          throw .rateTableAboveCap(name, cadence: cadence.name, cap: cap, period: period)
        }
        let key = "\(name) plus \(margin)"
        if tableIndex[key] == nil {
          tableIndex[key] = tables.count
          tables.append(TableFactors(table, plus: margin))
        }
        steps.append(.tableInterest(tableIndex[key] ?? 0))
      case .discount(let rate, let until):
        steps.append(.discount(rate, until: until))
      }
    }
    self.steps = steps
    self.tables = tables
    self.currencies = currencies
    isEmpty = steps.allSatisfy { $0 == nil }
  }

  /// The charge occurrences of `invoice` executed (`executions`, whose days are in `ledger`),
  /// each counting from the day it was executed.
  ///
  /// - Throws: ``InvalidInput`` when a charge is written in another currency than the
  ///   invoice's, or its amount does not fit the invoice's minor units.
  func counted(
    for invoice: borrowing Invoice, schedule: borrowing Schedule, executions: ExecutionIndex,
    in ledger: borrowing ContactLedger
  ) throws(InvalidInput) -> [CountedCharge] {
    let currency = invoice.amount.currency
    for (step, amount) in currencies where amount.currency != currency {
      throw InvalidInput(
        InputError(
          path: "currency",
          message: "is \(currency.code), but the step `\(step)` charges `\(amount)`; "
            + "a charge in another currency cannot apply to this invoice"))
    }
    var counted: [CountedCharge] = []
    for (index, occurrence) in schedule.occurrences.enumerated() where steps[occurrence.step] != nil {
      let executed = executions.executedDay(index, in: ledger)
      guard executed != .max else { continue }
      if let charge = try charge(index, schedule: schedule, counted: executed, currency: currency) {
        counted.append(charge)
      }
    }
    return counted
  }

  /// The charge of occurrence `index` of `schedule`, counting from day `counted`; `nil` when
  /// its step charges nothing.
  ///
  /// - Throws: ``InvalidInput`` when its amount does not fit the currency's minor units.
  func charge(
    _ index: Int, schedule: borrowing Schedule, counted: Int, currency: Currency
  ) throws(InvalidInput) -> CountedCharge? {
    let occurrence = schedule.occurrences[index]
    guard let charge = steps[occurrence.step] else { return nil }
    let scheduled = occurrence.scheduled.daysSinceEpoch
    let effect: CountedCharge.Effect
    switch charge {
    case .fee(let percent, let fixed, let maximum):
      effect = .fee(
        percent: percent, fixed: try fixed.map { amount throws(InvalidInput) in try parts(amount, currency) },
        maximum: try maximum.map { amount throws(InvalidInput) in try parts(amount, currency) })
    case .interest(let perDay): effect = .interest(perDay: perDay)
    case .tableInterest(let table): effect = .tableInterest(table)
    case .discount(let rate, let until):
      effect = .discount(rate, through: schedule.date(of: until)?.daysSinceEpoch ?? scheduled - 1)
    }
    return CountedCharge(effect: effect, scheduled: scheduled, counted: counted, occurrence: index)
  }

  private func parts(_ amount: ChargeAmount, _ currency: Currency) throws(InvalidInput) -> WideUInt {
    guard let parts = CountedCharge.parts(of: amount.value, currency: currency) else {
      throw InvalidInput(InputError(path: "amount", message: "a charge of \(amount) \(currency.code) overflows"))
    }
    return parts
  }
}
