import Foundation
import ReguaTesting
import Testing

@testable import Regua

/// Regression tests for the inputs that once cost a product of two sizes (issue 7's table). Each
/// compares the work at two sizes — exact counts where the engine has one (evaluations, bytes of
/// output, entries kept), else the least thread CPU time of alternating runs
/// (``ScalingTests/costRatio(small:large:runs:_:)``) with a bound far below what the old
/// behaviour gives — so none depends on the machine's speed.
@Suite("Bounded cost: work grows with the input, never with a product of two inputs")
struct BoundedCostTests {
  static let due = CivilDate("2026-01-10") ?? CivilDate(daysSinceEpoch: 0)

  static func invoice(amount: String = "100.00") throws -> Invoice {
    try Invoice.make("I", due: "2026-01-10", amount: amount, issued: "2026-01-01")
  }

  /// `steps` tasks, each `when days-overdue in [...] and disputed` with `values` thresholds, on
  /// an open invoice: nothing ever fires, so the old search for `next` re-decided every step on
  /// every threshold day (300 steps of 256 thresholds took 174 s).
  static func thresholds(steps: Int, values: Int) throws -> Cadence {
    var text = "cadence \"thresholds\"\n"
    for step in 0..<steps {
      let list = (0..<values).map { String(1 + ($0 * 7 + step * 13) % 2999) }
      text += "  D+\(step) task x when days-overdue in [\(list.joined(separator: ", "))] and disputed as s\(step)\n"
    }
    return try Cadence(parsing: text)
  }

  @Test("every days-overdue threshold is no longer a day to re-decide the whole cadence on")
  func thresholdsAreNotCandidateDays() throws {
    let small = try Evaluator(try BoundedCostTests.thresholds(steps: 40, values: 64))
    let large = try Evaluator(try BoundedCostTests.thresholds(steps: 160, values: 256))
    let invoice = try BoundedCostTests.invoice()
    let day = BoundedCostTests.due.adding(days: 2)
    let ratio = ScalingTests.costRatio(small: "s", large: "l", runs: 3) { which in
      let plan = try? (which == "s" ? small : large).plan(for: invoice, on: day)
      #expect(plan != nil && plan?.next == nil)
    }
    // 4× the steps and 4× the thresholds: the old search re-decided every step on every
    // threshold day (about 250× the work); now each step looks its days up in its own list.
    #expect(ratio < 24, "4× steps and 4× thresholds cost \(ratio)× as much")
    // And `next` is still exact: the first day a walk finds an action on.
    let plans = try walkDaily(small, invoice, from: day, days: 90)
    let firstAction = plans.dropFirst().first { !$0.actions.isEmpty }?.date
    #expect(plans[0].next == firstAction)
  }

  @Test("payments dated after the evaluation date cost n log n, not n²")
  func manyFuturePayments() throws {
    let cadence = try Cadence(parsing: "cadence \"p\"\n  D+1 email a\n  D+400 task x when balance < 999999.00\n")
    func invoice(_ payments: Int) throws -> Invoice {
      var invoice = try BoundedCostTests.invoice(amount: "1000000.00")
      let cent = try Money(parsing: "0.01", currency: .brl)
      invoice.payments = (0..<payments).map { Payment(date: BoundedCostTests.due.adding(days: 200 + $0), amount: cent) }
      return invoice
    }
    let (small, large) = (try invoice(5_000), try invoice(20_000))
    let day = BoundedCostTests.due.adding(days: 100)
    let evaluator = try Evaluator(cadence)
    let ratio = ScalingTests.costRatio(small: "s", large: "l", runs: 3) { which in
      _ = try? evaluator.plan(for: which == "s" ? small : large, on: day)
    }
    #expect(ratio < 8, "4× the payments cost \(ratio)× as much")
    #expect(try Evaluator(cadence).plan(for: large, on: day).next == BoundedCostTests.due.adding(days: 400))
  }

