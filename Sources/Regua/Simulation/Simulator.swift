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
  public init(_ cadence: Cadence, environment: Environment = .standard) {
    evaluator = Evaluator(cadence, environment: environment)
  }

  /// Simulates from `start` (default: the issue date) through `end` (default: until nothing more
  /// is planned).
  ///
  /// - Parameters:
  ///   - invoice: The starting state; its history and payments are taken as given.
  ///   - start: The first day evaluated.
  ///   - end: The last day evaluated, if any.
  /// - Returns: The plans of the days on which something fired, the timeline, and the final state.
  public func run(_ invoice: Invoice, from start: CivilDate? = nil, through end: CivilDate? = nil) -> Simulation {
    let schedule = evaluator.schedule(for: invoice)
    var walk = Walk(invoice: invoice, start: start ?? invoice.issued)
    while let day = walk.day, end.map({ day <= $0 }) ?? true {
      walk.step(evaluator, schedule)
    }
    return Simulation(
      cadence: evaluator.cadence, start: start ?? invoice.issued, plans: walk.plans, finalState: walk.state,
      next: walk.next, evaluations: walk.evaluations)
  }

  /// The plan on `date` after simulating every earlier day from `start`: what the host would be
  /// asked to do that day had it executed everything before.
  public func plan(for invoice: Invoice, on date: CivilDate, from start: CivilDate? = nil) -> ActionPlan {
    plans(for: invoice, on: [date], from: start)[0]
  }

  /// The plans on several dates, each after simulating every earlier day from `start`, computed
  /// in one walk: one evaluation per date asked plus one per day something fires.
  ///
  /// - Returns: One plan per date, in the order the dates are given.
  public func plans(for invoice: Invoice, on dates: [CivilDate], from start: CivilDate? = nil) -> [ActionPlan] {
    let schedule = evaluator.schedule(for: invoice)
    var walk = Walk(invoice: invoice, start: start ?? invoice.issued)
    var plans: [CivilDate: ActionPlan] = [:]
    for date in Set(dates).sorted() {
      while let day = walk.day, day < date { walk.step(evaluator, schedule) }
      plans[date] = evaluator.plan(for: walk.state, on: date, schedule: schedule)
    }
    return dates.compactMap { plans[$0] }
  }

  /// A walk in progress: the state so far and the day to evaluate next.
  private struct Walk {
    var state: Invoice
    var day: CivilDate?
    var plans: [ActionPlan] = []
    var next: CivilDate?
    var evaluations = 0

    init(invoice: Invoice, start: CivilDate) {
      state = invoice
      day = start
    }

    /// Evaluates the current day, executes its actions and moves to its `next`.
    mutating func step(_ evaluator: Evaluator, _ schedule: Schedule) {
      guard let current = day else { return }
      let plan = evaluator.plan(for: state, on: current, schedule: schedule)
      evaluations += 1
      if !plan.actions.isEmpty {
        state = state.executing(plan)
        plans.append(plan)
      }
      next = plan.next
      day = plan.next
    }
  }
}

/// The outcome of a ``Simulator`` run.
public struct Simulation: Sendable, Hashable {
  /// The cadence simulated.
  public var cadence: Cadence
  /// The first day evaluated.
  public var start: CivilDate
  /// The plans of the days on which something fired, in date order.
  public var plans: [ActionPlan]
  /// The invoice with every executed action in its history.
  public var finalState: Invoice
  /// The next day something would fire after the simulated period, if any.
  public var next: CivilDate?
  /// How many evaluations the walk performed.
  public var evaluations: Int

  /// Every fired action in order, one entry each.
  public var timeline: [TimelineEntry] {
    var offsets: [String: Offset] = [:]
    for step in cadence.steps where offsets[step.id] == nil { offsets[step.id] = step.offset }
    return plans.flatMap { plan in
      plan.actions.map { action in
        TimelineEntry(
          date: plan.date, offset: offsets[HistoryLedger.stepID(of: action.step)] ?? .due(0), step: action.step,
          action: action.action, arguments: action.arguments, late: action.late)
      }
    }
  }
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
