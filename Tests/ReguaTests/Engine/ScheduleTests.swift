import ReguaTesting
import Testing

@testable import Regua

@Suite("The schedule: one place where offsets become dates")
struct ScheduleTests {
  static let cadence = """
    cadence "s"
      calendar HOST
      I+3   email welcome
      D-3   email reminder
      D0    sms today
      D+1   email overdue
      D+3   call
      D+10  suspend service
    """

  static let weekends = Environment(
    calendars: ["HOST": BusinessCalendar(weekend: [.saturday, .sunday], holidays: [date("2026-03-16")]) ?? .none])

  @Test("a calendar needs a working weekday")
  func sevenDayWeekend() {
    #expect(BusinessCalendar(weekend: Set(Weekday.allCases)) == nil)
    #expect(BusinessCalendar(weekend: [.saturday, .sunday]) != nil)
  }

  static func date(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

  @Test("an evaluator whose environment lacks the cadence's calendar is never built: nothing moves nothing silently")
  func missingCalendar() throws {
    let cadence = try Cadence(parsing: ScheduleTests.cadence, calendars: ["HOST"])
    #expect(throws: EnvironmentError.unknownCalendar("HOST", cadence: "s", known: ["BR", "US", "none"])) {
      try Evaluator(cadence)
    }
    #expect(throws: EnvironmentError.self) { try Simulator(cadence) }
    #expect(throws: EnvironmentError.self) {
      try Schedule(cadence: cadence, invoice: Invoice.make(due: "2026-03-14"))
    }
    #expect(
      try Evaluator(cadence, environment: ScheduleTests.weekends).calendar.isBusinessDay(
        ScheduleTests.date("2026-03-16")) == false)
    #expect(Environment.standard.calendarNames == ["BR", "US", "none"])
  }

  @Test("without a calendar that moves dates, offsets count plain days from their anchors")
  func plainDays() throws {
    var cadence = try Cadence(parsing: ScheduleTests.cadence, calendars: ["HOST"])
    cadence.calendar = nil
    let invoice = try Invoice.make(due: "2026-03-14", issued: "2026-03-01")
    let schedule = try Evaluator(cadence).schedule(for: invoice)
    #expect(schedule.effectiveDue == ScheduleTests.date("2026-03-14"))
    #expect(
      schedule.occurrences.map { "\(cadence.steps[$0.step].id) \($0.scheduled)" } == [
        "i+3-email 2026-03-04", "d-3-email 2026-03-11", "d0-sms 2026-03-14", "d+1-email 2026-03-15",
        "d+3-call 2026-03-17", "d+10-suspend 2026-03-24",
      ])
  }

  @Test("a host calendar moves the due date and every step off non-business days; D-N counts from the stated due date")
  func hostCalendar() throws {
    let cadence = try Cadence(parsing: ScheduleTests.cadence, calendars: ["HOST"])
    // Due on Saturday 2026-03-14: the effective due date is Tuesday the 17th (Monday is a holiday).
    let invoice = try Invoice.make(due: "2026-03-14", issued: "2026-03-01")
    let schedule = try Evaluator(cadence, environment: ScheduleTests.weekends).schedule(for: invoice)
    #expect(schedule.effectiveDue == ScheduleTests.date("2026-03-17"))
    #expect(
      schedule.occurrences.map { "\(cadence.steps[$0.step].id) \($0.scheduled)" } == [
        "i+3-email 2026-03-04", "d-3-email 2026-03-11", "d0-sms 2026-03-17", "d+1-email 2026-03-18",
        "d+3-call 2026-03-20", "d+10-suspend 2026-03-27",
      ])
    // days-overdue counts from the effective due date.
    let plan = try Evaluator(cadence, environment: ScheduleTests.weekends).plan(
      for: invoice, on: ScheduleTests.date("2026-03-17"))
    #expect(plan.actions.map(\.step) == ["d0-sms"])
  }

  @Test("steps shifted onto one day are ordered by declaration; superseding compares shifted dates")
  func shiftedTies() throws {
    let cadence = try Cadence(
      parsing: """
        cadence "t"
          calendar HOST
          D+5 email c
          D+2 email a
          D+4 email b
        """, calendars: ["HOST"])
    // Due Thursday 2026-03-12: D+2 is a Saturday and D+4 the Monday holiday, so all three land on
    // Tuesday the 17th, ordered as declared; the one declared last is the newest.
    let invoice = try Invoice.make(due: "2026-03-12", issued: "2026-03-01")
    let evaluator = try Evaluator(cadence, environment: ScheduleTests.weekends)
    let schedule = evaluator.schedule(for: invoice)
    #expect(schedule.occurrences.map(\.step) == [0, 1, 2])
    #expect(schedule.occurrences.allSatisfy { $0.scheduled == ScheduleTests.date("2026-03-17") })
    let plan = try evaluator.plan(for: invoice, on: ScheduleTests.date("2026-03-17"))
    #expect(plan.actions.map(\.step) == ["d+4-email"])
    #expect(plan.skipped.map(\.step) == ["d+5-email", "d+2-email"])
    #expect(plan.skipped.allSatisfy { $0.reason == .superseded })
  }

  @Test("a step whose date would leave 0001–9999 never comes due, and no computed date leaves the range")
  func representableDates() throws {
    let cadence = try Cadence(
      parsing: """
        cadence "b"
          D-3650 email early
          D-1 sms soon
          D+1 email late
          D+3650 task x
          I+3650 call
        """)
    let lateInvoice = try Invoice.make(due: "9999-12-31", issued: "9999-12-01")
    let evaluator = try Evaluator(cadence)
    #expect(evaluator.schedule(for: lateInvoice).occurrences.map(\.step) == [0, 1])
    for day in ["9999-12-01", "9999-12-30", "9999-12-31"] {
      let plan = try evaluator.plan(for: lateInvoice, on: ScheduleTests.date(day))
      #expect(plan.next.map(\.isRepresentable) ?? true)
      let dates = plan.actions.map(\.scheduled) + plan.skipped.map(\.scheduled)
      #expect(dates.allSatisfy { $0.isRepresentable })
    }
    let simulation = try Simulator(cadence).run(lateInvoice)
    #expect(simulation.timeline.map(\.line).allSatisfy { !$0.hasPrefix("+") && !$0.hasPrefix("-") })
    #expect(simulation.next == nil)

    let earlyInvoice = try Invoice.make(due: "0001-01-01", issued: "0001-01-01")
    #expect(evaluator.schedule(for: earlyInvoice).occurrences.map(\.step) == [2, 3, 4])
    let early = try Simulator(cadence).run(earlyInvoice)
    #expect(
      early.timeline.map(\.line) == [
        "0001-01-02  D+1  email  late", "0010-12-30  D+3650  task  x", "0010-12-30  I+3650  call",
      ])
  }

  @Test("a date outside 0001–9999 is written in ISO 8601's expanded form, never garbled")
  func expandedYears() {
    #expect(CivilDate.latest.adding(days: 1).description == "+10000-01-01")
    #expect(CivilDate.earliest.adding(days: -1).description == "+0000-12-31")
    #expect(CivilDate.earliest.adding(days: -367).description == "-0001-12-31")
  }

  @Test("test blocks and ReguaTesting build the same invoice from the same facts")
  func oneFixture() throws {
    let file = RuleCompiler.compile(
      SourceFile(
        path: "t.regua",
        text: """
          cadence "c"
            I+14 email hello

          test "defaults"
            invoice 1000.00 BRL due 2026-03-10
            on I+14 expect email
          """))
    let fromBlock = try #require(file.tests.first).invoice
    let fromSwift = try Invoice.make(due: "2026-03-10")
    #expect(fromBlock == fromSwift)
    #expect(fromSwift.issued == ScheduleTests.date("2026-02-08"))
    #expect(PolicyTestRunner.run(try #require(file.tests.first), cadence: try #require(file.cadences.first)).passed)
  }

  @Test(
    "the schedule, the simulator, test blocks and ReguaTesting agree on every step's date",
    arguments: 0..<4)
  func everyToolAgrees(batch: Int) throws {
    var random = SeededRandom(seed: 0x5C4E_0000 + UInt64(batch))
    for _ in 0..<25 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      var invoice = scenario.invoice
      invoice.history = []
      invoice.payments = []
      invoice.promise = nil
      invoice.status = .open
      let schedule = evaluator.schedule(for: invoice)
      for occurrence in schedule.occurrences {
        let step = scenario.cadence.steps[occurrence.step]
        // The resolver itself, by step, by offset and by its text. An offset's date is a moved
        // step's: `any day` and a window keep a step off it. A test date is written in calendar
        // days only.
        #expect(schedule.date(of: step) == occurrence.scheduled)
        // An offset names no channel: a contact that waits for its window is past its offset's day.
        guard !step.anyDay, schedule.stepDate(of: step)?.waitsForWindow == false else { continue }
        #expect(schedule.date(of: step.offset) == occurrence.scheduled)
        guard step.offset.unit == .days else { continue }
        #expect(try schedule.date(at: step.offset.description) == occurrence.scheduled)
        // A test date written as the step's offset.
        #expect(try DateReference(parsing: step.offset.description).resolve(in: schedule) == occurrence.scheduled)
      }
      // The simulator's actions carry the schedule's dates.
      let simulator = try Simulator(scenario.cadence, environment: scenario.environment)
      for plan in try simulator.run(invoice).plans {
        for action in plan.actions {
          let occurrence = schedule.occurrences.first { scenario.cadence.steps[$0.step].id == action.step }
          #expect(action.scheduled == occurrence?.scheduled, "\(scenario.source)")
        }
      }
      // A test block built from the same fixture resolves its dates through the same schedule:
      // `on <offset> expect next …` checks the plan of the step's own day.
      var fixture = TestInvoice(id: invoice.id, amount: invoice.amount, due: invoice.due, issued: invoice.issued)
      fixture.customer = invoice.customer
      fixture.tags = invoice.tags
      let resolved = try fixture.invoice(for: scenario.cadence, environment: scenario.environment)
      #expect(evaluator.schedule(for: resolved) == schedule)
      for occurrence in schedule.occurrences {
        let offset = scenario.cadence.steps[occurrence.step].offset
        // The day the offset names, moved: the step's own, unless `any day` keeps the step off it.
        let expected = try simulator.plan(for: resolved, on: schedule.date(of: offset) ?? occurrence.scheduled)
        let test = PolicyTest(
          name: "agree", path: "", position: SourcePosition(line: 1, column: 1), cadenceName: nil, fixture: fixture,
          checks: [
            PolicyCheck(
              position: SourcePosition(line: 2, column: 1),
              expectation: .on(offset.description, .offset(offset), .next(expected.next.map(DateReference.date))))
          ])
        let result = PolicyTestRunner.run(test, cadence: scenario.cadence, environment: scenario.environment)
        #expect(result.passed, "\(result.failures.map(\.message))\n\(scenario.source)")
      }
    }
  }
}
