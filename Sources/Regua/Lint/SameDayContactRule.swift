/// Two unconditional contacts on one channel on the same day: the customer gets both at once.
enum SameDayContactRule: LintRule {
  static let code = DiagnosticCode.sameDayContact
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for entry in file.cadences {
      var seen: [String: StepSyntax] = [:]
      // The cadence compiled, so its steps are the step lines, in order.
      for (step, compiled) in zip(entry.steps, entry.cadence.steps) where step.when == nil && step.unless == nil {
        guard let channel = compiled.channel else { continue }
        let key = "\(SyntaxPrinter.offset(step.offset)) \(channel)"
        guard let first = seen[key] else {
          seen[key] = step
          continue
        }
        warnings.append(
          warning(
            "a second `\(channel)` contact on \(SyntaxPrinter.offset(step.offset)): the customer gets both the same day",
            at: step.offset.range.extended(to: step.actionRange),
            help: "merge the two steps, move one to another day, or give one a condition",
            notes: ["the first is on line \(first.range.start.line)"]))
      }
    }
    return warnings
  }
}
