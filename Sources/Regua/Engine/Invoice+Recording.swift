extension Invoice {
  /// Records an action the host executed on `date` into this invoice's history, with the step
  /// id the engine reads back: the action's ``PlannedAction/step`` (never its id,
  /// `INV-1/d+1-email`, which the cadence would not know). For a merged contact of an account's
  /// plan, the steps it covers in this invoice.
  ///
  /// - Throws: ``InvalidInput`` when the action is not about this invoice, or the entry would be
  ///   invalid (a history at ``Bounds/documentItems``).
  public mutating func record(_ action: PlannedAction, on date: CivilDate) throws(InvalidInput) {
    let steps: [String]
    if !action.covers.isEmpty {
      steps = action.covers.filter { $0.invoice == id }.map(\.step)
    } else if action.invoice == nil || action.invoice == id, action.id == id + "/" + action.step {
      steps = [action.step]
    } else {
      steps = []
    }
    guard !steps.isEmpty else {
      throw InvalidInput(
        InputError(
          path: "",
          message: "the action `\(SafeText.excerpt(action.id))` is not about the invoice `\(SafeText.excerpt(id))`"))
    }
    var copy = self
    for step in steps { try copy.record(HistoryEntry(step: step, date: date)) }
    self = copy
  }
}
