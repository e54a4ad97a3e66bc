import Regua

/// The reference walk for simulation properties: evaluate every single day from `start` for
/// `days` days, executing each plan as a host would. Returns every day's plan, empty ones too.
func walkDaily(
  _ evaluator: Evaluator, _ invoice: Invoice, from start: CivilDate, days: Int
) throws(InvalidInput) -> [ActionPlan] {
  var state = invoice
  var plans: [ActionPlan] = []
  for offset in 0..<max(days, 0) {
    let plan = try evaluator.plan(for: state, on: start.adding(days: offset))
    plans.append(plan)
    state = state.executing(plan)
  }
  return plans
}
