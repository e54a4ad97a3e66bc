import BenchmarkSupport
import Foundation
import Regua

/// Measure (c): Regua's invoice reader, validation included, against `JSONDecoder` into a plain
/// struct, on the same bytes.
enum ReadMeasure {
  static func readVersusJSONDecoder(_ cases: [EvaluationCase], policy: TimingPolicy) -> Comparison {
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: cases, ours: { blackHole(try? Invoice(json: $0.json)) },
      theirs: { blackHole(try? JSONDecoder().decode(PlainInvoice.self, from: $0.json)) })
    return Comparison(
      key: "read_vs_jsondecoder", ours: "Invoice(json:), validation included",
      theirs: "JSONDecoder().decode(PlainInvoice.self) of the same bytes", oursTiming: ours, theirsTiming: theirs)
  }

  static func writeVersusJSONEncoder(_ cases: [EvaluationCase], policy: TimingPolicy) -> Comparison {
    let plain = cases.compactMap { try? JSONDecoder().decode(PlainInvoice.self, from: $0.json) }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: Array(zip(cases, plain)), ours: { blackHole($0.0.invoice.jsonData()) },
      theirs: { blackHole(try? encoder.encode($0.1)) })
    return Comparison(
      key: "write_vs_jsonencoder", ours: "Invoice.jsonData()",
      theirs: "JSONEncoder().encode(PlainInvoice), keys sorted", oursTiming: ours, theirsTiming: theirs)
  }
}
