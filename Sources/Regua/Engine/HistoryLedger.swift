/// An invoice's history, indexed for one evaluation: when each step was first executed and
/// which contacts count towards each limit. Order-independent by construction.
struct HistoryLedger {
  /// Per step: the day it was first executed, `Int.max` when never.
  private(set) var executedDay: [Int]
  /// The earliest day a `write off` step was executed, `Int.max` when never.
  private(set) var writeOffDay = Int.max
  /// Per limit: the days of the contacts it counts, sorted.
  private(set) var limitEntries: [[Int]]
  /// The days of every history entry, for finding when the state can change.
  private(set) var entryDays: [Int] = []

  init(_ history: [HistoryEntry], layout: CadenceLayout) {
    executedDay = Array(repeating: .max, count: layout.stepCount)
    limitEntries = Array(repeating: [], count: layout.limits.count)
    for entry in history {
      let day = entry.date.daysSinceEpoch
      entryDays.append(day)
      var channel = entry.channel
      if let index = layout.stepIndex[entry.step] {
        executedDay[index] = min(executedDay[index], day)
        if layout.actions[index] == .writeOff { writeOffDay = min(writeOffDay, day) }
        channel = channel ?? layout.channels[index]
      }
      if let channel {
        for (limitIndex, limit) in layout.limits.enumerated() where limit.applies(to: channel) {
          limitEntries[limitIndex].append(day)
        }
      }
    }
    for index in limitEntries.indices { limitEntries[index].sort() }
  }

  func isExecuted(_ step: Int, asOf day: Int) -> Bool { executedDay[step] <= day }

  /// Records a step executed on `day` (the host carrying out a plan).
  mutating func record(step: Int, on day: Int, layout: CadenceLayout) {
    executedDay[step] = min(executedDay[step], day)
    if layout.actions[step] == .writeOff { writeOffDay = min(writeOffDay, day) }
    for limitIndex in layout.stepLimits[step] {
      let entries = limitEntries[limitIndex]
      limitEntries[limitIndex].insert(day, at: HistoryLedger.firstIndex(in: entries, notBelow: day + 1))
    }
  }

  /// How many contacts limit `limitIndex` counts in the days `first...last`.
  func count(limit limitIndex: Int, from first: Int, through last: Int) -> Int {
    let entries = limitEntries[limitIndex]
    return HistoryLedger.firstIndex(in: entries, notBelow: last + 1)
      - HistoryLedger.firstIndex(in: entries, notBelow: first)
  }

  /// The index of the first element `>= value` in a sorted array.
  static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = (low + high) / 2
      if sorted[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
