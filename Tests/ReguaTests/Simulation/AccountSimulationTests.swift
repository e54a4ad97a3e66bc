import Foundation
import Testing

@testable import Regua

/// Simulating an account: the walk from `next` to `next` equals a day-by-day walk.
@Suite("Account simulations")
struct AccountSimulationTests {
  /// The account cadence with a call only for accounts of several overdue invoices, and one
  /// call a week.
  static let rules = AccountPlanTests.rules.replacingOccurrences(
    of: "  limit call 7 per 7 days",
    with: "  D+10  call when account.overdue-invoices >= 2\n  limit call 1 per 7 days")

  /// Every action of a walk that evaluates each day and records what it plans.
  static func daily(_ account: Account, _ evaluator: Evaluator, from: CivilDate, through: CivilDate) throws
    -> [String]
  {
    var account = account
    var day = from
    var actions: [String] = []
    while day <= through {
      let plan = try evaluator.plan(for: account, on: day)
      for action in plan.actions {
        actions.append("\(day) \(action.id) \(action.covers.map { "\($0.invoice):\($0.step)" })")
        try account.record(action, on: day)
      }
      day = day.adding(days: 1)
    }
    return actions
  }

  @Test("the walk equals a day-by-day walk, for accounts of every shape", arguments: 0..<12)
  func equalsDaily(seed: Int) throws {
    var random = SeededRandom(seed: UInt64(0xACC0_0000 + seed))
    let count = Int(random.next() % 4) + 1
    let invoices = try (0..<count).map { index in
      let due = CivilDate(daysSinceEpoch: day("2026-03-05").daysSinceEpoch + Int(random.next() % 12))
      let paid = random.next() % 3 == 0
      return try AccountPlanTests.invoice(
        "INV-\(index)", due: due.description,
        payments: paid ? [(due.adding(days: Int(random.next() % 9)).description, "100.00")] : [])
    }
    let account = try AccountPlanTests.account(invoices)
    let evaluator = try AccountPlanTests.evaluator(Self.rules)
    var walked: [String] = []
    let summary = try Simulator(evaluator).walk(account, through: day("2026-05-01"), listing: .all) { plan in
      walked += plan.actions.map { "\(plan.date) \($0.id) \($0.covers.map { "\($0.invoice):\($0.step)" })" }
    }
    #expect(summary.start == day("2026-03-01"))
    #expect(walked == (try Self.daily(account, evaluator, from: summary.start, through: day("2026-05-01"))))
    #expect(!walked.isEmpty)
    #expect(summary.evaluations < 40)
  }

  @Test("the run keeps the plans, the final histories and the balance; .new lists only news")
  func run() throws {
    // INV-2's call comes two days after INV-1's: the account's limit holds it, day after day.
    let invoices = [try AccountPlanTests.invoice("INV-1"), try AccountPlanTests.invoice("INV-2", due: "2026-03-12")]
    let account = try AccountPlanTests.account(invoices)
    let simulator = try Simulator(AccountPlanTests.evaluator(Self.rules))
    let simulation = try simulator.run(account)
    #expect(simulation.plans.first?.actions.first?.id == "C-42/email/2026-03-07")
    #expect(simulation.summary.finalState.invoices.allSatisfy { $0.history.contains { $0.step == "d+1-email" } })
    #expect(simulation.balance?.total.description == "200.00 BRL")
    #expect(simulation.report.contains("covers INV-1 d-3-email"))
    #expect(
      simulation.plans.contains { plan in plan.skipped.contains { $0.reason == .limited && $0.invoice == "INV-2" } })
    #expect(simulation.report.hasSuffix("Next: nothing more is planned"))
    var listed: [[String]] = []
    try simulator.walk(account, listing: .new) { listed.append($0.skipped.map { "\($0.invoice ?? "")/\($0.step)" }) }
    let all = simulation.plans.map { $0.skipped.map { "\($0.invoice ?? "")/\($0.step)" } }
    #expect(listed.count == all.count)
    #expect(listed.flatMap(\.self).count < all.flatMap(\.self).count)
  }
}
