import ReguaTesting
import Testing

@testable import Regua

@Suite("Engine invariants, on generated cadences and invoices")
struct InvariantPropertyTests {
  @Test("`next` is exact: a daily walk finds the first action exactly on it, every day", arguments: 0..<8)
  func nextIsExact(batch: Int) throws {
    var random = SeededRandom(seed: 0x5EED_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      // Walk every day, executing each plan, and remember which days had actions.
      let start = scenario.invoice.issued.adding(days: -3)
      let plans = try walkDaily(scenario.evaluator, scenario.invoice, from: start, days: 120)
      let actionDays = plans.filter { !$0.actions.isEmpty }.map(\.date)
      let lastDay = plans.last?.date ?? start
      for plan in plans.dropLast(60) {
        let expected = actionDays.first { $0 > plan.date }
        // Interest makes a condition on an amount hold years later: beyond the walk, `next`
        // can only be checked not to be within it.
        let seen = plan.next.flatMap { $0 <= lastDay ? $0 : nil }
        #expect(seen == expected, "on \(plan.date)\n\(scenario.source)")
        if seen != expected { return }
      }
    }
  }

  @Test(
    "no burst: a day-by-day walk never sends two messages on one channel, nor an older one after a newer",
    arguments: 0..<4)
  func noBurst(batch: Int) throws {
    var random = SeededRandom(seed: 0xB0B5_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      var invoice = scenario.invoice
      invoice.history = []
      // An outage: the host starts late, then runs daily.
      var day = invoice.due.adding(days: Int.random(in: -10...30, using: &random))
      var newestSent: [String: (scheduled: CivilDate, index: Int)] = [:]
      for _ in 0..<90 {
        let plan = try evaluator.plan(for: invoice, on: day)
        var channelsToday: Set<String> = []
        for action in plan.actions {
          guard let channel = action.channel?.name else { continue }
          #expect(channelsToday.insert(channel).inserted, "two \(channel) messages on \(day)\n\(scenario.source)")
          let index = scenario.cadence.steps.firstIndex { $0.id == action.step } ?? 0
          if let newest = newestSent[channel] {
            #expect(
              (newest.scheduled, newest.index) < (action.scheduled, index),
              "older \(channel) after newer on \(day)\n\(scenario.source)")
          }
          newestSent[channel] = (action.scheduled, index)
        }
        invoice = invoice.executing(plan)
        day = day.adding(days: 1)
      }
    }
  }

  @Test("idempotent: executing a plan and evaluating the same day again yields no action", arguments: 0..<4)
  func idempotent(batch: Int) throws {
    var random = SeededRandom(seed: 0x1D_0000 + UInt64(batch))
    for _ in 0..<50 {
      let scenario = try RandomScenario.make(&random)
      let day = scenario.invoice.due.adding(days: Int.random(in: -10...50, using: &random))
      let plan = try scenario.evaluator.plan(for: scenario.invoice, on: day)
      let again = try scenario.evaluator.plan(for: scenario.invoice.executing(plan), on: day)
      // A step executed never fires again. A charge executed today counts in today's amounts
      // once it is in the history, so a step whose condition reads them may fire on a second
      // evaluation of the day; without a charge, nothing does.
      let fired = Set(plan.actions.map(\.step))
      #expect(again.actions.allSatisfy { !fired.contains($0.step) }, "\(scenario.source)")
      if !plan.actions.contains(where: { $0.action.isCharge }) {
        #expect(again.actions.isEmpty, "\(scenario.source)")
      }
      #expect(plan.actions.allSatisfy { $0.id == "R/\($0.step)" })
    }
  }

  @Test("deterministic: shuffled history and payments give byte-identical JSON", arguments: 0..<4)
  func shuffled(batch: Int) throws {
    var random = SeededRandom(seed: 0xD0_0000 + UInt64(batch))
    for _ in 0..<50 {
      let scenario = try RandomScenario.make(&random)
      var shuffled = scenario.invoice
      shuffled.history.shuffle(using: &random)
      shuffled.payments.shuffle(using: &random)
      let day = scenario.invoice.due.adding(days: Int.random(in: -10...50, using: &random))
      #expect(
        try scenario.evaluator.plan(for: scenario.invoice, on: day).jsonLine
          == scenario.evaluator.plan(for: shuffled, on: day).jsonLine)
    }
  }

  @Test("a customer who opted out of a channel gets nothing on it, and the skip says so", arguments: 0..<4)
  func optOuts(batch: Int) throws {
    var random = SeededRandom(seed: 0x0F_0000 + UInt64(batch))
    var optedOutSkips = 0
    for _ in 0..<90 {
      let scenario = try RandomScenario.make(&random)
      let optedOut = Set(scenario.invoice.customer.optOuts.map(\.name))
      guard !optedOut.isEmpty else { continue }
      for plan in try Simulator(scenario.cadence, environment: scenario.environment).run(scenario.invoice).plans {
        #expect(plan.actions.allSatisfy { !optedOut.contains($0.channel?.name ?? "") }, "\(scenario.source)")
      }
      // The day a step on an opted-out channel comes due, when there is one.
      let schedule = scenario.evaluator.schedule(for: scenario.invoice)
      // A step is on an opted-out channel when its own and every fallback channel are.
      func isOptedOut(_ step: Step?) -> Bool {
        guard let step, let channel = step.channel else { return false }
        return optedOut.contains(channel) && step.fallbacks.allSatisfy { optedOut.contains($0.name) }
      }
      let onOptedOut = schedule.occurrences.filter { isOptedOut(scenario.cadence.steps[$0.step]) }
      let day = onOptedOut.randomElement(using: &random)?.scheduled ?? scenario.invoice.due
      let plan = try scenario.evaluator.plan(for: scenario.invoice, on: day)
      for skip in plan.skipped where skip.reason == .optedOut {
        optedOutSkips += 1
        #expect(skip.detail.contains("opted out"))
      }
      #expect(
        plan.skipped.allSatisfy { skip in
          let step = scenario.cadence.steps.first { $0.id == skip.step }
          let onOptedOut = isOptedOut(step)
          // Only the reasons checked before `opted-out` can skip a step on an opted-out channel.
          return !onOptedOut || [.missed, .stopped, .paused, .condition, .optedOut].contains(skip.reason)
        })
    }
    #expect(optedOutSkips > 0)
  }

  @Test("every due step not in the history is listed exactly once, as an action or a skip", arguments: 0..<4)
  func completeness(batch: Int) throws {
    var random = SeededRandom(seed: 0xC0_0000 + UInt64(batch))
    for _ in 0..<50 {
      let scenario = try RandomScenario.make(&random)
      let day = scenario.invoice.due.adding(days: Int.random(in: -10...50, using: &random))
      guard day >= scenario.invoice.issued else { continue }
      let plan = try scenario.evaluator.plan(for: scenario.invoice, on: day)
      let listed = plan.actions.map(\.step) + plan.skipped.map(\.step)
      let executed = Set(scenario.invoice.history.filter { $0.date <= day }.map(\.step))
      let due = scenario.evaluator.schedule(for: scenario.invoice).occurrences.filter { occurrence in
        occurrence.scheduled <= day && !executed.contains(scenario.cadence.steps[occurrence.step].id)
      }.map { scenario.cadence.steps[$0.step].id }
      #expect(listed.sorted() == due.sorted())
      #expect(Set(listed).count == listed.count)
    }
  }
}

