import Foundation
import Testing

@testable import Regua

/// A window from `HH:MM-HH:MM`; a typo fails the test.
func window(_ channel: Channel?, _ hours: String, days: WeekdaySet = .everyDay) throws -> SendWindow {
  let parts = hours.split(separator: "-").map(String.init)
  try #require(parts.count == 2)
  return try SendWindow(channel: channel, from: time(parts[0]), to: time(parts[1]), days: days)
}

/// An opening from its instants' texts.
func open(_ from: String, _ to: String) throws -> WindowOpening {
  .open(try instant(from)..<instant(to))
}

@Suite("Send windows")
struct SendWindowsTests {
  /// 08:00-21:00 every day: zone, date, the expected from and to.
  static let daily: [(zone: String, date: String, from: String, to: String)] = [
    // New York: EST (UTC−5) until 2026-03-08 02:00, EDT (UTC−4) until 2026-11-01 02:00.
    ("America/New_York", "2026-03-07", "2026-03-07T13:00:00Z", "2026-03-08T02:00:00Z"),
    ("America/New_York", "2026-03-08", "2026-03-08T12:00:00Z", "2026-03-09T01:00:00Z"),
    ("America/New_York", "2026-03-09", "2026-03-09T12:00:00Z", "2026-03-10T01:00:00Z"),
    ("America/New_York", "2026-10-31", "2026-10-31T12:00:00Z", "2026-11-01T01:00:00Z"),
    ("America/New_York", "2026-11-01", "2026-11-01T13:00:00Z", "2026-11-02T02:00:00Z"),
    ("America/New_York", "2026-11-02", "2026-11-02T13:00:00Z", "2026-11-03T02:00:00Z"),
    // São Paulo: UTC−3 on both of New York's change days (no daylight time since 2019).
    ("America/Sao_Paulo", "2026-03-08", "2026-03-08T11:00:00Z", "2026-03-09T00:00:00Z"),
    ("America/Sao_Paulo", "2026-11-01", "2026-11-01T11:00:00Z", "2026-11-02T00:00:00Z"),
    // London: GMT, then BST from 2026-03-29, then GMT from 2026-10-25.
    ("Europe/London", "2026-03-28", "2026-03-28T08:00:00Z", "2026-03-28T21:00:00Z"),
    ("Europe/London", "2026-03-29", "2026-03-29T07:00:00Z", "2026-03-29T20:00:00Z"),
    ("Europe/London", "2026-10-24", "2026-10-24T07:00:00Z", "2026-10-24T20:00:00Z"),
    ("Europe/London", "2026-10-25", "2026-10-25T08:00:00Z", "2026-10-25T21:00:00Z"),
    // Kolkata: UTC+05:30.
    ("Asia/Kolkata", "2026-03-08", "2026-03-08T02:30:00Z", "2026-03-08T15:30:00Z"),
    ("Asia/Kolkata", "2026-11-01", "2026-11-01T02:30:00Z", "2026-11-01T15:30:00Z"),
    ("UTC", "2026-03-08", "2026-03-08T08:00:00Z", "2026-03-08T21:00:00Z"),
    ("UTC", "2026-11-01", "2026-11-01T08:00:00Z", "2026-11-01T21:00:00Z"),
  ]

