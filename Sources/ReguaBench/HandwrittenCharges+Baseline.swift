import Regua

extension HandwrittenCharges: HandwrittenBaseline {
  static var name: String { "hand-written charges baseline" }

  /// The actions and `next`, as for the b2b baseline, and the balance component by component in
  /// minor units.
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

  static func render(_ plan: HandwrittenChargesPlan) -> String {
    let balance = plan.balance
    return HandwrittenB2B.render(HandwrittenPlan(actions: plan.actions, next: plan.next))
      + ", balance principal \(balance.principal) + fees \(balance.fees) + interest \(balance.interest) − discount "
      + "\(balance.discount) = \(balance.total) (minor units)"
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
}

extension HandwrittenCharges.Coverage {
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
