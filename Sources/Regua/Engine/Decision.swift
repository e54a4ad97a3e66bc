/// The engine's verdict on one due step, before it is put into words.
struct Decision {
  let step: Int
  /// The scheduled day (days since the epoch).
  let scheduled: Int
  var verdict: Verdict
}

/// What happens to a due step.
enum Verdict {
  /// It fires today.
  case fire
  /// A contact more days late than the catch-up allows.
  case missed(late: Int)
  /// Collection has stopped.
  case stopped(StopCause)
  /// A `pause when` holds (its index among the cadence's pause conditions).
  case paused(Int)
  /// `when` is false (or `unless` true).
  case condition(unlessHolds: Bool, notes: [String])
  /// A newer contact on the same channel is in the history or goes out today.
  case superseded(by: Int, executed: Bool)
  /// Admitting it would exceed the limit with this index.
  case limited(Int)

  var isFiring: Bool {
    if case .fire = self { return true }
    return false
  }
}

/// Why collection has stopped.
enum StopCause {
  case paid
  case cancelled
  case writtenOffStatus
  /// A `write off` step is in the history, first on this day.
  case writeOffStep(day: Int)
  /// A `stop when` condition holds (its index).
  case rule(Int)

  /// Whether the stop lasts whatever happens later (no condition can lift it).
  var isPermanent: Bool {
    if case .rule = self { return false }
    return true
  }
}
