/// The limits phase of a day: contacts are offered one at a time, in admission order (latest
/// scheduled first), and each is admitted unless one more would exceed a `limit` counting its
/// channel — the contacts the ledger holds in the limit's window plus those admitted today.
///
/// It is the account phase of a decision: a single invoice offers its firing contacts, an
/// account its merged ones, and the rule is the same.
struct LimitAdmission {
  private let limits: [ContactLimit]
  /// Per channel number: the limits that name it; and the `limit any` lines.
  private let channelLimits: [[Int]]
  private let anyLimits: [Int]
  private let contacts: ContactLedger
  private let day: Int
  /// Per limit: the contacts admitted today that it counts.
  private let admitted: UnsafeMutableBufferPointer<Int>

  /// Calls `body` with an admission for `day` over `contacts`; nothing is allocated on the heap.
  static func on<Result>(
    _ day: Int, contacts: ContactLedger, cadence compiled: CompiledCadence,
    _ body: (inout LimitAdmission) throws -> Result
  ) rethrows -> Result {
    try withUnsafeTemporaryAllocation(of: Int.self, capacity: compiled.cadence.limits.count) { admitted in
      admitted.initialize(repeating: 0)
      var admission = LimitAdmission(
        limits: compiled.cadence.limits, channelLimits: compiled.channelLimits, anyLimits: compiled.anyLimits,
        contacts: contacts, day: day, admitted: admitted)
      return try body(&admission)
    }
  }

  /// Offers a contact on channel number `channel`: admits and counts it, or returns the index
  /// of the first limit (in declaration order) it would exceed. When contacts count once a day
  /// and one on that channel is already counted today, it counts once together with it: it is
  /// admitted and adds nothing.
  mutating func admit(channel: Int) -> Int? {
    if contacts.countsOncePerDay, contacts.contains(channel: channel, on: day) { return nil }
    var exceeded: Int?
    forEachLimit(countingChannel: channel) { index in
      let limit = limits[index]
      let counted =
        contacts.count(limit, channel: channel, from: day.saturatingSubtracting(limit.days) + 1, through: day)
        + admitted[index]
      if counted + 1 > limit.count { exceeded = index }
      return exceeded == nil
    }
    if exceeded != nil { return exceeded }
    forEachLimit(countingChannel: channel) { index in
      admitted[index] += 1
      return true
    }
    return nil
  }

  /// Calls `body` with each limit that counts `channel`, in declaration order, until it returns
  /// false.
  private func forEachLimit(countingChannel channel: Int, _ body: (Int) -> Bool) {
    let own = channelLimits[channel]
    let any = anyLimits
    var (i, j) = (0, 0)
    while i < own.count || j < any.count {
      let next: Int
      if j == any.count || (i < own.count && own[i] < any[j]) {
        next = own[i]
        i += 1
      } else {
        next = any[j]
        j += 1
      }
      if !body(next) { return }
    }
  }
}
