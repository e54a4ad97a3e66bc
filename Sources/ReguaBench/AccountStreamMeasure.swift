import BenchmarkSupport
import Foundation
import Regua

/// Measure (e'): accounts in a JSON Lines portfolio. The generated invoices grouped ten to an
/// account document, streamed (read, plan the account, write) against the same invoices streamed
/// one per line; and the peak memory of an account stream at two sizes, in child processes —
/// flat when the stream holds only what it works on.
enum AccountStreamMeasure {
  struct Figures {
    /// Streaming one 10-invoice account against streaming one invoice.
    var streamRatio: Comparison
    /// Peak resident bytes by count of accounts streamed.
    var peakMemory: [Int: Int]
  }

  /// One account document per line: the accounts of ``AccountCase/make(_:invoicesPerAccount:)``,
  /// each invoice naming the account's customer as the document does.
  static func lines(_ cases: [EvaluationCase]) throws -> [Data] {
    try AccountCase.make(cases, invoicesPerAccount: 10).map { accountCase in
      let customer = accountCase.account.customer
      var line = #"{"customer":{"id":"\#(customer.id)","kind":"company","segment":"smb"},"invoices":["#
      for (index, invoice) in accountCase.account.invoices.enumerated() {
        var named = invoice
        try named.update { $0.customer = customer }
        line += (index == 0 ? "" : ",") + named.jsonLine
      }
      let data = Data((line + "]}").utf8)
      // The line must read back as the same account: a bench of refused lines measures nothing.
      _ = try Account(json: data)
      return data
    }
  }

  static func measure(_ cases: [EvaluationCase], evaluator: Evaluator, quick: Bool) throws -> Figures {
    let portfolio = Portfolio(evaluator, workers: 2)
    let accounts = try lines(cases)
    let invoices = cases.map(\.json)
    let count = quick ? 2_000 : 10_000
    func best(_ lines: [Data], _ count: Int) -> Double {
      var best = Double.infinity
      for _ in 0..<(quick ? 1 : 3) {
        var next = 0
        var written = 0
        var problems = 0
        let elapsed = Stopwatch.time {
          portfolio.stream(
            on: PortfolioMeasure.date, read: { PortfolioMeasure.chunk(lines, next: &next, until: count) },
            write: { written += $0.count }, problem: { _ in problems += 1 })
        }
        blackHole(written + problems)
        best = min(best, elapsed.nanoseconds)
      }
      return best / Double(count)
    }
    let ours = best(accounts, count)
    let theirs = best(invoices, count * 10)
    let ratio = Comparison(
      key: "account_stream_vs_invoice_stream", ours: "Portfolio.stream of 10-invoice account documents, per account",
      theirs: "Portfolio.stream of invoice documents, per invoice",
      oursTiming: Timing(nanosecondsPerOperation: ours, batch: count, repetitions: quick ? 1 : 3),
      theirsTiming: Timing(nanosecondsPerOperation: theirs, batch: count * 10, repetitions: quick ? 1 : 3))
    var peak: [Int: Int] = [:]
    for size in quick ? [2_000, 10_000] : [10_000, 100_000] {
      peak[size] = try PortfolioMeasure.probeChild(size, flag: "--account-stream-probe")
    }
    return Figures(streamRatio: ratio, peakMemory: peak)
  }

  /// In the child: streams `count` account documents to nowhere and prints the peak resident
  /// memory in bytes.
  static func probe(_ cases: [EvaluationCase], evaluator: Evaluator, count: Int) throws {
    let lines = try lines(cases)
    var next = 0
    var written = 0
    Portfolio(evaluator, workers: 2).stream(
      on: PortfolioMeasure.date, read: { PortfolioMeasure.chunk(lines, next: &next, until: count) },
      write: { written += $0.count }, problem: { _ in })
    blackHole(written)
    print(peakResidentBytes())
  }
}
