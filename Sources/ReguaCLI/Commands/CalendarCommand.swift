import Regua

/// `regua calendar NAME --year YYYY [--json] [--rules PATH]`: the holidays of a business calendar
/// in one year.
enum CalendarCommand: Command {
  static let spec = CommandSpec(
    name: "calendar", usageLine: "USAGE: regua calendar NAME --year YYYY [--json] [--rules PATH]",
    options: ["year", "rules"],
    flags: ["json"], minimumPositionals: 1, maximumPositionals: 1,
    help: """
      regua calendar — the holidays of a business calendar in one year

      USAGE: regua calendar NAME --year YYYY [--json] [--rules PATH]

      ARGUMENTS:
        NAME          a calendar: BR (ANBIMA's national holidays), US (the federal holidays
                      on OPM's observed dates), none, or one declared in the rules (--rules)
      OPTIONS:
        --year YYYY   the year, 1 to 9999
        --json        print one line of JSON (see Documentation/Calendars.md)
        --rules PATH  a rules directory (or a rule file) whose `calendar` declarations NAME may
                      name; a file or directory with errors is reported and nothing is listed

      Lists the holidays observed in the year, in date order, one per line: the date, two
      spaces, the name, and `(observed; YYYY-MM-DD)` with the holiday's own date when it is
      observed on another day (US: a Saturday holiday on the Friday before, a Sunday one on the
      Monday after, even across New Year). Saturdays and Sundays are non-business days too, and
      are not listed. The rules are described in Documentation/Calendars.md.
      """,
    overview: [("calendar NAME --year YYYY", "the holidays of a business calendar (BR, US) in a year")])

  /// The calendars `NAME` can be: the built-in ones, then those the rule files of `rules` declare
  /// (sorted by name).
  static func calendars(rules: String?, terminal: Terminal) throws -> [(name: String, calendar: BusinessCalendar)] {
    let builtIn = BusinessCalendar.builtInNames.compactMap { name in BusinessCalendar.builtIn[name].map { (name, $0) } }
    guard let rules else { return builtIn }
    let loaded = try RuleScope.compile(try RuleLoading.foundRuleFiles([rules]))
    let files = loaded.map(\.file)
    let errors = files.filter { !$0.isValid }
    guard errors.isEmpty else {
      let renderer = DiagnosticRenderer(colored: terminal.colorsErrors)
      throw CommandFailure(
        message: errors.map { renderer.render($0.diagnostics.filter { $0.severity == .error }, in: $0.source) }
          .joined())
    }
    let declared = Environment(ruleFiles: loaded.flatMap(\.scope)).calendars.filter {
      BusinessCalendar.builtIn[$0.key] == nil
    }
    return builtIn + declared.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  static func run(_ arguments: inout Arguments, terminal: inout Terminal) throws -> ExitCode {
    let name = arguments.positionals[0]
    let known = try calendars(rules: arguments.value("rules"), terminal: terminal)
    guard let calendar = known.first(where: { $0.name == name })?.calendar else {
      let names = known.map(\.name)
      let guess = Suggestions.closest(to: name, among: names).map { "; did you mean `\($0)`?" } ?? ""
      throw UsageError(
        message: "unknown calendar `\(SafeText.excerpt(name))`\(guess) (calendars: "
          + names.map(SafeText.escaped).joined(separator: ", ") + ")"
          + (arguments.value("rules") == nil ? "; a calendar declared in rule files needs `--rules PATH`" : ""))
    }
    let yearText = try arguments.required("year")
    guard yearText.utf8.count == 4, yearText.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let year = Int(yearText), year >= 1
    else {
      throw UsageError(
        message: "`--year` takes a year from 0001 to 9999, such as `2026`, not `\(SafeText.excerpt(yearText))`")
    }
    let holidays = calendar.holidays(in: year)
    if arguments.flag("json") {
      terminal.print(json(name: name, year: year, holidays: holidays).serialized)
    } else if !holidays.isEmpty {
      terminal.print(holidays.map(line).joined(separator: "\n"))
    }
    return .success
  }

  /// `2027-12-31  New Year's Day  (observed; 2028-01-01)`.
  static func line(_ holiday: Holiday) -> String {
    let name = SafeText.escaped(holiday.name)
    return "\(holiday.date)  \(name)" + (holiday.isMoved ? "  (observed; \(holiday.actualDate))" : "")
  }

  /// `{"calendar":"US","holidays":[{"actual":"2028-01-01","date":"2027-12-31","name":"New Year's Day"}],"year":2027}`.
  static func json(name: String, year: Int, holidays: [Holiday]) -> JSONValue {
    .object([
      "calendar": .string(name),
      "year": .int(year),
      "holidays": .array(
        holidays.map { holiday in
          .object([
            "date": .string(holiday.date.description), "actual": .string(holiday.actualDate.description),
            "name": .string(holiday.name),
          ])
        }),
    ])
  }
}
