extension SendWindow {
  /// The windows in which both `own` and `restricting` let each channel contact: for every
  /// channel either names, the pairwise overlaps of the windows that apply to it on each side
  /// (a channel's own windows, else the `any` ones; a side with none does not restrict), and
  /// for `any`, the overlaps of the `any` windows.
  ///
  /// - Returns: The windows, or the channel (`nil` for `any`) for which the two sides never
  ///   open together.
  static func intersecting(_ own: [SendWindow], _ restricting: [SendWindow]) -> Result<[SendWindow], Disjoint> {
    guard !restricting.isEmpty else { return .success(own) }
    var channels: [Channel] = []
    for window in own + restricting {
      if let channel = window.channel, !channels.contains(channel) { channels.append(channel) }
    }
    channels.sort()
    func applying(_ windows: [SendWindow], to channel: Channel?) -> [SendWindow] {
      let specific = windows.filter { $0.channel == channel }
      return channel != nil && specific.isEmpty ? windows.filter { $0.channel == nil } : specific
    }
    var result: [SendWindow] = []
    for channel in [nil] + channels.map(Optional.some) {
      let a = applying(own, to: channel)
      let b = applying(restricting, to: channel)
      if a.isEmpty && b.isEmpty { continue }
      var overlaps: [SendWindow] = []
      if a.isEmpty || b.isEmpty {
        overlaps = (a.isEmpty ? b : a).compactMap {
          try? SendWindow(channel: channel, from: $0.from, to: $0.to, days: $0.days)
        }
      } else {
        for x in a {
          for y in b {
            let days = WeekdaySet(rawValue: x.days.rawValue & y.days.rawValue)
            let from = Swift.max(x.from, y.from)
            let to = Swift.min(x.to, y.to)
            guard days.rawValue != 0, from < to,
              let window = try? SendWindow(channel: channel, from: from, to: to, days: days)
            else { continue }
            if !overlaps.contains(window) { overlaps.append(window) }
          }
        }
        if overlaps.isEmpty { return .failure(Disjoint(channel: channel, own: a, restricting: b)) }
      }
      result += overlaps
    }
    return .success(result)
  }

  /// The channel (`nil` for `any`) whose windows never open together.
  struct Disjoint: Error {
    let channel: Channel?
    /// The windows of each side that apply to the channel.
    let own: [SendWindow]
    let restricting: [SendWindow]
  }
}
