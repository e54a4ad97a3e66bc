import ReguaTesting

@testable import Regua

/// A generated cadence and invoice, for property tests of the engine's invariants.
struct RandomScenario {
  var cadence: Cadence
  var invoice: Invoice
  var source: String
  /// Supplies the business calendars a scenario may name (`calendar HOST`, `calendar
  /// REGIONAL`), beside the built-in ones, so that due dates and steps move.
  var environment = Environment.standard

  /// The host calendar scenarios may use: Saturdays, Sundays and three holidays in March 2026.
  static let hostCalendar =
    BusinessCalendar(
      weekend: [.saturday, .sunday],
      holidays: Set(["2026-03-11", "2026-03-20", "2026-03-23"].compactMap { CivilDate($0) }),
      workdays: Set(["2026-03-28"].compactMap { CivilDate($0) })) ?? .none

  /// A host calendar made from a built-in one: `BR` with a regional holiday in each month the
  /// scenarios' dates reach, and a Saturday worked.
  static let regionalCalendar = BusinessCalendar.brazil.adding(
    holidays: Dictionary(
      uniqueKeysWithValues: [("2026-02-25", "Regional A"), ("2026-03-19", "Regional B"), ("2026-04-13", "Regional C")]
        .compactMap { date, name in CivilDate(date).map { ($0, name) } }),
    workdays: Set(["2026-03-21"].compactMap { CivilDate($0) }))

  /// The environment every scenario is evaluated in: the built-in calendars and both host ones.
  static let calendarEnvironment = Environment(calendars: ["HOST": hostCalendar, "REGIONAL": regionalCalendar])

  /// An evaluator for the scenario, in its environment.
  var evaluator: Evaluator {
    // A scenario's environment is made with its cadence, and always has its calendar.
    guard let evaluator = try? Evaluator(cadence, environment: environment) else {
      preconditionFailure("the scenario's environment lacks the calendar `\(cadence.calendar ?? "")`")
    }
    return evaluator
  }

  /// A fixed cadence with conditions, limits and every channel, for tests that need one
  /// cadence for many generated invoices.
  static let sharedCadenceSource = """
    cadence "shared"
      D-3 email reminder
      D0 sms due-today
      D+1 email overdue when balance >= 100.00
      D+7 whatsapp follow-up unless tagged "vip"
      D+14 call when balance >= 300.00
      D+15 task review when days-overdue in [15, 16, 17]
      D+20 fee 2% unless promised
      D+30 letter registered notice
      pause when disputed
      limit any 2 per 7 days
    """

