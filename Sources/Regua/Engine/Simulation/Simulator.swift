/// Walks time for one invoice, assuming the host executes every planned action on the day it is
/// planned and records it in the history.
///
/// The walk jumps from each plan's `next` to the following one instead of stepping day by day.
/// Because `next` is exact — it already accounts for the input's own dated events (payments,
/// promises, history entries) taking effect — the result equals a day-by-day walk, and its cost
/// grows with the number of steps, not the number of days.
///
/// ```swift
/// let simulation = Simulator(cadence).run(invoice)
/// print(simulation.timeline.map(\.line).joined(separator: "\n"))
/// ```
public struct Simulator: Sendable {
  /// The evaluator the simulation uses.
  public let evaluator: Evaluator

  /// Prepares a cadence for simulation.
  ///
  /// - Throws: ``EnvironmentError`` when the cadence names a calendar the environment does not
  ///   have.
  public init(_ cadence: Cadence, environment: Environment = .standard) throws(EnvironmentError) {
    evaluator = try Evaluator(cadence, environment: environment)
  }

  /// Simulates with an evaluator already built.
  public init(_ evaluator: Evaluator) {
    self.evaluator = evaluator
  }

  /// Simulates from `start` (default: the issue date) through `end` (default: until nothing more
  /// is planned).
  ///
  /// - Parameters:
  ///   - invoice: The starting state; its history and payments are taken as given.
  ///   - start: The first day evaluated.
  ///   - end: The last day evaluated, if any.
  /// - Returns: The plans of the days on which something fired, the timeline, and the final state.
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed on a day the walk
  ///   evaluates (``Evaluator/plan(for:on:)->ActionPlan``).
  public func run(
    _ invoice: Invoice, from start: CivilDate? = nil, through end: CivilDate? = nil
  ) throws(InvalidInput) -> Simulation {
    var plans: [ActionPlan] = []
    let summary = try walk(invoice, from: start, through: end, listing: .all) { plans.append($0) }
    return Simulation(
      cadence: evaluator.cadence, start: summary.start, end: summary.end, plans: plans,
      finalState: summary.finalState, next: summary.next, evaluations: summary.evaluations,
      events: try events(of: summary, actions: TimelineEntry.entries(of: plans, in: evaluator.cadence)))
  }

  /// Which skips the plans of a walk list.
  public enum SkipListing: Sendable, Hashable {
    /// Every skip, as ``Evaluator/plan(for:on:)->ActionPlan`` lists them.
    case all
    /// Only the skips new since the previous plan handed out: a step skipped for the first
    /// time, or for another reason than in that plan (what `regua simulate --json` prints).
    case new
  }

  /// Simulates like ``run(_:from:through:)-(Invoice,_,_)`` but hands each plan on a day something fires to
  /// `body` as it goes instead of keeping them, so memory stays proportional to the input
  /// whatever the length of the walk. With `.new`, each plan lists only the skips new since the
  /// previous one, so the plans grow with what happens, not with steps × days.
  ///
  /// - Returns: Where the walk started and ended: the final state, `next`, the evaluations made.
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed on a day the walk
  ///   evaluates (``Evaluator/plan(for:on:)->ActionPlan``).
  @discardableResult
  public func walk(
    _ invoice: Invoice, from start: CivilDate? = nil, through end: CivilDate? = nil, listing: SkipListing,
    _ body: (ActionPlan) -> Void
  ) throws(InvalidInput) -> SimulationSummary {
    let start = start ?? invoice.issued
    var walk = Walk(evaluator, invoice: invoice, start: start, listing: listing)
    while let day = walk.day, end.map({ day <= $0 }) ?? true {
      if let plan = try walk.step() { body(plan) }
    }
    // Without an end, the walk covers its last evaluation and the input's own dated events
    // after it: a payment after the last action still belongs to the invoice's story.
    let last =
      end
      ?? ([walk.lastEvaluated ?? start] + invoice.payments.map(\.date) + [invoice.promise?.made].compactMap { $0 })
      .max() ?? start
    return SimulationSummary(
      start: start, end: Swift.max(last, start), finalState: walk.state, next: walk.next,
      evaluations: walk.evaluations)
  }

  /// The plan on `date` after simulating every earlier day from `start`: what the host would be
  /// asked to do that day had it executed everything before.
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed on a day the walk
  ///   evaluates (``Evaluator/plan(for:on:)->ActionPlan``).
  public func plan(
    for invoice: Invoice, on date: CivilDate, from start: CivilDate? = nil
  ) throws(InvalidInput) -> ActionPlan {
    var found: ActionPlan?
    try forEachPlan(for: invoice, on: [date], from: start) { found = $0 }
    guard let found else { return try evaluator.plan(for: invoice, on: date) }
    return found
  }

  /// The plans on several dates, each after simulating every earlier day from `start`, computed
  /// in one walk: one evaluation per date asked plus one per day something fires.
  ///
  /// - Returns: One plan per date, in the order the dates are given.
  /// - Throws: ``InvalidInput`` when the invoice's charges cannot be computed on a day the walk
  ///   evaluates (``Evaluator/plan(for:on:)->ActionPlan``).
  public func plans(
    for invoice: Invoice, on dates: [CivilDate], from start: CivilDate? = nil
  ) throws(InvalidInput) -> [ActionPlan] {
    try plansCountingEvaluations(for: invoice, on: dates, from: start).plans
  }

  /// ``plans(for:on:from:)``, and how many evaluations the walk made.
  func plansCountingEvaluations(
    for invoice: Invoice, on dates: [CivilDate], from start: CivilDate? = nil
  ) throws(InvalidInput) -> (plans: [ActionPlan], evaluations: Int) {
    var plans: [CivilDate: ActionPlan] = [:]
    let evaluations = try forEachPlan(for: invoice, on: dates, from: start) { plans[$0.date] = $0 }
    return (dates.compactMap { plans[$0] }, evaluations)
  }

