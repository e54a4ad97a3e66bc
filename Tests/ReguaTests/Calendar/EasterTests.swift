import Regua
import Testing

@Suite("Easter and the holidays counted from it")
struct EasterTests {
  /// Published Gregorian Easter Sundays: the Astronomical Society of South Australia's Easter
  /// Dating Method tables, 1700–2299 (https://www.assa.org.au/edm), typed in by hand; they
  /// include the earliest (03-22, 1818 and 2285) and latest (04-25, 1943 and 2038) possible
  /// dates.
  static let published = [
    "1818-03-22", "1900-04-15", "1943-04-25", "1954-04-18", "1961-04-02", "1981-04-19", "2000-04-23", "2008-03-23",
    "2011-04-24", "2024-03-31", "2025-04-20", "2026-04-05", "2038-04-25", "2100-03-28", "2199-04-14", "2200-04-06",
    "2285-03-22",
  ]

  @Test("Easter Sunday is on the published date", arguments: published)
  func easter(text: String) {
    let date = day(text)
    #expect(Easter.sunday(in: date.year) == date)
    #expect(date.weekday == .sunday)
  }

  @Test("there is no Easter outside the years a date holds")
  func outOfRange() {
    #expect(Easter.sunday(in: 0) == nil)
    #expect(Easter.sunday(in: 10_000) == nil)
    #expect(Easter.sunday(in: .min) == nil)
    #expect(Easter.sunday(in: 1) != nil)
    #expect(Easter.sunday(in: 9999) != nil)
  }

  /// Carnival Monday and Tuesday, Good Friday and Corpus Christi of years whose Easter is in
  /// ``published``, written out by hand (Easter − 48, − 47, − 2, + 60).
  static let movable: [(year: Int, carnival: [String], goodFriday: String, corpusChristi: String)] = [
    (1900, ["1900-02-26", "1900-02-27"], "1900-04-13", "1900-06-14"),
    (1943, ["1943-03-08", "1943-03-09"], "1943-04-23", "1943-06-24"),
    (2000, ["2000-03-06", "2000-03-07"], "2000-04-21", "2000-06-22"),
    (2008, ["2008-02-04", "2008-02-05"], "2008-03-21", "2008-05-22"),
    (2038, ["2038-03-08", "2038-03-09"], "2038-04-23", "2038-06-24"),
    (2100, ["2100-02-08", "2100-02-09"], "2100-03-26", "2100-05-27"),
    (2200, ["2200-02-17", "2200-02-18"], "2200-04-04", "2200-06-05"),
    (2285, ["2285-02-02", "2285-02-03"], "2285-03-20", "2285-05-21"),
  ]

  @Test("Carnival, Good Friday and Corpus Christi are BR holidays in far years too", arguments: movable)
  func movableHolidays(year: Int, carnival: [String], goodFriday: String, corpusChristi: String) {
    let listed = BusinessCalendar.brazil.holidays(in: year)
    #expect(listed.filter { $0.name == "Carnaval" }.map(\.date.description) == carnival)
    #expect(listed.filter { $0.name == "Paixão de Cristo" }.map(\.date.description) == [goodFriday])
    #expect(listed.filter { $0.name == "Corpus Christi" }.map(\.date.description) == [corpusChristi])
    for date in carnival + [goodFriday, corpusChristi] {
      #expect(!BusinessCalendar.brazil.isBusinessDay(day(date)))
    }
    // Ash Wednesday, the day after Carnival Tuesday.
    #expect(BusinessCalendar.brazil.isBusinessDay(day(carnival[1]).adding(days: 1)))
  }
}
