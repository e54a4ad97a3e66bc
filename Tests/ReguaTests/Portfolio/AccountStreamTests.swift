import Foundation
import Testing

@testable import Regua

@Suite("Accounts in a JSON Lines portfolio")
struct AccountStreamTests {
  static func invoice(_ id: String, customer: String? = nil) -> String {
    let own = customer.map { #","customer":{"id":"\#($0)"}"# } ?? ""
    return #"{"id":"\#(id)","currency":"BRL","amount":"100.00","issued":"2026-03-01","due":"2026-03-10"\#(own)}"#
  }

  static func account(_ customer: String, _ ids: [String]) -> String {
    #"{"customer":{"id":"\#(customer)"},"invoices":[\#(ids.map { invoice($0) }.joined(separator: ","))]}"#
  }

  static let lines = [
    account("C-1", ["A-2", "A-1"]),
    invoice("I-1", customer: "C-2"),
    account("C-3", ["B-1"]),
    #"{"customer":{"id":"C-4"},"invoices":[{"id":"X"}]}"#,
    account("C-5", ["E-1", "E-2", "E-3"]),
  ]

  @Test("each line is an invoice or an account, planned in input order; a bad account is its line's problem")
  func mixed() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email overdue\n"))
    for workers in [1, 2] {
      let (output, problems) = PortfolioTests.stream(
        AccountStreamTests.lines, evaluator: evaluator, date: day("2026-03-11"), workers: workers, chunk: 64)
      #expect(output.count == 4)
      #expect(output[0].contains(#""customer":"C-1""#) && output[0].contains(#""invoices":["A-1","A-2"]"#))
      #expect(output[1].contains(#""invoice":"I-1""#))
      #expect(output[2].contains(#""customer":"C-3""#))
      #expect(output[3].contains(#""id":"C-5/email/2026-03-11""#))
      #expect(problems.map(\.line) == [4])
      #expect(problems.first?.description.contains("line 4: invoices[0].currency: missing field") == true)
    }
  }

  @Test("sharding keeps an account with the invoices of its customer")
  func sharding() throws {
    let evaluator = try Evaluator(try Cadence(parsing: "cadence \"c\"\n  D+1 email overdue\n"))
    let lines =
      [Self.account("C-7", ["A-1"]), Self.invoice("I-9", customer: "C-7")]
      + (1...20).map { Self.account("C-\($0 * 13)", ["Z"]) }
    var seen = 0
    for index in 1...4 {
      let (output, _) = PortfolioTests.stream(
        lines, evaluator: evaluator, date: day("2026-03-11"), workers: 2, shard: Shard(index, of: 4))
      let both = output.filter { $0.contains(#""customer":"C-7""#) || $0.contains(#""invoice":"I-9""#) }
      #expect(both.isEmpty || both.count == 2)
      seen += output.count
    }
    #expect(seen == lines.count)
  }
}

@Suite("Accounts through the batch API")
struct AccountBatchTests {
  /// The generated invoices grouped by customer id: 97 accounts, each its first invoice's
  /// customer's (opt-outs, channels, time zone).
  static func accounts() throws -> (evaluator: Evaluator, accounts: [Account], date: CivilDate) {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let byCustomer = Dictionary(grouping: invoices, by: \.customer.id)
    let accounts = try byCustomer.keys.sorted().map { id in
      let group = byCustomer[id] ?? []
      let own = try group.map { invoice in
        var own = invoice
        try own.update { $0.customer = Customer(id: "") }
        return own
      }
      return try Account(customer: group[0].customer, invoices: own)
    }
    return (evaluator, accounts, date)
  }

  @Test("the batch of accounts equals planning each account alone, in input order", arguments: [1, 2])
  func batch(workers: Int) throws {
    let (evaluator, accounts, date) = try Self.accounts()
    let alone = try accounts.map { try evaluator.plan(for: $0, on: date).jsonLine }
    let portfolio = Portfolio(evaluator, workers: workers)
    #expect(try portfolio.plans(for: accounts, on: date).map { try $0.get().jsonLine } == alone)
    #expect(portfolio.plans(for: [Account](), on: date).isEmpty)
  }

  @Test("the async batch of accounts gives the batch's plans")
  func asyncBatch() async throws {
    let (evaluator, accounts, date) = try Self.accounts()
    let alone = try accounts.map { try evaluator.plan(for: $0, on: date).jsonLine }
    let plans = await Portfolio(evaluator, workers: 2).plans(for: accounts, on: date)
    #expect(try plans.map { try $0.get().jsonLine } == alone)
  }

  @Test("a portfolio's work order lists every account's actions, most valuable first, ties in plan order")
  func workOrder() throws {
    let (evaluator, accounts, date) = try Self.accounts()
    let plans = try Portfolio(evaluator, workers: 2).plans(for: accounts, on: date).map { try $0.get() }
    let work = AccountPlan.workOrder(of: plans)
    let order = work.map(\.action)
    let all = plans.flatMap(\.actions)
    // Each action with its own plan's customer.
    let customers = Dictionary(
      uniqueKeysWithValues: plans.flatMap { plan in
        plan.actions.map { ($0.id + "\u{0}" + plan.customer, plan.customer) }
      })
    #expect(work.allSatisfy { customers[$0.action.id + "\u{0}" + $0.customer] == $0.customer })
    #expect(order.count == all.count && all.count > 50)
    #expect(Set(order.map(\.id)) == Set(all.map(\.id)))
    let priorities = order.map { $0.priority ?? 0 }
    #expect(priorities == priorities.sorted(by: >))
    #expect(Set(priorities).count > 5)
    // Equal priorities keep the plans' order.
    let position = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.id, $0) })
    for (left, right) in zip(order, order.dropFirst()) where left.priority == right.priority {
      #expect((position[left.id] ?? 0) < (position[right.id] ?? 0))
    }
    #expect(plans.first.map { $0.workOrder == AccountPlan.workOrder(of: [$0]).map(\.action) } == true)
  }
}
