import Testing

@testable import Regua

@Suite("Business-day arithmetic")
struct BusinessDayArithmeticTests {
  /// `calendar`, `n`, from, expected.
  static let cases: [(calendar: String, n: Int, from: String, to: String)] = [
    // Carnival 2026: Monday 02-16 and Tuesday 02-17 are holidays, Ash Wednesday is not.
    ("BR", 1, "2026-02-13", "2026-02-18"),
    ("BR", 3, "2026-02-13", "2026-02-20"),
    ("BR", -1, "2026-02-18", "2026-02-13"),
    ("BR", 1, "2026-02-14", "2026-02-18"),  // from a Saturday
    ("BR", -1, "2026-02-15", "2026-02-13"),  // from a Sunday
    ("BR", 1, "2026-02-16", "2026-02-18"),  // from a holiday
    // Christmas and New Year 2026–27 in BR: 12-25 and 01-01 are Fridays.
    ("BR", 1, "2026-12-24", "2026-12-28"),
    ("BR", 5, "2026-12-24", "2027-01-04"),
    ("BR", -5, "2027-01-04", "2026-12-24"),
    // The same weeks in US 2027: 12-24 and 12-31 are observed (12-25 and 2028-01-01 are Saturdays).
    ("US", 1, "2027-12-23", "2027-12-27"),
    ("US", 5, "2027-12-23", "2028-01-03"),
    ("US", -1, "2028-01-03", "2027-12-30"),
    ("US", 1, "2026-07-02", "2026-07-06"),  // Independence Day observed on Friday 07-03
    // `none`: every day counts.
    ("none", 5, "2026-02-13", "2026-02-18"),
    ("none", -2, "2026-02-13", "2026-02-11"),
  ]

  @Test("n business days from a date skip weekends and holidays", arguments: cases)
  func adding(calendar: String, n: Int, from: String, to: String) throws {
    let calendar = try #require(BusinessCalendar.builtIn[calendar])
    #expect(calendar.date(byAdding: n, businessDaysTo: day(from)) == day(to))
  }

  @Test("zero business days moves nothing, even from a holiday")
  func zero() {
    #expect(BusinessCalendar.brazil.date(byAdding: 0, businessDaysTo: day("2026-02-16")) == day("2026-02-16"))
  }

  @Test("the business day on or after and on or before a date")
  func onOrAround() {
    let br = BusinessCalendar.brazil
    #expect(br.businessDay(onOrAfter: day("2026-02-14")) == day("2026-02-18"))
    #expect(br.businessDay(onOrAfter: day("2026-02-18")) == day("2026-02-18"))
    #expect(br.businessDay(onOrBefore: day("2026-02-17")) == day("2026-02-13"))
    #expect(br.businessDay(onOrBefore: day("2026-02-13")) == day("2026-02-13"))
    #expect(BusinessCalendar.none.businessDay(onOrBefore: day("2026-02-14")) == day("2026-02-14"))
  }

  @Test("no date is computed outside 0001-01-01…9999-12-31")
  func bounds() {
    let br = BusinessCalendar.brazil
    #expect(br.date(byAdding: .max, businessDaysTo: day("2026-01-01")) == nil)
    #expect(br.date(byAdding: .min, businessDaysTo: day("2026-01-01")) == nil)
    #expect(BusinessCalendar.none.date(byAdding: .max, businessDaysTo: day("2026-01-01")) == nil)
    #expect(br.date(byAdding: 1, businessDaysTo: CivilDate.latest) == nil)
    #expect(br.date(byAdding: -1, businessDaysTo: CivilDate.earliest) == nil)
    #expect(br.date(byAdding: 1, businessDaysTo: CivilDate(daysSinceEpoch: .max)) == nil)
    #expect(br.businessDay(onOrBefore: CivilDate(daysSinceEpoch: .min)) == nil)
    // 9999-12-31 is a Friday; 0001-01-01 a Monday and Confraternização Universal.
    #expect(br.businessDay(onOrAfter: CivilDate.latest) == CivilDate.latest)
    #expect(br.businessDay(onOrBefore: CivilDate.earliest) == nil)
  }

  @Test("a large count outside the indexed years is counted a year at a time")
  func farCounts() throws {
    let br = BusinessCalendar.brazil
    let start = day("2300-01-01")
    let far = try #require(br.date(byAdding: 500_000, businessDaysTo: start))
    // Back as many: the last business day on or before the start (2300-01-01 is a holiday).
    #expect(br.date(byAdding: -500_000, businessDaysTo: far) == br.businessDay(onOrBefore: start))
    #expect(
      br.date(byAdding: 5_000, businessDaysTo: start) == BusinessDayArithmeticTests.walked(br, 5_000, from: start))
    let back = try #require(br.date(byAdding: -100_000, businessDaysTo: day("1800-01-01")))
    #expect(br.date(byAdding: 100_000, businessDaysTo: back) == br.businessDay(onOrAfter: day("1800-01-01")))
    // About 1,900 years of business days reach past 0001-01-01.
    #expect(br.date(byAdding: -500_000, businessDaysTo: day("1800-01-01")) == nil)
  }

  /// The `n`-th business day from `date`, found by walking day by day with the rules.
  static func walked(_ calendar: BusinessCalendar, _ n: Int, from date: CivilDate) -> CivilDate? {
    guard let storage = calendar.storage else { return date.adding(days: n) }
    var day = date
    var remaining = n.magnitude
    while remaining > 0 {
      day = day.adding(days: n > 0 ? 1 : -1)
      if storage.isBusinessDayByRule(day) { remaining -= 1 }
    }
    return day
  }

  @Test("the index gives what walking day by day gives, across the ends of the indexed years")
  func agreesWithWalking() {
    let extended = BusinessCalendar.unitedStates.adding(
      holidays: [day("1899-12-29"): "Before", day("2201-01-05"): "After", day("2026-03-02"): "Inside"],
      workdays: [day("1899-12-30"), day("2201-01-03"), day("2026-03-07")])
    var random = SeededRandom(seed: 2026)
    let spots = ["1899-12-20", "1900-01-03", "2026-03-01", "2200-12-24", "2201-01-02"].map(day)
    for calendar in [BusinessCalendar.brazil, .unitedStates, extended] {
      for _ in 0..<300 {
        let start = spots.randomElement(using: &random)?.adding(days: Int.random(in: -15...15, using: &random))
        let n = Int.random(in: -30...30, using: &random)
        guard let start, n != 0 else { continue }
        #expect(
          calendar.date(byAdding: n, businessDaysTo: start)
            == BusinessDayArithmeticTests.walked(calendar, n, from: start),
          "\(n) from \(start)")
      }
    }
  }
}
