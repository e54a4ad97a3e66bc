/// `any day` on a step that is not a contact (a suspension, a fee, a write-off…): such steps are
/// the team's or the systems' work, done on business days, and `any day` puts them on weekends
/// and holidays.
enum AnyDayNonContactRule: LintRule {
  static let code = DiagnosticCode.anyDayNonContact
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      for step in entry.steps where !step.action.isContact {
        guard let range = step.anyDay else { continue }
        warnings.append(
          warning(
            "`any day` puts `\(step.action.keywords.joined(separator: " "))` on weekends and holidays too", at: range,
            help: "remove `any day`: only contacts usually go out on a day that is not a business day"))
      }
    }
    return warnings
  }
}
