import Testing

@testable import Regua

@Suite("What an invoice owes, day by day")
struct AmountsTimelineTests {
  static func brl(_ text: String) -> Money { (try? Money(parsing: text, currency: .brl)) ?? .zero(.brl) }

  @Test("the balance floors at zero and ignores payments after the date")
  func balance() throws {
    let invoice = try Invoice(
      id: "I", amount: AmountsTimelineTests.brl("100.00"), issued: day("2026-01-01"), due: day("2026-01-10"),
      payments: [
        Payment(date: day("2026-01-05"), amount: AmountsTimelineTests.brl("30.00")),
        Payment(date: day("2026-01-20"), amount: AmountsTimelineTests.brl("90.00")),
      ])
    let evaluator = try Evaluator(Cadence(parsing: "cadence \"c\"\n  D+1 email"))
    #expect(try evaluator.amounts(for: invoice, on: day("2026-01-04")).total.amountString == "100.00")
    #expect(try evaluator.amounts(for: invoice, on: day("2026-01-05")).total.amountString == "70.00")
    #expect(try evaluator.amounts(for: invoice, on: day("2026-01-20")).isSettled)
    #expect(try evaluator.amounts(for: invoice, on: day("2026-01-20")).description == "0.00 BRL")
  }

  @Test("payments on one day count together, in any order")
  func sameDay() {
    let payments = [
      Payment(date: day("2026-01-05"), amount: AmountsTimelineTests.brl("30.00")),
      Payment(date: day("2026-01-03"), amount: AmountsTimelineTests.brl("10.00")),
      Payment(date: day("2026-01-05"), amount: AmountsTimelineTests.brl("20.00")),
    ]
    let forward = AmountsTimeline(invoiced: AmountsTimelineTests.brl("100.00"), payments: payments)
    let backward = AmountsTimeline(invoiced: AmountsTimelineTests.brl("100.00"), payments: payments.reversed())
    for offset in 0..<6 {
      let day = day("2026-01-01").daysSinceEpoch + offset
      #expect(forward.total(at: day) == backward.total(at: day))
    }
    #expect(forward.total(at: day("2026-01-04").daysSinceEpoch) == 9000)
    #expect(forward.total(at: day("2026-01-05").daysSinceEpoch) == 4000)
    #expect(forward.nextKnot(after: day("2026-01-03").daysSinceEpoch) == day("2026-01-05").daysSinceEpoch)
    #expect(forward.nextKnot(after: day("2026-01-05").daysSinceEpoch) == .max)
  }

  @Test(
    "the first day a comparison holds agrees with a walk over the days",
    arguments: ComparisonOperator.allCases)
  func firstDayAgreesWithWalk(op: ComparisonOperator) {
    let start = day("2026-01-01").daysSinceEpoch
    let payments = [("2026-01-04", "20.00"), ("2026-01-09", "30.00"), ("2026-01-15", "50.00")].map {
      Payment(date: day($0.0), amount: AmountsTimelineTests.brl($0.1))
    }
    let timeline = AmountsTimeline(invoiced: AmountsTimelineTests.brl("100.00"), payments: payments)
    for threshold: Int64 in [0, 2000, 5000, 8000, 10000, 12000] {
      let order = { (value: Int64) in value == threshold ? 0 : (value < threshold ? -1 : 1) }
      for from in start..<(start + 20) {
        let walked = (from..<(start + 40)).first { op.accepts(order(timeline.total(at: $0))) } ?? .max
        let found = timeline.firstDay(.total, from: from, where: op, order)
        #expect(found == walked, "\(op) \(threshold) from day \(from - start)")
      }
    }
  }
}
