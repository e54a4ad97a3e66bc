import Testing

@testable import Regua

/// The amounts owed of generated cadences and invoices, whose charge steps fire as a host would
/// execute them, checked against what any amount owed must satisfy.
@Suite("Amounts owed, on generated cadences and invoices")
struct AmountPropertyTests {
  @Test(
    "the total never falls without a payment or a discount starting, and its components add up to it",
    arguments: 0..<4)
  func totalMovesAsItShould(batch: Int) throws {
    var random = SeededRandom(seed: 0xA4_0000 + UInt64(batch))
    for _ in 0..<60 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      // Execute every plan from the issue date, so charges fire and count.
      let start = scenario.invoice.issued
      let simulation = try Simulator(evaluator).run(scenario.invoice, from: start, through: start.adding(days: 90))
      let state = simulation.finalState
      let paymentDays = Set(state.payments.map(\.date))
      let discountDays = Set(
        evaluator.schedule(for: state).occurrences.filter {
          if case .discount = evaluator.cadence.steps[$0.step].charge { return true } else { return false }
        }.map(\.scheduled)
      )
      let executionDays = Set(state.history.map(\.date))
      var previous: AmountsOwed?
      for offset in 0...90 {
        let day = start.adding(days: offset)
        let owed = try evaluator.amounts(for: state, on: day)
        let sum =
          owed.principal.minorUnits + owed.fees.minorUnits + owed.interest.minorUnits - owed.discount.minorUnits
        #expect(owed.total.minorUnits == Swift.max(0, sum), "\(day)\n\(scenario.source)")
        if let previous, !paymentDays.contains(day), !discountDays.contains(day), !executionDays.contains(day) {
          #expect(owed.total >= previous.total, "fell on \(day)\n\(scenario.source)")
        }
        previous = owed
      }
    }
  }

  @Test("paying the total on a date leaves nothing owed that day", arguments: 0..<4)
  func payingTheTotalSettles(batch: Int) throws {
    var random = SeededRandom(seed: 0xA5_0000 + UInt64(batch))
    for _ in 0..<60 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      let simulation = try Simulator(evaluator).run(
        scenario.invoice, from: scenario.invoice.issued, through: scenario.invoice.due.adding(days: 40))
      var state = simulation.finalState
      let day = scenario.invoice.due.adding(days: Int.random(in: 0...40, using: &random))
      let owed = try evaluator.amounts(for: state, on: day)
      guard owed.total.minorUnits > 0 else { continue }
      let payment = Payment(date: day, amount: owed.total)
      try state.update { $0.payments.append(payment) }
      #expect(try evaluator.amounts(for: state, on: day).isSettled, "on \(day)\n\(scenario.source)")
    }
  }

  @Test("explain's derivation ends at the plan's balance, and its terms add up to the components", arguments: 0..<3)
  func derivationAddsUp(batch: Int) throws {
    var random = SeededRandom(seed: 0xA6_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      guard !evaluator.charges.isEmpty else { continue }
      let simulation = try Simulator(evaluator).run(
        scenario.invoice, from: scenario.invoice.issued, through: scenario.invoice.due.adding(days: 60))
      let state = simulation.finalState
      let day = scenario.invoice.due.adding(days: Int.random(in: -5...60, using: &random))
      let explanation = try evaluator.explain(state, on: day, held: .newSkips)
      let derivation = try #require(explanation.amounts, "\(scenario.source)")
      #expect(derivation.owed == explanation.plan.balance, "on \(day)\n\(scenario.source)")
      // The fees charged since the last payment, each capped, add up to the fees owed when no
      // payment paid fees; the interest likewise, within a minor unit per stretch's rounding.
      var fees: Int64 = 0
      var interest: [PreciseAmount] = []
      for term in derivation.terms {
        switch term {
        case .fee(_, _, _, _, let maximum, let amount):
          fees += min(amount.rounded, maximum ?? amount.rounded).minorUnits
        case .interest(_, _, _, _, _, let amount): interest.append(amount)
        case .payment:
          fees = 0
          interest = []
        case .discount: continue
        }
      }
      if !derivation.terms.contains(where: { if case .payment = $0 { true } else { false } }) {
        let exactFees = derivation.terms.allSatisfy {
          if case .fee(_, _, _, _, _, let amount) = $0 {
            amount.isExact && amount.value.significand % 10_000 == 0
          } else {
            true
          }
        }
        if exactFees { #expect(fees == derivation.owed.fees.minorUnits, "fees on \(day)\n\(scenario.source)") }
        let truncated = interest.reduce(Int64(0)) { $0 + $1.value.significand }
        let owed = derivation.owed.interest.minorUnits
        let scale = Int64(10_000)  // PreciseAmount.extraDecimals
        #expect(
          abs(owed * scale - truncated) <= scale / 2 + Int64(interest.count),
          "interest on \(day)\n\(scenario.source)")
      }
    }
  }
}
