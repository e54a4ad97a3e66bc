import BenchmarkSupport
import Regua

extension EvaluationMeasures {
  /// One evaluation with charges (`plan` with `next` and the balance) of b2b-standard with a 2%
  /// fee and 1% a month from D+1 (``ChargesCadence``), against the hand-written baseline for that
  /// cadence (``HandwrittenCharges``).
  static func chargesVersusHandwritten(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) -> Comparison {
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: cases,
      ours: { blackHole(try? evaluator.plan(for: $0.invoice, on: $0.date)) },
      theirs: { blackHole(HandwrittenCharges.plan(for: $0.invoice, on: $0.date)) })
    return Comparison(
      key: "charges_vs_handwritten",
      ours: "Evaluator.plan(for:on:) with next and the balance breakdown, b2b-standard + 2% fee + 1% a month",
      theirs: "a hand-written Swift function for the same (actions, next, balance)", oursTiming: ours,
      theirsTiming: theirs)
  }
}
