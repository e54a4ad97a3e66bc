/// One invoice's history, read once for an evaluation: the occurrences it executed
/// (``ExecutionIndex``) and the contacts its cadence's limits count (``ContactLedger``), in one
/// buffer.
///
/// A single invoice's plan keeps both here; an account keeps one execution index per invoice
/// and one contact ledger for all of them.
struct HistoryLedger {
  /// When each occurrence was first executed, and when a `write off` was.
  private(set) var executions: ExecutionIndex
  /// The contacts the limits count (and, in its reserved slots, the executions' days).
  private(set) var contacts: ContactLedger

  /// Reads `history` against `schedule`, each step's channel taken from `channels`.
  init(
    _ history: borrowing [HistoryEntry], schedule: borrowing Schedule, cadence compiled: borrowing CompiledCadence,
    channels: borrowing ChannelTable
  ) {
    var builder = ContactLedger.Builder(
      cadence: compiled, contacts: history.count + schedule.occurrences.count,
      reserving: schedule.occurrences.count)
    executions = ExecutionIndex(
      history, schedule: schedule, cadence: compiled, channels: channels, base: 0, contacts: &builder)
    contacts = ContactLedger(&builder, cadence: compiled)
  }

  /// The earliest day a `write off` step was executed, `Int.max` when never.
  var writeOffDay: Int { executions.writeOffDay }

  /// How many integers the ledger holds: proportional to the occurrences, channels and history.
  var storedCount: Int { contacts.storedCount }

  /// The day occurrence `occurrence` was first executed, `Int.max` when never.
  @inline(__always)
  func executedDay(_ occurrence: Int) -> Int { executions.executedDay(occurrence, in: contacts) }

  /// Records occurrence `occurrence`, of step `step`, executed on `day` (the host carrying out
  /// a plan): executed, and counted as a contact on its channel in `channels`.
  mutating func record(
    _ occurrence: Int, step: Int, on day: Int, cadence compiled: borrowing CompiledCadence,
    channels: borrowing ChannelTable
  ) {
    executions.record(occurrence, step: step, on: day, cadence: compiled, in: &contacts)
    contacts.record(channel: channels[step], on: day)
  }
}
