/// An account's histories, read once for an evaluation: one ``ExecutionIndex`` per invoice
/// (with its schedule) and one ``ContactLedger`` for them all, in one buffer.
///
/// When contacts merge (the default), one channel's contacts on one day count once across the
/// account, history and today's actions alike; under `group by invoice` every one counts.
struct AccountLedger {
  /// Per invoice (in the account's order, by id): when each step comes due.
  let schedules: [Schedule]
  /// Per invoice: its executions.
  private(set) var executions: [ExecutionIndex]
  /// The account's contacts (and, in its reserved slots, the invoices' executions).
  private(set) var contacts: ContactLedger

  /// Reads every invoice's history, each step's channel taken from `channels`.
  init(_ invoices: [Invoice], evaluator: borrowing Evaluator, channels: borrowing ChannelTable) {
    let compiled = evaluator.compiled
    var schedules: [Schedule] = []
    schedules.reserveCapacity(invoices.count)
    var slots = 0
    var history = 0
    for index in invoices.indices {
      // By its dates: an invoice read whole from an array is copied.
      schedules.append(
        Schedule(
          steps: compiled.order, issued: invoices[index].issued, due: invoices[index].due,
          calendar: evaluator.calendar, windows: compiled.sharedWindows))
      slots += schedules[index].occurrences.count
      history += invoices[index].history.count
    }
    var builder = ContactLedger.Builder(cadence: compiled, contacts: history + slots, reserving: slots)
    var executions: [ExecutionIndex] = []
    executions.reserveCapacity(schedules.count)
    var base = 0
    for index in invoices.indices {
      executions.append(
        ExecutionIndex(
          invoices[index].history, schedule: schedules[index], cadence: compiled, channels: channels,
          base: base,
          contacts: &builder))
      base += schedules[index].occurrences.count
    }
    self.schedules = schedules
    self.executions = executions
    contacts = ContactLedger(&builder, cadence: compiled, countsOncePerDay: !compiled.cadence.groupsByInvoice)
  }

  /// Records occurrence `occurrence` (of step `step`) of invoice `invoice` executed on `day`,
  /// without counting a contact: the account records a merged contact once.
  mutating func recordExecution(
    invoice: Int, _ occurrence: Int, step: Int, on day: Int, cadence compiled: borrowing CompiledCadence
  ) {
    executions[invoice].record(occurrence, step: step, on: day, cadence: compiled, in: &contacts)
  }

  /// Records a contact on channel number `channel` on `day`.
  mutating func recordContact(channel: Int, on day: Int) {
    contacts.record(channel: channel, on: day)
  }
}
