import Regua

/// `regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay DATE:AMOUNT]... [--json]`.
enum SimulateCommand: Command {
  static let spec = CommandSpec(
    name: "simulate",
    usageLine: "USAGE: regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay DATE:AMOUNT]... [--json]",
    options: ["invoice", "from", "to", "pay", "cadence"], repeatable: ["pay"], flags: ["json"], minimumPositionals: 1,
    maximumPositionals: 1,
    help: """
      regua simulate — the timeline of a cadence for one invoice

      USAGE: regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay DATE:AMOUNT]... [--json]

      Walks time assuming the host executes every planned action on its day and records it in
      the history, jumping from each plan's `next` to the following one.

      OPTIONS:
        --invoice PATH      the invoice as JSON (`-` reads standard input)
        --from DATE         the first day evaluated (default: the issue date)
        --to DATE           the last day evaluated (default: until nothing more is planned)
        --pay DATE:AMOUNT   add a payment, e.g. `--pay 2026-03-20:500.00`; repeatable
        --json              one line per date on which something fires: that day's plan, as
                            `regua plan --json` prints it
        --cadence NAME      the cadence to use when FILE declares several

      Human output is one line per action: date, offset, action, template, and a note when the
      action fires late.
      """)

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let cadence = try RuleLoading.cadence(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    var invoice = try RuleLoading.invoice(try arguments.required("invoice"))
    for payment in arguments.allValues("pay") {
      invoice.payments.append(try parsePayment(payment, currency: invoice.currency))
    }
    let from = try arguments.value("from").map { try RuleLoading.date($0, option: "from", timeZone: cadence.timeZone) }
    let to = try arguments.value("to").map { try RuleLoading.date($0, option: "to", timeZone: cadence.timeZone) }
    if let from, let to, to < from {
      throw UsageError(message: "`--to` (\(to)) is before `--from` (\(from))")
    }
    let simulation = Simulator(cadence).run(invoice, from: from, through: to)
    if arguments.flag("json") {
      if !simulation.plans.isEmpty { terminal.print(simulation.plans.map(\.jsonLine).joined(separator: "\n")) }
    } else {
      terminal.print(render(simulation, invoice: invoice, to: to))
    }
    return .success
  }

  private static func parsePayment(_ text: String, currency: Currency) throws -> Payment {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      throw UsageError(message: "`--pay \(text)`: write DATE:AMOUNT, e.g. `--pay 2026-03-20:500.00`")
    }
    do {
      let payment = Payment(
        date: try CivilDate(parsing: parts[0]), amount: try Money(parsing: parts[1], currency: currency))
      guard payment.amount.minorUnits > 0 else {
        throw UsageError(message: "`--pay \(text)`: the amount must be above zero")
      }
      return payment
    } catch let error as CivilDateError {
      throw UsageError(message: "`--pay \(text)`: \(error)")
    } catch let error as MoneyError {
      throw UsageError(message: "`--pay \(text)`: \(error)")
    }
  }

  private static func render(_ simulation: Simulation, invoice: Invoice, to: CivilDate?) -> String {
    let version = simulation.cadence.version.map { " v\($0)" } ?? ""
    var lines = [
      "\(simulation.cadence.name)\(version) · invoice \(invoice.id) · due \(invoice.due) · \(invoice.amount)",
      "",
    ]
    let timeline = simulation.timeline
    lines += timeline.isEmpty ? ["Nothing fires."] : timeline.lines
    lines.append("")
    let count = timeline.count
    var summary = "\(count) action\(count == 1 ? "" : "s") from \(simulation.start)"
    if let to { summary += " to \(to)" }
    summary +=
      "; balance at the end \(simulation.finalState.balance(asOf: simulation.plans.last?.date ?? simulation.start))"
    lines.append(summary)
    lines.append("Next: " + (simulation.next.map { "\($0)" } ?? "nothing more is planned"))
    return lines.joined(separator: "\n")
  }
}
