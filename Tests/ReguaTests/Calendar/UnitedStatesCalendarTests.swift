import Regua
import Testing

@Suite("US: the federal holidays on OPM's observed dates")
struct UnitedStatesCalendarTests {
  /// OPM's federal holiday lists (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/,
  /// one tab per year: `#url=2024` … `#url=2032`), typed in by hand as `observed actual name`;
  /// the actual date is the holiday's own, given where OPM marks it as moved. Nothing here is
  /// computed.
  static let published: [Int: [String]] = [
    2024: [
      "2024-01-01 New Year's Day", "2024-01-15 Birthday of Martin Luther King, Jr.",
      "2024-02-19 Washington's Birthday", "2024-05-27 Memorial Day", "2024-06-19 Juneteenth National Independence Day",
      "2024-07-04 Independence Day", "2024-09-02 Labor Day", "2024-10-14 Columbus Day", "2024-11-11 Veterans Day",
      "2024-11-28 Thanksgiving Day", "2024-12-25 Christmas Day",
    ],
    2025: [
      "2025-01-01 New Year's Day", "2025-01-20 Birthday of Martin Luther King, Jr.",
      "2025-02-17 Washington's Birthday", "2025-05-26 Memorial Day", "2025-06-19 Juneteenth National Independence Day",
      "2025-07-04 Independence Day", "2025-09-01 Labor Day", "2025-10-13 Columbus Day", "2025-11-11 Veterans Day",
      "2025-11-27 Thanksgiving Day", "2025-12-25 Christmas Day",
    ],
    2026: [
      "2026-01-01 New Year's Day", "2026-01-19 Birthday of Martin Luther King, Jr.",
      "2026-02-16 Washington's Birthday", "2026-05-25 Memorial Day", "2026-06-19 Juneteenth National Independence Day",
      "2026-07-03 Independence Day (observed; 2026-07-04)", "2026-09-07 Labor Day", "2026-10-12 Columbus Day",
      "2026-11-11 Veterans Day", "2026-11-26 Thanksgiving Day", "2026-12-25 Christmas Day",
    ],
    2027: [
      "2027-01-01 New Year's Day", "2027-01-18 Birthday of Martin Luther King, Jr.",
      "2027-02-15 Washington's Birthday", "2027-05-31 Memorial Day",
      "2027-06-18 Juneteenth National Independence Day (observed; 2027-06-19)",
      "2027-07-05 Independence Day (observed; 2027-07-04)", "2027-09-06 Labor Day", "2027-10-11 Columbus Day",
      "2027-11-11 Veterans Day", "2027-11-25 Thanksgiving Day", "2027-12-24 Christmas Day (observed; 2027-12-25)",
      "2027-12-31 New Year's Day (observed; 2028-01-01)",
    ],
    2028: [
      "2028-01-17 Birthday of Martin Luther King, Jr.", "2028-02-21 Washington's Birthday", "2028-05-29 Memorial Day",
      "2028-06-19 Juneteenth National Independence Day", "2028-07-04 Independence Day", "2028-09-04 Labor Day",
      "2028-10-09 Columbus Day", "2028-11-10 Veterans Day (observed; 2028-11-11)", "2028-11-23 Thanksgiving Day",
      "2028-12-25 Christmas Day",
    ],
    2029: [
      "2029-01-01 New Year's Day", "2029-01-15 Birthday of Martin Luther King, Jr.",
      "2029-02-19 Washington's Birthday", "2029-05-28 Memorial Day", "2029-06-19 Juneteenth National Independence Day",
      "2029-07-04 Independence Day", "2029-09-03 Labor Day", "2029-10-08 Columbus Day",
      "2029-11-12 Veterans Day (observed; 2029-11-11)", "2029-11-22 Thanksgiving Day", "2029-12-25 Christmas Day",
    ],
    2030: [
      "2030-01-01 New Year's Day", "2030-01-21 Birthday of Martin Luther King, Jr.",
      "2030-02-18 Washington's Birthday", "2030-05-27 Memorial Day", "2030-06-19 Juneteenth National Independence Day",
      "2030-07-04 Independence Day", "2030-09-02 Labor Day", "2030-10-14 Columbus Day", "2030-11-11 Veterans Day",
      "2030-11-28 Thanksgiving Day", "2030-12-25 Christmas Day",
    ],
    2031: [
      "2031-01-01 New Year's Day", "2031-01-20 Birthday of Martin Luther King, Jr.",
      "2031-02-17 Washington's Birthday", "2031-05-26 Memorial Day", "2031-06-19 Juneteenth National Independence Day",
      "2031-07-04 Independence Day", "2031-09-01 Labor Day", "2031-10-13 Columbus Day", "2031-11-11 Veterans Day",
      "2031-11-27 Thanksgiving Day", "2031-12-25 Christmas Day",
    ],
    2032: [
      "2032-01-01 New Year's Day", "2032-01-19 Birthday of Martin Luther King, Jr.",
      "2032-02-16 Washington's Birthday", "2032-05-31 Memorial Day",
      "2032-06-18 Juneteenth National Independence Day (observed; 2032-06-19)",
      "2032-07-05 Independence Day (observed; 2032-07-04)", "2032-09-06 Labor Day", "2032-10-11 Columbus Day",
      "2032-11-11 Veterans Day", "2032-11-25 Thanksgiving Day", "2032-12-24 Christmas Day (observed; 2032-12-25)",
      "2032-12-31 New Year's Day (observed; 2033-01-01)",
    ],
  ]

