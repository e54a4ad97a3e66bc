import Regua

/// `regua explain FILE --invoice PATH --on DATE [--json] [--cadence NAME]`: every step of the
/// cadence, in order, with what decided it and the values its conditions saw.
enum ExplainCommand: Command {
  static let spec = CommandSpec(
    name: "explain",
    usageLine: "USAGE: regua explain FILE --invoice PATH --on DATE [--json] [--cadence NAME]",
    options: ["invoice", "on", "cadence"], flags: ["json"], minimumPositionals: 1, maximumPositionals: 1,
    help: """
      regua explain — why the plan for one invoice on a date is what it is

      USAGE: regua explain FILE --invoice PATH --on DATE [--json] [--cadence NAME]

      ARGUMENTS:
        FILE              a rule file
      OPTIONS:
        --invoice PATH    the invoice as JSON (`-` reads standard input), or an account
                          document: one customer's invoices, explained together
        --on DATE         the evaluation date, YYYY-MM-DD, or `today` in the cadence's time zone
        --json            print the explanation as one line of JSON (keys sorted)
        --cadence NAME    the cadence to use when FILE declares several

      Lists whether collection runs (each `stop when` and `pause when` with the values it saw,
      the promise to pay), with charges how the balance follows (each fee, stretch of interest
      and payment: `1,000.00 × 1%/30 × 30 days = 10.00`), each limit's window (how many
      contacts it counts, when it has room again), then every step in declaration order: done
      (and when), fires today, skipped (the reason; for a missed step what held it on each day
      it could still go out), or upcoming (its date), each with its conditions traced:
      `balance 320.00 >= 500.00 → false`.
      With a calendar, a step moved off a weekend day or a holiday says so, a business-day
      offset says what it counts, and a due date that is not a business day is given with the
      effective due date D0 and D+N count from.
      For an account document: the limits and waits across the account, then each invoice's
      steps as the account decides them — a contact merged with other invoices' says which,
      and whose step was chosen (`merged with INV-2 (d+7-email) into C-42/email/2026-03-11;
      step d+7-email of INV-2 chosen (the latest scheduled, …)`).
      The JSON is described in Documentation/JSON.md.
      """,
    overview: [("explain FILE --invoice PATH --on DATE", "every step of a plan, with what decided it")])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let invoicePath = try arguments.required("invoice")
    let dateText = try arguments.required("on")
    let (cadence, environment) = try RuleLoading.cadenceAndEnvironment(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    let date = try RuleLoading.date(dateText, option: "on", timeZone: cadence.timeZone)
    let evaluator = try Evaluator(cadence, environment: environment)
    switch try RuleLoading.document(invoicePath, hostChannels: cadence.hostChannels) {
    case .invoice(let invoice):
      let explanation = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
        try evaluator.explain(invoice, on: date)
      }
      terminal.print(arguments.flag("json") ? explanation.jsonLine : explanation.report)
    case .account(let account):
      let explanation = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
        try evaluator.explain(account, on: date)
      }
      terminal.print(arguments.flag("json") ? explanation.jsonLine : explanation.report)
    }
    return .success
  }
}
