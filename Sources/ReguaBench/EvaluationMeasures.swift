import BenchmarkSupport
import Foundation
import Regua

/// Measures (a) and (b): one evaluation (`plan` with `next`) of the b2b-standard cadence, against
/// the hand-written baseline and against `JSONDecoder` decoding the same invoice.
enum EvaluationMeasures {
  static func evaluateVersusHandwritten(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: cases,
      ours: { blackHole(try? evaluator.plan(for: $0.invoice, on: $0.date)) },
      theirs: { blackHole(HandwrittenB2B.plan(for: $0.invoice, on: $0.date)) })
    return Comparison(
      key: "evaluate_vs_handwritten", ours: "Evaluator.plan(for:on:) with next, b2b-standard",
      theirs: "a hand-written Swift function for b2b-standard (actions and next)", oursTiming: ours,
      theirsTiming: theirs)
  }

  /// The cost of a business calendar and send windows: the same evaluations with the cadence's
  /// own `calendar BR` and `window` lines (an effective due date, every step moved off weekends
  /// and holidays, each contact's window placed in the cadence's zone) against `calendar none`
  /// without windows.
  static func calendarVersusNone(
    _ cases: [EvaluationCase], calendared: Evaluator, plain: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: cases,
      ours: { blackHole(try? calendared.plan(for: $0.invoice, on: $0.date)) },
      theirs: { blackHole(try? plain.plan(for: $0.invoice, on: $0.date)) })
    return Comparison(
      key: "calendar_vs_none", ours: "Evaluator.plan(for:on:), b2b-standard with calendar BR and its windows",
      theirs: "the same with calendar none and no windows", oursTiming: ours, theirsTiming: theirs)
  }

  static func evaluateVersusJSONDecoder(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: cases,
      ours: { blackHole(try? evaluator.plan(for: $0.invoice, on: $0.date)) },
      theirs: { blackHole(try? JSONDecoder().decode(PlainInvoice.self, from: $0.json)) })
    return Comparison(
      key: "evaluate_vs_jsondecoder", ours: "Evaluator.plan(for:on:) with next, b2b-standard",
      theirs: "JSONDecoder().decode(PlainInvoice.self) of the same invoice", oursTiming: ours, theirsTiming: theirs)
  }
}
