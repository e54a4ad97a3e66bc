import Foundation
import Testing

@testable import Regua

/// The rules of an IANA zone through the system database; a test fails if the platform lacks it.
func zone(_ identifier: String) throws -> ZoneRules {
  try #require(TimeZoneDatabase.system.rules(for: identifier))
}

/// `HH:MM` as a local time; a typo fails the test.
func time(_ text: String) throws -> LocalTime {
  try LocalTime(parsing: text)
}

/// An instant from its text; a typo fails the test.
func instant(_ text: String) throws -> Instant {
  try #require(Instant(text))
}

@Suite("Time-zone rules")
struct ZoneRulesTests {
  /// Zone, date, local time, the instant expected.
  static let placed: [(zone: String, date: String, time: String, instant: String)] = [
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
    ("America/New_York", "2026-03-08", "01:59", "2026-03-08T06:59:00Z"),
    ("America/New_York", "2026-03-08", "02:00", "2026-03-08T07:00:00Z"),  // in the gap: forward an hour
    ("America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00Z"),  // 03:30 EDT, as Foundation
    ("America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00:00Z"),
    ("America/New_York", "2026-03-08", "03:30", "2026-03-08T07:30:00Z"),
    // New York, 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00Z); 01:00–02:00 happens twice.
    ("America/New_York", "2026-11-01", "00:59", "2026-11-01T04:59:00Z"),
    ("America/New_York", "2026-11-01", "01:00", "2026-11-01T05:00:00Z"),  // the first 01:00, EDT
    ("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z"),
    ("America/New_York", "2026-11-01", "02:00", "2026-11-01T07:00:00Z"),
    ("America/New_York", "2026-11-01", "24:00", "2026-11-02T05:00:00Z"),
    // São Paulo has had no daylight time since 2019: UTC−3 all year.
    ("America/Sao_Paulo", "2026-01-15", "00:00", "2026-01-15T03:00:00Z"),
    ("America/Sao_Paulo", "2026-11-01", "08:00", "2026-11-01T11:00:00Z"),
    // ... but in 2018 it did: 2018-11-04 00:00 jumped to 01:00.
    ("America/Sao_Paulo", "2018-11-04", "00:30", "2018-11-04T03:30:00Z"),
    ("America/Sao_Paulo", "2018-11-04", "01:30", "2018-11-04T03:30:00Z"),
    // London: BST from 2026-03-29 01:00Z to 2026-10-25 01:00Z.
    ("Europe/London", "2026-03-29", "00:30", "2026-03-29T00:30:00Z"),
    ("Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00Z"),  // in the gap: 02:30 BST
    ("Europe/London", "2026-03-29", "08:00", "2026-03-29T07:00:00Z"),
    ("Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z"),  // the first 01:30, BST
    // Kolkata: +05:30, no change.
    ("Asia/Kolkata", "2026-03-08", "08:00", "2026-03-08T02:30:00Z"),
    ("Asia/Kolkata", "2026-03-08", "00:00", "2026-03-07T18:30:00Z"),
    ("UTC", "2026-03-08", "08:00", "2026-03-08T08:00:00Z"),
    ("UTC", "2026-03-08", "24:00", "2026-03-09T00:00:00Z"),
    // Apia skipped 2011-12-30 entirely (UTC−10 to UTC+14): a day-long gap.
    ("Pacific/Apia", "2011-12-30", "12:00", "2011-12-30T22:00:00Z"),
  ]

  @Test("a local time of a date is one instant, forward past a gap, the first of an overlap", arguments: placed)
  func instants(zone identifier: String, date: String, time text: String, instant expected: String) throws {
    let rules = try zone(identifier)
    #expect(rules.instant(of: day(date), at: try time(text)) == (try instant(expected)))
  }

