import ReguaTesting
import Testing

@testable import Regua

@Suite("Simulation")
struct SimulatorTests {
  /// The reference: evaluate every single day, executing each plan; keep the days that fired.
  func dayByDay(_ evaluator: Evaluator, _ invoice: Invoice, from start: CivilDate, through end: CivilDate)
    throws -> [ActionPlan]
  {
    try walkDaily(evaluator, invoice, from: start, days: end.days(since: start) + 1).filter { !$0.actions.isEmpty }
  }

  @Test("jumping from next to next equals a day-by-day walk", arguments: 0..<6)
  func equalsDailyWalk(batch: Int) throws {
    var random = SeededRandom(seed: 0x51A0_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let start = scenario.invoice.issued.adding(days: Int.random(in: -3...30, using: &random))
      let end = scenario.invoice.due.adding(days: 150)
      let simulator = try Simulator(scenario.cadence, environment: scenario.environment)
      let simulation = try simulator.run(scenario.invoice, from: start, through: end)
      let reference = try dayByDay(scenario.evaluator, scenario.invoice, from: start, through: end)
      #expect(simulation.plans == reference, "\(scenario.source)")
      #expect(simulation.evaluations <= scenario.cadence.steps.count + 1)
    }
  }

  @Test(
    "a walk listing new skips hands out the same plans, each skip listed once per change of reason",
    arguments: 0..<3)
  func newSkipsOnly(batch: Int) throws {
    var random = SeededRandom(seed: 0x5E_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let simulator = try Simulator(scenario.cadence, environment: scenario.environment)
      let full = try simulator.run(scenario.invoice)
      var handedOut: [ActionPlan] = []
      let summary = try simulator.walk(scenario.invoice, listing: .new) { handedOut.append($0) }
      #expect(summary.finalState == full.finalState && summary.next == full.next)
      #expect(handedOut.count == full.plans.count)
      var previous: [String: SkipReason] = [:]
      for (plan, whole) in zip(handedOut, full.plans) {
        var expected = whole
        expected.skipped = whole.skipped.filter { previous[$0.step] != $0.reason }
        #expect(plan == expected, "\(scenario.source)")
        previous = Dictionary(whole.skipped.map { ($0.step, $0.reason) }, uniquingKeysWith: { a, _ in a })
      }
    }
  }

  @Test("several dates in one walk give the plans of separate simulations", arguments: 0..<3)
  func severalDates(batch: Int) throws {
    var random = SeededRandom(seed: 0xDA7E_0000 + UInt64(batch))
    for _ in 0..<30 {
      let scenario = try RandomScenario.make(&random)
      let simulator = try Simulator(scenario.cadence, environment: scenario.environment)
      let dates = (0..<6).map { _ in scenario.invoice.due.adding(days: Int.random(in: -25...60, using: &random)) }
      let together = try simulator.plans(for: scenario.invoice, on: dates)
      let apart = try dates.map { try simulator.plan(for: scenario.invoice, on: $0) }
      let reference = try dates.map { date in
        let before = try simulator.run(scenario.invoice, through: date.adding(days: -1)).finalState
        return try scenario.evaluator.plan(for: before, on: date)
      }
      #expect(together == apart && apart == reference, "\(scenario.source)")
    }
  }

  static let twelveSteps = """
    cadence "twelve" version 1
      I+3   email "welcome"
      D-5   email "upcoming"
      D-1   whatsapp "tomorrow"
      D0    sms "today"
      D+1   email "overdue"
      D+5   whatsapp "overdue-5"
      D+10  call                    when balance >= 100.00
      D+15  fee 2%
      D+30  letter registered "formal-notice"
      D+45  suspend service         unless tagged "key-account"
      D+90  refer to agency "arm"   when balance >= 100.00 and days-overdue >= 90
      D+120 write off
      pause when disputed
      limit any 1 per 2 days
      limit call 1 per 7 days
    """

