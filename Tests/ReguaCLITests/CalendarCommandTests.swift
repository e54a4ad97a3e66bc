import Foundation
import Testing

@Suite("regua calendar", .serialized)
struct CalendarCommandTests {
  @Test("BR 2026 lists ANBIMA's holidays, one per line, in date order")
  func brazil() throws {
    let result = try ReguaBinary.run(["calendar", "BR", "--year", "2026"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        2026-01-01  Confraternização Universal
        2026-02-16  Carnaval
        2026-02-17  Carnaval
        2026-04-03  Paixão de Cristo
        2026-04-21  Tiradentes
        2026-05-01  Dia do Trabalho
        2026-06-04  Corpus Christi
        2026-09-07  Independência do Brasil
        2026-10-12  Nossa Senhora Aparecida
        2026-11-02  Finados
        2026-11-15  Proclamação da República
        2026-11-20  Dia Nacional de Zumbi e da Consciência Negra
        2026-12-25  Natal

        """)
    #expect(result.stderr.isEmpty)
  }

  @Test("US 2027 shows observed dates with the actual one, New Year's Day 2028 included")
  func unitedStates() throws {
    let result = try ReguaBinary.run(["calendar", "US", "--year", "2027"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 12)
    #expect(lines.contains("2027-07-05  Independence Day  (observed; 2027-07-04)"))
    #expect(lines.contains("2027-01-18  Birthday of Martin Luther King, Jr."))
    #expect(lines.last == "2027-12-31  New Year's Day  (observed; 2028-01-01)")
    let next = try ReguaBinary.run(["calendar", "US", "--year", "2028"])
    #expect(!next.stdout.contains("New Year's Day"))
  }

  @Test("--json is one line: the calendar, the year, and each holiday's date, actual date and name")
  func json() throws {
    let result = try ReguaBinary.run(["calendar", "US", "--year", "2026", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix(#"{"calendar":"US","holidays":[{"actual":"2026-01-01","date":"2026-01-01","#))
    #expect(result.stdout.hasSuffix("],\"year\":2026}\n"))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let holidays = try #require(object["holidays"] as? [[String: String]])
    #expect(holidays.count == 11)
    #expect(holidays[5] == ["date": "2026-07-03", "actual": "2026-07-04", "name": "Independence Day"])
  }

  @Test("none lists nothing and succeeds")
  func none() throws {
    let result = try ReguaBinary.run(["calendar", "none", "--year", "2026"])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let json = try ReguaBinary.run(["calendar", "none", "--year", "2026", "--json"])
    #expect(json.stdout == "{\"calendar\":\"none\",\"holidays\":[],\"year\":2026}\n")
  }

  @Test("an unknown calendar is a usage error with a suggestion", arguments: ["br", "UK"])
  func unknown(name: String) throws {
    let result = try ReguaBinary.run(["calendar", name, "--year", "2026"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("error: unknown calendar `\(name)`; did you mean `"))
    #expect(result.stderr.contains("(calendars: BR, US, none)"))
  }

  @Test(
    "a missing or invalid year is a usage error",
    arguments: [[], ["--year", "26"], ["--year", "0000"], ["--year", "x2026"]])
  func badYear(year: [String]) throws {
    let result = try ReguaBinary.run(["calendar", "BR"] + year)
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        year.isEmpty ? "error: missing `--year`" : "error: `--year` takes a year from 0001 to 9999"))
  }

  @Test("the command is listed in the overview and has its own help")
  func help() throws {
    #expect(try ReguaBinary.run(["--help"]).stdout.contains("calendar NAME --year YYYY"))
    let help = try ReguaBinary.run(["calendar", "--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: regua calendar NAME --year YYYY [--json]"))
  }
}
