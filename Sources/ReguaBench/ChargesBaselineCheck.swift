import Regua

/// Checks the hand-written charges baseline against the engine before anything is timed, as
/// ``BaselineCheck`` does for the b2b one: the same actions (step, scheduled, late), the same
/// `next` and the same balance, component by component in minor units.
enum ChargesBaselineCheck {
  /// A pair on which the two disagree.
  struct Difference: Error, CustomStringConvertible {
    var index: Int
    var evaluationCase: EvaluationCase
    var engine: HandwrittenChargesPlan
    var handwritten: HandwrittenChargesPlan
    /// Why the engine could not evaluate the pair at all, if it could not.
    var problem: InvalidInput?

    var description: String {
      let json = String(decoding: evaluationCase.json, as: UTF8.self)
      if let problem {
        return "the engine cannot evaluate charges pair \(index), \(evaluationCase.date): \(problem)"
      }
      return """
        the hand-written charges baseline differs from the engine on pair \(index), \(evaluationCase.date):
          invoice:      \(json)
          engine:       \(ChargesBaselineCheck.render(engine))
          hand-written: \(ChargesBaselineCheck.render(handwritten))
        """
    }
  }

  /// The engine's plan reduced to what the baseline computes.
  static func essentials(of plan: ActionPlan) -> HandwrittenChargesPlan {
    let balance = plan.balance
    return HandwrittenChargesPlan(
      actions: plan.actions.map { HandwrittenAction(step: $0.step, scheduled: $0.scheduled, late: $0.late) },
      next: plan.next,
      balance: HandwrittenBalance(
        principal: balance.principal.minorUnits, fees: balance.fees.minorUnits,
        interest: balance.interest.minorUnits, discount: balance.discount.minorUnits,
        total: balance.total.minorUnits))
  }

  /// How many of the checked pairs reach each kind of outcome, to show the check is not vacuous.
  struct Coverage: CustomStringConvertible {
    var pairs = 0
    var withActions = 0
    var withNext = 0
    /// Pairs whose plan fires the fee or the interest.
    var firingCharges = 0
    /// Pairs whose balance has fees, and interest.
    var withFees = 0
    var withInterest = 0
    /// Pairs whose payments, dated by the evaluation date, paid interest or fees: they exceed
    /// the principal they settled, which is still open (so none of it is a surplus).
    var payingCharges = 0
    /// Pairs settled after the due date with a charge counted (in the history by then).
    var settledWithCharges = 0

    var description: String {
      "\(pairs) pairs: \(withActions) with actions, \(withNext) with a next date, \(firingCharges) firing a charge, "
        + "\(withFees) owing fees, \(withInterest) owing interest, \(payingCharges) with payments that paid charges "
        + "and principal open, \(settledWithCharges) settled with a charge counted"
    }
  }

  /// Throws the first pair on which the engine and the baseline differ; otherwise returns what
  /// the pairs covered.
  static func verify(_ cases: [EvaluationCase], evaluator: Evaluator) throws(Difference) -> Coverage {
    var coverage = Coverage()
    for (index, evaluationCase) in cases.enumerated() {
      let handwritten = HandwrittenCharges.plan(for: evaluationCase.invoice, on: evaluationCase.date)
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
      coverage.add(evaluationCase, engine)
    }
    return coverage
  }

  static func render(_ plan: HandwrittenChargesPlan) -> String {
    let balance = plan.balance
    return BaselineCheck.render(HandwrittenPlan(actions: plan.actions, next: plan.next))
      + ", balance principal \(balance.principal) + fees \(balance.fees) + interest \(balance.interest) − discount "
      + "\(balance.discount) = \(balance.total) (minor units)"
  }
}

extension ChargesBaselineCheck.Coverage {
  /// Counts one checked pair.
  mutating func add(_ evaluationCase: EvaluationCase, _ plan: HandwrittenChargesPlan) {
    let invoice = evaluationCase.invoice
    let date = evaluationCase.date
    pairs += 1
    if !plan.actions.isEmpty { withActions += 1 }
    if plan.next != nil { withNext += 1 }
    if plan.actions.contains(where: { (HandwrittenCharges.stepIndex($0.step) ?? 0) >= HandwrittenCharges.fee }) {
      firingCharges += 1
    }
    if plan.balance.fees > 0 { withFees += 1 }
    if plan.balance.interest > 0 { withInterest += 1 }
    var paid: Int64 = 0
    for payment in invoice.payments where payment.date <= date { paid += payment.amount.minorUnits }
    let principal = plan.balance.principal
    if principal > 0, paid > invoice.amount.minorUnits - principal { payingCharges += 1 }
    let chargeCounted = invoice.history.contains { entry in
      entry.date <= date && (HandwrittenCharges.stepIndex(entry.step) ?? 0) >= HandwrittenCharges.fee
    }
    if plan.balance.total == 0, date > invoice.due, chargeCounted { settledWithCharges += 1 }
  }
}
