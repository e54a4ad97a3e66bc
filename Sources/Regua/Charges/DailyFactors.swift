/// What one day of interest costs per minor unit of principal, exactly: the rate's share of one
/// day as a whole number of ``DailyFactors/denominator`` parts.
///
/// One denominator serves every convention, so that interest from several steps (1/30 of a
/// monthly rate, 1/365 of a yearly one, a rate table's month rate over that month's 28 to 31
/// days) adds up exactly: 10⁸ (a rate is millionths of a percent) × 27,563,340 (the least
/// common multiple of 28, 29, 30, 31 and 365). One day at 1% a month is 1,000,000 × 27,563,340
/// ÷ 30 = 918,778,000,000 parts; a day costs at most 2.8 × 10¹⁶ parts, within 64 bits.
enum DailyFactors {
  /// Parts per minor unit: 10⁸ × lcm(28, 29, 30, 31, 365).
  static let denominator: UInt64 = 100_000_000 * daysMultiple
  /// The least common multiple of every day count a rate is divided by.
  static let daysMultiple: UInt64 = 27_563_340

  /// One day of `rate` for `period` when the period's days are `days`.
  static func perDay(_ rate: Rate, over days: Int) -> UInt64 {
    UInt64(rate.millionthsOfPercent) * (daysMultiple / UInt64(days))
  }

  /// One day of a fixed rate: the rate itself a day, 1/30 of a month's, 1/365 of a year's.
  static func perDay(_ rate: Rate, per period: RatePeriod) -> UInt64 {
    switch period {
    case .day: return perDay(rate, over: 1)
    case .month: return perDay(rate, over: 30)
    case .year: return perDay(rate, over: 365)
    }
  }
}

/// A rate table's daily factors laid out once per evaluator, so that the interest of any run of
/// days is a subtraction: the factors summed from the table's first month up to each month.
struct TableFactors: Sendable {
  /// The table's name, for errors.
  let name: String
  /// The first month covered (months since year 0).
  private let firstMonth: Int
  /// Per month from the first: the factor of each of its days, or `nil` when no entry covers it.
  private let daily: [UInt64?]
  /// Per month from the first: the factors of every day of the months before it.
  private let before: [WideUInt]
  /// Per month from the first: how many months before it no entry covers.
  private let missingBefore: [Int]

  /// The factors of `table` with `margin` added to each of its rates.
  init(_ table: RateTable, plus margin: Rate) {
    name = table.name
    firstMonth = table.entries.first?.firstMonth ?? 0
    let lastMonth = table.entries.last.map { $0.firstMonth + $0.months } ?? firstMonth
    var daily: [UInt64?] = []
    var before: [WideUInt] = []
    var missingBefore: [Int] = []
    var sum = WideUInt.zero
    var missing = 0
    for month in firstMonth..<lastMonth {
      before.append(sum)
      missingBefore.append(missing)
      guard let rate = table.rate(inMonth: month) else {
        daily.append(nil)
        missing += 1
        continue
      }
      let total = Swift.min(rate.millionthsOfPercent + margin.millionthsOfPercent, Rate.maximum.millionthsOfPercent * 2)
      let days = CivilDate.daysIn(month: month % 12 + 1, year: month / 12)
      let perDay: UInt64
      switch table.period {
      case .month: perDay = UInt64(total) * (DailyFactors.daysMultiple / UInt64(days))
      case .day, .year: perDay = UInt64(total) * (DailyFactors.daysMultiple / 365)
      }
      daily.append(perDay)
      sum = sum.adding(WideUInt.product(perDay, UInt64(days))) ?? sum
    }
    before.append(sum)
    missingBefore.append(missing)
    self.daily = daily
    self.before = before
    self.missingBefore = missingBefore
  }

  /// The months since year 0 of a day.
  static func month(of day: Int) -> (month: Int, dayOfMonth: Int) {
    let date = CivilDate(daysSinceEpoch: day)
    return (date.year * 12 + date.month - 1, date.day)
  }

  /// The factors of the days `first...last`, or the first day no entry covers.
  func sum(from first: Int, through last: Int) -> Result<WideUInt, Uncovered> {
    guard first <= last else { return .success(.zero) }
    let low = TableFactors.month(of: first).month - firstMonth
    let high = TableFactors.month(of: last).month - firstMonth
    guard low >= 0, high < daily.count, missingBefore[high + 1] == missingBefore[low] else {
      return .failure(firstUncovered(from: first))
    }
    // Both months are covered, and every month between them.
    let upper = partialSum(month: high, days: TableFactors.month(of: last).dayOfMonth)
    let lower = partialSum(month: low, days: TableFactors.month(of: first).dayOfMonth - 1)
    return .success(upper.subtracting(lower) ?? .zero)
  }

  /// The factors of the months before month `index` and of the first `days` days of it.
  private func partialSum(month index: Int, days: Int) -> WideUInt {
    let partial = WideUInt.product(daily[index] ?? 0, UInt64(days))
    return before[index].adding(partial) ?? before[index]
  }

  /// The factor of one day, or the day itself when no entry covers it.
  func factor(on day: Int) -> Result<UInt64, Uncovered> {
    let (month, _) = TableFactors.month(of: day)
    let index = month - firstMonth
    guard index >= 0, index < daily.count, let factor = daily[index] else {
      return .failure(Uncovered(day: day, label: RateTable.label(firstMonth: month, months: 1), table: name))
    }
    return .success(factor)
  }

  /// The first day from `day` on that no entry covers.
  func firstUncovered(from day: Int) -> Uncovered {
    var (month, _) = TableFactors.month(of: day)
    while month - firstMonth >= 0, month - firstMonth < daily.count, daily[month - firstMonth] != nil { month += 1 }
    // Before the table's first month: that month is the first without a rate.
    let first = Swift.max(day, CivilDate.daysFromCivil(year: month / 12, month: month % 12 + 1, day: 1))
    return Uncovered(day: first, label: RateTable.label(firstMonth: month, months: 1), table: name)
  }

  /// A day a rate table has no rate for.
  struct Uncovered: Error, Equatable {
    var day: Int
    var label: String
    var table: String

    /// What is missing, and the line that supplies it.
    var message: String {
      "rates `\(table)` has no rate for \(label), which interest accrues on; add its line (`\(label)  R%`) to the table"
    }
  }
}
