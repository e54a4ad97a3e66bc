import Foundation

// The bridge between Regua's pure time values and Foundation: the one file of the calendar that
// imports it. Nothing here reads `TimeZone.current` or the clock.

extension ZoneRules {
  /// The years whose changes of offset a zone made from Foundation holds in its table:
  /// 1900 through 2199, as the business-day index does. Outside them Foundation is asked.
  static let tableYears = 1900..<2200

  /// The rules of a Foundation time zone: its changes of offset from 1900 through 2199 in a
  /// table, and Foundation's answer for instants outside those years.
  ///
  /// Making one walks some hundreds of changes (about a millisecond for `America/New_York`):
  /// make it once per zone, as ``TimeZoneDatabase/system`` does, not per evaluation.
  ///
  /// ```swift
  /// let saoPaulo = ZoneRules(TimeZone(identifier: "America/Sao_Paulo")!)
  /// saoPaulo.secondsFromUTC(at: Instant("2026-01-15T12:00:00Z")!)   // -10800: no DST since 2019
  /// ```
  ///
  /// - Parameter timeZone: The zone; its ``identifier`` becomes the zone's.
  public init(_ timeZone: TimeZone) {
    self.init(timeZone, identifier: timeZone.identifier)
  }

  init(_ timeZone: TimeZone, identifier: String) {
    let start = ZoneRules.firstInstant(of: ZoneRules.tableYears.lowerBound)
    let end = ZoneRules.firstInstant(of: ZoneRules.tableYears.upperBound)
    var changes: [Int] = []
    var offsets = [timeZone.secondsFromGMT(for: Date(start))]
    var cursor = Date(start)
    let last = Date(end)
    while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < last, next > cursor {
      let offset = timeZone.secondsFromGMT(for: next)
      if offset != offsets[offsets.count - 1] {
        changes.append(Instant(next).secondsSince1970)
        offsets.append(offset)
      }
      cursor = next
    }
    self.init(
      storage: Storage(
        identifier: identifier, changes: changes, offsets: offsets,
        coverage: start.secondsSince1970..<end.secondsSince1970,
        fallback: { timeZone.secondsFromGMT(for: Date(Instant(secondsSince1970: $0))) }))
  }

  /// The instant a year begins in UTC.
  private static func firstInstant(of year: Int) -> Instant {
    Instant(utc: CivilDate(year: year, month: 1, day: 1) ?? .earliest, secondOfDay: 0)
  }

  /// The rules of the IANA zone `identifier` as Foundation knows it, made once per process and
  /// shared; `nil` when Foundation knows no such zone.
  static func system(_ identifier: String) -> ZoneRules? {
    if let rules = SystemZones.shared.rules(identifier) { return rules }
    guard identifier.utf8.count <= 64, let timeZone = TimeZone(identifier: identifier) else { return nil }
    let rules = identifier == "UTC" ? ZoneRules.utc : ZoneRules(timeZone, identifier: identifier)
    SystemZones.shared.keep(rules)
    return rules
  }
}

/// The zones made from Foundation so far, by identifier, behind a lock.
///
/// It keeps at most ``limit`` zones: the IANA database has about 600, so the limit is reached
/// only by input that names a great many offset zones (`GMT+0130`…); those are still answered,
/// just not kept.
private final class SystemZones: @unchecked Sendable {
  static let shared = SystemZones()
  static let limit = 2048

  private let lock = NSLock()
  private var zones: [String: ZoneRules] = [:]

  func rules(_ identifier: String) -> ZoneRules? {
    lock.lock()
    defer { lock.unlock() }
    return zones[identifier]
  }

  func keep(_ rules: ZoneRules) {
    lock.lock()
    defer { lock.unlock() }
    if zones.count < SystemZones.limit { zones[rules.identifier] = zones[rules.identifier] ?? rules }
  }
}

extension Instant {
  /// The instant of a `Date`, to the second (a fraction of a second is dropped, rounding
  /// towards the past).
  ///
  /// ```swift
  /// Instant(Date(timeIntervalSince1970: 1.9)).secondsSince1970   // 1
  /// ```
  public init(_ date: Date) {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    self.init(
      secondsSince1970: seconds.isFinite && abs(seconds) < 1e17 ? Int(seconds) : seconds < 0 ? Int.min : Int.max)
  }
}

extension Date {
  /// The `Date` of an instant.
  ///
  /// ```swift
  /// Date(Instant("2026-03-09T12:00:00Z")!)   // 2026-03-09 12:00:00 +0000
  /// ```
  public init(_ instant: Instant) {
    self.init(timeIntervalSince1970: TimeInterval(instant.secondsSince1970))
  }

  /// The instant at which `timeZone`'s wall clock shows `time` on `date`, as a `Date`: a gap's
  /// local time moves forward by the gap's length, an overlap's is its first occurrence (see
  /// ``ZoneRules/instant(of:at:)``).
  ///
  /// ```swift
  /// Date(try CivilDate(parsing: "2026-03-09"), at: try LocalTime(parsing: "08:00"),
  ///      in: TimeZone(identifier: "America/New_York")!)   // 2026-03-09 12:00:00 +0000
  /// ```
  public init(_ date: CivilDate, at time: LocalTime, in timeZone: TimeZone) {
    let rules = ZoneRules.system(timeZone.identifier) ?? ZoneRules(timeZone)
    self.init(rules.instant(of: date, at: time))
  }
}

extension CivilDate {
  /// The civil date a zone's wall clock shows at a `Date`: what `today` is there.
  ///
  /// Never reads the process's time zone: the zone is always given.
  ///
  /// ```swift
  /// let now = Date(timeIntervalSince1970: 1_773_025_200)   // 2026-03-09T03:00:00Z
  /// CivilDate(now, in: TimeZone(identifier: "America/New_York")!)   // 2026-03-08
  /// CivilDate(now, in: TimeZone(identifier: "UTC")!)                // 2026-03-09
  /// ```
  public init(_ date: Date, in timeZone: TimeZone) {
    let instant = Instant(date)
    self.init(
      daysSinceEpoch: Instant.floorDivide(
        Instant.sum(instant.secondsSince1970, timeZone.secondsFromGMT(for: date)), Instant.secondsPerDay))
  }
}
