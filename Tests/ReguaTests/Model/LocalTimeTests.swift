import Testing

@testable import Regua

@Suite("Local times")
struct LocalTimeTests {
  @Test(
    "HH:MM from 00:00 through 24:00 parses and prints back",
    arguments: ["00:00", "08:00", "08:30", "21:00", "23:59", "24:00"])
  func roundTrip(text: String) throws {
    let time = try LocalTime(parsing: text)
    #expect(time.description == text)
    #expect(LocalTime(text) == time)
    #expect(LocalTime(hour: time.hour, minute: time.minute) == time)
  }

  @Test("24:00 is the end of the day, after every other time")
  func endOfDay() throws {
    #expect(try LocalTime(parsing: "24:00") == .endOfDay)
    #expect(LocalTime.endOfDay.minutesSinceMidnight == 1440)
    #expect(try LocalTime(parsing: "23:59") < .endOfDay)
    #expect(LocalTime.startOfDay == LocalTime(minutesSinceMidnight: 0))
    #expect(LocalTime(minutesSinceMidnight: 1441) == nil)
    #expect(LocalTime(minutesSinceMidnight: -1) == nil)
  }

  static let invalidTexts: [(text: String, error: LocalTimeError, message: String)] = [
    (
      "25:00", .hourOutOfRange("25:00"),
      "`25:00` is not a time: the hour must be 00 to 23 (or 24:00, the end of the day)"
    ),
    (
      "99:00", .hourOutOfRange("99:00"),
      "`99:00` is not a time: the hour must be 00 to 23 (or 24:00, the end of the day)"
    ),
    ("08:60", .minuteOutOfRange("08:60"), "`08:60` is not a time: the minute must be 00 to 59"),
    ("24:30", .pastEndOfDay("24:30"), "`24:30` is past the end of the day: the latest time is `24:00`"),
    (
      "8:00", .notATime("8:00", suggestion: LocalTime(hour: 8, minute: 0)),
      "`8:00` is not a time; write it as HH:MM: did you mean `08:00`?"
    ),
    (
      "8", .notATime("8", suggestion: LocalTime(hour: 8, minute: 0)),
      "`8` is not a time; write it as HH:MM: did you mean `08:00`?"
    ),
    (
      "9:30", .notATime("9:30", suggestion: LocalTime(hour: 9, minute: 30)),
      "`9:30` is not a time; write it as HH:MM: did you mean `09:30`?"
    ),
    ("08:5", .notATime("08:5", suggestion: nil), "`08:5` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("0800", .notATime("0800", suggestion: nil), "`0800` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("08:00:00", .notATime("08:00:00", suggestion: nil), "`08:00:00` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("08h00", .notATime("08h00", suggestion: nil), "`08h00` is not a time; write it as HH:MM, e.g. `08:00`"),
    (" 08:00", .notATime(" 08:00", suggestion: nil), "` 08:00` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("+8:00", .notATime("+8:00", suggestion: nil), "`+8:00` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("٠٨:٠٠", .notATime("٠٨:٠٠", suggestion: nil), "`٠٨:٠٠` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("", .notATime("", suggestion: nil), "`` is not a time; write it as HH:MM, e.g. `08:00`"),
    ("25:00x", .notATime("25:00x", suggestion: nil), "`25:00x` is not a time; write it as HH:MM, e.g. `08:00`"),
  ]

  @Test("a text that is not HH:MM is an error that says why, as a value", arguments: invalidTexts)
  func invalid(text: String, error: LocalTimeError, message: String) {
    #expect(LocalTime(text) == nil)
    #expect(throws: error) { try LocalTime(parsing: text) }
    #expect(error.description == message)
    #expect(error.text == text)
  }

  @Test("hours and minutes outside a day make no time")
  func components() {
    #expect(LocalTime(hour: 24, minute: 1) == nil)
    #expect(LocalTime(hour: -1, minute: 0) == nil)
    #expect(LocalTime(hour: 8, minute: 60) == nil)
    #expect(LocalTime(hour: 23, minute: 59)?.minutesSinceMidnight == 1439)
  }
}
