import Testing

@testable import Regua

@Suite("Civil dates")
struct CivilDateTests {
  @Test("the epoch is day zero and a Thursday")
  func epoch() throws {
    let epoch = try #require(CivilDate(year: 1970, month: 1, day: 1))
    #expect(epoch.daysSinceEpoch == 0)
    #expect(epoch.weekday == .thursday)
  }

  @Test(
    "adding days crosses month, leap-day and year boundaries",
    arguments: [
      ("2026-01-31", 1, "2026-02-01"),
      ("2026-02-28", 1, "2026-03-01"),
      ("2024-02-28", 1, "2024-02-29"),
      ("2024-02-29", 1, "2024-03-01"),
      ("2026-12-31", 1, "2027-01-01"),
      ("2027-01-01", -1, "2026-12-31"),
      ("2026-03-10", 90, "2026-06-08"),
      ("2026-03-10", -3, "2026-03-07"),
      ("2000-02-28", 1, "2000-02-29"),
      ("1900-02-28", 1, "1900-03-01"),
      ("2026-03-10", 3650, "2036-03-07"),
    ])
  func addingDays(start: String, days: Int, expected: String) throws {
    let date = try CivilDate(parsing: start)
    #expect(date.adding(days: days).description == expected)
    #expect(try CivilDate(parsing: expected).days(since: date) == days)
  }

  @Test("every day from 1600 to 2400 round-trips through its parts and advances by one")
  func roundTripsEveryDay() throws {
    var date = try #require(CivilDate(year: 1600, month: 1, day: 1))
    var expected = (year: 1600, month: 1, day: 1)
    let end = try #require(CivilDate(year: 2400, month: 12, day: 31))
    while date <= end {
      let parts = date.components
      #expect(parts == expected, "at day \(date.daysSinceEpoch)")
      if parts != expected { break }
      #expect(CivilDate(year: parts.year, month: parts.month, day: parts.day) == date)
      // Advance the expectation by hand, independently of the algorithm under test.
      expected.day += 1
      if expected.day > CivilDate.daysIn(month: expected.month, year: expected.year) {
        expected.day = 1
        expected.month += 1
        if expected.month > 12 {
          expected.month = 1
          expected.year += 1
        }
      }
      date = date.adding(days: 1)
    }
  }

  @Test(
    "weekdays of known dates",
    arguments: [
      ("2026-11-23", Weekday.monday), ("2026-03-10", .tuesday), ("2000-01-01", .saturday),
      ("2024-02-29", .thursday), ("1969-12-31", .wednesday), ("1600-01-01", .saturday),
    ])
  func weekdays(text: String, weekday: Weekday) throws {
    #expect(try CivilDate(parsing: text).weekday == weekday)
  }

  @Test(
    "ISO parsing rejects anything but a real YYYY-MM-DD day",
    arguments: [
      "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01", "2026-3-1", "20260301",
      "2026-03-10T00:00", " 2026-03-10", "2026/03/10", "", "abcd-ef-gh", "2026-03-1a", "+202-03-10",
    ])
  func rejectsInvalid(text: String) {
    #expect(CivilDate(text) == nil)
    #expect(throws: CivilDateError.self) { try CivilDate(parsing: text) }
  }

  @Test("a day that does not exist says how long the month is")
  func noSuchDayMessage() {
    #expect(throws: CivilDateError.noSuchDay("2026-02-30", month: 2, year: 2026)) {
      try CivilDate(parsing: "2026-02-30")
    }
    #expect(
      CivilDateError.noSuchDay("2026-02-30", month: 2, year: 2026).description
        == "`2026-02-30` does not exist: that month has 28 days")
    #expect(CivilDateError.notADate("x").description == "`x` is not a date; write it as YYYY-MM-DD, e.g. `2026-03-10`")
  }

  @Test(
    "leap years follow the Gregorian rule",
    arguments: [(2024, true), (2026, false), (2000, true), (1900, false), (2400, true)])
  func leapYears(year: Int, leap: Bool) {
    #expect(CivilDate.isLeapYear(year) == leap)
    #expect((CivilDate(year: year, month: 2, day: 29) != nil) == leap)
  }

  @Test("dates print as ISO with zero padding")
  func printing() throws {
    #expect(try #require(CivilDate(year: 7, month: 3, day: 9)).description == "0007-03-09")
    #expect(try #require(CivilDate(year: 9999, month: 12, day: 31)).description == "9999-12-31")
  }
}
