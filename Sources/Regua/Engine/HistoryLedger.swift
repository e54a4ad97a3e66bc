/// An invoice's history, indexed for one evaluation: when each occurrence was first executed,
/// when a `write off` was, and the days of the contacts each limit counts. Order-independent by
/// construction, and proportional to the history's size whatever the number of limits.
///
/// Everything lives in one buffer of integers (one allocation per evaluation):
/// `[executed day per occurrence | channel starts | contact days by channel | every contact day]`.
struct HistoryLedger {
  /// The earliest day a `write off` step was executed, `Int.max` when never.
  private(set) var writeOffDay = Int.max
  private var storage: [Int]
  private let occurrenceCount: Int
  private let channelCount: Int
  /// Where the contact days by channel start: channel `c`'s are
  /// `storage[daysBase + start(c) ..< daysBase + start(c + 1)]`, sorted.
  private var startsBase: Int { occurrenceCount }
  private var daysBase: Int { occurrenceCount + channelCount + 1 }
  /// Where every counted contact day starts, sorted (kept only when the cadence has `limit any`).
  private var allBase: Int
  private let keepsAll: Bool

  init(_ history: borrowing [HistoryEntry], schedule: borrowing Schedule, cadence compiled: borrowing CompiledCadence) {
    let occurrenceCount = schedule.occurrences.count
    let channelCount = compiled.channelCount
    self.occurrenceCount = occurrenceCount
    self.channelCount = channelCount
    keepsAll = !compiled.anyLimits.isEmpty
    let daysBase = occurrenceCount + channelCount + 1
    var storage: [Int] = []
    // Room for the history, and for the contacts a plan records on top of it, without regrowing.
    storage.reserveCapacity(daysBase + (history.count + occurrenceCount) * (keepsAll ? 2 : 1))
    for _ in 0..<daysBase { storage.append(.max) }
    for channel in 0...channelCount { storage[occurrenceCount + channel] = 0 }
    var writeOffDay = Int.max
    if !history.isEmpty {
      HistoryLedger.index(history, schedule: schedule, cadence: compiled, into: &storage, writeOffDay: &writeOffDay)
    }
    let count = storage.count - daysBase
    storage.withUnsafeMutableBufferPointer { buffer in
      var keys = UnsafeMutableBufferPointer(rebasing: buffer[daysBase...])
      keys.sort()
      for index in keys.indices {
        buffer[occurrenceCount + (keys[index] >> 32) + 1] += 1
        keys[index] = (keys[index] & 0xFFFF_FFFF) + HistoryLedger.dayBase
      }
    }
    for channel in 0..<channelCount { storage[occurrenceCount + channel + 1] += storage[occurrenceCount + channel] }
    allBase = daysBase + count
    if keepsAll {
      for index in daysBase..<(daysBase + count) { storage.append(storage[index]) }
      storage.withUnsafeMutableBufferPointer { buffer in
        var all = UnsafeMutableBufferPointer(rebasing: buffer[(daysBase + count)...])
        all.sort()
      }
    }
    self.storage = storage
    self.writeOffDay = writeOffDay
  }