@Suite("Generated scenarios with calendars")
struct CalendarScenarioTests {
  @Test(
    "a contact goes out only on a day its window opens, carrying that day's opening; skips say window with a true retry",
    arguments: 0..<4)
  func windows(batch: Int) throws {
    var random = SeededRandom(seed: 0x817D_0000 + UInt64(batch))
    for _ in 0..<40 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      let windows = evaluator.compiled.windows
      guard !windows.isEmpty else { continue }
      let zone = evaluator.customerZone(scenario.invoice.customer)
      var invoice = scenario.invoice
      invoice.history = []
      var day = invoice.due.adding(days: Int.random(in: -8...25, using: &random))
      for _ in 0..<45 {
        let plan = try evaluator.plan(for: invoice, on: day)
        for action in plan.actions {
          guard let channel = action.channel else {
            #expect(action.window == nil)
            continue
          }
          let opening = windows.opening(of: channel, on: day, in: zone)
          switch opening {
          case .unrestricted: #expect(action.window == nil, "\(scenario.source)")
          case .open(let hours): #expect(action.window == hours, "\(scenario.source)")
          case .closed:
            Issue.record("a \(channel) contact on \(day), a day its window does not open\n\(scenario.source)")
          }
        }
        for skip in plan.skipped where skip.reason == .window {
          let step = try #require(scenario.cadence.steps.first { skip.step == $0.id })
          let channel = Channel(unchecked: step.channel ?? "")
          #expect(!windows.opens(channel, on: day), "\(scenario.source)")
          if let retry = skip.retry {
            #expect(retry == windows.nextOpening(of: channel, onOrAfter: day.adding(days: 1)), "\(scenario.source)")
            #expect(retry.days(since: skip.scheduled) <= scenario.cadence.catchUpDays, "\(scenario.source)")
          }
        }
        invoice = invoice.executing(plan)
        day = day.adding(days: 1)
      }
    }
  }

  @Test(
    "every step lands where the calendar and its window say: the first business day its window opens, on or after its offset's day"
  )
  func scheduledDays() throws {
    var random = SeededRandom(seed: 0xCA1E_0000)
    for _ in 0..<80 {
      let scenario = try RandomScenario.make(&random)
      let evaluator = scenario.evaluator
      // The calendar the evaluator resolved, with the cadence's own lines.
      let calendar = evaluator.calendar
      let schedule = evaluator.schedule(for: scenario.invoice)
      #expect(calendar.isBusinessDay(schedule.effectiveDue))
      #expect(schedule.effectiveDue == calendar.businessDay(onOrAfter: scenario.invoice.due))
      for occurrence in schedule.occurrences {
        let step = scenario.cadence.steps[occurrence.step]
        let date = try #require(schedule.stepDate(of: step))
        #expect(date.scheduled == occurrence.scheduled)
        #expect(date.named <= date.scheduled, "\(step.id)\n\(scenario.source)")
        // Where a day-by-day walk puts it: the first day on or after the offset's day that is a
        // business day (unless `any day`) and on which its channel's window opens; when no
        // business day within two months opens, the first day the window opens.
        let opens = step.channel.flatMap { evaluator.compiled.windows.windows(for: Channel(unchecked: $0))?.days }
        func acceptable(_ day: CivilDate, business: Bool) -> Bool {
          (!business || step.anyDay || calendar.isBusinessDay(day)) && (opens?.contains(day.weekday) ?? true)
        }
        let walked =
          (0..<60).lazy.map { date.named.adding(days: $0) }.first { acceptable($0, business: true) }
          ?? (0..<7).lazy.map { date.named.adding(days: $0) }.first { acceptable($0, business: false) }
        #expect(date.scheduled == walked, "\(step.id)\n\(scenario.source)")
        if step.anyDay, opens == nil {
          #expect(date.scheduled == date.named, "\(step.id)\n\(scenario.source)")
        }
        // Only `any day`, or a window that opens on no business day, keeps a step on a closed day.
        #expect(date.closed == nil || date.isMoved || step.anyDay || opens != nil, "\(step.id)\n\(scenario.source)")
      }
      // Occurrences are in date order, ties in declaration order.
      let keys = schedule.occurrences.map { ($0.scheduled, $0.step) }
      #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }, "\(scenario.source)")
    }
  }

  @Test("the generator covers what calendars do: moved due dates, moved and kept steps, business days")
  func coverage() throws {
    var random = SeededRandom(seed: 0xC0FE_0000)
    var seen: Set<String> = []
    for _ in 0..<120 {
      let scenario = try RandomScenario.make(&random)
      seen.insert("calendar " + (scenario.cadence.calendar ?? "absent"))
      let schedule = scenario.evaluator.schedule(for: scenario.invoice)
      if schedule.effectiveDue != schedule.due { seen.insert("effective due") }
      for day in stride(from: -5, through: 40, by: 3) {
        let plan = try scenario.evaluator.plan(for: scenario.invoice, on: scenario.invoice.due.adding(days: day))
        if plan.skipped.contains(where: { $0.reason == .window }) { seen.insert("window skip") }
      }
      if !scenario.cadence.holidays.isEmpty { seen.insert("holiday line") }
      for step in scenario.cadence.steps {
        guard let date = schedule.stepDate(of: step) else { continue }
        if date.isMoved { seen.insert("moved") }
        if step.anyDay, date.closed != nil { seen.insert("kept on a closed day") }
        if date.businessDays != nil { seen.insert("business days") }
        if case .holiday = date.closed { seen.insert("holiday") }
        if date.waitsForWindow { seen.insert("waits for a window") }
      }
    }
    let expected: Set = [
      "calendar absent", "calendar BR", "calendar US", "calendar none", "calendar HOST", "calendar REGIONAL",
      "effective due", "holiday line", "moved", "kept on a closed day", "business days", "holiday",
      "waits for a window", "window skip",
    ]
    #expect(expected.subtracting(seen).isEmpty, "never generated: \(expected.subtracting(seen).sorted())")
  }
}
