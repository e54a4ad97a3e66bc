extension BusinessCalendar {
  /// The holidays observed in `year`, in date order: each one whose observed date falls in
  /// `year`, with the host's added holidays, and without those on a ``workdays`` day (a day
  /// worked is no holiday). Weekends are not listed.
  ///
  /// A holiday moved across New Year is listed under the year it is observed in: the `US`
  /// New Year's Day of 2028 is observed on 2027-12-31, so it is in `holidays(in: 2027)` and not
  /// in `holidays(in: 2028)`. Two holidays on one day are both listed (Good Friday and
  /// Tiradentes in 2000), the built-in ones first, then the annual ones a host added, then the
  /// dated ones by name.
  ///
  /// - Parameter year: The year; outside 1 through 9999 there are none.
  /// - Returns: The holidays, in date order.
  public func holidays(in year: Int) -> [Holiday] {
    guard let storage, (1...9999).contains(year) else { return [] }
    var found: [Holiday] = []
    for rule in storage.rules {
      for ruleYear in year - 1...year + 1 where ruleYear == year || rule.observance == .nearestWeekday {
        guard let actual = rule.actualDate(in: ruleYear), let observed = rule.observedDate(in: ruleYear),
          observed.year == year
        else { continue }
        found.append(Holiday(date: observed, actualDate: actual, name: rule.name))
      }
    }
    for (date, name) in storage.holidays.sorted(by: { ($0.key, $0.value) < ($1.key, $1.value) }) where date.year == year
    {
      found.append(Holiday(date: date, name: name))
    }
    return found.enumerated().filter { !storage.workdays.contains($0.element.date) }
      .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
  }
}

extension BusinessCalendar {
  /// The holiday observed on `date`, or `nil` when none is (a business day, a day worked, or a
  /// weekend day that is no holiday).
  ///
  /// Where two holidays share the day (Good Friday and Tiradentes in 2000), the first that
  /// ``holidays(in:)`` lists.
  ///
  /// ```swift
  /// BusinessCalendar.brazil.holiday(on: try CivilDate(parsing: "2026-04-21"))?.name   // "Tiradentes"
  /// ```
  public func holiday(on date: CivilDate) -> Holiday? {
    guard !isBusinessDay(date) else { return nil }
    return holidays(in: date.year).first { $0.date == date }
  }
}