  @Test("every federal holiday of 2024–2032 is observed on OPM's date, with OPM's name", arguments: 2024...2032)
  func publishedYears(year: Int) {
    #expect(lines(.unitedStates, year) == UnitedStatesCalendarTests.published[year])
    for holiday in BusinessCalendar.unitedStates.holidays(in: year) {
      #expect(!BusinessCalendar.unitedStates.isBusinessDay(holiday.date))
      #expect(!holiday.date.weekday.isWeekend)
    }
  }

  /// OPM's list for 2023 as a third party republished it, dates and "observed" marks as OPM
  /// wrote them (https://www.j4neiros.us/2023/12/federal-holidays-2023.html, "Taken from" OPM):
  /// a check of the observed-date rule against a list this file did not type from the rule.
  @Test("OPM's 2023 list, with New Year's Day and Veterans Day observed on other days")
  func republished2023() {
    #expect(
      BusinessCalendar.unitedStates.holidays(in: 2023).map(\.date.description) == [
        "2023-01-02", "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19", "2023-07-04", "2023-09-04",
        "2023-10-09", "2023-11-10", "2023-11-23", "2023-12-25",
      ])
  }

  @Test("a Saturday holiday is observed the Friday before, a Sunday one the Monday after")
  func observedMoves() {
    let us = BusinessCalendar.unitedStates
    // Independence Day 2026 is a Saturday; 2027's a Sunday.
    #expect(!us.isBusinessDay(day("2026-07-03")))
    #expect(us.isBusinessDay(day("2026-07-06")))
    #expect(!us.isBusinessDay(day("2027-07-05")))
    #expect(us.isBusinessDay(day("2027-07-02")))
  }

  @Test("New Year's Day 2028 is observed on 2027-12-31 and listed under 2027")
  func acrossNewYear() {
    let us = BusinessCalendar.unitedStates
    #expect(!us.isBusinessDay(day("2027-12-31")))
    #expect(lines(us, 2027).last == "2027-12-31 New Year's Day (observed; 2028-01-01)")
    #expect(!us.holidays(in: 2028).contains { $0.name == "New Year's Day" })
    #expect(us.holidays(in: 2028).count == 10)
    #expect(us.holidays(in: 2027).count == 12)
  }

  @Test("Juneteenth is a federal holiday from 2021 on, not before")
  func juneteenth() {
    let us = BusinessCalendar.unitedStates
    #expect(us.isBusinessDay(day("2020-06-19")))
    #expect(!us.holidays(in: 2020).contains { $0.name == "Juneteenth National Independence Day" })
    // 2021-06-19 was a Saturday: observed on Friday 2021-06-18.
    #expect(!us.isBusinessDay(day("2021-06-18")))
    #expect(lines(us, 2021).contains("2021-06-18 Juneteenth National Independence Day (observed; 2021-06-19)"))
  }

  @Test("the rules in force today give 1900 and 2200 too")
  func farYears() {
    #expect(
      lines(.unitedStates, 1900) == [
        "1900-01-01 New Year's Day", "1900-01-15 Birthday of Martin Luther King, Jr.",
        "1900-02-19 Washington's Birthday", "1900-05-28 Memorial Day", "1900-07-04 Independence Day",
        "1900-09-03 Labor Day", "1900-10-08 Columbus Day", "1900-11-12 Veterans Day (observed; 1900-11-11)",
        "1900-11-22 Thanksgiving Day", "1900-12-25 Christmas Day",
      ])
    #expect(
      lines(.unitedStates, 2200) == [
        "2200-01-01 New Year's Day", "2200-01-20 Birthday of Martin Luther King, Jr.",
        "2200-02-17 Washington's Birthday", "2200-05-26 Memorial Day",
        "2200-06-19 Juneteenth National Independence Day", "2200-07-04 Independence Day", "2200-09-01 Labor Day",
        "2200-10-13 Columbus Day", "2200-11-11 Veterans Day", "2200-11-27 Thanksgiving Day",
        "2200-12-25 Christmas Day",
      ])
  }
}
