extension Explanation {
  /// The plan as `regua plan` prints it for people: what to do today, the skips that are news
  /// today (a count of the older ones), what held a missed step on its days, and what `next`
  /// brings. Input text is escaped with ``SafeText``.
  ///
  /// ```swift
  /// let explanation = Evaluator(cadence).explain(invoice, on: today, held: .newSkips)
  /// print(explanation.planReport())
  /// ```
  ///
  /// - Parameter everySkip: List every skipped step, not only today's news (`regua plan --all`).
  public func planReport(everySkip: Bool = false) -> String {
    PlanTable.render(self, all: everySkip)
  }

  /// The explanation as `regua explain` prints it: every step in order with what decided it,
  /// the values its conditions saw, the pauses, promises and limit windows. Input text is
  /// escaped with ``SafeText``.
  public var report: String {
    ExplanationText.render(self)
  }
}

extension Explanation: CustomStringConvertible {
  /// The explanation as `regua explain` prints it: its ``report``.
  public var description: String { report }
}
