/// A `holiday` on a day the cadence's built-in calendar already closes (a weekend day, or one
/// of its own holidays): the line changes nothing, and its name hides the calendar's.
enum RedundantHolidayRule: LintRule {
  static let code = DiagnosticCode.redundantHoliday
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      guard let name = entry.cadence.calendar, let base = BusinessCalendar.builtIn[name], !base.movesNothing else {
        continue
      }
      for item in entry.syntax.items {
        guard case .holiday(let holiday) = item.kind, !base.isBusinessDay(holiday.date) else { continue }
        let why =
          base.holidays(in: holiday.date.year).first { $0.date == holiday.date }.map { "`\($0.name)`" }
          ?? "a \(String(describing: holiday.date.weekday).capitalized)"
        warnings.append(
          warning(
            "\(holiday.date) is already closed in `\(name)`: it is \(why)", at: holiday.dateRange,
            help: "remove the line"))
      }
    }
    return warnings
  }
}
