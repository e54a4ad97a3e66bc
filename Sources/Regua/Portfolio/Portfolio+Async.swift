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

  /// The plans of `accounts` on `date`, in their order, computed on Dispatch's threads: the
  /// synchronous `plans(for:on:)` of accounts, byte for byte, without blocking the caller's
  /// executor.
  public func plans(for accounts: [Account], on date: CivilDate) async -> [Result<AccountPlan, InvalidInput>] {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let plans: [Result<AccountPlan, InvalidInput>] = self.plans(for: accounts, on: date)
        continuation.resume(returning: plans)
      }
    }
  }
}