  @Test("an instant is a civil date and a local time in a zone")
  func reverse() throws {
    let newYork = try zone("America/New_York")
    let late = try instant("2026-03-09T03:00:59Z")
    #expect(newYork.civilDate(of: late) == day("2026-03-08"))
    #expect(newYork.localTime(of: late) == (try time("23:00")))
    #expect(newYork.secondsFromUTC(at: late) == -4 * 3600)
    #expect(try zone("Asia/Kolkata").civilDate(of: instant("2026-03-07T18:30:00Z")) == day("2026-03-08"))
    #expect(try zone("Asia/Kolkata").localTime(of: instant("2026-03-07T18:29:00Z")) == time("23:59"))
    #expect(ZoneRules.utc.civilDate(of: Instant(secondsSince1970: -1)) == day("1969-12-31"))
  }

  /// Zones and the days around their changes, checked every 15 minutes against Foundation.
  static let changeDays: [(zone: String, days: [String])] = [
    ("America/New_York", ["2026-03-07", "2026-03-08", "2026-03-09", "2026-10-31", "2026-11-01", "2026-11-02"]),
    ("America/Sao_Paulo", ["2018-11-03", "2018-11-04", "2019-02-16", "2019-02-17", "2026-03-08"]),
    ("Europe/London", ["2026-03-29", "2026-10-25"]),
    ("Asia/Kolkata", ["2026-03-08"]),
    ("UTC", ["2026-03-08"]),
    ("Australia/Lord_Howe", ["2026-04-05", "2026-10-04"]),  // a 30-minute change
    ("America/Havana", ["2026-03-08", "2026-11-01"]),  // changes at midnight
    ("America/Santiago", ["2026-04-05", "2026-09-06"]),
    ("Pacific/Apia", ["2011-12-29", "2011-12-30", "2011-12-31"]),
    ("America/New_York", ["1883-11-18", "2250-03-09", "2250-11-02"]),  // outside the table's years
  ]

  @Test("every quarter hour of a day of change is the instant Foundation's Calendar gives", arguments: changeDays)
  func agreesWithFoundation(zone identifier: String, days: [String]) throws {
    let timeZone = try #require(TimeZone(identifier: identifier))
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let rules = try zone(identifier)
    for text in days {
      let date = day(text)
      for minutes in stride(from: 0, to: 1440, by: 15) {
        let local = try #require(LocalTime(minutesSinceMidnight: minutes))
        let parts = DateComponents(
          year: date.year, month: date.month, day: date.day, hour: local.hour, minute: local.minute)
        let expected = try #require(calendar.date(from: parts))
        #expect(rules.instant(of: date, at: local) == Instant(expected), "\(identifier) \(text) \(local)")
        #expect(Date(date, at: local, in: timeZone) == expected)
      }
    }
  }

  @Test(
    "the table holds every offset Foundation gives, hour by hour, 1990 through 2039",
    arguments: ["America/New_York", "America/Sao_Paulo", "Europe/London", "Australia/Lord_Howe", "Asia/Tehran"])
  func tableMatchesFoundation(identifier: String) throws {
    let timeZone = try #require(TimeZone(identifier: identifier))
    let rules = try zone(identifier)
    let start = Instant(utc: day("1990-01-01"), secondOfDay: 0).secondsSince1970
    let end = Instant(utc: day("2040-01-01"), secondOfDay: 0).secondsSince1970
    var mismatches = 0
    for seconds in stride(from: start, to: end, by: 3600) {
      let expected = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
      if rules.secondsFromUTC(at: Instant(secondsSince1970: seconds)) != expected { mismatches += 1 }
    }
    #expect(mismatches == 0)
  }

  @Test("a zone of fixed offset, or of given changes, needs no Foundation")
  func madeByHand() throws {
    let kolkata = ZoneRules(identifier: "IST", secondsFromUTC: 19_800)
    #expect(kolkata.hasFixedOffset)
    #expect(kolkata.instant(of: day("2026-03-08"), at: try time("08:00")) == (try instant("2026-03-08T02:30:00Z")))
    #expect(
      ZoneRules(identifier: "far", secondsFromUTC: 100 * 3600).secondsFromUTC(at: Instant(secondsSince1970: 0)) == 18
        * 3600)

