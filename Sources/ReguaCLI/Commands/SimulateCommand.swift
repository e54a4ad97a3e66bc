import Regua

/// `regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay DATE:AMOUNT]... [--json]`.
enum SimulateCommand: Command {
  static let spec = CommandSpec(
    name: "simulate",
    usageLine:
      "USAGE: regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay [INVOICE:]DATE:AMOUNT]... [--json]",
    options: ["invoice", "from", "to", "pay", "cadence"], repeatable: ["pay"], flags: ["json"], minimumPositionals: 1,
    maximumPositionals: 1,
    help: """
      regua simulate — the timeline of a cadence for one invoice

      USAGE: regua simulate FILE --invoice PATH [--from DATE] [--to DATE] [--pay [INVOICE:]DATE:AMOUNT]... [--json]

      Walks time assuming the host executes every planned action on its day and records it in
      the history, jumping from each plan's `next` to the following one.

      OPTIONS:
        --invoice PATH      the invoice as JSON (`-` reads standard input), or an account
                            document: its contacts merged per channel and day, each action
                            recorded in every invoice it covers
        --from DATE         the first day evaluated (default: the issue date)
        --to DATE           the last day evaluated (default: until nothing more is planned)
        --pay DATE:AMOUNT   add a payment, e.g. `--pay 2026-03-20:500.00`; repeatable; for an
                            account, name the invoice: `--pay INV-1:2026-03-20:500.00`
        --json              one line per date on which something fires: that day's plan, as
                            `regua plan --json` prints it, except that `skipped` lists only
                            the steps skipped for the first time or for another reason than
                            on the previous line
        --cadence NAME      the cadence to use when FILE declares several

      Human output is one line per action: date, offset, action, template, and a note when the
      action fires late; for an account: date, action id, action, lateness, and the invoices
      and steps it covers.
      """,
    overview: [("simulate FILE --invoice PATH", "the timeline of a cadence for one invoice")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let (cadence, environment) = try RuleLoading.cadenceAndEnvironment(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    let invoicePath = try arguments.required("invoice")
    let from = try arguments.value("from").map { try RuleLoading.date($0, option: "from", timeZone: cadence.timeZone) }
    let to = try arguments.value("to").map { try RuleLoading.date($0, option: "to", timeZone: cadence.timeZone) }
    if let from, let to, to < from {
      throw UsageError(message: "`--to` (\(to)) is before `--from` (\(from))")
    }
    var invoice: Invoice
    switch try RuleLoading.document(invoicePath, hostChannels: cadence.hostChannels) {
    case .invoice(let one): invoice = one
    case .account(let account):
      return try runAccount(
        account, cadence: cadence, environment: environment, path: invoicePath, from: from, to: to,
        arguments: arguments, terminal: terminal)
    }
    for payment in arguments.allValues("pay") {
      let received = try parsePayment(payment, currency: invoice.currency)
      do {
        try invoice.update { $0.payments.append(received) }
      } catch {
        throw CommandFailure(message: "error: `--pay \(SafeText.escaped(payment))`: \(error)")
      }
    }
    // Plans are handed out as the walk goes, so memory stays proportional to the input: JSON
    // lines are printed at once; the human timeline keeps only the actions.
    let json = arguments.flag("json")
    var fired: [ActionPlan] = []
    let simulator = try Simulator(cadence, environment: environment)
    let summary = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
      try simulator.walk(invoice, from: from, through: to, listing: .new) { plan in
        if json {
          terminal.print(plan.jsonLine)
        } else {
          var actions = plan
          actions.skipped = []
          fired.append(actions)
        }
      }
    }
    if !json {
      let actions = TimelineEntry.entries(of: fired, in: cadence)
      let (events, owed) = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
        (
          try simulator.events(of: summary, actions: actions),
          try simulator.evaluator.amounts(for: summary.finalState, on: summary.end)
        )
      }
      terminal.print(render(cadence, events, summary, invoice: invoice, owed: owed))
    }
    return .success
  }

