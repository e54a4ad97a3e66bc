import Regua
import Testing

@Suite("BR: ANBIMA's national holidays")
struct BrazilCalendarTests {
  /// ANBIMA's list of national holidays (https://www.anbima.com.br/feriados/feriados.asp and
  /// its spreadsheet https://www.anbima.com.br/feriados/arqs/feriados_nacionais.xls), typed in
  /// by hand from two copies of it: https://github.com/philss/feriados-anbima
  /// (`anual/feriados-anbima-YYYY.csv`, with 11-20 but whose scrape dropped every 10-12) and
  /// https://github.com/wilsonfreitas/R-bizdays (`ANBIMA.cal`, with 10-12, from before 11-20
  /// was added). Nothing here is computed.
  static let published: [Int: [String]] = [
    2024: [
      "2024-01-01", "2024-02-12", "2024-02-13", "2024-03-29", "2024-04-21", "2024-05-01", "2024-05-30", "2024-09-07",
      "2024-10-12", "2024-11-02", "2024-11-15", "2024-11-20", "2024-12-25",
    ],
    2025: [
      "2025-01-01", "2025-03-03", "2025-03-04", "2025-04-18", "2025-04-21", "2025-05-01", "2025-06-19", "2025-09-07",
      "2025-10-12", "2025-11-02", "2025-11-15", "2025-11-20", "2025-12-25",
    ],
    2026: [
      "2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-04-21", "2026-05-01", "2026-06-04", "2026-09-07",
      "2026-10-12", "2026-11-02", "2026-11-15", "2026-11-20", "2026-12-25",
    ],
    2027: [
      "2027-01-01", "2027-02-08", "2027-02-09", "2027-03-26", "2027-04-21", "2027-05-01", "2027-05-27", "2027-09-07",
      "2027-10-12", "2027-11-02", "2027-11-15", "2027-11-20", "2027-12-25",
    ],
    2028: [
      "2028-01-01", "2028-02-28", "2028-02-29", "2028-04-14", "2028-04-21", "2028-05-01", "2028-06-15", "2028-09-07",
      "2028-10-12", "2028-11-02", "2028-11-15", "2028-11-20", "2028-12-25",
    ],
    2029: [
      "2029-01-01", "2029-02-12", "2029-02-13", "2029-03-30", "2029-04-21", "2029-05-01", "2029-05-31", "2029-09-07",
      "2029-10-12", "2029-11-02", "2029-11-15", "2029-11-20", "2029-12-25",
    ],
    2030: [
      "2030-01-01", "2030-03-04", "2030-03-05", "2030-04-19", "2030-04-21", "2030-05-01", "2030-06-20", "2030-09-07",
      "2030-10-12", "2030-11-02", "2030-11-15", "2030-11-20", "2030-12-25",
    ],
    2031: [
      "2031-01-01", "2031-02-24", "2031-02-25", "2031-04-11", "2031-04-21", "2031-05-01", "2031-06-12", "2031-09-07",
      "2031-10-12", "2031-11-02", "2031-11-15", "2031-11-20", "2031-12-25",
    ],
    2032: [
      "2032-01-01", "2032-02-09", "2032-02-10", "2032-03-26", "2032-04-21", "2032-05-01", "2032-05-27", "2032-09-07",
      "2032-10-12", "2032-11-02", "2032-11-15", "2032-11-20", "2032-12-25",
    ],
  ]

  @Test("every national holiday of 2024–2032 is on ANBIMA's date, and no other day is listed", arguments: 2024...2032)
  func publishedYears(year: Int) {
    let holidays = BusinessCalendar.brazil.holidays(in: year)
    #expect(holidays.map(\.date.description) == BrazilCalendarTests.published[year])
    #expect(holidays.allSatisfy { !$0.isMoved })
    for date in holidays.map(\.date) {
      #expect(!BusinessCalendar.brazil.isBusinessDay(date))
    }
  }

  @Test("the names are ANBIMA's, in Portuguese")
  func names() {
    #expect(
      lines(.brazil, 2026) == [
        "2026-01-01 Confraternização Universal", "2026-02-16 Carnaval", "2026-02-17 Carnaval",
        "2026-04-03 Paixão de Cristo", "2026-04-21 Tiradentes", "2026-05-01 Dia do Trabalho",
        "2026-06-04 Corpus Christi", "2026-09-07 Independência do Brasil", "2026-10-12 Nossa Senhora Aparecida",
        "2026-11-02 Finados", "2026-11-15 Proclamação da República",
        "2026-11-20 Dia Nacional de Zumbi e da Consciência Negra", "2026-12-25 Natal",
      ])
    #expect(BusinessCalendar.brazil.name == "BR")
  }

  @Test("11-20 is a national holiday from 2024 on, not before")
  func consciênciaNegra() {
    #expect(BusinessCalendar.brazil.isBusinessDay(day("2023-11-20")))
    #expect(!BusinessCalendar.brazil.isBusinessDay(day("2024-11-20")))
    #expect(!BusinessCalendar.brazil.holidays(in: 2023).contains { $0.date == day("2023-11-20") })
    #expect(BusinessCalendar.brazil.holidays(in: 2023).count == 12)
    #expect(BusinessCalendar.brazil.holidays(in: 2200).contains { $0.date == day("2200-11-20") })
  }

  @Test("Ash Wednesday is a business day, the Carnival days around it are not", arguments: 2024...2032)
  func ashWednesday(year: Int) throws {
    let easter = try #require(Easter.sunday(in: year))
    #expect(BusinessCalendar.brazil.isBusinessDay(easter.adding(days: -46)))
    #expect(!BusinessCalendar.brazil.isBusinessDay(easter.adding(days: -47)))
    #expect(!BusinessCalendar.brazil.isBusinessDay(easter.adding(days: -48)))
  }

  @Test("holidays on a weekend stay where they are: no observed-day moves")
  func noMoves() {
    // 2026-11-15 is a Sunday; 2027-05-01 a Saturday.
    #expect(BusinessCalendar.brazil.isBusinessDay(day("2026-11-16")))
    #expect(BusinessCalendar.brazil.isBusinessDay(day("2027-04-30")))
    #expect(lines(.brazil, 2027).contains("2027-05-01 Dia do Trabalho"))
  }

  @Test("Good Friday and Tiradentes on one day are both listed (2000)")
  func twoOnOneDay() {
    let april21 = BusinessCalendar.brazil.holidays(in: 2000).filter { $0.date == day("2000-04-21") }
    #expect(april21.map(\.name) == ["Paixão de Cristo", "Tiradentes"])
  }
}
