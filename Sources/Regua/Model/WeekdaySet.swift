/// A set of weekdays held in one byte: the days a send window opens.
///
/// ```swift
/// let weekdays = WeekdaySet.mondayToFriday
/// weekdays.contains(.saturday)                        // false
/// WeekdaySet([.monday, .wednesday, .friday]).count    // 3
/// WeekdaySet(.friday, through: .monday).days          // [.monday, .friday, .saturday, .sunday]
/// ```
public struct WeekdaySet: Sendable, Hashable {
  /// Bit `n − 1` is set when the weekday with ISO number `n` is in the set (Monday is bit 0).
  public let rawValue: UInt8

  /// Every day of the week: a window's days when it names none.
  public static let everyDay = WeekdaySet(rawValue: 0b111_1111)
  /// Monday through Friday: `mon-fri`.
  public static let mondayToFriday = WeekdaySet(rawValue: 0b001_1111)
  /// No day.
  public static let empty = WeekdaySet(rawValue: 0)

  /// Creates a set from its bits; bits above the seventh are dropped.
  ///
  /// ```swift
  /// WeekdaySet(rawValue: 0b110_0000)   // Saturday and Sunday
  /// ```
  public init(rawValue: UInt8) {
    self.rawValue = rawValue & 0b111_1111
  }

  /// Creates a set of these days.
  ///
  /// ```swift
  /// WeekdaySet([.saturday, .sunday])
  /// ```
  public init(_ days: some Sequence<Weekday>) {
    self.init(rawValue: days.reduce(0) { $0 | WeekdaySet.bit($1) })
  }

  /// Creates the set of days from `first` through `last`, wrapping past Sunday when `last` comes
  /// before `first`: `mon-fri` is Monday through Friday, `fri-mon` Friday through Monday.
  ///
  /// ```swift
  /// WeekdaySet(.monday, through: .friday) == .mondayToFriday   // true
  /// WeekdaySet(.sunday, through: .sunday).days                 // [.sunday]
  /// ```
  public init(_ first: Weekday, through last: Weekday) {
    let length = (last.rawValue - first.rawValue + 7) % 7 + 1
    var bits: UInt8 = 0
    for step in 0..<length { bits |= UInt8(1) << UInt8((first.rawValue - 1 + step) % 7) }
    self.init(rawValue: bits)
  }

  /// Whether `day` is in the set.
  public func contains(_ day: Weekday) -> Bool {
    rawValue & WeekdaySet.bit(day) != 0
  }

  /// Whether the set has no day.
  public var isEmpty: Bool { rawValue == 0 }

  /// The number of days in the set.
  public var count: Int { rawValue.nonzeroBitCount }

  /// The days in the set, Monday first.
  public var days: [Weekday] { Weekday.allCases.filter(contains) }

  /// The days in either set.
  ///
  /// ```swift
  /// WeekdaySet.mondayToFriday.union(WeekdaySet([.saturday])).count   // 6
  /// ```
  public func union(_ other: WeekdaySet) -> WeekdaySet {
    WeekdaySet(rawValue: rawValue | other.rawValue)
  }

  /// How many days after a day of weekday `day` the next day in the set comes: 0 when `day` is
  /// in it, at most 6; `nil` when the set is empty.
  ///
  /// ```swift
  /// WeekdaySet.mondayToFriday.daysUntilNext(onOrAfter: .saturday)   // 2: Monday
  /// ```
  public func daysUntilNext(onOrAfter day: Weekday) -> Int? {
    guard rawValue != 0 else { return nil }
    // Rotate the week so that `day` is bit 0; the lowest set bit is then the distance.
    let shift = UInt8(day.rawValue - 1)
    let doubled = UInt16(rawValue) | UInt16(rawValue) << 7
    return (doubled >> UInt16(shift)).trailingZeroBitCount
  }

  static func bit(_ day: Weekday) -> UInt8 { UInt8(1) << UInt8(day.rawValue - 1) }
}

extension WeekdaySet {
  /// The days as a `window` line writes them: empty for every day; one run of consecutive days
  /// as a range, which may wrap past Sunday (`mon-fri`, `sat-sun`, `fri-mon`); else `days` and
  /// the days, Monday first, runs of three or more as ranges.
  ///
  /// ```swift
  /// WeekdaySet.mondayToFriday.ruleSpelling                              // "mon-fri"
  /// WeekdaySet([.friday, .saturday, .sunday, .monday]).ruleSpelling     // "fri-mon"
  /// WeekdaySet([.monday, .wednesday, .thursday, .friday]).ruleSpelling  // "days mon wed-fri"
  /// WeekdaySet([.tuesday]).ruleSpelling                                 // "days tue"
  /// ```
  public var ruleSpelling: String {
    if self == .everyDay || isEmpty { return "" }
    let all = Weekday.allCases
    // The runs of consecutive days, going round the week from a day whose eve is not in the set.
    let first = all.firstIndex { contains($0) && !contains(all[($0.rawValue + 5) % 7]) } ?? 0
    var runs: [[Weekday]] = []
    for step in 0..<7 {
      let day = all[(first + step) % 7]
      guard contains(day) else { continue }
      if let previous = runs.last?.last, all[(previous.rawValue) % 7] == day {
        runs[runs.count - 1].append(day)
      } else {
        runs.append([day])
      }
    }
    if runs.count == 1, let run = runs.first, run.count >= 2, let from = run.first, let to = run.last {
      return from.abbreviation + "-" + to.abbreviation
    }
    // Several runs: Monday first, as a list reads.
    runs.sort { $0[0] < $1[0] }
    let items = runs.flatMap { run -> [String] in
      guard run.count >= 3, let from = run.first, let to = run.last else { return run.map(\.abbreviation) }
      return [from.abbreviation + "-" + to.abbreviation]
    }
    return "days " + items.joined(separator: " ")
  }
}
