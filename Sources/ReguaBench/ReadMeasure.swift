import BenchmarkSupport
import Foundation
import Regua

/// Measure (c): Regua's invoice reader, validation included, against `JSONDecoder` into a plain
/// struct, on the same bytes.
enum ReadMeasure {
  static func readVersusJSONDecoder(_ cases: [EvaluationCase], policy: TimingPolicy) -> Comparison {
    var ourIndex = 0
    var theirIndex = 0
    let (ours, theirs) = Stopwatch.compare(
      policy,
      ours: { count in
        for _ in 0..<count {
          let input = cases[ourIndex]
          ourIndex = ourIndex + 1 == cases.count ? 0 : ourIndex + 1
          blackHole(try? Invoice(json: input.json))
        }
      },
      theirs: { count in
        for _ in 0..<count {
          let input = cases[theirIndex]
          theirIndex = theirIndex + 1 == cases.count ? 0 : theirIndex + 1
          blackHole(try? JSONDecoder().decode(PlainInvoice.self, from: input.json))
        }
      })
    return Comparison(
      key: "read_vs_jsondecoder", ours: "Invoice(json:), validation included",
      theirs: "JSONDecoder().decode(PlainInvoice.self) of the same bytes", oursTiming: ours, theirsTiming: theirs)
  }
}
