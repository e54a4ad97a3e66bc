import Dispatch

extension Portfolio {
  /// The plans of `invoices` on `date`, in their order, computed on Dispatch's threads so that
  /// the caller's executor (an actor, the main actor, Swift's cooperative pool) is never blocked
  /// while the workers run.
  ///
  /// The plans are those of the synchronous `plans(for:on:)`, byte for byte; in an `async`
  /// context this overload is the one called, with `await`. The work runs to its end once
  /// started: cancelling the calling task does not stop it.
  ///
  /// ```swift
  /// let plans = await portfolio.plans(for: invoices, on: today)
  /// ```
  public func plans(for invoices: [Invoice], on date: CivilDate) async -> [Result<ActionPlan, InvalidInput>] {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let plans: [Result<ActionPlan, InvalidInput>] = self.plans(for: invoices, on: date)
        continuation.resume(returning: plans)
      }
    }
  }
}
