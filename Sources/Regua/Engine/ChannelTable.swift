/// The channel each step contacts one customer on, chosen once per evaluation: the one place a
/// step's channel is decided, so that what the customer accepts acts everywhere the engine reads
/// a channel (decisions, superseding, limits, windows, `next`, the history's contacts and the
/// plan's actions).
///
/// For a customer without opt-outs it is the cadence's own table, shared without a copy.
struct ChannelTable {
  /// Per step: the number of the channel it contacts on, -1 for a non-contact step.
  private let numbers: [Int]
  /// Per step: the channel as plans carry it, `nil` for a non-contact step.
  private let channels: [Channel?]
  /// The channel numbers the customer opted out of, sorted (few, usually none).
  private let optedOut: [Int]

  /// The table of `compiled`'s steps for `customer`.
  init(_ compiled: borrowing CompiledCadence, customer: borrowing Customer) {
    numbers = compiled.stepChannels
    channels = compiled.contactChannels
    optedOut = compiled.channelNumbers(of: customer.optOuts)
  }

  /// The number of the channel step `step` contacts on, -1 for a non-contact step.
  @inline(__always)
  subscript(step: Int) -> Int { numbers[step] }

  /// The channel step `step` contacts on, as plans carry it; `nil` for a non-contact step.
  func channel(ofStep step: Int) -> Channel? { channels[step] }

  /// Whether step `step` is a contact on a channel the customer opted out of.
  @inline(__always)
  func isOptedOut(_ step: Int) -> Bool {
    !optedOut.isEmpty && numbers[step] >= 0 && optedOut.contains(numbers[step])
  }
}
