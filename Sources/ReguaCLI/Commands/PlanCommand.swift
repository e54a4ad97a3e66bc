import Regua

/// `regua plan FILE --invoice PATH --on DATE [--json]`: one invoice's plan on one date.
enum PlanCommand: Command {
  static let spec = CommandSpec(
    name: "plan",
    usageLine:
      "USAGE: regua plan FILE (--invoice PATH | --invoices PORTFOLIO.jsonl [--shard K/N]) --on DATE [--json] [--all] [--cadence NAME]",
    options: ["invoice", "invoices", "shard", "on", "cadence"], flags: ["json", "all"], minimumPositionals: 1,
    maximumPositionals: 1,
    help: """
      regua plan — the action plan for one invoice on a date

      USAGE: regua plan FILE --invoice PATH --on DATE [--json] [--all] [--cadence NAME]
             regua plan FILE --invoices PORTFOLIO.jsonl --on DATE [--shard K/N] [--json] [--cadence NAME]

      ARGUMENTS:
        FILE              a rule file
      OPTIONS:
        --invoice PATH    the invoice as JSON (`-` reads standard input), or an account: one
                          customer's invoices, {"customer": {...}, "invoices": [...]}; its plan
                          merges the contacts of one channel on one day into one action
        --invoices PATH   a portfolio: one invoice document per line (JSON Lines; `-` reads
                          standard input); one plan per line comes out, in input order. A bad
                          line is reported on standard error with its number, the others are
                          still planned, and the run exits 1 at the end
        --shard K/N       plan only part K of N: the invoices whose customer id (the invoice id
                          without a customer) hashes to K-1 modulo N (FNV-1a-64)
        --on DATE         the evaluation date, YYYY-MM-DD, or `today` in the cadence's time zone
        --json            print the plan as one line of JSON (keys sorted)
        --all             list every skipped step, not only those new today
        --cadence NAME    the cadence to use when FILE declares several

      The plan lists the actions due today; the steps skipped that are news today (skipped for
      the first time, or for another reason than yesterday) with the reason, and how many older
      skips there are (`--all` lists them); for a missed step, what held it on its days; and
      `next`: the first later date with something to do, and what it brings.
      """,
    overview: [
      ("plan FILE --invoice PATH --on DATE", "the action plan for one invoice on a date"),
      ("plan FILE --invoices PATH --on DATE", "the plans of a portfolio (JSON Lines), in order"),
    ])

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let portfolio = arguments.value("invoices")
    if portfolio != nil, arguments.value("invoice") != nil {
      throw UsageError(message: "give either `--invoice` or `--invoices`, not both")
    }
    let shard = try arguments.value("shard").map { text in
      guard let shard = Shard(parsing: text) else {
        throw UsageError(message: "`--shard` takes K/N with 1 ≤ K ≤ N, such as `2/8`")
      }
      return shard
    }
    if shard != nil, portfolio == nil { throw UsageError(message: "`--shard` goes with `--invoices`") }
    if arguments.flag("all"), portfolio != nil || arguments.flag("json") {
      throw UsageError(message: "`--all` goes with the human plan of one `--invoice` (`--json` lists every skip)")
    }
    let invoicePath = try portfolio == nil ? arguments.required("invoice") : ""
    let dateText = try arguments.required("on")
    let (cadence, environment) = try RuleLoading.cadenceAndEnvironment(
      arguments.positionals[0], named: arguments.value("cadence"), terminal: terminal)
    let date = try RuleLoading.date(dateText, option: "on", timeZone: cadence.timeZone)
    if let portfolio {
      return try PortfolioRun.run(
        cadence, environment: environment, path: portfolio, date: date, shard: shard, json: arguments.flag("json"),
        terminal: terminal)
    }
    let document = try RuleLoading.document(invoicePath, hostChannels: cadence.hostChannels)
    let evaluator = try Evaluator(cadence, environment: environment)
    // Entries the engine would pass over without a word: said on standard error.
    let problems: [HistoryProblem]
    switch document {
    case .invoice(let invoice): problems = evaluator.checkHistory(of: invoice, on: date)
    case .account(let account): problems = evaluator.checkHistories(of: account, on: date)
    }
    for problem in problems {
      terminal.error(
        "\(SafeText.escaped(invoicePath)): warning: invoice \(SafeText.escaped(problem.invoice)): \(problem)")
    }
    guard case .invoice(let invoice) = document else {
      guard case .account(let account) = document else { return .success }
      if arguments.flag("all"), !arguments.flag("json") {
        throw UsageError(
          message: "`--all` goes with an invoice's plan; an account's plan lists new skips, `--json` all")
      }
      let plan = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
        try evaluator.plan(for: account, on: date)
      }
      if arguments.flag("json") {
        terminal.print(plan.jsonLine)
      } else {
        let yesterday = date > CivilDate.earliest ? try? evaluator.plan(for: account, on: date.adding(days: -1)) : nil
        terminal.print(plan.report(since: yesterday))
      }
      return .success
    }
    if arguments.flag("json") {
      terminal.print(
        try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
          try evaluator.plan(for: invoice, on: date).jsonLine
        })
    } else {
      let all = arguments.flag("all")
      let explanation = try RuleLoading.evaluating(invoicePath) { () throws(InvalidInput) in
        try evaluator.explain(invoice, on: date, held: all ? .all : .newSkips)
      }
      terminal.print(explanation.planReport(everySkip: all))
    }
    return .success
  }
}
