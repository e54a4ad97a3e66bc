import Regua

extension HandwrittenB2B: HandwrittenBaseline {
  static var name: String { "hand-written baseline" }

  static func essentials(of plan: ActionPlan) -> HandwrittenPlan {
    HandwrittenPlan(
      actions: plan.actions.map { HandwrittenAction(step: $0.step, scheduled: $0.scheduled, late: $0.late) },
      next: plan.next)
  }

  static func render(_ plan: HandwrittenPlan) -> String {
    let actions = plan.actions.map { "\($0.step)@\($0.scheduled)+\($0.late)" }.joined(separator: ", ")
    return "actions [\(actions)], next \(plan.next.map(String.init(describing:)) ?? "none")"
  }

  /// How many of the checked pairs reach each kind of outcome.
  struct Coverage: CustomStringConvertible {
    var pairs = 0
    var withActions = 0
    var withNext = 0
    /// Pairs with at least one step skipped for each reason.
    var skipped: [SkipReason: Int] = [:]

    /// Counts one checked pair.
    mutating func add(_ plan: ActionPlan) {
      pairs += 1
      if !plan.actions.isEmpty { withActions += 1 }
      if plan.next != nil { withNext += 1 }
      for reason in Set(plan.skipped.map(\.reason)) { skipped[reason, default: 0] += 1 }
    }

    var description: String {
      let reasons = SkipReason.allCases.map { "\($0.rawValue) \(skipped[$0, default: 0])" }.joined(separator: ", ")
      return "\(pairs) pairs: \(withActions) with actions, \(withNext) with a next date; pairs with a step skipped as "
        + reasons
    }
  }
}
