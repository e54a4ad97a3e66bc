import Foundation
import Testing

@testable import Regua

@Suite("Instants")
struct InstantTests {
  static let texts: [(text: String, seconds: Int)] = [
    ("1970-01-01T00:00:00Z", 0),
    ("1969-12-31T23:59:59Z", -1),
    ("2026-03-08T07:00:00Z", 1_772_953_200),
    ("2026-11-01T06:00:00Z", 1_793_512_800),
    ("0001-01-01T00:00:00Z", -62_135_596_800),
    ("9999-12-31T23:59:59Z", 253_402_300_799),
  ]

  @Test("YYYY-MM-DDTHH:MM:SSZ names one second of UTC", arguments: texts)
  func roundTrip(text: String, seconds: Int) throws {
    let instant = try #require(Instant(text))
    #expect(instant.secondsSince1970 == seconds)
    #expect(instant.description == text)
    #expect(Instant(Date(instant)) == instant)
  }

  @Test(
    "any other shape, or a time that is not one, is no instant",
    arguments: [
      "2026-03-08T07:00:00", "2026-03-08T07:00:00z", "2026-03-08t07:00:00Z", "2026-03-08 07:00:00Z",
      "2026-03-08T07:00:00.000Z", "2026-03-08T07:00:00+00:00", "2026-03-08T7:00:00Z", "2026-02-30T07:00:00Z",
      "2026-03-08T24:00:00Z", "2026-03-08T23:60:00Z", "2026-03-08T23:59:60Z", "2026-03-08T07:00:00ZZ",
      "2026-03-08", "",
    ])
  func invalid(text: String) {
    #expect(Instant(text) == nil)
  }

  @Test("the UTC date and second of day floor towards the past")
  func utcParts() throws {
    let instant = Instant(secondsSince1970: -1)
    #expect(instant.utcDate == day("1969-12-31"))
    #expect(instant.utcSecondOfDay == 86_399)
    #expect(Instant(utc: day("2026-03-08"), secondOfDay: 86_400) == Instant(utc: day("2026-03-09"), secondOfDay: 0))
    #expect(instant.adding(seconds: 1).seconds(since: instant) == 1)
  }

  @Test("arithmetic far out saturates instead of trapping")
  func saturates() {
    #expect(Instant(utc: CivilDate(daysSinceEpoch: .max), secondOfDay: 10).secondsSince1970 == .max)
    #expect(Instant(utc: CivilDate(daysSinceEpoch: .min), secondOfDay: -10).secondsSince1970 == .min)
    #expect(Instant(secondsSince1970: .max).adding(seconds: 1).secondsSince1970 == .max)
    #expect(!Instant(secondsSince1970: .min).description.isEmpty)
  }

  @Test("a Date's fraction of a second is dropped towards the past")
  func fromDate() {
    #expect(Instant(Date(timeIntervalSince1970: 1.9)).secondsSince1970 == 1)
    #expect(Instant(Date(timeIntervalSince1970: -0.5)).secondsSince1970 == -1)
    #expect(Instant(Date.distantFuture) > Instant(secondsSince1970: 0))
  }
}
