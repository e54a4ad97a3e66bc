import ReguaTesting
import Testing

@testable import Regua

/// `Cadence`, `Invoice` and their parts have public initializers that check nothing, so a host
/// can hand the engine any integers at all. Evaluating and simulating must still never trap.
@Suite("Unchecked values never make the engine trap")
struct UncheckedInputTests {
  static let extremes = [
    Int.min, Int.min + 1, -1_000_000_000, -3651, -1, 0, 1, 3651, 1_000_000_000, Int.max - 1, Int.max,
  ]

  @Test("extreme offsets, catch-ups and limits", arguments: UncheckedInputTests.extremes)
  func extremeCadence(value: Int) throws {
    let cadence = Cadence(
      name: "extreme", calendar: "HOST", catchUpDays: value,
      steps: [
        Step(id: "a", offset: .due(value), action: Action(.email)),
        Step(id: "b", offset: .issue(value), action: Action(.call)),
        Step(
          id: "c", offset: .due(1), action: Action(.fee),
          when: Condition(.comparison(.field(.daysOverdue), .greater, .literal(.integer(value))))),
        Step(id: "d", offset: .due(2), action: Action(.sms)),
      ],
      limits: [
        ContactLimit(channel: nil, count: value, days: value), ContactLimit(channel: "sms", count: 1, days: value),
      ])
    let environment = Environment(calendars: ["HOST": RandomScenario.hostCalendar])
    let invoice = try Invoice.make(due: "1960-03-10", issued: "1960-03-01").recording("d", on: "1960-03-11")
    let evaluator = try Evaluator(cadence, environment: environment)
    let days = [-20, 0, 1, 2, 3, 40].map { invoice.due.adding(days: $0) } + [CivilDate(daysSinceEpoch: .max)]
    for day in days {
      let plan = try evaluator.plan(for: invoice, on: day)
      _ = plan.jsonLine
    }
    _ = try Simulator(cadence, environment: environment).run(invoice, through: invoice.due.adding(days: 100))
  }

  @Test(
    "extreme dates and amounts in the invoice, and extreme evaluation dates", arguments: UncheckedInputTests.extremes)
  func extremeInvoice(value: Int) throws {
    let cadence = try Cadence(
      parsing: """
        cadence "c"
          calendar HOST
          D-3 email a
          I+1 call when balance >= 100.00 and days-overdue < 30
          I+2 task x when days-overdue in [3, 4]
          D+5 task x unless promised
          limit any 1 per 7 days
        """, calendars: ["HOST"])
    let day = CivilDate(daysSinceEpoch: value)
    let money = Money(minorUnits: Int64(truncatingIfNeeded: value), currency: .brl)
    let invoice = Invoice(
      unchecked: Invoice.Draft(
        id: "X", amount: money, issued: day, due: CivilDate(daysSinceEpoch: value.saturatingAdding(10)),
        payments: [Payment(date: day, amount: money)], promise: PromiseToPay(made: day, date: day),
        history: [HistoryEntry(step: "d-3-email", date: day), HistoryEntry(step: "x", date: day, channel: .call)]))
    let evaluator = try Evaluator(cadence, environment: Environment(calendars: ["HOST": RandomScenario.hostCalendar]))
    var normalIssue = invoice
    normalIssue.issued = CivilDate(daysSinceEpoch: 20_000)
    for date in [
      day, CivilDate(daysSinceEpoch: 20_000), CivilDate(daysSinceEpoch: 20_040), CivilDate.latest, CivilDate.earliest,
      CivilDate(daysSinceEpoch: .max), CivilDate(daysSinceEpoch: .min),
    ] {
      _ = try evaluator.plan(for: invoice, on: date).jsonLine
      _ = try evaluator.plan(for: normalIssue, on: date).skipped.map(\.detail)
    }
  }
}
