/// A non-contact step (a fee, a suspension, a write-off…) without `as`: its id comes from its
/// offset and action, so editing either renames it, and an invoice that already had it gets it
/// again — non-contact steps are never missed, so it fires at once, however late.
enum UnnamedActionRule: LintRule {
  static let code = DiagnosticCode.unnamedAction
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      for step in entry.steps where !step.action.isContact && step.explicitID == nil {
        let id = step.id
        warnings.append(
          warning(
            "`\(id)` has no `as` id: editing its offset or action renames it, and invoices that had it get it again",
            at: step.offset.range.extended(to: step.actionRange),
            help: "pin its id: add `as \(id)` at the end of the line"))
      }
    }
    return warnings
  }
}
