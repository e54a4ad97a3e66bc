/// Something that happens on a simulated timeline: an action the host executes, or a change in
/// the invoice's state that explains the actions around it — a payment, a promise to pay, a
/// pause that begins or ends, collection stopping.
///
/// ``Simulation/events`` and ``Simulator/events(of:actions:)`` list them in date order; `regua
/// simulate` prints them, and a renderer can draw them.
public enum SimulationEvent: Sendable, Hashable {
  /// An action fires (the host executes it and records it in the history).
  case action(TimelineEntry)
  /// A payment is received; `balance` is what is owed at the end of its day.
  case payment(Payment, balance: Money)
  /// A promise to pay is made (on its `made` date, or on the first day simulated when it has
  /// none).
  case promise(PromiseToPay, on: CivilDate)
  /// A `pause when` rule begins to hold: collection is on hold.
  case paused(Condition, on: CivilDate)
  /// A `pause when` rule no longer holds.
  case pauseEnds(Condition, on: CivilDate)
  /// Collection stops: paid in full, cancelled, written off, or a `stop when` rule holds.
  case stopped(StopCause, on: CivilDate)
  /// A `stop when` rule no longer holds, so collection goes on.
  case stopEnds(Condition, on: CivilDate)

  /// The day it happens.
  public var date: CivilDate {
    switch self {
    case .action(let entry): return entry.date
    case .payment(let payment, _): return payment.date
    case .promise(_, let date), .paused(_, let date), .pauseEnds(_, let date), .stopped(_, let date),
      .stopEnds(_, let date):
      return date
    }
  }

  /// The order of events on one day: payments and promises first (they change what the day's
  /// plan sees), then the actions, then the state they leave.
  var rank: Int {
    switch self {
    case .payment: return 0
    case .promise: return 1
    case .action: return 2
    case .stopped: return 3
    case .stopEnds: return 4
    case .paused: return 5
    case .pauseEnds: return 6
    }
  }

  /// The event on one line, unescaped: an action in timeline notation
  /// (`2026-03-24  D+14  call`), the others as `2026-03-20  payment 200.00 BRL (balance 189.90
  /// BRL)`, `2026-04-01  promise to pay by 2026-04-10`, `2026-03-22  paused: disputed`,
  /// `2026-04-11  pause ends: promised`, `2026-04-10  stopped: the invoice is paid in full`.
  public var line: String { "\(date)  \(text)" }

  /// The event's words after the date.
  var text: String {
    switch self {
    case .action(let entry): return String(entry.line.dropFirst(entry.date.description.count + 2))
    case .payment(let payment, let balance): return "payment \(payment.amount) (balance \(balance))"
    case .promise(let promise, _):
      return "promise to pay" + (promise.amount.map { " \($0)" } ?? "") + " by \(promise.date)"
    case .paused(let condition, _): return "paused: \(condition)"
    case .pauseEnds(let condition, _): return "pause ends: \(condition)"
    case .stopped(let cause, _): return "stopped: \(cause)"
    case .stopEnds(let condition, _): return "stop ends: `\(condition)` no longer holds"
    }
  }
}

extension Array where Element == SimulationEvent {
  /// The events one per line, unescaped, the actions aligned among themselves as
  /// ``TimelineEntry`` lines are.
  public var lines: [String] {
    var actions = compactMap { event -> TimelineEntry? in
      if case .action(let entry) = event { return entry }
      return nil
    }.lines.makeIterator()
    return map { event in
      if case .action = event, let line = actions.next() { return line }
      return event.line
    }
  }
}
