extension Simulator {
  /// Simulates an account from `start` (default: its earliest issue date) through `end`
  /// (default: until nothing more is planned), assuming the host executes every planned action
  /// on its day and records it in the histories it covers (``Account/record(_:on:)``); hands
  /// each account plan on a day something fires to `body` as it goes.
  ///
  /// The walk jumps from each plan's `next` to the following one, which is exact for accounts
  /// too, so it equals a day-by-day walk. With `.new`, each plan lists only the skips new since
  /// the previous one handed out (by invoice and step).
  ///
  /// - Returns: Where the walk started and ended, the final state and the evaluations made.
  /// - Throws: ``InvalidInput`` when an invoice's amounts cannot be computed on a day the walk
  ///   evaluates (``Evaluator/plan(for:on:)->AccountPlan``), or an action cannot be recorded (a
  ///   history at ``Bounds/documentItems``).
  @discardableResult
  public func walk(
    _ account: Account, from start: CivilDate? = nil, through end: CivilDate? = nil, listing: SkipListing,
    _ body: (AccountPlan) -> Void
  ) throws(InvalidInput) -> AccountSimulationSummary {
    let start = start ?? account.invoices.map(\.issued).min() ?? CivilDate.earliest
    var state = account
    var day: CivilDate? = start
    var next: CivilDate?
    var evaluations = 0
    var lastEvaluated: CivilDate?
    // With `.new`: why each invoice's step was skipped in the last plan handed out.
    var reasons: [String: SkipReason] = [:]
    while let current = day, end.map({ current <= $0 }) ?? true {
      var plan = try evaluator.plan(for: state, on: current)
      evaluations += 1
      lastEvaluated = current
      next = plan.next
      day = plan.next
      guard !plan.actions.isEmpty else { continue }
      for action in plan.actions { try state.record(action, on: current) }
      if listing == .new {
        let all = plan.skipped
        plan.skipped = all.filter { reasons[Simulator.key($0)] != $0.reason }
        reasons = [:]
        for skip in all { reasons[Simulator.key(skip)] = skip.reason }
      }
      body(plan)
    }
    let payments = account.invoices.flatMap { $0.payments.map(\.date) + [$0.promise?.made].compactMap { $0 } }
    let last = end ?? ([lastEvaluated ?? start] + payments).max() ?? start
    return AccountSimulationSummary(
      start: start, end: Swift.max(last, start), finalState: state, next: next, evaluations: evaluations)
  }

  private static func key(_ skip: SkippedStep) -> String { (skip.invoice ?? "") + "\u{0}" + skip.step }
}

/// Where a simulated walk of an account ended.
public struct AccountSimulationSummary: Sendable, Hashable {
  /// The first day evaluated.
  public var start: CivilDate
  /// The last day simulated: the walk's end when one is given; otherwise its last evaluation,
  /// or a later payment or promise of an invoice.
  public var end: CivilDate
  /// The account with every executed action in the histories it covers.
  public var finalState: Account
  /// The next day something would fire after the walk, if any.
  public var next: CivilDate?
  /// How many evaluations the walk performed.
  public var evaluations: Int
}

extension Simulator {
  /// Simulates an account like ``walk(_:from:through:listing:_:)-(Account,_,_,_,_)`` and keeps
  /// the plans of the days something fired, each whole, with the balance at the end.
  ///
  /// - Throws: ``InvalidInput`` as the walk does.
  public func run(
    _ account: Account, from start: CivilDate? = nil, through end: CivilDate? = nil
  ) throws(InvalidInput) -> AccountSimulation {
    var plans: [AccountPlan] = []
    let summary = try walk(account, from: start, through: end, listing: .all) { plans.append($0) }
    // The invoices' amounts added: `nil` as soon as two are in different currencies.
    var balance: AmountsOwed?
    for (index, invoice) in summary.finalState.invoices.enumerated() {
      let owed = try evaluator.amounts(for: invoice, on: summary.end)
      balance = index == 0 ? owed : balance?.adding(owed)
    }
    return AccountSimulation(
      cadence: evaluator.cadence, summary: summary, plans: plans, balance: balance)
  }
}

/// The outcome of simulating an account (``Simulator/run(_:from:through:)-(Account,_,_)``).
public struct AccountSimulation: Sendable, Hashable {
  /// The cadence simulated.
  public var cadence: Cadence
  /// Where the walk started and ended, the final state, `next`.
  public var summary: AccountSimulationSummary
  /// The account's plans on the days something fired, in date order, each whole.
  public var plans: [AccountPlan]
  /// What the account owes at the end, when its invoices are in one currency.
  public var balance: AmountsOwed?

  /// Creates a simulation.
  public init(cadence: Cadence, summary: AccountSimulationSummary, plans: [AccountPlan], balance: AmountsOwed?) {
    self.cadence = cadence
    self.summary = summary
    self.plans = plans
    self.balance = balance
  }
}
