import Testing

@testable import Regua

/// A generated account: a random cadence (``RandomScenario``) and two to six invoices of one
/// customer, each with its own dates, payments, promise and history.
struct AccountScenario {
  var scenario: RandomScenario
  var account: Account

  static func make(_ random: inout SeededRandom) throws -> AccountScenario {
    let scenario = try RandomScenario.make(&random)
    var customer = scenario.invoice.customer
    customer.id = "C-R"
    var invoices: [Invoice] = []
    for index in 0..<Int.random(in: 2...6, using: &random) {
      // Another scenario's invoice: its own dates, payments, promise and history (whose step
      // ids this cadence may or may not know).
      var invoice = index == 0 ? scenario.invoice : try RandomScenario.make(&random).invoice
      try invoice.update {
        $0.id = "R\(index)"
        $0.customer = Customer(id: "")
      }
      invoices.append(invoice)
    }
    return AccountScenario(scenario: scenario, account: try Account(customer: customer, invoices: invoices))
  }

  /// Every day's plan from `start` for `days` days, each executed as a host would.
  func walk(from start: CivilDate, days: Int, account: Account? = nil) throws -> [AccountPlan] {
    let evaluator = scenario.evaluator
    var state = account ?? self.account
    var plans: [AccountPlan] = []
    for offset in 0..<days {
      let plan = try evaluator.plan(for: state, on: start.adding(days: offset))
      plans.append(plan)
      for action in plan.actions { try state.record(action, on: plan.date) }
    }
    return plans
  }

  /// The account with every history emptied.
  var withoutHistories: Account {
    var account = self.account
    account.invoices = account.invoices.map { invoice in
      var invoice = invoice
      invoice.history = []
      return invoice
    }
    return account
  }

  var start: CivilDate { account.invoices.map(\.issued).min() ?? account.invoices[0].issued }
}

@Suite("Account invariants, on generated cadences and accounts")
struct AccountPropertyTests {
  @Test("`next` is exact for accounts: a daily walk finds the first action exactly on it", arguments: 0..<6)
  func nextIsExact(batch: Int) throws {
    var random = SeededRandom(seed: 0xACC0_0000 + UInt64(batch))
    for _ in 0..<12 {
      let generated = try AccountScenario.make(&random)
      let plans = try generated.walk(from: generated.start.adding(days: -3), days: 120)
      let actionDays = plans.filter { !$0.actions.isEmpty }.map(\.date)
      let lastDay = plans.last?.date ?? generated.start
      for plan in plans.dropLast(60) {
        let expected = actionDays.first { $0 > plan.date }
        let seen = plan.next.flatMap { $0 <= lastDay ? $0 : nil }
        #expect(seen == expected, "on \(plan.date)\n\(generated.scenario.source)")
        if seen != expected { return }
      }
    }
  }

  @Test(
    "no customer is planned more contacts in a window than its limits allow, two on one channel in a day, or one it opted out of",
    arguments: 0..<6)
  func guardrails(batch: Int) throws {
    var random = SeededRandom(seed: 0x6A2D_0000 + UInt64(batch))
    for _ in 0..<12 {
      let generated = try AccountScenario.make(&random)
      let cadence = generated.scenario.cadence
      let optOuts = Set(generated.account.customer.optOuts.map(\.name))
      let plans = try generated.walk(
        from: generated.start.adding(days: -3), days: 100, account: generated.withoutHistories)
      // The contacts sent: one per channel and day.
      var sent: [(channel: String, day: Int)] = []
      for plan in plans {
        var today: Set<String> = []
        for action in plan.actions {
          guard let channel = action.channel?.name else { continue }
          #expect(
            today.insert(channel).inserted, "two \(channel) contacts on \(plan.date)\n\(generated.scenario.source)")
          #expect(!optOuts.contains(channel), "\(channel) is opted out, on \(plan.date)")
          sent.append((channel, plan.date.daysSinceEpoch))
        }
      }
      for limit in cadence.limits {
        let counted = sent.filter { limit.channel == nil || $0.channel == limit.channel }.map(\.day)
        for end in Set(counted) {
          let inWindow = counted.filter { $0 > end - limit.days && $0 <= end }.count
          #expect(inWindow <= limit.count, "\(limit) counts \(inWindow) by day \(end)\n\(generated.scenario.source)")
        }
      }
    }
  }

  @Test("deterministic: shuffled invoices and histories give byte-identical JSON", arguments: 0..<3)
  func shuffled(batch: Int) throws {
    var random = SeededRandom(seed: 0x5AFF_0000 + UInt64(batch))
    for _ in 0..<12 {
      let generated = try AccountScenario.make(&random)
      let evaluator = generated.scenario.evaluator
      let date = generated.start.adding(days: Int.random(in: 0...60, using: &random))
      let reference = try evaluator.plan(for: generated.account, on: date).jsonLine
      var invoices = generated.account.invoices.map { invoice in
        var invoice = invoice
        invoice.history.shuffle(using: &random)
        invoice.customer = Customer(id: "")
        return invoice
      }
      invoices.shuffle(using: &random)
      let shuffled = try Account(customer: generated.account.customer, invoices: invoices)
      #expect(try evaluator.plan(for: shuffled, on: date).jsonLine == reference)
    }
  }

  @Test("an account of one invoice plans what the invoice's plan does, merged ids aside", arguments: 0..<3)
  func oneInvoice(batch: Int) throws {
    var random = SeededRandom(seed: 0x01E0_0000 + UInt64(batch))
    for _ in 0..<20 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      var customer = scenario.invoice.customer
      customer.id = "C-1"
      let account = try Account(customer: customer, invoices: [scenario.invoice])
      for offset in stride(from: -3, through: 60, by: 7) {
        let date = scenario.invoice.due.adding(days: offset)
        let single = try evaluator.plan(for: account.invoices[0], on: date)
        let plan = try evaluator.plan(for: account, on: date)
        #expect(plan.actions.map(\.step) == single.actions.map(\.step), "on \(date)\n\(scenario.source)")
        #expect(plan.skipped.map(\.reason) == single.skipped.map(\.reason), "on \(date)\n\(scenario.source)")
        #expect(plan.next == single.next, "on \(date)\n\(scenario.source)")
        #expect(plan.balances[scenario.invoice.id] == single.balance)
      }
    }
  }
}
