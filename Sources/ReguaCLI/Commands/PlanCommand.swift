import Regua

/// `regua plan FILE --invoice PATH --on DATE [--json]`: one invoice's plan on one date.
enum PlanCommand: Command {
  static let spec = CommandSpec(
    name: "plan", usageLine: "USAGE: regua plan FILE --invoice PATH --on DATE [--json] [--cadence NAME]",
    options: ["invoice", "on", "cadence"], flags: ["json"], minimumPositionals: 1, maximumPositionals: 1,
    help: """
      regua plan — the action plan for one invoice on a date

      USAGE: regua plan FILE --invoice PATH --on DATE [--json] [--cadence NAME]

      ARGUMENTS:
        FILE              a rule file
      OPTIONS:
        --invoice PATH    the invoice as JSON (`-` reads standard input)
        --on DATE         the evaluation date, YYYY-MM-DD, or `today` in the cadence's time zone
        --json            print the plan as one line of JSON (keys sorted)
        --cadence NAME    the cadence to use when FILE declares several

      The plan lists the actions due today, the steps skipped with the reason, and `next`: the
      first later date with something to do.
      """)

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let invoicePath = try arguments.required("invoice")
    let dateText = try arguments.required("on")
    let cadence = try RuleLoading.cadence(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    let date = try RuleLoading.date(dateText, option: "on", timeZone: cadence.timeZone)
    let invoice = try RuleLoading.invoice(invoicePath)
    let plan = evaluate(cadence, invoice, on: date)
    terminal.print(arguments.flag("json") ? plan.jsonLine : PlanTable.render(plan))
    return .success
  }
}
