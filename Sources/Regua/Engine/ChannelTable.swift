/// The channel each step contacts one customer on, chosen once per evaluation: the one place a
/// step's channel is decided, so that what the customer accepts acts everywhere the engine reads
/// a channel (decisions, superseding, limits, windows, `next`, the history's contacts and the
/// plan's actions).
///
/// A step with `fallback` channels goes out on the first of the customer's preferred channels
/// among its own and its fallbacks that the customer has not opted out of; without a preferred
/// one, on its own channel, or the first fallback not opted out when they opted out of it. When
/// the customer opted out of all of them, it keeps its own channel (and is skipped `opted-out`).
///
/// For a customer without opt-outs or preferences, or a cadence without fallbacks, it is the
/// cadence's own table, shared without a copy.
struct ChannelTable {
  /// Per step: the number of the channel it contacts on, -1 for a non-contact step.
  private let numbers: [Int]
  /// Per step: the channel as plans carry it, `nil` for a non-contact step.
  private let channels: [Channel?]
  /// The channel numbers the customer opted out of, sorted (few, usually none).
  private let optedOut: [Int]
  /// The steps whose channel the customer's table changed, with the action they then take:
  /// `email "x"` falling back on `sms` is `sms "x"`. Empty for most customers.
  private let moved: [(step: Int, action: Action)]

  /// The table of `compiled`'s steps for `customer`.
  init(_ compiled: borrowing CompiledCadence, customer: borrowing Customer) {
    let optedOut = compiled.channelNumbers(of: customer.optOuts)
    self.optedOut = optedOut
    guard compiled.hasFallbacks, !optedOut.isEmpty || !customer.preferredChannels.isEmpty else {
      numbers = compiled.stepChannels
      channels = compiled.contactChannels
      moved = []
      return
    }
    var numbers = compiled.stepChannels
    var channels = compiled.contactChannels
    var moved: [(step: Int, action: Action)] = []
    let preferred = customer.preferredChannels.compactMap { compiled.channelNumbers.index(of: $0.name) }
    for (step, fallbacks) in compiled.stepFallbacks.enumerated() where !fallbacks.isEmpty {
      let own = numbers[step]
      let accepted = ([own] + fallbacks).filter { !optedOut.contains($0) }
      guard let first = accepted.first else { continue }
      let chosen = preferred.first(where: accepted.contains) ?? first
      guard chosen != own else { continue }
      let channel = compiled.channelsByNumber[chosen]
      numbers[step] = chosen
      channels[step] = channel
      moved.append((step, compiled.cadence.steps[step].action.sent(on: channel)))
    }
    self.numbers = numbers
    self.channels = channels
    self.moved = moved
  }

  /// The number of the channel step `step` contacts on, -1 for a non-contact step.
  @inline(__always)
  subscript(step: Int) -> Int { numbers[step] }

  /// The channel step `step` contacts on, as plans carry it; `nil` for a non-contact step.
  func channel(ofStep step: Int) -> Channel? { channels[step] }

  /// The action step `step` takes for this customer: `declared`, unless the table moved it to
  /// another channel.
  @inline(__always)
  func action(ofStep step: Int, declared: Action) -> Action {
    guard !moved.isEmpty else { return declared }
    return moved.first { $0.step == step }?.action ?? declared
  }

  /// Whether step `step` is a contact on a channel the customer opted out of.
  @inline(__always)
  func isOptedOut(_ step: Int) -> Bool {
    !optedOut.isEmpty && numbers[step] >= 0 && optedOut.contains(numbers[step])
  }
}

extension Action {
  /// The contact sent on `channel` instead: the same template and arguments, the channel's
  /// action (`notify NAME` for a host channel).
  func sent(on channel: Channel) -> Action {
    let arguments = kind == .notify ? Array(self.arguments.dropFirst()) : self.arguments
    if let kind = ActionKind(rawValue: channel.name), kind.isContact, kind != .notify {
      return Action(kind, arguments: arguments)
    }
    return Action(.notify, arguments: [channel.name] + arguments)
  }
}