  /// Reads the history into `storage`: each occurrence's first execution in its slot, and each
  /// counted contact appended as one sortable key, channel number above and day below.
  private static func index(
    _ history: borrowing [HistoryEntry], schedule: borrowing Schedule, cadence compiled: borrowing CompiledCadence,
    into storage: inout [Int], writeOffDay: inout Int
  ) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: compiled.cadence.steps.count) { positions in
      positions.initialize(repeating: -1)
      for (index, occurrence) in schedule.occurrences.enumerated() where occurrence.key == .single {
        positions[occurrence.step] = index
      }
      for index in history.indices {
        let id = history[index].step
        let day = HistoryLedger.clamp(history[index].date.daysSinceEpoch)
        var channel = -1
        var step = compiled.stepIDs.index(of: id)
        var occurrence = step.map { positions[$0] } ?? -1
        if step == nil, OccurrenceID.hasKey(id) {
          // An occurrence id: it counts only when it names an occurrence of this invoice;
          // otherwise the cadence does not know it, like any unknown id.
          let keyed = compiled.stepIDs.index(of: String(OccurrenceID.stepPart(of: id)))
          occurrence = keyed.flatMap { schedule.occurrence(ofStep: $0, id: id) } ?? -1
          step = occurrence >= 0 ? keyed : nil
        }
        if let step {
          if occurrence >= 0 { storage[occurrence] = Swift.min(storage[occurrence], day) }
          if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
          channel = compiled.stepChannels[step]
        }
        if let explicit = history[index].channel {
          channel = compiled.channelNumbers.index(of: explicit.name) ?? compiled.otherChannel
        }
        if channel >= 0 { storage.append(channel << 32 | (day - HistoryLedger.dayBase)) }
      }
    }
  }

  /// Days sort below `2^32` once shifted by this: every representable date, with a margin.
  private static let dayBase = CivilDate.earliest.daysSinceEpoch - 2

  private static func clamp(_ day: Int) -> Int {
    Swift.min(Swift.max(day, CivilDate.earliest.daysSinceEpoch - 1), CivilDate.latest.daysSinceEpoch + 1)
  }

  /// How many integers the index holds: proportional to the occurrences, channels and history.
  var storedCount: Int { storage.count }

  /// The day occurrence `occurrence` was first executed, `Int.max` when never.
  func executedDay(_ occurrence: Int) -> Int { storage[occurrence] }

  func isExecuted(_ occurrence: Int, asOf day: Int) -> Bool { storage[occurrence] <= day }

  /// Records an occurrence executed on `day` (the host carrying out a plan).
  mutating func record(_ occurrence: Int, step: Int, on day: Int, cadence compiled: CompiledCadence) {
    storage[occurrence] = Swift.min(storage[occurrence], day)
    if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
    let channel = compiled.stepChannels[step]
    guard channel >= 0 else { return }
    let range = channelRange(channel)
    storage.insert(day, at: HistoryLedger.upperBound(day, in: storage, range))
    for later in (channel + 1)...channelCount { storage[startsBase + later] += 1 }
    allBase += 1
    if keepsAll {
      storage.insert(day, at: HistoryLedger.upperBound(day, in: storage, allBase..<storage.count))
    }
  }

  private func channelRange(_ channel: Int) -> Range<Int> {
    (daysBase + storage[startsBase + channel])..<(daysBase + storage[startsBase + channel + 1])
  }

  /// How many contacts a limit counts in the days `first...last`.
  func count(_ limit: ContactLimit, channel: Int, from first: Int, through last: Int) -> Int {
    let range = scope(limit, channel: channel)
    return HistoryLedger.upperBound(last, in: storage, range)
      - HistoryLedger.upperBound(first.saturatingSubtracting(1), in: storage, range)
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

  /// The first day on or after `day` on which `limit` counts fewer than its maximum (for
  /// `limit any`, `channel` is not read).
  ///
  /// On a day `t` the limit is full when its N-th most recent contact up to `t` is inside the
  /// window `t-M+1...t`; the earliest escape is the day after that contact leaves the window,
  /// unless a later contact enters first, in which case the search goes on from there. Every
  /// round moves past at least one contact, so the cost is bounded by the contacts in the way.
  func nextRoom(_ limit: ContactLimit, channel: Int, from day: Int) -> Int {
    guard limit.count > 0 else { return .max }
    guard limit.days > 0 else { return day }
    let range = scope(limit, channel: channel)
    var day = day
    while true {
      let through = HistoryLedger.upperBound(day, in: storage, range)
      if through - range.lowerBound < limit.count { return day }
      let nth = storage[through - limit.count]
      if nth <= day.saturatingSubtracting(limit.days) { return day }
      day = nth.saturatingAdding(limit.days)
      if day == .max { return .max }
    }
  }

  private func scope(_ limit: ContactLimit, channel: Int) -> Range<Int> {
    limit.channel == nil ? allBase..<storage.count : channelRange(channel)
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