  @Test("a simulated year of a 12-step cadence takes at most a few dozen evaluations")
  func yearIsCheap() throws {
    let cadence = try Cadence(parsing: SimulatorTests.twelveSteps)
    let invoice = try Invoice.make(due: "2026-01-31", amount: "900.00", issued: "2026-01-01")
    let simulation = try Simulator(cadence).run(invoice, through: try fixtureDate("2026-12-31"))
    #expect(simulation.timeline.count == 12)
    #expect(simulation.evaluations <= 13)
    // The same year walked day by day takes 365 evaluations and finds the same plans.
    #expect(
      try simulation.plans
        == dayByDay(try Evaluator(cadence), invoice, from: invoice.issued, through: try fixtureDate("2026-12-31")))
  }

  @Test("the timeline prints date, offset, action, template and a note for late actions")
  func timelineLines() throws {
    let cadence = try Cadence(
      parsing: "cadence \"t\"\n  D+1 email overdue\n  D+2 fee 2%\n  D+30 refer to agency arm\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let simulation = try Simulator(cadence).run(invoice, from: try fixtureDate("2026-03-12"))
    // With a charge step, each entry ends with the total owed that day, in a column of its own.
    #expect(
      simulation.timeline.lines == [
        "2026-03-12  D+1   email            overdue  (1 day late)  owed 1020.00",
        "2026-03-12  D+2   fee              2%                     owed 1020.00",
        "2026-04-09  D+30  refer to agency  arm                    owed 1020.00",
      ])
    #expect(simulation.timeline[0].line == "2026-03-12  D+1  email  overdue  (1 day late)  owed 1020.00")
  }

  @Test("a timeline expectation may state the total owed, and then it is checked, or leave it out")
  func timelineOwed() throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 fee 2%\n  D+3 email late\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let timeline = try Simulator(cadence).run(invoice).timeline
    let stated = ["2026-03-11  D+1  fee  2%  owed 1020.00", "2026-03-13  D+3  email  late  owed 1020.00"]
    #expect(TimelineComparison(expected: stated, actual: timeline).matches)
    let left = ["2026-03-11  D+1  fee  2%", "2026-03-13  D+3  email  late  owed 1020.00"]
    #expect(TimelineComparison(expected: left, actual: timeline).matches)
    let wrong = ["2026-03-11  D+1  fee  2%  owed 1000.00", "2026-03-13  D+3  email  late"]
    let comparison = TimelineComparison(expected: wrong, actual: timeline)
    #expect(comparison.firstDifference == 0)
    #expect(comparison.report?.contains("owed 1020.00") == true)
  }

  @Test("without charge steps a timeline has no amounts, and a template that reads `owed 10` is text")
  func timelineWithoutCharges() throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 email owed 10\n")
    let timeline = try Simulator(cadence).run(try Invoice.make(due: "2026-03-10")).timeline
    #expect(timeline.lines == ["2026-03-11  D+1  email  owed 10"])
    #expect(!TimelineComparison(expected: ["2026-03-11  D+1  email"], actual: timeline).matches)
  }

  @Test("the plan on a day follows a simulation of the days before it")
  func planAfterSimulation() throws {
    let cadence = try Cadence(parsing: "cadence \"t\"\n  D+1 call\n  D+3 call as second\n  limit call 1 per 7 days\n")
    let invoice = try Invoice.make(due: "2026-03-10")
    let plan = try Simulator(cadence).plan(for: invoice, on: try fixtureDate("2026-03-13"))
    #expect(plan.actions.isEmpty)
    #expect(plan.skipped.map(\.reason) == [.limited])
    #expect(plan.skipped.first?.retry == nil)  // 2026-03-18 is past the 3-day catch-up
  }

  @Test("payments stop the walk: nothing fires once the invoice is paid")
  func paymentStops() throws {
    let cadence = try Cadence(parsing: SimulatorTests.twelveSteps)
    let invoice = try Invoice.make(due: "2026-01-31", amount: "900.00", issued: "2026-01-01").paying(
      "900.00", on: "2026-02-03")
    let simulation = try Simulator(cadence).run(invoice)
    // The D0 sms is held back by `limit any 1 per 2 days` after the D-1 whatsapp, then the
    // D+1 email (newer) takes the next free day.
    #expect(simulation.timeline.map(\.step) == ["i+3-email", "d-5-email", "d-1-whatsapp", "d+1-email"])
    #expect(simulation.next == nil)
  }
}
