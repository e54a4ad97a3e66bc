import Regua
import Testing

@Suite("Calendars extended with a host's holidays and workdays")
struct ExtendedCalendarTests {
  static let saoPaulo = BusinessCalendar.brazil.adding(
    holidays: [day("2026-01-25"): "Aniversário de São Paulo", day("2026-07-09"): "Revolução Constitucionalista"],
    workdays: [day("2026-06-06"), day("2026-02-17")])

  @Test("an added holiday is a non-business day, listed with its name")
  func addedHoliday() {
    let calendar = ExtendedCalendarTests.saoPaulo
    #expect(!calendar.isBusinessDay(day("2026-07-09")))
    #expect(BusinessCalendar.brazil.isBusinessDay(day("2026-07-09")))
    #expect(lines(calendar, 2026).contains("2026-07-09 Revolução Constitucionalista"))
    #expect(lines(calendar, 2026).first == "2026-01-01 Confraternização Universal")
    #expect(calendar.holidays == [day("2026-01-25"), day("2026-07-09")])
    #expect(calendar.name == nil)
  }

  @Test("a workday is a business day on a weekend and on a holiday, and its holiday is not listed")
  func workdays() {
    let calendar = ExtendedCalendarTests.saoPaulo
    #expect(calendar.isBusinessDay(day("2026-06-06")))  // a Saturday
    #expect(calendar.isBusinessDay(day("2026-02-17")))  // Carnival Tuesday
    #expect(!lines(calendar, 2026).contains("2026-02-17 Carnaval"))
    #expect(calendar.date(byAdding: 1, businessDaysTo: day("2026-02-13")) == day("2026-02-17"))
    #expect(calendar.date(byAdding: 1, businessDaysTo: day("2026-06-05")) == day("2026-06-06"))
  }

  @Test("adding nothing keeps the calendar; adding again keeps what was added")
  func composition() {
    #expect(BusinessCalendar.brazil.adding() == .brazil)
    #expect(BusinessCalendar.brazil.adding().name == "BR")
    let twice = BusinessCalendar.brazil.adding(holidays: [day("2026-01-25"): "Aniversário de São Paulo"])
      .adding(
        holidays: [day("2026-07-09"): "Revolução Constitucionalista"], workdays: [day("2026-06-06"), day("2026-02-17")])
    #expect(twice == ExtendedCalendarTests.saoPaulo)
    #expect(twice.hashValue == ExtendedCalendarTests.saoPaulo.hashValue)
    #expect(twice != .brazil)
    #expect(BusinessCalendar.brazil != .unitedStates)
  }

  @Test("a host's calendar made from dated days keeps working as before")
  func hostCalendar() throws {
    let calendar = try #require(BusinessCalendar(weekend: [.saturday, .sunday], holidays: [day("2026-03-16")]))
    #expect(!calendar.isBusinessDay(day("2026-03-16")))
    #expect(calendar.businessDay(onOrAfter: day("2026-03-14")) == day("2026-03-17"))
    #expect(lines(calendar, 2026) == ["2026-03-16 Holiday"])
    #expect(BusinessCalendar(weekend: []) == BusinessCalendar.none)
    #expect(BusinessCalendar.none.holidays(in: 2026).isEmpty)
    #expect(BusinessCalendar.none.name == "none")
    // Far outside the indexed years, dated days are still honoured.
    // 2500-03-01 and 03-02 are Carnival; Ash Wednesday 03-03 is made a holiday here.
    let far = BusinessCalendar.brazil.adding(holidays: [day("2500-03-03"): "Far"], workdays: [day("2500-03-06")])
    #expect(!far.isBusinessDay(day("2500-03-03")))
    #expect(far.isBusinessDay(day("2500-03-06")))  // a Saturday
    #expect(far.date(byAdding: 1, businessDaysTo: day("2500-02-26")) == day("2500-03-04"))
    #expect(far.date(byAdding: 2, businessDaysTo: day("2500-03-04")) == day("2500-03-06"))
  }
}
