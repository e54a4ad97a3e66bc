/// An invoice's history, indexed for one evaluation: when each occurrence was first executed,
/// when a `write off` was, and the days of the contacts each limit counts. Order-independent by
/// construction, and proportional to the history's size whatever the number of limits.
struct HistoryLedger {
  /// Per occurrence of the schedule: the day it was first executed, `Int.max` when never.
  private(set) var executedDay: [Int]
  /// The earliest day a `write off` step was executed, `Int.max` when never.
  private(set) var writeOffDay = Int.max
  /// Contact days by channel number: channel `c`'s are `days[starts[c]..<starts[c + 1]]`, sorted.
  private var days: [Int]
  private var starts: [Int]
  /// Every counted contact day, sorted; kept only when the cadence has a `limit any`.
  private var allDays: [Int] = []

  init(_ history: [HistoryEntry], schedule: Schedule, cadence compiled: CompiledCadence) {
    executedDay = Array(repeating: .max, count: schedule.occurrences.count)
    // Each counted contact as one sortable key: channel number above, day below.
    var keys: [Int] = []
    keys.reserveCapacity(history.count)
    for entry in history {
      let day = HistoryLedger.clamp(entry.date.daysSinceEpoch)
      var channel = -1
      if let step = compiled.stepIndex[HistoryLedger.stepID(of: entry.step)] {
        if let occurrence = schedule.occurrence(ofStep: step, id: entry.step) {
          executedDay[occurrence] = Swift.min(executedDay[occurrence], day)
        }
        if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
        channel = compiled.stepChannels[step]
      }
      if let explicit = entry.channel { channel = compiled.channelNumbers[explicit] ?? compiled.otherChannel }
      if channel >= 0 { keys.append(channel << 32 | (day - HistoryLedger.dayBase)) }
    }
    keys.sort()
    var starts = Array(repeating: 0, count: compiled.channelCount + 1)
    for index in keys.indices {
      starts[(keys[index] >> 32) + 1] += 1
      keys[index] = (keys[index] & 0xFFFF_FFFF) + HistoryLedger.dayBase
    }
    for channel in 0..<compiled.channelCount { starts[channel + 1] += starts[channel] }
    self.starts = starts
    days = keys
    if !compiled.anyLimits.isEmpty { allDays = keys.sorted() }
  }

  /// Days sort below `2^32` once shifted by this: every representable date, with a margin.
  private static let dayBase = CivilDate.earliest.daysSinceEpoch - 2

  private static func clamp(_ day: Int) -> Int {
    Swift.min(Swift.max(day, CivilDate.earliest.daysSinceEpoch - 1), CivilDate.latest.daysSinceEpoch + 1)
  }

  /// The step id of an occurrence id: `p+1-call@2026-03-20` → `p+1-call`.
  static func stepID(of id: String) -> String {
    guard let at = id.utf8.firstIndex(of: UInt8(ascii: "@")) else { return id }
    return String(id[..<at])
  }

  func isExecuted(_ occurrence: Int, asOf day: Int) -> Bool { executedDay[occurrence] <= day }

  /// Records an occurrence executed on `day` (the host carrying out a plan).
  mutating func record(_ occurrence: Int, step: Int, on day: Int, cadence compiled: CompiledCadence) {
    executedDay[occurrence] = Swift.min(executedDay[occurrence], day)
    if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
    let channel = compiled.stepChannels[step]
    guard channel >= 0 else { return }
    days.insert(day, at: HistoryLedger.upperBound(day, in: days, starts[channel]..<starts[channel + 1]))
    for later in (channel + 1)..<starts.count { starts[later] += 1 }
    if !compiled.anyLimits.isEmpty {
      allDays.insert(day, at: HistoryLedger.upperBound(day, in: allDays, allDays.indices))
    }
  }

  /// How many contacts a limit counts in the days `first...last`.
  func count(_ limit: ContactLimit, channel: Int, from first: Int, through last: Int) -> Int {
    let (array, range) = scope(limit, channel: channel)
    return HistoryLedger.upperBound(last, in: array, range) - HistoryLedger.upperBound(first - 1, in: array, range)
  }

  /// The first day on or after `day` on which every limit counting channel `channel` has room
  /// for one more contact; `Int.max` when none.
  func nextRoom(channel: Int, from day: Int, cadence compiled: CompiledCadence) -> Int {
    var day = day
    var moved = true
    while moved {
      moved = false
      for index in compiled.channelLimits[channel] {
        let room = nextRoom(compiled.cadence.limits[index], channel: channel, from: day)
        if room != day { (day, moved) = (room, true) }
        if day == .max { return .max }
      }
      for index in compiled.anyLimits {
        let room = nextRoom(compiled.cadence.limits[index], channel: channel, from: day)
        if room != day { (day, moved) = (room, true) }
        if day == .max { return .max }
      }
    }
    return day
  }

  /// The first day on or after `day` on which `limit` counts fewer than its maximum.
  ///
  /// On a day `t` the limit is full when its N-th most recent contact up to `t` is inside the
  /// window `t-M+1...t`; the earliest escape is the day after that contact leaves the window,
  /// unless a later contact enters first, in which case the search goes on from there. Every
  /// round moves past at least one contact, so the cost is bounded by the contacts in the way.
  private func nextRoom(_ limit: ContactLimit, channel: Int, from day: Int) -> Int {
    guard limit.count > 0 else { return .max }
    guard limit.days > 0 else { return day }
    let (array, range) = scope(limit, channel: channel)
    var day = day
    while true {
      let through = HistoryLedger.upperBound(day, in: array, range)
      let counted = through - range.lowerBound
      if counted < limit.count { return day }
      let nth = array[through - limit.count]
      if nth <= day - limit.days { return day }
      day = nth + limit.days
    }
  }

  private func scope(_ limit: ContactLimit, channel: Int) -> (array: [Int], range: Range<Int>) {
    limit.channel == nil ? (allDays, allDays.indices) : (days, starts[channel]..<starts[channel + 1])
  }

  /// The index of the first element `> value` in a sorted range of `array`.
  static func upperBound(_ value: Int, in array: [Int], _ range: Range<Int>) -> Int {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high {
      let middle = (low + high) / 2
      if array[middle] <= value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
