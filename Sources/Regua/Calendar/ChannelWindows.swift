/// The hours one channel may contact a customer, week by week: the union of the windows that
/// apply to it (its own, else the `any` ones), by weekday, merged.
///
/// ``SendWindows/windows(for:)`` makes it; the engine can resolve each channel's value once per
/// cadence and then ask it per date, with no allocation: ``opens(on:)`` and
/// ``nextOpening(onOrAfter:)`` are weekday questions, ``opening(on:in:)`` places the day's first
/// opening in a zone.
///
/// ```swift
/// let windows = SendWindows([
///   try SendWindow(channel: .call, from: LocalTime(hour: 9, minute: 0)!, to: LocalTime(hour: 12, minute: 0)!,
///                  days: .mondayToFriday),
///   try SendWindow(channel: .call, from: LocalTime(hour: 14, minute: 0)!, to: LocalTime(hour: 18, minute: 0)!,
///                  days: .mondayToFriday),
/// ])
/// let calls = windows.windows(for: .call)!
/// calls.hours(on: .monday)        // [09:00..<12:00, 14:00..<18:00]
/// calls.opens(on: saturday)       // false
/// calls.nextOpening(onOrAfter: saturday)   // the Monday after
/// ```
public struct ChannelWindows: Sendable, Hashable {
  /// The declared windows that apply, in declaration order.
  public let windows: [SendWindow]
  /// The weekdays on which at least one of them opens.
  public let days: WeekdaySet
  /// Merged, disjoint, ascending intervals in minutes since midnight: for the weekday with ISO
  /// number `n`, `bounds[spans[n - 1]..<spans[n]]` — pairs of (from, to).
  private let bounds: [Int]
  /// Where each weekday's intervals start in ``bounds``, and where the last ends: 8 entries.
  private let spans: [Int]

  init(_ windows: [SendWindow]) {
    self.windows = windows
    days = windows.reduce(WeekdaySet.empty) { $0.union($1.days) }
    var bounds: [Int] = []
    var spans = [0]
    for day in Weekday.allCases {
      let hours = windows.filter { $0.days.contains(day) }.map(\.hours).sorted { $0.lowerBound < $1.lowerBound }
      var merged: (from: Int, to: Int)?
      for range in hours {
        let from = range.lowerBound.minutesSinceMidnight
        let to = range.upperBound.minutesSinceMidnight
        if let current = merged, from <= current.to {
          merged = (current.from, Swift.max(current.to, to))  // overlapping or touching: one interval
        } else {
          if let current = merged { bounds += [current.from, current.to] }
          merged = (from, to)
        }
      }
      if let current = merged { bounds += [current.from, current.to] }
      spans.append(bounds.count)
    }
    self.bounds = bounds
    self.spans = spans
  }

  /// Whether the channel opens at some hour on `date`'s weekday.
  ///
  /// A weekday question, answered from one byte. (On a day whose every interval lies in a
  /// daylight-saving gap, ``opening(on:in:)`` is ``WindowOpening/closed`` although the weekday
  /// opens: a window wholly within 02:00–03:00, say.)
  public func opens(on date: CivilDate) -> Bool {
    days.contains(date.weekday)
  }

  /// The first date on or after `date` on which the channel opens: `date` itself, or one of
  /// the six days after it.
  ///
  /// ```swift
  /// // mon-fri, from Saturday 2026-03-07:
  /// calls.nextOpening(onOrAfter: try CivilDate(parsing: "2026-03-07"))   // 2026-03-09
  /// ```
  public func nextOpening(onOrAfter date: CivilDate) -> CivilDate {
    date.adding(days: days.daysUntilNext(onOrAfter: date.weekday) ?? 0)
  }

  /// The hours the channel is open on a weekday, on the wall clock: disjoint, ascending, with
  /// overlapping or touching windows merged (`09:00-12:00` and `12:00-18:00` are
  /// `09:00..<18:00`); empty on a day it does not open.
  public func hours(on weekday: Weekday) -> [Range<LocalTime>] {
    stride(from: spans[weekday.rawValue - 1], to: spans[weekday.rawValue], by: 2).map {
      LocalTime(unchecked: bounds[$0])..<LocalTime(unchecked: bounds[$0 + 1])
    }
  }

