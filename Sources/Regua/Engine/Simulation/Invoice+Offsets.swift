extension Invoice {
  /// The date an offset names for this invoice: `D+14` (due date + 14), `D-3`, `D0`, `I+5`
  /// (issue date + 5), or an ISO date `2026-03-24` as is — counted as a cadence without a
  /// business calendar schedules steps. With a cadence at hand, ask its ``Schedule`` instead.
  ///
  /// - Throws: ``CivilDateError/notADate(_:)`` when the text is neither.
  public func date(at text: String) throws(CivilDateError) -> CivilDate {
    try Schedule.plain(for: self).date(at: text)
  }
}
