/// Why a due step does not fire, in the order the engine checks them.
public enum SkipReason: String, Sendable, Hashable, CaseIterable {
  /// A contact step more days late than the catch-up allows.
  case missed
  /// The invoice is paid, cancelled or written off, or a `stop when` holds.
  case stopped
  /// A `pause when` condition holds.
  case paused
  /// The step's `when` is false or its `unless` is true.
  case condition
  /// The contact's channel has a `window` that does not open on the day.
  case window
  /// The customer opted out of the contact's channel.
  case optedOut = "opted-out"
  /// A newer contact on the same channel was sent or goes out today.
  case superseded
  /// A contact limit would be exceeded.
  case limited
}
