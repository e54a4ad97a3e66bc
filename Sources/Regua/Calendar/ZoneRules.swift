/// A time zone resolved to its rules: the offset from UTC at every instant, and the conversions
/// between instants and a zone's civil dates and local times, in pure Swift.
///
/// The engine resolves a customer's zone once per evaluation (``TimeZoneDatabase/rules(for:)``)
/// and then asks it, with no allocation and no lock, which instant a ``LocalTime`` of a
/// ``CivilDate`` is there. Copying a zone copies one reference.
///
/// ```swift
/// let newYork = try #require(TimeZoneDatabase.system.rules(for: "America/New_York"))
/// let day = try CivilDate(parsing: "2026-03-09")
/// newYork.instant(of: day, at: try LocalTime(parsing: "08:00")).description
/// // "2026-03-09T12:00:00Z": the day after the change to daylight time, UTC−4
/// newYork.civilDate(of: Instant("2026-03-09T03:00:00Z")!)   // 2026-03-08, 23:00 there
/// ```
///
/// A zone is a table of the instants at which its offset changes, with the offset in force
/// after each. Zones made from `Foundation.TimeZone` (``init(_:)``, ``TimeZoneDatabase/system``)
/// hold the changes of 1900 through 2199 and ask Foundation for instants outside those years;
/// a zone made with ``init(identifier:secondsFromUTC:)`` or
/// ``init(identifier:secondsFromUTC:changes:)`` holds what it is given, and its first and last
/// offsets extend for ever.
///
/// ## Local times that occur twice or never
///
/// On a day the clocks change, ``instant(of:at:)`` follows `Foundation.Calendar` (and
/// `java.time`, and RFC 5545):
/// - **a gap** (New York, 2026-03-08: 02:00 jumps to 03:00): a local time that does not exist
///   moves forward by the length of the gap, so 02:30 is 03:30 daylight time (07:30Z);
/// - **an overlap** (New York, 2026-11-01: 01:00–02:00 happens twice): a local time that occurs
///   twice is its first occurrence, so 01:30 is 01:30 daylight time (05:30Z).
public struct ZoneRules: Sendable, Hashable {
  /// The zone's table, shared and never mutated.
  final class Storage: Sendable {
    let identifier: String
    /// Instants, in seconds since 1970, at which the offset changes, ascending.
    let changes: [Int]
    /// The offsets in seconds east of UTC: `offsets[i]` holds before `changes[i]` (and after
    /// `changes[i - 1]`); the last holds after the last change. One more than `changes`.
    let offsets: [Int]
    /// The instants where the table is exact; `nil` when it is exact everywhere.
    let coverage: Range<Int>?
    /// The offset at an instant outside ``coverage``.
    let fallback: (@Sendable (Int) -> Int)?

    init(identifier: String, changes: [Int], offsets: [Int], coverage: Range<Int>?, fallback: (@Sendable (Int) -> Int)?)
    {
      self.identifier = identifier
      self.changes = changes
      self.offsets = offsets
      self.coverage = fallback == nil ? nil : coverage
      self.fallback = fallback
    }
  }

  let storage: Storage

  /// The largest offset from UTC a zone may have, 18 hours either way (today's zones span
  /// −12:00 to +14:00).
  public static let maximumOffset = 18 * 3600

  /// Coordinated Universal Time: offset 0 for ever.
  public static let utc = ZoneRules(identifier: "UTC", secondsFromUTC: 0)

  /// The zone's name: the IANA identifier it was made from (`America/Sao_Paulo`), or the name
  /// it was given.
  public var identifier: String { storage.identifier }

  /// Whether the zone's offset never changes (`UTC`, `Asia/Kolkata` since 1945 is not enough:
  /// only a zone with no change in its table and no fallback).
  public var hasFixedOffset: Bool { storage.changes.isEmpty && storage.fallback == nil }

  init(storage: Storage) { self.storage = storage }

  /// A zone whose offset never changes.
  ///
  /// ```swift
  /// let kolkata = ZoneRules(identifier: "IST", secondsFromUTC: 5 * 3600 + 1800)
  /// kolkata.instant(of: try CivilDate(parsing: "2026-03-08"), at: try LocalTime(parsing: "08:00"))
  /// // 2026-03-08T02:30:00Z
  /// ```
  ///
  /// - Parameters:
  ///   - identifier: The zone's name.
  ///   - secondsFromUTC: The offset east of UTC, clamped to ±``maximumOffset``.
  public init(identifier: String, secondsFromUTC: Int) {
    let offset = Swift.min(Swift.max(secondsFromUTC, -ZoneRules.maximumOffset), ZoneRules.maximumOffset)
    storage = Storage(identifier: identifier, changes: [], offsets: [offset], coverage: nil, fallback: nil)
  }

