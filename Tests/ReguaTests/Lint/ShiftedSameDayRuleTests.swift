import Testing

@testable import Regua

@Suite("Lint: contacts that shifting puts on one day")
struct ShiftedSameDayRuleTests {
  func warnings(_ body: String) -> [Diagnostic] {
    LintTests.warnings("cadence \"t\"\n" + body + "\n").filter { $0.code == "shifted-same-day" }
  }

  @Test("two days in a row on one channel meet after a weekend, on the first due date it happens")
  func weekend() throws {
    let found = warnings("  calendar BR\n  D+5 email x\n  D+6 email y")
    let warning = try #require(found.first)
    #expect(found.count == 1)
    // Due Saturday 2026-01-03: effective Monday 01-05, D+5 Saturday 01-10, D+6 Sunday 01-11.
    #expect(
      warning.message
        == "for an invoice due 2026-01-03, `D+5 email` and `D+6 email` both land on Monday 2026-01-12: "
        + "only one of them goes out")
    #expect(warning.range.start.line == 4)
    #expect(warning.notes == ["the other is on line 3"])
  }

  @Test("Carnival joins a weekend: four days apart still meet")
  func carnival() throws {
    let found = warnings("  calendar BR\n  D+10 call x\n  D+14 call y")
    #expect(
      found.map(\.message) == [
        "for an invoice due 2026-02-04, `D+10 call` and `D+14 call` both land on Wednesday 2026-02-18: "
          + "only one of them goes out"
      ])
    #expect(warnings("  calendar US\n  D+10 call x\n  D+14 call y").isEmpty, "US has no four closed days in a row")
  }

  @Test("a holiday line can make two steps meet, in its own year")
  func holidayLine() throws {
    // 2031-06-09 is a Monday: with it closed, a Friday D+1 and a Sunday-after D+3 meet on Tuesday.
    let found = warnings("  calendar US\n  holiday 2031-06-09 \"Closed\"\n  D+3 sms x\n  D+6 sms y")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("both land on") == true)
  }

  @Test(
    "steps that never meet are not warned about",
    arguments: [
      "  D+5 email x\n  D+6 email y",  // no calendar: nothing moves
      "  calendar none\n  D+5 email x\n  D+6 email y",
      "  calendar BR\n  D+5 email x\n  D+6 sms y",  // other channels
      "  calendar BR\n  D+5 email x\n  D+6 email y when balance > 10.00",  // a condition decides
      "  calendar BR\n  D+5 email x any day\n  D+6 email y",  // x keeps its day, before y's
      "  calendar BR\n  D+5 email x\n  I+5 email y",  // other anchors meet by the term, not the calendar
      "  calendar BR\n  D+5 letter registered x\n  D+6 suspend service as s",  // not contacts
    ])
  func quiet(body: String) {
    #expect(warnings(body).isEmpty, "\(warnings(body).map(\.message))")
  }

  @Test("`any day` on the later step does not keep the earlier one off its day")
  func anyDayLater() {
    // Due Tuesday 2026-01-06: D+5 is Sunday and moves to Monday, where D+6 stays.
    #expect(
      warnings("  calendar BR\n  D+5 email x\n  D+6 email y any day").first?.message.hasPrefix(
        "for an invoice due 2026-01-06,") == true)
  }

  @Test("a business-day offset meets a calendar-day one on the same channel")
  func businessDays() {
    let found = warnings("  calendar BR\n  D+5 business days call x\n  D+7 call y")
    #expect(found.count == 1)
  }

  @Test("issue-date steps are tried over issue dates")
  func issueDates() throws {
    let warning = try #require(warnings("  calendar BR\n  I+5 email x\n  I+6 email y").first)
    #expect(warning.message.hasPrefix("for an invoice issued 2026-01-05,"))
  }

  @Test("each later step is warned about once, against the first it meets")
  func once() {
    let found = warnings("  calendar BR\n  D+4 email x\n  D+5 email y\n  D+6 email z")
    #expect(found.map(\.range.start.line) == [4, 5])
  }

  @Test("the span of due dates is two years and the years of the cadence's own days, at most eight")
  func span() throws {
    let cadence = try rules("  calendar BR\n  holiday 2040-01-02 \"x\"\n  workday 2029-06-02\n  D+1 email x\n")
    let days = ShiftedSameDayRule.days(of: cadence)
    #expect(days.count == 365 * 4 + 1, "2026, 2027, 2029 and 2040 (a leap year)")
    #expect(days == days.sorted())
  }
}