  /// Hands the plan of each of `dates` to `body`, in date order and each date once, computed as
  /// ``plans(for:on:from:)`` computes them, without keeping them: a caller that needs a few
  /// facts of each plan holds memory for those only.
  ///
  /// - Returns: How many evaluations the walk made.
  @discardableResult
  func forEachPlan(
    for invoice: Invoice, on dates: [CivilDate], from start: CivilDate? = nil, _ body: (ActionPlan) -> Void
  ) throws(InvalidInput) -> Int {
    try forEachDate(of: invoice, dates, from: start) { walk, date throws(InvalidInput) in
      body(try walk.plan(on: date))
    }
  }

  /// Walks to each of `dates` in order, each once, and hands `body` the walk standing before it.
  private func forEachDate(
    of invoice: Invoice, _ dates: [CivilDate], from start: CivilDate?,
    _ body: (Walk, CivilDate) throws(InvalidInput) -> Void
  ) throws(InvalidInput) -> Int {
    var walk = Walk(evaluator, invoice: invoice, start: start ?? invoice.issued, listing: .all)
    for date in Set(dates).sorted() {
      while let day = walk.day, day < date { try walk.step() }
      try body(walk, date)
      walk.evaluations += 1
    }
    return walk.evaluations
  }

  /// A walk in progress: the state so far, its history indexed once and kept up to date, and
  /// the day to evaluate next.
  private struct Walk {
    let evaluator: Evaluator
    let schedule: Schedule
    let channels: ChannelTable
    var state: Invoice
    var ledger: HistoryLedger
    var day: CivilDate?
    var next: CivilDate?
    var evaluations = 0
    /// The last day evaluated by ``step()``.
    var lastEvaluated: CivilDate?
    /// With `.new`: the reasons of the last plan handed out.
    let newSkips: NewSkips?

    init(_ evaluator: Evaluator, invoice: Invoice, start: CivilDate, listing: SkipListing) {
      self.evaluator = evaluator
      schedule = evaluator.schedule(for: invoice)
      channels = evaluator.channels(for: invoice.customer)
      ledger = HistoryLedger(invoice.history, schedule: schedule, cadence: evaluator.compiled, channels: channels)
      newSkips = listing == .new ? NewSkips(occurrences: schedule.occurrences.count) : nil
      state = invoice
      day = start
    }

    /// Evaluates the current day, executes its actions and moves to its `next`; returns the
    /// plan when something fired.
    @discardableResult
    mutating func step() throws(InvalidInput) -> ActionPlan? {
      guard let current = day else { return nil }
      // The plan records its own actions in the ledger: exactly the entries `executing` adds.
      newSkips?.begin()
      let plan = try evaluator.plan(
        for: state, on: current, schedule: schedule, channels: channels, ledger: &ledger, newSkips: newSkips)
      evaluations += 1
      lastEvaluated = current
      next = plan.next
      day = plan.next
      guard !plan.actions.isEmpty else { return nil }
      newSkips?.commit()
      // In place: the walk owns its state, so the history grows without being copied.
      state.history.append(contentsOf: plan.actions.map { HistoryEntry(step: $0.step, date: plan.date) })
      return plan
    }

    /// The whole plan of `date` in the current state, without moving the walk.
    func plan(on date: CivilDate) throws(InvalidInput) -> ActionPlan {
      var copy = ledger
      return try evaluator.plan(
        for: state, on: date, schedule: schedule, channels: channels, ledger: &copy, newSkips: nil)
    }
  }
}

/// Where a simulated walk ended.
public struct SimulationSummary: Sendable, Hashable {
  /// The first day evaluated.
  public var start: CivilDate
  /// The last day simulated: the walk's end when one is given; otherwise its last evaluation,
  /// or a later payment or promise of the input (its story goes on after the last action).
  public var end: CivilDate
  /// The invoice with every executed action in its history.
  public var finalState: Invoice
  /// The next day something would fire after the walk, if any.
  public var next: CivilDate?
  /// How many evaluations the walk performed.
  public var evaluations: Int
}

/// The outcome of a ``Simulator`` run.
public struct Simulation: Sendable, Hashable {
  /// The cadence simulated.
  public var cadence: Cadence
  /// The first day evaluated.
  public var start: CivilDate
  /// The last day simulated (see ``SimulationSummary/end``).
  public var end: CivilDate
  /// The plans of the days on which something fired, in date order, each whole. (For long
  /// walks, ``Simulator/walk(_:from:through:listing:_:)-(Invoice,_,_,_,_)`` hands the plans out without keeping
  /// them.)
  public var plans: [ActionPlan]
  /// The invoice with every executed action in its history.
  public var finalState: Invoice
  /// The next day something would fire after the simulated period, if any.
  public var next: CivilDate?
  /// How many evaluations the walk performed.
  public var evaluations: Int
  /// Every action and change of state in date order (``Simulator/events(of:actions:)``).
  public var events: [SimulationEvent]

  /// Every fired action in order, one entry each.
  public var timeline: [TimelineEntry] { TimelineEntry.entries(of: plans, in: cadence) }
}

extension Invoice {
  /// The invoice with the actions of `plan` recorded in its history on the plan's date, as a
  /// host does after executing them.
  public func executing(_ plan: ActionPlan) -> Invoice {
    var copy = self
    copy.history += plan.actions.map { HistoryEntry(step: $0.step, date: plan.date) }
    return copy
  }
}