  /// The day's first opening in a zone: what the plan's single `{"from", "to"}` reports.
  ///
  /// Each of the day's hours is placed in the zone (``ZoneRules/instant(of:at:)``: correct on
  /// the days the clocks change). When the windows leave a gap in the day (`09:00-12:00` and
  /// `14:00-18:00`), only the first interval is reported, so that every instant from `from` up
  /// to `to` is one at which the channel may contact; ``openings(on:in:)`` lists them all.
  /// An interval that lies wholly in a daylight-saving gap has no instant and is left out;
  /// when every interval of the day does, the day is ``WindowOpening/closed``.
  ///
  /// ```swift
  /// // 08:00-21:00 in New York on 2026-03-09, the day after the change to UTC−4:
  /// calls.opening(on: try CivilDate(parsing: "2026-03-09"), in: newYork)
  /// // .open(2026-03-09T12:00:00Z..<2026-03-10T01:00:00Z)
  /// ```
  public func opening(on date: CivilDate, in zone: ZoneRules) -> WindowOpening {
    let weekday = date.weekday.rawValue
    var first: Range<Instant>?
    for index in stride(from: spans[weekday - 1], to: spans[weekday], by: 2) {
      let from = zone.instant(of: date, at: LocalTime(unchecked: bounds[index]))
      let to = zone.instant(of: date, at: LocalTime(unchecked: bounds[index + 1]))
      guard from < to else { continue }
      guard let current = first else {
        first = from..<to
        continue
      }
      // Intervals apart on the wall clock can meet once placed, around a gap.
      guard from <= current.upperBound else { break }
      first = Swift.min(current.lowerBound, from)..<Swift.max(current.upperBound, to)
    }
    return first.map(WindowOpening.open) ?? .closed
  }

  /// The hours a contact may go out on `date`, a day the channel opens: the day's first opening
  /// (``opening(on:in:)``); on the rare day whose every interval lies in a daylight-saving gap,
  /// the empty range at the instant the first interval would have begun.
  public func openingHours(on date: CivilDate, in zone: ZoneRules) -> Range<Instant>? {
    switch opening(on: date, in: zone) {
    case .open(let hours): return hours
    case .unrestricted: return nil
    case .closed:
      let start = spans[date.weekday.rawValue - 1]
      guard start < spans[date.weekday.rawValue] else { return nil }
      let instant = zone.instant(of: date, at: LocalTime(unchecked: bounds[start]))
      return instant..<instant
    }
  }

  /// Every interval in which the channel may contact on `date` in a zone, ascending and
  /// disjoint; empty when it is closed all day.
  ///
  /// ```swift
  /// calls.openings(on: monday, in: .utc)
  /// // [2026-03-09T09:00:00Z..<2026-03-09T12:00:00Z, 2026-03-09T14:00:00Z..<2026-03-09T18:00:00Z]
  /// ```
  public func openings(on date: CivilDate, in zone: ZoneRules) -> [Range<Instant>] {
    var result: [Range<Instant>] = []
    for hours in hours(on: date.weekday) {
      let from = zone.instant(of: date, at: hours.lowerBound)
      let to = zone.instant(of: date, at: hours.upperBound)
      guard from < to else { continue }
      if let last = result.last, from <= last.upperBound {
        result[result.count - 1] = Swift.min(last.lowerBound, from)..<Swift.max(last.upperBound, to)
      } else {
        result.append(from..<to)
      }
    }
    return result
  }

  /// Two values are equal when the same windows apply.
  public static func == (lhs: ChannelWindows, rhs: ChannelWindows) -> Bool { lhs.windows == rhs.windows }

  /// Hashes the windows.
  public func hash(into hasher: inout Hasher) { hasher.combine(windows) }
}
