/// The day axis of a timeline: days relative to the invoice's due date, drawn to scale where
/// events are close and compressed across long quiet stretches, so a `D+3650` step does not
/// squeeze the first weeks into a few pixels.
///
/// The axis is made of the days on which something is drawn (steps, the due date, the issue
/// date, payments). Between two such days the distance is to scale up to
/// ``fullScaleDays`` days (at least a mark's width apart); a longer gap grows only with the
/// logarithm of its length and is marked with a break, so every gap still reads as longer than
/// a shorter one.
public struct TimelineAxis: Sendable, Hashable {
  /// A day on the axis, with its position and its labels.
  public struct Tick: Sendable, Hashable {
    /// Days after (negative: before) the due date.
    public var day: Int
    /// The horizontal position, in pixels.
    public var x: Double
    /// The day as an offset from the due date: `D-3`, `D0`, `D+14`.
    public var offset: String
    /// The real date, when the timeline is drawn for an invoice.
    public var date: CivilDate?
    /// Whether the tick's labels are drawn (a label that would overlap another is left out;
    /// the due date's always is drawn).
    public var isLabeled: Bool
  }

  /// How many days apart two drawn days may be and still be drawn to scale.
  public static let fullScaleDays = 31
  /// The fewest pixels per day where the axis is to scale: a long cadence's.
  public static let minimumPixelsPerDay = 7.0
  /// The most pixels per day: a short cadence is spread up to this, to fill the drawing.
  public static let maximumPixelsPerDay = 22.0
  /// The width the to-scale parts of the axis aim to fill together, in pixels.
  static let targetWidth = 640.0
  /// The least distance between two drawn days, so their marks never touch.
  static let minimumGap = 16.0
  /// Pixels a compressed gap adds per doubling of its length beyond ``fullScaleDays``.
  public static let pixelsPerDoubling = 18.0

  /// Pixels per day where the axis is to scale: between ``minimumPixelsPerDay`` and
  /// ``maximumPixelsPerDay``, so that a short cadence fills the drawing and a long one stays
  /// readable.
  public var pixelsPerDay: Double
  /// Every drawn day, in order.
  public var ticks: [Tick]
  /// The horizontal positions of the breaks: the middle of each compressed gap.
  public var breaks: [Double]

  /// Lays out `days` (relative to the due date; duplicates are fine) starting at `origin`.
  ///
  /// - Parameters:
  ///   - days: The days on which something is drawn; the due date (0) is always added.
  ///   - origin: The position of the earliest day.
  ///   - due: The invoice's due date, to give each tick its real date; `nil` for a cadence alone.
  init(days: [Int], origin: Double, due: CivilDate?) {
    let sorted = Array(Set(days + [0])).sorted()
    let scaledDays = zip(sorted, sorted.dropFirst()).map { min($1 - $0, TimelineAxis.fullScaleDays) }.reduce(0, +)
    let scale =
      scaledDays == 0
      ? TimelineAxis.maximumPixelsPerDay
      : min(
        TimelineAxis.maximumPixelsPerDay,
        max(TimelineAxis.minimumPixelsPerDay, TimelineAxis.targetWidth / Double(scaledDays)))
    pixelsPerDay = scale
    var ticks: [Tick] = []
    var breaks: [Double] = []
    var x = origin
    for (index, day) in sorted.enumerated() {
      if index > 0 {
        let gap = day - sorted[index - 1]
        let width = TimelineAxis.width(ofGap: gap, pixelsPerDay: scale)
        if gap > TimelineAxis.fullScaleDays { breaks.append(x + width / 2) }
        x += width
      }
      let date = due.flatMap { due in
        let days = due.daysSinceEpoch.addingReportingOverflow(day)
        return days.overflow ? nil : CivilDate(daysSinceEpoch: days.partialValue)
      }
      ticks.append(Tick(day: day, x: x, offset: Offset.due(day).description, date: date, isLabeled: false))
    }
    self.ticks = ticks
    self.breaks = breaks
    labelTicks()
  }

  /// The width of a gap of `days` days (at least 1).
  static func width(ofGap days: Int, pixelsPerDay: Double) -> Double {
    guard days > fullScaleDays else { return max(minimumGap, Double(days) * pixelsPerDay) }
    // The base-2 logarithm of days / fullScaleDays, linear between powers of two: monotonic,
    // and free of floating-point library calls.
    var ratio = Double(days) / Double(fullScaleDays)
    var doublings = 0.0
    while ratio >= 2 {
      ratio /= 2
      doublings += 1
    }
    doublings += ratio - 1
    return Double(fullScaleDays) * pixelsPerDay + pixelsPerDoubling * doublings + 24
  }

  /// The position of a drawn day (the nearest drawn one for another day).
  public func x(ofDay day: Int) -> Double {
    var low = 0
    var high = ticks.count
    while low < high {
      let middle = (low + high) / 2
      if ticks[middle].day < day { low = middle + 1 } else { high = middle }
    }
    if low < ticks.count, ticks[low].day == day { return ticks[low].x }
    if low == 0 { return ticks.first?.x ?? 0 }
    if low == ticks.count { return ticks.last?.x ?? 0 }
    let before = ticks[low - 1]
    let after = ticks[low]
    let fraction = Double(day - before.day) / Double(after.day - before.day)
    return before.x + (after.x - before.x) * fraction
  }

  /// The rightmost position on the axis.
  public var end: Double { ticks.last?.x ?? 0 }

  /// The width a tick's label takes: its offset, or its date when wider.
  static func labelWidth(_ tick: Tick) -> Double {
    // The due date's label is `DUE · D0`.
    let characters = tick.day == 0 ? 8 : max(tick.offset.count, tick.date == nil ? 0 : 5)
    return TimelineMetrics.width(characters: characters, size: .small) + 8
  }

  /// Chooses the ticks to label: the due date first, then left to right every one that does not
  /// overlap a label already chosen.
  private mutating func labelTicks() {
    var taken: [ClosedRange<Double>] = []
    func span(_ tick: Tick) -> ClosedRange<Double> {
      let half = TimelineAxis.labelWidth(tick) / 2
      return (tick.x - half)...(tick.x + half)
    }
    let order = ticks.indices.sorted { (ticks[$0].day != 0 ? 1 : 0, $0) < (ticks[$1].day != 0 ? 1 : 0, $1) }
    for index in order {
      let range = span(ticks[index])
      if !taken.contains(where: { $0.overlaps(range) }) {
        taken.append(range)
        ticks[index].isLabeled = true
      }
    }
  }
}
