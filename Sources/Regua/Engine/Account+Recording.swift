extension Account {
  /// Records an action the host executed on `date` into the histories it covers: each invoice
  /// and step a merged contact ``PlannedAction/covers``, or the one invoice and step of any
  /// other action of an account's plan. All or nothing.
  ///
  /// - Throws: ``InvalidInput`` when the action is another customer's merged contact, names an
  ///   invoice the account does not have, or an entry would be invalid (a history at
  ///   ``Bounds/documentItems``).
  public mutating func record(_ action: PlannedAction, on date: CivilDate) throws(InvalidInput) {
    // A merged contact's id names its customer: another customer's is refused, even when it
    // covers invoice ids this account also has.
    if !action.covers.isEmpty, !action.id.hasPrefix(customer.id + "/") {
      throw InvalidInput(
        InputError(
          path: "",
          message:
            "the action `\(SafeText.excerpt(action.id))` is not for the customer `\(SafeText.excerpt(customer.id))` "
            + "of this account"))
    }
    let entries =
      action.covers.isEmpty
      ? [CoveredStep(invoice: action.invoice ?? "", step: action.step)] : action.covers
    var invoices = self.invoices
    for entry in entries {
      guard let index = invoices.firstIndex(where: { $0.id == entry.invoice }) else {
        throw InvalidInput(
          InputError(
            path: "",
            message: "the action `\(SafeText.excerpt(action.id))` covers the invoice "
              + "`\(SafeText.excerpt(entry.invoice))`, which is not in the account of "
              + "`\(SafeText.excerpt(customer.id))`"))
      }
      try invoices[index].record(HistoryEntry(step: entry.step, date: date))
    }
    self.invoices = invoices
  }
}
