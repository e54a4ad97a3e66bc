import Foundation
import ReguaTesting
import Testing

@testable import Regua

/// `window` lines in plans: where a contact waits, what its `"window"` says, and the skip reason
/// `window`. (These tests run again under `TZ=Pacific/Kiritimati`: ProcessTimeZoneTests.)
@Suite("Send windows in plans")
struct SendWindowPlanTests {
  static func cadence(_ body: String) throws -> Cadence {
    try Cadence(parsing: "cadence \"w\"\n" + body)
  }

  static func day(_ text: String) -> CivilDate { CivilDate(text) ?? CivilDate(daysSinceEpoch: 0) }

  static func instant(_ text: String) -> Instant { Instant(text) ?? Instant(secondsSince1970: 0) }

  static func customer(zone: String?) -> Customer { Customer(id: "C1", timeZone: zone) }

  static func format(_ text: String) throws -> String {
    try RuleFormatter.format(SourceFile(path: "w.regua", text: text)).get()
  }

  @Test(
    "a window line reads, prints canonically and round-trips through the formatter",
    arguments: [
      ("window call 09:00-18:00 mon-fri", "window call 09:00-18:00 mon-fri"),
      ("window call 09:00 - 18:00 days mon tue wed thu fri", "window call 09:00-18:00 mon-fri"),
      ("window any 08:00-21:00", "window any 08:00-21:00"),
      ("window email 08:00-24:00 days sat sun", "window email 08:00-24:00 sat-sun"),
      ("window email 08:00-24:00 days sat sun mon", "window email 08:00-24:00 sat-mon"),
      ("window email 08:00-24:00 mon - fri", "window email 08:00-24:00 mon-fri"),
      ("window email 08:00-24:00 days tue thu", "window email 08:00-24:00 days tue thu"),
      ("window email 08:00-24:00 days wed sat sun mon", "window email 08:00-24:00 days wed sat-mon"),
      ("window email 00:00-08:00 days mon wed thu fri", "window email 00:00-08:00 days mon wed-fri"),
      ("window email 08:00-12:00 fri-mon", "window email 08:00-12:00 fri-mon"),
      ("window email 08:00- 12:00 days mon-sun", "window email 08:00-12:00"),
    ])
  func formats(written: String, canonical: String) throws {
    let source = "cadence \"w\"\n  \(written)\n  D+1 call\n  D+2 email x\n"
    let formatted = try Self.format(source)
    #expect(formatted == "cadence \"w\"\n  \(canonical)\n  D+1 call\n  D+2 email x\n")
    #expect(try Self.format(formatted) == formatted)
    #expect(try Self.cadence("  \(written)\n  D+1 call\n  D+2 email x\n").windows.map(\.description) == [canonical])
  }

