import Testing

extension Evaluator {
  /// The plan on a day named by an offset of the invoice: `plan(for: invoice, on: "D+14")`.
  ///
  /// This evaluates the invoice's state as given (its own history only). To see the plan after
  /// the host executed everything before, use ``Simulator/plan(for:on:from:)``.
  public func plan(for invoice: Invoice, on offset: String) throws -> ActionPlan {
    try plan(for: invoice, on: try schedule(for: invoice).date(at: offset))
  }
}

/// Expects the simulated timeline of `invoice` under `cadence` to be exactly `expected`, one
/// entry per line in the notation `regua simulate` prints (white space may differ).
///
/// On a mismatch the test fails with both timelines side by side and the first difference
/// marked:
///
/// ```swift
/// try expectTimeline(cadence, invoice, from: "D-5", to: "D+40", """
///   2026-03-05  D-5   email  upcoming
///   2026-03-12  D+2   email  missed-payment
///   """)
/// ```
/// - Parameters:
///   - cadence: The cadence simulated.
///   - invoice: The starting state.
///   - from: The first day, as an offset (`D-5`) or a date; the issue date when `nil`.
///   - to: The last day, as an offset or a date; until nothing more is planned when `nil`.
///   - expected: The expected entries, one per line.
///   - sourceLocation: Where the failure is reported; the caller's line by default.
public func expectTimeline(
  _ cadence: Cadence, _ invoice: Invoice, from: String? = nil, to: String? = nil, _ expected: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let comparison = try timelineComparison(cadence, invoice, from: from, to: to, expected: expected)
  if let report = comparison.report {
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
  }
}

/// The comparison ``expectTimeline(_:_:from:to:_:sourceLocation:)`` makes, for inspecting it.
public func timelineComparison(
  _ cadence: Cadence, _ invoice: Invoice, from: String? = nil, to: String? = nil, expected: String
) throws -> TimelineComparison {
  let simulator = try Simulator(cadence)
  let schedule = simulator.evaluator.schedule(for: invoice)
  let start = try from.map { try schedule.date(at: $0) }
  let end = try to.map { try schedule.date(at: $0) }
  let simulation = try simulator.run(invoice, from: start, through: end)
  return TimelineComparison(
    expected: expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
    actual: simulation.timeline)
}

/// Expects what `invoice` owes under `cadence` on a day — the plan's `balance` after simulating
/// every earlier day, as a `test` block's `expect balance` line checks it — to be `expected`, to
/// the cent.
///
/// ```swift
/// try expectOwed(cadence, invoice, on: "D+30", "1030.00")
/// try expectOwed(cadence, invoice, on: "D+30", "10.00", component: .interest)
/// ```
/// - Parameters:
///   - cadence: The cadence.
///   - invoice: The starting state; the simulation executes every action before the day.
///   - on: The day, as an offset (`D+30`) or a date.
///   - expected: The amount, as a decimal in the invoice's currency (`"1030.00"`).
///   - component: The total (the default), or one of its components.
///   - environment: Where rate tables and calendars are found.
///   - sourceLocation: Where the failure is reported; the caller's line by default.
public func expectOwed(
  _ cadence: Cadence, _ invoice: Invoice, on: String, _ expected: String, component: AmountComponent = .total,
  environment: Environment = .standard, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let simulator = try Simulator(cadence, environment: environment)
  let date = try simulator.evaluator.schedule(for: invoice).date(at: on)
  let plan = try simulator.plan(for: invoice, on: date)
  let actual = component.of(plan.balance)
  guard actual.decimal != (try ExactDecimal(parsing: expected)) else { return }
  Issue.record(
    Comment(
      rawValue: "on \(on) (\(date)): expected \(component.rawValue) \(expected), but it is \(actual.amountString)"
        + " (\(plan.balance))"),
    sourceLocation: sourceLocation)
}