  /// A zone from its offsets and the instants they change: a zone a host pins, or one for tests.
  ///
  /// Returns `nil` when the changes are not in ascending order, two fall within two days of each
  /// other (a local time is placed by looking a day either side of it), or an offset is beyond
  /// ±``maximumOffset``. A change to the offset already in force is ignored.
  ///
  /// ```swift
  /// // New York in 2026: UTC−5, UTC−4 from 2026-03-08T07:00Z, UTC−5 from 2026-11-01T06:00Z.
  /// let newYork2026 = ZoneRules(
  ///   identifier: "America/New_York", secondsFromUTC: -5 * 3600,
  ///   changes: [
  ///     (Instant("2026-03-08T07:00:00Z")!, -4 * 3600),
  ///     (Instant("2026-11-01T06:00:00Z")!, -5 * 3600),
  ///   ])
  /// ```
  ///
  /// - Parameters:
  ///   - identifier: The zone's name.
  ///   - secondsFromUTC: The offset east of UTC before the first change.
  ///   - changes: Each instant the offset changes, with the offset from then on, ascending.
  public init?(identifier: String, secondsFromUTC: Int, changes: [(at: Instant, secondsFromUTC: Int)]) {
    var instants: [Int] = []
    var offsets = [secondsFromUTC]
    for (instant, offset) in changes {
      guard offset != offsets[offsets.count - 1] else { continue }
      if let last = instants.last, instant.secondsSince1970 - last < 2 * Instant.secondsPerDay { return nil }
      instants.append(instant.secondsSince1970)
      offsets.append(offset)
    }
    guard offsets.allSatisfy({ abs($0) <= ZoneRules.maximumOffset }) else { return nil }
    storage = Storage(identifier: identifier, changes: instants, offsets: offsets, coverage: nil, fallback: nil)
  }

  /// The offset from UTC in force at `instant`, in seconds east of UTC (New York in winter:
  /// −18 000).
  ///
  /// ```swift
  /// ZoneRules.utc.secondsFromUTC(at: Instant(secondsSince1970: 0))   // 0
  /// ```
  public func secondsFromUTC(at instant: Instant) -> Int {
    offset(at: instant.secondsSince1970)
  }

  /// The instant at which a zone's wall clock shows `time` on `date`.
  ///
  /// A local time that does not exist (in the gap of a change to daylight time) moves forward
  /// by the length of the gap; one that occurs twice (in the overlap of a change back) is its
  /// first occurrence. `24:00` is the next day's `00:00`.
  ///
  /// ```swift
  /// let day = try CivilDate(parsing: "2026-03-08")
  /// newYork.instant(of: day, at: try LocalTime(parsing: "01:30"))   // 2026-03-08T06:30:00Z
  /// newYork.instant(of: day, at: try LocalTime(parsing: "02:30"))   // 2026-03-08T07:30:00Z (03:30 EDT)
  /// newYork.instant(of: day, at: try LocalTime(parsing: "03:30"))   // 2026-03-08T07:30:00Z
  /// ```
  public func instant(of date: CivilDate, at time: LocalTime) -> Instant {
    let local = Instant(utc: date, secondOfDay: time.minutesSinceMidnight * 60).secondsSince1970
    return Instant(secondsSince1970: instant(ofLocal: local))
  }

  /// The civil date a zone's wall clock shows at `instant`.
  ///
  /// ```swift
  /// newYork.civilDate(of: Instant("2026-03-09T03:00:00Z")!)   // 2026-03-08
  /// ```
  public func civilDate(of instant: Instant) -> CivilDate {
    let local = Instant.sum(instant.secondsSince1970, offset(at: instant.secondsSince1970))
    return CivilDate(daysSinceEpoch: Instant.floorDivide(local, Instant.secondsPerDay))
  }

  /// The time a zone's wall clock shows at `instant`, to the minute (seconds are dropped).
  ///
  /// ```swift
  /// newYork.localTime(of: Instant("2026-03-09T03:00:59Z")!)   // 23:00
  /// ```
  public func localTime(of instant: Instant) -> LocalTime {
    let local = Instant.sum(instant.secondsSince1970, offset(at: instant.secondsSince1970))
    return LocalTime(unchecked: Instant(secondsSince1970: local).utcSecondOfDay / 60)
  }

  /// The instant, in seconds, at which the wall clock shows `local` (local seconds counted as if
  /// the zone were UTC).
  ///
  /// Every candidate is `local − offset` for an offset in force within a day of `local` (no
  /// offset exceeds 18 hours), and changes are at least two days apart, so the offsets a day
  /// before and a day after are the only candidates. A candidate is right when the offset in
  /// force at it is its own: both in an overlap (the earlier wins), neither in a gap (the offset
  /// before the gap places the time after it, moved forward by the gap's length).
  func instant(ofLocal local: Int) -> Int {
    let before = offset(at: Instant.sum(local, -Instant.secondsPerDay))
    let after = offset(at: Instant.sum(local, Instant.secondsPerDay))
    let early = Instant.sum(local, -before)
    guard before != after else { return early }
    let late = Instant.sum(local, -after)
    let earlyHolds = offset(at: early) == before
    let lateHolds = offset(at: late) == after
    switch (earlyHolds, lateHolds) {
    case (true, true): return Swift.min(early, late)
    case (false, true): return late
    default: return early
    }
  }

  /// The offset at an instant in seconds: a binary search of the table, or the fallback.
  func offset(at instant: Int) -> Int {
    let storage = storage
    if let fallback = storage.fallback, let coverage = storage.coverage, !coverage.contains(instant) {
      return fallback(instant)
    }
    let changes = storage.changes
    var low = 0
    var high = changes.count
    while low < high {
      let middle = (low + high) / 2
      if changes[middle] <= instant { low = middle + 1 } else { high = middle }
    }
    return storage.offsets[low]
  }

  /// Two zones are equal when they have the same name and the same table.
  public static func == (lhs: ZoneRules, rhs: ZoneRules) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.storage.identifier == rhs.storage.identifier && lhs.storage.changes == rhs.storage.changes
        && lhs.storage.offsets == rhs.storage.offsets && lhs.storage.coverage == rhs.storage.coverage)
  }

  /// Hashes the zone's name and table size.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(storage.identifier)
    hasher.combine(storage.changes.count)
  }
}
