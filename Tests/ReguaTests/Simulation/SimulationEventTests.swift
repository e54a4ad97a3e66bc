import ReguaTesting
import Testing

@testable import Regua

@Suite("Simulation events")
struct SimulationEventTests {
  let cadence: Cadence

  init() throws {
    cadence = try rules(
      """
        D+1  email overdue
        D+14 call
        D+30 letter final-notice
        pause when promised
        pause when disputed

      """)
  }

  @Test("payments, the promise, the pause and the stop are events between the actions")
  func events() throws {
    let invoice = try Invoice.make(due: "2026-03-10", amount: "389.90", issued: "2026-03-01")
      .paying("200.00", on: "2026-03-20").promising(by: "2026-04-10", madeOn: "2026-04-01")
      .paying("189.90", on: "2026-04-10")
    let simulator = try Simulator(cadence)
    let simulation = try simulator.run(invoice)
    #expect(
      simulation.events.lines == [
        "2026-03-11  D+1   email  overdue",
        "2026-03-20  payment 200.00 BRL (balance 189.90 BRL)",
        "2026-03-24  D+14  call",
        "2026-04-01  promise to pay by 2026-04-10",
        "2026-04-01  paused: promised",
        "2026-04-10  payment 189.90 BRL (balance 0.00 BRL)",
        "2026-04-10  stopped: the invoice is paid in full",
      ])
    // Paid in full after its last action: the simulation runs to the payment, owing nothing.
    #expect(simulation.end == day("2026-04-10"))
    #expect(try simulator.evaluator.amounts(for: simulation.finalState, on: simulation.end).isSettled)
  }

  @Test("a dispute holds collection from the first day; a pause that ends says so")
  func pauses() throws {
    let disputed = try Invoice.make(due: "2026-03-10", issued: "2026-03-01", status: .disputed)
    let held = try Simulator(cadence).run(disputed, through: day("2026-04-30"))
    #expect(held.events.map(\.line) == ["2026-03-01  paused: disputed"])
    #expect(held.end == day("2026-04-30"))
    let promised = try Invoice.make(due: "2026-03-10", issued: "2026-03-01").promising(
      by: "2026-03-15", madeOn: "2026-03-05")
    let lines = try Simulator(cadence).run(promised, through: day("2026-03-31")).events.map(\.line)
    #expect(lines.contains("2026-03-05  paused: promised"))
    #expect(lines.contains("2026-03-16  pause ends: promised"))
  }

  @Test("a write-off the walk executes stops collection on its day")
  func writeOff() throws {
    let cadence = try rules("  D+5 email overdue\n  D+20 write off\n")
    let simulation = try Simulator(cadence).run(try Invoice.make(due: "2026-03-10", issued: "2026-03-01"))
    #expect(
      simulation.events.suffix(2).map(\.line) == [
        "2026-03-30  D+20  write off", "2026-03-30  stopped: the invoice was written off on 2026-03-30",
      ])
  }

  @Test("pause events agree, day by day, with the plain interpreter", arguments: 0..<3)
  func pausesAgreeDaily(batch: Int) throws {
    var random = SeededRandom(seed: 0xE7E0_0000 + UInt64(batch))
    for _ in 0..<20 {
      let scenario = try RandomScenario.make(&random)
      let simulator = try Simulator(scenario.cadence, environment: scenario.environment)
      let end = scenario.invoice.due.adding(days: 120)
      let simulation = try simulator.run(scenario.invoice, through: end)
      let state = simulation.finalState
      let schedule = scenario.evaluator.schedule(for: state)
      let inputs = ConditionInputs(alone: state, due: schedule.effectiveDue)
      let stopped = simulation.events.first { if case .stopped(let cause, _) = $0 { cause.isPermanent } else { false } }
      for (index, condition) in scenario.cadence.pauseConditions.enumerated() {
        var holding = false
        var day = simulation.start.daysSinceEpoch < state.issued.daysSinceEpoch ? state.issued : simulation.start
        while day <= end, stopped.map({ day < $0.date }) ?? true {
          let holds = condition.trace(FieldValues(state, inputs, on: day.daysSinceEpoch)).value ?? false
          let changes = simulation.events.contains { event in
            switch event {
            case .paused(let rule, let date), .pauseEnds(let rule, let date):
              return date == day && rule == condition && scenario.cadence.pauseConditions.firstIndex(of: rule) == index
            default: return false
            }
          }
          #expect(changes == (holds != holding), "\(scenario.source) on \(day)")
          holding = holds
          day = day.adding(days: 1)
        }
      }
    }
  }
}
