/// A published rate that changes over time — Brazil's *taxa legal*, the ECB's main refinancing
/// rate — as a table of periods, each with its rate: what `interest "NAME"` charges.
///
/// Each entry covers a period of whole months (a month, a half-year or a year, by how the rule
/// file writes it: `2026-03`, `2026-H1`, `2026`), and its rate is for the table's
/// ``period``: a `per month` table's rate applies to each month of the entry, each day costing
/// the rate ÷ that month's calendar days (the CMN Res. 5.171 method for Brazil's legal rate); a
/// `per year` table's rate costs 1/365 of it a day. A day no entry covers has no rate: interest
/// that accrues on it is an input error naming the period, never a day charged at zero.
///
/// ```swift
/// let legal = try RateTable(name: "taxa-legal", per: .month, entries: [
///   .init(month: try CivilDate(parsing: "2026-01-01"), months: 1, rate: try Rate(parsing: "0.5%")),
/// ])
/// let environment = Environment(rateTables: [legal])
/// ```
public struct RateTable: Sendable, Hashable {
  /// The name `interest "NAME"` uses.
  public let name: String
  /// What each rate is for: a month's rate or a year's.
  public let period: RatePeriod
  /// The entries, in date order, none overlapping.
  public let entries: [Entry]

  /// One period of whole months and its rate.
  public struct Entry: Sendable, Hashable {
    /// The first month, as a count of months since year 0 (`year × 12 + month − 1`).
    public let firstMonth: Int
    /// How many months it covers: 1 (a month), 6 (a half-year) or 12 (a year).
    public let months: Int
    /// The rate for the table's period.
    public let rate: Rate

    /// An entry covering `months` months from the month of `month` (its day is ignored).
    public init(month: CivilDate, months: Int, rate: Rate) {
      firstMonth = month.year * 12 + month.month - 1
      self.months = months
      self.rate = rate
    }

    /// The period as a rule file writes it: `2026-03`, `2026-H1`, `2026`.
    public var label: String { RateTable.label(firstMonth: firstMonth, months: months) }
  }

  /// A validated table.
  ///
  /// - Throws: ``RateTableError`` when the name is empty, the period is `day`, an entry covers
  ///   no month or does not start where its length puts it (a half-year in January or July, a
  ///   year in January), or two entries overlap.
  public init(name: String, per period: RatePeriod, entries: [Entry]) throws(RateTableError) {
    guard !name.isEmpty else { throw .emptyName }
    guard period != .day else { throw .dailyTable(name) }
    let sorted = entries.sorted { $0.firstMonth < $1.firstMonth }
    for entry in sorted {
      guard [1, 6, 12].contains(entry.months), entry.firstMonth % entry.months == 0 else {
        throw .misalignedEntry(name, entry.label)
      }
    }
    for (previous, next) in zip(sorted, sorted.dropFirst())
    where previous.firstMonth + previous.months > next.firstMonth {
      throw .overlappingEntries(name, previous.label, next.label)
    }
    self.name = name
    self.period = period
    self.entries = sorted
  }

  /// The rate in force in a month (months since year 0), `nil` when no entry covers it.
  func rate(inMonth month: Int) -> Rate? {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].firstMonth <= month { low = middle + 1 } else { high = middle }
    }
    guard low > 0 else { return nil }
    let entry = entries[low - 1]
    return month < entry.firstMonth + entry.months ? entry.rate : nil
  }

  /// The period label of a month: `2026-03`.
  static func label(firstMonth: Int, months: Int) -> String {
    let year = firstMonth / 12
    let month = firstMonth % 12 + 1
    let yearText = String(year)
    switch months {
    case 6: return "\(yearText)-H\(month == 1 ? 1 : 2)"
    case 12: return yearText
    default: return "\(yearText)-\(month < 10 ? "0" : "")\(month)"
    }
  }
}

/// A rate table that cannot be built.
public enum RateTableError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The table has no name.
  case emptyName
  /// A table of daily rates: rates change by month, half-year or year.
  case dailyTable(String)
  /// An entry that does not cover whole months from where its length puts it.
  case misalignedEntry(String, String)
  /// Two entries cover the same month.
  case overlappingEntries(String, String, String)

  /// What is wrong, for people.
  public var description: String {
    switch self {
    case .emptyName: return "a rate table needs a name"
    case .dailyTable(let name):
      return "rates `\(SafeText.excerpt(name))`: a table's rates are `per month` or `per year`"
    case .misalignedEntry(let name, let label):
      return "rates `\(SafeText.excerpt(name))`: the entry `\(label)` does not cover a month, a half-year "
        + "(January or July on) or a year"
    case .overlappingEntries(let name, let first, let second):
      return "rates `\(SafeText.excerpt(name))`: `\(first)` and `\(second)` cover the same month"
    }
  }
}

extension RateTable {
  /// The first period (`2026-03`, `2026-H1`) whose rate plus `margin` costs more a day than
  /// `limit` (``DailyFactors`` parts) on some day: a month's rate over its days for a monthly
  /// table, a year's over 365 for a yearly one; `nil` when none does.
  func firstPeriod(plus margin: Rate, above limit: UInt64) -> String? {
    for entry in entries {
      let total = UInt64(entry.rate.millionthsOfPercent + margin.millionthsOfPercent)
      for month in entry.firstMonth..<(entry.firstMonth + entry.months) {
        let days = period == .month ? CivilDate.daysIn(month: month % 12 + 1, year: month / 12) : 365
        if total * (DailyFactors.daysMultiple / UInt64(days)) > limit { return entry.label }
      }
    }
    return nil
  }
}
