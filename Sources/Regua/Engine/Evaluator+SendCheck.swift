/// What a send-time check says about an action planned earlier (`Evaluator.recheck(_:for:on:)`).
public enum SendCheck: Sendable, Hashable {
  /// Still due: send this action, the fresh plan's (for a merged contact, `covers` and
  /// `invoices` list only the invoices it still covers).
  case send(PlannedAction)
  /// No longer due: the fresh plan skips it (`skipped`, with its reason and detail), or does
  /// not list it at all (`nil`: it was executed, or its invoice is paid or gone).
  case hold(SkippedStep?)

  /// Whether the action is still due.
  public var isDue: Bool {
    if case .send = self { return true }
    return false
  }
}

extension Evaluator {
  /// Confirms one action planned earlier against fresh state, just before it is sent.
  ///
  /// Plans are often computed hours before the messages go out; a payment, a promise, a
  /// dispute or an opt-out may arrive in between. Calling this with the invoice as it stands
  /// right before sending makes "a reminder after the customer paid" impossible: it evaluates
  /// the fresh plan for the action's date and answers ``SendCheck/send(_:)`` only when that plan
  /// still has an action with the same id. Costs one evaluation of one invoice.
  ///
  /// - Throws: ``InvalidInput`` when the invoice's amounts cannot be computed.
  public func recheck(_ action: PlannedAction, for invoice: Invoice, on date: CivilDate) throws(InvalidInput)
    -> SendCheck
  {
    let plan = try plan(for: invoice, on: date)
    if let fresh = plan.actions.first(where: { $0.id == action.id }) { return .send(fresh) }
    return .hold(plan.skipped.first { $0.step == action.step })
  }

  /// Confirms one action of an account's plan against the account's fresh state, as the
  /// invoice's form does: a merged contact is sent when the fresh plan still has it, covering
  /// the invoices that still need it.
  ///
  /// - Throws: ``InvalidInput`` when an invoice's amounts cannot be computed.
  public func recheck(_ action: PlannedAction, for account: Account, on date: CivilDate) throws(InvalidInput)
    -> SendCheck
  {
    let plan = try plan(for: account, on: date)
    if let fresh = plan.actions.first(where: { $0.id == action.id }) { return .send(fresh) }
    let covered = Set(action.covers.map(\.invoice) + [action.invoice].compactMap { $0 })
    return .hold(plan.skipped.first { skip in skip.invoice.map(covered.contains) ?? false })
  }
}
