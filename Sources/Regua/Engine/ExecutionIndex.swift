/// When each occurrence of one invoice's schedule was first executed, and when a `write off`
/// was: the per-invoice half of its history. Order-independent by construction.
///
/// The contacts the history records are the other half, in a ``ContactLedger`` that an account's
/// invoices share; one reading of the history fills both. The days themselves live in the
/// ledger's reserved slots (`base ..< base + count`, one per occurrence), so that an evaluation
/// allocates one buffer, whatever the number of invoices.
struct ExecutionIndex {
  /// The earliest day a `write off` step was executed, `Int.max` when never.
  private(set) var writeOffDay = Int.max
  /// The first of the ledger's reserved slots that hold this invoice's days.
  let base: Int

  /// Reads `history`: each entry naming an occurrence of `schedule` marks it executed in the
  /// slots from `base` on, and each entry that is a contact (its step's channel in `channels`,
  /// or its own `"channel"`) is added to `contacts`.
  init(
    _ history: borrowing [HistoryEntry], schedule: borrowing Schedule, cadence compiled: borrowing CompiledCadence,
    channels: borrowing ChannelTable, base: Int, contacts: inout ContactLedger.Builder
  ) {
    self.base = base
    var writeOffDay = Int.max
    if !history.isEmpty {
      withUnsafeTemporaryAllocation(of: Int.self, capacity: compiled.cadence.steps.count) { positions in
        positions.initialize(repeating: -1)
        for (index, occurrence) in schedule.occurrences.enumerated() where occurrence.key == .single {
          positions[occurrence.step] = index
        }
        for index in history.indices {
          let id = history[index].step
          let day = ContactLedger.clamp(history[index].date.daysSinceEpoch)
          if history[index].kind == .conversation {
            // A conversation executes no step; with a channel, it is a contact on it too.
            contacts.addConversation(day: day)
            if let explicit = history[index].channel {
              contacts.add(channel: compiled.channelNumbers.index(of: explicit.name) ?? compiled.otherChannel, day: day)
            }
            continue
          }
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
            if occurrence >= 0 {
              contacts[reserved: base + occurrence] = Swift.min(contacts[reserved: base + occurrence], day)
            }
            if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
            channel = channels[step]
          }
          if let explicit = history[index].channel {
            channel = compiled.channelNumbers.index(of: explicit.name) ?? compiled.otherChannel
          }
          if channel >= 0 { contacts.add(channel: channel, day: day) }
        }
      }
    }
    self.writeOffDay = writeOffDay
  }

  /// The day occurrence `occurrence` was first executed, `Int.max` when never.
  @inline(__always)
  func executedDay(_ occurrence: Int, in ledger: borrowing ContactLedger) -> Int { ledger[reserved: base + occurrence] }

  /// Whether occurrence `occurrence` was executed on or before `day`.
  @inline(__always)
  func isExecuted(_ occurrence: Int, asOf day: Int, in ledger: borrowing ContactLedger) -> Bool {
    ledger[reserved: base + occurrence] <= day
  }

  /// Records occurrence `occurrence`, of step `step`, executed on `day`.
  mutating func record(
    _ occurrence: Int, step: Int, on day: Int, cadence compiled: borrowing CompiledCadence,
    in ledger: inout ContactLedger
  ) {
    ledger[reserved: base + occurrence] = Swift.min(ledger[reserved: base + occurrence], day)
    if compiled.writesOff[step] { writeOffDay = Swift.min(writeOffDay, day) }
  }
}
