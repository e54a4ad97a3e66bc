import Testing

@testable import Regua

@Suite("The business-day index")
struct BusinessDayIndexTests {
  static let extended = BusinessCalendar.brazil.adding(
    holidays: [day("2026-01-25"): "Aniversário de São Paulo"], workdays: [day("2026-02-17"), day("2026-06-06")])

  /// Whether each day of `year` is a business day, from the rules evaluated once for the year.
  static func byRules(_ storage: BusinessCalendar.Storage, year: Int) -> [Int: Bool] {
    var closed = Set(storage.holidays.keys.filter { $0.year == year }.map(\.daysSinceEpoch))
    for rule in storage.rules {
      for ruleYear in year - 1...year + 1 {
        if let date = rule.observedDate(in: ruleYear), date.year == year { closed.insert(date.daysSinceEpoch) }
      }
    }
    let first = CivilDate.daysFromCivil(year: year, month: 1, day: 1)
    let last = CivilDate.daysFromCivil(year: year, month: 12, day: 31)
    var business: [Int: Bool] = [:]
    for dayNumber in first...last {
      let date = CivilDate(daysSinceEpoch: dayNumber)
      business[dayNumber] =
        storage.workdays.contains(date) || (!storage.weekend.contains(date.weekday) && !closed.contains(dayNumber))
    }
    return business
  }

  @Test("the index agrees with the rules on every day of 1900–2200")
  func everyDay() throws {
    for calendar in [BusinessCalendar.brazil, .unitedStates, BusinessDayIndexTests.extended] {
      let storage = try #require(calendar.storage)
      var disagreements: [Int] = []
      for year in BusinessDayIndex.years {
        for (dayNumber, business) in BusinessDayIndexTests.byRules(storage, year: year)
        where storage.index.isBusinessDay(dayNumber) != business {
          disagreements.append(dayNumber)
        }
      }
      #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { CivilDate(daysSinceEpoch: $0) })")
    }
  }

  @Test(
    "the direct rule check, used outside the index, agrees with the index",
    arguments: [1900, 2000, 2021, 2024, 2027, 2028, 2200])
  func directCheck(year: Int) throws {
    for calendar in [BusinessCalendar.brazil, .unitedStates, BusinessDayIndexTests.extended] {
      let storage = try #require(calendar.storage)
      for dayNumber in CivilDate.daysFromCivil(
        year: year, month: 1, day: 1)...CivilDate.daysFromCivil(year: year, month: 12, day: 31)
      {
        #expect(
          storage.index.isBusinessDay(dayNumber) == storage.isBusinessDayByRule(CivilDate(daysSinceEpoch: dayNumber)))
      }
    }
  }

  @Test("rank and select are inverse on the business days")
  func rankAndSelect() throws {
    let storage = try #require(BusinessCalendar.unitedStates.storage)
    let index = storage.index
    for k in [1, 2, 63, 64, 65, 1000, index.total - 1, index.total] {
      let dayNumber = index.select(k)
      #expect(index.isBusinessDay(dayNumber))
      #expect(index.rank(through: dayNumber) == k)
      #expect(index.rank(through: dayNumber - 1) == k - 1)
    }
    #expect(index.rank(through: BusinessDayIndex.first - 1) == 0)
    #expect(index.rank(through: BusinessDayIndex.last) == index.total)
  }

  @Test("the next business day by scanning words agrees with rank and select, at the index's ends too")
  func nextBusinessDay() throws {
    let storage = try #require(BusinessCalendar.brazil.storage)
    let index = storage.index
    var random = SeededRandom(seed: 0xB5D)
    let days =
      [BusinessDayIndex.first - 1, BusinessDayIndex.first, BusinessDayIndex.last - 1]
      + (0..<2000).map { _ in Int.random(in: BusinessDayIndex.first..<BusinessDayIndex.last, using: &random) }
    for day in days {
      let passed = index.rank(through: day)
      let expected = passed < index.total ? index.select(passed + 1) : nil
      #expect(index.nextBusinessDay(after: day) == expected, "after \(CivilDate(daysSinceEpoch: day))")
    }
    // The last day of the index has none after it in the index.
    #expect(index.nextBusinessDay(after: BusinessDayIndex.last) == nil)
  }
}