  /// `regua simulate` of an account document: every action of the walk, one line each with the
  /// invoices it covers; `--pay INVOICE:DATE:AMOUNT` pays one of its invoices.
  private static func runAccount(
    _ account: Account, cadence: Cadence, environment: Environment, path: String, from: CivilDate?, to: CivilDate?,
    arguments: Arguments, terminal: Terminal
  ) throws -> ExitCode {
    var account = account
    for text in arguments.allValues("pay") {
      // The last two parts are the date and the amount: an invoice id may hold a colon.
      let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      guard parts.count >= 3 else {
        throw UsageError(
          message: "`--pay \(SafeText.excerpt(text))`: for an account, write INVOICE:DATE:AMOUNT, "
            + "e.g. `--pay INV-1:2026-03-20:500.00`")
      }
      let id = parts.dropLast(2).joined(separator: ":")
      guard let index = account.invoices.firstIndex(where: { $0.id == id }) else {
        throw UsageError(
          message: "`--pay \(SafeText.excerpt(text))`: the account has no invoice `\(SafeText.excerpt(id))`; "
            + "its invoices are \(account.invoices.map { "`\(SafeText.excerpt($0.id))`" }.joined(separator: ", "))")
      }
      let received = try parsePayment(
        parts.suffix(2).joined(separator: ":"), currency: account.invoices[index].currency, quoting: text)
      do {
        var paid = account.invoices[index]
        try paid.update { $0.payments.append(received) }
        try account.update { _, invoices in invoices[index] = paid }
      } catch {
        throw CommandFailure(message: "error: `--pay \(SafeText.escaped(text))`: \(error)")
      }
    }
    let simulator = try Simulator(cadence, environment: environment)
    if arguments.flag("json") {
      _ = try RuleLoading.evaluating(path) { () throws(InvalidInput) in
        try simulator.walk(account, from: from, through: to, listing: .new) { terminal.print($0.jsonLine) }
      }
    } else {
      let simulation = try RuleLoading.evaluating(path) { () throws(InvalidInput) in
        try simulator.run(account, from: from, through: to)
      }
      terminal.print(simulation.report)
    }
    return .success
  }

  private static func parsePayment(_ text: String, currency: Currency, quoting: String? = nil) throws -> Payment {
    let quoted = quoting ?? text
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      let form =
        quoting != nil
        ? "for an account, write INVOICE:DATE:AMOUNT, e.g. `--pay INV-1:2026-03-20:500.00`"
        : "write DATE:AMOUNT, e.g. `--pay 2026-03-20:500.00`"
          + (parts.count > 2 ? " (INVOICE:DATE:AMOUNT is for an account document)" : "")
      throw UsageError(message: "`--pay \(SafeText.excerpt(quoted))`: \(form)")
    }
    do {
      let payment = Payment(
        date: try CivilDate(parsing: parts[0]), amount: try Money(parsing: parts[1], currency: currency))
      guard payment.amount.minorUnits > 0 else {
        throw UsageError(message: "`--pay \(SafeText.excerpt(quoted))`: the amount must be above zero")
      }
      return payment
    } catch let error as CivilDateError {
      throw UsageError(message: "`--pay \(SafeText.excerpt(quoted))`: \(SafeText.escaped("\(error)"))")
    } catch let error as MoneyError {
      throw UsageError(message: "`--pay \(SafeText.excerpt(quoted))`: \(SafeText.escaped("\(error)"))")
    }
  }

  private static func render(
    _ cadence: Cadence, _ events: [SimulationEvent], _ summary: SimulationSummary, invoice: Invoice,
    owed: AmountsOwed
  ) -> String {
    let version = cadence.version.map { " v\($0)" } ?? ""
    let name = SafeText.escaped(cadence.name)
    var lines = [
      "\(name)\(version) · invoice \(SafeText.escaped(invoice.id)) · due \(invoice.due) · \(invoice.amount)",
      "",
    ]
    // The lines quote the steps' arguments and the rules' conditions: escaped, after alignment
    // (the columns before them hold dates, offsets and keywords only).
    lines += events.isEmpty ? ["Nothing happens."] : events.lines.map(SafeText.escaped)
    lines.append("")
    let count = events.count { if case .action = $0 { true } else { false } }
    lines.append(
      "\(count) action\(count == 1 ? "" : "s") from \(summary.start) to \(summary.end); "
        + "balance at the end \(owed)")
    lines.append("Next: " + (summary.next.map { "\($0)" } ?? "nothing more is planned"))
    return lines.joined(separator: "\n")
  }
}
