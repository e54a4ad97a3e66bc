import BenchmarkSupport
import Foundation
import Regua

/// Measures (a) and (b): one evaluation (`plan` with `next`) of the b2b-standard cadence, against
/// the hand-written baseline and against `JSONDecoder` decoding the same invoice.
enum EvaluationMeasures {
  static func evaluateVersusHandwritten(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    var ourIndex = 0
    var theirIndex = 0
    let (ours, theirs) = Stopwatch.compare(
      policy,
      ours: { count in
        for _ in 0..<count {
          let input = cases[ourIndex]
          ourIndex = ourIndex + 1 == cases.count ? 0 : ourIndex + 1
          blackHole(evaluator.plan(for: input.invoice, on: input.date))
        }
      },
      theirs: { count in
        for _ in 0..<count {
          let input = cases[theirIndex]
          theirIndex = theirIndex + 1 == cases.count ? 0 : theirIndex + 1
          blackHole(HandwrittenB2B.plan(for: input.invoice, on: input.date))
        }
      })
    return Comparison(
      key: "evaluate_vs_handwritten", ours: "Evaluator.plan(for:on:) with next, b2b-standard",
      theirs: "a hand-written Swift function for b2b-standard (actions and next)", oursTiming: ours,
      theirsTiming: theirs)
  }

  static func evaluateVersusJSONDecoder(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    var ourIndex = 0
    var theirIndex = 0
    let (ours, theirs) = Stopwatch.compare(
      policy,
      ours: { count in
        for _ in 0..<count {
          let input = cases[ourIndex]
          ourIndex = ourIndex + 1 == cases.count ? 0 : ourIndex + 1
          blackHole(evaluator.plan(for: input.invoice, on: input.date))
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
      key: "evaluate_vs_jsondecoder", ours: "Evaluator.plan(for:on:) with next, b2b-standard",
      theirs: "JSONDecoder().decode(PlainInvoice.self) of the same invoice", oursTiming: ours, theirsTiming: theirs)
  }
}
