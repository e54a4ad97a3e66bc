import Foundation
import Testing

@testable import Regua

@Suite("Portfolio")
struct PortfolioTests {
  /// 1,200 generated invoices, each with the cadence it goes through.
  static func generated() throws -> (evaluator: Evaluator, invoices: [Invoice], date: CivilDate) {
    var random = SeededRandom(seed: 0x9047_F011)
    let cadence = try Cadence(parsing: RandomScenario.sharedCadenceSource)
    var invoices: [Invoice] = []
    for index in 0..<1_200 {
      var scenario = try RandomScenario.make(&random)
      try scenario.invoice.update { draft in
        draft.id = "INV-\(index)"
        draft.customer.id = "C-\(index % 97)"
      }
      invoices.append(scenario.invoice)
    }
    return (try Evaluator(cadence), invoices, try CivilDate(parsing: "2026-03-24"))
  }

  @Test("the batch equals evaluating each invoice alone, in input order", arguments: [1, 2])
  func batch(workers: Int) throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let plans = Portfolio(evaluator, workers: workers).plans(for: invoices, on: date)
    #expect(plans.count == invoices.count)
    for (plan, invoice) in zip(plans, invoices) {
      #expect(try plan.get().jsonLine == evaluator.plan(for: invoice, on: date).jsonLine)
    }
  }

  @Test("a sequence of invoices is planned batch by batch, in order")
  func sequence() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    var plans: [String] = []
    try Portfolio(evaluator, workers: 2).forEachPlan(of: invoices.lazy.map { $0 }, on: date) {
      plans.append(try $0.get().jsonLine)
    }
    #expect(try plans == invoices.map { try evaluator.plan(for: $0, on: date).jsonLine })
  }

  /// With a 1,000-step cadence each overdue invoice's plan holds 1,000 skips: 16,384 plans at
  /// once were gigabytes. The plans held are bounded by entries, whatever the order: 64 invoices
  /// not yet due (empty plans) first must not let the overdue ones through in one batch.
  @Test("plans made batch by batch hold at most entriesPerBatch entries and one plan per worker", arguments: [1, 2])
  func largePlansSmallRounds(workers: Int) throws {
    let source = "cadence \"daily\"\n" + (1...1_000).map { "  D+\($0) email e\($0) as s\($0)\n" }.joined()
    let evaluator = try Evaluator(try Cadence(parsing: source))
    func invoice(_ id: String, due: String) throws -> Invoice {
      try Invoice(
        id: id, amount: Money(minorUnits: 100_00, currency: .brl), issued: try CivilDate(parsing: "2026-01-01"),
        due: try CivilDate(parsing: due))
    }
    let invoices =
      try (0..<64).map { try invoice("F\($0)", due: "2031-01-10") }
      + (0..<300).map { try invoice("O\($0)", due: "2026-01-10") }
    let date = try CivilDate(parsing: "2030-01-01")
    let portfolio = Portfolio(evaluator, workers: workers)
    var start = 0
    var rounds = 0
    while start < invoices.count {
      let plans = try portfolio.planRound(invoices, from: start, on: date).map { try $0.get() }
      let entries = plans.reduce(0) { $0 + $1.actions.count + $1.skipped.count }
      #expect(!plans.isEmpty)
      #expect(entries <= Portfolio.entriesPerBatch + workers * 1_000, "round \(rounds): \(entries) entries")
      #expect(plans.map(\.invoice) == invoices[start..<(start + plans.count)].map(\.id))
      start += plans.count
      rounds += 1
    }
    #expect(rounds >= 300 * 1_000 / (Portfolio.entriesPerBatch + workers * 1_000))
    var delivered: [String] = []
    try portfolio.forEachPlan(of: invoices, on: date) { delivered.append(try $0.get().invoice) }
    #expect(delivered == invoices.map(\.id))
  }

  @Test("a stream of large lines is processed before a batch's bytes grow past their bound")
  func largeLines() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    // Invoices of about 400 KB each: long histories of unknown steps.
    let history = (0..<8_000).map { HistoryEntry(step: "manual-\($0)", date: invoices[0].due) }
    var large = invoices[0]
    try large.update { $0.history = history }
    let line = Data((large.jsonLine + "\n").utf8)
    var read = 0
    var readAtFirstWrite: Int?
    var written = 0
    Portfolio(evaluator, workers: 2).stream(
      on: date,
      read: {
        guard read < 60 * line.count else { return nil }
        read += line.count
        return line
      },
      write: { data in
        if readAtFirstWrite == nil { readAtFirstWrite = read }
        written += data.count
      }, problem: { problem in Issue.record("\(problem)") })
    #expect(line.count > 300_000)
    #expect(written > 0)
    #expect((readAtFirstWrite ?? .max) <= Portfolio.bytesPerBatch + 2 * line.count)
  }

  /// Streams `lines` through a portfolio, in chunks of `chunk` bytes.
  static func stream(
    _ lines: [String], evaluator: Evaluator, date: CivilDate, workers: Int, shard: Shard? = nil, chunk: Int = 4_096
  ) -> (output: [String], problems: [Portfolio.LineProblem]) {
    let input = Data(lines.joined(separator: "\n").utf8)
    var offset = 0
    var output = Data()
    var problems: [Portfolio.LineProblem] = []
    Portfolio(evaluator, workers: workers).stream(
      on: date, shard: shard,
      read: {
        guard offset < input.count else { return nil }
        defer { offset += chunk }
        return input.subdata(in: offset..<min(input.count, offset + chunk))
      },
      write: { output.append($0) }, problem: { problems.append($0) })
    let text = String(decoding: output, as: UTF8.self)
    return (text.split(separator: "\n").map(String.init), problems)
  }

  @Test("a stream with bad lines yields every good plan and one located error per bad line", arguments: [1, 2])
  func streamWithBadLines(workers: Int) throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    var lines = invoices.map(\.jsonLine)
    let bad = [17: #"{"id":"X","amount":1}"#, 400: "not json", 401: "", 999: #"{"id":"Y","currency":"BRL","#]
    for (line, text) in bad.sorted(by: { $0.key < $1.key }) { lines.insert(text, at: line) }
    let (output, problems) = PortfolioTests.stream(lines, evaluator: evaluator, date: date, workers: workers)
    #expect(try output == invoices.map { try evaluator.plan(for: $0, on: date).jsonLine })
    #expect(problems.map(\.line) == [18, 401, 1_000])
    #expect(problems.allSatisfy { !$0.input.errors.isEmpty })
  }

  @Test("the shards of a portfolio together are the whole, and keep each customer together")
  func shards() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let lines = invoices.map(\.jsonLine)
    let whole = PortfolioTests.stream(lines, evaluator: evaluator, date: date, workers: 2).output
    var parts: [String] = []
    var customers: [Set<String>] = []
    for index in 1...3 {
      let shard = try #require(Shard(index, of: 3))
      let output = PortfolioTests.stream(lines, evaluator: evaluator, date: date, workers: 2, shard: shard).output
      parts += output
      customers.append(Set(invoices.filter(shard.contains).map(\.customer.id)))
    }
    #expect(parts.sorted() == whole.sorted())
    #expect(customers[0].isDisjoint(with: customers[1]) && customers[1].isDisjoint(with: customers[2]))
    #expect(Shard.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
    #expect(Shard.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    #expect(Shard(parsing: "2/8") == Shard(2, of: 8))
    #expect(Shard(parsing: "0/8") == nil && Shard(parsing: "9/8") == nil && Shard(parsing: "1/-1") == nil)
  }

  @Test("a line longer than a document is reported and skipped with bounded memory")
  func overlongLine() throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let long = "{\"id\":\"" + String(repeating: "x", count: Bounds.documentBytes + 10) + "\"}"
    let lines = [invoices[0].jsonLine, long, invoices[1].jsonLine]
    let (output, problems) = PortfolioTests.stream(lines, evaluator: evaluator, date: date, workers: 2, chunk: 65_536)
    #expect(output.count == 2)
    #expect(problems.map(\.line) == [2])
    #expect(problems.first?.description.contains("longer than") == true)
  }

  @Test("evaluating from many tasks at once gives the same plans")
  func concurrentTasks() async throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let expected = try invoices.map { try evaluator.plan(for: $0, on: date).jsonLine }
    let results = await withTaskGroup(of: [String].self) { group in
      for _ in 0..<8 {
        group.addTask { invoices.map { (try? evaluator.plan(for: $0, on: date).jsonLine) ?? "" } }
      }
      var all: [[String]] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == expected })
  }
}

extension PortfolioTests {
  @Test("the async batch gives the batch's plans without blocking the caller's executor")
  func asyncBatch() async throws {
    let (evaluator, invoices, date) = try PortfolioTests.generated()
    let portfolio = Portfolio(evaluator, workers: 2)
    let plans = await portfolio.plans(for: invoices, on: date)
    #expect(try plans.map { try $0.get().jsonLine } == invoices.map { try evaluator.plan(for: $0, on: date).jsonLine })
    #expect(await portfolio.plans(for: [Invoice](), on: date).isEmpty)
  }
}