    let newYork2026 = try #require(
      ZoneRules(
        identifier: "America/New_York", secondsFromUTC: -5 * 3600,
        changes: [(try instant("2026-03-08T07:00:00Z"), -4 * 3600), (try instant("2026-11-01T06:00:00Z"), -5 * 3600)]))
    let system = try zone("America/New_York")
    for (date, text) in [("2026-03-08", "02:30"), ("2026-11-01", "01:30"), ("2026-07-01", "12:00")] {
      #expect(
        newYork2026.instant(of: day(date), at: try time(text)) == system.instant(of: day(date), at: try time(text)))
    }
    #expect(!newYork2026.hasFixedOffset)
  }

  @Test("changes out of order, too close, or offsets beyond 18 hours make no zone")
  func invalidTables() throws {
    let march = try instant("2026-03-08T07:00:00Z")
    #expect(
      ZoneRules(identifier: "x", secondsFromUTC: 0, changes: [(march, 3600), (march.adding(seconds: -1), 0)]) == nil)
    #expect(
      ZoneRules(identifier: "x", secondsFromUTC: 0, changes: [(march, 3600), (march.adding(seconds: 86_400), 0)]) == nil
    )
    #expect(ZoneRules(identifier: "x", secondsFromUTC: 0, changes: [(march, 19 * 3600)]) == nil)
    #expect(ZoneRules(identifier: "x", secondsFromUTC: 0, changes: [(march, 0)])?.hasFixedOffset == true)
  }

  @Test("the system database makes a zone once and shares it; unknown names are nil")
  func database() throws {
    let first = try zone("Europe/Lisbon")
    let second = try zone("Europe/Lisbon")
    #expect(first.storage === second.storage)
    #expect(first == second)
    #expect(TimeZoneDatabase.system.rules(for: "Mars/Olympus") == nil)
    #expect(TimeZoneDatabase.system.rules(for: String(repeating: "a", count: 100)) == nil)
    #expect(TimeZoneDatabase.system.rules(for: "UTC") == .utc)

    let pinned = ZoneRules(identifier: "America/Sao_Paulo", secondsFromUTC: -2 * 3600)
    let database = TimeZoneDatabase([pinned])
    #expect(database.rules(for: "America/Sao_Paulo") == pinned)
    #expect(database.rules(for: "UTC") == .utc)
    #expect(database.rules(for: "Europe/London") == nil)
    #expect(TimeZoneDatabase.system.adding([pinned]).rules(for: "America/Sao_Paulo") == pinned)
    #expect(TimeZoneDatabase.system.adding([pinned]).rules(for: "Europe/London") != nil)
  }

  /// An instant, a zone, the civil date its wall clock shows then: what `--on today` computes.
  static let todays: [(instant: String, zone: String, date: String)] = [
    ("2026-03-09T03:00:00Z", "America/New_York", "2026-03-08"),
    ("2026-03-09T03:00:00Z", "UTC", "2026-03-09"),
    ("2026-03-09T03:00:00Z", "America/Sao_Paulo", "2026-03-09"),
    ("2026-03-09T02:59:59Z", "America/Sao_Paulo", "2026-03-08"),
    ("2026-03-08T18:29:59Z", "Asia/Kolkata", "2026-03-08"),
    ("2026-03-08T18:30:00Z", "Asia/Kolkata", "2026-03-09"),
    ("2026-03-08T10:00:00Z", "Pacific/Kiritimati", "2026-03-09"),
    ("1969-12-31T23:59:59Z", "UTC", "1969-12-31"),
  ]

  @Test("the civil date of a Date in a zone is the date the zone's wall clock shows", arguments: todays)
  func civilDateOfDate(instant text: String, zone identifier: String, date: String) throws {
    let moment = try instant(text)
    let timeZone = try #require(TimeZone(identifier: identifier))
    #expect(CivilDate(Date(moment), in: timeZone) == day(date))
    #expect(try zone(identifier).civilDate(of: moment) == day(date))
  }
}
