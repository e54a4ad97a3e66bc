import BenchmarkSupport
import Foundation
import Regua

/// Measure (f): reading a JSON Lines buffer into invoices with `InvoiceLines` against what a
/// host writes without it: `Data.split` on `\n` and `Invoice(json:)` of each part.
enum LinesMeasure {
  static func linesVersusSplit(_ cases: [EvaluationCase], quick: Bool) -> Comparison {
    let count = quick ? 20_000 : 100_000
    var buffer = Data()
    for index in 0..<count {
      buffer.append(cases[index % cases.count].json)
      buffer.append(0x0A)
    }
    var oursBest = Double.infinity
    var theirsBest = Double.infinity
    for _ in 0..<(quick ? 1 : 3) {
      let ours = Stopwatch.time {
        var read = 0
        for (_, result) in InvoiceLines(buffer) { if case .success = result { read += 1 } }
        blackHole(read)
      }
      oursBest = min(oursBest, ours.nanoseconds)
      let theirs = Stopwatch.time {
        var read = 0
        for line in buffer.split(separator: 0x0A) where (try? Invoice(json: Data(line))) != nil { read += 1 }
        blackHole(read)
      }
      theirsBest = min(theirsBest, theirs.nanoseconds)
    }
    let repetitions = quick ? 1 : 3
    return Comparison(
      key: "lines_vs_split", ours: "InvoiceLines over a JSON Lines buffer",
      theirs: "Data.split on \\n, then Invoice(json:) of each line",
      oursTiming: Timing(nanosecondsPerOperation: oursBest / Double(count), batch: count, repetitions: repetitions),
      theirsTiming: Timing(nanosecondsPerOperation: theirsBest / Double(count), batch: count, repetitions: repetitions))
  }
}
