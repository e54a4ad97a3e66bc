extension BusinessCalendar {
  /// `US`: the federal holidays of 5 U.S.C. 6103 on the dates OPM observes them, with
  /// Saturdays and Sundays.
  ///
  /// New Year's Day (01-01); Birthday of Martin Luther King, Jr. (3rd Monday of January);
  /// Washington's Birthday (3rd Monday of February); Memorial Day (last Monday of May);
  /// Juneteenth National Independence Day (06-19, from 2021); Independence Day (07-04); Labor
  /// Day (1st Monday of September); Columbus Day (2nd Monday of October); Veterans Day (11-11);
  /// Thanksgiving Day (4th Thursday of November); Christmas Day (12-25). A holiday on a
  /// Saturday is observed the Friday before (5 U.S.C. 6103(b)), one on a Sunday the Monday after
  /// (Executive Order 11582), even across New Year: New Year's Day 2028 is observed on
  /// 2027-12-31. The names are OPM's. The rules in force today give every year, except
  /// Juneteenth's introduction in 2021.
  public static let unitedStates = BusinessCalendar(
    storage: Storage(
      name: "US", weekend: [.saturday, .sunday], rules: unitedStatesRules, holidays: [:], workdays: []))

  /// The rules of ``unitedStates``, in date order within a year.
  static let unitedStatesRules: [HolidayRule] = [
    HolidayRule("New Year's Day", .fixed(month: 1, day: 1), observed: .nearestWeekday),
    HolidayRule("Birthday of Martin Luther King, Jr.", .nthWeekday(3, .monday, month: 1)),
    HolidayRule("Washington's Birthday", .nthWeekday(3, .monday, month: 2)),
    HolidayRule("Memorial Day", .lastWeekday(.monday, month: 5)),
    HolidayRule(
      "Juneteenth National Independence Day", .fixed(month: 6, day: 19), from: 2021, observed: .nearestWeekday),
    HolidayRule("Independence Day", .fixed(month: 7, day: 4), observed: .nearestWeekday),
    HolidayRule("Labor Day", .nthWeekday(1, .monday, month: 9)),
    HolidayRule("Columbus Day", .nthWeekday(2, .monday, month: 10)),
    HolidayRule("Veterans Day", .fixed(month: 11, day: 11), observed: .nearestWeekday),
    HolidayRule("Thanksgiving Day", .nthWeekday(4, .thursday, month: 11)),
    HolidayRule("Christmas Day", .fixed(month: 12, day: 25), observed: .nearestWeekday),
  ]
}