  @Test("many limits and a long history keep an index proportional to the history, not to their product")
  func limitsTimesHistory() throws {
    var text = "cadence \"l\"\n  D+1 email a\n  D+2 call\n"
    // As many limits as a cadence may have (`Bounds.limitsPerCadence`).
    for index in 0..<800 { text += "  limit any \(1 + index % 5) per \(1 + index % 30) days\n" }
    for index in 0..<200 { text += "  limit call \(1 + index % 5) per \(1 + index % 30) days\n" }
    let cadence = try Cadence(parsing: text)
    var invoice = try BoundedCostTests.invoice()
    invoice.history = (0..<2_000).map {
      HistoryEntry(step: "manual", date: BoundedCostTests.due.adding(days: -9 + $0 % 28), channel: .call)
    }
    let evaluator = try Evaluator(cadence)
    let schedule = evaluator.schedule(for: invoice)
    let ledger = HistoryLedger(
      invoice.history, schedule: schedule, cadence: evaluator.compiled,
      channels: evaluator.channels(for: invoice.customer))
    // Per occurrence, per channel, and each contact twice (by channel and all together).
    #expect(ledger.storedCount <= schedule.occurrences.count + evaluator.compiled.channelCount + 1 + 2 * 2_000)
    #expect(
      evaluator.compiled.channelLimits.map(\.count).reduce(0, +) + evaluator.compiled.anyLimits.count
        == Bounds.limitsPerCadence)
    let plan = try evaluator.plan(for: invoice, on: BoundedCostTests.due.adding(days: 2))
    #expect(plan.skipped.map(\.reason) == [.limited, .limited])
  }

  @Test("a test block's `on` lines share one simulation")
  func oneSimulationPerBlock() throws {
    var text = "cadence \"many\"\n"
    for step in 0..<200 { text += "  D+\(step) email x\(step) as s\(step)\n" }
    text += "\ntest \"long\"\n  invoice 100.00 BRL due 2026-01-10 issued 2026-01-01\n"
    for line in 0..<2_000 { text += "  on D+\(line % 200) expect email\n" }
    let file = RuleCompiler.compile(SourceFile(path: "long.regua", text: text))
    let test = try #require(file.tests.first)
    let result = PolicyTestRunner.run(test, cadence: try #require(file.cadences.first))
    #expect(result.passed)
    // One walk: at most one evaluation per step that fires plus one per distinct day asked.
    #expect(result.evaluations <= 200 + 1 + 200, "\(result.evaluations) evaluations")
  }

  @Test("`simulate --json` grows with what happens, not with steps × days")
  func simulateOutputIsLinear() throws {
    // Each day an sms and two emails: one email is superseded, then missed for good, so skips
    // pile up as days go by; printing them again on every line is quadratic in the days.
    func bytes(days: Int) throws -> Int {
      var text = "cadence \"piling\"\n"
      for day in 0..<days {
        text += "  D+\(day) sms s as s\(day)\n  D+\(day) email a as a\(day)\n  D+\(day) email b as b\(day)\n"
      }
      let cadence = try Cadence(parsing: text)
      var total = 0
      try Simulator(cadence).walk(try BoundedCostTests.invoice(), listing: .new) { total += $0.jsonLine.utf8.count + 1 }
      return total
    }
    let (small, large) = (try bytes(days: 100), try bytes(days: 400))
    // Every line repeating the earlier skips gave about 16× for 4× the days.
    #expect(Double(large) / Double(small) < 5, "4× the days printed \(large) bytes against \(small)")
  }
}

extension BoundedCostTests {
  @Test("history ids with made-up occurrence keys are unknown ids: ignored, at no cost per entry")
  func occurrenceIDsInTheHistory() throws {
    let cadence = try Cadence(
      parsing:
        "cadence \"w\"\n  D+1 email a\n  D+5 call\n  D+10 write off\n  D+9 call as later\n  limit call 1 per 7 days\n")
    var invoice = try BoundedCostTests.invoice()
    invoice.history = [
      HistoryEntry(step: "d+10-write-off@garbage", date: BoundedCostTests.due.adding(days: -5)),
      HistoryEntry(step: "later@1", date: BoundedCostTests.due.adding(days: 4)),
    ]
    let plan = try Evaluator(cadence).plan(for: invoice, on: BoundedCostTests.due.adding(days: 5))
    #expect(plan.actions.map(\.step) == ["d+5-call"])
    #expect(plan.next == BoundedCostTests.due.adding(days: 10))

    func steps(_ count: Int) throws -> (Evaluator, Invoice) {
      let text = "cadence \"many\"\n" + (0..<count).map { "  D+\($0 % 3000) task x as s\($0)\n" }.joined()
      var invoice = try BoundedCostTests.invoice()
      invoice.history = (0..<count).map { HistoryEntry(step: "s\($0)@\($0 + 1)", date: BoundedCostTests.due) }
      return (try Evaluator(try Cadence(parsing: text)), invoice)
    }
    let (small, large) = (try steps(500), try steps(2_000))
    let ratio = ScalingTests.costRatio(small: "s", large: "l", runs: 3) { which in
      let (evaluator, invoice) = which == "s" ? small : large
      _ = try? evaluator.plan(for: invoice, on: BoundedCostTests.due.adding(days: 1))
    }
    #expect(ratio < 8, "4× the steps and `@` ids cost \(ratio)× as much")
  }
}