  static func make(_ random: inout SeededRandom) throws -> RandomScenario {
    var lines = ["cadence \"random\""]
    lines.append("  catch up \(Int.random(in: 0...5, using: &random)) days")
    let actions = [
      "email a", "email b", "sms a", "whatsapp a", "call", "fee 2%", "suspend service", "task team", "letter x",
      // Charges: amounts that rise every day, jump, and fall back when a discount ends.
      "interest 1% per month", "interest 12% per year", "interest 0.5% per day", "fee 3% max 20.00", "fee 10.00",
      "discount 5% until D+3",
    ]
    let conditions = [
      "", "", "", " when balance >= 300.00", " when days-overdue >= 12", " unless tagged \"vip\"", " when not promised",
      " when days-overdue in [5, 20, 21]", " unless balance < 50.00", " when days-overdue > 9",
      " unless days-overdue < 7",
      " when days-overdue != 16 and days-overdue <= 30",
      " when (days-overdue > 3) == (balance < 500)", " when balance == 300.00", " when balance in [100.00, 300.00]",
      " when promised", " when balance < amount", " when customer.segment == \"smb\" or disputed",
      " when balance > 2.00 USD", " unless days-overdue in [0, 1, 2, 8]",
      // Conditions on every amount owed, which interest and discounts move both ways.
      " when interest >= 2.00", " when fees > 0", " unless principal < 400.00", " when balance > 820.00",
      " when interest > fees", " when fees in [16.00, 20.00]", " when balance != principal",
      " unless interest < 0.50",
      // Account fields: the other invoices' payments, charges, due dates and stops move them.
      " when account.overdue-balance >= 500.00", " when account.open-invoices > 1",
      " unless account.overdue-invoices in [0, 2]", " when account.oldest-days-overdue >= 10",
      " when account.balance < amount", " when account.balance > 900.00 and days-overdue > 2",
    ]
    // Half the scenarios name a calendar: a built-in one, `none`, or a host's (hand-made, or
    // `BR` extended); some add their own holiday and workday lines.
    let calendar =
      Bool.random(using: &random) ? nil : ["BR", "US", "none", "HOST", "REGIONAL"].randomElement(using: &random)
    let movesDates = calendar != nil && calendar != "none"
    if let calendar { lines.append("  calendar \(calendar)") }
    if movesDates, Int.random(in: 0..<3, using: &random) == 0 {
      lines.append("  holiday 2026-03-\(Int.random(in: 12...18, using: &random)) \"Closed\"")
      lines.append("  workday 2026-03-\(Int.random(in: 21...22, using: &random))")
    }
    let spread = [8, 20, 45].randomElement(using: &random) ?? 45
    var channels: Set<String> = []
    for index in 0..<Int.random(in: 1...10, using: &random) {
      let offset = Int.random(in: -6...spread, using: &random)
      // Some offsets count business days (any calendar, `none` included: then they are days).
      let businessDays = calendar != nil && offset != 0 && Int.random(in: 0..<4, using: &random) == 0
      let unit = businessDays ? (abs(offset) == 1 ? " business day" : " business days") : ""
      let anchor =
        Int.random(in: 0..<8, using: &random) == 0
        ? "I+\(max(abs(offset), businessDays ? 1 : 0))" : (offset >= 0 ? "D+\(offset)" : "D\(offset)")
      let action = actions.randomElement(using: &random) ?? "email a"
      if let channel = action.split(separator: " ").first.map(String.init),
        ["email", "sms", "whatsapp", "call", "letter"].contains(channel)
      {
        channels.insert(channel)
      }
      let anyDay = calendar != nil && Int.random(in: 0..<5, using: &random) == 0 ? " any day" : ""
      let condition = conditions.randomElement(using: &random) ?? ""
      // A quarter of the contacts fall back on other channels for a customer who opted out.
      var fallback = ""
      if let own = action.split(separator: " ").first.map(String.init),
        ["email", "sms", "whatsapp", "call", "letter"].contains(own), Int.random(in: 0..<4, using: &random) == 0
      {
        let others = ["sms", "email", "whatsapp", "call", "letter"].filter { $0 != own }.shuffled(using: &random)
        fallback = Bool.random(using: &random) ? " fallback \(others[0])" : " fallback [\(others[0]), \(others[1])]"
      }
      lines.append("  \(anchor)\(unit) \(action)\(anyDay)\(fallback)\(condition) as s\(index)")
    }
    // A third of the scenarios with contacts restrict their hours: every channel, or some
    // channels only, on days that make contacts wait (a window on one weekday, or only on
    // weekends, which a business calendar closes).
    if !channels.isEmpty, Int.random(in: 0..<3, using: &random) == 0 {
      let days = ["", " mon-fri", " days mon wed fri sat", " days tue", " days sat sun", " fri-mon"]
      if Bool.random(using: &random) {
        lines.append("  window any 08:00-21:00" + (days.randomElement(using: &random) ?? ""))
      }
      for channel in channels.sorted() where Int.random(in: 0..<3, using: &random) == 0 {
        lines.append("  window \(channel) 09:00-12:00" + (days.randomElement(using: &random) ?? ""))
        if Bool.random(using: &random) { lines.append("  window \(channel) 14:00-18:00 mon-fri") }
      }
    }
    if Bool.random(using: &random) { lines.append("  pause when disputed") }
    if Bool.random(using: &random) { lines.append("  pause when promised") }
    if Int.random(in: 0..<4, using: &random) == 0 { lines.append("  stop when balance < 100.00") }
    if Int.random(in: 0..<3, using: &random) > 0 {
      lines.append(
        "  limit any \(Int.random(in: 1...2, using: &random)) per \(Int.random(in: 1...5, using: &random)) days")
    }
    if Bool.random(using: &random) { lines.append("  limit email 1 per \(Int.random(in: 2...9, using: &random)) days") }
    // A quarter wait after a conversation: every contact, or calls only.
    if Int.random(in: 0..<4, using: &random) == 0 {
      let days = Int.random(in: 1...8, using: &random)
      lines.append("  after conversation wait \(days) days" + (Bool.random(using: &random) ? " for call" : ""))
    }
    let source = lines.joined(separator: "\n") + "\n"
    let cadence = try Cadence(parsing: source, calendars: ["HOST", "REGIONAL"])

    // Due dates from early February to late April: weekends, Carnival, Good Friday, Tiradentes,
    // Washington's Birthday and the host holidays all fall near them.
    let due = (CivilDate("2026-03-10") ?? CivilDate(daysSinceEpoch: 0)).adding(
      days: Int.random(in: -28...45, using: &random))
    let dueText = due.description
    let issued = due.adding(days: -Int.random(in: 0...20, using: &random)).description
    let statuses: [InvoiceStatus] = [.open, .open, .open, .open, .disputed, .cancelled]
    var customer = TestInvoice.defaultCustomer
    customer.timeZone =
      [nil, nil, "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"].randomElement(
        using: &random) ?? nil
    if Int.random(in: 0..<3, using: &random) == 0 {
      customer.optOuts = [Channel.email, .sms, .call, .letter].filter { _ in Bool.random(using: &random) }
    }
    if Int.random(in: 0..<3, using: &random) == 0 {
      customer.preferredChannels = [Channel.whatsapp, .email, .sms, .letter].shuffled(using: &random)
        .filter { _ in Bool.random(using: &random) }
    }
    var invoice = try Invoice.make(
      "R", due: dueText, amount: "\(Int.random(in: 1...9, using: &random) * 100).00", issued: issued,
      status: statuses.randomElement(using: &random) ?? .open, customer: customer,
      tags: Bool.random(using: &random) ? ["vip"] : [])
    for _ in 0..<Int.random(in: 0...2, using: &random) {
      invoice = try invoice.paying(
        "\(Int.random(in: 1...4, using: &random) * 100).00",
        on: due.adding(days: Int.random(in: -5...40, using: &random)).description)
    }
    if Int.random(in: 0..<3, using: &random) == 0 {
      let made = due.adding(days: Int.random(in: -3...20, using: &random))
      invoice = try invoice.promising(
        by: made.adding(days: Int.random(in: 0...10, using: &random)).description, madeOn: made.description)
    }
    for step in cadence.steps where Int.random(in: 0..<4, using: &random) == 0 {
      invoice = try invoice.recording(
        step.id, on: due.adding(days: Int.random(in: -6...45, using: &random)).description)
    }
    if Int.random(in: 0..<3, using: &random) == 0 {
      invoice = try invoice.recording(
        "outside", on: due.adding(days: Int.random(in: -6...45, using: &random)).description, channel: "email")
    }
    for _ in 0..<(Int.random(in: 0..<3, using: &random) == 0 ? Int.random(in: 1...2, using: &random) : 0) {
      invoice.history.append(
        .conversation(
          on: due.adding(days: Int.random(in: -3...30, using: &random)),
          channel: Bool.random(using: &random) ? .call : nil))
    }
    return RandomScenario(cadence: cadence, invoice: invoice, source: source, environment: calendarEnvironment)
  }
}
