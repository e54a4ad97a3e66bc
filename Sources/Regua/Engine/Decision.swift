/// The engine's verdict on one due occurrence, before it is put into a plan.
struct Decision {
  /// The occurrence's index in the schedule.
  let occurrence: Int
  /// The step's declaration index.
  let step: Int
  /// The scheduled day (days since the epoch).
  let scheduled: Int
  var verdict: Verdict
}

/// What happens to a due occurrence.
enum Verdict {
  /// It fires today.
  case fire
  /// A contact more days late than the catch-up allows.
  case missed(late: Int)
  /// Collection has stopped (the cause is the day's, shared by every step).
  case stopped
  /// A `pause when` holds (its index among the cadence's pause conditions).
  case paused(Int)
  /// `when` is false (or `unless` true).
  case condition(unlessHolds: Bool)
  /// The contact's channel does not open on the day (its `window` lines).
  case window
  /// The customer opted out of the contact's channel.
  case optedOut
  /// A newer contact on the same channel (this occurrence) is in the history or goes out today.
  case superseded(by: Int, executed: Bool)
  /// Admitting it would exceed the limit with this index.
  case limited(Int)
  /// An `after conversation wait` line (its index) holds the contact: the customer had a
  /// conversation on day `conversation`.
  case held(conversation: Int, wait: Int)

  var isFiring: Bool {
    if case .fire = self { return true }
    return false
  }

  /// The skip reason, `nil` for a decision that fires.
  var reason: SkipReason? {
    switch self {
    case .fire: return nil
    case .missed: return .missed
    case .stopped: return .stopped
    case .paused: return .paused
    case .condition: return .condition
    case .window: return .window
    case .optedOut: return .optedOut
    case .superseded: return .superseded
    case .limited, .held: return .limited
    }
  }
}
