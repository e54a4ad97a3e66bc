import Regua

/// A hand-written baseline the engine is checked against before anything is timed: what it
/// computes, and how the engine's plan is reduced to that.
protocol HandwrittenBaseline {
  /// What the baseline computes for one invoice on one date.
  associatedtype Plan: Equatable
  /// How the check names the baseline in its messages ("hand-written charges baseline").
  static var name: String { get }
  /// The baseline's plan.
  static func plan(for invoice: Invoice, on date: CivilDate) -> Plan
  /// The engine's plan reduced to what the baseline computes.
  static func essentials(of plan: ActionPlan) -> Plan
  /// One line that shows a plan, for a difference's message.
  static func render(_ plan: Plan) -> String
}

/// Checks a hand-written baseline against the engine before anything is timed, so the baseline
/// computes exactly what the engine does.
enum BaselineCheck {
  /// A pair on which the two disagree, or that the engine cannot evaluate.
  struct Difference: Error, CustomStringConvertible {
    var baseline: String
    var index: Int
    var evaluationCase: EvaluationCase
    var engine: String
    var handwritten: String
    /// Why the engine could not evaluate the pair at all, if it could not.
    var problem: InvalidInput?

    var description: String {
      let json = String(decoding: evaluationCase.json, as: UTF8.self)
      if let problem {
        return "the engine cannot evaluate the \(baseline)'s pair \(index), \(evaluationCase.date): \(problem)"
      }
      return """
        the \(baseline) differs from the engine on pair \(index), \(evaluationCase.date):
          invoice:      \(json)
          engine:       \(engine)
          hand-written: \(handwritten)
        """
    }
  }

  /// Throws the first pair on which the engine and `baseline` differ; otherwise hands each pair,
  /// with the engine's plan and the agreed essentials, to `count` (to show the check is not
  /// vacuous).
  static func verify<Baseline: HandwrittenBaseline>(
    _ baseline: Baseline.Type, _ cases: [EvaluationCase], evaluator: Evaluator,
    count: (EvaluationCase, ActionPlan, Baseline.Plan) -> Void
  ) throws(Difference) {
    for (index, evaluationCase) in cases.enumerated() {
      let handwritten = Baseline.plan(for: evaluationCase.invoice, on: evaluationCase.date)
      let plan: ActionPlan
      do {
        plan = try evaluator.plan(for: evaluationCase.invoice, on: evaluationCase.date)
      } catch {
        throw Difference(
          baseline: Baseline.name, index: index, evaluationCase: evaluationCase, engine: "",
          handwritten: Baseline.render(handwritten), problem: error)
      }
      let engine = Baseline.essentials(of: plan)
      if engine != handwritten {
        throw Difference(
          baseline: Baseline.name, index: index, evaluationCase: evaluationCase, engine: Baseline.render(engine),
          handwritten: Baseline.render(handwritten))
      }
      count(evaluationCase, plan, engine)
    }
  }
}