  @Test(
    "a window that is no window is a located error",
    arguments: [
      ("window call 08:00-25:00", "bad-time", "`25:00` is not a time"),
      ("window call 8:00-18:00", "bad-time", "did you mean `08:00`?"),
      ("window call 08:60-18:00", "bad-time", "the minute must be 00 to 59"),
      ("window call 24:30-18:00", "bad-time", "past the end of the day"),
      ("window call 0800", "bad-time", "is not a window's hours"),
      ("window call", "bad-time", "`window` needs its hours"),
      ("window", "expected-channel", "needs a channel or `any`"),
      ("window call 21:00-08:00", "empty-window", "write two, `21:00-24:00` and `00:00-08:00`"),
      ("window call 09:00-09:00", "empty-window", "is not after its start"),
      ("window call 18:00-00:00", "empty-window", "write `18:00-24:00`"),
      ("window sms 08:00-21:00", "unused-window", "no step of the cadence contacts by `sms`"),
      ("window ligar 08:00-21:00", "unknown-channel", "did you mean `call`?"),
      ("window call 09:00-18:00 seg-sex", "bad-weekday", "did you mean `mon-fri`?"),
      ("window call 09:00-18:00 sat", "bad-weekday", "write `days sat`"),
      ("window call 09:00-18:00 days", "bad-weekday", "`days` needs at least one day"),
      ("window call 09:00-18:00 days sabado", "bad-weekday", "did you mean `days sat`?"),
      ("window call 09:00-18:00 days seg qua sex sabado", "bad-weekday", "did you mean `days mon wed fri sat`?"),
      ("window call 09:00-18:00 Mon-Fri", "bad-weekday", "did you mean `mon-fri`?"),
      ("window call 09:00-18:00 weekdays", "bad-weekday", "did you mean `mon-fri`?"),
      ("window call 24:00-08:00", "bad-time", "no window starts at it"),
      ("window call 09:00-18:00 mon-fri extra", "unexpected-token", "unexpected `extra`"),
    ])
  func badWindow(line: String, code: String, words: String) {
    let file = RuleCompiler.compile(
      SourceFile(path: "w.regua", text: "cadence \"w\"\n  \(line)\n  D+1 call\n  D+2 email x\n"))
    #expect(file.diagnostics.map(\.code) == [code], "\(file.diagnostics)")
    let diagnostic = file.diagnostics.first
    #expect(diagnostic?.range.start.line == 2)
    #expect(
      (diagnostic?.message ?? "").contains(words) || (diagnostic?.help ?? "").contains(words),
      "\(String(describing: diagnostic))")
    #expect(file.cadences.isEmpty)
  }

  @Test("`window any` in a cadence without contacts restricts nothing, so it is an error")
  func anyWithoutContacts() {
    let file = RuleCompiler.compile(
      SourceFile(path: "w.regua", text: "cadence \"w\"\n  window any 08:00-21:00\n  D+30 suspend service as cut\n"))
    #expect(file.diagnostics.map(\.code) == ["unused-window"])
  }

  @Test("the Swift builder takes windows through the same checker")
  func builder() throws {
    let cadence = try Cadence("b") {
      Window(.call, "09:00-18:00", days: .mondayToFriday)
      Window(.any, "08:00-21:00")
      Step(.due(1), .call)
      Step(.due(2), .email("x"))
    }
    #expect(cadence.windows.map(\.description) == ["window call 09:00-18:00 mon-fri", "window any 08:00-21:00"])
    #expect(throws: CadenceDefinitionError.self) {
      try Cadence("b") {
        Window(.call, "21:00-08:00")
        Step(.due(1), .call)
      }
    }
    do {
      _ = try Cadence("b") {
        Window(.sms, "25:00-26:00")
        Step(.due(1), .call)
      }
      Issue.record("a window at 25:00 was accepted")
    } catch {
      #expect(error.problems.first?.message.contains("`25:00` is not a time") == true)
    }
  }

  @Test("a contact scheduled on a day its window does not open waits for the next day it opens")
  func waitsForOpening() throws {
    let cadence = try Self.cadence(
      """
        window call 09:00-18:00 mon-fri
        D+1 call
        D+1 email x
      """ + "\n")
    // Due Friday 2026-03-06: D+1 is Saturday. The call waits for Monday; the e-mail does not.
    let invoice = try Invoice.make(due: "2026-03-06", issued: "2026-03-01")
    let evaluator = try Evaluator(cadence)
    let schedule = evaluator.schedule(for: invoice)
    #expect(schedule.occurrences.map(\.scheduled) == [Self.day("2026-03-07"), Self.day("2026-03-09")])
    #expect(schedule.date(of: cadence.steps[0]) == Self.day("2026-03-09"))
    let saturday = try evaluator.plan(for: invoice, on: Self.day("2026-03-07"))
    #expect(saturday.actions.map(\.step) == ["d+1-email"])
    #expect(saturday.skipped.isEmpty)
    #expect(saturday.next == Self.day("2026-03-09"))
    let monday = try evaluator.plan(
      for: try invoice.recording("d+1-email", on: "2026-03-07"), on: Self.day("2026-03-09"))
    #expect(monday.actions.map(\.step) == ["d+1-call"])
    #expect(monday.actions.first?.late == 0)
    #expect(monday.actions.first?.scheduled == Self.day("2026-03-09"))
  }

  @Test("with a calendar, a contact waits for a day that is a business day and opens")
  func windowAndCalendar() throws {
    let cadence = try Self.cadence(
      """
        calendar BR
        window call 09:00-18:00 days mon tue
        D+1 call
        D+1 sms x any day
      """ + "\n")
    // Due Thursday 2026-04-16: D+1 is Friday the 17th; the call's window opens on Monday the
    // 20th, and Tuesday the 21st is Tiradentes: Monday. The SMS keeps Friday.
    let invoice = try Invoice.make(due: "2026-04-16", issued: "2026-04-01")
    let schedule = try Evaluator(cadence).schedule(for: invoice)
    #expect(schedule.occurrences.map(\.scheduled) == [Self.day("2026-04-17"), Self.day("2026-04-20")])
    // Due Friday 2026-04-17: D+1 is Saturday; the next opening is Monday 20th.
    let second = try Evaluator(cadence).schedule(for: try Invoice.make(due: "2026-04-13", issued: "2026-04-01"))
    // Due Monday the 13th: D+1 is Tuesday the 14th, a business day its window opens.
    #expect(second.occurrences.map(\.scheduled) == [Self.day("2026-04-14"), Self.day("2026-04-14")])
  }

  @Test("a window only on days the calendar closes still schedules the contact, on its window's day")
  func windowOnlyOnClosedDays() throws {
    let cadence = try Self.cadence("  calendar BR\n  window call 09:00-12:00 days sat\n  D+1 call\n")
    let invoice = try Invoice.make(due: "2026-03-09", issued: "2026-03-01")
    #expect(try Evaluator(cadence).schedule(for: invoice).occurrences.map(\.scheduled) == [Self.day("2026-03-14")])
  }

  @Test("a late contact on a day its window does not open is skipped with reason window and a retry")
  func lateContact() throws {
    let cadence = try Self.cadence(
      """
        catch up 5 days
        window call 09:00-18:00 mon-fri
        D+1 call
      """ + "\n")
    // Due Tuesday 2026-03-10: D+1 is Wednesday the 11th. A host that evaluates on Saturday the
    // 14th finds the call 3 days late and its window closed; it can go on Monday the 16th.
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01")
    let evaluator = try Evaluator(cadence)
    let plan = try evaluator.plan(for: invoice, on: Self.day("2026-03-14"))
    #expect(plan.actions.isEmpty)
    let skip = try #require(plan.skipped.first)
    #expect(skip.reason == .window)
    #expect(skip.retry == Self.day("2026-03-16"))
    #expect(skip.detail.contains("not sent on 2026-03-14, a Saturday"))
    #expect(skip.detail.contains("`window call 09:00-18:00 mon-fri`"))
    #expect(skip.detail.contains("It can go on 2026-03-16."))
    #expect(plan.next == Self.day("2026-03-16"))
    // With the default catch-up of 3 days, Monday is too late: no retry, and nothing next.
    let strict = try Evaluator(try Self.cadence("  window call 09:00-18:00 mon-fri\n  D+1 call\n"))
    let late = try strict.plan(for: invoice, on: Self.day("2026-03-14"))
    #expect(late.skipped.map(\.reason) == [.window])
    #expect(late.skipped.first?.retry == nil)
    #expect(late.skipped.first?.detail.contains("more than 3 days late") == true)
    #expect(late.next == nil)
  }

  @Test("reason window comes after condition and before opted-out")
  func reasonOrder() throws {
    let cadence = try Self.cadence(
      """
        catch up 5 days
        window call 09:00-18:00 mon-fri
        D+1 call when balance > 5000.00
        D+2 call as second
      """ + "\n")
    let customer = Customer(id: "C1", optOuts: [.call])
    let invoice = try Invoice.make(due: "2026-03-10", issued: "2026-03-01", customer: customer)
    let plan = try Evaluator(cadence).plan(for: invoice, on: Self.day("2026-03-14"))
    #expect(plan.skipped.map(\.reason) == [.condition, .window])
    let weekday = try Evaluator(cadence).plan(for: invoice, on: Self.day("2026-03-13"))
    #expect(weekday.skipped.map(\.reason) == [.condition, .optedOut])
  }

  @Test(
    "each contact action carries the day's window in UTC, from the customer's zone, else the cadence's, else UTC",
    arguments: [
      // Before New York's change to daylight time (2026-03-08): UTC−5.
      ("America/New_York", "2026-03-06", "2026-03-06T13:00:00Z", "2026-03-07T02:00:00Z"),
      // After it: UTC−4.
      ("America/New_York", "2026-03-09", "2026-03-09T12:00:00Z", "2026-03-10T01:00:00Z"),
      // Back to standard time on 2026-11-01.
      ("America/New_York", "2026-10-30", "2026-10-30T12:00:00Z", "2026-10-31T01:00:00Z"),
      ("America/New_York", "2026-11-02", "2026-11-02T13:00:00Z", "2026-11-03T02:00:00Z"),
      // São Paulo has kept UTC−3 since 2019.
      ("America/Sao_Paulo", "2026-03-09", "2026-03-09T11:00:00Z", "2026-03-10T00:00:00Z"),
      ("Asia/Kolkata", "2026-03-09", "2026-03-09T02:30:00Z", "2026-03-09T15:30:00Z"),
    ])
  func windowInstants(zone: String, date: String, from: String, to: String) throws {
    let cadence = try Self.cadence("  window any 08:00-21:00\n  D0 email x\n  D0 suspend service as cut\n")
    let invoice = try Invoice.make(due: date, issued: "2026-01-01", customer: Self.customer(zone: zone))
    let plan = try Evaluator(cadence).plan(for: invoice, on: Self.day(date))
    #expect(plan.actions.map(\.step) == ["d0-email", "cut"])
    #expect(plan.actions[0].window == Self.instant(from)..<Self.instant(to))
    #expect(plan.actions[1].window == nil)
    #expect(plan.jsonLine.contains(#""window":{"from":"\#(from)","to":"\#(to)"}"#))
    // The non-contact action has no "window" at all.
    #expect(plan.jsonLine.components(separatedBy: #""window""#).count == 2)
  }

  @Test("a window across the day the clocks change is placed on that day's clock")
  func dstDays() throws {
    let cadence = try Self.cadence("  window call 01:00-04:00\n  D0 call\n")
    func window(_ date: String) throws -> Range<Instant>? {
      let invoice = try Invoice.make(
        due: date, issued: "2026-01-01", customer: Self.customer(zone: "America/New_York"))
      return try Evaluator(cadence).plan(for: invoice, on: Self.day(date)).actions.first?.window
    }
    // 2026-03-08: 01:00 EST is 06:00Z; 02:00 jumps to 03:00, so 04:00 EDT is 08:00Z: two hours.
    #expect(try window("2026-03-08") == Self.instant("2026-03-08T06:00:00Z")..<Self.instant("2026-03-08T08:00:00Z"))
    // 2026-11-01: 01:00 EDT (the first) is 05:00Z; 04:00 EST is 09:00Z: four hours.
    #expect(try window("2026-11-01") == Self.instant("2026-11-01T05:00:00Z")..<Self.instant("2026-11-01T09:00:00Z"))
  }

  @Test("without a customer zone the cadence's applies, and without either, UTC")
  func zoneFallback() throws {
    let zoned = try Self.cadence("  timezone \"America/Sao_Paulo\"\n  window any 08:00-21:00\n  D0 email x\n")
    let plain = try Self.cadence("  window any 08:00-21:00\n  D0 email x\n")
    let invoice = try Invoice.make(due: "2026-03-09", issued: "2026-03-01", customer: Self.customer(zone: nil))
    let date = Self.day("2026-03-09")
    #expect(
      try Evaluator(zoned).plan(for: invoice, on: date).actions.first?.window
        == Self.instant("2026-03-09T11:00:00Z")..<Self.instant("2026-03-10T00:00:00Z"))
    #expect(
      try Evaluator(plain).plan(for: invoice, on: date).actions.first?.window
        == Self.instant("2026-03-09T08:00:00Z")..<Self.instant("2026-03-09T21:00:00Z"))
  }

  @Test("an environment's time-zone database answers for zones, never the process")
  func pinnedDatabase() throws {
    let fixed = ZoneRules(identifier: "America/Sao_Paulo", secondsFromUTC: -2 * 3600)
    let environment = Environment(timeZones: TimeZoneDatabase([fixed]))
    let cadence = try Self.cadence("  window any 08:00-21:00\n  D0 email x\n")
    let invoice = try Invoice.make(
      due: "2026-03-09", issued: "2026-03-01", customer: Self.customer(zone: "America/Sao_Paulo"))
    let plan = try Evaluator(cadence, environment: environment).plan(for: invoice, on: Self.day("2026-03-09"))
    #expect(plan.actions.first?.window == Self.instant("2026-03-09T10:00:00Z")..<Self.instant("2026-03-09T23:00:00Z"))
    // A cadence zone the database lacks fails when the evaluator is built.
    let zoned = try Self.cadence("  timezone \"Europe/Lisbon\"\n  D0 email x\n")
    #expect(throws: EnvironmentError.unknownTimeZone("Europe/Lisbon", cadence: "w")) {
      try Evaluator(zoned, environment: environment)
    }
  }

  @Test("a channel's own windows replace the any windows, and several open as their union")
  func channelRules() throws {
    let cadence = try Self.cadence(
      """
        window any 08:00-21:00
        window call 09:00-12:00 mon-fri
        window call 14:00-18:00 mon-fri
        D0 call
        D0 email x
      """ + "\n")
    let invoice = try Invoice.make(due: "2026-03-09", issued: "2026-03-01")
    let plan = try Evaluator(cadence).plan(for: invoice, on: Self.day("2026-03-09"))
    #expect(
      plan.actions.map(\.window) == [
        Self.instant("2026-03-09T09:00:00Z")..<Self.instant("2026-03-09T12:00:00Z"),
        Self.instant("2026-03-09T08:00:00Z")..<Self.instant("2026-03-09T21:00:00Z"),
      ])
    // Saturday: the call's own windows do not open; the e-mail's `any` window does.
    let saturday = try Evaluator(cadence).schedule(for: try Invoice.make(due: "2026-03-14", issued: "2026-03-01"))
    #expect(saturday.occurrences.map(\.scheduled) == [Self.day("2026-03-14"), Self.day("2026-03-16")])
  }
}