  @Test("08:00-21:00 is the same local hours in UTC instants that move with daylight time", arguments: daily)
  func dailyWindow(zone identifier: String, date: String, from: String, to: String) throws {
    let windows = SendWindows([try window(nil, "08:00-21:00")])
    let expected = try open(from, to)
    #expect(windows.opening(of: .email, on: day(date), in: try zone(identifier)) == expected)
    #expect(
      windows.windows(for: .email)?.openings(on: day(date), in: try zone(identifier)) == [
        try instant(from)..<instant(to)
      ])
  }

  @Test("a channel with no window of its own or `any` is unrestricted; with windows, closed days are closed")
  func unrestricted() throws {
    #expect(SendWindows.none.opening(of: .sms, on: day("2026-03-07"), in: .utc) == .unrestricted)
    #expect(SendWindows.none.opens(.sms, on: day("2026-03-07")))
    #expect(SendWindows.none.nextOpening(of: .sms, onOrAfter: day("2026-03-07")) == day("2026-03-07"))
    let calls = SendWindows([try window(.call, "09:00-18:00", days: .mondayToFriday)])
    #expect(calls.windows(for: .email) == nil)
    #expect(calls.opening(of: .email, on: day("2026-03-07"), in: .utc) == .unrestricted)
    #expect(calls.opening(of: .call, on: day("2026-03-07"), in: .utc) == .closed)
    #expect(calls.windows(for: .call)?.openings(on: day("2026-03-07"), in: .utc) == [])
  }

  @Test("a channel's own windows replace the `any` windows for it, on every day")
  func replacement() throws {
    let windows = SendWindows([
      try window(nil, "08:00-21:00"),
      try window(.call, "09:00-18:00", days: .mondayToFriday),
    ])
    let saoPaulo = try zone("America/Sao_Paulo")
    // Monday 2026-03-09: email follows `any`, call its own.
    #expect(
      windows.opening(of: .email, on: day("2026-03-09"), in: saoPaulo)
        == (try open("2026-03-09T11:00:00Z", "2026-03-10T00:00:00Z")))
    #expect(
      windows.opening(of: .call, on: day("2026-03-09"), in: saoPaulo)
        == (try open("2026-03-09T12:00:00Z", "2026-03-09T21:00:00Z")))
    // Saturday: `any` opens, but not for calls.
    #expect(
      windows.opening(of: .email, on: day("2026-03-07"), in: saoPaulo)
        == (try open("2026-03-07T11:00:00Z", "2026-03-08T00:00:00Z")))
    #expect(windows.opening(of: .call, on: day("2026-03-07"), in: saoPaulo) == .closed)
    #expect(windows.windows(for: .call)?.windows == [try window(.call, "09:00-18:00", days: .mondayToFriday)])
    #expect(windows.windows(for: try Channel(host: "push"))?.windows == [try window(nil, "08:00-21:00")])
  }

  @Test("several windows of one channel open as their union, touching or overlapping ones merged")
  func union() throws {
    let windows = SendWindows([
      try window(.sms, "12:00-18:00", days: .mondayToFriday),
      try window(.sms, "09:00-12:00", days: .mondayToFriday),
      try window(.sms, "10:00-11:00"),
      try window(.sms, "19:00-20:00", days: WeekdaySet([.saturday])),
    ])
    let sms = try #require(windows.windows(for: .sms))
    #expect(sms.hours(on: .monday) == [try time("09:00")..<time("18:00")])
    #expect(sms.hours(on: .saturday) == [try time("10:00")..<time("11:00"), try time("19:00")..<time("20:00")])
    #expect(sms.days == .everyDay)
    #expect(
      windows.opening(of: .sms, on: day("2026-03-09"), in: .utc)
        == (try open("2026-03-09T09:00:00Z", "2026-03-09T18:00:00Z")))
  }

  @Test("hours with a gap between them report the day's first interval; every interval is listed")
  func firstInterval() throws {
    let windows = SendWindows([try window(.call, "14:00-18:00"), try window(.call, "09:00-12:00")])
    let calls = try #require(windows.windows(for: .call))
    let london = try zone("Europe/London")
    #expect(
      calls.opening(on: day("2026-03-30"), in: london) == (try open("2026-03-30T08:00:00Z", "2026-03-30T11:00:00Z")))
    #expect(
      calls.openings(on: day("2026-03-30"), in: london) == [
        try instant("2026-03-30T08:00:00Z")..<instant("2026-03-30T11:00:00Z"),
        try instant("2026-03-30T13:00:00Z")..<instant("2026-03-30T17:00:00Z"),
      ])
  }

  /// The opening day, date, and the next date the channel opens on or after it.
  static let nextOpeningCases: [(days: WeekdaySet, date: String, next: String)] = [
    (.mondayToFriday, "2026-03-06", "2026-03-06"),  // Friday
    (.mondayToFriday, "2026-03-07", "2026-03-09"),  // Saturday → Monday
    (.mondayToFriday, "2026-03-08", "2026-03-09"),  // Sunday → Monday
    (WeekdaySet([.saturday]), "2026-03-08", "2026-03-14"),  // Sunday → the next Saturday, 6 days on
    (WeekdaySet([.sunday]), "2026-03-08", "2026-03-08"),
    (.everyDay, "2026-03-07", "2026-03-07"),
    (WeekdaySet(.friday, through: .monday), "2026-03-11", "2026-03-13"),  // Wednesday → Friday
  ]

  @Test("the next opening is the date itself or one of the six after it", arguments: nextOpeningCases)
  func nextOpening(days: WeekdaySet, date: String, next: String) throws {
    let windows = SendWindows([try window(.letter, "08:00-21:00", days: days)])
    #expect(windows.nextOpening(of: .letter, onOrAfter: day(date)) == day(next))
    #expect(windows.opens(.letter, on: day(next)))
    #expect(windows.opens(.letter, on: day(date)) == (date == next))
    let opening = windows.opening(of: .letter, on: day(next), in: try zone("America/New_York"))
    #expect(opening != .closed && opening != .unrestricted)
  }

  @Test("mon-fri is closed on weekends in every zone, whatever instant it is in UTC")
  func weekends() throws {
    let windows = SendWindows([try window(nil, "08:00-21:00", days: .mondayToFriday)])
    for identifier in ["America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"] {
      let rules = try zone(identifier)
      #expect(windows.opening(of: .email, on: day("2026-03-07"), in: rules) == .closed)
      #expect(windows.opening(of: .email, on: day("2026-03-08"), in: rules) == .closed)
      let monday = windows.opening(of: .email, on: day("2026-03-09"), in: rules)
      guard case .open(let hours) = monday else {
        Issue.record("\(identifier): \(monday)")
        continue
      }
      #expect(rules.civilDate(of: hours.lowerBound) == day("2026-03-09"))
      #expect(rules.localTime(of: hours.lowerBound) == (try time("08:00")))
    }
  }

  @Test("a window to 24:00 closes at the next midnight, across a change of offset")
  func midnight() throws {
    let windows = SendWindows([try window(.email, "20:00-24:00")])
    #expect(
      windows.opening(of: .email, on: day("2026-10-31"), in: try zone("America/New_York"))
        == (try open("2026-11-01T00:00:00Z", "2026-11-01T04:00:00Z")))
    // Havana's clocks go from 00:00 to 01:00 on 2026-03-08: the window closes as the gap begins.
    #expect(
      windows.opening(of: .email, on: day("2026-03-07"), in: try zone("America/Havana"))
        == (try open("2026-03-08T01:00:00Z", "2026-03-08T05:00:00Z")))
  }

  @Test("on a day of change, a window keeps its wall-clock hours and loses or gains the changed hour")
  func changeDay() throws {
    let windows = SendWindows([try window(.sms, "01:00-04:00")])
    let newYork = try zone("America/New_York")
    // Spring forward: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z), two hours.
    #expect(
      windows.opening(of: .sms, on: day("2026-03-08"), in: newYork)
        == (try open("2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z")))
    // Fall back: the first 01:00 EDT (05:00Z) to 04:00 EST (09:00Z), four hours.
    #expect(
      windows.opening(of: .sms, on: day("2026-11-01"), in: newYork)
        == (try open("2026-11-01T05:00:00Z", "2026-11-01T09:00:00Z")))
  }

  @Test("a window wholly inside a gap of the clocks has no instant that day")
  func inGap() throws {
    let windows = SendWindows([try window(.sms, "02:30-03:00")])
    let newYork = try zone("America/New_York")
    #expect(windows.opening(of: .sms, on: day("2026-03-08"), in: newYork) == .closed)
    #expect(windows.opens(.sms, on: day("2026-03-08")))  // the weekday question
    #expect(
      windows.opening(of: .sms, on: day("2026-03-09"), in: newYork)
        == (try open("2026-03-09T06:30:00Z", "2026-03-09T07:00:00Z")))
  }

  static let invalidWindows: [(from: String, to: String, days: WeekdaySet, error: SendWindowError, message: String)] = [
    (
      "21:00", "08:00", .everyDay,
      .endNotAfterStart(from: LocalTime(hour: 21, minute: 0)!, to: LocalTime(hour: 8, minute: 0)!),
      "a window's end `08:00` is not after its start `21:00`; a window does not wrap past midnight: write two, "
        + "`21:00-24:00` and `00:00-08:00`"
    ),
    (
      "09:00", "09:00", .everyDay,
      .endNotAfterStart(from: LocalTime(hour: 9, minute: 0)!, to: LocalTime(hour: 9, minute: 0)!),
      "a window's end `09:00` is not after its start `09:00`; a window is open for at least a minute"
    ),
    (
      "20:00", "00:00", .everyDay, .endNotAfterStart(from: LocalTime(hour: 20, minute: 0)!, to: .startOfDay),
      "a window's end `00:00` is not after its start `20:00`; write `20:00-24:00` for a window that closes at midnight"
    ),
    (
      "24:00", "08:00", .everyDay, .startsAtEndOfDay,
      "`24:00` ends a day, so no window starts at it; a window starts from `00:00` to `23:59`"
    ),
    ("08:00", "21:00", .empty, .noDays, "a window opens on at least one day"),
  ]

  @Test(
    "a window whose end is not after its start, or that opens on no day, is an error that says why",
    arguments: invalidWindows)
  func invalid(from: String, to: String, days: WeekdaySet, error: SendWindowError, message: String) throws {
    let from = try time(from)
    let to = try time(to)
    #expect(throws: error) { try SendWindow(channel: .sms, from: from, to: to, days: days) }
    #expect(error.description == message)
  }

  @Test("weekday sets: ranges wrap past Sunday, and the next day in the set is found from any day")
  func weekdaySets() {
    #expect(WeekdaySet(.monday, through: .friday) == .mondayToFriday)
    #expect(WeekdaySet(.saturday, through: .monday).days == [.monday, .saturday, .sunday])
    #expect(WeekdaySet(.wednesday, through: .wednesday).days == [.wednesday])
    #expect(WeekdaySet(.tuesday, through: .monday) == .everyDay)
    #expect(WeekdaySet(rawValue: 0xFF) == .everyDay)
    #expect(WeekdaySet.empty.daysUntilNext(onOrAfter: .monday) == nil)
    for set in (1...127).map({ WeekdaySet(rawValue: UInt8($0)) }) {
      for start in Weekday.allCases {
        let distance = set.daysUntilNext(onOrAfter: start)
        let expected = (0..<7).first { set.contains(Weekday(isoNumber: (start.rawValue - 1 + $0) % 7 + 1) ?? .monday) }
        #expect(distance == expected)
      }
    }
  }

  @Test("windows are combined once: equal values for equal declarations")
  func equality() throws {
    let first = SendWindows([try window(nil, "08:00-21:00"), try window(.sms, "09:00-10:00")])
    let second = SendWindows([try window(nil, "08:00-21:00"), try window(.sms, "09:00-10:00")])
    #expect(first == second)
    #expect(first.hashValue == second.hashValue)
    #expect(first != SendWindows.none)
    #expect(SendWindows.none.isEmpty)
  }
}
