import Regua

/// Checks the hand-written baseline against the engine before anything is timed, so the
/// baseline computes exactly what the engine does: the same actions (step, scheduled, late) and
/// the same `next`.
enum BaselineCheck {
  /// A pair on which the two disagree.
  struct Difference: Error, CustomStringConvertible {
    var index: Int
    var evaluationCase: EvaluationCase
    var engine: HandwrittenPlan
    var handwritten: HandwrittenPlan

    var description: String {
      let json = String(decoding: evaluationCase.json, as: UTF8.self)
      return """
        the hand-written baseline differs from the engine on pair \(index), \(evaluationCase.date):
          invoice:     \(json)
          engine:      \(BaselineCheck.render(engine))
          hand-written: \(BaselineCheck.render(handwritten))
        """
    }
  }

  /// The engine's plan reduced to what the baseline computes.
  static func essentials(of plan: ActionPlan) -> HandwrittenPlan {
    HandwrittenPlan(
      actions: plan.actions.map { HandwrittenAction(step: $0.step, scheduled: $0.scheduled, late: $0.late) },
      next: plan.next)
  }

  /// Throws the first pair on which the engine and the baseline differ.
  static func verify(_ cases: [EvaluationCase], evaluator: Evaluator) throws(Difference) {
    for (index, evaluationCase) in cases.enumerated() {
      let engine = essentials(of: evaluator.plan(for: evaluationCase.invoice, on: evaluationCase.date))
      let handwritten = HandwrittenB2B.plan(for: evaluationCase.invoice, on: evaluationCase.date)
      if engine != handwritten {
        throw Difference(index: index, evaluationCase: evaluationCase, engine: engine, handwritten: handwritten)
      }
    }
  }

  static func render(_ plan: HandwrittenPlan) -> String {
    let actions = plan.actions.map { "\($0.step)@\($0.scheduled)+\($0.late)" }.joined(separator: ", ")
    return "actions [\(actions)], next \(plan.next.map(String.init(describing:)) ?? "none")"
  }
}
