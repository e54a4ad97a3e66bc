/// `any day` in a cadence whose calendar is `none` (or that names none): every day is a business
/// day there, so the option keeps the step on a day nothing would move it from. Likely the
/// `calendar` line is missing, or the option is left over from one.
enum AnyDayWithoutCalendarRule: LintRule {
  static let code = DiagnosticCode.anyDayWithoutCalendar
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences where entry.cadence.calendar == nil || entry.cadence.calendar == "none" {
      for step in entry.steps {
        guard let range = step.anyDay else { continue }
        warnings.append(
          warning(
            "`any day` does nothing without a business calendar: every day is a business day", at: range,
            help: "add the cadence's calendar (`calendar BR`), or remove `any day`"))
      }
    }
    return warnings
  }
}
