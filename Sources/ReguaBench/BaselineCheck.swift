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
    /// Why the engine could not evaluate the pair at all, if it could not.
    var problem: InvalidInput?

    var description: String {
      let json = String(decoding: evaluationCase.json, as: UTF8.self)
      if let problem { return "the engine cannot evaluate pair \(index), \(evaluationCase.date): \(problem)" }
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

  /// How many of the checked pairs reach each kind of outcome, to show the check is not vacuous.
  struct Coverage: CustomStringConvertible {
    var pairs = 0
    var withActions = 0
    var withNext = 0
    /// Pairs with at least one step skipped for each reason.
    var skipped: [SkipReason: Int] = [:]

    var description: String {
      let reasons = SkipReason.allCases.map { "\($0.rawValue) \(skipped[$0, default: 0])" }.joined(separator: ", ")
      return "\(pairs) pairs: \(withActions) with actions, \(withNext) with a next date; pairs with a step skipped as "
        + reasons
    }
  }

  /// Throws the first pair on which the engine and the baseline differ; otherwise returns what
  /// the pairs covered.
  static func verify(_ cases: [EvaluationCase], evaluator: Evaluator) throws(Difference) -> Coverage {
    var coverage = Coverage()
    for (index, evaluationCase) in cases.enumerated() {
      let handwritten = HandwrittenB2B.plan(for: evaluationCase.invoice, on: evaluationCase.date)
      let plan: ActionPlan
      do {
        plan = try evaluator.plan(for: evaluationCase.invoice, on: evaluationCase.date)
      } catch {
        throw Difference(
          index: index, evaluationCase: evaluationCase, engine: handwritten, handwritten: handwritten, problem: error)
      }
      let engine = essentials(of: plan)
      if engine != handwritten {
        throw Difference(index: index, evaluationCase: evaluationCase, engine: engine, handwritten: handwritten)
      }
      coverage.pairs += 1
      if !plan.actions.isEmpty { coverage.withActions += 1 }
      if plan.next != nil { coverage.withNext += 1 }
      for reason in Set(plan.skipped.map(\.reason)) { coverage.skipped[reason, default: 0] += 1 }
    }
    return coverage
  }

  static func render(_ plan: HandwrittenPlan) -> String {
    let actions = plan.actions.map { "\($0.step)@\($0.scheduled)+\($0.late)" }.joined(separator: ", ")
    return "actions [\(actions)], next \(plan.next.map(String.init(describing:)) ?? "none")"
  }
}
