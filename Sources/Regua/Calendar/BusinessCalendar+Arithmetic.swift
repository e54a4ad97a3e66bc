extension BusinessCalendar {
  /// The first business day on or after `date`, or `nil` past 9999-12-31 (or for a date
  /// outside 0001–9999).
  ///
  /// The effective due date is the first business day on or after the stated one.
  public func businessDay(onOrAfter date: CivilDate) -> CivilDate? {
    guard date.isRepresentable else { return nil }
    guard let storage, !storage.isBusinessDay(date.daysSinceEpoch) else { return date }
    return storage.businessDay(after: date.daysSinceEpoch, count: 1).map(CivilDate.init(daysSinceEpoch:))
  }

  /// The last business day on or before `date`, or `nil` before 0001-01-01 (or for a date
  /// outside 0001–9999).
  public func businessDay(onOrBefore date: CivilDate) -> CivilDate? {
    guard date.isRepresentable else { return nil }
    guard let storage, !storage.isBusinessDay(date.daysSinceEpoch) else { return date }
    return storage.businessDay(before: date.daysSinceEpoch, count: 1).map(CivilDate.init(daysSinceEpoch:))
  }

  /// The date `n` business days from `date`: for `n > 0` the `n`-th business day strictly
  /// after `date`, for `n < 0` the `|n|`-th business day strictly before it.
  ///
  /// `D+5 business days` is the 5th business day after the effective due date, `D-2 business
  /// days` the 2nd business day before the stated due date. Whether `date` itself is a business
  /// day does not matter: from a Saturday, +1 is the next business day (Monday, unless it is a
  /// holiday) and −1 the business day before (Friday, unless…).
  ///
  /// `n == 0` moves nothing: it returns `date` as it is, business day or not (to land on a
  /// business day, use ``businessDay(onOrAfter:)``).
  ///
  /// Costs two lookups and a binary search within 1900–2200, whatever `n`; outside those years
  /// the calendar's rules are evaluated, a year at a time where they can be.
  ///
  /// ```swift
  /// let friday = try CivilDate(parsing: "2026-02-13")
  /// BusinessCalendar.brazil.date(byAdding: 1, businessDaysTo: friday)    // 2026-02-18
  /// BusinessCalendar.brazil.date(byAdding: -1, businessDaysTo: try CivilDate(parsing: "2026-02-18"))
  /// // 2026-02-13
  /// ```
  ///
  /// - Parameters:
  ///   - n: How many business days to move, forward when positive.
  ///   - date: The date counted from.
  /// - Returns: The date, or `nil` when it would fall outside 0001-01-01…9999-12-31 (or `date`
  ///   does).
  public func date(byAdding n: Int, businessDaysTo date: CivilDate) -> CivilDate? {
    guard date.isRepresentable else { return nil }
    guard n != 0 else { return date }
    guard let storage, !movesNothing else {
      let (sum, overflow) = date.daysSinceEpoch.addingReportingOverflow(n)
      let day = CivilDate(daysSinceEpoch: sum)
      return !overflow && day.isRepresentable ? day : nil
    }
    let day =
      n > 0
      ? storage.businessDay(after: date.daysSinceEpoch, count: n)
      : storage.businessDay(before: date.daysSinceEpoch, count: n == .min ? .max : -n)
    return day.map(CivilDate.init(daysSinceEpoch:))
  }
}

extension BusinessCalendar.Storage {
  /// The `count`-th business day after `start` (days since the epoch), or `nil` past
  /// 9999-12-31; `count` is at least 1.
  func businessDay(after start: Int, count: Int) -> Int? {
    let (first, last) = (BusinessDayIndex.first, BusinessDayIndex.last)
    // The next business day, the common question: a scan of the index's words.
    if count == 1, start >= first - 1, start < last, let next = index.nextBusinessDay(after: start) { return next }
    var cursor = start
    var remaining = count
    while cursor < CivilDate.latest.daysSinceEpoch {
      if cursor >= first - 1, cursor < last {
        let passed = index.rank(through: cursor)
        if remaining <= index.total - passed { return index.select(passed + remaining) }
        remaining -= index.total - passed
        cursor = last
        continue
      }
      let day = CivilDate(daysSinceEpoch: cursor + 1)
      let (year, month, dayOfMonth) = day.components
      if month == 1, dayOfMonth == 1, let inYear = businessDays(inYear: year), inYear < remaining {
        remaining -= inYear
        cursor += CivilDate.isLeapYear(year) ? 366 : 365
        continue
      }
      if isBusinessDayByRule(day) {
        remaining -= 1
        if remaining == 0 { return day.daysSinceEpoch }
      }
      cursor += 1
    }
    return nil
  }

  /// The `count`-th business day before `start` (days since the epoch), or `nil` before
  /// 0001-01-01; `count` is at least 1.
  func businessDay(before start: Int, count: Int) -> Int? {
    let (first, last) = (BusinessDayIndex.first, BusinessDayIndex.last)
    var cursor = start
    var remaining = count
    while cursor > CivilDate.earliest.daysSinceEpoch {
      if cursor > first, cursor <= last + 1 {
        let available = index.rank(through: cursor - 1)
        if remaining <= available { return index.select(available - remaining + 1) }
        remaining -= available
        cursor = first
        continue
      }
      let day = CivilDate(daysSinceEpoch: cursor - 1)
      let (year, month, dayOfMonth) = day.components
      if month == 12, dayOfMonth == 31, let inYear = businessDays(inYear: year), inYear < remaining {
        remaining -= inYear
        cursor -= CivilDate.isLeapYear(year) ? 366 : 365
        continue
      }
      if isBusinessDayByRule(day) {
        remaining -= 1
        if remaining == 0 { return day.daysSinceEpoch }
      }
      cursor -= 1
    }
    return nil
  }

  /// How many business days a year outside the index has, counted from the rules without
  /// visiting its days; `nil` for a year with dated holidays or workdays (walked day by day).
  func businessDays(inYear year: Int) -> Int? {
    guard !exceptionYears.contains(year), let newYear = CivilDate(year: year, month: 1, day: 1) else { return nil }
    let length = CivilDate.isLeapYear(year) ? 366 : 365
    let start = newYear.weekday.rawValue - 1
    var count = 0
    for weekday in 0..<7 where weekendMask & (1 << UInt8(weekday)) == 0 {
      let offset = (weekday - start + 7) % 7
      count += (length - offset + 6) / 7
    }
    // Holidays observed in the year on a weekday of the working week, each day once.
    var closed: [Int] = []
    for rule in rules {
      for ruleYear in year - 1...year + 1 where ruleYear == year || rule.observance == .nearestWeekday {
        guard let date = rule.observedDate(in: ruleYear), date.year == year,
          weekendMask & (1 << UInt8(date.weekday.rawValue - 1)) == 0, !closed.contains(date.daysSinceEpoch)
        else { continue }
        closed.append(date.daysSinceEpoch)
      }
    }
    return count - closed.count
  }
}
